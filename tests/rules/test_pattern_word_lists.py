"""The pattern check type's word lists: written for whole-line patterns with a class for each yeh and kaf,
they match exactly the strings the list of every variant matches."""

from __future__ import annotations

import itertools

import regex

from qa_lint.checktypes.pattern import _alternation

FLAGS = regex.VERSION0 | regex.UNICODE | regex.IGNORECASE
FORMS = {"ی": "یي", "ي": "یي", "ک": "کك", "ك": "کك"}


def spellings(word: str) -> set[str]:
    """`word` with each yeh and kaf in either form, mixed in every way."""
    return {"".join(chars) for chars in itertools.product(*(FORMS.get(char, char) for char in word))}


def test_either_form_classes_match_what_the_variants_match():
    words = {"یک", "کمیک", "کیکیک", "تیکیکی", "سهم‌گذاری", "Share"}  # up to 3 letters, more than 3, a ZWNJ joint
    plain = regex.compile(f"(?:{_alternation(words)})", FLAGS)
    classes = regex.compile(f"(?:{_alternation(words, either_form=True)})", FLAGS)
    tried = set()
    for word in words:
        for spelling in spellings(word) | {spelling.replace("\u200c", " ") for spelling in spellings(word)}:
            tried.add(spelling)
            assert bool(classes.fullmatch(spelling)) == bool(plain.fullmatch(spelling)), spelling
    assert any(not plain.fullmatch(spelling) for spelling in tried)  # words of over 3 such letters: not every mix
    assert classes.fullmatch("SHARE") and not classes.fullmatch("Shar")
