"""Evidence files: content-addressed, uploaded once, checked for size and type.

A console uploads a case's file before the attachment row that names it, so
a colleague who pulls the row can fetch the file. The name is the SHA-256 of
the bytes: the server recomputes it, so a file can only be stored under its
own hash, and a second upload of the same file stores nothing. The type is
read from the bytes, not from the name: images, PDF, and text (chat
excerpts) are taken; anything else (executables, archives) is refused.
"""

from __future__ import annotations

import hashlib
import re
from datetime import UTC, datetime

import filetype
from sqlalchemy import select
from sqlalchemy.orm import Session

from modconsole.domain.sync_protocol import MAX_EVIDENCE_BYTES
from modconsole.server.models import Account, EvidenceFile

SHA256 = re.compile(r"^[0-9a-f]{64}$")
TAKEN = frozenset({"image/png", "image/jpeg", "image/gif", "image/webp", "image/bmp",
                   "application/pdf"})
TEXT_TYPE = "text/plain; charset=utf-8"


class Refused(Exception):
    """A file the server does not take: the HTTP status, a code and words."""

    def __init__(self, status: int, code: str, message: str):
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def content_type(data: bytes) -> str | None:
    """The type the bytes are, if it is one evidence may be; None otherwise."""
    found = filetype.guess_mime(data)
    if found is not None:
        return found if found in TAKEN else None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return TEXT_TYPE if "\x00" not in text else None


def store(session: Session, account: Account, sha256: str, data: bytes) -> bool:
    """Keep the file; False when the team has it already."""
    if len(data) > MAX_EVIDENCE_BYTES:
        raise Refused(413, "file_too_large", f"Evidence files are at most "
                                             f"{MAX_EVIDENCE_BYTES >> 20} MB.")
    if hashlib.sha256(data).hexdigest() != sha256:
        raise Refused(400, "hash_mismatch", "The file's SHA-256 is not the one in the address; "
                                            "it was changed or cut off on the way.")
    if session.get(EvidenceFile, sha256) is not None:
        return False
    kind = content_type(data)
    if kind is None:
        raise Refused(415, "unsupported_type", "Evidence files are images (PNG, JPEG, GIF, "
                                               "WebP, BMP), PDF or UTF-8 text.")
    session.add(EvidenceFile(sha256=sha256, size_bytes=len(data), content_type=kind,
                             data=data, uploaded_by=account.id, uploaded_at=datetime.now(UTC)))
    return True


def missing(session: Session, hashes: list[str]) -> list[str]:
    """Of these hashes, the ones the team has no file for."""
    have = set(session.scalars(select(EvidenceFile.sha256).where(
        EvidenceFile.sha256.in_(hashes))))
    return [h for h in hashes if h not in have]


def read(session: Session, sha256: str) -> EvidenceFile | None:
    return session.get(EvidenceFile, sha256)
