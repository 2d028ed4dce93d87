"""Signing this console in to a team server.

The token goes to the OS keyring (service "modconsole", one entry per
server and account) and nowhere else: not the database, settings, logs or a
command line. The database keeps only which server and account
(`sync_state`, which is never synced). Where the machine has no keyring
backend, the token lives in this process only and the caller says so.
"""

from __future__ import annotations

import gzip
import json
from contextlib import suppress
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

import keyring
import requests
from keyring.errors import KeyringError, NoKeyringError, PasswordDeleteError
from sqlalchemy import delete, update
from sqlalchemy.orm import Session

from modconsole.domain.messages import N_
from modconsole.domain.sync_protocol import PROTOCOL
from modconsole.services import identity
from modconsole.services.errors import FieldError, UserError
from modconsole.services.team.apply import apply_change
from modconsole.services.team.snapshot import SnapshotNeeded
from modconsole.store.engine import Store
from modconsole.store.models import Staff, SyncState
from modconsole.store.models.base import utcnow

KEYRING_SERVICE = "modconsole"
TEAM_KEY = "team"  # sync_state: {"url", "account", "role"}
TIMEOUT_S = 15
FILE_TIMEOUT_S = 300  # an evidence file of 50 MB on a slow uplink
COMPRESS_FROM = 64 * 1024  # bytes of JSON: a push of 500 imported members is ~1 MB

_process_tokens: dict[str, str] = {}  # where no keyring exists: this process only


@dataclass(frozen=True)
class SignedIn:
    url: str
    account: str
    role: str
    kept: bool  # False: no keyring, so the token is this process's only


def _entry(url: str, account: str) -> str:
    return f"{account}@{url}"


def normalised_url(url: str) -> str:
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise FieldError("url", N_("team", "{url} is not a server address; give one like "
                                           "https://team.example.org.").format(url=url))
    return f"{parts.scheme}://{parts.netloc}{parts.path.rstrip('/')}"


def _reply_error(reply: requests.Response) -> UserError:
    try:
        detail = reply.json().get("detail") or {}
    except ValueError:
        detail = {}
    code = detail.get("code") if isinstance(detail, dict) else None
    words = {
        "sign_in_refused": N_("team", "The server refused the sign-in: wrong account name or "
                                      "password, or the account is disabled."),
        "too_many_attempts": N_("team", "Too many failed sign-ins for this account or this "
                                        "computer; wait a quarter of an hour and try again."),
        "console_too_old": N_("team", "This console is too old for the team server; upgrade "
                                      "modconsole on this computer."),
        "server_too_old": N_("team", "The team server is older than this console; ask your "
                                     "admin to upgrade it."),
        "not_signed_in": N_("team", "The server no longer accepts this console's sign-in; "
                                    "sign in again with `modconsole login`."),
        "role_refused": N_("team", "Your role on the team may not do this; ask a lead or "
                                   "an admin."),
        "file_unknown": N_("team", "The team server does not have this file: the console "
                                   "that attached it has not uploaded it (yet)."),
        "unsupported_type": N_("team", "The team server takes images, PDF and UTF-8 text as "
                                       "evidence; this file is none of them."),
        "file_too_large": N_("team", "The team server takes evidence files of at most 50 MB."),
        "name_taken": N_("team", "The team has an account with this name already."),
        "name_invalid": N_("team", "This name cannot be an account's name: give the name the "
                                   "team knows the person by, without control characters."),
        "no_such_account": N_("team", "The team has no account with this name."),
        "last_admin": N_("team", "This is the team's last active admin; make someone else an "
                                 "admin first."),
    }
    if code == "snapshot_needed":
        return SnapshotNeeded(N_("team", "The team server's log no longer reaches this "
                                         "console; it catches up from a snapshot."))
    if code in words:
        return UserError(words[code])
    return UserError(N_("team", "The team server answered {status}: {text}").format(
        status=reply.status_code, text=reply.text[:200]))


def _request(method: str, url: str, **kwargs) -> requests.Response:
    headers = {"X-Modconsole-Protocol": str(PROTOCOL), **kwargs.pop("headers", {})}
    kwargs.setdefault("timeout", TIMEOUT_S)
    try:
        reply = requests.request(method, url, headers=headers, **kwargs)
    except requests.RequestException as exc:
        raise UserError(N_("team", "Cannot reach the team server at {url}: {reason}").format(
            url=url, reason=type(exc).__name__)) from None
    if reply.status_code >= 400:
        raise _reply_error(reply)
    return reply


def _answer(reply: requests.Response, *keys: str):
    """The reply's JSON (or the value under `keys`); a cut-off or foreign answer is said in
    words, not a crash."""
    try:
        found = reply.json()
        for key in keys:
            found = found[key]
        return found
    except (ValueError, KeyError, TypeError):
        raise UserError(N_("team", "The team server's answer could not be read (cut off, or "
                                   "not from a modconsole server); nothing was lost here. "
                                   "Try again.")) from None


def sign_in(store: Store, url: str, account: str, password: str) -> SignedIn:
    """Ask the server for a token and keep it in the keyring; remember server and account.

    The server and the keyring are asked before the database's write lock is taken:
    nobody else's writes wait on the network."""
    url = normalised_url(url)
    reply = _answer(_request("POST", f"{url}/v1/sessions",
                             json={"name": account, "password": password}))
    kept = _keep(url, reply["name"], reply["token"])
    with store.transaction() as session:
        session.merge(SyncState(key=TEAM_KEY, value=json.dumps(
            {"url": url, "account": reply["name"], "role": reply["role"]},
            ensure_ascii=False)))
        _act_as_account(session, reply)
    return SignedIn(url, reply["name"], reply["role"], kept)


def _act_as_account(session: Session, reply: dict) -> None:
    """From now on this console acts as the account's staff row (the server made it; the
    first pull brings it too), so claims and decisions name the person who signed in and
    the role is the server's."""
    now = utcnow().isoformat()
    apply_change(session, {"entity": "staff", "row_id": reply["staff_id"], "op": "insert",
                           "version": 1, "payload": {"name": reply["name"],
                                                     "role": reply["role"],
                                                     "created_at": now, "updated_at": now}})
    session.execute(update(Staff).where(Staff.id == reply["staff_id"])
                    .values(role=reply["role"]))
    identity.act_as_staff(session, reply["staff_id"])


def _keep(url: str, account: str, token: str) -> bool:
    try:
        keyring.set_password(KEYRING_SERVICE, _entry(url, account), token)
        return True
    except (NoKeyringError, KeyringError):
        _process_tokens[_entry(url, account)] = token
        return False


def team(session: Session) -> dict | None:
    """{"url", "account", "role"} of the server this console signed in to, or None."""
    row = session.get(SyncState, TEAM_KEY)
    return json.loads(row.value) if row else None


def token(url: str, account: str) -> str | None:
    try:
        found = keyring.get_password(KEYRING_SERVICE, _entry(url, account))
    except (NoKeyringError, KeyringError):
        found = None
    return found or _process_tokens.get(_entry(url, account))


def sign_out(store: Store) -> dict | None:
    """Revoke the token on the server if it answers, forget it here either way (the network
    first, then the database's write lock)."""
    with store.read() as session:
        joined = team(session)
    if joined is None:
        return None
    found = token(joined["url"], joined["account"])
    if found:
        # offline or already revoked: forgetting it here is what matters
        with suppress(UserError):
            _request("DELETE", f"{joined['url']}/v1/sessions/current",
                     headers={"Authorization": f"Bearer {found}"})
    _process_tokens.pop(_entry(joined["url"], joined["account"]), None)
    with suppress(NoKeyringError, KeyringError, PasswordDeleteError):
        keyring.delete_password(KEYRING_SERVICE, _entry(joined["url"], joined["account"]))
    with store.transaction() as session:
        session.execute(delete(SyncState).where(SyncState.key == TEAM_KEY))
    return joined


class TeamServer:
    """The push and pull calls of the sync engine, over HTTP with this console's token."""

    def __init__(self, url: str, token: str):
        self.url = url
        self._auth = {"Authorization": f"Bearer {token}"}

    def push_body(self, changes: list[dict]) -> tuple[bytes, dict]:
        """The body of a push of outbox changes and its headers: each payload the JSON text
        it is stored as (`payload_json`), spliced in as it is; gzipped when large. Made
        apart from `push`, so the next one is made while a push is on its way (a tenth of
        a second for 10,000 changes, which the server would otherwise wait for)."""
        body = ("{\"changes\":[" + ",".join(
            json.dumps({k: v for k, v in c.items() if k != "payload_json"},
                       ensure_ascii=False)[:-1] + f',"payload":{c["payload_json"]}}}'
            for c in changes) + "]}").encode()
        headers = {"Content-Type": "application/json"}
        if len(body) > COMPRESS_FROM:  # level 1: a third of level 5's time, a little larger
            body, headers["Content-Encoding"] = gzip.compress(body, compresslevel=1), "gzip"
        return body, headers

    def push(self, body: tuple[bytes, dict]) -> list[dict]:
        """Send a push made by `push_body`; the outcome of each change, in order."""
        data, headers = body
        return _answer(_request("POST", f"{self.url}/v1/changes", data=data,
                                headers={**self._auth, **headers}), "outcomes")

    def wait(self, after: int, seconds: float) -> int:
        """The log's newest number, once it passes `after` or `seconds` have gone by (the
        server's long poll): how a console hears of a colleague's change at once."""
        return int(_answer(_request("GET", f"{self.url}/v1/changes/wait",
                                    params={"after": after, "timeout": seconds},
                                    headers=self._auth, timeout=seconds + TIMEOUT_S),
                           "latest"))

    def presence(self) -> list[dict]:
        """Who is online now: [{name, role}] of accounts whose console asked lately."""
        return _answer(_request("GET", f"{self.url}/v1/presence", headers=self._auth))

    def accounts(self) -> list[dict]:
        """Every account: {name, role, disabled} (admins only)."""
        return _answer(_request("GET", f"{self.url}/v1/accounts", headers=self._auth))

    def add_account(self, name: str, role: str) -> str:
        """A new account; its generated password, to hand over once."""
        return _answer(_request("POST", f"{self.url}/v1/accounts", headers=self._auth,
                                json={"name": name, "role": role}), "password")

    def change_account(self, name: str, *, role: str | None = None,
                       disabled: bool | None = None) -> dict:
        body = {k: v for k, v in (("role", role), ("disabled", disabled)) if v is not None}
        return _answer(_request("PATCH", f"{self.url}/v1/accounts/{quote(name, safe='')}",
                                headers=self._auth, json=body))

    def reset_password(self, name: str) -> str:
        return _answer(_request("POST", f"{self.url}/v1/accounts/{quote(name, safe='')}"
                                        "/password", headers=self._auth), "password")

    def team(self) -> dict:
        return _answer(_request("GET", f"{self.url}/v1/team", headers=self._auth))

    def pull(self, after: int, limit: int) -> dict:
        return _answer(_request("GET", f"{self.url}/v1/changes",
                                params={"after": after, "limit": limit}, headers=self._auth))

    def missing_files(self, hashes: list[str]) -> list[str]:
        return _answer(_request("POST", f"{self.url}/v1/files/missing",
                                json={"sha256s": hashes}, headers=self._auth), "missing")

    def upload_file(self, sha256: str, data: bytes) -> None:
        _request("PUT", f"{self.url}/v1/files/{sha256}", data=data, timeout=FILE_TIMEOUT_S,
                 headers={**self._auth, "Content-Type": "application/octet-stream"})

    def download_file(self, sha256: str) -> bytes:
        return _request("GET", f"{self.url}/v1/files/{sha256}", timeout=FILE_TIMEOUT_S,
                        headers=self._auth).content

    def row(self, entity: str, row_id: str) -> dict:
        """The team's copy of one row: {row_id, version, present, payload}."""
        return _answer(_request("GET", f"{self.url}/v1/rows/{quote(entity, safe='')}/"
                                       f"{quote(row_id, safe='')}", headers=self._auth))

    def snapshot(self, entity: str, after: str, limit: int) -> dict:
        return _answer(_request("GET", f"{self.url}/v1/snapshot",
                                params={"entity": entity, "after": after, "limit": limit},
                                headers=self._auth))


def team_server(session: Session) -> TeamServer:
    """The server this console signed in to, with its token; refused when not signed in."""
    joined = team(session)
    found = token(joined["url"], joined["account"]) if joined else None
    if found is None:
        raise UserError(N_("team", "This console is not signed in to a team server; sign in "
                                   "with `modconsole login URL --user NAME` first."))
    return TeamServer(joined["url"], found)
