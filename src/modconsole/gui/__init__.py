"""Everything Qt: the main window, pages, models, dialogs and the operation runner."""
