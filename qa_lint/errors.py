"""Errors that end a run with exit status 2 and a message, never a traceback."""


class UsageError(Exception):
    """A mistake in how qa-lint was called or configured; the message says what and where."""
