"""A full disk, a read-only disk or database: a message naming cause and fix, exit 1,
and no partial file left behind."""

import errno
import json
import subprocess

import pytest

from modconsole.services import table_files


@pytest.fixture
def demo_db(db_path, cli):
    assert cli("demo", "--members", "2000")[0] == 0
    return db_path


def _mount(folder, *options):
    """A small tmpfs of our own (root only); the test is skipped where mounting is refused."""
    folder.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", ",".join(options), "tmpfs",
                           str(folder)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    return folder


@pytest.fixture
def tiny_disk(tmp_path):
    """A disk with 2 KB left: a filler file takes the rest."""
    folder = _mount(tmp_path / "tiny", "size=256k")
    try:
        filler = folder / "filler"
        with filler.open("wb", buffering=0) as f:
            try:
                while True:
                    f.write(b"x" * 4096)
            except OSError:
                pass
        filler.write_bytes(b"x" * (filler.stat().st_size - 2048))
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=False)


@pytest.fixture
def read_only_disk(tmp_path):
    folder = _mount(tmp_path / "ro", "size=64m")
    yield folder
    subprocess.run(["umount", str(folder)], check=False)


@pytest.mark.parametrize("args", [
    ("export", "members", "{dir}/members.xlsx"),
    ("export", "members", "{dir}/members.csv"),
    ("backup", "{dir}/copy.db"),
    ("activities", "export", "{dir}/plan.ics"),
    ("templates", "export", "{dir}/book.json"),
])
def test_a_full_disk_is_named_and_leaves_no_partial_file(cli, demo_db, tiny_disk, args):
    code, _, err = cli(*[a.format(dir=tiny_disk) for a in args])
    assert code == 1, err
    assert "is full" in err and "Free some space" in err
    assert [p.name for p in tiny_disk.iterdir()] == ["filler"]


def test_a_read_only_disk_is_named(cli, demo_db, read_only_disk):
    subprocess.run(["mount", "-o", "remount,ro", str(read_only_disk)], check=True)
    code, _, err = cli("export", "members", str(read_only_disk / "m.csv"))
    assert code == 1 and "read-only disk" in err


def test_an_export_that_fails_midway_leaves_nothing(cli, demo_db, tmp_path, monkeypatch):
    def fail(self, *args):
        raise OSError(errno.EACCES, "Permission denied")
    out = tmp_path / "m.xlsx"
    monkeypatch.setattr("openpyxl.Workbook.save", fail)
    code, _, err = cli("export", "members", str(out))
    assert code == 1 and "permission denied" in err
    assert list(tmp_path.glob("*m.xlsx*")) == []


def test_a_read_only_database_is_browsed_not_refused(cli, demo_db, read_only_disk):
    copy = read_only_disk / "console.db"
    assert cli("backup", str(copy))[0] == 0
    subprocess.run(["mount", "-o", "remount,ro", str(read_only_disk)], check=True)
    code, out, err = cli("members", "list", "--limit", "3", "--json", db=copy)
    assert code == 0, err
    assert len(json.loads(out)) == 3
    assert cli("members", "search", "wx", db=copy)[0] == 0
    code, _, err = cli("members", "tag", json.loads(out)[0]["id"], "--add", "新标签", db=copy)
    assert code == 1 and "is read-only" in err and "copy it to a folder" in err
    assert sorted(p.name for p in read_only_disk.iterdir()) == ["console.db"]


def test_read_only_files_in_a_writable_folder_open_read_only(cli, demo_db, tmp_path):
    if subprocess.run(["chattr", "+i", str(demo_db)], capture_output=True).returncode:
        pytest.skip("chattr +i is not available here")
    try:
        code, _, err = cli("info", "--json")
        assert code == 0, err
        code, _, err = cli("activities", "add", "--title", "x", "--start",
                           "2026-11-23T20:00")
        assert code == 1 and "is read-only" in err
    finally:
        subprocess.run(["chattr", "-i", str(demo_db)], check=True)


def test_table_writer_removes_its_temporary_file_on_discard(tmp_path):
    writer = table_files.TableWriter(tmp_path / "x.csv", ["a"])
    writer.write(["1"])
    writer.discard()
    assert list(tmp_path.iterdir()) == []
