"""Recurrence rules read as words, in Chinese and English."""

import pytest

from modconsole.domain.rule_words import describe_rule


@pytest.mark.parametrize("rule, zh, en", [
    ("FREQ=DAILY", "每天", "every day"),
    ("FREQ=DAILY;INTERVAL=3;COUNT=5", "每 3 天，共 5 次", "every 3 days, 5 times"),
    ("FREQ=WEEKLY;BYDAY=MO,WE;COUNT=8", "每周一、三，共 8 次", "every week on Mon, Wed, 8 times"),
    ("FREQ=WEEKLY;INTERVAL=2;BYDAY=SU", "每 2 周的周日", "every 2 weeks on Sun"),
    ("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;UNTIL=20261231T160000Z",
     "每周一、二、三、四、五，到 2026-12-31 为止",
     "every week on Mon, Tue, Wed, Thu, Fri, until 2026-12-31"),
    ("FREQ=MONTHLY;BYMONTHDAY=1,15", "每月1日、15日", "every month on the 1st, 15th"),
    ("FREQ=MONTHLY;BYDAY=-1FR", "每月最后一个周五", "every month on the last Fri"),
    ("FREQ=MONTHLY;BYDAY=1MO", "每月第一个周一", "every month on the first Mon"),
    ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", "每年2月29日", "every year on 29 Feb"),
    ("RRULE:FREQ=MONTHLY", "每月", "every month"),
])
def test_common_rules_read_as_words(rule, zh, en):
    assert describe_rule(rule, "zh_CN") == zh
    assert describe_rule(rule, "en") == en


@pytest.mark.parametrize("rule", ["FREQ=MONTHLY;BYDAY=MO;BYSETPOS=2", "FREQ=HOURLY",
                                  "FREQ=DAILY;INTERVAL=x", "FREQ=WEEKLY;BYDAY=XX", "junk"])
def test_rules_words_would_not_do_come_back_as_none(rule):
    assert describe_rule(rule, "zh_CN") is None and describe_rule(rule, "en") is None


def test_no_rule_is_no_words():
    assert describe_rule(None, "zh_CN") == describe_rule("", "en") == ""
