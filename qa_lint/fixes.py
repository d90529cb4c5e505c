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
    """Edits taken so far, in order of (start, end); no two overlap, so their ends grow with their starts.

    Two edits overlap when each starts before the other ends; an insertion (an
    empty edit) overlaps only an edit it falls strictly inside. An insertion
    may stand where a replacement starts or ends, and several insertions at one
    place keep the order of their fixes.
    """

    def __init__(self) -> None:
        self.edits: list[tuple[int, int, str]] = []
        self._keys: list[tuple[int, int]] = []

    def overlaps(self, start: int, end: int) -> bool:
        # Only the edits starting before `end` can overlap; the last of them ends furthest.
        before = bisect.bisect_left(self._keys, (end, -1))
        return before > 0 and self.edits[before - 1][1] > start

    def add(self, edits: list[tuple[int, int, str]]) -> None:
        if not self._keys or (edits[0][0], edits[0][1]) >= self._keys[-1]:
            self.edits.extend(edits)  # the usual case, in order after everything taken: no search
            self._keys.extend((start, end) for start, end, _ in edits)
            return
        for start, end, content in edits:
            index = bisect.bisect_right(self._keys, (start, end))
            self.edits.insert(index, (start, end, content))
            self._keys.insert(index, (start, end))
