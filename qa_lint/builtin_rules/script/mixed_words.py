"""Words whose letters come from scripts that never mix, and the table of letters alike across scripts:
what S001 and S002 share."""

from __future__ import annotations

import functools
import unicodedata
from collections import Counter
from dataclasses import dataclass
from typing import Iterator

import regex

from ...document import Document
from . import data
from .unicode_scripts import (
    main_script,
    primary_script,
    resolved_scripts,
    script_runs,
    words_with,
)

ALPHABETS = frozenset({"Latin", "Cyrillic", "Greek"})
# A lone letter is only taken for a lookalike of a letter of the basic alphabet.
BASIC = {"Latin": "abcdefghijklmnopqrstuvwxyz", "Cyrillic": "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"}


@dataclass(frozen=True)
class Lookalikes:
    no_space: frozenset[str]
    # (letter, target script) -> the letter of the target script that looks the same
    to_script: dict[tuple[str, str], str]
    # ... or nearly the same, in italics and OCR ("r" / "г"): for whole words only
    approximate: dict[tuple[str, str], str]
    sentence_initial: dict[str, str]  # script -> capitals that are words of their own


def _pairs(scripts: list[str], rows: list[list[str]]) -> dict[tuple[str, str], str]:
    to_script: dict[tuple[str, str], str] = {}
    for row in rows:
        for letter in filter(None, row):
            for script, twin in zip(scripts, row):
                if twin and twin != letter:
                    to_script[(letter, script)] = twin
    return to_script


@functools.lru_cache(maxsize=1)
def lookalikes() -> Lookalikes:
    table = data.load("scripts")["lookalikes"]
    scripts = table["scripts"]
    return Lookalikes(frozenset(data.load("scripts")["no-space-scripts"]), _pairs(scripts, table["letters"]),
                      _pairs(scripts, table["approximate"]), dict(table["sentence-initial"]))


@dataclass(frozen=True)
class MixedWord:
    start: int
    word: str
    runs: list[tuple[str | None, int, int]]  # (script, start, end) inside the word
    target: str | None  # the script most of its letters are in
    repaired: str | None  # the word with every odd letter swapped for its lookalike, if possible


def mixed_words(doc: Document) -> list[MixedWord]:
    """The document's mixed words, found once for S001 and S002 together."""
    if _LAST[0] is not doc:
        _LAST[:] = [doc, list(_find_mixed_words(doc))]
    return _LAST[1]


_LAST: list = [None, []]


@functools.cache
def foreign_letter(home: str | None) -> regex.Pattern:
    """A letter or mark outside the home script: a line or word without one is not mixed."""
    if home is None:
        return regex.compile(r"[\p{L}\p{M}]")
    return regex.compile(rf"[[\p{{L}}\p{{M}}]--[\p{{scx={home}}}\p{{scx=Common}}\p{{scx=Inherited}}]]", regex.V1)


def _find_mixed_words(doc: Document) -> Iterator[MixedWord]:
    """Words whose resolved script set is empty, except where a no-space script touches another."""
    table = lookalikes()
    # Only words with a letter or mark outside some script can be mixed: a word without one has
    # letters, marks and Common or Inherited characters of that script only, so its resolved
    # script set holds it. Any script will do; a cheap guess at the main one leaves fewest words.
    text = doc.text
    for start, end in words_with(foreign_letter(_likely_main_script(text)), text):
        word = text[start:end]
        if word.isascii():
            continue
        resolved = resolved_scripts(word)
        if resolved is None or resolved:
            continue
        runs = [run for run in script_runs(word) if run[0]]
        if all(a[0] in table.no_space or b[0] in table.no_space for a, b in zip(runs, runs[1:])):
            continue
        letters = Counter(primary_script(c) for c in word if c.isalpha())
        letters.pop(None, None)
        ranked = letters.most_common()
        if not ranked:
            target = main_script(doc)  # only marks ("\u0903\u064b"): odd against the document's script
        elif len(ranked) > 1 and ranked[0][1] == ranked[1][1] and main_script(doc) in letters:
            target = main_script(doc)
        else:
            target = ranked[0][0]
        yield MixedWord(start, word, runs, target, _repair(word, target, table))


_NON_ASCII_LETTER = regex.compile(r"[\p{L}--\p{ASCII}]", regex.V1)
_ASCII_LETTER = regex.compile(r"[A-Za-z]")


def _likely_main_script(text: str) -> str | None:
    """The script of the first letter outside ASCII, else Latin if there is an ASCII letter.

    A guess, nearly always `main_script`: Latin names often come first in other
    scripts' articles (a headline "CNN: ..."), but are seldom written with accents.
    """
    match = _NON_ASCII_LETTER.search(text)
    if match:
        return primary_script(match.group())
    return "Latin" if _ASCII_LETTER.search(text) else None


def _repair(word: str, target: str, table: Lookalikes) -> str | None:
    if not any(c.isalpha() and primary_script(c) not in (None, target) for c in word):
        return None  # only a stray mark is odd: not a lookalike
    out = []
    for index, char in enumerate(word):
        if char.isalpha() and primary_script(char) not in (None, target):
            twin = table.to_script.get((char, target))
            if target == "Latin" and char in _CAPITAL_I and _after_small_letter(word, index):
                twin = "l"  # "WiΙΙiam": a capital I cannot follow a small letter; the small l looks the same
            if twin is None:
                return None
            out.append(twin)
        else:
            out.append(char)
    return "".join(out)


_CAPITAL_I = frozenset("ΙІӀ")  # Greek Iota, Cyrillic І and palochka


def _after_small_letter(word: str, index: int) -> bool:
    before = word[:index].rstrip("".join(_CAPITAL_I))
    return bool(before) and before[-1].islower()


def odd_letters(word: MixedWord) -> list[str]:
    """Letters and marks of `word` outside its main script."""
    return sorted({c for c in word.word if primary_script(c) not in (None, word.target)})


def without_marks(word: MixedWord) -> str | None:
    """The word without its odd characters, when they are all combining marks (a stray ٌ)."""
    odd = odd_letters(word)
    if odd and all(unicodedata.category(c).startswith("M") for c in odd):
        return "".join(c for c in word.word if c not in odd)
    return None
