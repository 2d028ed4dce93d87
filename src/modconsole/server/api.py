"""The HTTP API (FastAPI). Every route but /v1/version needs a bearer token and the client's
protocol number; bodies are pydantic models with bounded sizes.

Errors are JSON `{"detail": {"code": ..., "message": ..., "field": ...}}`: the
console shows its own words for the code, the message is for logs and curl.
"""

import os
import zlib
from datetime import datetime
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, Header, HTTPException, Query, Request, Response
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, Field

from modconsole import __version__
from modconsole.domain.sync_protocol import PROTOCOL
from modconsole.server import DATABASE_ENV, accounts, snapshot, sync
from modconsole.server.database import ServerDatabase
from modconsole.server.models import Account

OLDEST_CLIENT_PROTOCOL = 1
MAX_BODY = 32 * 1024 * 1024  # a push of 1,000 member rows is ~2 MB
MAX_NUMBER = 2**63 - 1  # the stores' BIGINT: a larger number is refused, not overflowed


class GzipRequest(Request):
    """A request body sent gzip-compressed (a console's large push), inflated at most to
    MAX_BODY: a small body that inflates past it is refused, not unpacked."""

    async def body(self) -> bytes:
        if not hasattr(self, "_body"):
            raw = await super().body()
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


class SnapshotRow(BaseModel):
    row_id: str
    version: int
    present: bool
    payload: dict[str, Any]


class SnapshotOut(BaseModel):
    as_of: int
    rows: list[SnapshotRow]
    after: str | None


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
        length = request.headers.get("content-length", "0")
        if not length.isdigit() or int(length) > MAX_BODY:
            return JSONResponse({"detail": {"code": "body_too_large", "field": None,
                                            "message": f"Requests are at most {MAX_BODY:,} "
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

    @app.post("/v1/changes", dependencies=protocol)
    def push(body: PushBody, account: Annotated[Account, Depends(signed_in)]) -> PushOut:
        changes = [sync.Change(**c.model_dump()) for c in body.changes]
        with database.transaction() as session:
            outcomes = sync.push(session, account, changes)
        return PushOut(outcomes=[OutcomeOut(**o.__dict__) for o in outcomes])

    @app.get("/v1/changes", dependencies=protocol)
    def pull(_account: Annotated[Account, Depends(signed_in)],
             after: Annotated[int, Query(ge=0, le=MAX_NUMBER)] = 0,
             limit: Annotated[int, Query(ge=1, le=sync.MAX_PULL)] = sync.MAX_PULL) -> PullOut:
        try:
            with database.transaction() as session:
                pulled = sync.pull(session, after, limit)
        except sync.LogCompacted:
            raise problem(410, "snapshot_needed", f"The log no longer holds the changes after "
                          f"{after}; take a snapshot (GET /v1/snapshot) and follow the log "
                          "from its as_of.", "after") from None
        return PullOut(changes=pulled.changes, cursor=pulled.cursor, more=pulled.more)

    @app.get("/v1/snapshot", dependencies=protocol)
    def snapshot_page(_account: Annotated[Account, Depends(signed_in)],
                      entity: Annotated[str, Query(min_length=1, max_length=40)],
                      after: Annotated[str, Query(max_length=80)] = "",
                      limit: Annotated[int, Query(ge=1, le=snapshot.MAX_PAGE)] = snapshot.MAX_PAGE
                      ) -> SnapshotOut:
        with database.transaction() as session:
            found = snapshot.page(session, entity, after, limit)
        return SnapshotOut(as_of=found.as_of, rows=found.rows, after=found.after)

    return app


def app_from_environment() -> FastAPI:
    """The app uvicorn's workers build: the database URL comes from the environment, so
    a password in it never shows in a process list."""
    return create_app(ServerDatabase(os.environ[DATABASE_ENV]))
