"""Errors a person can act on. Their message is shown as is; nothing was written."""


class UserError(Exception):
    """Rejected input or an impossible request; the message names what and how to fix it."""


class Cancelled(Exception):
    """The person cancelled a long operation; its transaction is rolled back."""
