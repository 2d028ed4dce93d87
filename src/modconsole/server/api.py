"""The HTTP API (FastAPI). Every route but /v1/version needs a bearer token and the client's
protocol number; bodies are pydantic models with bounded sizes.

Errors are JSON `{"detail": {"code": ..., "message": ..., "field": ...}}`: the
console shows its own words for the code, the message is for logs and curl.
"""

import asyncio
import os
import time
import zlib
from datetime import datetime
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, Header, HTTPException, Path, Query, Request, Response
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from modconsole import __version__
from modconsole.collector import collect_less
from modconsole.domain.permissions import EVIDENCE_READERS, may_change
from modconsole.domain.sync_protocol import MAX_EVIDENCE_BYTES, PROTOCOL
from modconsole.server import DATABASE_ENV, accounts, evidence, snapshot, sync
from modconsole.server.database import ServerDatabase
from modconsole.server.models import Account
from modconsole.server.spliced import to_json

OLDEST_CLIENT_PROTOCOL = 1
MAX_BODY = 32 * 1024 * 1024  # a push of 1,000 member rows is ~2 MB
MAX_NUMBER = 2**63 - 1  # the stores' BIGINT: a larger number is refused, not overflowed
MAX_WAIT_S = 30.0  # a long poll's longest wait: under common proxies' idle timeouts
WAIT_POLL_S = 0.25


FILES = "/v1/files/"


def body_cap(path: str) -> int:
    """The most bytes a request to `path` may carry: an evidence file, or MAX_BODY."""
    return MAX_EVIDENCE_BYTES if path.startswith(FILES) else MAX_BODY


class GzipRequest(Request):
    """A request body read at most to its cap, however it is sent (a chunked body has no
    length to check up front); one sent gzip-compressed (a console's large push) is
    inflated at most to MAX_BODY: a small body that inflates past it is refused."""

    async def body(self) -> bytes:
        if not hasattr(self, "_body"):
            cap, chunks, size = body_cap(self.url.path), [], 0
            async for chunk in self.stream():
                size += len(chunk)
                if size > cap:
                    raise problem(413, "body_too_large", f"Requests are at most {cap:,} bytes.")
                chunks.append(chunk)
            raw = b"".join(chunks)
            if "gzip" in self.headers.getlist("Content-Encoding"):
                inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
                try:
                    raw = inflater.decompress(raw, MAX_BODY + 1)
                except zlib.error:
                    raise problem(400, "body_unreadable", "The gzip body is damaged.") from None
                if len(raw) > MAX_BODY or inflater.unconsumed_tail:
                    raise problem(413, "body_too_large", f"Requests are at most {MAX_BODY:,} "
                                  "bytes unpacked; push fewer changes at once.")
                if not inflater.eof:
                    raise problem(400, "body_unreadable", "The gzip body is cut off.")
            self._body = raw
        return self._body


class GzipRoute(APIRoute):
    def get_route_handler(self):
        handler = super().get_route_handler()

        async def inflating(request: Request):
            return await handler(GzipRequest(request.scope, request.receive))
        return inflating


def problem(status: int, code: str, message: str, field: str | None = None,
            headers: dict | None = None) -> HTTPException:
    return HTTPException(status, {"code": code, "message": message, "field": field},
                         headers=headers)


class SignInBody(BaseModel):
    name: str = Field(min_length=1, max_length=80)
    password: str = Field(min_length=1, max_length=200)


class SessionOut(BaseModel):
    token: str
    name: str
    role: str
    staff_id: str
    expires_at: datetime


class Me(BaseModel):
    name: str
    role: str


class AccountOut(BaseModel):
    name: str
    role: str
    disabled: bool


RoleName = Literal["admin", "lead", "moderator", "ops", "viewer"]
AccountName = Annotated[str, Path(min_length=1, max_length=80)]


class NewAccountIn(BaseModel):
    name: str = Field(min_length=1, max_length=80)
    role: RoleName


class AccountChangeIn(BaseModel):
    role: RoleName | None = None
    disabled: bool | None = None


class PasswordOut(BaseModel):
    name: str
    password: str  # generated, shown once to the admin who asked


class ChangeIn(BaseModel):
    change_id: str = Field(min_length=1, max_length=36)
    entity: str = Field(min_length=1, max_length=40)
    row_id: str = Field(min_length=1, max_length=80)
    op: Literal["insert", "update", "delete", "add", "remove"]
    base_version: int | None = Field(default=None, ge=0, le=MAX_NUMBER)
    payload: dict[str, Any]


class PushBody(BaseModel):
    changes: list[ChangeIn] = Field(max_length=sync.MAX_BATCH)


class OutcomeOut(BaseModel):
    change_id: str
    outcome: Literal["applied", "conflict", "refused"]
    seq: int | None = None
    version: int | None = None
    reason: str | None = None
    message: str | None = None
    field: str | None = None
    conflicts: list[dict[str, Any]] = []


class PushOut(BaseModel):
    outcomes: list[OutcomeOut]


class PulledChange(BaseModel):
    seq: int
    change_id: str
    entity: str
    row_id: str
    op: str
    version: int | None
    payload: dict[str, Any]


class PullOut(BaseModel):
    changes: list[PulledChange]
    cursor: int
    more: bool


class LatestOut(BaseModel):
    latest: int  # the log's newest number: more than `after` means there is news


class SnapshotRow(BaseModel):
    row_id: str
    version: int
    present: bool
    payload: dict[str, Any]


class SnapshotOut(BaseModel):
    as_of: int
    rows: list[SnapshotRow]
    after: str | None


Sha256 = Annotated[str, Field(pattern=evidence.SHA256.pattern)]


class HashesIn(BaseModel):
    sha256s: list[Sha256] = Field(max_length=1000)


class HashesOut(BaseModel):
    missing: list[str]


class StoredOut(BaseModel):
    stored: bool  # False: the team had the file already


class TeamOut(BaseModel):
    has_data: bool


class VersionOut(BaseModel):
    server: str
    protocol: int
    oldest_client_protocol: int


def create_app(database: ServerDatabase) -> FastAPI:
    app = FastAPI(title="modconsole team server", version=__version__)
    app.router.route_class = GzipRoute
    app.add_middleware(GZipMiddleware, minimum_size=4096, compresslevel=5)  # pulled pages
    bearer = HTTPBearer(auto_error=False)

    @app.middleware("http")
    async def bounded_bodies(request: Request, call_next):
        length, cap = request.headers.get("content-length", "0"), body_cap(request.url.path)
        if not length.isdigit() or int(length) > cap:
            return JSONResponse({"detail": {"code": "body_too_large", "field": None,
                                            "message": f"Requests are at most {cap:,} "
                                                       "bytes; push fewer changes at once."}},
                                status_code=413)
        return await call_next(request)

    def speaks_our_protocol(x_modconsole_protocol: Annotated[int | None, Header()] = None):
        if x_modconsole_protocol is None:
            raise problem(400, "protocol_missing", "Send X-Modconsole-Protocol: the "
                          f"protocol your console speaks (this server speaks {PROTOCOL}).")
        if x_modconsole_protocol < OLDEST_CLIENT_PROTOCOL:
            raise problem(426, "console_too_old", f"This console speaks protocol "
                          f"{x_modconsole_protocol}; the server needs {OLDEST_CLIENT_PROTOCOL} "
                          "or newer. Upgrade modconsole on this computer.")
        if x_modconsole_protocol > PROTOCOL:
            raise problem(426, "server_too_old", f"The server speaks protocol {PROTOCOL}; this "
                          f"console speaks {x_modconsole_protocol}. Ask your admin to upgrade "
                          "the team server.")

    def signed_in(credentials: Annotated[HTTPAuthorizationCredentials | None,
                                         Depends(bearer)]) -> Account:
        refused = problem(401, "not_signed_in", "Sign in again: the token is missing, "
                          "expired or revoked.", headers={"WWW-Authenticate": "Bearer"})
        if credentials is None:
            raise refused
        with database.transaction() as session:
            account = accounts.account_for_token(session, credentials.credentials)
        if account is None:
            raise refused
        return account

    def role_in(*roles: str):
        def check(account: Annotated[Account, Depends(signed_in)]) -> Account:
            if account.role not in roles:
                raise problem(403, "role_refused", f"Your role ({account.role}) may not do "
                              f"this; it needs {' or '.join(roles)}.")
            return account
        return check

    protocol = [Depends(speaks_our_protocol)]

    @app.get("/v1/version")
    def version() -> VersionOut:
        return VersionOut(server=__version__, protocol=PROTOCOL,
                          oldest_client_protocol=OLDEST_CLIENT_PROTOCOL)

    @app.post("/v1/sessions", dependencies=protocol,
              responses={401: {}, 429: {}})
    def sign_in(body: SignInBody, request: Request) -> SessionOut:
        address = request.client.host if request.client else "unknown"
        with database.transaction() as session:
            outcome = accounts.sign_in(session, body.name, body.password, address)
        if isinstance(outcome, accounts.Refused):
            if outcome.retry_after:
                raise problem(429, "too_many_attempts", outcome.message,
                              headers={"Retry-After": str(outcome.retry_after)})
            raise problem(401, "sign_in_refused", outcome.message)
        return SessionOut(token=outcome.token, name=outcome.name, role=outcome.role,
                          staff_id=outcome.staff_id, expires_at=outcome.expires_at)

    @app.delete("/v1/sessions/current", dependencies=protocol, status_code=204)
    def sign_out(credentials: Annotated[HTTPAuthorizationCredentials | None,
                                        Depends(bearer)],
                 _account: Annotated[Account, Depends(signed_in)]) -> Response:
        with database.transaction() as session:
            accounts.sign_out(session, credentials.credentials)
        return Response(status_code=204)

    @app.get("/v1/me", dependencies=protocol)
    def me(account: Annotated[Account, Depends(signed_in)]) -> Me:
        return Me(name=account.name, role=account.role)

    @app.get("/v1/presence", dependencies=protocol)
    def presence(_account: Annotated[Account, Depends(signed_in)]) -> list[Me]:
        """Who is online now: accounts whose console asked anything in the last minutes."""
        with database.transaction() as session:
            return [Me(name=a.name, role=a.role) for a in accounts.online(session)]

    @app.get("/v1/team", dependencies=protocol)
    def team(_account: Annotated[Account, Depends(signed_in)]) -> TeamOut:
        with database.transaction() as session:
            return TeamOut(has_data=sync.has_data(session))

    @app.get("/v1/accounts", dependencies=protocol)
    def list_accounts(_admin: Annotated[Account, Depends(role_in("admin"))]
                      ) -> list[AccountOut]:
        with database.transaction() as session:
            return [AccountOut(name=a.name, role=a.role, disabled=a.disabled)
                    for a in accounts.list_accounts(session)]

    def account_refused(exc: accounts.AccountError) -> HTTPException:
        status = 404 if exc.code == "no_such_account" else 409 if exc.code in (
            "name_taken", "last_admin") else 400
        return problem(status, exc.code, str(exc), exc.field)

    @app.post("/v1/accounts", dependencies=protocol, status_code=201,
              responses={400: {}, 409: {}})
    def add_account(body: NewAccountIn,
                    _admin: Annotated[Account, Depends(role_in("admin"))]) -> PasswordOut:
        try:
            with database.transaction() as session:
                password = accounts.add_account(session, body.name, body.role)
                return PasswordOut(name=accounts.account_named(session, body.name).name,
                                   password=password)
        except accounts.AccountError as exc:
            raise account_refused(exc) from None

    @app.patch("/v1/accounts/{name}", dependencies=protocol,
               responses={400: {}, 404: {}, 409: {}})
    def change_account(name: AccountName, body: AccountChangeIn,
                       _admin: Annotated[Account, Depends(role_in("admin"))]) -> AccountOut:
        """A new role and/or disabled (which signs its consoles out), in one transaction."""
        try:
            with database.transaction() as session:
                if body.role is not None:
                    accounts.set_role(session, name, body.role)
                if body.disabled is not None:
                    accounts.set_disabled(session, name, body.disabled)
                found = accounts.account_named(session, name)
                return AccountOut(name=found.name, role=found.role, disabled=found.disabled)
        except accounts.AccountError as exc:
            raise account_refused(exc) from None

    @app.post("/v1/accounts/{name}/password", dependencies=protocol,
              responses={404: {}})
    def reset_password(name: AccountName,
                       _admin: Annotated[Account, Depends(role_in("admin"))]) -> PasswordOut:
        """A generated password; the account's consoles are signed out."""
        try:
            with database.transaction() as session:
                password = accounts.reset_password(session, name)
                return PasswordOut(name=accounts.account_named(session, name).name,
                                   password=password)
        except accounts.AccountError as exc:
            raise account_refused(exc) from None

    @app.post("/v1/changes", dependencies=protocol, response_model=PushOut)
    def push(body: PushBody, account: Annotated[Account, Depends(signed_in)]) -> Response:
        changes = [sync.Change(c.change_id, c.entity, c.row_id, c.op, c.base_version,
                               c.payload) for c in body.changes]  # model_dump copied each
        with database.transaction() as session:
            outcomes = sync.push(session, account, changes)
        # the outcomes' own fields are OutcomeOut's: encoded at once, not model by model
        return Response(to_json({"outcomes": [o.__dict__ for o in outcomes]}),
                        media_type="application/json")

    @app.get("/v1/changes", dependencies=protocol, response_model=PullOut)
    def pull(_account: Annotated[Account, Depends(signed_in)],
             after: Annotated[int, Query(ge=0, le=MAX_NUMBER)] = 0,
             limit: Annotated[int, Query(ge=1, le=sync.MAX_PULL)] = sync.MAX_PULL
             ) -> Response:
        try:
            with database.transaction() as session:
                pulled = sync.pull(session, after, limit)
        except sync.LogCompacted:
            raise problem(410, "snapshot_needed", f"The log no longer holds the changes after "
                          f"{after}; take a snapshot (GET /v1/snapshot) and follow the log "
                          "from its as_of.", "after") from None
        return Response(pulled.json(), media_type="application/json")

    @app.get("/v1/changes/wait", dependencies=protocol)
    async def wait_for_changes(
            _account: Annotated[Account, Depends(signed_in)],
            after: Annotated[int, Query(ge=0, le=MAX_NUMBER)] = 0,
            timeout: Annotated[float, Query(ge=0, le=MAX_WAIT_S)] = MAX_WAIT_S) -> LatestOut:
        """A long poll: answers as soon as the log passes `after`, else after `timeout`
        seconds. The log counter is read every WAIT_POLL_S, which any number of server
        processes on one database see alike (no process tells another anything)."""
        deadline = time.monotonic() + timeout
        while True:
            latest = await run_in_threadpool(_latest)
            if latest > after or time.monotonic() >= deadline:
                return LatestOut(latest=latest)
            await asyncio.sleep(min(WAIT_POLL_S, max(0.0, deadline - time.monotonic())))

    def _latest() -> int:
        with database.transaction() as session:
            return sync.latest(session)

    @app.get("/v1/snapshot", dependencies=protocol, response_model=SnapshotOut)
    def snapshot_page(_account: Annotated[Account, Depends(signed_in)],
                      entity: Annotated[str, Query(min_length=1, max_length=40)],
                      after: Annotated[str, Query(max_length=80)] = "",
                      limit: Annotated[int, Query(ge=1, le=snapshot.MAX_PAGE)] = snapshot.MAX_PAGE
                      ) -> Response:
        with database.transaction() as session:
            found = snapshot.page(session, entity, after, limit)
        return Response(found.json(), media_type="application/json")

    @app.get("/v1/rows/{entity}/{row_id:path}", dependencies=protocol)
    def team_row(_account: Annotated[Account, Depends(signed_in)],
                 entity: Annotated[str, Path(min_length=1, max_length=40)],
                 row_id: Annotated[str, Path(min_length=1, max_length=80)]) -> SnapshotRow:
        """One row as the team has it (version 0, not present: never had it)."""
        with database.transaction() as session:
            version, present, payload = snapshot.row(session, entity, row_id)
        return SnapshotRow(row_id=row_id, version=version, present=present, payload=payload)

    def uploader(account: Annotated[Account, Depends(signed_in)]) -> Account:
        if not may_change(account.role, "case_attachments"):
            raise problem(403, "role_refused", f"Your role ({account.role}) may not attach "
                          "evidence to cases.")
        return account

    def evidence_reader(account: Annotated[Account, Depends(signed_in)]) -> Account:
        if account.role not in EVIDENCE_READERS:
            raise problem(403, "role_refused", f"Your role ({account.role}) may not open "
                          "evidence files; moderators, leads, admins and viewers may.")
        return account

    file_path = Annotated[str, Path(pattern=evidence.SHA256.pattern)]

    @app.post("/v1/files/missing", dependencies=protocol)
    def missing_files(body: HashesIn, _account: Annotated[Account, Depends(uploader)]
                      ) -> HashesOut:
        with database.transaction() as session:
            return HashesOut(missing=evidence.missing(session, body.sha256s))

    @app.put("/v1/files/{sha256}", dependencies=protocol, status_code=201,
             responses={200: {}, 400: {}, 413: {}, 415: {}})
    async def upload_file(sha256: file_path, request: Request,
                          account: Annotated[Account, Depends(uploader)]) -> StoredOut:
        data = await request.body()

        def keep() -> bool:
            with database.transaction() as session:
                return evidence.store(session, account, sha256, data)
        try:
            stored = await run_in_threadpool(keep)
        except evidence.Refused as refused:
            raise problem(refused.status, refused.code, refused.message) from None
        if not stored:
            return JSONResponse({"stored": False}, status_code=200)
        return StoredOut(stored=True)

    @app.get("/v1/files/{sha256}", dependencies=protocol, responses={404: {}})
    def download_file(sha256: file_path,
                      _account: Annotated[Account, Depends(evidence_reader)]) -> Response:
        with database.transaction() as session:
            found = evidence.read(session, sha256)
            if found is None:
                raise problem(404, "file_unknown", "The team has no file with this SHA-256; "
                              "the console that attached it has not uploaded it yet.")
            return Response(found.data, media_type=found.content_type, headers={
                "X-Content-Type-Options": "nosniff",
                "Content-Disposition": "attachment"})

    return app


def app_from_environment() -> FastAPI:
    """The app uvicorn's workers build: the database URL comes from the environment, so
    a password in it never shows in a process list."""
    app = create_app(ServerDatabase(os.environ[DATABASE_ENV]))
    collect_less(freeze=True)
    return app
