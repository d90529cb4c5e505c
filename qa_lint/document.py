"""A decoded article: its text, language, and the offset <-> line/column mapping."""

from __future__ import annotations

import bisect
import regex
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from .model import Position

# Line terminators qa-lint recognises; \r\n is one terminator, not two.
_LINE_BREAK = regex.compile(r"\r\n|\n|\r")


@dataclass(frozen=True, slots=True)
class Line:
    number: int  # 1-based
    start: int  # offset of the first character
    text: str  # without its terminator
    terminator: str  # "\n", "\r\n", "\r" or "" on the last line

    @property
    def end(self) -> int:
        """Offset just past the text (before the terminator)."""
        return self.start + len(self.text)

    @property
    def next_start(self) -> int:
        """Offset of the next line (after the terminator)."""
        return self.end + len(self.terminator)

    @property
    def is_blank(self) -> bool:
        return not self.text.strip()


@dataclass(slots=True)
class Document:
    """One file's text as rules see it. The BOM is not part of `text`."""

    path: str  # as shown to the user: relative where possible, "/" separators
    file: Path  # where it lives on disk
    text: str
    lang: str | None
    encoding: str = "utf-8"
    bom: bool = False
    # Rule code -> the `[rule-options.CODE]` table of the config that applies here.
    options: dict[str, dict] = field(default_factory=dict)
    # What rules derive from the text and share (names found, the script): see `memo`.
    _memo: dict = field(default_factory=dict, repr=False)
    _lines: list[Line] | None = field(default=None, repr=False)
    _starts: list[int] | None = field(default=None, repr=False)

    @property
    def lines(self) -> list[Line]:
        if self._lines is None:
            lines: list[Line] = []
            start = 0
            number = 1
            if "\r" in self.text:
                for match in _LINE_BREAK.finditer(self.text):
                    lines.append(Line(number, start, self.text[start : match.start()], match.group()))
                    start = match.end()
                    number += 1
            else:  # "\n" only, as most files: str.split finds the same lines faster
                *ended, last = self.text.split("\n")
                for number, text in enumerate(ended, start=1):
                    lines.append(Line(number, start, text, "\n"))
                    start += len(text) + 1
                number = len(ended) + 1
            if start < len(self.text) or not lines:
                lines.append(Line(number, start, self.text[start:], ""))
            self._lines = lines
            self._starts = [line.start for line in lines]
        return self._lines

    def line_at(self, offset: int) -> Line:
        lines = self.lines
        assert self._starts is not None
        return lines[max(0, bisect.bisect_right(self._starts, offset) - 1)]

    def position(self, offset: int) -> Position:
        """1-based line and column (in code points) of a text offset."""
        line = self.line_at(offset)
        # An offset on a terminator or past it belongs to the next line's start.
        if offset > line.end and line.terminator:
            return Position(line.number + 1, max(1, 1 + offset - line.next_start))
        return Position(line.number, 1 + offset - line.start)

    def memo(self, key, compute):
        """`compute(self)`, computed once per document however many rules ask for it."""
        if key not in self._memo:
            self._memo[key] = compute(self)
        return self._memo[key]

    def iter_lines(self) -> Iterator[Line]:
        return iter(self.lines)

    @property
    def newline(self) -> str:
        """The file's dominant line terminator, for fixes that insert lines."""
        for line in self.lines:
            if line.terminator:
                return line.terminator
        return "\n"
