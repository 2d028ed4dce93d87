"""The races the server decides: a claimed case, a case decided twice, an appeal answered by
the deciding moderator, a template published without a lead while review is on."""

import uuid
from datetime import UTC, datetime, timedelta

import pytest

from modconsole.server import accounts
from tests.server.api_calls import change, pull_all, push, sign_in, team_client


@pytest.fixture
def team(server_db):
    """name -> (headers, staff id) for two moderators and a lead, and the client; the team
    has the member m1."""
    client = team_client(server_db, {"王浩然": "moderator", "李娜": "moderator",
                                     "陈静": "lead"})
    signed = {}
    for name in ("王浩然", "李娜", "陈静"):
        headers, reply = sign_in(client, name)
        signed[name] = (headers, reply["staff_id"])
    push(client, signed["陈静"][0], change("members", "m1", name="甲"))  # the cases' member
    return client, signed


def later(minutes):
    return (datetime.now(UTC) + timedelta(minutes=minutes)).isoformat()


def outcomes(replies):
    return [(o["outcome"], o["reason"]) for o in replies]


def test_a_case_claimed_by_a_colleague_cannot_be_claimed_or_decided(team):
    client, t = team
    (wang, wang_id), (li, li_id) = t["王浩然"], t["李娜"]
    push(client, wang, change("cases", "c1", status="open", member_id="m1"))
    push(client, wang, change("cases", "c1", "update", base=1, claimed_by=wang_id,
                              claimed_until=later(15), status="claimed"))
    second = push(client, li, change("case_events", "e1", case_id="c1", kind="claimed",
                                     actor_id=li_id),
                  change("cases", "c1", "update", base=1, claimed_by=li_id,
                         claimed_until=later(15), status="claimed"))
    assert outcomes(second) == [("refused", "claimed")] * 2
    assert second[1]["message"] == "claimed by 王浩然 0 min ago"
    decided = push(client, li, change("cases", "c1", "update", base=2, decision="warn",
                                      decided_by=li_id, status="decided"))
    assert outcomes(decided) == [("refused", "claimed")]
    # the holder lets go (or the claim runs out): then a colleague may take it
    push(client, wang, change("cases", "c1", "update", base=2, claimed_by=None,
                              claimed_until=None, status="open"))
    assert outcomes(push(client, li, change("cases", "c1", "update", base=3,
                                            claimed_by=li_id, claimed_until=later(15)))) == [
        ("applied", None)]


def test_an_expired_claim_does_not_hold_a_case(team):
    client, t = team
    (wang, wang_id), (li, li_id) = t["王浩然"], t["李娜"]
    push(client, wang, change("cases", "c1", status="claimed", member_id="m1",
                              claimed_by=wang_id, claimed_until=later(-1)))
    assert outcomes(push(client, li, change("cases", "c1", "update", base=1,
                                            claimed_by=li_id, claimed_until=later(15)))) == [
        ("applied", None)]


def test_a_case_decided_twice_keeps_the_first_decision_whole_and_shows_both(team):
    client, t = team
    (wang, wang_id), (li, li_id) = t["王浩然"], t["李娜"]
    push(client, wang, change("cases", "c2", status="open", member_id="m1"))
    start = pull_all(client, wang)[1]
    push(client, wang, change("sanctions", "s1", case_id="c2", member_id="m1", kind="mute"),
         change("cases", "c2", "update", base=1, decision="mute_1d", decided_by=wang_id,
                decision_reason="刷屏", status="decided"))
    late = push(client, li, change("sanctions", "s2", case_id="c2", member_id="m1", kind="warn"),
                change("case_events", "e2", case_id="c2", kind="decided", actor_id=li_id),
                change("cases", "c2", "update", base=1, decision="warn", decided_by=li_id,
                       decision_reason="初犯", status="decided", evidence_text="截图"))
    assert outcomes(late) == [("refused", "decision_lost"), ("refused", "decision_lost"),
                              ("conflict", None)]
    assert "王浩然 decided this case first" in late[0]["message"]
    (conflict,) = late[2]["conflicts"]
    assert conflict["field"] == "decision" and conflict["kept_by"] == "王浩然"
    assert conflict["kept"] == {"decision": "mute_1d", "decision_reason": "刷屏",
                                "decided_by": wang_id, "status": "decided"}
    assert conflict["pushed"] == {"decision": "warn", "decision_reason": "初犯",
                                  "decided_by": li_id, "status": "decided"}
    pulled = pull_all(client, li, after=start)[0]
    assert [(c["entity"], c["row_id"]) for c in pulled] == [
        ("sanctions", "s1"), ("cases", "c2"), ("cases", "c2")]
    assert pulled[-1]["payload"] == {"evidence_text": "截图"}  # the rest of her edit applies
    # a lead who has seen the decision may change it: that is no race
    assert outcomes(push(client, t["陈静"][0], change(
        "cases", "c2", "update", base=3, decision="warn", decided_by=t["陈静"][1]))) == [
        ("applied", None)]


def test_an_appeal_is_not_answered_by_the_moderator_who_decided(team):
    client, t = team
    (wang, wang_id), (li, li_id) = t["王浩然"], t["李娜"]
    push(client, wang, change("cases", "c3", member_id="m1", status="closed", decision="warn",
                              decided_by=wang_id),
         change("cases", "a3", member_id="m1", kind="appeal", status="open",
                appeal_of_id="c3"),
         change("appeals", "p3", original_case_id="c3", appeal_case_id="a3",
                member_id="m1"))
    answer = [change("sanctions", "s3", "update", base=1, overturned=True),
              change("appeals", "p3", "update", base=1, outcome="overturned",
                     decided_by=wang_id),
              change("cases", "a3", "update", base=1, decision="overturned",
                     decided_by=wang_id, status="closed")]
    push(client, wang, change("sanctions", "s3", case_id="c3", member_id="m1", kind="warn"))
    refused = push(client, wang, *answer)
    assert outcomes(refused) == [("refused", "appeal_by_decider")] * 3
    assert "王浩然 made the decision appealed against" in refused[2]["message"]
    for c in answer:
        c["change_id"] = str(uuid.uuid4())
        if "decided_by" in c["payload"]:
            c["payload"]["decided_by"] = li_id
    assert outcomes(push(client, li, *answer)) == [("applied", None)] * 3


def test_only_an_admin_changes_a_staff_rows_role(team, server_db):
    client, t = team
    wang, wang_id = t["王浩然"]
    refused = push(client, wang, change("staff", wang_id, "update", base=1, role="admin"))
    assert outcomes(refused) == [("refused", "role_refused")]
    assert outcomes(push(client, wang, change("staff", wang_id, "update", base=1,
                                              name="浩然"))) == [("applied", None)]
    with server_db.transaction() as s:
        accounts.add_account(s, "admin", "admin", "admin password")
    admin = sign_in(client, "admin")[0]
    assert outcomes(push(client, admin, change("staff", wang_id, "update", base=2,
                                               role="lead"))) == [("applied", None)]


def test_with_review_on_only_a_lead_publishes_a_team_template(team):
    client, t = team
    wang, lead = t["王浩然"][0], t["陈静"][0]
    template = {"scope": "team", "body": "欢迎", "title": "欢迎"}
    assert outcomes(push(client, wang, change("reply_templates", "r1", status="approved",
                                              **template))) == [("applied", None)]
    assert outcomes(push(client, wang, change("team_settings", "replies_review_required",
                                              "add", value=True))) == [
        ("refused", "role_refused")]
    push(client, lead, change("team_settings", "replies_review_required", "add", value=True))
    refused = push(client, wang, change("reply_templates", "r2", status="approved", **template),
                   change("reply_templates", "r1", "update", base=1, body="欢迎新朋友"))
    assert outcomes(refused) == [("refused", "needs_approval")] * 2
    assert outcomes(push(client, wang, change("reply_templates", "r3", status="draft",
                                              **template),
                         change("reply_templates", "r1", "update", base=1, body="欢迎新朋友",
                                status="draft"),
                         change("reply_templates", "r4", status="approved",
                                **{**template, "scope": "personal"}))) == [
        ("applied", None)] * 3
    assert outcomes(push(client, wang, change("reply_templates", "r3", "update", base=1,
                                              status="approved"))) == [
        ("refused", "needs_approval")]
    assert outcomes(push(client, lead, change("reply_templates", "r3", "update", base=1,
                                              status="approved"))) == [("applied", None)]
