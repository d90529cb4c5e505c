"""Errors that end a run with exit status 2 and a message, never a traceback."""


class UsageError(Exception):
    """A mistake in how qa-lint was called or configured; the message says what and where."""


class Terminated(BaseException):
    """SIGTERM or SIGHUP reached qa-lint: unwind (workers killed, temporary files removed), exit 128+n.

    A BaseException, so that no `except Exception` guarding a rule can swallow it.
    """

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


class RuleGaveUp(Exception):
    """A rule stopped on one file for the reason its message gives (a pattern over its time budget).

    Reported like a crash of that rule on that file (its findings there are missing, exit 2), but
    with that message instead of a traceback: the cause is known and not a bug of qa-lint.
    """
