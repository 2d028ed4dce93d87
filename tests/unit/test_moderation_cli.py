"""`modconsole rules|reports|sanctions` and `import reports`, as a script would use them."""

import json

import pytest

from modconsole.cli import main


@pytest.fixture
def cli(capsys, db_path):
    def run(*args):
        code = main(["--db", str(db_path), *args])
        out = capsys.readouterr()
        return code, out.out, out.err

    assert run("demo", "--members", "40", "--seed", "3")[0] == 0
    return run


def member(cli, n=0):
    _, out, _ = cli("members", "list", "--status", "active", "--json")
    return json.loads(out)[n]["platform_id"]


def test_rules_list_json_has_the_named_fields(cli):
    code, out, _ = cli("rules", "list", "--json")
    rules = json.loads(out)
    assert code == 0 and len(rules) > 60
    minors = next(r for r in rules if r["code"] == "ILLEGAL.MINOR_BULLYING")
    assert minors["aggravated"] is True and minors["category"] == "ILLEGAL"
    assert {"code", "title", "category", "severity", "aggravated"} <= set(minors)


def test_add_merge_list_decide_and_sanctions(cli):
    who = member(cli)
    code, case_id, _ = cli("reports", "add", "--member", who, "--rule", "SPAM.REPEATED",
                           "--evidence", "加V领福利", "--at", "2026-11-20T09:00")
    case_id = case_id.strip()
    code2, again, err = cli("reports", "add", "--member", who, "--evidence", " 加V领福利")
    assert code == code2 == 0 and again.strip() == case_id and "2 reports" in err
    _, out, _ = cli("reports", "list", "--member", who, "--json")
    [row] = [r for r in json.loads(out) if r["id"] == case_id]
    assert row["report_count"] == 2 and row["rule"] == "SPAM.REPEATED" and row["status"] == "open"
    assert {"id", "member_id", "rule", "status", "decision", "report_count"} <= set(row)
    code, out, err = cli("reports", "decide", case_id, "--action", "mute", "--days", "7",
                         "--reason", "广告")
    assert code == 1 and "ladder suggests" in err
    code, out, _ = cli("reports", "decide", case_id, "--suggested", "--reason", "广告")
    assert code == 0 and case_id in out
    code, _, err = cli("reports", "decide", case_id, "--suggested", "--reason", "again")
    assert code == 1 and "already decided" in err
    _, out, _ = cli("sanctions", "list", "--member", who, "--json")
    newest = json.loads(out)[0]
    assert newest["member_id"] and newest["kind"] in ("warn", "mute")
    assert {"member_id", "kind", "starts_at", "ends_at"} <= set(newest)


def test_decide_usage_mistakes_are_explained(cli):
    who = member(cli, 1)
    _, case_id, _ = cli("reports", "add", "--member", who, "--rule", "GROUP.FLOOD",
                        "--evidence", "刷屏")
    case_id = case_id.strip()
    for args, words in ((["--action", "warn", "--days", "3"], "Only a mute"),
                        (["--action", "mute"], "--days N or --permanent"),
                        (["--action", "warn", "--as", "nobody"], "No staff member")):
        code, _, err = cli("reports", "decide", case_id, "--reason", "r", *args)
        assert code == 1 and words in err


def test_import_reports_rejects_a_file_with_a_bad_row_unless_skipping(cli, tmp_path):
    who = member(cli, 2)
    src = tmp_path / "reports.csv"
    src.write_text(f"被举报人,规则,证据,举报时间\n{who},SPAM.REPEATED,广告一,2026-11-20 10:00\n"
                   f"{who},NOPE,广告二,2026-11-20 10:05\nghost,GROUP.FLOOD,刷屏,\n"
                   f"{who},SPAM.REPEATED,广告一,\n", encoding="utf-8")
    code, _, err = cli("import", "reports", str(src))
    assert code == 1 and "row 3, 规则: No rule has the code 'NOPE'" in err
    assert "row 4, 被举报人: No member" in err
    errors = tmp_path / "bad.csv"
    code, out, _ = cli("import", "reports", str(src), "--skip-bad-rows", "--errors", str(errors))
    assert code == 0 and "Filed 2 of 4 reports (1 merged" in out
    assert errors.read_text(encoding="utf-8-sig").count("\n") == 3


def test_an_appeal_is_answered_with_its_outcomes_and_a_case_by_its_id_prefix(cli, db_path):
    from modconsole.services.appeals import file_appeal
    from tests.gui.conftest import query

    who = member(cli, 2)
    _, case_id, _ = cli("reports", "add", "--member", who, "--rule", "SPAM.REPEATED",
                        "--evidence", "刷屏广告 123")
    case_id = case_id.strip()
    code, out, err = cli("reports", "decide", case_id[:-4], "--suggested", "--reason", "广告")
    assert code == 0, err  # a unique beginning of the id is enough
    appeal = query(db_path, lambda s: file_appeal(s, case_id, "我没有发广告"))
    code, _, err = cli("reports", "decide", appeal, "--suggested", "--reason", "x")
    assert code == 1 and "--outcome" in err
    code, out, err = cli("reports", "decide", appeal, "--outcome", "overturned", "--reason",
                         "证据不足", "--as", "陈思远")
    assert code == 0, err
    assert "overturned; standing: no sanction" in out
    shared = case_id[:8]  # the report and its appeal were made in the same second
    assert appeal.startswith(shared)
    code, _, err = cli("reports", "decide", shared, "--suggested", "--reason", "x")
    assert code == 1 and f"Several cases begin with '{shared}'" in err


def test_the_dashboard_counts_open_cases_as_the_queue_does(cli, db_path):
    from modconsole.services.appeals import file_appeal
    from modconsole.services.cases import QueueFilter, queue_page
    from modconsole.services.dashboard import summary
    from modconsole.store.models.base import utcnow
    from tests.gui.conftest import query

    _, case_id, _ = cli("reports", "add", "--member", member(cli, 3), "--rule",
                        "SPAM.REPEATED", "--evidence", "群发广告 9")
    assert cli("reports", "decide", case_id.strip(), "--suggested", "--reason", "广告")[0] == 0
    query(db_path, lambda s: file_appeal(s, case_id.strip(), "不是我发的"))
    now = utcnow()  # the appealed case waits as its appeal, counted once
    card = query(db_path, lambda s: summary(s, now, now, now).open_cases)
    listed = query(db_path, lambda s: len(queue_page(s, QueueFilter(status="todo"),
                                                      limit=10_000, now=now)))
    assert card == listed > 0


def test_moderators_lists_each_moderators_weeks_as_json_and_refuses_zero_weeks(cli):
    code, out, _ = cli("reports", "decide", _open_case(cli), "--action", "warn",
                       "--reason", "刷屏")
    assert code == 0
    code, out, _ = cli("moderators", "--weeks", "1", "--json")
    rows = json.loads(out)
    assert code == 0 and rows and all(r["decided"] >= 1 for r in rows)
    assert {"moderator", "week", "decided", "median_minutes", "overturned"} == set(rows[0])
    assert cli("moderators", "--weeks", "0")[0] == 2


def _open_case(cli) -> str:
    _, case_id, _ = cli("reports", "add", "--member", member(cli, 2), "--rule", "GROUP.FLOOD",
                        "--evidence", "刷屏刷屏")
    return case_id.strip()
