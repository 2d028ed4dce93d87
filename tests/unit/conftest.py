"""The planner's test community: two groups, a host, twelve members and an evening slot."""

from datetime import UTC, datetime

import pytest

from modconsole.domain.enums import StaffRole
from modconsole.domain.recurrence import zone
from modconsole.services import activities as act
from modconsole.store import models as m

SH = zone("Asia/Shanghai")
MARCH = (datetime(2026, 3, 1, tzinfo=UTC), datetime(2026, 3, 20, tzinfo=UTC))


@pytest.fixture
def plan(store):
    """Two groups, a host, twelve members, and a Shanghai evening slot every weekday."""
    with store.transaction() as s:
        g1, g2 = m.Group(name="上海1群", kind="regional", cap=100), m.Group(
            name="北京群", kind="regional", cap=100)
        host = m.Staff(name="Lin", role=StaffRole.LEAD)
        members = [m.Member(platform_id=f"wx{i}", name=f"会员{i}") for i in range(12)]
        s.add_all([g1, g2, host, *members])
        s.flush()
        s.add_all([m.GroupMembership(group_id=g1.id, member_id=x.id, role="member")
                   for x in members[:10]])
        slot = act.create_activity(s, act.ActivityIn(
            "每晚话题", "topic", datetime(2026, 3, 2, 20, tzinfo=SH),
            datetime(2026, 3, 2, 21, tzinfo=SH), rrule="FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
            groups=("上海1群",), host="Lin", capacity=2, reward_points=10))
        return {"slot": slot, "members": [x.id for x in members], "g1": g1.id, "g2": g2.id,
                "host": host.id}


def first_entry(store, activity_id):
    with store.transaction() as s:
        return next(e for e in act.entries(s, *MARCH) if e.activity_id == activity_id)


@pytest.fixture
def cli(db_path, capsys):
    """Run the command line in-process: (exit code, stdout, stderr); `db` picks another file."""
    from modconsole.cli import main

    def run(*args, db=None):
        code = main(["--db", str(db or db_path), *args])
        out = capsys.readouterr()
        return code, out.out, out.err
    return run
