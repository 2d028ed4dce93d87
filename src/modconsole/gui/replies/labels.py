"""What the phrase book shows for categories, statuses, problems and sample values."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication

from modconsole.domain.placeholders import Problem, ProblemKind


def category_names() -> dict[str, str]:
    return {
        "welcome": QCoreApplication.translate("ReplyLabels", "Welcome"),
        "rules": QCoreApplication.translate("ReplyLabels", "Group rules"),
        "reminder": QCoreApplication.translate("ReplyLabels", "Reminder"),
        "warning": QCoreApplication.translate("ReplyLabels", "Warning"),
        "mute": QCoreApplication.translate("ReplyLabels", "Mute"),
        "removal": QCoreApplication.translate("ReplyLabels", "Removal"),
        "appeal": QCoreApplication.translate("ReplyLabels", "Appeal answer"),
        "churn_care": QCoreApplication.translate("ReplyLabels", "Churn care"),
        "activity": QCoreApplication.translate("ReplyLabels", "Activity announcement"),
        "reward": QCoreApplication.translate("ReplyLabels", "Reward notice"),
        "custom": QCoreApplication.translate("ReplyLabels", "Custom"),
    }


def lang_names() -> dict[str, str]:
    return {"zh_CN": QCoreApplication.translate("ReplyLabels", "Chinese"),
            "en": QCoreApplication.translate("ReplyLabels", "English")}


def scope_names() -> dict[str, str]:
    return {"team": QCoreApplication.translate("ReplyLabels", "Team"),
            "personal": QCoreApplication.translate("ReplyLabels", "Personal")}


def placeholder_hints() -> dict[str, str]:
    return {
        "nickname": QCoreApplication.translate("ReplyLabels", "group nickname (or name)"),
        "name": QCoreApplication.translate("ReplyLabels", "name"),
        "group": QCoreApplication.translate("ReplyLabels", "the member's or case's group"),
        "rule": QCoreApplication.translate("ReplyLabels", "the rule broken"),
        "rule_detail": QCoreApplication.translate("ReplyLabels", "the rule's description"),
        "sanction": QCoreApplication.translate("ReplyLabels", "e.g. 7 days"),
        "until": QCoreApplication.translate("ReplyLabels", "when the sanction ends"),
        "moderator": QCoreApplication.translate("ReplyLabels", "you"),
        "activity": QCoreApplication.translate("ReplyLabels", "activity title"),
        "activity_time": QCoreApplication.translate("ReplyLabels", "when the activity starts"),
        "location": QCoreApplication.translate("ReplyLabels", "where"),
        "points": QCoreApplication.translate("ReplyLabels", "points"),
        "today": QCoreApplication.translate("ReplyLabels", "today's date"),
    }


def sample_values(lang: str) -> dict[str, str]:
    """Values the preview uses before a member is chosen (so every slot shows something);
    dates are around today's, as a real notice's would be."""
    today = date.today()
    until = f"{today + timedelta(days=7):%Y-%m-%d} 20:00"
    when = f"{today + timedelta(days=2):%Y-%m-%d} 20:00"
    if lang == "zh_CN":
        return {"nickname": "小明", "name": "王小明", "group": "读书会1群", "rule": "禁止广告",
                "rule_detail": "不得发布与群无关的广告", "sanction": "7天", "until": until,
                "moderator": "王浩然", "activity": "周三读书分享", "activity_time": when,
                "location": "线上", "points": "50", "today": today.isoformat()}
    return {"nickname": "Alex", "name": "Alex Wang", "group": "Book club 1", "rule": "No ads",
            "rule_detail": "No advertising unrelated to the group", "sanction": "7 days",
            "until": until, "moderator": "Lin", "activity": "Wednesday reading",
            "activity_time": when, "location": "online", "points": "50",
            "today": today.isoformat()}


def problem_text(problem: Problem) -> str:
    where = problem.start + 1
    if problem.kind is ProblemKind.UNKNOWN and problem.suggestion:
        text = QCoreApplication.translate(
            "ReplyLabels",
            "Character {at}: {text} is not a placeholder we know. Did you mean {{{hint}}}?")
    elif problem.kind is ProblemKind.UNKNOWN:
        text = QCoreApplication.translate(
            "ReplyLabels",
            "Character {at}: {text} is not a placeholder we know; it will be sent as written.")
    elif problem.kind is ProblemKind.MALFORMED:
        text = QCoreApplication.translate(
            "ReplyLabels",
            "Character {at}: {text} is not a placeholder (they are plain names like "
            "{{nickname}}); it will be sent as written.")
    else:
        text = QCoreApplication.translate(
            "ReplyLabels",
            "Character {at}: a lone '{text}' will be sent as written; type it twice for a "
            "literal brace.")
    return text.format(at=where, text=problem.text, hint=problem.suggestion)
