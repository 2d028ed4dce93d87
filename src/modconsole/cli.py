"""`modconsole [--db PATH] <command>`: the console's headless commands.

Exit codes: 0 success, 1 rejected input or a database that cannot be
opened (nothing was written), 2 usage error, 3 an unexpected failure
(details in the log file, never a traceback on the terminal).
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from modconsole import __version__
from modconsole.services.errors import UserError
from modconsole.services.locations import log_dir, resolve_database_path
from modconsole.store.database import DatabaseError

EXIT_OK, EXIT_REJECTED, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3
log = logging.getLogger("modconsole")


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"{value} must be at least 1")
    return number


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="modconsole",
        description="Moderator console for online member communities. "
        "Without a command it opens the desktop console.",
    )
    parser.add_argument("--version", action="version", version=f"modconsole {__version__}")
    parser.add_argument("--db", metavar="PATH",
                        help="database file (default: $MODCONSOLE_DB, the Settings choice, "
                        "or the platform's data folder)")
    commands = parser.add_subparsers(dest="command", metavar="command")
    commands.add_parser("gui", help="open the desktop console (the default)")
    demo = commands.add_parser("demo", help="fill an empty database with a demo community")
    demo.add_argument("--members", type=_positive, default=2000, metavar="N",
                      help="how many members (default 2000)")
    demo.add_argument("--seed", type=int, default=1, metavar="S",
                      help="random seed; the same seed gives the same community (default 1)")
    demo.add_argument("--json", action="store_true", help="print what was made as JSON")
    info = commands.add_parser("info", help="schema version, counts, SQLite version and features")
    info.add_argument("--json", action="store_true", help="machine-readable output")
    members = commands.add_parser("members", help="list and search members")
    member_commands = members.add_subparsers(dest="members_command", metavar="action",
                                             required=True)
    listing = member_commands.add_parser("list", help="members matching filters, in SQL order")
    _add_member_filters(listing)
    listing.add_argument("--sort", default="name", help="column to sort by (default name)")
    listing.add_argument("--desc", action="store_true", help="sort descending")
    listing.add_argument("--limit", type=_positive, default=100, metavar="N")
    listing.add_argument("--json", action="store_true", help="machine-readable output")
    search = member_commands.add_parser(
        "search", help="substring search over names, nicknames, ids, contacts and notes")
    search.add_argument("text", metavar="TEXT")
    search.add_argument("--limit", type=_positive, default=50, metavar="N")
    search.add_argument("--json", action="store_true", help="machine-readable output")
    backup = commands.add_parser("backup", help="write a consistent copy of the database")
    backup.add_argument("out", metavar="OUT", help="the file to write")
    backup.add_argument("--force", action="store_true", help="replace OUT if it exists")
    return parser


def _add_member_filters(parser: argparse.ArgumentParser) -> None:
    add = parser.add_argument
    add("--tag", action="append", default=[], metavar="T",
        help="has this tag (repeat: all of them); GROUP/TAG when a name is in several groups")
    add("--any-tag", action="append", default=[], metavar="T", help="has at least one of these")
    add("--not-tag", action="append", default=[], metavar="T", help="has none of these")
    add("--group", action="append", default=[], metavar="NAME", help="is in one of these groups")
    add("--layer", action="append", default=[], choices=["core", "potential", "base"])
    add("--class", dest="member_class", action="append", default=[],
        choices=["active", "silent", "contributor", "paying", "staff"])
    add("--status", action="append", default=[], choices=["active", "muted", "banned", "left"])
    add("--region", metavar="REGION")
    add("--query", default="", metavar="TEXT", help="substring search, as `members search`")


def _member_filter(args, session):
    from modconsole.domain.member_filter import MemberFilter
    from modconsole.services.roster import resolve_groups, resolve_tags

    return MemberFilter(
        all_tags=resolve_tags(session, args.tag), any_tags=resolve_tags(session, args.any_tag),
        none_tags=resolve_tags(session, args.not_tag), groups=resolve_groups(session, args.group),
        layers=tuple(args.layer), classes=tuple(args.member_class), statuses=tuple(args.status),
        region=args.region, query=args.query)


def _print_members(rows, as_json: bool) -> None:
    if as_json:
        print(json.dumps([r.as_json() for r in rows], ensure_ascii=False, indent=2))
        return
    for r in rows:
        print(f"{r.platform_id:<20} {r.name:<8} {r.nickname:<24} {r.status:<7} "
              f"{' '.join(r.tags)}")


def _setup_logging() -> Path:
    folder = log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "modconsole.log"
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=logging.INFO, handlers=[handler], force=True)
    return path


def _print_progress(done: int, total: int) -> None:
    if sys.stderr.isatty():
        print(f"\r{100 * done // max(total, 1):3d}%", end="", file=sys.stderr, flush=True)


def _cmd_demo(args, store) -> int:
    from modconsole.services.demo import load_demo

    with store.transaction() as session:
        made = load_demo(session, members=args.members, seed=args.seed, progress=_print_progress)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    if args.json:
        print(json.dumps(made))
    else:
        print(f"Demo community written to {store.path}: {made['members']} members, "
              f"{made['groups']} groups, {made['cases']} cases, {made['activities']} activities.")
    return EXIT_OK


def _cmd_info(args, store) -> int:
    from modconsole.services.info import database_info

    with store.transaction() as session:
        info = database_info(session)
    info["database"] = str(store.path)
    if args.json:
        print(json.dumps(info, ensure_ascii=False, indent=2))
        return EXIT_OK
    print(f"database        {info['database']}")
    print(f"modconsole      {info['app_version']}")
    print(f"schema          {info['schema_revision']} (this app: {info['schema_head']})")
    print(f"sqlite          {info['sqlite_version']}, journal {info['journal_mode']}")
    print("features        " + ", ".join(f"{k}={'yes' if v else 'no'}"
                                          for k, v in info["features"].items()))
    for name, count in info["counts"].items():
        print(f"{name:<15} {count}")
    print(f"pending sync    {info['pending_changes']}")
    return EXIT_OK


def _cmd_members(args, store) -> int:
    from modconsole.services.roster import list_members, search_members

    with store.transaction() as session:
        if args.members_command == "search":
            rows = search_members(session, args.text, limit=args.limit)
        else:
            rows = list_members(session, _member_filter(args, session), sort=args.sort,
                                descending=args.desc, limit=args.limit).rows
    _print_members(rows, args.json)
    return EXIT_OK


def _cmd_backup(args, store) -> int:
    from modconsole.services.backup import backup

    size = backup(store.path, Path(args.out), overwrite=args.force)
    print(f"Backup written to {args.out} ({size:,} bytes).")
    return EXIT_OK


COMMANDS = {"demo": _cmd_demo, "info": _cmd_info, "backup": _cmd_backup,
            "members": _cmd_members}


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)  # usage errors exit 2 here
    log_file = _setup_logging()
    db_path = resolve_database_path(args.db)
    if args.command in (None, "gui"):
        from modconsole.gui.app import run_gui

        return run_gui(db_path)
    from modconsole.services.startup import open_console_database

    try:
        store, report = open_console_database(db_path)
        if report.backup_path:
            print(f"Database upgraded to schema {report.to_revision}; the old file was copied "
                  f"to {report.backup_path}.", file=sys.stderr)
        try:
            return COMMANDS[args.command](args, store)
        finally:
            store.close()
    except (UserError, DatabaseError) as exc:
        print(f"modconsole: {exc}", file=sys.stderr)
        return EXIT_REJECTED
    except Exception:
        log.exception("command %s failed", args.command)
        print(f"modconsole: {args.command} failed unexpectedly; details are in {log_file}.",
              file=sys.stderr)
        return EXIT_INTERNAL
