"""`modconsole server …`: set up, run and administer a team server.

The database URL comes from --database or $MODCONSOLE_SERVER_DATABASE; put a
PostgreSQL password in the environment (that variable, PGPASSWORD or
~/.pgpass), never on the command line, where every user's `ps` sees it.
Passwords for accounts are read from --password-stdin or generated and
printed once.
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import UTC, datetime, timedelta

from modconsole.domain.enums import StaffRole
from modconsole.server import DATABASE_ENV

ROLE_NAMES = tuple(role.value for role in StaffRole)


def add_commands(commands) -> None:
    server = commands.add_parser("server", help="run and administer a team server")
    server.add_argument("--database", metavar="URL",
                        help=f"postgresql://user@host/db or sqlite:///team.db for a trial "
                             f"(default: ${DATABASE_ENV})")
    verbs = server.add_subparsers(dest="server_command", metavar="command", required=True)
    init = verbs.add_parser("init", help="create or upgrade the schema and the first admin")
    init.add_argument("--admin", default="admin", metavar="NAME",
                      help="the first admin's account name (default admin)")
    init.add_argument("--password-stdin", action="store_true",
                      help="read the admin's password from standard input")
    run = verbs.add_parser("run", help="serve the team (FastAPI on uvicorn)")
    run.add_argument("--host", default="127.0.0.1")
    run.add_argument("--port", type=int, default=8470)
    run.add_argument("--workers", type=int, default=1, metavar="N")
    compact = verbs.add_parser("compact", help="drop old changes from the log; consoles "
                                               "further behind catch up by a snapshot")
    compact.add_argument("--keep-days", type=int, default=90, metavar="N",
                         help="keep the changes of the last N days (default 90)")
    users = verbs.add_parser("users", help="accounts and roles")
    user_verbs = users.add_subparsers(dest="users_command", metavar="command", required=True)
    add = user_verbs.add_parser("add", help="add an account (prints a generated password)")
    add.add_argument("name")
    add.add_argument("--role", choices=ROLE_NAMES, default="moderator")
    add.add_argument("--password-stdin", action="store_true")
    user_verbs.add_parser("list", help="every account, its role and state")
    for verb, text in (("disable", "stop an account signing in; signs out its consoles"),
                       ("enable", "let a disabled account sign in again")):
        user_verbs.add_parser(verb, help=text).add_argument("name")
    reset = user_verbs.add_parser("reset-password", help="a new password; signs out its "
                                                         "consoles")
    reset.add_argument("name")
    reset.add_argument("--password-stdin", action="store_true")
    role = user_verbs.add_parser("set-role", help="change an account's role")
    role.add_argument("name")
    role.add_argument("role", choices=ROLE_NAMES)
    demo = verbs.add_parser("demo", help="a trial team on a local SQLite file: the demo "
                                         "community and an account of every role; served")
    demo.add_argument("--folder", metavar="DIR",
                      help="where the team's file goes (default: the data folder's "
                           "demo-team); an existing demo team is served again")
    demo.add_argument("--members", type=int, default=2000, metavar="N")
    demo.add_argument("--host", default="127.0.0.1")
    demo.add_argument("--port", type=int, default=8470)
    demo.add_argument("--no-serve", action="store_true",
                      help="set the team up and print how to sign in, then exit")


def _stdin_password(args) -> str | None:
    if not getattr(args, "password_stdin", False):
        return None
    return sys.stdin.readline().rstrip("\r\n")


def run(args: argparse.Namespace) -> int:
    """Exit 0 done, 1 refused (a bad name, role or password, or no database), 2 usage."""
    if args.server_command == "demo":
        from modconsole.cli_demo_team import demo_team

        return demo_team(args, _serve)
    url = args.database or os.environ.get(DATABASE_ENV)
    if not url:
        print(f"modconsole server: give --database URL or set {DATABASE_ENV}.", file=sys.stderr)
        return 2
    try:
        from sqlalchemy.exc import OperationalError

        from modconsole.server import accounts
        from modconsole.server.database import ServerDatabase
    except ImportError as exc:
        print(f"modconsole server: the server's packages are missing ({exc.name}); install "
              "them with: pip install 'modconsole[server]'", file=sys.stderr)
        return 1
    database = ServerDatabase(url)
    try:
        if args.server_command == "run":
            return _serve(args, url)
        if args.server_command == "init":
            return _init(args, database, accounts)
        if args.server_command == "compact":
            return _compact(args, database)
        with database.transaction() as session:
            return _users(args, session, accounts)
    except accounts.AccountError as exc:
        print(f"modconsole server: {exc}", file=sys.stderr)
        return 1
    except OperationalError as exc:
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        print(f"modconsole server: cannot reach the database {database.url!r}: {reason}",
              file=sys.stderr)
        return 1
    finally:
        database.close()


def _init(args, database, accounts) -> int:
    database.migrate()
    with database.transaction() as session:
        if accounts.list_accounts(session):
            print("Schema is up to date; the accounts were left as they are.")
            return 0
        password = accounts.add_account(session, args.admin, "admin", _stdin_password(args))
    print(f"Created the admin account {args.admin!r}.")
    if not args.password_stdin:
        print(f"Its password, shown once: {password}")
    return 0


def _compact(args, database) -> int:
    from modconsole.server import snapshot

    if args.keep_days < 0:
        print("modconsole server: --keep-days cannot be negative.", file=sys.stderr)
        return 2
    with database.transaction() as session:
        gone = snapshot.compact(session, datetime.now(UTC) - timedelta(days=args.keep_days))
    print(f"Dropped {gone:,} changes older than {args.keep_days} days from the log.")
    return 0


def _users(args, session, accounts) -> int:
    verb = args.users_command
    if verb == "list":
        for account in accounts.list_accounts(session):
            state = "disabled" if account.disabled else "active"
            print(f"{account.name}\t{account.role}\t{state}")
        return 0
    if verb in ("add", "reset-password"):
        given = _stdin_password(args)
        if verb == "add":
            password = accounts.add_account(session, args.name, args.role, given)
        else:
            password = accounts.reset_password(session, args.name, given)
        if given is None:
            print(f"Password for {args.name!r}, shown once: {password}")
        return 0
    if verb in ("disable", "enable"):
        accounts.set_disabled(session, args.name, verb == "disable")
    else:
        accounts.set_role(session, args.name, args.role)
    return 0


def _serve(args, url: str) -> int:
    import uvicorn

    os.environ[DATABASE_ENV] = url  # each worker builds its app from the environment
    uvicorn.run("modconsole.server.api:app_from_environment", factory=True, host=args.host,
                port=args.port, workers=args.workers, proxy_headers=True)
    return 0
