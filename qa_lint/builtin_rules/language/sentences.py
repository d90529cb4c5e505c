"""Sentences inside a line: where they break, and whether a run of words fills one."""

from __future__ import annotations

import bisect

import regex

from .words import Word

LINE, SENTENCE, RUN = "line", "sentence", "run"
SENTENCE_END = ".!?…。！？؟।॥។៕۔።။"
# A sentence mark, closing quotes or brackets, then a space; full-width marks need no space.
_BREAK = regex.compile(r"[.!?…؟।॥។៕۔።။]+[\"'”’»)\]]*\s+|[。！？]+[\"'”’」』）)]*\s*")
# A dot that ends an initial ("J."), letters with dots ("U.S."), or a title before a name does not end a sentence.
_ABBREVIATION = regex.compile(
    r"(?:^|[\s(])(?:\p{Lu}|(?:\p{L}\.)+\p{L}|Mr|Mrs|Ms|Dr|Prof|St|Jr|Sr|Mt|Lt|Col|Gen|Gov|Sen|Rep|Sgt|Capt|"
    r"Inc|Ltd|Co|Corp|No|vs|M|Mme|Mlle|Me|Sra|Srta|Dra|Hr|Fr|Nr|Dz)\.$"
)
_LETTERS = regex.compile(r"[\p{L}\p{M}]+")


def sentence_breaks(text: str) -> list[int]:
    """Offsets where a new sentence of `text` starts (after the first).

    A sentence mark followed by a space, or a full-width one, ends a sentence,
    unless it closes an abbreviation or an initial ("Mr. Bolton", "U.S. forces")
    or the next word starts in lower case.
    """
    found = []
    for match in _BREAK.finditer(text):
        end = match.end()
        if end >= len(text):
            break
        # A short window before the dot: searching from the line's start was quadratic in long lines.
        if match.group()[0] == "." and _ABBREVIATION.search(text[max(0, match.start() - 16) : match.start() + 1]):
            continue
        if text[end].islower():
            continue
        found.append(end)
    return found


def sentence_pieces(items: list[Word], breaks: list[int]) -> list[list[Word]]:
    """`items` (in order) cut where a sentence starts between two of them."""
    pieces: list[list[Word]] = []
    current = -1
    for word in items:
        sentence = bisect.bisect_right(breaks, word.start)
        if sentence != current or not pieces:
            pieces.append([])
            current = sentence
        pieces[-1].append(word)
    return pieces


def sentence_around(text: str, breaks: list[int], offset: int) -> tuple[int, int]:
    """The sentence of `text` holding `offset`, as (start, end)."""
    index = bisect.bisect_right(breaks, offset)
    start = breaks[index - 1] if index else 0
    end = breaks[index] if index < len(breaks) else len(text)
    return start, end


_CLITIC = regex.compile(r"^['’]\p{L}{1,3}\b")


def run_kind(masked: str, start: int, end: int, opens: bool = False) -> str:
    """SENTENCE when the run fills a sentence of the line, names before or after it aside, else RUN."""
    if not opens:
        before = masked[:start]
        cut = max(before.rfind(mark) for mark in SENTENCE_END)
        opens = not _has_lowercase_word(before[cut + 1 :])
    after = _CLITIC.sub("", masked[end:])  # "Moscow's": the run's own word goes on after the apostrophe
    ends = [i for i in (after.find(mark) for mark in SENTENCE_END) if i >= 0]
    closes = not _has_lowercase_word(after[: min(ends)] if ends else after)
    return SENTENCE if opens and closes else RUN


def _has_lowercase_word(text: str) -> bool:
    """A word that is no name: names and acronyms may sit at a sentence's edge in any language."""
    return any(not w[0].isupper() for w in _LETTERS.findall(text))
