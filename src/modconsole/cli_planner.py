"""`modconsole activities …`: the plan for scripts — list a week, add, export and import."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date, datetime, time, timedelta
from pathlib import Path

from modconsole.cli_language import say
from modconsole.domain.messages import N_
from modconsole.services.errors import UserError

EXIT_OK = 0
ZONE_HELP = "time zone name (default Asia/Shanghai)"


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date like 2026-11-23") from None


def _local(value: str) -> datetime:
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a time like 2026-11-23T20:00") \
            from None


def add_commands(commands) -> None:
    from modconsole.domain.enums import ActivityStatus, ActivityType

    acts = commands.add_parser("activities", help="the activity plan")
    what = acts.add_subparsers(dest="activities_command", metavar="action", required=True)
    listing = what.add_parser("list", help="occurrences of one week, Monday to Sunday")
    listing.add_argument("--week", type=_date, metavar="DATE",
                         help="any day of the week to list (default: this week)")
    listing.add_argument("--timezone", default="Asia/Shanghai", help=ZONE_HELP)
    listing.add_argument("--json", action="store_true", help="print JSON objects")
    add = what.add_parser("add", help="plan an activity or a recurring slot; prints its id")
    add.add_argument("--title", required=True)
    add.add_argument("--type", default="custom", choices=list(ActivityType))
    add.add_argument("--start", required=True, type=_local, metavar="LOCAL_TIME",
                     help="wall-clock start in --timezone, e.g. 2026-11-23T20:00")
    add.add_argument("--minutes", type=int, default=60, help="length (default 60)")
    add.add_argument("--timezone", default="Asia/Shanghai", help=ZONE_HELP)
    add.add_argument("--rrule", metavar="RULE", help="RFC 5545 rule, e.g. FREQ=DAILY;COUNT=30")
    add.add_argument("--group", action="append", default=[], metavar="NAME",
                     help="target group (repeat)")
    add.add_argument("--host", metavar="STAFF")
    add.add_argument("--location", default="")
    add.add_argument("--capacity", type=int)
    add.add_argument("--points", type=int, default=0, help="reward points for attending")
    add.add_argument("--checkin-word", default="", metavar="WORD",
                     help="a chat message holding it during a session checks its sender in "
                          "(import chat), e.g. 打卡")
    add.add_argument("--status", default="planned", choices=list(ActivityStatus))
    export = what.add_parser("export", help="write the plan to .ics, .csv or .xlsx")
    export.add_argument("out", metavar="OUT", help="OUT.ics, OUT.csv or OUT.xlsx")
    export.add_argument("--from", dest="start", type=_date, metavar="DATE")
    export.add_argument("--to", dest="end", type=_date, metavar="DATE",
                        help="last day included")
    export.add_argument("--timezone", default="Asia/Shanghai", help=ZONE_HELP)
    export.add_argument("--force", action="store_true", help="replace OUT if it exists")
    importing = what.add_parser("import", help="create or update activities from an .ics file")
    importing.add_argument("file", metavar="FILE.ics")
    importing.add_argument("--timezone", default="Asia/Shanghai",
                           help="zone for floating times (default Asia/Shanghai)")


def _range(first: date, last: date, tz: str) -> tuple[datetime, datetime]:
    from modconsole.domain.recurrence import RecurrenceError, zone

    try:
        local = zone(tz)
    except RecurrenceError as exc:
        raise UserError(N_("cli_planner", "--timezone: {exc}.").format(exc=exc)) from None
    return (datetime.combine(first, time(), local),
            datetime.combine(last + timedelta(days=1), time(), local))


def run(args: argparse.Namespace, store) -> int:
    from modconsole.services import activities as act
    from modconsole.services import activity_files as files

    action = args.activities_command
    if action == "list":
        day = args.week or datetime.now().date()
        monday = day - timedelta(days=day.weekday())
        with store.read() as session:
            rows = act.entries(session, *_range(monday, monday + timedelta(days=6),
                                                args.timezone))
            unreadable = act.unreadable(session)
        for e in unreadable:
            print(say(N_("cli", "modconsole: '{title}' ({activity_id}) is left out: its "
                                "repeat rule cannot be used ({problem}). Fix the rule "
                                "in the planner.").format(
                          title=e.title, activity_id=e.activity_id, problem=e.problem)),
                  file=sys.stderr)
        if args.json:
            print(json.dumps([e.as_json() for e in rows], ensure_ascii=False, indent=2))
        else:
            for e in rows:
                local = e.start.astimezone(act.recurrence.zone(e.timezone))
                groups = ", ".join(name for _, name in e.groups)
                print(f"{local:%a %m-%d %H:%M}  {e.title:<20} {e.type:<12} {e.status:<9} "
                      f"{groups}{'  ↻' if e.recurring else ''}")
        return EXIT_OK
    if action == "add":
        return _add(args, store)
    if action == "import":
        with store.transaction() as session:
            report = files.import_ics(session, Path(args.file), args.timezone)
        print(say(N_("cli", "Imported {name}: {created} new, {updated} updated, {moved} "
                            "moved occurrences.").format(
                      name=Path(args.file).name, created=report.created, updated=report.updated,
                      moved=report.moved)))
        return EXIT_OK
    out = Path(args.out)
    if out.exists() and not args.force:
        raise UserError(N_("cli_planner", "{out} already exists; pass --force to replace "
                                          "it.").format(out=out))
    if bool(args.start) != bool(args.end):
        raise UserError(N_("cli_planner", "Give both --from and --to, or neither."))
    span = _range(args.start, args.end, args.timezone) if args.start else (None, None)
    with store.read() as session:
        if out.suffix.lower() == ".ics":
            count = files.export_ics(session, out, *span)
            done = N_("cli", "Exported {count} activities to {out}.")
        else:
            if span[0] is None:
                raise UserError(N_("cli_planner", "A table export lists occurrences; give --from "
                                                  "and --to."))
            count = files.export_table(session, out, *span)
            done = N_("cli", "Exported {count} occurrences to {out}.")
    print(say(done.format(count=count, out=out)))
    return EXIT_OK


def _add(args, store) -> int:
    from modconsole.domain.recurrence import RecurrenceError, zone
    from modconsole.services import activities as act

    try:
        start = args.start.replace(tzinfo=zone(args.timezone)) if args.start.tzinfo is None \
            else args.start
    except RecurrenceError as exc:
        raise UserError(N_("cli_planner", "--timezone: {exc}.").format(exc=exc)) from None
    if args.minutes < 1:
        raise UserError(N_("cli_planner", "--minutes must be at least 1."))
    with store.transaction() as session:
        activity_id = act.create_activity(session, act.ActivityIn(
            title=args.title, type=args.type, start=start,
            end=start + timedelta(minutes=args.minutes), timezone=args.timezone,
            rrule=args.rrule, groups=tuple(args.group), host=args.host,
            location=args.location, capacity=args.capacity, reward_points=args.points,
            status=args.status, checkin_keyword=args.checkin_word))
    print(activity_id)
    return EXIT_OK
