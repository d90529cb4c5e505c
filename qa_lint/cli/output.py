"""Where output goes: standard output or a file written whole, and write errors as one line, not a traceback."""

from __future__ import annotations

import errno
import io
import os
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Optional

from ..errors import UsageError
from .app import EXIT_ERROR

# What writing to standard output fails with (a broken pipe, the CLI already ends quietly).
WRITE_ERRORS = frozenset(getattr(errno, name) for name in ("ENOSPC", "EDQUOT", "EFBIG", "EIO") if hasattr(errno, name))


def flush_stdout() -> None:
    """What `rules` and `explain` printed, flushed now: a full disk is one line and exit 2, not a traceback."""
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        discard_stdout()
    except OSError as error:
        discard_stdout()
        sys.stderr.write(f"qa-lint: error: cannot write to standard output: {error.strerror or error}\n")
        sys.exit(EXIT_ERROR)


@contextmanager
def output(path: Optional[Path]) -> Iterator[io.TextIOBase]:
    """Where a report goes: standard output, or a file written whole or not at all (a full disk leaves no half report)."""
    from ..files import atomic_output

    if path is None:
        try:
            yield sys.stdout
            sys.stdout.flush()  # a write error shows now, not as a traceback at exit
        except BrokenPipeError:
            raise  # `qa-lint ... | head`: the reader has all it wanted; the CLI ends quietly
        except OSError as error:
            if error.errno not in WRITE_ERRORS:
                raise
            discard_stdout()
            raise UsageError(f"cannot write the report to standard output: {error.strerror or error}") from None
        return
    try:
        with atomic_output(path) as binary:
            stream = io.TextIOWrapper(binary, encoding="utf-8", errors="backslashreplace", newline="\n")
            yield stream
            stream.flush()
            stream.detach()
    except OSError as error:
        raise UsageError(f"cannot write the report to {path}: {error.strerror or error}") from None


def discard_stdout() -> None:
    """Point standard output at /dev/null: what is still buffered cannot fail again at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, io.UnsupportedOperation):
        pass


def shown(path: str) -> str:
    from ..formats.text import escape_path

    return escape_path(path)
