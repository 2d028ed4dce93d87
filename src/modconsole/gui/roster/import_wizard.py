"""Import members: choose a file, check the column mapping on a preview, check, import.

The import runs on the worker in one transaction with a progress bar;
Cancel rolls all of it back. Bad rows are listed with row, column and reason.
"""

from __future__ import annotations

from itertools import islice
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from modconsole.gui.file_page import FilePage as ChooseFilePage
from modconsole.gui.i18n import localized
from modconsole.gui.import_run_page import ImportRunPage
from modconsole.gui.operations import OperationRunner
from modconsole.services.errors import UserError
from modconsole.services.member_fields import field_label
from modconsole.services.member_import import (
    FIELDS,
    Checked,
    ImportOptions,
    ImportReport,
    check_mapping,
    check_members,
    guess_mapping,
    write_members,
)
from modconsole.services.table_files import Table, open_table

PREVIEW_ROWS = 8
ENCODINGS = (None, "utf-8", "gb18030")


class FilePage(ChooseFilePage):
    def __init__(self, wizard: ImportWizard):
        super().__init__(wizard.runner)
        self._wizard = wizard
        self.path.setPlaceholderText(self.tr("File to import"))
        self.dialog = (self.tr("Import members"), self.tr("Spreadsheets (*.csv *.xlsx)"))
        self.setTitle(self.tr("Choose a file"))
        self.setSubTitle(self.tr("A .csv or .xlsx file whose first row names the columns. "
                                 "platform_id (微信号) and name (姓名) are required."))
        self.encoding = QComboBox()
        for value, text in zip(ENCODINGS, (self.tr("Detect (UTF-8, else GBK/GB18030)"),
                                           "UTF-8", "GBK / GB18030"), strict=True):
            self.encoding.addItem(text, value)
        self.options.addWidget(QLabel(self.tr("Text encoding (CSV only)")))
        self.options.addWidget(self.encoding)

    def choice(self) -> tuple:
        return (Path(self.path.text().strip()), self.encoding.currentData())

    def job(self, choice: tuple):
        """Reads the header (telling a CSV's encoding can mean decoding all of it: ~100 MB
        for a million rows)."""
        return lambda _session: open_table(*choice)

    def opened(self, choice: tuple, table: Table) -> None:
        self._wizard.table = table


class MappingPage(QWizardPage):
    def __init__(self, wizard: ImportWizard):
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("Match the columns"))
        self.setSubTitle(self.tr("Each column's field was guessed from its name; change any "
                                 "that are wrong. Tags and groups may be separated by ; , "
                                 "；or ，"))
        layout = QVBoxLayout(self)
        self.preview = QTableWidget()
        self.preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout.addWidget(self.preview)
        self.unused = QLabel()
        self.unused.setObjectName("hint")
        self.unused.setWordWrap(True)
        layout.addWidget(self.unused)
        self.error = QLabel()
        self.error.setObjectName("warning")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        self.combos: list[QComboBox] = []

    def initializePage(self) -> None:
        table: Table = self._wizard.table
        guessed = guess_mapping(table.header)
        rows = list(islice((r for r in table.rows() if r), PREVIEW_ROWS))
        self.preview.clear()
        self.preview.setColumnCount(len(table.header))
        self.preview.setRowCount(len(rows) + 1)
        self.preview.setHorizontalHeaderLabels(table.header)
        self.combos = []
        for column in range(len(table.header)):
            combo = QComboBox()
            combo.addItem(self.tr("(ignore)"), None)
            for field in FIELDS:
                combo.addItem(field_label(field, QCoreApplication.translate), field)
            combo.setCurrentIndex(max(0, combo.findData(guessed.get(column))))
            combo.currentIndexChanged.connect(self._check)
            self.preview.setCellWidget(0, column, combo)
            self.combos.append(combo)
            for r, cells in enumerate(rows, start=1):
                self.preview.setItem(r, column, QTableWidgetItem(
                    cells[column] if column < len(cells) else ""))
        self.preview.resizeColumnsToContents()
        self._check()

    def mapping(self) -> dict[int, str]:
        return {i: c.currentData() for i, c in enumerate(self.combos) if c.currentData()}

    def _check(self, *_args) -> bool:
        header = self._wizard.table.header
        unused = [name for i, name in enumerate(header)
                  if i not in self.mapping() and name.strip()]
        self.unused.setText(self.tr("Not imported: {columns}. Choose a field above to bring "
                                    "a column in.").format(columns=", ".join(unused))
                            if unused else "")
        fields = [f for f in self.mapping().values()]
        doubled = {f for f in fields if fields.count(f) > 1}
        try:
            if doubled:
                raise UserError(self.tr("Two columns are mapped to {field}.").format(
                    field=", ".join(field_label(f, QCoreApplication.translate)
                                    for f in sorted(doubled))))
            check_mapping(self._wizard.table.header, self.mapping())
        except UserError as exc:
            self.error.setText(localized(exc))
            return False
        self.error.clear()
        return True

    def validatePage(self) -> bool:
        if not self._check():
            return False
        self._wizard.mapping = self.mapping()
        return True


class RunPage(ImportRunPage):
    def __init__(self, wizard: ImportWizard):
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("Check and import"))
        self.setSubTitle(self.tr("Check first to see every problem without writing anything. "
                                 "By default a file with any bad row is not imported."))
        layout = QVBoxLayout(self)
        self.skip = QCheckBox(self.tr("Import the good rows and save the bad ones to a file"))
        self.errors_path = QLineEdit()
        self.errors_path.setEnabled(False)
        self.skip.toggled.connect(self.errors_path.setEnabled)
        layout.addWidget(self.skip)
        layout.addWidget(self.errors_path)
        self.new_groups = QCheckBox(self.tr("Create the groups the file names that do not "
                                            "exist yet"))
        self.new_groups.setChecked(True)
        layout.addWidget(self.new_groups)
        self.add_run_controls(layout)
        self.errors = QTableWidget(0, 3)
        self.errors.setHorizontalHeaderLabels([self.tr("Row"), self.tr("Column"),
                                               self.tr("Problem")])
        self.errors.horizontalHeader().setStretchLastSection(True)
        self.errors.verticalHeader().hide()
        self.errors.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout.addWidget(self.errors)

    def initializePage(self) -> None:
        source = self._wizard.table.path
        self.errors_path.setText(str(source.with_name(source.stem + "-errors.csv")))

    def start(self, dry_run: bool) -> None:
        wizard = self._wizard
        options = ImportOptions(
            wizard.mapping, dry_run=dry_run, skip_bad_rows=self.skip.isChecked(),
            errors_path=Path(self.errors_path.text()) if self.skip.isChecked() else None,
            new_groups=self.new_groups.isChecked(), translate=QCoreApplication.translate)
        table = wizard.table
        # The file is checked in a read, so other windows keep writing meanwhile;
        # only the write that follows holds the database's write lock.
        self.running(wizard.runner.run(
            lambda s, progress: check_members(s, table, options, progress),
            label=self.tr("Checking the file"), progress=True,
            on_done=lambda checked: self._write(checked, options),
            on_error=lambda _exc, message: self.failed(message)), self.tr("Checking…"))

    def _write(self, checked: Checked, options: ImportOptions) -> None:
        report = checked.report
        if options.dry_run or (report.errors and not options.skip_bad_rows):
            checked.close()
            self._finished(report)
            return

        def finished(result: ImportReport) -> None:
            checked.close()
            self._finished(result)

        def failed(_exc, message: str) -> None:
            checked.close()
            self.failed(message)

        self.running(self._wizard.runner.run(
            lambda s, progress: write_members(s, checked, options, progress),
            label=self.tr("Importing members"), progress=True,
            changes={"import", "members", "tags"}, on_done=finished, on_error=failed),
            self.tr("Importing…"))

    def _finished(self, report: ImportReport) -> None:
        self.ended(report.written)
        self.errors.setRowCount(len(report.errors))
        for row, error in enumerate(report.errors):
            for column, value in enumerate((str(error.row), error.column, localized(error.reason))):
                self.errors.setItem(row, column, QTableWidgetItem(value))
        if report.written:
            text = self.tr("Imported: {new} new members, {updated} updated.").format(
                new=report.created, updated=report.updated)
            if report.skipped:
                text += " " + self.tr("%n bad rows were skipped and saved to {path}.", "",
                                      report.skipped).format(path=report.errors_file)
        elif report.errors:
            text = self.tr("Nothing was imported: %n rows have problems (listed below). Fix "
                           "them in the file, or tick the box above to import the good rows.",
                           "", report.skipped)
        else:
            text = self.tr("All {rows} rows are fine: {new} would be new, {updated} updated. "
                           "Nothing was written yet.").format(
                rows=report.rows, new=report.created, updated=report.updated)
        if report.groups_created and (report.written or not report.errors):
            text += " " + self.tr("New groups: {names}.").format(
                names=self.tr(", ", "between names in a list").join(report.groups_created))
        self.result.setText(text)


class ImportWizard(QWizard):
    """File → mapping → check and import."""

    def __init__(self, runner: OperationRunner, parent=None):
        super().__init__(parent)
        self.runner = runner
        self.table: Table | None = None
        self.mapping: dict[int, str] = {}
        self.setWindowTitle(self.tr("Import members"))
        self.resize(760, 560)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, False)
        self.file_page, self.mapping_page, self.run_page = (FilePage(self), MappingPage(self),
                                                            RunPage(self))
        for page in (self.file_page, self.mapping_page, self.run_page):
            self.addPage(page)
        runner.progressed.connect(self.run_page.on_progress)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def reject(self) -> None:
        self.run_page.cancel()
        super().reject()
