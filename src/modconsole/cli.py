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
    backup = commands.add_parser("backup", help="write a consistent copy of the database")
    backup.add_argument("out", metavar="OUT", help="the file to write")
    backup.add_argument("--force", action="store_true", help="replace OUT if it exists")
    return parser


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


def _cmd_backup(args, store) -> int:
    from modconsole.services.backup import backup

    size = backup(store.path, Path(args.out), overwrite=args.force)
    print(f"Backup written to {args.out} ({size:,} bytes).")
    return EXIT_OK


COMMANDS = {"demo": _cmd_demo, "info": _cmd_info, "backup": _cmd_backup}


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
