"""`modconsole rules|reports|sanctions …` and `import reports`: the queue for scripts."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime
from pathlib import Path

from modconsole import cli_detectors
from modconsole.cli_language import say
from modconsole.domain.messages import N_
from modconsole.services.errors import UserError

EXIT_OK, EXIT_REJECTED, EXIT_USAGE = 0, 1, 2
DECISIONS = ("dismiss", "warn", "mute", "remove", "ban")


def _days(value: str) -> int:
    if not value.isdigit() or not 1 <= int(value) <= 3650:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of days from 1 to 3650")
    return int(value)


def _time(value: str) -> datetime:
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not an ISO time like 2026-11-20T14:30") from None
    return parsed.astimezone(UTC)  # a time without a zone is local time


def add_commands(commands) -> None:
    rules = commands.add_parser("rules", help="the rulebook")
    rules_what = rules.add_subparsers(dest="rules_command", metavar="action", required=True)
    rules_list = rules_what.add_parser("list", help="every rule, categories first")
    rules_list.add_argument("--json", action="store_true", help="print JSON objects")
    cli_detectors.add_commands(rules_what)

    reports = commands.add_parser("reports", help="file, list and decide reported cases")
    what = reports.add_subparsers(dest="reports_command", metavar="action", required=True)
    add = what.add_parser("add", help="file a report; prints the case id")
    add.add_argument("--member", required=True, metavar="PLATFORM_ID_OR_ID")
    add.add_argument("--rule", metavar="CODE", help="the rule broken (optional at intake)")
    add.add_argument("--evidence", default="", metavar="TEXT", help="the offending text")
    add.add_argument("--link", metavar="URL")
    add.add_argument("--file", action="append", default=[], metavar="PATH",
                     help="an evidence file to copy into the case (repeat)")
    add.add_argument("--reporter", metavar="ID", help="member platform id/id or staff name")
    add.add_argument("--source", default="member", choices=["member", "staff", "import",
                                                             "server"])
    add.add_argument("--group", metavar="NAME")
    add.add_argument("--at", type=_time, metavar="ISO_TIME", help="when it was reported")
    listing = what.add_parser("list", help="cases in queue order")
    listing.add_argument("--status", default="todo",
                         choices=["todo", "open", "claimed", "decided", "appealed", "closed",
                                  "all"])
    listing.add_argument("--member", metavar="ID")
    listing.add_argument("--limit", type=int, default=100, metavar="N")
    listing.add_argument("--json", action="store_true", help="print JSON objects")
    decide = what.add_parser("decide", help="decide a case on the penalty ladder")
    decide.add_argument("case", metavar="CASE")
    decide.add_argument("--action", choices=DECISIONS)
    decide.add_argument("--days", type=_days, metavar="N", help="length of a mute")
    decide.add_argument("--permanent", action="store_true", help="a permanent mute")
    decide.add_argument("--suggested", action="store_true",
                        help="apply what the ladder suggests (the default without --action)")
    decide.add_argument("--reason", default="", metavar="TEXT")
    decide.add_argument("--deviation", metavar="TEXT",
                        help="why you chose something other than the ladder's suggestion")
    decide.add_argument("--as", dest="moderator", metavar="MODERATOR",
                        help="staff name or id to decide as (default: you)")
    decide.add_argument("--outcome", choices=["upheld", "reduced", "overturned"],
                        help="answer an appeal case (reduced takes --action for the lighter "
                        "sanction)")

    sanctions = commands.add_parser("sanctions", help="sanctions applied to members")
    s_what = sanctions.add_subparsers(dest="sanctions_command", metavar="action", required=True)
    s_list = s_what.add_parser("list", help="newest first, or those in force with --active")
    s_list.add_argument("--active", action="store_true", help="only mutes and bans in force")
    s_list.add_argument("--member", metavar="ID")
    s_list.add_argument("--json", action="store_true", help="print JSON objects")

    numbers = commands.add_parser("moderators", help="per moderator and week: cases decided, "
                                                     "median time to decision, overturned")
    numbers.add_argument("--weeks", type=int, default=8, metavar="N",
                         help="the last N weeks (default 8)")
    numbers.add_argument("--json", action="store_true", help="print JSON objects")


def add_import(import_what) -> None:
    reports = import_what.add_parser("reports", help="file reports from a .csv or .xlsx file")
    reports.add_argument("file", metavar="FILE")
    reports.add_argument("--skip-bad-rows", action="store_true",
                         help="file the good rows; the bad ones go to --errors")
    reports.add_argument("--errors", metavar="OUT.csv", help="bad rows with their reasons")
    reports.add_argument("--map", action="append", default=[], metavar="COLUMN=field")
    reports.add_argument("--encoding", metavar="NAME")


def _step(args):
    from modconsole.domain.ladder import Step

    if args.action is None:
        if args.days or args.permanent:
            raise UserError(N_("cli_moderation", "--days and --permanent go with --action mute."))
        return None
    if (args.days or args.permanent) and args.action != "mute":
        raise UserError(N_("cli_moderation", "Only a mute takes --days or --permanent."))
    if args.action == "mute" and not (args.days or args.permanent):
        raise UserError(N_("cli_moderation", "Say how long: --days N or --permanent."))
    return Step(args.action, args.days if args.action == "mute" else None)


def _case_id(session, key: str) -> str:
    """A case by its id or a unique beginning of it (ids are long to type)."""
    from sqlalchemy import select

    from modconsole.store import models as m

    found = session.scalars(select(m.Case.id).where(m.Case.id.startswith(key.strip()))
                            .limit(2)).all()
    if len(key.strip()) < 4 or not found:
        raise UserError(N_("cli_moderation", "There is no case '{key}'; give its id or "
                                             "at least its first 4 characters (reports "
                                             "list shows them).").format(key=key))
    if len(found) > 1:
        raise UserError(N_("cli_moderation", "Several cases begin with '{key}'; give "
                                             "more of the id.").format(key=key))
    return found[0]


def _decide(args, store) -> int:
    from modconsole.services import appeals, decisions
    from modconsole.services.identity import act_as_named

    step = _step(args)
    with store.transaction() as session:
        if args.moderator:
            act_as_named(session, args.moderator)
        case_id = _case_id(session, args.case)
        if args.outcome:
            answered = appeals.decide_appeal(session, case_id, args.outcome, args.reason,
                                             reduce_to=step)
            standing = answered.step.code if answered.step else "no sanction"
            print(say(N_("cli", "Appeal {appeal_case_id}: {outcome}; standing: "
                                "{standing}.").format(
                          appeal_case_id=answered.appeal_case_id, outcome=answered.outcome,
                          standing=standing)))
            return EXIT_OK
        done = decisions.decide(session, case_id, step, args.reason,
                                deviation_reason=args.deviation)
    done_words = N_("cli", "Case {case_id}: {code} (the ladder suggested {suggested}).") \
        if done.deviated else N_("cli", "Case {case_id}: {code}.")
    print(say(done_words.format(case_id=done.case_id, code=done.step.code,
                                suggested=done.suggested.code if done.deviated else "")))
    return EXIT_OK


def run(args: argparse.Namespace, store) -> int:
    from modconsole.services import cases, rulebook, sanctions

    if args.command == "rules" and args.rules_command == "detectors":
        return cli_detectors.run(args, store)
    if args.command == "rules":
        with store.read() as session:
            rules = rulebook.list_rules(session)
        if args.json:
            print(json.dumps([r.as_json() for r in rules], ensure_ascii=False, indent=2))
        else:
            for r in rules:
                flag = " !" if r.aggravated else ""
                indent = "  " if r.parent_id else ""
                print(f"{indent}{r.code:<26} {r.severity:<8}{flag:<3} {r.title_zh} / {r.title_en}")
        return EXIT_OK
    if args.command == "moderators":
        return _moderators(args, store)
    if args.command == "sanctions":
        with store.read() as session:
            member = cases.resolve_member(session, args.member).id if args.member else None
            rows = sanctions.list_sanctions(session, active=args.active, member_id=member)
        if args.json:
            print(json.dumps([r.as_json() for r in rows], ensure_ascii=False, indent=2))
        else:
            for r in rows:
                ends = r.ends_at.astimezone().strftime("%Y-%m-%d %H:%M") if r.ends_at else "—"
                print(f"{r.id}  {r.kind:<6} {r.member_name:<12} "
                      f"{r.starts_at.astimezone():%Y-%m-%d %H:%M} → {ends}  {r.rule_code}")
        return EXIT_OK
    action = args.reports_command
    if action == "add":
        with store.transaction() as session:
            intake = cases.add_report(session, cases.ReportIn(
                member=args.member, evidence=args.evidence, rule=args.rule, link=args.link,
                reporter=args.reporter, source=args.source, at=args.at, group=args.group,
                files=tuple(Path(f) for f in args.file)))
        print(intake.case_id)
        if intake.merged:
            print(say(N_("cli", "Merged into an existing case with the "
                                "same evidence; it now has "
                                "{report_count} reports.").format(
                          report_count=intake.report_count)), file=sys.stderr)
        return EXIT_OK
    if action == "list":
        with store.read() as session:
            member = cases.resolve_member(session, args.member).id if args.member else None
            rows = cases.queue_page(session, cases.QueueFilter(status=args.status,
                                                               member_id=member),
                                    limit=args.limit)
        if args.json:
            print(json.dumps([r.as_json() for r in rows], ensure_ascii=False, indent=2))
        else:
            for r in rows:
                print(f"{r.id}  {r.status:<8} {r.rule_code or '-':<24} x{r.report_count:<3} "
                      f"{r.member_name:<12} {r.decision or ''}")
        return EXIT_OK
    return _decide(args, store)


def _moderators(args: argparse.Namespace, store) -> int:
    from datetime import timedelta

    from modconsole.services.moderator_numbers import numbers

    if args.weeks < 1:
        print(say(N_("cli", "modconsole: --weeks takes 1 or more.")), file=sys.stderr)
        return EXIT_USAGE
    with store.read() as session:
        found = numbers(session, datetime.now(UTC) - timedelta(weeks=args.weeks))
    if args.json:
        print(json.dumps([{"moderator": w.moderator, "week": w.week.isoformat(),
                           "decided": w.decided, "median_minutes": w.median_minutes,
                           "overturned": w.overturned} for w in found.weeks],
                         ensure_ascii=False, indent=2))
        return EXIT_OK
    for w in (*found.weeks, *found.totals):
        week = say(N_("cli", "all weeks")) if w in found.totals else w.week.isoformat()
        print(f"{week:<11} {w.moderator:<12} {w.decided:>5}  {w.median_minutes:>8.0f} min  "
              f"{w.overturned:>3}")
    return EXIT_OK


def run_import(args: argparse.Namespace, store) -> int:
    from modconsole.services.errors import RolledBack
    from modconsole.services.report_import import import_reports, prepare

    table, mapping = prepare(Path(args.file), args.map, args.encoding)
    try:
        with store.writing("import", table.path.name), store.transaction() as session:
            result = import_reports(session, table, mapping, skip_bad_rows=args.skip_bad_rows,
                                    errors_path=Path(args.errors) if args.errors else None)
    except RolledBack as outcome:
        result = outcome.result
    for e in result.errors[:20]:
        print(say(N_("cli", "row {row}, {column}: {reason}").format(
                      row=e.row, column=e.column, reason=e.reason)), file=sys.stderr)
    if not result.written:
        print(say(N_("cli", "Nothing was imported: {n_errors} bad rows of {rows}. Fix "
                            "them, or pass --skip-bad-rows --errors OUT.csv to file the "
                            "good rows.").format(n_errors=len(result.errors), rows=result.rows)),
              file=sys.stderr)
        return EXIT_REJECTED
    print(say(N_("cli", "Filed {filed} of {rows} reports ({merged} merged into existing "
                        "cases).").format(
                  filed=result.filed, rows=result.rows, merged=result.merged)))
    if result.skipped:
        print(say(N_("cli", "{skipped} bad rows skipped; they are in {errors_file}.").format(
                      skipped=result.skipped, errors_file=result.errors_file)))
    return EXIT_OK
