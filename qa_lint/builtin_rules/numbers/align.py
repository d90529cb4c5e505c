"""Which lines of one text correspond to a line of another translation of the article.

Articles are a headline and a sentence or paragraph per line, but translators
merge and split lines. With as many lines on both sides, line j answers line j
(give or take one). Otherwise figures both texts hold exactly once anchor the
correspondence, and between anchors the position is interpolated, with as
much slack as lines were added or dropped there.
"""

from __future__ import annotations

import bisect
from collections import Counter
from typing import Hashable, Sequence

MAX_SLACK = 6


def anchors(left: Sequence[Sequence[Hashable]], right: Sequence[Sequence[Hashable]]) -> list[tuple[int, int]]:
    """(i, j) pairs of lines sharing a key found once in each text, kept in order (longest chain)."""
    once_left = _once(left)
    once_right = _once(right)
    pairs = sorted((once_right[key], i) for key, i in once_left.items() if key in once_right)
    # Longest chain increasing in both: patience sorting on i, in j order.
    tails: list[int] = []
    tail_pair: list[int] = []
    parent: list[int] = [-1] * len(pairs)
    for index, (j, i) in enumerate(pairs):
        slot = bisect.bisect_left(tails, i)
        if slot < len(tails) and tails[slot] == i:
            continue
        if slot == len(tails):
            tails.append(i)
            tail_pair.append(index)
        else:
            tails[slot], tail_pair[slot] = i, index
        parent[index] = tail_pair[slot - 1] if slot else -1
    chain: list[tuple[int, int]] = []
    index = tail_pair[-1] if tail_pair else -1
    while index >= 0:
        j, i = pairs[index]
        chain.append((i, j))
        index = parent[index]
    chain.reverse()
    # Strictly increasing on both sides.
    result: list[tuple[int, int]] = []
    for i, j in chain:
        if not result or (i > result[-1][0] and j > result[-1][1]):
            result.append((i, j))
    return result


def _once(lines: Sequence[Sequence[Hashable]]) -> dict[Hashable, int]:
    counts: Counter = Counter()
    where: dict[Hashable, int] = {}
    for index, keys in enumerate(lines):
        for key in set(keys):
            counts[key] += 1
            where[key] = index
    return {key: where[key] for key, count in counts.items() if count == 1}


def windows(left: Sequence[Sequence[Hashable]], right: Sequence[Sequence[Hashable]]) -> list[range]:
    """For each line j of `right`, the lines of `left` that may hold what it says."""
    n, m = len(left), len(right)
    if n == 0:
        return [range(0) for _ in range(m)]
    if n == m:
        return [range(max(0, j - 1), min(n, j + 2)) for j in range(m)]
    points = [(-1, -1), *anchors(left, right), (n, m)]
    rights = [p[1] for p in points]
    result = []
    for j in range(m):
        k = bisect.bisect_right(rights, j) - 1
        (i0, j0), (i1, j1) = points[k], points[min(k + 1, len(points) - 1)]
        if j0 == j:
            result.append(range(max(0, i0 - 1), min(n, i0 + 2)))
            continue
        estimate = i0 + (j - j0) * (i1 - i0) / max(1, j1 - j0)
        # As much slack as lines were added or dropped between the anchors, within reason:
        # a window is read for every figure of the line.
        slack = min(MAX_SLACK, 1 + abs((i1 - i0) - (j1 - j0)))
        lo = max(0, i0, int(estimate - slack))
        hi = min(n - 1, i1, int(estimate + slack + 1))
        result.append(range(lo, hi + 1) if lo <= hi else range(max(0, min(lo, n - 1)), max(0, min(lo, n - 1)) + 1))
    return result
