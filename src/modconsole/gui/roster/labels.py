"""What the roster shows for stored values, column keys and classification reasons."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from modconsole.domain.classification import Reason
from modconsole.services.member_fields import FIELD_LABELS, VALUE_LABELS, field_label, value_label


def value_names() -> dict[str, str]:
    """Stored value -> shown name; stages and statuses are prefixed (they reuse words)."""
    return {key: value_label(key, QCoreApplication.translate) for key in VALUE_LABELS}


def column_names() -> dict[str, str]:
    return {key: field_label(key, QCoreApplication.translate) for key in FIELD_LABELS}


def labels() -> dict:
    return {"columns": column_names(), "values": value_names()}


def reason_text(reason: Reason) -> str:
    """One sentence of "why" for the member panel."""
    v = reason.values
    templates = {
        "class.staff": QCoreApplication.translate(
            "RosterLabels", "Staff: marked as a team member."
        ),
        "class.paying": QCoreApplication.translate(
            "RosterLabels", "Paying: has paid ¥{0:.2f} (rule: at least ¥{1:.2f})."
        ),
        "class.contributor": QCoreApplication.translate(
            "RosterLabels", "Contributor: {0} quality posts (rule: at least {1})."
        ),
        "class.active": QCoreApplication.translate(
            "RosterLabels",
            "Active: {0} actions, last active {1} days ago (rule: at least {2} actions within "
            "{3} days).",
        ),
        "class.silent": QCoreApplication.translate(
            "RosterLabels",
            "Silent: {0} actions, last active {1} days ago (active needs at least {2} actions "
            "within {3} days).",
        ),
        "layer.core": QCoreApplication.translate(
            "RosterLabels",
            "Core layer: in the top {0}% by spend and interaction (core is the top {1}%).",
        ),
        "layer.potential": QCoreApplication.translate(
            "RosterLabels", "Potential layer: in the top {0}% (potential is from {1}% to {2}%)."
        ),
        "layer.base": QCoreApplication.translate(
            "RosterLabels", "Base layer: in the top {0}% (base is below the top {1}%)."
        ),
        "stage.leader": QCoreApplication.translate(
            "RosterLabels", "Leader stage: {0} conversions (rule: at least {1})."
        ),
        "stage.contributor": QCoreApplication.translate(
            "RosterLabels", "Contributor stage: {0} quality posts (rule: at least {1})."
        ),
        "stage.active": QCoreApplication.translate(
            "RosterLabels", "Active stage: {0} days in a row (rule: at least {1})."
        ),
        "stage.explorer": QCoreApplication.translate(
            "RosterLabels", "Explorer stage: has not reached the active stage yet."
        ),
        "churn.not_watched": QCoreApplication.translate(
            "RosterLabels", "No churn warning: the member is {0}."
        ),
        "churn.none": QCoreApplication.translate(
            "RosterLabels", "No churn warning: last active {0} days ago (level 1 starts at {1})."
        ),
        "churn.level": QCoreApplication.translate(
            "RosterLabels",
            "Churn warning level {0}: inactive for {1} days (level {0} starts at {2} days).",
        ),
    }
    if reason.code == "class.paying":
        v = (v[0] / 100, v[1] / 100)
    if reason.code == "churn.not_watched":
        v = (value_names().get(f"status.{v[0]}", v[0]),)
    values = tuple("—" if x is None else x for x in v)
    return templates[reason.code].format(*values)
