"""Export the phrase book to JSON or CSV and merge a file back in by template id.

Each exported template carries fingerprints of its earlier versions, so a
merge can tell who moved: if the file's text is one this console had before,
ours is newer and stays; if ours is one the file had before, the file's is
newer and replaces it; if both changed since they last agreed, that is a
conflict, shown and left alone unless the person chooses the file's side.
The whole file is checked before anything is written: one bad entry rejects
it, naming the entry and the field.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from modconsole.domain.enums import TemplateScope
from modconsole.domain.messages import N_
from modconsole.domain.text import quoted
from modconsole.services import replies
from modconsole.services.errors import UserError
from modconsole.services.identity import current_staff_id
from modconsole.services.output_files import replacing
from modconsole.services.table_files import neutralise, restore
from modconsole.store import models as m

FORMAT = "modconsole-phrasebook"
CSV_COLUMNS = ("id", "family_id", "code", "title", "category", "lang", "scope", "status",
               "tags", "body", "history")
MAX_FILE_BYTES = 64 << 20
MAX_LIST = 1000
_ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_FINGERPRINT = re.compile(r"[0-9a-f]{16}")


def fingerprint(title: str, body: str) -> str:
    return hashlib.sha256(f"{title}\0{body}".encode()).hexdigest()[:16]


@dataclass(frozen=True)
class Conflict:
    id: str
    code: str
    lang: str
    mine_title: str
    mine_body: str
    theirs_title: str
    theirs_body: str


@dataclass
class MergeReport:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    kept_ours: int = 0  # ours is newer than the file's
    conflicts: list[Conflict] = field(default_factory=list)
    taken_theirs: int = 0  # conflicts resolved for the file


def _entries(session: Session) -> list[dict]:
    T, R = m.ReplyTemplate, m.TemplateRevision
    hist: dict[str, list[str]] = {}
    for template_id, title, body in session.execute(
            select(R.template_id, R.title, R.body).order_by(R.edited_at)):
        hist.setdefault(template_id, []).append(fingerprint(title, body))
    rows = session.scalars(select(T).where(*replies.visible(session))).all()
    return [{"id": r.id, "family_id": r.family_id, "code": r.code, "title": r.title,
             "category": r.category, "lang": r.lang, "scope": r.scope, "status": r.status,
             "tags": json.loads(r.tags_json or "[]"), "body": r.body,
             "history": hist.get(r.id, [])} for r in rows]


def export_library(session: Session, path: Path) -> int:
    entries = _entries(session)
    suffix = path.suffix.lower()
    if suffix not in (".json", ".csv"):
        raise UserError(N_("phrasebook_files", "Cannot export to '{name}': use a .json "
                                               "or .csv file name.").format(name=quoted(path.name)))
    with replacing(path) as temporary:
        if suffix == ".json":
            temporary.write_text(json.dumps({"format": FORMAT, "version": 1,
                                             "templates": entries},
                                            ensure_ascii=False, indent=2) + "\n",
                                 encoding="utf-8")
        else:
            with temporary.open("w", encoding="utf-8-sig", newline="") as out:
                writer = csv.writer(out)
                writer.writerow(CSV_COLUMNS)
                for e in entries:
                    row = {**e, "tags": ";".join(e["tags"]),
                           "history": ";".join(e["history"])}
                    writer.writerow([neutralise(row[c]) for c in CSV_COLUMNS])
    return len(entries)


def _read(path: Path) -> list[dict]:
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise UserError(N_("phrasebook_files", "{name} is {size:.0f} MB; a phrase "
                                                   "book file is at most {limit} MB.").format(
                                name=path.name, size=path.stat().st_size / (1 << 20),
                                limit=MAX_FILE_BYTES >> 20))
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise UserError(N_("phrasebook_files", "There is no file {path}.").format(
                            path=path)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(N_("phrasebook_files", "Cannot read {name}: {exc}. "
                                               "Export it again as UTF-8.").format(
                            name=path.name, exc=exc)) from None
    if path.suffix.lower() == ".csv":
        return _read_csv(path, text)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise UserError(N_("phrasebook_files", "{name} is not valid JSON: "
                                               "{msg} at line {lineno}, column "
                                               "{colno}.").format(
                            name=path.name, msg=exc.msg, lineno=exc.lineno,
                            colno=exc.colno)) from None
    except RecursionError:
        raise UserError(N_("phrasebook_files", "{name} nests its JSON too "
                                               "deeply to be a phrase book "
                                               "export.").format(name=path.name)) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT or \
            not isinstance(data.get("templates"), list):
        raise UserError(N_("phrasebook_files", "{name} is not a phrase book export "
                                               "(expected an object with \"format\": "
                                               "\"{FORMAT}\" and a \"templates\" list).").format(
                            name=path.name, FORMAT=FORMAT))
    return data["templates"]


def _read_csv(path: Path, text: str) -> list[dict]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        missing = [c for c in ("id", "code", "title", "category", "lang", "body")
                   if c not in (reader.fieldnames or [])]
        if missing:
            raise UserError(N_("phrasebook_files", "{name} has no column {value!r}; the "
                                                   "columns are {value2}.").format(
                                name=path.name, value=missing[0], value2=', '.join(CSV_COLUMNS)))
        return [{**{k: restore(v or "") for k, v in row.items() if isinstance(k, str)},
                 "tags": [t for t in restore(row.get("tags") or "").split(";") if t],
                 "history": [h for h in (row.get("history") or "").split(";") if h]}
                for row in reader]
    except csv.Error as exc:
        raise UserError(N_("phrasebook_files", "{name}, line {line_num}: not "
                                               "readable as CSV ({exc}).").format(
                            name=path.name, line_num=reader.reader.line_num, exc=exc)) from None


def _text_list(where: str, key: str, value, item: re.Pattern | None = None) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or len(value) > MAX_LIST or \
            not all(isinstance(v, str) and len(v) <= 200 for v in value):
        raise UserError(N_("phrasebook_files", "{where}: '{key}' must be a list of at "
                                               "most {MAX_LIST} texts.").format(
                            where=where, key=key, MAX_LIST=MAX_LIST))
    if item is not None and not all(item.fullmatch(v) for v in value):
        raise UserError(N_("phrasebook_files", "{where}: '{key}' holds an item that is "
                                               "not a version fingerprint.").format(
                            where=where, key=key))
    return value


def _check(i: int, entry) -> tuple[dict, replies.TemplateDraft]:
    where = f"template {i + 1}"
    if not isinstance(entry, dict):
        raise UserError(N_("phrasebook_files", "{where} is not an object.").format(where=where))
    label = entry.get("code") or entry.get("id")
    where += f" ({quoted(label, 40)})" if isinstance(label, str) else ""
    for key in ("id", "code", "title", "category", "lang", "body"):
        if not isinstance(entry.get(key), str) or not entry[key]:
            raise UserError(N_("phrasebook_files", "{where}: '{key}' is required and "
                                                   "must be text.").format(where=where, key=key))
    for key in ("id", "family_id"):
        if entry.get(key) is not None and not (isinstance(entry[key], str) and
                                               _ID.fullmatch(entry[key])):
            raise UserError(N_("phrasebook_files", "{where}: '{key}' must be a template "
                                                   "id like 0190a5c2-…-… (36 characters).").format(
                                where=where, key=key))
    if entry.get("scope") is not None and not isinstance(entry["scope"], str):
        raise UserError(N_("phrasebook_files", "{where}: 'scope' must be text.").format(
                            where=where))
    tags = _text_list(where, "tags", entry.get("tags"))
    history = _text_list(where, "history", entry.get("history"), _FINGERPRINT)
    draft = replies.TemplateDraft(entry["code"], entry["title"], entry["category"],
                                  entry["lang"], entry["body"],
                                  entry.get("scope") or TemplateScope.TEAM, tuple(tags))
    try:
        draft = replies.check_draft(draft)  # codes normalised as the editor does
    except UserError as exc:
        raise UserError(N_("phrasebook_files", "{where}: {exc}").format(
                            where=where, exc=exc)) from None
    return {**entry, "tags": list(draft.tags), "history": history}, draft


def import_library(session: Session, path: Path, *, take_theirs: set[str] | bool = False,
                   ) -> MergeReport:
    """Merge a file by template id. `take_theirs` (all, or these ids) settles conflicts
    in the file's favour; otherwise they are reported and left as they are."""
    checked = [_check(i, e) for i, e in enumerate(_read(path))]
    ids = [e["id"] for e, _ in checked]
    if len(set(ids)) != len(ids):
        raise UserError(N_("phrasebook_files", "{name} lists a template id twice.").format(
                            name=path.name))
    report = MergeReport()
    R = m.TemplateRevision
    for entry, draft in checked:
        row = session.get(m.ReplyTemplate, entry["id"])
        if row is None:
            _insert(session, entry, draft)
            report.added += 1
            continue
        mine = fingerprint(row.title, row.body)
        theirs = fingerprint(draft.title, draft.body)
        ours_before = {fingerprint(t, b) for t, b in session.execute(
            select(R.title, R.body).where(R.template_id == row.id))}
        if mine == theirs and row.deleted_at is None:
            report.unchanged += 1
        elif theirs in ours_before:
            report.kept_ours += 1
        elif mine in entry["history"] or row.deleted_at is not None:
            _update(session, row, draft)
            report.updated += 1
        elif take_theirs is True or (take_theirs and row.id in take_theirs):
            _update(session, row, draft)
            report.taken_theirs += 1
        else:
            report.conflicts.append(Conflict(row.id, row.code, row.lang, row.title, row.body,
                                             draft.title, draft.body))
    return report


def _insert(session: Session, entry: dict, draft: replies.TemplateDraft) -> None:
    family = entry.get("family_id") or entry["id"]
    taken = session.scalar(select(m.ReplyTemplate).where(
        m.ReplyTemplate.deleted_at.is_(None), m.ReplyTemplate.code == draft.code,
        m.ReplyTemplate.family_id != family).limit(1))
    if taken is not None:
        raise UserError(N_("phrasebook_files", "The file's template {value} uses the "
                                               "code /{code}, which here belongs to "
                                               "'{title}'. Rename one of them first.").format(
                            value=entry['id'], code=draft.code, title=taken.title))
    session.add(m.ReplyTemplate(
        id=entry["id"], family_id=family, code=draft.code, title=draft.title,
        category=draft.category, lang=draft.lang, body=draft.body, scope=draft.scope,
        tags_json=json.dumps(list(draft.tags), ensure_ascii=False),
        status=replies.status_after_edit(session, draft.scope),
        owner_id=current_staff_id(session)))
    session.flush()


def _update(session: Session, row: m.ReplyTemplate, draft: replies.TemplateDraft) -> None:
    row.deleted_at = None
    replies.update_template(session, row.id, draft)
