"""Applying fixes to a document's text: non-overlapping edits, in order, all or nothing per fix."""

from __future__ import annotations

from itertools import pairwise
from typing import Iterable

from .model import Applicability, Finding


def apply_fixes(text: str, findings: Iterable[Finding], unsafe: bool = False) -> tuple[str, int]:
    """(new text, number of fixes applied). A fix overlapping one already taken waits for the next pass."""
    fixes = [
        f.fix
        for f in findings
        if f.fix and (unsafe or f.fix.applicability is Applicability.SAFE)
    ]
    fixes.sort(key=lambda fix: min(e.start_offset for e in fix.edits))
    taken: list[tuple[int, int, str]] = []
    applied = 0
    last_end = -1
    for fix in fixes:
        edits = sorted((e.start_offset, e.end_offset, e.content) for e in fix.edits)
        if edits[0][0] < last_end or any(a[1] > b[0] for a, b in pairwise(edits)):
            continue
        taken.extend(edits)
        last_end = edits[-1][1]
        applied += 1
    pieces, cursor = [], 0
    for start, end, content in taken:
        pieces.append(text[cursor:start])
        pieces.append(content)
        cursor = end
    pieces.append(text[cursor:])
    return "".join(pieces), applied
