"""The HTTP API (FastAPI). Every route but /v1/version needs a bearer token and the client's
protocol number; bodies are pydantic models with bounded sizes.

Errors are JSON `{"detail": {"code": ..., "message": ..., "field": ...}}`: the
console shows its own words for the code, the message is for logs and curl.
"""

import os
from datetime import datetime
from typing import Annotated

from fastapi import Depends, FastAPI, Header, HTTPException, Request, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, Field

from modconsole import __version__
from modconsole.server import DATABASE_ENV, accounts
from modconsole.server.database import ServerDatabase
from modconsole.server.models import Account

PROTOCOL = 1  # what this server speaks; raise it when a change breaks older consoles
OLDEST_CLIENT_PROTOCOL = 1


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
    expires_at: datetime


class Me(BaseModel):
    name: str
    role: str


class AccountOut(BaseModel):
    name: str
    role: str
    disabled: bool


class VersionOut(BaseModel):
    server: str
    protocol: int
    oldest_client_protocol: int


def create_app(database: ServerDatabase) -> FastAPI:
    app = FastAPI(title="modconsole team server", version=__version__)
    bearer = HTTPBearer(auto_error=False)

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
                          expires_at=outcome.expires_at)

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

    @app.get("/v1/accounts", dependencies=protocol)
    def list_accounts(_admin: Annotated[Account, Depends(role_in("admin"))]
                      ) -> list[AccountOut]:
        with database.transaction() as session:
            return [AccountOut(name=a.name, role=a.role, disabled=a.disabled)
                    for a in accounts.list_accounts(session)]

    return app


def app_from_environment() -> FastAPI:
    """The app uvicorn's workers build: the database URL comes from the environment, so
    a password in it never shows in a process list."""
    return create_app(ServerDatabase(os.environ[DATABASE_ENV]))
