"""Errors of the database file itself; their message says what happened and what to do."""


class DatabaseError(Exception):
    """A database cannot be opened or used; the message says why and what to do."""


class DatabaseBusy(DatabaseError):
    """Another process kept the write lock past the limit; nothing was written."""


class Interrupted(Exception):
    """A read was stopped mid-statement because its caller no longer wants the answer."""


class DatabaseReadOnly(DatabaseError):
    """The file or its folder cannot be written; the console browses it read-only."""


READ_ONLY_MESSAGE = (
    "{path} is read-only (the file, its folder or its disk cannot be written), so nothing "
    "can be changed. You can browse, search and export. To make changes, copy it to a "
    "folder you can write to and open the copy, or fix the permissions.")
