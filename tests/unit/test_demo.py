import sqlite3

import pytest
from sqlalchemy import func, select

from modconsole.services.demo import load_demo
from modconsole.services.errors import Cancelled, UserError
from modconsole.services.startup import open_console_database
from modconsole.store import models as m
from tests.conftest import NOW

TABLES = ["members", "groups", "group_members", "tags", "member_tags", "cases", "reports",
          "sanctions", "appeals", "activities", "attendance", "points_ledger"]


def build(path, seed, members=300):
    store, _ = open_console_database(path)
    with store.transaction() as s:
        made = load_demo(s, members=members, seed=seed, now=NOW)
    store.close()
    return made


def dump(path):
    with sqlite3.connect(path) as conn:
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall() for t in TABLES}


def test_same_seed_same_community(tmp_path):
    build(tmp_path / "a.db", seed=5)
    build(tmp_path / "b.db", seed=5)
    build(tmp_path / "c.db", seed=6)
    assert dump(tmp_path / "a.db") == dump(tmp_path / "b.db")
    assert dump(tmp_path / "a.db")["members"] != dump(tmp_path / "c.db")["members"]


def test_demo_is_believable(tmp_path):
    made = build(tmp_path / "d.db", seed=1, members=2000)
    conn = sqlite3.connect(tmp_path / "d.db")
    q = lambda sql: conn.execute(sql).fetchall()  # noqa: E731
    assert made["members"] == 2000
    fills = q("SELECT g.cap, count(*) FROM groups g JOIN group_members gm ON gm.group_id = g.id "
              "GROUP BY g.id")
    assert len(fills) >= 8 and all(count <= cap for cap, count in fills)
    assert sum(count >= 0.85 * cap for cap, count in fills) >= len(fills) // 2
    assert {k for (k,) in q("SELECT DISTINCT kind FROM groups")} >= {"funnel", "core", "training"}
    names = [n for (n,) in q("SELECT name FROM members")]
    assert all("\u4e00" <= n[0] <= "\u9fff" for n in names), "names are Chinese"
    per_member = q("SELECT count(*) * 1.0 / (SELECT count(*) FROM members) FROM member_tags")
    assert 5 <= per_member[0][0] <= 8
    categories = q("SELECT DISTINCT substr(r.code, 1, instr(r.code, '.') - 1) FROM cases c "
                   "JOIN rules r ON r.id = c.rule_id")
    assert len(categories) >= 5
    assert {s for (s,) in q("SELECT DISTINCT status FROM cases")} >= {"open", "decided"}
    # every member shown as muted has the mute that put them there
    assert q("SELECT count(*) FROM members m WHERE status = 'muted' AND NOT EXISTS "
             "(SELECT 1 FROM sanctions s WHERE s.member_id = m.id AND s.kind = 'mute' "
             "AND s.ends_at = m.muted_until)") == [(0,)]
    this_week = q("SELECT count(*) FROM activities WHERE start_at >= '2026-11-16' "
                  "AND start_at < '2026-11-30' AND rrule IS NULL")
    assert this_week[0][0] >= 6
    # every appeal points at its own appeal case, which points back at the original
    assert q("SELECT count(*) FROM appeals")[0][0] > 0
    assert q("SELECT count(*) FROM appeals a JOIN cases c ON c.id = a.appeal_case_id "
             "WHERE c.kind = 'appeal' AND c.appeal_of_id = a.original_case_id") == q(
        "SELECT count(*) FROM appeals")
    assert q("SELECT count(*) FROM outbox") == [(0,)]
    conn.close()


def test_refuses_a_database_with_members(store):
    with store.transaction() as s:
        load_demo(s, members=20, seed=1, now=NOW)
    with pytest.raises(UserError, match="already has 20 members"), store.transaction() as s:
        load_demo(s, members=20, seed=1, now=NOW)


def test_cancel_rolls_everything_back(store):
    calls = []

    def progress(done, total):
        calls.append(done)
        if done >= 1:
            raise Cancelled

    with pytest.raises(Cancelled), store.transaction() as s:
        load_demo(s, members=1200, seed=1, now=NOW, progress=progress)
    with store.transaction() as s:
        assert s.scalar(select(func.count()).select_from(m.Member)) == 0
        assert s.scalar(select(func.count()).select_from(m.Staff)) == 0
    assert calls[0] == 0


def test_demo_evidence_fits_its_rule_and_appeals_carry_the_members_words(store):
    from modconsole.services import demo_content as dc

    with store.transaction() as s:
        load_demo(s, members=2000, seed=5, now=NOW)
    with store.read() as s:
        reports = s.execute(select(m.Rule.code, m.Case.evidence_text).join(
            m.Rule, m.Rule.id == m.Case.rule_id).where(m.Case.kind == "report")).all()
        appeals = s.execute(select(m.Case.evidence_text, m.Appeal.statement).join(
            m.Appeal, m.Appeal.appeal_case_id == m.Case.id)).all()
    assert reports and all(text in dc.EVIDENCE[code] for code, text in reports)
    assert appeals and all(text == statement for text, statement in appeals)
    spam = {t for texts in dc.EVIDENCE.values() for t in texts}
    assert not any(text in spam for text, _ in appeals)
