"""`--fix`, `--unsafe-fixes`, `--diff`: repairing files, pass after pass, and writing them safely.

The text is fixed in memory (`qa_lint.fixes.apply_fixes` takes the fixes that
do not overlap, in document order, so the result is deterministic) and linted
again until no fix applies; overlapping fixes wait for the next pass. Only then
is a file written: atomically (a temporary file in the same folder, then a
rename), in its encoding, with its byte-order mark, line endings and
permissions, and never over a file that changed on disk since it was read.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
import sys
from dataclasses import dataclass, field
from itertools import groupby
from pathlib import Path
from typing import TYPE_CHECKING

from .fixes import apply_fixes
from .model import Applicability, Finding, Report
from .reading import InputProblem, decode

if TYPE_CHECKING:
    from .run.linter import Linter

MAX_PASSES = 10
_LINE_END = re.compile(r"(?<=\n)|(?<=\r)(?!\n)")
_BOMS = {
    "utf-8": codecs.BOM_UTF8,
    "utf-16-le": codecs.BOM_UTF16_LE,
    "utf-16-be": codecs.BOM_UTF16_BE,
    "utf-32-le": codecs.BOM_UTF32_LE,
    "utf-32-be": codecs.BOM_UTF32_BE,
}


class FixError(Exception):
    """A file that was not written; the message says which and why."""


@dataclass
class Change:
    file: Path
    display: str
    original: bytes  # as read before any fix
    fixed: bytes
    encoding: str
    fixes: int = 0


@dataclass
class FixOutcome:
    report: Report  # what is left after fixing
    changes: dict[Path, Change] = field(default_factory=dict)
    converged: bool = True  # False: fixes kept changing the text after MAX_PASSES
    # Every linted file's bytes after fixing (unchanged files as read).
    final: dict[Path, bytes] = field(default_factory=dict)
    written: list[Change] = field(default_factory=list)  # filled by write_changes

    @property
    def fixes(self) -> int:
        return sum(change.fixes for change in self.changes.values())


def is_applicable(finding: Finding, unsafe: bool) -> bool:
    return finding.fix is not None and (unsafe or finding.fix.applicability is Applicability.SAFE)


def encode(text: str, encoding: str, bom: bool) -> bytes:
    data = codecs.encode(text, encoding, "strict")
    return (_BOMS.get(encoding, b"") if bom else b"") + data


def fix_in_memory(linter: Linter, paths: list[str], unsafe: bool = False) -> FixOutcome:
    """Lint `paths`, apply fixes and lint again until nothing changes. Nothing is written."""
    linter.sources.remember = True
    linter.keep_text = True
    originals: dict[Path, bytes] | None = None
    changes: dict[Path, Change] = {}
    for _ in range(MAX_PASSES):
        report = linter.lint_paths(paths)
        if originals is None:
            originals = dict(linter.sources.given)
        changed = False
        linted = {checked.path: checked for checked in report.documents}
        for path, findings in groupby(report.findings, key=lambda f: f.path):
            fixable = [f for f in findings if is_applicable(f, unsafe)]
            file = Path(os.path.normpath(linter.cwd / path))
            data = linter.sources.given.get(file)
            checked = linted.get(path)
            if not fixable or data is None or checked is None or checked.text is None:
                continue  # nothing to fix, or a file that could not be read or decoded
            text, encoding, bom = checked.text, checked.encoding, checked.bom
            new_text, applied = apply_fixes(text, fixable, unsafe)
            if not applied or new_text == text:
                continue
            try:
                new_data = encode(new_text, encoding, bom)
            except UnicodeEncodeError as error:
                raise FixError(f"{path}: a fix inserts text that {encoding} cannot hold ({error.reason}); nothing written") from None
            linter.sources.given[file] = new_data
            change = changes.setdefault(file, Change(file, path, originals.get(file, data), new_data, encoding))
            change.fixed = new_data
            change.fixes += applied
            changed = True
        if not changed:
            converged = True
            break
    else:
        report, converged = linter.lint_paths(paths), False
    # Files whose fixes cancelled out are not changes.
    changes = {f: c for f, c in changes.items() if c.fixed != c.original}
    return FixOutcome(report, changes, converged, dict(linter.sources.given))


def write_changes(outcome: FixOutcome) -> list[str]:
    """Write every changed file; returns the problems of files left untouched (`outcome.written`: the others).

    Paths that lead to one file (a file and a link to it) are written once.
    Temporary files a killed run left beside the linted files are removed first.
    """
    from .files import remove_stale_temporaries

    by_folder: dict[Path, set[str]] = {}
    for file in outcome.final:
        by_folder.setdefault(file.parent, set()).add(file.name)
    for folder, names in by_folder.items():
        remove_stale_temporaries(folder, names)
    written, problems = outcome.written, []
    first_of: dict[str, Change] = {}
    for change in outcome.changes.values():
        real = os.path.realpath(change.file)
        first = first_of.setdefault(real, change)
        if first is not change:
            if change.fixed != first.fixed:
                problems.append(f"{change.display}: the same file as {first.display}, fixed differently there; run again")
            continue
        try:
            atomic_replace(change.file, change.original, change.fixed)
            written.append(change)
        except FixError as error:
            problems.append(f"{change.display}: {error}")
    return problems


def atomic_replace(file: Path, expected: bytes, data: bytes) -> None:
    """Replace `file`'s content by `data` if it still holds `expected`, keeping its permissions."""
    import tempfile

    target = Path(os.path.realpath(file))  # write through a symbolic link, keep the link
    try:
        info = target.stat()
        if target.read_bytes() != expected:
            raise FixError("changed on disk since it was read; not overwritten (run again)")
        # Renaming over a file only needs its folder writable: honour the file's own read-only mark.
        if not info.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(target, os.W_OK):
            raise FixError("read-only file; not overwritten (make it writable to fix it)")
    except OSError as error:
        raise FixError(f"cannot read it back: {error.strerror or error}") from None
    try:
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".qa-lint")
    except OSError as error:
        raise FixError(f"cannot write in its folder: {error.strerror or error}") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, stat.S_IMODE(info.st_mode))
        if hasattr(os, "chown"):
            try:
                os.chown(temporary, info.st_uid, info.st_gid)
            except OSError:
                pass  # only the owner's group or root may keep another owner; the mode is kept
        if target.read_bytes() != expected:  # a last look: an editor may have saved meanwhile
            raise FixError("changed on disk while being fixed; not overwritten (run again)")
        os.replace(temporary, target)
    except BaseException as error:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        if isinstance(error, OSError):
            raise FixError(f"cannot write it: {error.strerror or error}") from None
        raise


def unified_diff(change: Change) -> str:
    """The change as a unified diff (`a/PATH`, `b/PATH`), in text."""
    import difflib

    before = _text(change.original, change.encoding)
    after = _text(change.fixed, change.encoding)
    lines = difflib.unified_diff(
        _lines(before), _lines(after),
        fromfile=f"a/{change.display}", tofile=f"b/{change.display}",
    )
    out = []
    for line in lines:
        if not line.endswith(("\n", "\r")):
            line += "\n\\ No newline at end of file\n"
        out.append(line)
    return "".join(out)


def _lines(text: str) -> list[str]:
    """Lines with their terminators, split where qa-lint splits them (not at U+2028 and the like)."""
    return [line for line in _LINE_END.split(text) if line]


def _text(data: bytes, encoding: str) -> str:
    try:
        return decode(data, encoding)[0]
    except InputProblem:  # a fix may leave a file empty
        return codecs.decode(data, encoding, "replace").lstrip("\ufeff")


# -- the `check` command's fixing options ------------------------------------


@dataclass(frozen=True)
class FixOptions:
    fix: bool = False
    unsafe: bool = False
    diff: bool = False
    stdin_filename: str | None = None

    @property
    def active(self) -> bool:
        return self.fix or self.diff

    @property
    def fixed_text_to_output(self) -> bool:
        """An editor piping a buffer through `--fix` gets the repaired text back; the report goes to stderr."""
        return self.fix and not self.diff and self.stdin_filename is not None


def lint_and_fix(linter: Linter, paths: list[str], options: FixOptions) -> tuple[Report, FixOutcome | None]:
    """(report, FixOutcome or None): lint `paths` (or standard input), fixing in memory when asked."""
    from .errors import UsageError

    if options.unsafe and not options.active:
        raise UsageError("--unsafe-fixes goes with --fix or --diff")
    if options.stdin_filename is not None:
        if paths:
            raise UsageError("--stdin-filename lints standard input: name no paths")
        paths = [options.stdin_filename]
        linter.sources.given[Path(os.path.normpath(linter.cwd / options.stdin_filename))] = sys.stdin.buffer.read()
    if not options.active:
        return linter.lint_paths(paths), None
    try:
        outcome = fix_in_memory(linter, paths, options.unsafe)
    except FixError as error:
        raise UsageError(str(error)) from None
    if not outcome.converged:
        sys.stderr.write(f"qa-lint: fixes still changed the text after {MAX_PASSES} passes; some may be left\n")
    return outcome.report, outcome


def finish(outcome: FixOutcome, options: FixOptions, report, stream, relint=None) -> int | None:
    """Write the fixes (files, a diff on `stream`, or the fixed standard input); an exit status ends the run.

    `relint(sources)`, given the bytes of every file as it now is on disk, lints
    again: when some files could not be written, the report must show what
    they still hold, not what their fixed text would have.
    """
    count = _count(outcome.fixes, len(outcome.changes))
    if options.diff:
        for change in outcome.changes.values():
            stream.write(unified_diff(change))
        sys.stderr.write(f"qa-lint: would apply {count}\n")
        return 1 if outcome.changes else 0
    if options.stdin_filename is not None:
        (data,) = outcome.final.values() or (b"",)
        stream.flush()
        buffer = getattr(stream, "buffer", None)
        if buffer is not None:
            buffer.write(data)  # the bytes as they are: encoding, BOM and line endings kept
            buffer.flush()
        else:
            stream.write(data.decode("utf-8", "surrogateescape"))
    else:
        problems = write_changes(outcome)
        written = outcome.written
        if problems and relint is not None:
            on_disk = dict(outcome.final)
            written_files = {os.path.realpath(change.file) for change in written}
            for change in outcome.changes.values():
                if os.path.realpath(change.file) not in written_files:
                    on_disk[change.file] = change.original
            fresh = relint(on_disk)
            report.findings, report.files_checked = fresh.findings, fresh.files_checked
            report.input_errors, report.internal_errors, report.fail_on = (
                fresh.input_errors, fresh.internal_errors, fresh.fail_on,
            )
        for problem in problems:
            sys.stderr.write(f"qa-lint: not fixed: {problem}\n")
        report.input_errors += len(problems)
        count = _count(sum(change.fixes for change in written), len(written))
        if problems:
            count += f"; {len(problems)} file{'s' if len(problems) != 1 else ''} NOT written (above)"
    left = len(report.findings)
    sys.stderr.write(f"qa-lint: applied {count}; {left} finding{'s' if left != 1 else ''} left\n")
    return None


def _count(fixes: int, files: int) -> str:
    return f"{fixes} fix{'es' if fixes != 1 else ''} in {files} file{'s' if files != 1 else ''}"
