"""Human formats: `full` (a window of the line, the span marked) and `concise` (one line a finding)."""

from __future__ import annotations

import os
import unicodedata
from typing import TextIO

from ..model import Applicability, Finding, Severity
from . import Format

_COLORS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}
# Characters that would reorder, hide or garble the quoted line in a terminal wherever they
# stand: controls (an escape sequence), bidirectional controls, line separators, unpaired
# surrogates. Other format characters (ZWNJ, ZWJ) are part of correct Persian, Hindi, emoji
# text and are shown as written, except inside the reported span, where they are the finding.
# Embeddings, overrides and isolates reorder the rest of the line; the marks LRM, RLM and ALM
# only steer their neighbours, and correct right-to-left text uses them: shown as written.
_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_UNSAFE_ANYWHERE = {"Cc", "Cs", "Zl", "Zp"}
_INVISIBLE = {"Cf", "Cc", "Co", "Cs", "Zl", "Zp"}
# Context quoted on each side of the span, in terminal columns, when no terminal says otherwise.
CONTEXT = 40
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _paint(text: str, code: str, enabled: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if enabled else text


def _width(char: str) -> int:
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def _text_width(text: str) -> int:
    return sum(_width(c) for c in text)


def _code(char: str) -> str:
    return f"<U+{ord(char):04X}>"


def _as_written(text: str) -> str:
    """Text outside the span: as written, but nothing that could reorder or garble the terminal line."""
    out = []
    for c in text:
        if c == "\t":
            out.append(" ")  # one column, so the carets stay under the span
        elif c in _BIDI or unicodedata.category(c) in _UNSAFE_ANYWHERE:
            out.append(_code(c))
        else:
            out.append(c)
    return "".join(out)


def _marked(text: str) -> str:
    """The span: every invisible character shown as its code point, since it may be the finding."""
    return "".join(_code(c) if unicodedata.category(c) in _INVISIBLE else c for c in text)


def escape_path(path: str) -> str:
    """A file name with its control characters escaped: a name holding a newline and
    "x:1:2: E999" must not read as a finding of its own."""
    if path.isprintable():
        return path
    out = []
    for c in path:
        if c in _ESCAPES:
            out.append(_ESCAPES[c])
        elif c.isprintable() or c == " ":
            out.append(c)
        else:
            out.append(f"\\u{ord(c):04x}" if ord(c) > 0xFF else f"\\x{ord(c):02x}")
    return "".join(out)


def fix_mark(finding: Finding) -> str:
    """`[*]`: plain `--fix` applies the fix; `[~]`: only `--unsafe-fixes` does; "" without a fix."""
    if finding.fix is None:
        return ""
    return "[*]" if finding.fix.applicability is Applicability.SAFE else "[~]"


def _headline(finding: Finding, color: bool) -> str:
    place = f"{escape_path(finding.path)}:{finding.start.line}:{finding.start.column}:"
    level = _paint(str(finding.severity), _COLORS[finding.severity], color)
    mark = fix_mark(finding)
    fixable = f" {mark}" if mark else ""
    return f"{_paint(place, '1', color)} {_paint(finding.code, '1', color)} [{level}]{fixable} {finding.message}"


def _count(number: int, one: str, many: str | None = None) -> str:
    return f"{number:,} {one if number == 1 else many or one + 's'}"


def summary(report) -> str:
    """"Found 20 findings in 2 files (3 checked)." and what `--fix` / `--unsafe-fixes` would repair."""
    # A file the file rules reported as unreadable (F001-F005) was looked at too.
    checked = report.files_checked + report.input_errors
    if not report.findings:
        return f"All checks passed ({_count(checked, 'file')} checked)."
    files = len({f.path for f in report.findings})
    text = f"Found {_count(len(report.findings), 'finding')} in {_count(files, 'file')}"
    text += f" ({checked:,} checked)." if checked != files else "."
    safe = sum(1 for f in report.findings if f.fix and f.fix.applicability is Applicability.SAFE)
    unsafe = sum(1 for f in report.findings if f.fix and f.fix.applicability is Applicability.UNSAFE)
    if safe:
        text += f"\n[*] {safe:,} fixable with --fix."
    if unsafe:
        hidden = f"{_count(unsafe, 'hidden fix', 'hidden fixes')} can be enabled with --unsafe-fixes"
        text += f"\n[~] {hidden}." if safe else f"\n[~] No fix is safe to apply on its own; {hidden}."
    return text


class ConciseFormat(Format):
    name = "concise"
    description = "one line per finding: path:line:col: CODE [severity] message"

    def write(self, report, stream: TextIO) -> None:
        lines = [_headline(finding, self.color) + "\n" for finding in report.findings]
        stream.write("".join([*lines, summary(report) + "\n"]))


def _terminal_columns(stream: TextIO) -> int | None:
    """The width to fit quoted lines to: `COLUMNS`, else the terminal's, else None (a file or a pipe)."""
    if os.environ.get("COLUMNS", "").isdigit():
        return int(os.environ["COLUMNS"])
    isatty = getattr(stream, "isatty", None)
    if isatty is not None and isatty():
        import shutil

        return shutil.get_terminal_size().columns
    return None


def _take(text: str, columns: int, from_end: bool) -> tuple[str, bool]:
    """The end (or start) of `text` that fits `columns`; True when something was cut."""
    width, index = 0, len(text) if from_end else 0
    chars = reversed(text) if from_end else iter(text)
    for char in chars:
        width += _width(char)
        if width > columns:
            break
        index += -1 if from_end else 1
    else:
        return text, False
    return (text[index:], True) if from_end else (text[:index], True)


def _from_word(text: str, slack: int = 12) -> str:
    """`text` cut at its start: from the first whole word, when one starts near the cut."""
    space = text.find(" ", 0, slack)
    return text[space + 1 :] if space >= 0 else text


def _to_word(text: str, slack: int = 12) -> str:
    """`text` cut at its end: up to the last whole word, when one ends near the cut."""
    space = text.rfind(" ", max(0, len(text) - slack))
    return text[:space] if space > 0 else text


class FullFormat(Format):
    name = "full"
    description = "each finding with a window of its line, the span marked, and its fix (default)"

    def write(self, report, stream: TextIO) -> None:
        columns = _terminal_columns(stream)
        parts = [f"{_headline(finding, self.color)}\n{self._excerpt(finding, columns)}\n" for finding in report.findings]
        stream.write("".join([*parts, summary(report) + "\n"]))

    def _excerpt(self, finding: Finding, columns: int | None) -> str:
        line = finding.source_line
        if finding.start == finding.end and not line:
            return ""  # a finding about a whole file
        number = str(finding.start.line)
        gutter = " " * len(number)
        before = line[: finding.start.column - 1]
        if finding.end.line == finding.start.line:
            span = line[finding.start.column - 1 : finding.end.column - 1]
        else:
            span = line[finding.start.column - 1 :]
        after = line[len(before) + len(span) :]
        # Room for the text: the terminal's width less the gutter, or 40 columns of context each side.
        room = columns - len(gutter) - 3 if columns else None
        context = CONTEXT
        # A long span (a whole caption, a file-wide finding) is cut, leaving room for some context.
        span_room = max(room - 24, 10) if room is not None else 2 * CONTEXT
        shown_span, cut = _take(_marked(span[: 4 * span_room]), span_room, from_end=False)
        shown_span += "…" if cut else ""
        if room is not None:
            context = max(8, (room - _text_width(shown_span)) // 2 - 1)
        # Only a few times the context is looked at: a 5 MB line quoted per finding stays linear.
        near = 4 * context + 8
        shown_before, cut = _take(_as_written(before[-near:]), context, from_end=True)
        shown_before = "…" + _from_word(shown_before) if cut else shown_before
        shown_after, cut = _take(_as_written(after[:near]), context, from_end=False)
        shown_after = _to_word(shown_after) + "…" if cut else shown_after
        pad = _text_width(shown_before)
        carets = max(1, _text_width(shown_span))
        mark = _paint("^" * carets, _COLORS[finding.severity], self.color)
        out = [f"{gutter} |", f"{number} | {shown_before}{shown_span}{shown_after}", f"{gutter} | {' ' * pad}{mark}"]
        if finding.fix:
            kind = "fix" if finding.fix.applicability is Applicability.SAFE else "unsafe fix (--unsafe-fixes)"
            out.append(f"{gutter} = {kind}: {finding.fix.message}")
        return "\n".join(out) + "\n"
