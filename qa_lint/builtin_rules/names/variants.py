"""When are two spellings in one script the same name written two ways?

Only for differences that do not make another name: diacritics present on one
side and absent on the other, hyphenation or spacing, two adjacent letters
swapped, a letter doubled, letters of one sound class of the script (Cyrillic
Ш / С, Arabic-script غ / ج), or a silent final letter (Persian ه). "Nguyễn Văn
An" and "Nguyễn Văn Anh" differ by a letter that is none of these: two people.
"""

from __future__ import annotations

import functools
import operator
import re
from itertools import repeat

from .text import equivalent_letters, fold, has_marks, silent_final_letters

# The kinds of difference `variant_kind` names (messages say "the forms differ in ...").
DIACRITICS = "diacritics"
SPACING = "hyphenation or spacing"
SWAPPED = "two swapped letters"
DOUBLED = "a doubled letter"
SILENT = "a silent final letter"
SAME_SOUND = "letters for one sound"
TRANSLITERATION = "transliteration"
_JOINERS = str.maketrans("", "", "\u200c\u200d")


def variant_kind(a: tuple[str, ...], b: tuple[str, ...], script: str | None) -> str | None:
    """How the spelling `b` differs from `a` if they are one name; None if they are not."""
    if a == b or tuple(t.translate(_JOINERS) for t in a) == tuple(t.translate(_JOINERS) for t in b):
        return None  # a ZWNJ is the script rules' business
    joined_a, joined_b = fold(" ".join(a)), fold(" ".join(b))
    if joined_a == joined_b:
        if len(a) != len(b) or any(fold(x) != fold(y) for x, y in zip(a, b, strict=True)):
            return SPACING
        different = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
        if all(x.casefold() == y.casefold() for x, y in different):
            return None  # capitals only, as in an all-caps headline
        if all(not has_marks(x) or not has_marks(y) for x, y in different):
            return DIACRITICS
        return None  # both carry (different) diacritics: Hà and Hạ are two names
    if len(a) != len(b):
        return None
    different = [(fold(x), fold(y)) for x, y in zip(a, b, strict=True) if fold(x) != fold(y)]
    if len(different) != 1:
        return None
    x, y = different[0]
    if min(len(x), len(y)) < 2:
        return None
    return _letter_difference(x, y, script)


def _letter_difference(x: str, y: str, script: str | None) -> str | None:
    if len(x) == len(y):
        gaps = [i for i, (p, q) in enumerate(zip(x, y, strict=True)) if p != q]
        if len(gaps) == 2 and gaps[1] == gaps[0] + 1 and x[gaps[0]] == y[gaps[1]] and x[gaps[1]] == y[gaps[0]]:
            return SWAPPED
        if len(gaps) == 1:
            classes = equivalent_letters(script)
            p, q = x[gaps[0]], y[gaps[0]]
            if p in classes and classes[p] == classes.get(q):
                return f"{SAME_SOUND} ({p} / {q})"
        return None
    short, long = (x, y) if len(x) < len(y) else (y, x)
    if len(long) - len(short) != 1:
        return None
    for i in range(len(long)):
        if long[:i] + long[i + 1 :] == short:
            if i > 0 and long[i] == long[i - 1]:
                return DOUBLED
            if i == len(long) - 1 and long[i] in silent_final_letters(script):
                return f"{SILENT} ({long[i]})"
    return None


@functools.lru_cache(maxsize=65536)  # N001, N003 and N005 each bucket the same forms
def signature(tokens: tuple[str, ...], script: str | None) -> str:
    """A bucket key under which every variant of a name falls (pairs are then verified)."""
    return "".join(sorted("".join(map(_token_signature, tokens, repeat(script)))))


@functools.lru_cache(maxsize=65536)
def letters_signature(word: str, script: str | None) -> str:
    """`signature` of a one-word name: two runs that are variants differ only in words that share it."""
    return "".join(sorted(_token_signature(word, script)))


@functools.lru_cache(maxsize=65536)
def _token_signature(token: str, script: str | None) -> str:
    """The word folded, same-sound letters merged, a silent final letter and doubles dropped."""
    word = fold(token)
    if word and word[-1] in silent_final_letters(script):
        word = word[:-1]
    word = word.translate(_merge_table(script))
    return _REPEATS.sub(_FIRST_GROUP, word)


# A run of one character: kept once.
_REPEATS = re.compile(r"(.)\1+", re.DOTALL)
_FIRST_GROUP = operator.itemgetter(1)  # as a replacement: the template r"\1" costs more per call


@functools.lru_cache(maxsize=64)
def _merge_table(script: str | None) -> dict[int, str]:
    """`equivalent_letters` as a `str.translate` table (only one-character keys can match a character)."""
    return {ord(letter): same for letter, same in equivalent_letters(script).items() if len(letter) == 1}
