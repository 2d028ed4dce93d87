"""A damaged database is caught and refuses writes; daily backups are kept, restored and a
damaged file salvaged."""

import json
from datetime import datetime, timedelta

import pytest

from modconsole.services import backups
from modconsole.services.startup import open_console_database
from modconsole.store import damage
from modconsole.store.damage import DatabaseDamaged
from tests.damage import overwrite_pages


@pytest.fixture
def demo(cli, db_path):
    assert cli("demo", "--members", "2000")[0] == 0
    return db_path


def _members(cli, db):
    code, out, err = cli("info", "--json", db=db)
    assert code == 0, err
    return json.loads(out)["counts"]["members"]


def test_damage_is_caught_at_open_and_writes_are_refused(cli, demo, tmp_path):
    overwrite_pages(demo)
    code, out, _ = cli("check")
    assert code == 1 and "damaged:" in out and "Page" in out
    (tmp_path / "five.csv").write_text("平台ID,姓名\n" + "".join(
        f"new{i},新人{i}\n" for i in range(5)), encoding="utf-8")
    code, _, err = cli("import", "members", str(tmp_path / "five.csv"))
    assert code == 1 and "is damaged" in err and "modconsole restore --newest" in err
    for args in (("members", "list"), ("members", "search", "王"), ("reports", "list")):
        code, _, err = cli(*args)
        assert code in (0, 1) and "unexpectedly" not in err


def test_corruption_met_by_any_query_marks_the_store_and_refuses_writes(demo, monkeypatch):
    overwrite_pages(demo)
    monkeypatch.setattr("modconsole.store.database.quick_check_at_open", lambda _p: None)
    store, _ = open_console_database(demo)
    try:
        assert store.damage.detail == ""
        with pytest.raises(DatabaseDamaged), store.read() as s:
            for table in ("members", "member_tags", "cases", "reports", "audit_log"):
                s.connection().exec_driver_sql(f"SELECT * FROM {table}").fetchall()
        assert store.damage.detail
        with pytest.raises(DatabaseDamaged, match="nothing more is written"), \
                store.transaction() as s:
            s.connection().exec_driver_sql("UPDATE settings SET value_json = value_json")
    finally:
        store.close()


def test_daily_backup_restore_and_salvage(cli, demo, tmp_path):
    code, out, _ = cli("backups", "now")
    assert code == 0 and "Backup written to" in out
    assert cli("backups", "now")[1].startswith("Today's backup is already there")
    [made] = backups.list_backups(demo)
    assert damage.check(made.path, full=True) is None
    before = _members(cli, demo)
    overwrite_pages(demo)
    code, _, err = cli("salvage", str(tmp_path / "saved.db"))
    assert code == 0, err
    assert damage.check(tmp_path / "saved.db", full=True) is None
    saved = _members(cli, tmp_path / "saved.db")
    assert before * 0.5 < saved <= before
    code, out, err = cli("restore", "--newest")
    assert code == 0, err
    assert damage.check(demo, full=True) is None
    assert _members(cli, demo) == before
    aside = next(tmp_path.glob("console.db.before-restore-*.bak"))
    assert damage.check(aside) is not None  # the damaged file is kept, not lost


def test_salvage_refuses_an_existing_target_and_a_file_that_is_not_sqlite(cli, demo, tmp_path):
    code, _, err = cli("salvage", str(demo))
    assert code == 1 and "already exists" in err
    (tmp_path / "junk.db").write_bytes(b"not a database" * 1000)
    code, _, err = cli("salvage", str(tmp_path / "out.db"), db=tmp_path / "junk.db")
    assert code == 1 and "Nothing can be salvaged" in err
    assert not (tmp_path / "out.db").exists()


def test_restore_without_backups_says_where_they_would_be(cli, demo):
    code, _, err = cli("restore", "--newest")
    assert code == 1 and "no automatic backup" in err


def test_seven_daily_and_four_weekly_backups_are_kept(demo):
    folder = backups.backup_folder(demo)
    folder.mkdir(parents=True)
    start = datetime(2026, 9, 1, 12)
    for day in range(90):  # one a day for three months, two on some days
        for hour in (9, 18) if day % 10 == 0 else (9,):
            taken = start + timedelta(days=day, hours=hour - 12)
            (folder / f"{taken.strftime(backups.STAMP)}.db").write_bytes(b"x")
    now = start + timedelta(days=89, hours=8)
    backups.prune(demo, now)
    kept = [b.taken_at for b in backups.list_backups(demo)]
    daily, weekly = kept[:7], kept[7:]
    assert [d.date() for d in daily] == [(now - timedelta(days=n)).date() for n in range(7)]
    assert len(weekly) == 4
    assert len({d.isocalendar()[:2] for d in weekly}) == 4
    assert all(w.date() < daily[-1].date() for w in weekly)


def test_salvage_gives_up_on_a_table_whose_every_read_fails():
    """A damaged root page fails every range; the walk stops instead of running forever."""
    import sqlite3

    calls = []

    class Unreadable:
        def execute(self, sql, params=()):
            calls.append(sql)
            if sql.startswith("SELECT * FROM pragma_table_info"):
                return sqlite3.connect(":memory:").execute("SELECT 1 WHERE 0")
            if sql.startswith("SELECT sql FROM main.sqlite_master"):
                return sqlite3.connect(":memory:").execute("SELECT 'CREATE TABLE t (a)'")
            raise sqlite3.DatabaseError("database disk image is malformed")

    copied, lost = backups._copy_table(Unreadable(), "t", chunk=4)
    assert copied == 0 and lost > 0
    assert len(calls) < 2000  # bounded: 50 barren ranges, each halved down to single keys
