import pytest
from sqlalchemy import func, select

from modconsole.domain.defaults import ContentError, parse_phrasebook, parse_rulebook
from modconsole.domain.enums import Severity
from modconsole.services.defaults import _load, install_defaults
from modconsole.store import models as m

NINE_CATEGORIES = {"ILLEGAL", "UNFRIENDLY", "SPAM", "PORN", "MISINFO", "SUPERSTITION",
                   "CLICKBAIT", "FANDOM", "HARM"}


def test_rulebook_has_the_nine_categories_and_group_rules_with_items():
    specs = parse_rulebook(_load("rulebook.json"))
    categories = {s.code for s in specs if s.parent_code is None}
    assert categories == NINE_CATEGORIES | {"GROUP"}
    for category in categories:
        items = [s for s in specs if s.parent_code == category]
        assert items, f"{category} has no sub-items"
        assert all(s.code.startswith(category + ".") for s in items)
    assert all(s.title["zh_CN"] and s.title["en"] for s in specs)
    assert {s.severity for s in specs} <= set(Severity)
    assert next(s for s in specs if s.code == "ILLEGAL.MINOR_BULLYING").aggravated


def test_phrasebook_covers_the_starter_messages_in_both_languages():
    specs = parse_phrasebook(_load("phrasebook.json"))
    assert {s.category for s in specs} >= {"welcome", "rules", "warning", "mute", "removal",
                                          "appeal", "churn_care", "activity"}
    assert all(s.body["zh_CN"] and s.body["en"] for s in specs)


def test_bad_rulebook_entries_are_named():
    with pytest.raises(ContentError, match=r"category 1 \(X\).*severity 'huge'"):
        parse_rulebook({"categories": [{"code": "X", "severity": "huge",
                                        "title": {"zh_CN": "x", "en": "x"}}]})
    with pytest.raises(ContentError, match=r"item 1 \(X.A\).*no text for en"):
        parse_rulebook({"categories": [{"code": "X", "severity": "low",
                                        "title": {"zh_CN": "x", "en": "x"},
                                        "items": [{"code": "X.A", "title": {"zh_CN": "a"}}]}]})


def test_install_is_idempotent_and_writes_no_outbox_rows(store):
    with store.transaction() as s:  # the store fixture installed them already
        assert install_defaults(s) == {"rules": 0, "templates": 0}
        rules = s.scalar(select(func.count()).select_from(m.Rule))
        templates = s.scalar(select(func.count()).select_from(m.ReplyTemplate))
        pending = s.scalar(select(func.count()).select_from(m.OutboxEntry))
    assert rules == len(parse_rulebook(_load("rulebook.json")))
    assert templates == 2 * len(parse_phrasebook(_load("phrasebook.json")))
    assert pending == 0
