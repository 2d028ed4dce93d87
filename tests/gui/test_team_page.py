"""The team in the window: signing in from the Team page, the first sync's choice, a
colleague's change arriving by itself, and a conflict answered on the Team page."""

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select, text

from modconsole.gui.queue.model import COLUMNS
from modconsole.server import accounts
from modconsole.server.database import ServerDatabase
from modconsole.services import member_import
from modconsole.services.startup import open_console_database
from modconsole.services.team import connection, sync
from modconsole.store import models as m
from tests.gui.conftest import query, settle
from tests.server.conftest import MemoryKeyring
from tests.server.consoles import serve, signed_in


@pytest.fixture
def keyring_backend():
    import keyring

    previous, backend = keyring.get_keyring(), MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def team_db(tmp_path):
    """A trial team's database with two ops accounts."""
    database = ServerDatabase(f"sqlite:///{tmp_path / 'team.db'}")
    database.migrate()
    with database.transaction() as s:
        for name in ("lin", "wang"):
            accounts.add_account(s, name, "ops", f"{name} password")
    yield database
    database.close()


@pytest.fixture
def team(team_db, monkeypatch):
    """The trial team served on loopback; yields its URL."""
    monkeypatch.setattr("modconsole.gui.team.sync_engine.WAIT_S", 0.5)  # teardown is quick
    yield from serve(team_db)


def sign_in(qtbot, window, url, name):
    window.show_page("team")
    page = window.team
    page.url_edit.setText(url)
    page.account_edit.setText(name)
    page.password_edit.setText(f"{name} password")
    qtbot.mouseClick(page.sign_in_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.sync_engine.state.url is not None, timeout=10_000)
    return page


def colleague(tmp_path, url, name="wang"):
    """A second console, driven directly: signed in, and synced once."""
    store, server = signed_in(tmp_path / f"{name}.db", url, name)
    sync.sync_once(store, server)
    return store, server


def taking_wangs_team(qtbot, make_window, team, tmp_path):
    """wang's console puts member p1 王一 on the team; lin's window signs in and takes it."""
    store, server = colleague(tmp_path, team)
    with store.transaction() as s:
        s.add(m.Member(platform_id="p1", name="王一"))
    sync.sync_once(store, server)
    window = make_window()
    page = sign_in(qtbot, window, team, "lin")
    qtbot.waitUntil(lambda: window.sync_engine.state.first_join == "take", timeout=10_000)
    qtbot.mouseClick(page.join_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.sync_engine.state.last_sync is not None, timeout=20_000)
    return store, server, window, page


def members(store):
    with store.read() as s:
        return dict(s.execute(select(m.Member.platform_id, m.Member.nickname)).all())


def test_signing_in_uploads_after_a_yes_and_a_colleagues_change_arrives_by_itself(
        qtbot, make_window, db_path, team, tmp_path, keyring_backend, isolated_config):
    query(db_path, lambda s: s.add_all([m.Member(platform_id=f"p{i}", name=f"成员{i}")
                                        for i in range(5)]))
    window = make_window()
    window.show()
    page = sign_in(qtbot, window, team, "lin")
    # the engine knows the team before the GUI thread hears sign-in is done
    qtbot.waitUntil(lambda: page.password_edit.text() == "", timeout=10_000)
    qtbot.waitUntil(lambda: window.sync_engine.state.first_join == "upload", timeout=10_000)
    qtbot.waitUntil(lambda: "5 members" in page.join_text.text(), timeout=10_000)
    assert window.sync_engine.state.last_sync is None  # nothing went up before the yes
    qtbot.mouseClick(page.join_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.status.sync_label.text().startswith("Synced"),
                    timeout=20_000)
    assert "Signed in to" in page.who_label.text() and "lin" in page.who_label.text()

    store, server = colleague(tmp_path, team)
    assert len(members(store)) == 5
    with store.transaction() as s:
        s.add(m.Member(platform_id="wx_new", name="新成员"))
    sync.sync_once(store, server)
    window.show_page("roster")
    qtbot.waitUntil(lambda: window.roster.model.rowCount() == 6, timeout=10_000)  # no click

    (token,) = [t for (_service, entry), t in keyring_backend.entries.items()
                if entry.startswith("lin@")]
    for place in [db_path, *isolated_config.rglob("*")]:
        if place.is_file():
            assert token.encode() not in place.read_bytes(), place
    store.close()


def test_a_conflict_is_answered_on_the_team_page_and_both_end_the_same(
        qtbot, make_window, db_path, team, tmp_path, keyring_backend):
    store, server, window, page = taking_wangs_team(qtbot, make_window, team, tmp_path)
    assert query(db_path, lambda s: s.scalar(select(m.Member.name))) == "王一"

    # this console's edit waits (no sync soon after it); the colleague's goes up first, and
    # the long poll then makes this console push its edit on a stale base: a conflict
    window.sync_engine._soon.setInterval(600_000)
    done = []
    window.runner.run(lambda s: setattr(s.scalar(select(m.Member)), "nickname", "阿一"),
                      label="Editing", changes=("members",), on_done=done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=10_000)
    with store.transaction() as s:
        s.scalar(select(m.Member)).nickname = "一哥"
    sync.sync_once(store, server)
    qtbot.waitUntil(lambda: window.sync_engine.state.conflicts == 1, timeout=20_000)
    qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=10_000)
    cells = [page.table.item(0, c).text() for c in range(6)]
    assert cells[:5] == ["Conflict", "Member 王一", "Group nickname", "阿一", "一哥"]
    assert cells[5].startswith("wang")
    assert "1 to look at" in window.status.sync_label.text()
    page.table.selectRow(0)
    qtbot.waitUntil(page.mine_button.isEnabled, timeout=20_000)  # once the sync is done
    assert not page.discard_button.isEnabled()
    qtbot.mouseClick(page.mine_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    window.sync_engine.sync_now()
    qtbot.waitUntil(lambda: page.table.rowCount() == 0 and page.empty.isVisible(),
                    timeout=10_000)
    qtbot.waitUntil(lambda: window.sync_engine.state.waiting == 0
                    and window.sync_engine.state.conflicts == 0, timeout=20_000)
    sync.sync_once(store, server)
    assert members(store) == {"p1": "阿一"}
    assert query(db_path, lambda s: s.scalar(select(m.Member.nickname))) == "阿一"
    store.close()


def test_a_member_both_added_apart_is_one_member_and_the_second_keeps_their_name(
        qtbot, make_window, db_path, team, tmp_path, keyring_backend):
    store, server, window, page = taking_wangs_team(qtbot, make_window, team, tmp_path)
    window.sync_engine._soon.setInterval(600_000)  # this console's add waits, as if offline
    done = []
    window.runner.run(lambda s: member_import.add_member(s, {"platform_id": "wx_f",
                                                              "name": "王芳芳"}),
                      label="Adding", changes=("members",), on_done=done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=10_000)
    with store.transaction() as s:  # the colleague adds the same member, and syncs first
        member_import.add_member(s, {"platform_id": "wx_f", "name": "王芳"})
    sync.sync_once(store, server)
    qtbot.waitUntil(lambda: window.sync_engine.state.conflicts == 1, timeout=20_000)
    qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=10_000)
    cells = [page.table.item(0, c).text() for c in range(5)]
    assert cells == ["Conflict", "Member 王芳", "Name", "王芳芳", "王芳"]
    named = "SELECT name FROM members WHERE platform_id = 'wx_f'"
    assert query(db_path, lambda s: s.execute(text(named)).all()) == [("王芳",)]
    page.table.selectRow(0)  # "keep mine" waits for the pull that brings the team's value
    qtbot.waitUntil(page.mine_button.isEnabled, timeout=20_000)
    qtbot.mouseClick(page.mine_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)  # the answer is written, as a change waiting to go up
    assert page.table.rowCount() == 0
    window.sync_engine.sync_now()
    qtbot.waitUntil(lambda: query(db_path, lambda s: s.scalar(select(m.OutboxEntry.seq)))
                    is None, timeout=20_000)
    sync.sync_once(store, server)
    with store.read() as s:
        assert s.execute(text(named)).all() == [("王芳芳",)]
    store.close()


def test_an_admin_adds_a_colleague_whose_password_signs_in_and_others_only_see_the_team(
        qtbot, make_window, team_db, team, tmp_path, keyring_backend, monkeypatch):
    with team_db.transaction() as s:
        accounts.add_account(s, "李静", "admin", "李静 password")
    window = make_window()
    page = sign_in(qtbot, window, team, "李静")
    people = page.people
    qtbot.waitUntil(lambda: people.admin_buttons.isVisible() and people.table.rowCount() == 3,
                    timeout=10_000)
    monkeypatch.setattr("PySide6.QtWidgets.QInputDialog.getText",
                        lambda *a, **k: ("赵敏", True))
    monkeypatch.setattr("PySide6.QtWidgets.QInputDialog.getItem",
                        lambda parent, title, label, items, *a: (items[2], True))  # moderator
    people.add_colleague()
    qtbot.waitUntil(lambda: hasattr(people, "handed_over"), timeout=10_000)
    password = people.handed_over.textValue()
    qtbot.waitUntil(lambda: people.table.rowCount() == 4, timeout=10_000)
    rows = {people.table.item(r, 0).text(): people.table.item(r, 1).text()
            for r in range(4)}
    assert rows["赵敏"] == "moderator"
    store, _ = open_console_database(tmp_path / "zhao.db")
    assert connection.sign_in(store, team, "赵敏", password).role == "moderator"
    store.close()

    other = make_window(tmp_path / "wang-console.db")
    other_page = sign_in(qtbot, other, team, "wang")
    qtbot.waitUntil(lambda: other_page.people.table.rowCount() >= 1, timeout=10_000)
    assert not other_page.people.admin_buttons.isVisible()


def test_a_colleagues_claim_shows_in_the_queue_by_itself_and_c_then_names_them(
        qtbot, make_window, team_db, team, tmp_path, keyring_backend):
    from modconsole.services import cases, decisions, member_import

    with team_db.transaction() as s:
        for name, role in (("lead", "lead"), ("李静", "moderator"), ("赵敏", "moderator")):
            accounts.add_account(s, name, role, f"{name} password")
    lead, lead_server = colleague(tmp_path, team, "lead")
    with lead.transaction() as s:
        member_import.add_member(s, {"platform_id": "p1", "name": "王一"})
        case_id = cases.add_report(s, cases.ReportIn(member="p1", evidence="刷屏广告",
                                                     source="staff")).case_id
    sync.sync_once(lead, lead_server)
    window = make_window()
    page = sign_in(qtbot, window, team, "李静")
    qtbot.waitUntil(lambda: window.sync_engine.state.first_join == "take", timeout=10_000)
    qtbot.mouseClick(page.join_button, Qt.MouseButton.LeftButton)
    window.show_page("queue")
    queue = window.queue
    qtbot.waitUntil(lambda: queue.model.rowCount() == 1, timeout=20_000)

    zhao, zhao_server = colleague(tmp_path, team, "赵敏")
    with zhao.transaction() as s:
        decisions.claim(s, case_id)
    sync.sync_once(zhao, zhao_server)
    claimed = COLUMNS.index("claimed")
    qtbot.waitUntil(lambda: queue.model.index(0, claimed).data() == "赵敏", timeout=10_000)
    qtbot.waitUntil(lambda: "赵敏" in page.presence_line.text(), timeout=10_000)
    assert "李静" in page.presence_line.text()  # this console too
    queue.table.setFocus()
    queue.table.selectRow(0)
    qtbot.keyClick(queue.table, Qt.Key.Key_C)
    qtbot.waitUntil(lambda: "赵敏" in window.statusBar().currentMessage(), timeout=10_000)
    for store in (lead, zhao):
        store.close()


def test_work_done_offline_waits_and_goes_up_when_the_server_answers_again(
        qtbot, make_window, db_path, team, tmp_path, keyring_backend, monkeypatch):
    import requests

    store, server, window, _page = taking_wangs_team(qtbot, make_window, team, tmp_path)

    monkeypatch.setattr("modconsole.gui.team.sync_engine.RETRY_S", (0.2,))
    real, unplugged = requests.request, [True]

    def network(method, url, **kwargs):
        if unplugged[0]:
            raise requests.ConnectionError("the cable is out")
        return real(method, url, **kwargs)

    monkeypatch.setattr(requests, "request", network)
    done = []
    window.runner.run(lambda s: setattr(s.scalar(select(m.Member)), "nickname", "阿一"),
                      label="Editing", changes=("members",), on_done=done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=10_000)
    qtbot.waitUntil(lambda: window.sync_engine.state.online is False
                    and window.sync_engine.state.waiting >= 1, timeout=20_000)
    # between tries the label says so (during one it says "Syncing…")
    qtbot.waitUntil(lambda: "working offline" in window.status.sync_label.text(),
                    timeout=20_000)
    assert query(db_path, lambda s: s.scalar(select(m.Member.nickname))) == "阿一"

    unplugged[0] = False  # no click, no local change: the console notices by itself
    qtbot.waitUntil(lambda: window.sync_engine.state.online
                    and window.sync_engine.state.waiting == 0, timeout=20_000)
    sync.sync_once(store, server)
    assert members(store) == {"p1": "阿一"}
    store.close()


def test_a_case_on_a_member_the_team_lacks_is_refused_and_said_so_on_the_team_page(
        qtbot, make_window, team_db, team, tmp_path, keyring_backend):
    """A moderator's own member cannot go up (ops add members), so neither can the case
    filed on it: both stay on this console, each refusal in the table with its reason."""
    from modconsole.services import cases, member_import

    with team_db.transaction() as s:
        accounts.add_account(s, "孙悦", "moderator", "孙悦 password")
    store, server = colleague(tmp_path, team)  # wang (ops) puts 王一 on the team
    with store.transaction() as s:
        s.add(m.Member(platform_id="p1", name="王一"))
    sync.sync_once(store, server)
    store.close()
    window = make_window(tmp_path / "sun-console.db")
    page = sign_in(qtbot, window, team, "孙悦")
    qtbot.waitUntil(lambda: window.sync_engine.state.first_join == "take", timeout=10_000)
    qtbot.mouseClick(page.join_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.sync_engine.state.last_sync is not None, timeout=20_000)

    def report(s):
        member_import.add_member(s, {"platform_id": "p2", "name": "钱二"})
        rule = s.scalar(select(m.Rule.code).where(m.Rule.parent_id.is_not(None)))
        cases.add_report(s, cases.ReportIn(member="p2", evidence="刷屏", rule=rule,
                                           source="staff"))
    window.runner.run(report, label="Reporting", changes=("members", "cases"))
    qtbot.waitUntil(lambda: page.table.rowCount() >= 3, timeout=20_000)
    rows = {tuple(page.table.item(r, c).text() for c in (0, 1, 5))
            for r in range(page.table.rowCount())}
    assert ("Refused", "Member 钱二", "Your role on the team may not change this.") in rows
    named = [row for row in rows if row[2].startswith("It names a record the team lacks")]
    assert {row[1].split()[0] for row in named} >= {"Case", "Report"}
    assert query(tmp_path / "sun-console.db",
                 lambda s: s.scalar(select(m.Case.status))) == "open"  # kept here


def test_a_value_the_team_cannot_keep_is_refused_naming_its_field(
        qtbot, make_window, team, tmp_path, keyring_backend):
    """A change carrying a time that is not a time (here written as a console bug would)
    stays here, and the Team page names the field and why."""
    from modconsole.store.outbox import record_changes

    _store, _server, window, page = taking_wangs_team(qtbot, make_window, team, tmp_path)

    def bad_time(s):
        member_id, version = s.execute(select(m.Member.id, m.Member.version)).one()
        record_changes(s.connection(), [{"entity": "members", "row_id": member_id,
                                         "op": "update", "base_version": version,
                                         "payload": {"joined_at": "昨天"}}])
    window.runner.run(bad_time, label="Editing", changes=("members",))
    qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=20_000)
    assert [page.table.item(0, c).text() for c in (0, 1, 2, 5)] == [
        "Refused", "Member 王一", "Joined",
        "A value in this record cannot be kept by the team (wrong format, empty where "
        "required, or a number too large); correct it and save again."]
