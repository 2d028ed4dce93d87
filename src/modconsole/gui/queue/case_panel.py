"""The case beside the queue: evidence, reports, the rule, the ladder's advice, the record."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from modconsole.gui.queue.labels import (
    decision_name,
    detector_names,
    history_lines,
    ladder_line,
    severity_names,
    source_names,
    status_names,
)
from modconsole.services.decisions import CaseDetail


class CasePanel(QScrollArea):
    """Read-only view of one `CaseDetail`; Esc in the page returns focus to the queue."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setMinimumWidth(240)
        body = QWidget()
        self.box = QVBoxLayout(body)
        self.labels: dict[str, QLabel] = {}
        for key in ("head", "rule", "evidence", "reports", "ladder", "history", "decision"):
            label = QLabel()
            label.setWordWrap(True)
            label.setOpenExternalLinks(True)
            label.setObjectName("ladder" if key == "ladder" else f"case_{key}")
            self.box.addWidget(label)
            self.labels[key] = label
        self.box.addStretch(1)
        self.setWidget(body)
        self.lang = "en"
        self.detail: CaseDetail | None = None
        self.show_detail(None)

    def _section(self, title: str, text: str) -> str:
        return f"<p style='margin-top:10px'><b>{escape(title)}</b><br>{text}</p>"

    def show_detail(self, detail: CaseDetail | None) -> None:
        self.detail = detail
        if detail is None:
            for label in self.labels.values():
                label.clear()
            self.labels["head"].setText(self.tr("Choose a case on the left, or press J to go "
                                                "down the queue."))
            return
        r, zh = detail.row, self.lang.startswith("zh")
        statuses, severities, sources = status_names(), severity_names(), source_names()
        claimed = (" · " + self.tr("claimed by %1").replace("%1", escape(r.claimed_by_name))
                   if r.claimed_by_name else "")
        self.labels["head"].setText(
            f"<span style='font-size:17px'><b>{escape(r.member_name)}</b></span> "
            f"<span style='color:#7b8794'>{escape(r.platform_id)}</span><br>"
            f"{escape(statuses.get(r.status, r.status))}{claimed} · "
            f"{escape(sources.get(r.source, r.source))} · "
            f"{r.first_reported_at.astimezone():%Y-%m-%d %H:%M}"
            + (f" · {escape(r.group_name)}" if r.group_name else ""))
        title = r.rule_title_zh if zh else r.rule_title_en
        description = detail.rule_text_zh if zh else detail.rule_text_en
        rule = (f"<b>{escape(title or r.rule_code)}</b> "
                f"<span style='color:#7b8794'>{escape(r.rule_code)}</span> · "
                f"{escape(severities.get(r.severity or '', ''))}"
                + (" · " + self.tr("aggravated") if r.aggravated else "")
                + (f"<br><span style='color:#52606d'>{escape(description)}</span>"
                   if description else "")) if r.rule_code else self.tr(
            "No rule yet: choose one before sanctioning, or dismiss.")
        self.labels["rule"].setText(self._section(self.tr("Rule"), rule))
        files = "".join(f"<br>📎 <a href='{QUrl.fromLocalFile(str(path)).toString()}'>"
                        f"{escape(name)}</a>" for name, path in detail.attachments)
        heading = self.tr("Appeal statement") if r.kind == "appeal" else self.tr("Evidence")
        self.labels["evidence"].setText(self._section(
            heading, escape(r.evidence).replace("\n", "<br>") + files))
        kinds = detector_names()
        reports = "<br>".join(
            f"{p.at.astimezone():%m-%d %H:%M} {escape(p.reporter or sources.get(p.source, ''))}"
            + (f" · {escape(kinds.get(p.detector, p.detector))}" if p.detector else "")
            for p in detail.reports[:8])
        more = len(detail.reports) - 8
        appeal = r.kind == "appeal"
        self.labels["reports"].setVisible(not appeal)
        self.labels["ladder"].setVisible(not appeal)
        self.labels["reports"].setText(self._section(
            self.tr("Reports (%1)").replace("%1", str(r.report_count)),
            reports + (f"<br>… +{more}" if more > 0 else "")))
        advice = ladder_line(detail.preview.suggestion.explain(detail.preview.window_days))
        self.labels["ladder"].setText(self._section(self.tr("Penalty ladder"), escape(advice)))
        lines = history_lines(detail.preview.history) or [self.tr("No earlier sanctions.")]
        self.labels["history"].setText(self._section(
            self.tr("Record"), "<br>".join(escape(x) for x in lines[:10])))
        decided = ""
        if r.decision:
            decided = self._section(self.tr("Decision"), escape(
                f"{decision_name(r.decision)} — {detail.decision_reason} ({r.decided_by_name})"))
        if detail.original is not None:
            o = detail.original
            decided += self._section(self.tr("Appealed decision"), escape(
                f"{decision_name(o.decision)} — {detail.original_reason} ({o.decided_by_name})"))
        self.labels["decision"].setText(decided)
