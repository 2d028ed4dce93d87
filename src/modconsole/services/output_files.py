"""Files the console writes appear whole or not at all, and failures say why in words.

Every output goes to a temporary name beside its target and is renamed into
place when complete, so a full disk or a cancel never leaves half a file
under the name a person chose; the temporary file is removed either way.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from modconsole.domain.messages import N_
from modconsole.services.errors import UserError

# SQLite leaves these beside a database it writes; a failed copy leaves them too.
SQLITE_SIDECARS = ("-wal", "-shm", "-journal")


def temporary_name(path: Path) -> Path:
    return path.with_name(f".{path.name}.{os.getpid()}.partial")


def cannot_write(path: Path, exc: OSError | None = None, reason: str = "") -> UserError:
    """The sentence for a write that failed: the cause, and what to do about it."""
    code = exc.errno if exc is not None else None
    folder = path.parent
    if code == errno.ENOSPC or "disk is full" in reason:
        return UserError(N_("output_files", "The disk holding {folder} is full, so "
                                            "{name} was not written. Free some space (or "
                                            "choose another disk) and try again.").format(
                             folder=folder, name=path.name))
    if code == errno.EDQUOT:
        return UserError(N_("output_files", "Your disk quota on {folder} is used up, so "
                                            "{name} was not written. Free some space and "
                                            "try again.").format(folder=folder, name=path.name))
    if code == errno.EROFS:
        return UserError(N_("output_files", "{folder} is on a read-only disk, so {name} "
                                            "was not written. Choose a folder on another "
                                            "disk.").format(folder=folder, name=path.name))
    if code in (errno.EACCES, errno.EPERM):
        return UserError(N_("output_files", "{path} cannot be written (permission "
                                            "denied: the folder or file is read-only, "
                                            "locked or immutable). Choose another "
                                            "folder, or change its permissions.").format(path=path))
    if code == errno.ENOENT:
        return UserError(N_("output_files", "The folder {folder} does not exist; create "
                                            "it or choose another.").format(folder=folder))
    detail = exc.strerror if exc is not None and exc.strerror else (reason or "unknown error")
    return UserError(N_("output_files", "Cannot write {path}: {detail}.").format(
                         path=path, detail=detail))


@contextmanager
def replacing(path: Path) -> Iterator[Path]:
    """A temporary path to write; renamed onto `path` if the block ends well, else removed."""
    path = Path(path)
    temporary = temporary_name(path)
    try:
        yield temporary
        os.replace(temporary, path)
    except OSError as exc:
        raise cannot_write(path, exc) from None
    finally:
        remove_partial(temporary)


def remove_partial(temporary: Path) -> None:
    """Remove a temporary file and anything SQLite left beside it."""
    for suffix in ("", *SQLITE_SIDECARS):
        with suppress(OSError):
            temporary.with_name(temporary.name + suffix).unlink(missing_ok=True)
