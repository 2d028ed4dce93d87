"""Consoles signed in to a test server, the server itself (in a thread, or a process of
its own), and a server wrapper that records what they ask."""

import os
import signal
import socket
import subprocess
import sys
import threading
import time

import uvicorn

from modconsole.server import DATABASE_ENV, accounts
from modconsole.server.api import create_app
from modconsole.services.startup import open_console_database
from modconsole.services.team import connection
from modconsole.services.team.sync import sync_once


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


def sync_all(pair) -> int:
    """Sync a, b, a; the conflicts reported."""
    (a, team_a), (b, team_b) = pair
    return sum(sync_once(store, team).conflicts
               for store, team in ((a, team_a), (b, team_b), (a, team_a)))


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


def serve(server_db):
    """Run the team server on `server_db` on a free loopback port; yields its URL, and
    stops it afterwards (a generator for fixtures)."""
    config = uvicorn.Config(create_app(server_db), host="127.0.0.1", port=0, log_level="error")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    while not running.started:
        thread.join(0.01)
    port = running.servers[0].sockets[0].getsockname()[1]
    yield f"http://127.0.0.1:{port}/"
    running.should_exit = True
    thread.join()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(env: dict, port: int) -> subprocess.Popen:
    """`modconsole server run` on `port` (the database in `env`), once it answers."""
    process = subprocess.Popen([sys.executable, "-m", "modconsole", "server", "run",
                                "--port", str(port)], env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    for _ in range(300):
        try:
            socket.create_connection(("127.0.0.1", port), 0.1).close()
            return process
        except OSError:
            time.sleep(0.05)
    raise AssertionError("the server did not start")


def serve_apart(server_url: str):
    """The team server on `server_url`'s database in a process of its own, as in
    production: busy consoles in the test's process do not hold up its answers. Yields its
    URL (a generator for fixtures)."""
    port = free_port()
    process = start_server({**os.environ, DATABASE_ENV: server_url}, port)
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait()
