"""A cross-script phonetic key: the consonant skeleton of a name, whatever its script.

"Phan Anh Son", "فان آنه سون", "فان آن سون" and "Фан Ань Шон" all key to
("fn", "n", "sn"); "Ngo Le Van" and "نگو لو وان" to ("ng", "l", "vn"). Keys
link a name across translations; they are too coarse to say that two forms in
one script are one person (An / Anh share a key), which `variants` decides.
"""

from __future__ import annotations

import functools
import operator
import re

# Multi-letter spellings of one sound, folded longest first (after romanisation).
_DIGRAPHS = (
    ("dzh", "j"), ("tch", "c"), ("ngh", "ng"), ("ph", "f"), ("th", "t"), ("kh", "k"), ("gh", "g"),
    ("sh", "s"), ("zh", "z"), ("ch", "c"), ("tr", "c"), ("gi", "z"), ("qu", "kw"), ("ck", "k"),
    ("nh", "n"), ("dj", "j"),
)
# Replacements make no "h": without one, the digraphs holding it are left out (in order).
_DIGRAPHS_WITHOUT_H = tuple((digraph, sound) for digraph, sound in _DIGRAPHS if "h" not in digraph)
# Single letters that stand for one sound across romanisations.
_LETTERS = str.maketrans({"q": "k", "c": "k", "x": "s", "j": "z", "đ": "d"})
_VOWELS = "aeiouy"
# After the first letter, vowels go, and "h" and "w" are silent.
_SILENT = str.maketrans("", "", "hw" + _VOWELS)
_DOUBLES = re.compile(r"(.)\1+")
_FIRST_GROUP = operator.itemgetter(1)  # as a replacement: the template r"\1" costs more per call


class _Romanised(dict):
    """Code point -> its anyascii romanisation, lower case, letters a-z only; filled as met.

    anyascii romanises character by character, so `str.translate` with this
    table gives `anyascii(word).lower()` without its non-letters, at C speed.
    Bounded by the characters the documents use.
    """

    def __missing__(self, codepoint: int) -> str:
        from anyascii import anyascii  # ISC licence; romanises every script

        value = self[codepoint] = "".join(c for c in anyascii(chr(codepoint)).lower() if "a" <= c <= "z")
        return value


_ROMAN = _Romanised()


@functools.lru_cache(maxsize=65536)
def word_key(word: str) -> str:
    text = word.translate(_ROMAN)
    for digraph, sound in _DIGRAPHS if "h" in text else _DIGRAPHS_WITHOUT_H:
        text = text.replace(digraph, sound)
    text = text.translate(_LETTERS)
    # "w" is a consonant (v) only at the start of a word: Persian و is also a vowel.
    if text.startswith("w"):
        text = "v" + text[1:]
    head, rest = text[:1], text[1:]
    # "h" after the first letter is silent or part of a folded digraph (Johnson, آنه).
    skeleton = rest.translate(_SILENT)
    if head and head not in _VOWELS:
        skeleton = head + skeleton
    return _DOUBLES.sub(_FIRST_GROUP, skeleton)


def name_key(tokens: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    return tuple(word_key(token) for token in tokens)

