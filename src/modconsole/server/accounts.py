"""Accounts, passwords and sign-in tokens.

Passwords are hashed with argon2 (argon2-cffi's defaults, RFC 9106's second
recommended setting). A token is 32 random bytes shown once to the console
that signed in; the server keeps its SHA-256 only. Failed sign-ins are
counted in the database per account and per address, so every server
process behind a load balancer throttles the same way.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import case, func, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from modconsole.domain.enums import StaffRole
from modconsole.domain.ids import uuid7
from modconsole.domain.text import display_name_problem, spaced
from modconsole.server import sync
from modconsole.server.models import Account, LoginFailure, Token

ROLES = tuple(role.value for role in StaffRole)
TOKEN_LIFETIME = timedelta(days=30)
FAILURE_WINDOW = timedelta(minutes=15)
ACCOUNT_FAILURES = 5  # wrong passwords for one account per window
ADDRESS_FAILURES = 20  # wrong passwords from one address per window, over all accounts
MIN_PASSWORD = 10

_hasher = PasswordHasher()


class AccountError(Exception):
    """Refused: `field` names what was wrong (for forms and the CLI); `code` is what the
    API answers, for a console to say in its own words."""

    def __init__(self, field: str, message: str, code: str = "account_refused"):
        super().__init__(message)
        self.field = field
        self.code = code


@dataclass(frozen=True)
class Refused:
    """Wrong name or password, a disabled account, or too many attempts (`retry_after` s).

    Returned, not raised, so the failure counts commit with the refusal."""

    message: str
    retry_after: int = 0


@dataclass(frozen=True)
class SignedIn:
    token: str  # shown once; the server keeps its hash
    name: str
    role: str
    staff_id: str  # the console acts as this staff row
    expires_at: datetime


SEEN_EVERY = timedelta(seconds=30)
ONLINE_WITHIN = timedelta(minutes=2)


def now() -> datetime:
    return datetime.now(UTC)


def generate_password() -> str:
    return secrets.token_urlsafe(12)


def _check_name(name: str) -> str:
    name = spaced(name)
    problem = display_name_problem(name)
    if problem:
        raise AccountError("name", str(problem), "name_invalid")
    return name


def _check_role(role: str) -> str:
    if role not in ROLES:
        raise AccountError("role", f"Unknown role {role!r}: use one of {', '.join(ROLES)}.")
    return role


def _check_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise AccountError("password", f"A password needs at least {MIN_PASSWORD} characters.")
    return password


def account_named(session: Session, name: str) -> Account:
    account = session.scalar(select(Account).where(Account.name == spaced(name)))
    if account is None:
        raise AccountError("name", f"There is no account named {name!r}.", "no_such_account")
    return account


def add_account(session: Session, name: str, role: str, password: str | None = None) -> str:
    """Make an account; returns its password (the one given, or a generated one)."""
    name, role = _check_name(name), _check_role(role)
    password = _check_password(password) if password is not None else generate_password()
    if session.scalar(select(Account.id).where(Account.name == name)) is not None:
        raise AccountError("name", f"An account named {name!r} already exists.", "name_taken")
    account = Account(name=name, role=role, staff_id=uuid7(),
                      password_hash=_hasher.hash(password), disabled=False, created_at=now())
    session.add(account)
    session.flush()
    at = now().isoformat()
    sync.record(session, account, "staff", account.staff_id,
                {"name": name, "role": role, "created_at": at, "updated_at": at})
    return password


def list_accounts(session: Session) -> list[Account]:
    return list(session.scalars(select(Account).order_by(Account.name)))


def set_disabled(session: Session, name: str, disabled: bool = True) -> None:
    """Disable (or enable again) an account; disabling signs out every console it had."""
    account = account_named(session, name)
    if disabled:
        _keep_an_admin(session, account)
    account.disabled = disabled
    if disabled:
        _revoke_all(session, account)


def reset_password(session: Session, name: str, password: str | None = None) -> str:
    """A new password (given or generated); every console signed in with the old one is out."""
    account = account_named(session, name)
    password = _check_password(password) if password is not None else generate_password()
    account.password_hash = _hasher.hash(password)
    _revoke_all(session, account)
    return password


def set_role(session: Session, name: str, role: str) -> None:
    """A new role, effective at the account's next request; consoles pull it as a staff
    change."""
    account = account_named(session, name)
    if _check_role(role) != "admin":
        _keep_an_admin(session, account)
    account.role = role
    sync.record(session, account, "staff", account.staff_id,
                {"role": account.role, "updated_at": now().isoformat()})


def _keep_an_admin(session: Session, account: Account) -> None:
    """Refuse to disable or demote the last active admin: nobody could manage accounts."""
    if account.role != "admin" or account.disabled:
        return
    others = session.scalar(select(func.count()).select_from(Account).where(
        Account.role == "admin", Account.disabled.is_(False), Account.id != account.id))
    if not others:
        raise AccountError("role", f"{account.name} is the last active admin; make another "
                                   "admin first.", "last_admin")


def _revoke_all(session: Session, account: Account) -> None:
    session.execute(update(Token).where(Token.account_id == account.id).values(revoked=True))


@cache
def _unknown_hash() -> str:
    return _hasher.hash(secrets.token_urlsafe(16))


def _hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _failures(session: Session, key: str, at: datetime) -> int:
    row = session.scalar(select(LoginFailure).where(LoginFailure.key == key))
    if row is None or _aware(row.window_start) + FAILURE_WINDOW <= at:
        return 0
    return row.failures


def _count_failure(session: Session, key: str, at: datetime) -> None:
    """One more failure for `key`, atomically across processes (an upsert)."""
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    table = LoginFailure.__table__
    start = at - FAILURE_WINDOW
    stmt = dialect.insert(table).values(key=key, failures=1, window_start=at)
    expired = table.c.window_start <= start
    session.execute(stmt.on_conflict_do_update(index_elements=["key"], set_={
        "failures": case((expired, 1), else_=table.c.failures + 1),
        "window_start": case((expired, at), else_=table.c.window_start)}))


def _aware(moment: datetime) -> datetime:
    """SQLite hands back naive datetimes; everything here is UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def sign_in(session: Session, name: str, password: str, address: str) -> SignedIn | Refused:
    """Check the password and issue a token; throttled per account and per address."""
    at = now()
    keys = (f"account:{spaced(name)}"[:120], f"address:{address}"[:120])
    for key, limit in zip(keys, (ACCOUNT_FAILURES, ADDRESS_FAILURES), strict=True):
        if _failures(session, key, at) >= limit:
            return Refused("Too many failed sign-ins; wait a quarter of an hour and try "
                           "again.", retry_after=int(FAILURE_WINDOW.total_seconds()))
    account = session.scalar(select(Account).where(Account.name == spaced(name)))
    try:  # an unknown name costs a hash too, so timing does not tell which names exist
        _hasher.verify(account.password_hash if account else _unknown_hash(), password)
        if account is None:
            raise VerificationError
    except (VerificationError, InvalidHashError):
        for key in keys:
            _count_failure(session, key, at)
        return Refused("Wrong account name or password.")
    if account.disabled:
        return Refused("This account is disabled; ask an admin of your team.")
    if _hasher.check_needs_rehash(account.password_hash):
        account.password_hash = _hasher.hash(password)
    session.execute(LoginFailure.__table__.delete().where(LoginFailure.key == keys[0]))
    token = secrets.token_urlsafe(32)
    expires = at + TOKEN_LIFETIME
    session.add(Token(account_id=account.id, token_hash=_hash_token(token), created_at=at,
                      expires_at=expires, revoked=False))
    return SignedIn(token, account.name, account.role, account.staff_id, expires)


def account_for_token(session: Session, token: str) -> Account | None:
    """The account a token signs in, or None when unknown, revoked, expired or disabled."""
    row = session.execute(select(Token, Account).join(Account).where(
        Token.token_hash == _hash_token(token))).first()
    if row is None:
        return None
    stored, account = row
    at = now()
    if stored.revoked or _aware(stored.expires_at) <= at or account.disabled:
        return None
    if account.last_seen is None or _aware(account.last_seen) < at - SEEN_EVERY:
        account.last_seen = at  # a write at most every SEEN_EVERY, not per request
    return account


def online(session: Session) -> list[Account]:
    """Active accounts whose console asked anything within ONLINE_WITHIN (a console that
    syncs in the background long-polls, so it asks at least every half minute)."""
    return list(session.scalars(select(Account).where(
        Account.disabled.is_(False), Account.last_seen >= now() - ONLINE_WITHIN)
        .order_by(Account.name)))


def sign_out(session: Session, token: str) -> None:
    session.execute(update(Token).where(Token.token_hash == _hash_token(token))
                    .values(revoked=True))
