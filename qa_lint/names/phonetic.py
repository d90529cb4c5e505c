"""A cross-script phonetic key: the consonant skeleton of a name, whatever its script.

"Phan Anh Son", "فان آنه سون", "فان آن سون" and "Фан Ань Шон" all key to
("fn", "n", "sn"); "Ngo Le Van" and "نگو لو وان" to ("ng", "l", "vn"). Keys
link a name across translations; they are too coarse to say that two forms in
one script are one person (An / Anh share a key), which `variants` decides.
"""

from __future__ import annotations

import functools

import regex

# Multi-letter spellings of one sound, folded longest first (after romanisation).
_DIGRAPHS = (
    ("dzh", "j"), ("tch", "c"), ("ngh", "ng"), ("ph", "f"), ("th", "t"), ("kh", "k"), ("gh", "g"),
    ("sh", "s"), ("zh", "z"), ("ch", "c"), ("tr", "c"), ("gi", "z"), ("qu", "kw"), ("ck", "k"),
    ("nh", "n"), ("dj", "j"),
)
# Single letters that stand for one sound across romanisations.
_LETTERS = str.maketrans({"q": "k", "c": "k", "x": "s", "j": "z", "đ": "d"})
_VOWELS = regex.compile(r"[aeiouy]")
_DOUBLES = regex.compile(r"(.)\1+")
_NON_LETTERS = regex.compile(r"[^a-z]")


@functools.lru_cache(maxsize=65536)
def word_key(word: str) -> str:
    from anyascii import anyascii  # ISC licence; romanises every script

    text = _NON_LETTERS.sub("", anyascii(word).lower())
    for digraph, sound in _DIGRAPHS:
        text = text.replace(digraph, sound)
    text = text.translate(_LETTERS)
    # "w" is a consonant (v) only at the start of a word: Persian و is also a vowel.
    if text.startswith("w"):
        text = "v" + text[1:]
    head, rest = text[:1], text[1:]
    # "h" after the first letter is silent or part of a folded digraph (Johnson, آنه).
    rest = rest.replace("h", "").replace("w", "")
    skeleton = _VOWELS.sub("", rest)
    if head and not _VOWELS.match(head):
        skeleton = head + skeleton
    return _DOUBLES.sub(r"\1", skeleton)


def name_key(tokens: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    return tuple(word_key(token) for token in tokens)

