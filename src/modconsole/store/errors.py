"""Errors of the database file itself; their message says what happened and what to do."""


class DatabaseError(Exception):
    """A database cannot be opened or used; the message says why and what to do."""


class DatabaseBusy(DatabaseError):
    """Another process kept the write lock past the limit; nothing was written."""
