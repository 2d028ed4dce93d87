"""Recurrence rules are checked at every entry and expanded in time bounded by the window."""

import json
from datetime import UTC, datetime, timedelta

import pytest
from dateutil.rrule import rrule, rrulestr
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from modconsole.domain import recurrence
from modconsole.domain.recurrence import Exceptions, RecurrenceError, normalise_rule, zone

SH = zone("Asia/Shanghai")
START = datetime(2026, 1, 5, 20, tzinfo=SH)


@pytest.mark.parametrize("rule, words", [
    ("FREQ=DAILY;INTERVAL=0", "INTERVAL must be a whole number from 1"),
    ("FREQ=DAILY;INTERVAL=-3", "INTERVAL must be"),
    ("FREQ=WEEKLY;COUNT=0", "COUNT must be"),
    ("FREQ=DAILY;COUNT=3;UNTIL=20270101T000000Z", "COUNT or UNTIL"),
    ("FREQ=DAILY;FREQ=WEEKLY", "FREQ twice"),
    ("FREQ=DAILY;;", "not NAME=VALUE"),
    ("FREQ=SECONDLY", "daily, weekly"),
    ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", "never falls on a date"),
    ("FREQ=DAILY;BYMONTH=4;BYMONTHDAY=31", "never falls on a date"),
    ("FREQ=DAILY;INTERVAL=7;BYDAY=TU", "never falls on a date"),  # the start is a Monday
    ("FREQ=DAILY;UNTIL=00010101T000000Z", "UNTIL=00010101T000000Z is not a date"),
    ("FREQ=DAILY;BYDAY=XX", "not an RFC 5545 rule"),
    ("FREQ=DAILY;" + "BYHOUR=1;" * 200, "at most 500"),
])
def test_bad_rules_are_refused_naming_the_problem(rule, words):
    with pytest.raises(RecurrenceError, match=words):
        normalise_rule(rule, START)


def test_a_start_outside_the_planners_years_is_refused():
    with pytest.raises(RecurrenceError, match="year 1;"):
        normalise_rule("FREQ=DAILY", datetime(1, 1, 1, tzinfo=UTC))


def test_a_rare_but_possible_rule_is_accepted():
    # 29 February on a Monday: 2044, 2072, …
    assert normalise_rule("RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;BYDAY=MO", START) == \
        "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;BYDAY=MO"


def test_a_stored_impossible_rule_is_probed_once_then_refused_from_memory(monkeypatch):
    calls = []
    real = recurrence._check
    monkeypatch.setattr(recurrence, "_check", lambda *a: calls.append(a) or real(*a))
    recurrence._checked.cache_clear()
    for _ in range(3):
        with pytest.raises(RecurrenceError):
            recurrence.occurrences(START, START + timedelta(hours=1), "Asia/Shanghai",
                                   "FREQ=MONTHLY;BYMONTH=2;BYMONTHDAY=31", Exceptions(),
                                   START, START + timedelta(days=7))
    assert len(calls) == 1


def test_expansion_reads_only_the_periods_near_the_window(monkeypatch):
    """A daily slot started in 1900, read in 2150: the series read starts at the window."""
    read_from = []
    between = rrule.between

    def recording(self, after, before, inc=False):
        read_from.append(self._dtstart)
        return between(self, after, before, inc)

    monkeypatch.setattr(rrule, "between", recording)
    start = datetime(1900, 1, 1, 20, tzinfo=SH)
    window = datetime(2150, 6, 1, tzinfo=SH)
    got = recurrence._expand(recurrence._parse("FREQ=DAILY", start), window,
                             window + timedelta(days=7))
    assert [(d.day, d.hour) for d in got] == [(day, 20) for day in range(1, 8)]
    assert read_from == [datetime(2150, 6, 1, tzinfo=SH)]


freqs = st.sampled_from(["DAILY", "WEEKLY", "MONTHLY", "YEARLY"])
days = st.lists(st.sampled_from(["MO", "TU", "WE", "TH", "FR", "SA", "SU"]), max_size=3,
                unique=True)


@st.composite
def rules(draw):
    parts = [f"FREQ={draw(freqs)}"]
    if draw(st.booleans()):
        parts.append(f"INTERVAL={draw(st.integers(1, 5))}")
    if draw(st.booleans()):
        parts.append("WKST=" + draw(st.sampled_from(["MO", "SU", "WE"])))
    chosen = draw(days)
    if chosen:
        parts.append("BYDAY=" + ",".join(chosen))
    monthdays = draw(st.lists(st.integers(-3, 31).filter(bool), max_size=2, unique=True))
    if monthdays:
        parts.append("BYMONTHDAY=" + ",".join(map(str, monthdays)))
    months = draw(st.lists(st.integers(1, 12), max_size=3, unique=True))
    if months:
        parts.append("BYMONTH=" + ",".join(map(str, months)))
    if chosen and draw(st.booleans()):
        parts.append(f"BYSETPOS={draw(st.sampled_from([1, -1, 2]))}")
    if draw(st.booleans()):
        parts.append("UNTIL=20400101T000000Z")
    return ";".join(parts)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rule=rules(),
       start=st.datetimes(datetime(2000, 1, 1), datetime(2030, 12, 31)),
       offset=st.integers(-40, 4000), length=st.integers(1, 60),
       tz=st.sampled_from(["Asia/Shanghai", "America/New_York", "Europe/Berlin"]))
def test_windowed_expansion_equals_expanding_from_the_start(rule, start, offset, length, tz):
    local = start.replace(second=0, microsecond=0, tzinfo=zone(tz))
    try:
        checked = recurrence._parse(rule, local)
    except RecurrenceError:
        assume(False)
    after = local + timedelta(days=offset, hours=offset % 24)
    before = after + timedelta(days=length)
    expected = rrulestr(rule, dtstart=local).between(after, before, inc=True)
    assert recurrence._expand(checked, after, before) == expected


# -- every entry point, and a database that already holds a bad rule --------------------

def _ics(*events: bytes) -> bytes:
    return (b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\n" + b"".join(events) +
            b"END:VCALENDAR\r\n")


@pytest.mark.parametrize("event, words", [
    (b"BEGIN:VEVENT\r\nUID:1\r\nSUMMARY:loop\r\nDTSTART:20260310T120000Z\r\n"
     b"DTEND:20260310T130000Z\r\nRRULE:FREQ=DAILY;INTERVAL=0\r\nEND:VEVENT\r\n",
     r"'loop' \(1\): INTERVAL must be"),
    (b"BEGIN:VEVENT\r\nUID:2\r\nSUMMARY:mars\r\nDTSTART;TZID=Mars/Olympus:20260310T120000\r\n"
     b"DTEND;TZID=Mars/Olympus:20260310T130000\r\nEND:VEVENT\r\n",
     r"'mars' \(2\): DTSTART uses the time zone 'Mars/Olympus'"),
    (b"BEGIN:VEVENT\r\nUID:3\r\nSUMMARY:ok\r\nDTSTART:20260310T120000Z\r\n"
     b"DTEND:20260310T130000Z\r\nRRULE:FREQ=DAILY\r\nEND:VEVENT\r\n"
     b"BEGIN:VEVENT\r\nUID:3\r\nSUMMARY:moved\r\nRECURRENCE-ID:20260311T120000Z\r\n"
     b"END:VEVENT\r\n", r"'moved' \(3\): has no DTSTART"),
    (b"BEGIN:VEVENT\r\nUID:4\r\nSUMMARY:" + b"x" * 5_000_000 + b"\r\n"
     b"DTSTART:20260310T120000Z\r\nDTEND:20260310T130000Z\r\nEND:VEVENT\r\n",
     r"'x{79}…' \(4\): A title can be at most 200"),
    (b"BEGIN:VEVENT\r\nUID:5\r\nSUMMARY:old\r\nDTSTART:00010310T120000Z\r\n"
     b"DTEND:00010310T130000Z\r\nRRULE:FREQ=DAILY\r\nEND:VEVENT\r\n",
     r"'old' \(5\): The start is in the year 1;"),
])
def test_ics_import_refuses_bad_events_by_name(store, tmp_path, event, words):
    from modconsole.services import activity_files as files
    from modconsole.services.errors import UserError

    (tmp_path / "bad.ics").write_bytes(_ics(event))
    with pytest.raises(UserError, match=words) as caught, store.transaction() as s:
        files.import_ics(s, tmp_path / "bad.ics")
    assert len(str(caught.value)) < 1000


def test_cli_add_refuses_a_rule_that_never_ends(db_path, capsys):
    from modconsole.cli import main

    assert main(["--db", str(db_path), "activities", "add", "--title", "x", "--start",
                 "2026-11-23T20:00", "--rrule", "FREQ=DAILY;INTERVAL=0"]) == 1
    assert "INTERVAL must be a whole number" in capsys.readouterr().err


def test_a_stored_bad_rule_is_flagged_and_the_rest_of_the_plan_shows(db_path, tmp_path, capsys):
    from modconsole.cli import main
    from modconsole.services import activities as act
    from modconsole.services.startup import open_console_database

    db = ["--db", str(db_path)]
    for title in ("good", "looping", "year one"):
        assert main([*db, "activities", "add", "--title", title, "--start",
                     "2026-11-23T20:00", "--rrule", "FREQ=DAILY"]) == 0
    capsys.readouterr()
    store, _ = open_console_database(db_path)
    with store.transaction() as s:  # as an older version or another tool left them
        s.execute(text("UPDATE activities SET rrule='FREQ=DAILY;INTERVAL=0' "
                       "WHERE title='looping'"))
        s.execute(text("UPDATE activities SET start_at='0001-01-01 12:00:00.000000' "
                       "WHERE title='year one'"))
    with store.transaction() as s:
        assert {e.title for e in act.entries(s, datetime(2026, 11, 23, tzinfo=SH),
                                                 datetime(2026, 12, 23, tzinfo=SH))} == {"good"}
        flagged = {e.title: str(e.problem) for e in act.unreadable(s)}
    store.close()
    assert set(flagged) == {"looping", "year one"}
    assert "INTERVAL" in flagged["looping"] and "year 1;" in flagged["year one"]
    assert main([*db, "activities", "list", "--week", "2026-11-25", "--json"]) == 0
    out, err = capsys.readouterr()
    assert {e["title"] for e in json.loads(out)} == {"good"}
    assert "'looping'" in err and "'year one'" in err
    assert main([*db, "activities", "export", str(tmp_path / "w.csv"), "--from", "2026-11-23",
                 "--to", "2026-11-29"]) == 0
    assert (tmp_path / "w.csv").read_text(encoding="utf-8-sig").count("good") == 7
