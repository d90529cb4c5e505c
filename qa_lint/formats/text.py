"""Human formats: `full` (the line, the span marked) and `concise` (one line a finding)."""

from __future__ import annotations

import unicodedata
from typing import TextIO

from ..model import Finding, Severity
from . import Format

_COLORS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}
# Bidirectional controls and other format characters would reorder or hide the
# quoted line in a terminal; show them as their code point instead.
_SHOWN_AS_CODE = {"Cf", "Cc", "Co", "Cs"}
# Lines longer than this are quoted as a window of `_WINDOW` code points on each side of the span.
_LONG_LINE, _WINDOW = 2000, 200


def _paint(text: str, code: str, enabled: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if enabled else text


def _width(char: str) -> int:
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def _visible(text: str) -> str:
    return "".join(
        f"<U+{ord(c):04X}>" if unicodedata.category(c) in _SHOWN_AS_CODE and c != "\t" else c for c in text
    )


def _headline(finding: Finding, color: bool) -> str:
    place = f"{finding.path}:{finding.start.line}:{finding.start.column}:"
    level = _paint(str(finding.severity), _COLORS[finding.severity], color)
    fixable = " [*]" if finding.fix else ""
    return f"{_paint(place, '1', color)} {_paint(finding.code, '1', color)} [{level}]{fixable} {finding.message}"


def _summary(report) -> str:
    files = f"{report.files_checked} file{'s' if report.files_checked != 1 else ''}"
    if not report.findings:
        return f"All checks passed ({files})."
    total = len(report.findings)
    fixable = sum(1 for f in report.findings if f.fix)
    text = f"Found {total} finding{'s' if total != 1 else ''} in {files}"
    if fixable:
        text += f" ({fixable} with a fix, marked [*])"
    return text + "."


class ConciseFormat(Format):
    name = "concise"
    description = "one line per finding: path:line:col: CODE [severity] message"

    def write(self, report, stream: TextIO) -> None:
        for finding in report.findings:
            stream.write(_headline(finding, self.color) + "\n")
        stream.write(_summary(report) + "\n")


class FullFormat(Format):
    name = "full"
    description = "each finding with its line quoted and the span marked (default)"

    def write(self, report, stream: TextIO) -> None:
        for finding in report.findings:
            stream.write(_headline(finding, self.color) + "\n")
            stream.write(self._excerpt(finding))
            stream.write("\n")
        stream.write(_summary(report) + "\n")

    def _excerpt(self, finding: Finding) -> str:
        line = finding.source_line
        if finding.start == finding.end and not line:
            return ""  # a finding about a whole file
        number = str(finding.start.line)
        gutter = " " * len(number)
        before = line[: finding.start.column - 1]
        if finding.end.line == finding.start.line:
            marked = line[finding.start.column - 1 : finding.end.column - 1]
        else:
            marked = line[finding.start.column - 1 :]
        after = line[len(before) + len(marked) :]
        if len(line) > _LONG_LINE:  # quote a window: a whole 5 MB line per finding is output quadratic in its length
            before = "…" + before[-_WINDOW:] if len(before) > _WINDOW else before
            marked = marked[:_WINDOW] + "…" if len(marked) > _WINDOW else marked
            after = after[:_WINDOW] + "…" if len(after) > _WINDOW else after
        pad = sum(_width(c) for c in _visible(before))
        carets = max(1, sum(_width(c) for c in _visible(marked)))
        mark = _paint("^" * carets, _COLORS[finding.severity], self.color)
        out = [f"{gutter} |", f"{number} | {_visible(before + marked + after)}", f"{gutter} | {' ' * pad}{mark}"]
        if finding.fix:
            out.append(f"{gutter} = fix: {finding.fix.message}")
        return "\n".join(out) + "\n"
