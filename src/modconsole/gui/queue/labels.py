"""Shown names for decisions, statuses, severities, sources and ladder explanations."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication

from modconsole.domain.ladder import Step
from modconsole.gui.i18n import ui_lang


def step_name(step: Step | str | None) -> str:
    if step is None:
        return ""
    step = Step.parse(step) if isinstance(step, str) else step
    if step.decision == "mute":
        if step.days is None:
            return QCoreApplication.translate("QueueLabels", "permanent mute")
        return QCoreApplication.translate("QueueLabels", "mute {days} day(s)").format(
            days=step.days)
    return {"dismiss": QCoreApplication.translate("QueueLabels", "dismiss"),
            "warn": QCoreApplication.translate("QueueLabels", "warn"),
            "remove": QCoreApplication.translate("QueueLabels", "remove from group"),
            "ban": QCoreApplication.translate("QueueLabels", "ban")}[step.decision]


def outcome_name(outcome: str) -> str:
    return {"upheld": QCoreApplication.translate("QueueLabels", "upheld"),
            "reduced": QCoreApplication.translate("QueueLabels", "reduced"),
            "overturned": QCoreApplication.translate("QueueLabels", "overturned")
            }.get(outcome, outcome)


def decision_name(code: str | None) -> str:
    """A case's stored decision: a ladder step, or an appeal's outcome."""
    if not code:
        return ""
    if code in ("upheld", "reduced", "overturned"):
        return outcome_name(code)
    return step_name(code)


def status_names() -> dict[str, str]:
    return {"todo": QCoreApplication.translate("QueueLabels", "To do"),
            "open": QCoreApplication.translate("QueueLabels", "open"),
            "claimed": QCoreApplication.translate("QueueLabels", "claimed"),
            "decided": QCoreApplication.translate("QueueLabels", "decided"),
            "appealed": QCoreApplication.translate("QueueLabels", "appealed"),
            "closed": QCoreApplication.translate("QueueLabels", "closed"),
            "all": QCoreApplication.translate("QueueLabels", "All")}


def severity_names() -> dict[str, str]:
    return {"low": QCoreApplication.translate("QueueLabels", "low"),
            "medium": QCoreApplication.translate("QueueLabels", "medium"),
            "high": QCoreApplication.translate("QueueLabels", "high"),
            "critical": QCoreApplication.translate("QueueLabels", "critical")}


def source_names() -> dict[str, str]:
    return {"member": QCoreApplication.translate("QueueLabels", "member report"),
            "staff": QCoreApplication.translate("QueueLabels", "staff discovery"),
            "import": QCoreApplication.translate("QueueLabels", "import"),
            "server": QCoreApplication.translate("QueueLabels", "team server"),
            "detector": QCoreApplication.translate("QueueLabels", "detector")}


def detector_names() -> dict[str, str]:
    return {"keywords": QCoreApplication.translate("QueueLabels", "keywords"),
            "regex": QCoreApplication.translate("QueueLabels", "pattern"),
            "promotion": QCoreApplication.translate("QueueLabels", "promotion"),
            "flood": QCoreApplication.translate("QueueLabels", "flooding"),
            "repeat": QCoreApplication.translate("QueueLabels", "repeating"),
            "mentions": QCoreApplication.translate("QueueLabels", "mention storm")}


def sanction_kind_names() -> dict[str, str]:
    return {"warn": QCoreApplication.translate("QueueLabels", "warning"),
            "mute": QCoreApplication.translate("QueueLabels", "mute"),
            "remove": QCoreApplication.translate("QueueLabels", "removal"),
            "ban": QCoreApplication.translate("QueueLabels", "ban")}


def span(delta: timedelta) -> str:
    """A short duration: 3 d 4 h, 5 h 10 min, 12 min."""
    minutes = max(int(delta.total_seconds() // 60), 0)
    days, rest = divmod(minutes, 1440)
    hours, mins = divmod(rest, 60)
    if days:
        return QCoreApplication.translate("QueueLabels", "%1 d %2 h").replace(
            "%1", str(days)).replace("%2", str(hours))
    if hours:
        return QCoreApplication.translate("QueueLabels", "%1 h %2 min").replace(
            "%1", str(hours)).replace("%2", str(mins))
    return QCoreApplication.translate("QueueLabels", "%1 min").replace("%1", str(mins))


def due_text(due: datetime, now: datetime) -> str:
    if due < now:
        return QCoreApplication.translate("QueueLabels", "overdue %1").replace(
            "%1", span(now - due))
    return QCoreApplication.translate("QueueLabels", "due in %1").replace("%1", span(due - now))


def ladder_line(explained: dict) -> str:
    """ "3rd counted offence in 90 days → mute 7 days", with what raised or lowered it."""
    line = QCoreApplication.translate(
        "QueueLabels", "Offence no. %1 counted in %2 days → %3").replace(
        "%1", str(explained["ordinal"])).replace("%2", str(explained["window_days"])).replace(
        "%3", step_name(explained["step"]))
    extras = []
    if explained["aggravated"]:
        extras.append(QCoreApplication.translate("QueueLabels", "aggravated rule: steps skipped"))
    if explained["decayed"]:
        extras.append(QCoreApplication.translate(
            "QueueLabels", "{count} older offence(s) decayed").format(count=explained["decayed"]))
    return line + (f" ({'; '.join(extras)})" if extras else "")


def history_lines(history) -> list[str]:
    """A member's sanctions (`PastOffence`s), one line each: date, what, rule, what became of it."""
    kinds = sanction_kind_names()
    states = {"in_force": QCoreApplication.translate("QueueLabels", "in force"),
              "ended": QCoreApplication.translate("QueueLabels", "ended"),
              "lifted": QCoreApplication.translate("QueueLabels", "lifted"),
              "overturned": QCoreApplication.translate("QueueLabels", "overturned")}
    lines = []
    for p in history:
        what = step_name(Step("mute", p.days)) if p.kind == "mute" else kinds.get(p.kind, p.kind)
        lines.append(f"{p.at.astimezone():%Y-%m-%d}  {what}  {p.rule_title(ui_lang())}  "
                     f"({states.get(p.status, p.status)})")
    return lines
