"""Consoles signed in to a test server, and a server wrapper that records what they ask."""

from modconsole.server import accounts
from modconsole.services.startup import open_console_database
from modconsole.services.team import connection


def signed_in(path, url: str, name: str):
    """A console database at `path` signed in as `name`, and its TeamServer."""
    store, _ = open_console_database(path)
    connection.sign_in(store, url, name, f"{name} password")
    with store.read() as s:
        return store, connection.team_server(s)


def team_of(server_db, url: str, folder, people: dict[str, str]) -> list:
    """A signed-in console per person (name -> role), each on its own file in `folder`."""
    with server_db.transaction() as s:
        for name, role in people.items():
            accounts.add_account(s, name, role, f"{name} password")
    return [signed_in(folder / f"{name}.db", url, name) for name in people]


class Recording:
    """A console's server that records every call made through it."""

    def __init__(self, server):
        self.server, self.calls = server, []
        self.url = server.url

    def __getattr__(self, name):
        found = getattr(self.server, name)

        def recorded(*args):
            self.calls.append((name, args))
            return found(*args)
        return recorded

    def asked(self, method: str) -> list[tuple]:
        return [args for name, args in self.calls if name == method]
