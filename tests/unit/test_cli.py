import json
import sqlite3
import subprocess
import sys

import pytest

from modconsole.cli import main


def run(capsys, *args):
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_demo_then_info_json(capsys, db_path):
    code, out, _ = run(capsys, "--db", str(db_path), "demo", "--members", "50", "--seed", "2",
                       "--json")
    assert code == 0 and json.loads(out)["members"] == 50
    code, out, _ = run(capsys, "--db", str(db_path), "info", "--json")
    info = json.loads(out)
    assert code == 0
    assert info["counts"]["members"] == 50
    assert info["schema_revision"] == info["schema_head"]
    assert info["features"]["fts5_trigram"] is True
    assert info["sqlite_version"].count(".") == 2


def test_demo_into_a_filled_database_is_rejected_with_exit_1(capsys, db_path):
    assert run(capsys, "--db", str(db_path), "demo", "--members", "10")[0] == 0
    code, _, err = run(capsys, "--db", str(db_path), "demo", "--members", "10")
    assert code == 1 and "already has 10 members" in err


def test_usage_errors_exit_2(capsys, db_path):
    for args in (["demo", "--members", "0"], ["demo", "--members", "many"], ["nonsense"],
                 ["backup"]):
        with pytest.raises(SystemExit) as exit_info:
            main(["--db", str(db_path), *args])
        assert exit_info.value.code == 2, args
    assert not db_path.exists(), "a usage error writes nothing"


def test_backup_writes_a_verified_copy_and_refuses_to_overwrite(capsys, db_path, tmp_path):
    run(capsys, "--db", str(db_path), "demo", "--members", "10")
    target = tmp_path / "copy.db"
    code, out, _ = run(capsys, "--db", str(db_path), "backup", str(target))
    assert code == 0 and "Backup written" in out
    with sqlite3.connect(target) as conn:
        assert conn.execute("SELECT count(*) FROM members").fetchone() == (10,)
    conn.close()
    code, _, err = run(capsys, "--db", str(db_path), "backup", str(target))
    assert code == 1 and "already exists" in err
    code, _, err = run(capsys, "--db", str(db_path), "backup", str(tmp_path / "no" / "x.db"))
    assert code == 1 and "does not exist" in err


def test_newer_database_exits_1_with_the_reason(capsys, db_path):
    run(capsys, "--db", str(db_path), "info")
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.close()
    code, out, err = run(capsys, "--db", str(db_path), "info")
    assert code == 1 and "newer modconsole" in err and "Traceback" not in err + out


def test_env_var_chooses_the_database(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("MODCONSOLE_DB", str(tmp_path / "from-env.db"))
    assert run(capsys, "info")[0] == 0
    assert (tmp_path / "from-env.db").exists()


def test_python_dash_m_entry_point(tmp_path):
    result = subprocess.run([sys.executable, "-m", "modconsole", "--version"],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0 and result.stdout.startswith("modconsole ")


def test_members_list_columns_line_up_with_chinese_names(capsys, db_path):
    from modconsole.domain.text import display_width

    assert main(["--db", str(db_path), "demo", "--members", "40"]) == 0
    capsys.readouterr()
    assert main(["--db", str(db_path), "members", "list", "--limit", "20"]) == 0
    lines = capsys.readouterr().out.splitlines()
    # the status column starts at the same terminal column on every line
    starts = {display_width(line[:line.index(" active")]) for line in lines
              if " active" in line}
    assert len(starts) == 1
