"""Turning a file's bytes into text, or into a precise problem (a kind and a message) when that cannot be done.

Nothing here guesses silently: a file that is not valid in the configured
encoding is reported with the line, column and byte that broke it.
"""

from __future__ import annotations

import codecs
import enum
import stat
from pathlib import Path

# Byte-order marks, longest first (a UTF-32 LE BOM starts like a UTF-16 LE one).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Like git, call a file binary when its first 8 KiB hold a NUL byte.
_BINARY_SNIFF = 8192


class ProblemKind(str, enum.Enum):
    """A problem the core finds with a file rather than in its text (why it cannot be linted, a suppression
    comment that suppresses nothing); the rule whose `reports_problem` names the kind reports it."""

    UNREADABLE = "unreadable"
    UNDECODABLE = "undecodable"
    BINARY = "binary"
    EMPTY = "empty"
    TOO_LARGE = "too-large"
    UNUSED_SUPPRESSION = "unused-suppression"  # found by `qa_lint.suppression`, not by the reader


class InputProblem(Exception):
    """A file that cannot be linted: what kind of problem, and a message that says precisely what."""

    def __init__(self, kind: ProblemKind, message: str, line: int = 1, column: int = 1) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message
        self.line, self.column = line, column  # where in the file, when known

    def __reduce__(self):
        # Workers hand problems back and forth: rebuild from every argument, not from `args` alone.
        return type(self), (self.kind, self.message, self.line, self.column)


def too_large(size: int, max_bytes: int) -> InputProblem:
    return InputProblem(
        ProblemKind.TOO_LARGE, f"file is {size:,} bytes, over the limit of {max_bytes:,} (setting `max-file-size`); not linted"
    )


def read_bytes(file: Path, max_bytes: int) -> bytes:
    try:
        info = file.stat()
    except OSError as error:
        raise InputProblem(ProblemKind.UNREADABLE, f"cannot read the file: {error.strerror or error}") from None
    if not stat.S_ISREG(info.st_mode):
        raise InputProblem(ProblemKind.UNREADABLE, "not a regular file (a folder, FIFO, socket or device)")
    if info.st_size > max_bytes:
        raise too_large(info.st_size, max_bytes)
    try:
        with open(file, "rb") as handle:
            # Read the size stat gave (and on, up to the limit, if the file grew since): asking for
            # `max_bytes` at once allocated 10 MB and shrank it to one mapped page per file, and
            # 65,000 files kept in memory ran into the system's limit of memory mappings.
            data = handle.read(info.st_size + 1)
            if len(data) > info.st_size:
                data += handle.read(max_bytes + 1 - len(data))
            return data
    except OSError as error:
        raise InputProblem(ProblemKind.UNREADABLE, f"cannot read the file: {error.strerror or error}") from None


def decode(data: bytes, encoding: str = "utf-8") -> tuple[str, str, bool]:
    """(text, encoding, had_bom). Raises InputProblem for binary, undecodable or empty input."""
    bom = next(((mark, name) for mark, name in _BOMS if data.startswith(mark)), None)
    if bom:
        encoding, data = bom[1], data[len(bom[0]) :]
    elif b"\x00" in data[:_BINARY_SNIFF]:
        raise InputProblem(ProblemKind.BINARY, "binary file (it contains NUL bytes); not linted")
    try:
        text = codecs.decode(data, encoding, errors="strict")
    except UnicodeDecodeError as error:
        raise _decode_problem(data, encoding, error) from None
    except LookupError:
        raise InputProblem(ProblemKind.UNDECODABLE, f"unknown encoding {encoding!r} (setting `encoding`)") from None
    except (UnicodeError, ValueError, TypeError) as error:  # a codec that fails in its own way
        message = f"cannot decode the file as {encoding} (setting `encoding`): {error}"
        raise InputProblem(ProblemKind.UNDECODABLE, message) from None
    if not text.strip():
        what = "empty" if not text else "blank (only whitespace)"
        raise InputProblem(ProblemKind.EMPTY, f"file is {what}: an article was expected")
    return text, encoding, bom is not None


def _decode_problem(data: bytes, encoding: str, error: UnicodeDecodeError) -> InputProblem:
    head = data[: error.start]
    line = head.count(b"\n") + 1
    line_start = head.rfind(b"\n") + 1
    column = len(codecs.decode(data[line_start : error.start], encoding, errors="replace")) + 1
    bad = data[error.start : error.end]
    message = (
        f"not valid {encoding.upper()}: byte{'s' if len(bad) != 1 else ''} {bad.hex(' ')} at line {line}, column {column} "
        f"(byte offset {error.start}); re-save the file as UTF-8 or set `encoding`"
    )
    return InputProblem(ProblemKind.UNDECODABLE, message, line, column)

