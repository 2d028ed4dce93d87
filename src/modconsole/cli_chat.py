"""`modconsole import chat FILE`: a Telegram, QQ or message-table export into activity."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from modconsole.cli_language import say
from modconsole.domain.messages import N_

EXIT_OK, EXIT_REJECTED = 0, 1
SHOWN = 20


def add_import(import_what) -> None:
    chat = import_what.add_parser(
        "chat", help="a Telegram result.json, QQ message record (.txt) or message table "
                     "(.csv/.xlsx): activity per member and day, joins, leaves, check-ins")
    chat.add_argument("file", metavar="FILE")
    chat.add_argument("--group", metavar="NAME", default="",
                      help="the group the chat stands for (default: the chat's name; "
                           "created if missing)")
    chat.add_argument("--dry-run", action="store_true",
                      help="read everything and report, write nothing")
    chat.add_argument("--create-members", action="store_true",
                      help="add senders who match no member (those with an id) as members")
    chat.add_argument("--no-flag", action="store_true",
                      help="do not run the rules' detectors (no reports are filed)")
    chat.add_argument("--skip-bad", action="store_true",
                      help="import the readable messages when some cannot be read")
    chat.add_argument("--timezone", metavar="ZONE",
                      help="for times without an offset, and for days (default Asia/Shanghai)")
    chat.add_argument("--map", action="append", default=[], metavar="COLUMN=field",
                      help="a table's column: time, sender_id, sender_name, group, text, "
                           "message_id, attachments")
    chat.add_argument("--encoding", metavar="NAME", help="a text file's encoding")
    chat.add_argument("--json", action="store_true", help="print the report as JSON")


def run_import(args, store, progress) -> int:
    from modconsole.domain.recurrence import zone
    from modconsole.services.activities import DEFAULT_ZONE
    from modconsole.services.chat.formats import open_chat
    from modconsole.services.chat.ingest import ChatOptions, import_chat
    from modconsole.services.classification import recompute
    from modconsole.services.errors import RolledBack

    timezone = args.timezone or DEFAULT_ZONE
    options = ChatOptions(group=args.group, zone=timezone, dry_run=args.dry_run,
                          create_members=args.create_members, skip_bad=args.skip_bad,
                          flag=not args.no_flag)
    export = open_chat(Path(args.file), zone(timezone), args.map, args.encoding)
    try:
        with store.writing("import", export.file_name), store.transaction() as session:
            report = import_chat(session, export, options, progress)
    except RolledBack as outcome:
        report = outcome.result
    if report.written:  # last active, counts and streaks moved: classify everyone again
        with store.transaction() as session:
            recompute(session)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    if args.json:
        print(json.dumps(_as_json(report), ensure_ascii=False, indent=2))
    else:
        _print(args, report, zone(timezone))
    return EXIT_OK if report.written or (args.dry_run and not report.errors) else EXIT_REJECTED


def _as_json(report) -> dict:
    return {
        "file": report.file, "format": report.platform, "chats": report.chats,
        "groups_created": report.groups_created, "messages": report.messages,
        "counted": report.counted, "repeated": report.repeated,
        "unmatched_messages": report.unmatched_messages, "joins": report.joins,
        "leaves": report.leaves, "active_members": report.active_members,
        "members_created": report.members_created, "members_updated": report.members_updated,
        "check_ins": report.check_ins, "points_awarded": report.points_awarded,
        "first_at": report.first_at.isoformat() if report.first_at else None,
        "last_at": report.last_at.isoformat() if report.last_at else None,
        "unmatched_senders": report.unmatched_senders,
        "unmatched": [{"sender_id": s.sender_id, "name": s.name, "messages": s.messages}
                      for s in report.unmatched],
        "flagged": report.flagged, "flagged_unknown": report.flagged_unknown,
        "cases_opened": report.cases_opened,
        "flags": [{"at": f.at, "chat": f.chat, "sender": f.sender, "member_id": f.member_id,
                   "rule": f.rule, "kind": f.kind, "matched": f.matched, "text": f.text[:200]}
                  for f in report.flags],
        "detector_problems": [say(p) for p in report.detector_problems],
        "bad_messages": report.bad_messages,
        "errors": [{"where": say(e.where), "reason": say(e.reason)} for e in report.errors],
        "written": report.written,
    }


def _print(args, report, tz) -> None:
    for e in report.errors[:SHOWN]:
        print(say(N_("cli_chat", "{where}: {reason}").format(where=e.where, reason=e.reason)),
              file=sys.stderr)
    if report.bad_messages > SHOWN:
        print(say(N_("cli_chat", "… and {more} more").format(more=report.bad_messages - SHOWN)),
              file=sys.stderr)
    if report.bad_messages and not report.written and not args.dry_run:
        print(say(N_("cli_chat", "Nothing was imported: {n} messages cannot be read. Export the "
                                 "chat again, or pass --skip-bad to import the "
                                 "rest.").format(n=report.bad_messages)), file=sys.stderr)
        return
    chats = ", ".join(report.chats)
    span = (N_("cli_chat", " from {first} to {last}").format(
        first=f"{report.first_at.astimezone(tz):%Y-%m-%d}",
        last=f"{report.last_at.astimezone(tz):%Y-%m-%d}")
        if report.first_at else "")
    print(say(N_("cli_chat", "{file} ({chats}): {messages} messages{span}.").format(
        file=report.file, chats=chats, messages=report.messages, span=span)))
    print(say(N_("cli_chat", "Counted {counted} new messages of {members} members; {repeated} "
                             "were counted by an earlier import; {unmatched} are from senders "
                             "who match no member.").format(
        counted=report.counted, members=report.active_members, repeated=report.repeated,
        unmatched=report.unmatched_messages)))
    if report.joins or report.leaves:
        print(say(N_("cli_chat", "Joins: {joins}. Leaves: {leaves}.").format(
            joins=report.joins, leaves=report.leaves)))
    if report.check_ins:
        print(say(N_("cli_chat", "Check-ins: {n}; {points} members earned the activity's "
                                 "points.").format(
            n=report.check_ins, points=report.points_awarded)))
    if report.groups_created:
        print(say(N_("cli_chat", "Groups created: {groups}.").format(
            groups=", ".join(report.groups_created))))
    if report.members_created:
        print(say(N_("cli_chat", "Members created: {n}.").format(n=report.members_created)))
    for problem in report.detector_problems:
        print(say(N_("cli_chat", "Detectors not used: {problem}.").format(problem=problem)),
              file=sys.stderr)
    if report.flagged or report.flagged_unknown:
        print(say(N_("cli_chat", "Flagged by the rules' detectors: {n} messages of members "
                                 "(reports in the queue; {cases} new cases), {unknown} of "
                                 "senders who match no member (not filed).").format(
            n=report.flagged, cases=report.cases_opened, unknown=report.flagged_unknown)))
        for flag in report.flags[:SHOWN]:
            print(f"  {flag.rule}  {flag.kind}  {flag.sender}: "
                  f"{' '.join(flag.text.split())[:50]}")
    if report.unmatched:
        print(say(N_("cli_chat", "Senders who match no member ({n}), the most active "
                                 "first:").format(n=report.unmatched_senders)))
        for sender in report.unmatched[:SHOWN]:
            print(f"  {sender.name or '-'}  {sender.sender_id or '-'}  {sender.messages}")
        print(say(N_("cli_chat", "Import members first, or pass --create-members to add the "
                                 "senders who have an id.")))
    if args.dry_run:
        print(say(N_("cli_chat", "Dry run: nothing was written.")))
    elif report.written:
        print(say(N_("cli_chat", "{n} members updated; classes and churn levels "
                                 "recomputed.").format(n=report.members_updated)))
