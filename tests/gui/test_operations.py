from modconsole.gui.operations import OperationRunner
from modconsole.services.errors import UserError
from modconsole.services.startup import open_console_database


def test_results_come_back_and_changes_are_announced(qtbot, db_path):
    runner = OperationRunner()
    with qtbot.waitSignal(runner.opened, timeout=10_000):
        runner.open(db_path, open_console_database)
    results = []
    with qtbot.waitSignal(runner.changed) as changed:
        runner.run(lambda s: s.connection().exec_driver_sql("SELECT 41 + 1").scalar(),
                   label="Sum", on_done=results.append, changes={"members"})
    assert results == [42]
    assert changed.args == [frozenset({"members"})]
    runner.shutdown()


def test_errors_become_sentences_not_tracebacks(qtbot, db_path):
    runner = OperationRunner()
    runner.open(db_path, open_console_database)

    def rejected(_session):
        raise UserError("Row 3: the platform id is empty.")

    def broken(_session):
        raise KeyError("oops")

    with qtbot.waitSignal(runner.error) as first:
        runner.run(rejected, label="Import")
    assert first.args == ["Row 3: the platform id is empty."]
    with qtbot.waitSignal(runner.error) as second:
        runner.run(broken, label="Import")
    assert second.args[0].startswith("Import failed: KeyError")
    assert "Traceback" not in second.args[0]
    runner.shutdown()
