import shutil
import sqlite3

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from modconsole.domain.name_order import sort_key
from modconsole.store import models as m
from modconsole.store.database import (
    SCHEMA_HEAD,
    DatabaseError,
    SchemaTooNew,
    known_revisions,
    migrate,
    open_database,
    schema_revision,
)
from modconsole.store.derived_tables import include_name
from modconsole.store.models import Base


def test_head_constant_matches_alembic():
    revisions = known_revisions()
    assert max(revisions, key=revisions.get) == SCHEMA_HEAD


def test_upgrade_from_empty_creates_every_model_table(db_path):
    store, report = open_database(db_path)
    try:
        assert report.from_revision is None and report.backup_path is None
        with store.engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"include_name": include_name})
            diffs = compare_metadata(context, Base.metadata)
        assert diffs == [], "models and migrations disagree; write a migration"
    finally:
        store.close()
    assert schema_revision(db_path) == SCHEMA_HEAD


def test_upgrade_from_previous_revisions_keeps_data_and_backs_up(db_path):
    migrate(db_path, "0001")
    with sqlite3.connect(db_path) as conn:
        conn.execute(
            "INSERT INTO audit_log (id, at, action, entity, created_at, updated_at, version) "
            "VALUES ('a1', '2026-01-01', 'member.edit', 'members', '2026-01-01', "
            "'2026-01-01', 1)")
        conn.execute("UPDATE audit_log SET reason = 'allowed before 0002' WHERE id = 'a1'")
    conn.close()

    store, report = open_database(db_path)
    store.close()

    assert (report.from_revision, report.to_revision) == ("0001", SCHEMA_HEAD)
    assert report.backup_path.exists()
    assert schema_revision(report.backup_path) == "0001"
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT reason FROM audit_log").fetchone() == ("allowed before 0002",)
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            conn.execute("UPDATE audit_log SET reason = 'edited' WHERE id = 'a1'")
    conn.close()


def test_newer_database_is_refused_and_left_untouched(db_path):
    open_database(db_path)[0].close()
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.close()
    before = db_path.read_bytes()

    with pytest.raises(SchemaTooNew, match=r"newer modconsole.*9999.*not changed"):
        open_database(db_path)
    assert db_path.read_bytes() == before
    assert not list(db_path.parent.glob("*.bak"))


def test_foreign_sqlite_file_is_refused(db_path):
    with sqlite3.connect(db_path) as conn:
        conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.close()
    with pytest.raises(DatabaseError, match="not a modconsole one"):
        open_database(db_path)


def test_garbage_file_is_refused(db_path):
    db_path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(DatabaseError, match="cannot be read as an SQLite database"):
        open_database(db_path)


def test_pragmas_on_every_connection(store):
    with store.engine.connect() as conn:
        driver = conn.connection.dbapi_connection
        assert driver.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert driver.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert driver.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert driver.execute("PRAGMA busy_timeout").fetchone()[0] == 5000
        assert driver.execute("PRAGMA cache_size").fetchone()[0] == -64000  # KiB


def test_copied_database_at_head_opens_without_backup(store, tmp_path):
    copy = tmp_path / "copy.db"
    store.close()
    shutil.copy(store.path, copy)
    reopened, report = open_database(copy)
    reopened.close()
    assert report.from_revision == SCHEMA_HEAD and report.backup_path is None


def test_an_old_sqlite_is_refused_with_what_to_do(db_path, monkeypatch):
    monkeypatch.setattr(sqlite3, "sqlite_version_info", (3, 31, 1))
    with pytest.raises(DatabaseError, match=r"needs SQLite 3\.34\.0.*has SQLite 3\.31\.1"):
        open_database(db_path)
    assert not db_path.exists()


def _seed_0009(path) -> None:
    """A database at 0009 holding two members, two tags and three UUID-keyed links."""
    migrate(path, "0009")
    stamp = "'2026-01-01', '2026-01-01', 1"
    with sqlite3.connect(path) as conn:
        for i, name in enumerate(("张三", "李四")):
            conn.execute(
                "INSERT INTO members (id, platform_id, name, nickname, phone_verified, "
                "email_verified, region, gender, age_band, join_channel, posts_count, "
                "comments_count, likes_count, quality_posts_count, active_streak_days, "
                "conversions_count, points, level, paid_total_cents, status, is_staff, "
                f"churn_level, created_at, updated_at, version) VALUES ('m{i}', 'p{i}', "
                f"'{name}', '', 0, 0, '', '', '', '', 0, 0, 0, 0, 0, 0, 0, 1, 0, 'active', 0, "
                f"0, {stamp})")
        for tag in ("t0", "t1"):
            conn.execute(f"INSERT INTO tags (id, name, created_at, updated_at, version) "
                         f"VALUES ('{tag}', '{tag}', {stamp})")
        conn.executemany("INSERT INTO member_tags (tag_id, member_id, added_at, added_by) "
                         "VALUES (?, ?, '2026-02-03', ?)",
                         [("t0", "m0", "s1"), ("t0", "m1", None), ("t1", "m1", None)])
    conn.close()


def _links(path) -> set[tuple]:
    with sqlite3.connect(path) as conn:
        if "tag_id" in [c[1] for c in conn.execute("PRAGMA table_info(member_tags)")]:
            rows = conn.execute("SELECT tag_id, member_id, added_at, added_by FROM member_tags")
        else:
            rows = conn.execute(
                "SELECT t.id, m.id, mt.added_at, mt.added_by FROM member_tags mt "
                "JOIN tags t ON t.rowid = mt.tag JOIN members m ON m.rowid = mt.member")
        found = set(rows.fetchall())
    conn.close()
    return found


def test_tag_links_move_to_rowid_keys_and_back_with_their_stamps(db_path):
    from alembic import command

    from modconsole.store.database import Store, _alembic_config

    _seed_0009(db_path)
    before = _links(db_path)
    assert len(before) == 3
    open_database(db_path)[0].close()
    assert _links(db_path) == before
    with sqlite3.connect(db_path) as conn:
        by_name = conn.execute("SELECT t.id, b.name_key, m.id FROM member_tags_by_name b "
                               "JOIN tags t ON t.rowid = b.tag "
                               "JOIN members m ON m.rowid = b.member").fetchall()
    conn.close()
    zhang, li = sort_key("张三"), sort_key("李四")  # keyed on pinyin since 0012
    assert sorted(by_name) == sorted([("t0", zhang, "m0"), ("t0", li, "m1"), ("t1", li, "m1")])

    store = Store(db_path)
    with store.engine.begin() as connection:
        command.downgrade(_alembic_config(connection), "0009")
    store.close()
    assert schema_revision(db_path) == "0009" and _links(db_path) == before
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT count(*) FROM member_tags_by_name").fetchone() == (3,)
    conn.close()


def test_hard_deleting_a_member_or_tag_takes_its_links(db_path):
    _seed_0009(db_path)
    open_database(db_path)[0].close()
    with sqlite3.connect(db_path) as conn:
        conn.execute("DELETE FROM members WHERE id = 'm0'")
        conn.execute("DELETE FROM tags WHERE id = 't1'")
    conn.close()
    assert {(t, m) for t, m, *_ in _links(db_path)} == {("t0", "m1")}


def test_vacuum_keeps_the_rowids_that_key_tag_links(db_path):
    """Tag links name members and tags by rowid; SQLite keeps those through VACUUM
    because both tables have a unique index (the copy goes row for row)."""
    _seed_0009(db_path)
    open_database(db_path)[0].close()
    with sqlite3.connect(db_path) as conn:
        conn.execute("DELETE FROM member_tags WHERE member = (SELECT rowid FROM members "
                     "WHERE id = 'm0')")
        conn.execute("DELETE FROM members WHERE id = 'm0'")  # leaves a gap in the rowids
        conn.execute("DELETE FROM tags WHERE id = 't0'")
    conn.close()
    before = _links(db_path)
    with sqlite3.connect(db_path) as conn:
        rowids = conn.execute("SELECT rowid, id FROM members UNION ALL "
                              "SELECT rowid, id FROM tags").fetchall()
        conn.execute("VACUUM")
        assert conn.execute("SELECT rowid, id FROM members UNION ALL "
                            "SELECT rowid, id FROM tags").fetchall() == rowids
    conn.close()
    assert _links(db_path) == before == {("t1", "m1", "2026-02-03", None)}


def test_names_get_their_pinyin_key_and_the_roster_sorts_by_it(db_path):
    from alembic import command

    from modconsole.domain.member_filter import MemberFilter
    from modconsole.services.roster import list_members
    from modconsole.store.database import Store, _alembic_config

    _seed_0009(db_path)
    store, _report = open_database(db_path)
    with store.transaction() as s:
        s.add_all([m.Member(platform_id=f"wx_{n}", name=n) for n in ("丰", "丁", "万", "严")])
    with store.read() as s:
        names = [r.name for r in list_members(s, MemberFilter(), limit=10).rows]
    store.close()
    assert names == ["丁", "丰", "李四", "万", "严", "张三"]  # ding feng li wan yan zhang
    with sqlite3.connect(db_path) as conn:
        keys = dict(conn.execute("SELECT name, name_key FROM members"))
    conn.close()
    assert keys["张三"] == sort_key("张三")  # filled by the migration for the seeded rows
    store = Store(db_path)
    with store.engine.begin() as connection:
        command.downgrade(_alembic_config(connection), "0011")
    store.close()
    with sqlite3.connect(db_path) as conn:
        columns = [row[1] for row in conn.execute("PRAGMA table_info(members)")]
        by_name = conn.execute("SELECT count(*) FROM member_tags_by_name WHERE name = '李四'")
        assert "name_key" not in columns and by_name.fetchone() == (2,)
    conn.close()
