"""Shown names for activity types and statuses."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def type_names() -> dict[str, str]:
    return {
        "lecture": QCoreApplication.translate("PlannerLabels", "Lecture"),
        "webinar": QCoreApplication.translate("PlannerLabels", "Webinar"),
        "live_stream": QCoreApplication.translate("PlannerLabels", "Live stream"),
        "qa_contest": QCoreApplication.translate("PlannerLabels", "Q&A contest"),
        "lucky_draw": QCoreApplication.translate("PlannerLabels", "Lucky draw"),
        "check_in": QCoreApplication.translate("PlannerLabels", "Check-in challenge"),
        "vote": QCoreApplication.translate("PlannerLabels", "Vote"),
        "topic": QCoreApplication.translate("PlannerLabels", "Topic discussion"),
        "red_packet": QCoreApplication.translate("PlannerLabels", "Red-packet round"),
        "contest": QCoreApplication.translate("PlannerLabels", "Contest"),
        "meetup": QCoreApplication.translate("PlannerLabels", "Meetup"),
        "salon": QCoreApplication.translate("PlannerLabels", "Salon"),
        "tasting": QCoreApplication.translate("PlannerLabels", "Tasting"),
        "trip": QCoreApplication.translate("PlannerLabels", "Trip"),
        "workshop": QCoreApplication.translate("PlannerLabels", "Workshop"),
        "custom": QCoreApplication.translate("PlannerLabels", "Other"),
    }


def status_names() -> dict[str, str]:
    return {
        "idea": QCoreApplication.translate("PlannerLabels", "Idea"),
        "planned": QCoreApplication.translate("PlannerLabels", "Planned"),
        "announced": QCoreApplication.translate("PlannerLabels", "Announced"),
        "running": QCoreApplication.translate("PlannerLabels", "Running"),
        "done": QCoreApplication.translate("PlannerLabels", "Done"),
        "cancelled": QCoreApplication.translate("PlannerLabels", "Cancelled"),
    }


def seat_names() -> dict[str, str]:
    """Attendance statuses as the attendance tab shows them."""
    return {
        "registered": QCoreApplication.translate("PlannerLabels", "Signed up"),
        "waitlist": QCoreApplication.translate("PlannerLabels", "Waiting"),
        "attended": QCoreApplication.translate("PlannerLabels", "Attended"),
        "cancelled": QCoreApplication.translate("PlannerLabels", "Cancelled"),
    }


def budget_names() -> dict[str, str]:
    return {
        "people": QCoreApplication.translate("PlannerLabels", "People"),
        "content": QCoreApplication.translate("PlannerLabels", "Content"),
        "promotion": QCoreApplication.translate("PlannerLabels", "Promotion"),
        "prizes": QCoreApplication.translate("PlannerLabels", "Prizes"),
        "tools": QCoreApplication.translate("PlannerLabels", "Tools"),
    }


def day_names() -> list[str]:
    """Monday first, as the week table and the month calendar head their columns."""
    return [QCoreApplication.translate("PlannerLabels", "Mon"),
            QCoreApplication.translate("PlannerLabels", "Tue"),
            QCoreApplication.translate("PlannerLabels", "Wed"),
            QCoreApplication.translate("PlannerLabels", "Thu"),
            QCoreApplication.translate("PlannerLabels", "Fri"),
            QCoreApplication.translate("PlannerLabels", "Sat"),
            QCoreApplication.translate("PlannerLabels", "Sun")]
