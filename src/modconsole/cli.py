"""`modconsole [--db PATH] <command>`: the console's headless commands.

Exit codes: 0 success, 1 rejected input or a database that cannot be
opened (nothing was written), 2 usage error, 3 an unexpected failure
(details in the log file, never a traceback on the terminal).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from pathlib import Path

from modconsole import (
    __version__,
    cli_catalog,
    cli_chat,
    cli_moderation,
    cli_monitor,
    cli_planner,
    cli_server,
    cli_templates,
)
from modconsole.cli_language import choose_language, say, translate
from modconsole.collector import collect_less
from modconsole.domain.messages import N_
from modconsole.domain.text import pad
from modconsole.services.errors import UserError
from modconsole.services.locations import log_dir, resolve_database_path
from modconsole.store.damage import DatabaseDamaged, damaged_message
from modconsole.store.errors import DatabaseError
from modconsole.store.write_lock import is_busy

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
    show = member_commands.add_parser("show", help="every stored field of one member")
    show.add_argument("member", metavar="ID", help="member id or platform id")
    show.add_argument("--json", action="store_true", help="machine-readable output")
    add = member_commands.add_parser("add", help="add one member by hand; prints the id")
    add.add_argument("--platform-id", required=True, metavar="ID")
    add.add_argument("--name", required=True)
    for field_name in ("nickname", "phone", "email", "region", "gender"):
        add.add_argument(f"--{field_name}", default="")
    add.add_argument("--group", action="append", default=[], metavar="NAME",
                     help="a chat group (created if new)")
    add.add_argument("--tag", action="append", default=[], metavar="T",
                     help="a tag (created if new; GROUP/TAG for a tag group)")
    tag = member_commands.add_parser("tag", help="add or remove tags on members by id")
    tag.add_argument("ids", nargs="+", metavar="ID", help="member ids or platform ids")
    tag.add_argument("--add", action="append", default=[], metavar="T", help="tag to add")
    tag.add_argument("--remove", action="append", default=[], metavar="T",
                     help="tag to remove")
    importing = commands.add_parser("import", help="import members or reports from CSV or XLSX")
    import_what = importing.add_subparsers(dest="import_what", metavar="what", required=True)
    import_members = import_what.add_parser(
        "members", help="upsert members by platform id from a .csv or .xlsx file")
    import_members.add_argument("file", metavar="FILE")
    import_members.add_argument("--dry-run", action="store_true",
                                help="check everything and report, write nothing")
    import_members.add_argument("--skip-bad-rows", action="store_true",
                                help="write the good rows; the bad ones go to --errors")
    import_members.add_argument("--errors", metavar="OUT.csv",
                                help="write bad rows with their reasons to this file")
    import_members.add_argument("--map", action="append", default=[], metavar="COLUMN=field",
                                help="map a column to a member field (COLUMN= ignores it)")
    import_members.add_argument("--encoding", metavar="NAME",
                                help="CSV encoding (default: detected)")
    import_members.add_argument("--no-new-groups", action="store_true",
                                help="refuse rows naming a group that does not exist "
                                "(default: create it)")
    import_members.add_argument("--json", action="store_true", help="print the report as JSON")
    cli_moderation.add_import(import_what)
    cli_chat.add_import(import_what)
    exporting = commands.add_parser("export", help="export members to CSV or XLSX")
    export_what = exporting.add_subparsers(dest="export_what", metavar="what", required=True)
    export_members = export_what.add_parser("members", help="the members a filter matches")
    export_members.add_argument("out", metavar="OUT", help="a .csv or .xlsx file")
    _add_member_filters(export_members)
    export_members.add_argument("--columns", metavar="A,B,…",
                                help="columns to write (default: the roster's)")
    export_members.add_argument("--force", action="store_true", help="replace OUT if it exists")
    cli_catalog.add_commands(commands)
    cli_templates.add_commands(commands)
    cli_server.add_commands(commands)
    login = commands.add_parser("login", help="sign this console in to a team server")
    login.add_argument("url", metavar="URL", help="the team server, e.g. https://team.example.org")
    login.add_argument("--user", required=True, metavar="NAME", help="your account name")
    login.add_argument("--password-stdin", action="store_true",
                       help="read the password from standard input instead of asking")
    commands.add_parser("logout", help="sign out of the team server and forget the token")
    syncing = commands.add_parser("sync", help="push this console's changes to the team "
                                               "server and pull the team's")
    syncing.add_argument("--watch", action="store_true",
                         help="keep syncing every --every seconds until Ctrl+C")
    syncing.add_argument("--every", type=_positive, default=15, metavar="S")
    cli_moderation.add_commands(commands)
    cli_planner.add_commands(commands)
    cli_monitor.add_commands(commands)
    cli_monitor.add_report(commands)
    backup = commands.add_parser("backup", help="write a consistent copy of the database")
    backup.add_argument("out", metavar="OUT", help="the file to write")
    backup.add_argument("--force", action="store_true", help="replace OUT if it exists")
    check = commands.add_parser("check", help="a full integrity check of the database file")
    check.add_argument("--json", action="store_true", help="machine-readable output")
    backups = commands.add_parser("backups", help="the automatic backups of this database")
    backups.add_argument("backups_command", choices=["list", "now"],
                         help="list them, or make today's now")
    restore = commands.add_parser("restore", help="put a backup in place of the database "
                                  "(the current file is kept aside)")
    which = restore.add_mutually_exclusive_group(required=True)
    which.add_argument("backup", nargs="?", metavar="BACKUP", help="a backup file")
    which.add_argument("--newest", action="store_true", help="the newest automatic backup")
    salvage = commands.add_parser("salvage", help="copy what is readable of a damaged "
                                  "database into a new file")
    salvage.add_argument("out", metavar="NEW.db", help="the new database to write")
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
    add("--segment", metavar="NAME", help="start from a saved segment")


def _member_filter(args, session):
    """The flags, on top of the segment if one is named (flags add conditions)."""
    from dataclasses import replace

    from modconsole.domain.member_filter import MemberFilter
    from modconsole.services.roster import resolve_groups, resolve_tags
    from modconsole.services.segments import segment_filter

    base = segment_filter(session, args.segment) if args.segment else MemberFilter()
    if args.query and base.query:
        raise UserError(N_("cli", "The segment '{segment}' already searches for "
                                  "'{query}'; leave out --query.").format(
                            segment=args.segment, query=base.query))
    return replace(
        base,
        all_tags=base.all_tags + resolve_tags(session, args.tag),
        any_tags=base.any_tags + resolve_tags(session, args.any_tag),
        none_tags=base.none_tags + resolve_tags(session, args.not_tag),
        groups=base.groups + resolve_groups(session, args.group),
        layers=base.layers + tuple(args.layer), classes=base.classes + tuple(args.member_class),
        statuses=base.statuses + tuple(args.status), region=args.region or base.region,
        query=args.query or base.query)


def _print_members(rows, records: dict | None) -> None:
    """The rows as a table, or with `records` (every field by member id) as JSON."""
    if records is not None:
        print(json.dumps([{**r.as_json(), **records.get(r.id, {})} for r in rows],
                         ensure_ascii=False, indent=2))
        return
    for r in rows:  # padded by terminal columns, so Chinese names line up
        print(f"{pad(r.platform_id, 20)} {pad(r.name, 8)} {pad(r.nickname, 24)} "
              f"{pad(r.status, 7)} {' '.join(r.tags)}")


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

    with store.writing("demo"), store.transaction() as session:
        made = load_demo(session, members=args.members, seed=args.seed, progress=_print_progress)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    if args.json:
        print(json.dumps(made))
    else:
        print(say(N_("cli", "Demo community written to {path}: {members} members, "
                            "{groups} groups, {cases} cases, {activities} activities.").format(
                      path=store.path, **made)))
    return EXIT_OK


def _cmd_info(args, store) -> int:
    from modconsole.services.info import database_info

    with store.read() as session:
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

    if args.members_command == "tag":
        return _tag_members(args, store)
    if args.members_command == "add":
        return _add_member(args, store)
    if args.members_command == "show":
        return _show_member(args, store)
    from modconsole.services.member_records import member_records

    with store.read() as session:
        if args.members_command == "search":
            rows = search_members(session, args.text, limit=args.limit)
        else:
            rows = list_members(session, _member_filter(args, session), sort=args.sort,
                                descending=args.desc, limit=args.limit).rows
        records = member_records(session, [r.id for r in rows]) if args.json else None
    _print_members(rows, records)
    return EXIT_OK


def _show_member(args, store) -> int:
    from modconsole.services.member_records import member_records
    from modconsole.services.roster import resolve_member_ids

    with store.read() as session:
        (member_id,) = resolve_member_ids(session, [args.member])
        record = member_records(session, [member_id])[member_id]
    if args.json:
        print(json.dumps(record, ensure_ascii=False, indent=2))
        return EXIT_OK
    width = max(len(key) for key in record)
    for key, value in record.items():
        print(f"{key:<{width}}  {'' if value is None else value}")
    return EXIT_OK


def _add_member(args, store) -> int:
    from modconsole.services.classification import recompute
    from modconsole.services.member_import import add_member

    cells = {"platform_id": args.platform_id, "name": args.name, "nickname": args.nickname,
             "phone": args.phone, "email": args.email, "region": args.region,
             "gender": args.gender, "groups": ";".join(args.group), "tags": ";".join(args.tag)}
    with store.transaction() as session:
        member_id = add_member(session, cells)
        recompute(session)
    print(member_id)
    return EXIT_OK


def _tag_members(args, store) -> int:
    from modconsole.services import tags
    from modconsole.services.roster import resolve_member_ids, resolve_tags

    with store.writing("tagging"), store.transaction() as session:
        ids = resolve_member_ids(session, args.ids)
        change = tags.apply_tags(session, tags.Targets(ids=ids),
                                 add=resolve_tags(session, args.add),
                                 remove=resolve_tags(session, args.remove))
    print(say(N_("cli", "{n_added} tags added and {n_removed} removed on {members} of "
                        "{n_ids} members.").format(
                  n_added=len(change.added), n_removed=len(change.removed), members=change.members,
                  n_ids=len(ids))))
    return EXIT_OK


def _cmd_import(args, store) -> int:
    if args.import_what == "reports":
        return cli_moderation.run_import(args, store)
    if args.import_what == "chat":
        return cli_chat.run_import(args, store, _print_progress)
    from modconsole.services.errors import RolledBack
    from modconsole.services.member_import import (
        ImportOptions,
        check_members,
        prepare,
        write_members,
    )

    table, mapping = prepare(Path(args.file), args.map, args.encoding)
    options = ImportOptions(mapping, dry_run=args.dry_run, skip_bad_rows=args.skip_bad_rows,
                            errors_path=Path(args.errors) if args.errors else None,
                            new_groups=not args.no_new_groups, translate=translate)
    with store.read() as session:  # others keep writing while the file is checked
        checked = check_members(session, table, options, progress=_print_progress)
    try:
        with store.writing("import", table.path.name), store.transaction() as session:
            report = write_members(session, checked, options, progress=_print_progress)
    except RolledBack as outcome:
        report = outcome.result
    finally:
        checked.close()
    if report.written:  # new members are ranked among all: classify everyone again
        from modconsole.services.classification import recompute

        with store.transaction() as session:
            recompute(session)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    if args.json:
        print(json.dumps({"rows": report.rows, "created": report.created,
                          "updated": report.updated, "skipped": report.skipped,
                          "written": report.written, "tags_created": report.tags_created,
                          "groups_created": report.groups_created,
                          "unused_columns": report.unused_columns,
                          "errors": [{"row": e.row, "column": e.column,
                                      "reason": say(e.reason)} for e in report.errors]},
                         ensure_ascii=False, indent=2))
    else:
        _print_import_report(args, report)
    return EXIT_OK if report.written or (args.dry_run and not report.errors) else EXIT_REJECTED


def _print_import_report(args, report) -> None:
    for line in report.error_lines():
        print(say(line), file=sys.stderr)
    if report.unused_columns:
        print(say(N_("cli", "Not imported (no field of the console matches): {columns}. Map one "
                            "with --map COLUMN=field.").format(
                      columns=", ".join(report.unused_columns))))
    if report.groups_created:
        groups = ", ".join(report.groups_created)
        print(say((N_("cli", "Groups that would be created: {groups} (kind 'other'; set their "
                             "kind and cap on the Groups page).") if args.dry_run else
                   N_("cli", "Groups created: {groups} (kind 'other'; set their kind and cap on "
                             "the Groups page).")).format(groups=groups)))
    if report.written:
        print(say(N_("cli", "Imported {imported} of {rows} rows: {created} new members, "
                            "{updated} updated.").format(
                      imported=report.rows - report.skipped, rows=report.rows,
                      created=report.created, updated=report.updated)))
        if report.skipped:
            print(say(N_("cli", "{skipped} bad rows skipped; they are in {errors_file}.").format(
                          skipped=report.skipped, errors_file=report.errors_file)))
    elif args.dry_run and not report.errors:
        print(say(N_("cli", "Dry run: {rows} rows are fine ({created} would be new, "
                            "{updated} updated). Nothing was written.").format(
                      rows=report.rows, created=report.created, updated=report.updated)))
    else:
        print(say(N_("cli", "Nothing was imported: {n_errors} problems in {skipped} of {rows} "
                            "rows.").format(n_errors=len(report.errors), skipped=report.skipped,
                                            rows=report.rows)), file=sys.stderr)
        if report.errors_file:
            print(say(N_("cli", "They are also in {errors_file}.").format(
                errors_file=report.errors_file)), file=sys.stderr)
        print(say(N_("cli", "Fix them, or pass --skip-bad-rows --errors OUT.csv to import the "
                            "good rows.")), file=sys.stderr)


def _cmd_export(args, store) -> int:
    from modconsole.services.member_export import DEFAULT_COLUMNS, export_members

    out = Path(args.out)
    if out.exists() and not args.force:
        raise UserError(N_("cli", "{out} already exists; pass --force to replace it.").format(
                            out=out))
    columns = [c.strip() for c in args.columns.split(",")] if args.columns else DEFAULT_COLUMNS
    with store.read() as session:
        count = export_members(session, _member_filter(args, session), out, columns,
                               progress=_print_progress, translate=translate)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    print(say(N_("cli", "Exported {count} members to {out}.").format(count=count, out=out)))
    return EXIT_OK


def _cmd_backup(args, store) -> int:
    from modconsole.services.backup import backup

    size = backup(store.path, Path(args.out), overwrite=args.force)
    print(say(N_("cli", "Backup written to {out} ({size:,} bytes).").format(
                  out=args.out, size=size)))
    return EXIT_OK


def _cmd_check(args, db_path: Path) -> int:
    from modconsole.store.damage import check

    problem = check(db_path, full=True, limit=20) if db_path.exists() else "there is no file"
    if args.json:
        print(json.dumps({"database": str(db_path), "ok": problem is None, "problems": problem},
                         ensure_ascii=False))
    elif problem is None:
        print(f"{db_path}: ok")
    else:
        print(f"{db_path}: damaged: {problem}")
    return EXIT_OK if problem is None else EXIT_REJECTED


def _cmd_backups(args, db_path: Path) -> int:
    from modconsole.services import backups

    if args.backups_command == "now":
        made = backups.automatic_backup(db_path)
        print(f"Backup written to {made.path}." if made else
              "Today's backup is already there.")
        return EXIT_OK
    found = backups.list_backups(db_path)
    if not found:
        print(say(N_("cli", "No automatic backups yet; they go to {value}.").format(
                      value=backups.backup_folder(db_path))))
    for b in found:
        print(f"{b.taken_at:%Y-%m-%d %H:%M}  {b.size:>14,} bytes  {b.path}")
    return EXIT_OK


def _cmd_restore(args, db_path: Path) -> int:
    from modconsole.services import backups

    source = backups.newest_backup(db_path) if args.newest else Path(args.backup)
    aside = backups.restore(db_path, source)
    print(say(N_("cli", "Restored {source} into {db_path}; the file it replaced is at "
                        "{aside}.").format(source=source, db_path=db_path, aside=aside)))
    return EXIT_OK


def _cmd_salvage(args, db_path: Path) -> int:
    from modconsole.services import backups

    report = backups.salvage(db_path, Path(args.out))
    lost = {t: n for t, n in report.lost.items() if n}
    print(say(N_("cli", "Copied {value:,} rows into {out}.").format(
                  value=sum(report.copied.values()), out=args.out)))
    for table, n in sorted(lost.items()):
        print(f"  {table}: {n:,} unreadable rows or ranges left behind", file=sys.stderr)
    print(say(N_("cli", "Open the new file with --db (or Settings → Database) and check it.")))
    return EXIT_OK


def _cmd_login(args, store) -> int:
    from modconsole.services.team import connection, join, sync

    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        import getpass

        password = getpass.getpass(say(N_("cli", "Password for {user}: ").format(
            user=args.user)))
    signed = connection.sign_in(store, args.url, args.user, password)
    print(say(N_("cli", "Signed in to {url} as {account} ({role}).").format(
        url=signed.url, account=signed.account, role=signed.role)))
    with store.read() as session:
        server = connection.team_server(session)
    try:
        first = sync.first_sync(store, server)
    except UserError:
        connection.sign_out(store)  # two communities: nothing is kept signed in
        raise
    if first is join.Join.UPLOAD:
        print(say(N_("cli", "The team has no data yet: `modconsole sync` uploads this "
                            "database's as the team's first.")))
    elif first is join.Join.TAKE:
        print(say(N_("cli", "This database is fresh: `modconsole sync` fills it with the "
                            "team's data.")))
    if not signed.kept:
        print(say(N_("cli", "This computer has no keyring to keep the sign-in in, so it "
                            "lasts for this command only. Install and unlock one (GNOME "
                            "Keyring, KWallet, or the system's own on Windows and macOS) "
                            "and sign in again.")), file=sys.stderr)
    return EXIT_OK


def _cmd_logout(_args, store) -> int:
    from modconsole.services.team import connection

    left = connection.sign_out(store)
    print(say(N_("cli", "Signed out of {url}.").format(url=left["url"])) if left else
          say(N_("cli", "This console is not signed in to a team server.")))
    return EXIT_OK


def _cmd_sync(args, store) -> int:
    import time

    from modconsole.services.team import connection, sync

    with store.read() as session:
        server = connection.team_server(session)
    while True:
        report = sync.sync_once(store, server)
        print(say(N_("cli", "Pushed {pushed:,} changes ({conflicts:,} conflicts, {refused:,} "
                            "refused, kept for you to look at); pulled {pulled:,}.").format(
            pushed=report.pushed, conflicts=report.conflicts, refused=report.refused,
            pulled=report.pulled)))
        if not args.watch:
            return EXIT_OK
        try:
            time.sleep(args.every)
        except KeyboardInterrupt:
            return EXIT_OK


# Commands on the database file itself: they run without opening it (it may be damaged).
FILE_COMMANDS = {"check": _cmd_check, "backups": _cmd_backups, "restore": _cmd_restore,
                 "salvage": _cmd_salvage}

COMMANDS = {"demo": _cmd_demo, "info": _cmd_info, "backup": _cmd_backup,
            "members": _cmd_members, "import": _cmd_import, "export": _cmd_export,
            "templates": cli_templates.run, "rules": cli_moderation.run,
            "reports": cli_moderation.run, "sanctions": cli_moderation.run,
            "moderators": cli_moderation.run,
            "activities": cli_planner.run, "groups": cli_catalog.run,
            "tags": cli_catalog.run, "login": _cmd_login, "logout": _cmd_logout,
            "sync": _cmd_sync, "monitor": cli_monitor.run, "report": cli_monitor.run_report}


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)  # usage errors exit 2 here
    collect_less()  # imports, syncs and reports are bulk work (collector.py)
    log_file = _setup_logging()
    db_path = resolve_database_path(args.db)
    if args.command in (None, "gui"):
        from modconsole.gui.app import run_gui

        return run_gui(db_path)
    if args.command == "server":  # a team server's database, not this console's
        return cli_server.run(args)
    choose_language()
    from modconsole.services.startup import open_console_database

    store = None
    try:
        if args.command in FILE_COMMANDS:
            return FILE_COMMANDS[args.command](args, db_path)
        store, report = open_console_database(db_path, waiting=_say_waiting)
        if report.backup_path:
            print(say(N_("cli", "Database upgraded to schema "
                                "{to_revision}; the old file was "
                                "copied to {backup_path}.").format(
                          to_revision=report.to_revision, backup_path=report.backup_path)),
                  file=sys.stderr)
        if store.damage.detail:
            print(f"modconsole: {say(damaged_message(db_path, store.damage.detail))}",
                  file=sys.stderr)
        try:
            return COMMANDS[args.command](args, store)
        finally:
            store.close()
    except DatabaseDamaged as exc:
        warned = store is not None and store.damage.detail
        print(say(N_("cli", "modconsole: nothing was written.")) if warned else
              f"modconsole: {say(exc)}", file=sys.stderr)
        return EXIT_REJECTED
    except (UserError, DatabaseError) as exc:
        print(f"modconsole: {say(exc)}", file=sys.stderr)
        return EXIT_REJECTED
    except BrokenPipeError:  # `modconsole … | head` closed the pipe: not our failure
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_REJECTED
    except Exception as exc:
        if is_busy(exc):  # SQLite's "busy", raw or wrapped by SQLAlchemy
            print(say(N_("cli", "modconsole: the database is busy: another "
                                "modconsole window or command is writing to it. "
                                "Nothing was written; try again when it is done.")),
                  file=sys.stderr)
            return EXIT_REJECTED
        log.exception("command %s failed", args.command)
        print(say(N_("cli", "modconsole: {command} failed unexpectedly; details are in "
                            "{log_file}.").format(command=args.command, log_file=log_file)),
              file=sys.stderr)
        return EXIT_INTERNAL


def _say_waiting(holder) -> None:
    print(say(N_("cli", "modconsole: waiting for {value} to finish writing to the "
                        "database…").format(value=holder.describe())),
          file=sys.stderr, flush=True)
