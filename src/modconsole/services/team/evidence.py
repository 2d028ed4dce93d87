"""Evidence files between this console and the team server.

Before a batch that attaches files to cases is pushed, the files the team
lacks are uploaded, so a colleague who pulls the attachment can open it.
Opening an attachment this console does not have fetches it from the team,
checks that its SHA-256 is the one attached, and keeps it where the console
keeps its own.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from modconsole.domain.messages import N_
from modconsole.services.cases import attachment_path
from modconsole.services.errors import UserError
from modconsole.store import models as m
from modconsole.store.engine import Store


def upload_for(store: Store, server, batch: list[dict]) -> int:
    """Upload the files the batch's new attachments name that the team has not got; how
    many went. A file deleted here before it went up cannot go: the attachment still
    syncs, and opening it elsewhere says the file never reached the team."""
    payloads = [json.loads(c["payload_json"]) for c in batch
                if (c["entity"], c["op"]) == ("case_attachments", "insert")]
    attached = [m.CaseAttachment(case_id=p.get("case_id"), filename=p.get("filename"),
                                 sha256=p.get("sha256")) for p in payloads]
    if not attached:
        return 0
    wanted = set(server.missing_files(sorted({a.sha256 for a in attached})))
    with store.read() as session:
        paths = {a.sha256: attachment_path(session, a) for a in attached if a.sha256 in wanted}
    sent = 0
    for sha256, path in paths.items():
        if path.is_file():
            server.upload_file(sha256, path.read_bytes())
            sent += 1
    return sent


def fetch(store: Store, server, attachment_id: str) -> Path:
    """The attachment's file on this computer, fetched from the team if it is not here."""
    with store.read() as session:
        attachment = session.get(m.CaseAttachment, attachment_id)
        if attachment is None:
            raise UserError(N_("team", "There is no such attachment."))
        path, sha256 = attachment_path(session, attachment), attachment.sha256
    if path.is_file():
        return path
    data = server.download_file(sha256)
    if hashlib.sha256(data).hexdigest() != sha256:
        raise UserError(N_("team", "The file the team server sent is not the one attached "
                                   "(its SHA-256 differs); nothing was kept. Try again."))
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".part")
    partial.write_bytes(data)
    os.replace(partial, path)  # whole or not at all
    return path
