"""`modconsole groups|tags …` and `members add`, as a script would use them."""

import json


def test_groups_add_list_rename_and_cap(cli):
    code, out, err = cli("groups", "add", "读书会1群", "--kind", "training")
    assert code == 0, err
    assert cli("groups", "add", "读书会1群")[0] == 1  # a name is used once
    assert cli("groups", "rename", "读书会1群", "读书会一群")[0] == 0
    assert cli("groups", "cap", "读书会一群", "120")[0] == 0
    code, _, err = cli("groups", "cap", "读书会一群", "0")
    assert code == 1 and "at least 1" in err
    code, out, _ = cli("groups", "list", "--json")
    assert json.loads(out) == [{"id": json.loads(out)[0]["id"], "name": "读书会一群",
                                "kind": "training", "cap": 120, "members": 0}]
    code, _, err = cli("groups", "rename", "没有这个群", "x")
    assert code == 1 and "There is no group '没有这个群'" in err
    code, out, _ = cli("groups", "archive", "读书会一群")
    assert code == 0 and "archived" in out
    assert json.loads(cli("groups", "list", "--json")[1]) == []  # out of lists, history kept


def test_members_add_with_new_groups_and_tags_then_tags_rename_merge_delete(cli):
    code, member_id, err = cli("members", "add", "--platform-id", "wx_hand", "--name", "张三",
                               "--group", "新群", "--tag", "新人", "--tag", "读书")
    assert code == 0, err
    code, _, err = cli("members", "add", "--platform-id", "wx_hand", "--name", "again")
    assert code == 1 and "already a member 'wx_hand'" in err
    code, _, err = cli("members", "add", "--platform-id", "wx_bad", "--name", "李四",
                       "--phone", "not-a-phone")
    assert code == 1 and "phone" in err
    code, out, _ = cli("members", "list", "--json")
    [listed] = json.loads(out)
    assert (listed["id"], listed["groups"], sorted(listed["tags"]), listed["class"]) == (
        member_id.strip(), ["新群"], ["新人", "读书"], "silent")
    assert cli("tags", "rename", "读书", "阅读")[0] == 0
    code, out, _ = cli("tags", "merge", "新人", "阅读")
    assert code == 0 and "on 1 members" in out
    code, out, _ = cli("tags", "list", "--json")
    assert [t["name"] for g in json.loads(out) for t in g["tags"]] == ["阅读"]
    code, out, _ = cli("tags", "delete", "阅读")
    assert code == 0 and "from 1 members" in out
    code, out, _ = cli("members", "list", "--json")
    assert json.loads(out)[0]["tags"] == []
    assert cli("tags", "add", "没有的组/x")[0] == 1
