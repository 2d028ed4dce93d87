"""Errors a person can act on. Their message is shown as is; nothing was written."""


class UserError(Exception):
    """Rejected input or an impossible request; the message names what and how to fix it."""


class FieldError(UserError):
    """Rejected input in one named field, so a form can point at it or an error file name it."""

    def __init__(self, field_name: str, message: str):
        super().__init__(message)
        self.field = field_name


class Cancelled(Exception):
    """The person cancelled a long operation; its transaction is rolled back."""


class RolledBack(Exception):
    """A service ends its transaction without writing (a dry run, a rejected file).

    Whoever opened the transaction catches it after the rollback and uses
    `result` as the service's return value.
    """

    def __init__(self, result):
        super().__init__("rolled back")
        self.result = result
