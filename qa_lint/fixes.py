"""Applying fixes to a document's text: non-overlapping edits, in order, all or nothing per fix."""

from __future__ import annotations

import bisect
from itertools import pairwise
from typing import Iterable

from .model import Applicability, Finding


def apply_fixes(text: str, findings: Iterable[Finding], unsafe: bool = False) -> tuple[str, int]:
    """(new text, number of fixes applied). A fix overlapping one already taken waits for the next pass.

    A fix may edit many places (every occurrence of a word form), so two fixes
    can interleave without touching: each edit is checked against the edits
    taken, not against the span from a fix's first edit to its last.
    """
    fixes = [
        f.fix
        for f in findings
        if f.fix and (unsafe or f.fix.applicability is Applicability.SAFE)
    ]
    fixes.sort(key=lambda fix: min(e.start_offset for e in fix.edits))
    taken = _TakenEdits()
    applied = 0
    for fix in fixes:
        edits = sorted((e.start_offset, e.end_offset, e.content) for e in fix.edits)
        if any(a[1] > b[0] for a, b in pairwise(edits)) or any(taken.overlaps(s, e) for s, e, _ in edits):
            continue
        taken.add(edits)
        applied += 1
    pieces, cursor = [], 0
    for start, end, content in taken.edits:
        pieces.append(text[cursor:start])
        pieces.append(content)
        cursor = end
    pieces.append(text[cursor:])
    return "".join(pieces), applied


class _TakenEdits:
    """Non-overlapping edits kept in order of their starts (and so of their ends)."""

    def __init__(self) -> None:
        self.edits: list[tuple[int, int, str]] = []
        self._starts: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        """Whether an edit of [start, end) would overlap one taken, or start where one starts (order unclear)."""
        # Taken edits have distinct starts and non-decreasing ends: only the last one starting at or
        # before `start` and the first one after it can be in the way.
        index = bisect.bisect_right(self._starts, start)
        if index and (self.edits[index - 1][0] == start or self.edits[index - 1][1] > start):
            return True
        return index < len(self.edits) and self.edits[index][0] < end

    def add(self, edits: list[tuple[int, int, str]]) -> None:
        if not self.edits or edits[0][0] >= self.edits[-1][1]:
            self.edits.extend(edits)  # the usual case, in order after everything taken: no search
            self._starts.extend(start for start, _, _ in edits)
            return
        for edit in edits:
            index = bisect.bisect_right(self._starts, edit[0])
            self.edits.insert(index, edit)
            self._starts.insert(index, edit[0])
