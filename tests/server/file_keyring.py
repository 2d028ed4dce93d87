"""A keyring backend in a JSON file, for the tests that run consoles as separate processes
(the in-memory one stays in the test's process). Never used outside tests: a token in a
file is what the console itself refuses to do."""

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

FILE_ENV = "MODCONSOLE_TEST_KEYRING"


class FileKeyring(KeyringBackend):
    priority = 1

    def _entries(self) -> dict:
        path = Path(os.environ[FILE_ENV])
        return json.loads(path.read_text()) if path.exists() else {}

    def _save(self, entries: dict) -> None:
        Path(os.environ[FILE_ENV]).write_text(json.dumps(entries))

    def set_password(self, service, username, password):
        self._save({**self._entries(), f"{service}/{username}": password})

    def get_password(self, service, username):
        return self._entries().get(f"{service}/{username}")

    def delete_password(self, service, username):
        entries = self._entries()
        if entries.pop(f"{service}/{username}", None) is None:
            raise PasswordDeleteError(username)
        self._save(entries)
