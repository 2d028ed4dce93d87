"""Where the database, the config file and the logs live.

The database path is chosen, in order, by `--db`, `MODCONSOLE_DB`, the
`database` entry of the config file (set from the Settings page) and the
platform's data folder. The CLI and the GUI share this, so both open the
same file. `MODCONSOLE_CONFIG_DIR` moves the config folder (tests use it).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import platformdirs

APP = "modconsole"


def config_dir() -> Path:
    override = os.environ.get("MODCONSOLE_CONFIG_DIR")
    return Path(override) if override else Path(platformdirs.user_config_dir(APP, appauthor=False))


def default_database_path() -> Path:
    return Path(platformdirs.user_data_dir(APP, appauthor=False)) / "modconsole.db"


def log_dir() -> Path:
    override = os.environ.get("MODCONSOLE_CONFIG_DIR")
    if override:
        return Path(override) / "logs"
    return Path(platformdirs.user_log_dir(APP, appauthor=False))


def _config_file() -> Path:
    return config_dir() / "config.json"


def read_config() -> dict:
    try:
        data = json.loads(_config_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def write_config(**values) -> None:
    data = read_config()
    data.update(values)
    path = _config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    tmp.replace(path)


def resolve_database_path(explicit: str | os.PathLike | None = None) -> Path:
    for candidate in (explicit, os.environ.get("MODCONSOLE_DB"), read_config().get("database")):
        if candidate:
            return Path(candidate).expanduser().resolve()
    return default_database_path()
