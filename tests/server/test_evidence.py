"""Evidence files: uploaded once under their SHA-256 before the attachment that names
them, fetched by a colleague when opened, size- and type-checked by the server, and
opened only by the roles that handle or oversee moderation."""

from __future__ import annotations

import hashlib

import pytest
from sqlalchemy import select

from modconsole.services import cases, member_import
from modconsole.services.errors import UserError
from modconsole.services.team import evidence
from modconsole.services.team.sync import sync_once
from modconsole.store import models as m
from tests.server.api_calls import sign_in, team_client
from tests.server.consoles import Recording, team_of

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
EXE = b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 120 + b"PE\x00\x00" + b"\x00" * 200


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def test_files_are_stored_once_checked_and_read_only_by_moderations_roles(server_db):
    client = team_client(server_db, {"mod": "moderator", "ops": "ops", "viewer": "viewer"})
    mod, ops, viewer = (sign_in(client, name)[0] for name in ("mod", "ops", "viewer"))
    put = lambda data, who=mod, name=None: client.put(  # noqa: E731
        f"/v1/files/{name or sha(data)}", content=data, headers=who)

    assert client.post("/v1/files/missing", json={"sha256s": [sha(PNG)]},
                       headers=mod).json() == {"missing": [sha(PNG)]}
    assert put(PNG).status_code == 201
    again = put(PNG)
    assert again.status_code == 200 and again.json() == {"stored": False}
    assert client.post("/v1/files/missing", json={"sha256s": [sha(PNG), sha(EXE)]},
                       headers=mod).json() == {"missing": [sha(EXE)]}

    text = "张三 12:01 加我微信 abc123\n".encode()
    assert put(text).status_code == 201  # a chat excerpt
    refused = {"an executable": put(EXE), "not text": put(b"\xff\xfe\x00\x01" * 50),
               "under another hash": put(PNG + b"!", name=sha(PNG)),
               "by ops": put(b"ops' note", who=ops)}
    assert {k: (r.status_code, r.json()["detail"]["code"]) for k, r in refused.items()} == {
        "an executable": (415, "unsupported_type"), "not text": (415, "unsupported_type"),
        "under another hash": (400, "hash_mismatch"), "by ops": (403, "role_refused")}
    too_big = client.put(f"/v1/files/{'0' * 64}", content=b"\x00" * (50 * 1024 * 1024 + 1),
                         headers=mod)
    assert too_big.status_code == 413

    read = client.get(f"/v1/files/{sha(PNG)}", headers=viewer)
    assert read.status_code == 200 and read.content == PNG
    assert read.headers["content-type"] == "image/png"
    assert read.headers["x-content-type-options"] == "nosniff"
    assert client.get(f"/v1/files/{sha(PNG)}", headers=ops).status_code == 403
    assert client.get(f"/v1/files/{sha(EXE)}", headers=mod).status_code == 404
    assert client.get("/v1/files/not-a-hash", headers=mod).status_code == 422


@pytest.fixture
def consoles(server, server_db, tmp_path, memory_keyring):
    opened = team_of(server_db, server, tmp_path,
                     {"lead1": "lead", "mod1": "moderator", "ops1": "ops"})
    yield opened
    for store, _ in opened:
        store.close()


def report_with(store, platform_id: str, path) -> str:
    with store.transaction() as s:
        if s.scalar(select(m.Member).where(m.Member.platform_id == platform_id)) is None:
            member_import.add_member(s, {"platform_id": platform_id, "name": "被举报人"})
        return cases.add_report(s, cases.ReportIn(member=platform_id, evidence="广告",
                                                  source="staff", files=(path,))).case_id


def test_a_colleague_opens_the_file_attached_on_another_console(consoles, tmp_path):
    (lead, lead_server), (mod, mod_server), (ops, ops_server) = consoles
    screenshot = tmp_path / "截图.png"
    screenshot.write_bytes(PNG)
    recording = Recording(lead_server)
    report_with(lead, "p1", screenshot)
    report_with(lead, "p2", screenshot)  # the same file on a second case
    sync_once(lead, recording)
    assert [sha256 for sha256, _ in recording.asked("upload_file")] == [sha(PNG)]  # once

    sync_once(mod, mod_server)
    with mod.read() as s:
        attachments = s.scalars(select(m.CaseAttachment)).all()
        assert len(attachments) == 2
        paths = [cases.attachment_path(s, a) for a in attachments]
    assert not any(p.exists() for p in paths)  # fetched when opened, not with the row
    opened = evidence.fetch(mod, mod_server, attachments[0].id)
    assert opened == paths[0] and opened.read_bytes() == PNG
    assert evidence.fetch(mod, mod_server, attachments[0].id) == opened  # kept: no refetch

    sync_once(ops, ops_server)
    with pytest.raises(UserError, match="role"):
        evidence.fetch(ops, ops_server, attachments[1].id)


def test_a_file_deleted_before_it_went_up_still_syncs_its_case_and_says_so(
        consoles, tmp_path):
    (lead, lead_server), (mod, mod_server), _ = consoles
    screenshot = tmp_path / "gone.png"
    screenshot.write_bytes(PNG + b"gone")
    report_with(lead, "p1", screenshot)
    with lead.read() as s:
        kept = cases.attachment_path(s, s.scalars(select(m.CaseAttachment)).one())
    kept.unlink()  # the console's own copy, lost before the sync
    assert sync_once(lead, lead_server).refused == 0
    sync_once(mod, mod_server)
    with mod.read() as s:
        attachment = s.scalars(select(m.CaseAttachment)).one()
    with pytest.raises(UserError, match="not uploaded"):
        evidence.fetch(mod, mod_server, attachment.id)
