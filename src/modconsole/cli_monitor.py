"""`modconsole monitor rollup|show`: the daily numbers the dashboard charts, for scripts."""

from __future__ import annotations

import argparse
import json
import sys

from modconsole.cli_language import say
from modconsole.cli_planner import _date
from modconsole.domain.messages import N_
from modconsole.services.errors import UserError

EXIT_OK = 0


def add_scope(parser) -> None:
    """--group, --layer or --segment: whose numbers, instead of the whole community's."""
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--group", metavar="NAME", help="one group instead of the community")
    which.add_argument("--layer", choices=("core", "potential", "base"),
                       help="one layer instead of the community")
    which.add_argument("--segment", metavar="NAME",
                       help="a saved segment's members instead of the community")


def scope_of(session, args) -> tuple[str, str | None]:
    """The rollup scope the options name, and its name for a title (None: everyone)."""
    if args.group:
        from modconsole.services.groups import find_group

        group = find_group(session, args.group)
        return f"group:{group.id}", group.name
    if args.segment:
        from modconsole.services.segments import find_segment

        segment = find_segment(session, args.segment)
        return f"segment:{segment.id}", segment.name
    if args.layer:
        return f"layer:{args.layer}", args.layer
    return "all", None


def add_report(commands) -> None:
    report = commands.add_parser("report", help="a period's numbers (周报/月报/季报)")
    report.add_argument("--period", required=True, metavar="PERIOD",
                        help="2026-11 (a month), 2026-W48 (a week), 2026-Q4 (a quarter) or "
                             "2026-11-01..2026-11-15")
    add_scope(report)
    report.add_argument("--out", metavar="OUT.xlsx", help="the days as a table (.xlsx or .csv)")
    report.add_argument("--pdf", metavar="OUT.pdf", help="the dashboard's charts and numbers "
                                                      "as a PDF (A4)")
    report.add_argument("--png", metavar="OUT.png", help="the same as one tall picture")
    report.add_argument("--force", action="store_true",
                        help="replace --out, --pdf or --png if it exists")
    report.add_argument("--json", action="store_true", help="print the summary as JSON")


def run_report(args: argparse.Namespace, store) -> int:
    from pathlib import Path

    from modconsole.cli_language import translate
    from modconsole.services.monitoring.report import (
        period,
        period_numbers,
        period_report,
        write_days,
    )

    first, last = period(args.period)
    out, pdf, png = (Path(p) if p else None for p in (args.out, args.pdf, args.png))
    for path in (out, pdf, png):
        if path is not None and path.exists() and not args.force:
            raise UserError(N_("cli_monitor", "{out} already exists; pass --force to replace "
                                              "it.").format(out=path))
    with store.read() as session:
        scope, scope_name = scope_of(session, args)
        report = period_report(session, first, last, scope)
        numbers = period_numbers(session, first, last, scope) if pdf or png else None
    if out is not None:
        write_days(report, out, translate)
    share = None if report.active_7_share is None else round(report.active_7_share, 1)
    t = report.totals
    line = say(N_("cli_monitor", "{first} to {last}: members {before} → {after} ({joins} "
                                "joined, {leaves} left); active within 7 days on the last "
                                "day: {share}; {reports} reports in, {decided} cases decided; "
                                "{signups} sign-ups, {checkins} check-ins; {points} points "
                                "paid.").format(
        first=first, last=last, before=report.members_before, after=report.members_after,
        joins=t["joins"], leaves=t["leaves"], share="—" if share is None else f"{share}%",
        reports=t["reports_in"], decided=t["cases_decided"], signups=t["signups"],
        checkins=t["check_ins"], points=t["points_issued"]))
    if numbers is not None:
        from modconsole.gui.dashboard.report_file import write_report

        title = say(N_("cli_monitor", "Community report {period}").format(period=args.period))
        if scope_name is not None:
            title += " · " + scope_name
        write_report(pdf, png, title, [line], numbers)
    if args.json:
        print(json.dumps({"first": first.isoformat(), "last": last.isoformat(),
                          "scope": scope, "members_before": report.members_before,
                          "members_after": report.members_after, **report.totals,
                          "active_7_share": share}, ensure_ascii=False, indent=2))
        return EXIT_OK
    print(line)
    for path in (pdf, png):
        if path is not None:
            print(say(N_("cli_monitor", "The report is in {out}.").format(out=path)))
    if out is not None:
        print(say(N_("cli_monitor", "The days are in {out}.").format(out=out)))
    return EXIT_OK


def add_commands(commands) -> None:
    from modconsole.services.monitoring.rollups import METRICS

    monitor = commands.add_parser("monitor", help="daily numbers (数据监测): roll up and show")
    what = monitor.add_subparsers(dest="monitor_command", metavar="action", required=True)
    rollup = what.add_parser("rollup", help="(re)compute the daily rollups; by default from "
                                            "the first event to today")
    rollup.add_argument("--from", dest="first", type=_date, metavar="DATE")
    rollup.add_argument("--to", dest="last", type=_date, metavar="DATE")
    show = what.add_parser("show", help="one metric day by day")
    show.add_argument("metric", choices=METRICS)
    add_scope(show)
    show.add_argument("--from", dest="first", type=_date, metavar="DATE")
    show.add_argument("--to", dest="last", type=_date, metavar="DATE")
    show.add_argument("--json", action="store_true", help="print JSON objects")
    target = what.add_parser("target", help="KPI targets: set, list, remove")
    target_what = target.add_subparsers(dest="target_command", metavar="action", required=True)
    setting = target_what.add_parser("set", help="a metric reaching a value by a date")
    setting.add_argument("metric", choices=("members", "active_7", "active_30"),
                         help="active_7 and active_30 are shares of members, in per cent")
    setting.add_argument("value", type=float)
    setting.add_argument("--by", dest="deadline", type=_date, required=True, metavar="DATE")
    add_scope(setting)
    setting.add_argument("--note", default="", metavar="TEXT")
    setting.add_argument("--as", dest="staff", metavar="STAFF", help="a lead or admin by name")
    listing = target_what.add_parser("list", help="every target, its value now and its trend")
    listing.add_argument("--json", action="store_true", help="print JSON objects")
    removing = target_what.add_parser("remove", help="remove a target")
    removing.add_argument("id", metavar="ID")


def _targets(args, store) -> int:
    from modconsole.services.identity import act_as_named
    from modconsole.services.monitoring import targets

    if args.target_command == "set":
        with store.transaction() as session:
            if args.staff:
                act_as_named(session, args.staff)
            scope, _name = scope_of(session, args)
            print(targets.set_target(session, args.metric, args.value, args.deadline, scope,
                                     args.note))
        return EXIT_OK
    if args.target_command == "remove":
        with store.transaction() as session:
            targets.remove_target(session, args.id)
        return EXIT_OK
    with store.read() as session:
        found = targets.progress(session)
    if args.json:
        print(json.dumps([t.as_json() for t in found], ensure_ascii=False, indent=2))
        return EXIT_OK
    for t in found:
        verdict = {True: say(N_("cli_monitor", "on track")),
                   False: say(N_("cli_monitor", "behind")),
                   None: say(N_("cli_monitor", "no numbers yet"))}[t.on_track]
        now = "—" if t.current is None else f"{t.current:.1f}"
        trend = "—" if t.projected is None else f"{t.projected:.1f}"
        print(f"{t.id}  {t.metric} {t.scope} {t.value:g} by {t.deadline}: {now} → {trend}  "
              f"{verdict}  {t.note}")
    return EXIT_OK


def run(args: argparse.Namespace, store) -> int:
    from modconsole.services.monitoring.rollups import roll_up, series

    if args.monitor_command == "target":
        return _targets(args, store)
    if args.monitor_command == "rollup":
        if args.first and args.last and args.first > args.last:
            raise UserError(N_("cli_monitor", "--from must not be after --to."))
        with store.writing("rollup", "monitor"), store.transaction() as session:
            result = roll_up(session, args.first, args.last)
        print(say(N_("cli_monitor", "Rolled up {first} to {last}: {scopes} scopes, {rows} "
                                    "numbers.").format(first=result.first, last=result.last,
                                                       scopes=result.scopes, rows=result.rows)))
        return EXIT_OK
    with store.read() as session:
        scope, _name = scope_of(session, args)
        rows = series(session, args.metric, scope, args.first, args.last)
    if not rows:
        print(say(N_("cli_monitor", "No numbers yet: run `modconsole monitor rollup` "
                                    "first.")), file=sys.stderr)
    if args.json:
        print(json.dumps([{"day": d.isoformat(), "value": v} for d, v in rows], indent=2))
    else:
        for day, value in rows:
            print(f"{day.isoformat()}  {value}")
    return EXIT_OK
