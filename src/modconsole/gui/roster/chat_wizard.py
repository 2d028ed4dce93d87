"""Import a chat export: choose the file, see what it is and who matches, check, import.

The file is recognised on a reader thread (Telegram result.json, QQ message
record, or a message table). Check runs the whole import and rolls it back,
so the person sees every count, the senders who match no member and the
check-ins before anything is written; Import runs it for real. Both run on
the worker with a progress bar, and Cancel rolls everything back.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWizard,
)

from modconsole.domain.recurrence import zone
from modconsole.gui.file_page import FilePage
from modconsole.gui.i18n import localized
from modconsole.gui.import_run_page import ImportRunPage
from modconsole.gui.operations import OperationRunner
from modconsole.gui.role_gate import RoleGate
from modconsole.services.activities import DEFAULT_ZONE
from modconsole.services.chat.formats import open_chat
from modconsole.services.chat.ingest import ChatOptions, ChatReport, import_chat
from modconsole.services.chat.messages import ChatExport
from modconsole.services.classification import recompute
from modconsole.services.groups import list_groups

SHOWN_SENDERS = 200


class ChoosePage(FilePage):
    def __init__(self, wizard: ChatImportWizard):
        super().__init__(wizard.runner)
        self._wizard = wizard
        self.path.setPlaceholderText(self.tr("Chat export to import"))
        self.dialog = (self.tr("Import a chat export"),
                       self.tr("Chat exports (*.json *.txt *.csv *.xlsx);;All files (*)"))
        self.setTitle(self.tr("Choose a chat export"))
        self.setSubTitle(self.tr("Telegram Desktop's result.json (a group's history, JSON), "
                                 "QQ's message record (.txt), or a table of messages (.csv, "
                                 ".xlsx) with time, sender and text columns."))

    def choice(self) -> tuple:
        return (Path(self.path.text().strip()),)

    def job(self, choice: tuple):
        """Recognises the file and lists the groups it could stand for."""
        return lambda s: (_describe(open_chat(choice[0], zone(DEFAULT_ZONE))),
                          [g.name for g in list_groups(s)])

    def opened(self, choice: tuple, result: tuple) -> None:
        self._wizard.path = choice[0]
        self._wizard.description, self._wizard.groups = result


def _describe(export: ChatExport) -> tuple[str, str, str, dict]:
    """What the wizard says about a file before importing: format, chat, its name, columns.
    The export's stream is closed unread."""
    export.read.close()
    return export.platform, export.chat_key, export.chat_name, export.columns


class RunPage(ImportRunPage):
    def __init__(self, wizard: ChatImportWizard):
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("Check and import"))
        self.setSubTitle(self.tr("Check reads the whole export and shows what the import "
                                 "would do; nothing is written until you press Import."))
        layout = QVBoxLayout(self)
        self.what = QLabel()
        self.what.setWordWrap(True)
        layout.addWidget(self.what)
        form = QFormLayout()
        self.group = QComboBox()
        self.group.setEditable(True)
        self.group.setToolTip(self.tr("The group this chat is. A new name makes a new group."))
        form.addRow(self.tr("Group"), self.group)
        layout.addLayout(form)
        self.create = QCheckBox(self.tr("Add senders who match no member as new members "
                                        "(those with an ID)"))
        self.skip = QCheckBox(self.tr("Import the readable messages when some cannot be read"))
        self.flag = QCheckBox(self.tr("Flag what the rules' detectors match (reports go to the "
                                      "queue)"))
        self.flag.setChecked(True)
        layout.addWidget(self.create)
        layout.addWidget(self.skip)
        layout.addWidget(self.flag)
        wizard.gate.guard("reports", self.flag)
        self.add_run_controls(layout)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.lists = QTabWidget()  # flagged messages, unknown senders, unreadable messages
        layout.addWidget(self.lists, 1)
        self.lists.hide()

    def initializePage(self) -> None:
        wizard = self._wizard
        platform, _key, name, columns = wizard.description
        kinds = {"telegram": self.tr("A Telegram export of the group “{name}”."),
                 "qq": self.tr("A QQ message record of “{name}”."),
                 "table": self.tr("A message table ({columns}).")}
        fields = {"time": self.tr("time"), "sender_id": self.tr("sender ID"),
                  "sender_name": self.tr("sender name"), "group": self.tr("group"),
                  "text": self.tr("text"), "message_id": self.tr("message ID"),
                  "attachments": self.tr("attachments")}
        self.what.setText(kinds[platform].format(
            name=name, columns=self.tr(", ", "between names in a list").join(
                f"{column} → {fields[field]}" for field, column in columns.items())))
        self.group.clear()
        own = self.tr("(each chat's own name: {name})").format(name=name) \
            if platform == "table" else name
        self.group.addItem(own, "")
        for group in wizard.groups:
            if group != name:
                self.group.addItem(group, group)
        self._done = False
        self.result.clear()
        self.lists.hide()

    def _options(self, dry_run: bool) -> ChatOptions:
        index = self.group.currentIndex()
        typed = self.group.currentText().strip()
        chosen = self.group.itemData(index) if typed == self.group.itemText(index) else typed
        return ChatOptions(group=chosen or "", dry_run=dry_run,
                           create_members=self.create.isChecked(),
                           skip_bad=self.skip.isChecked(),
                           flag=self.flag.isEnabled() and self.flag.isChecked())

    def start(self, dry_run: bool) -> None:
        options, path = self._options(dry_run), self._wizard.path

        def job(session, progress):
            report = import_chat(session, open_chat(path, zone(options.zone)), options,
                                 progress)
            recompute(session)  # last active and streaks moved: classify everyone again
            return report

        self.running(self._wizard.runner.run(
            job, label=self.tr("Importing the chat") if not dry_run else
            self.tr("Checking the chat"), progress=True, write=dry_run,
            changes=() if dry_run else {"import", "members", "groups", "activities", "cases"},
            on_done=self._finished, on_error=lambda _exc, message: self.failed(message)),
            self.tr("Checking…") if dry_run else self.tr("Importing…"))

    def _finished(self, report: ChatReport) -> None:
        self.ended(report.written)
        tz = zone(DEFAULT_ZONE)  # the zone the import counted days in
        lines = [self.tr("{messages} messages from {first} to {last}: {counted} new from "
                         "{members} members, {repeated} counted by an earlier import, "
                         "{unmatched} from senders who match no member.").format(
            messages=report.messages, counted=report.counted, members=report.active_members,
            repeated=report.repeated, unmatched=report.unmatched_messages,
            first=f"{report.first_at.astimezone(tz):%Y-%m-%d}" if report.first_at else "—",
            last=f"{report.last_at.astimezone(tz):%Y-%m-%d}" if report.last_at else "—")]
        if report.joins or report.leaves:
            lines.append(self.tr("Joins: {joins}. Leaves: {leaves}.").format(
                joins=report.joins, leaves=report.leaves))
        if report.check_ins:
            lines.append(self.tr("Check-ins: {n}; {points} members earned the activity's "
                                 "points.").format(n=report.check_ins,
                                                   points=report.points_awarded))
        if report.groups_created:
            lines.append(self.tr("New groups: {names}.").format(
                names=self.tr(", ", "between names in a list").join(report.groups_created)))
        if report.members_created:
            lines.append(self.tr("New members: {n}.").format(n=report.members_created))
        if report.flagged or report.flagged_unknown:
            flagged = (self.tr("Flagged: {n} messages of members (reports in the queue, {cases} "
                               "new cases); {unknown} of senders who match no member are not "
                               "filed.") if report.written else
                       self.tr("Would flag: {n} messages of members (reports for the queue, "
                               "{cases} new cases); {unknown} of senders who match no member "
                               "would not be filed."))
            lines.append(flagged.format(n=report.flagged, cases=report.cases_opened,
                                        unknown=report.flagged_unknown))
        for problem in report.detector_problems:
            lines.append(self.tr("Detectors not used: {problem}.").format(
                problem=localized(problem)))
        if report.bad_messages and not report.written:
            lines.append(self.tr("Nothing can be imported yet: {n} messages cannot be read "
                                 "(listed below). Export the chat again, or tick the box "
                                 "above to import the rest.").format(n=report.bad_messages))
        elif report.written:
            lines.append(self.tr("Imported: {n} members updated; classes and churn levels "
                                 "recomputed.").format(n=report.members_updated))
        else:
            lines.append(self.tr("Nothing was written yet."))
        self.result.setText("\n".join(lines))
        self._list(report)

    def _list(self, report: ChatReport) -> None:
        """Tabs for what the person may want to look through: the flagged messages, the
        senders who match no member, the messages that cannot be read."""
        self.lists.clear()
        tz = zone(DEFAULT_ZONE)
        if report.flags:
            self._table(self.tr("Flagged ({n})").format(n=report.flagged + report.flagged_unknown),
                        [self.tr("Time"), self.tr("Sender"), self.tr("Rule"), self.tr("Found"),
                         self.tr("Message")],
                        [(datetime.fromtimestamp(f.at, tz).strftime("%m-%d %H:%M"), f.sender,
                          f.rule, f.matched, " ".join(f.text.split())[:120])
                         for f in report.flags])
        if report.unmatched:
            self._table(self.tr("Senders who match no member ({n})").format(
                n=report.unmatched_senders), [self.tr("Name"), self.tr("ID"), self.tr("Messages")],
                [(s.name, s.sender_id, str(s.messages)) for s in report.unmatched[:SHOWN_SENDERS]])
        if report.errors:
            self._table(self.tr("Messages that cannot be read ({n})").format(
                n=report.bad_messages), [self.tr("Where"), self.tr("Problem")],
                [(localized(e.where), localized(e.reason)) for e in report.errors])
        self.lists.setVisible(self.lists.count() > 0)

    def _table(self, title: str, headers: list[str], rows: list[tuple]) -> None:
        table = QTableWidget(len(rows), len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().hide()
        table.horizontalHeader().setStretchLastSection(True)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for r, cells in enumerate(rows):
            for c, value in enumerate(cells):
                table.setItem(r, c, QTableWidgetItem(value))
        table.resizeColumnsToContents()
        self.lists.addTab(table, title)


class ChatImportWizard(QWizard):
    """File → check and import."""

    def __init__(self, runner: OperationRunner, gate: RoleGate, parent=None):
        super().__init__(parent)
        self.runner, self.gate = runner, gate
        self.path: Path | None = None
        self.description: tuple | None = None
        self.groups: list[str] | None = None
        self.setWindowTitle(self.tr("Import a chat export"))
        self.resize(760, 600)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, False)
        self.choose_page, self.run_page = ChoosePage(self), RunPage(self)
        self.addPage(self.choose_page)
        self.addPage(self.run_page)
        runner.progressed.connect(self.run_page.on_progress)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def reject(self) -> None:
        self.run_page.cancel()
        super().reject()
