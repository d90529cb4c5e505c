"""One document's figures and links, line by line, and how its lines answer another translation's."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from decimal import Decimal

from ...document import Document, Line
from .align import windows
from .data import number_style
from .links import Link, line_links
from .values import Pool, Value, lenient_pool, line_values


@dataclass
class Figures:
    doc: Document
    lines: list[Line]  # the lines with text; indices below are into this list
    values: list[list[Value]]  # offsets relative to the line
    links: list[list[Link]]
    _pools: dict[int, Pool] = field(default_factory=dict)
    # (lines, centre) -> their pool: each figure of a line asks the same of every other translation.
    _window_pools: dict[tuple[range, int | None], Pool] = field(default_factory=dict)

    @property
    def has_values(self) -> bool:
        return any(self.values)

    @functools.cached_property
    def keys(self) -> list[tuple[Decimal, ...]]:
        """Each line's figures as they read in its language: what anchors two texts."""
        return [tuple(part for value in values for part in value.primary) for values in self.values]

    def pool(self, index: int) -> Pool:
        if index not in self._pools:
            style = number_style(self.doc.lang)
            self._pools[index] = lenient_pool(self.lines[index].text, style, self.values[index])
        return self._pools[index]

    def window_pool(self, lines: range, centre: int | None = None) -> Pool:
        """What lines `lines` can hold; with a `centre` (texts of as many lines), what that line
        holds: 20 feet is 6 m on its own line, not any figure near 610 on the next.

        Computed once per window and centre; callers only read the pool."""
        key = (lines, centre)
        found = self._window_pools.get(key)
        if found is None:
            found = self._window_pools[key] = self._window_pool(lines, centre)
        return found

    def _window_pool(self, lines: range, centre: int | None) -> Pool:
        pool = Pool()
        for index in lines:
            line = self.pool(index)
            if centre is None or index == centre:
                pool.update(line)
            else:
                # Line for line, a neighbour lends only the conversion of a figure the line
                # has too ("widespread 80s", then "80 degrees" = 27 °C).
                central = self.pool(centre).exact if 0 <= centre < len(self.lines) else set()
                pool.ranges += [r for r in line.ranges if r[2] in central]
        return pool

    def where(self, index: int) -> str:
        return f"{self.doc.path}:{self.lines[index].number}"


def _figures(doc: Document) -> Figures:
    style = number_style(doc.lang)
    lines = [line for line in doc.lines if not line.is_blank]
    links = [line_links(line.text) for line in lines]
    values = [
        line_values(line.text, style, [(link.start, link.end) for link in found])
        for line, found in zip(lines, links)
    ]
    return Figures(doc, lines, values, links)


def figures(doc: Document) -> Figures:
    return doc.memo("numbers.figures", _figures)


class Correspondence:
    """Line windows between the documents of one group, computed once per pair."""

    def __init__(self) -> None:
        self._windows: dict[tuple[int, int], list[range]] = {}
        self._back: dict[tuple[int, int], tuple[dict[int, int], dict[int, int]]] = {}
        # What the rules derive from the windows and ask again for each figure of a line.
        self.memo: dict[tuple, object] = {}

    def windows(self, reference: Figures, translation: Figures) -> list[range]:
        """For each line of `translation`, the lines of `reference` that may say the same."""
        key = (id(reference), id(translation))
        if key not in self._windows:
            self._windows[key] = windows(reference.keys, translation.keys)
        return self._windows[key]

    def back(self, reference: Figures, translation: Figures, lines: range) -> range:
        """The lines of `translation` that answer the lines `lines` of `reference`."""
        key = (id(reference), id(translation))
        if key not in self._back:
            # Reference line -> (first, last) translation line whose window holds it.
            first: dict[int, int] = {}
            last: dict[int, int] = {}
            for j, window in enumerate(self.windows(reference, translation)):
                for i in window:
                    first.setdefault(i, j)
                    last[i] = j
            self._back[key] = (first, last)
        first, last = self._back[key]
        found = [first[i] for i in lines if i in first] + [last[i] for i in lines if i in last]
        return range(min(found), max(found) + 1) if found else range(0)
