"""A line's words as the language checks see them: what is not language is masked first.

URLs, e-mail addresses, handles, numbers, quoted titles and glosses in brackets
say nothing about the language a line is written in (a Persian line may quote
an English title; a French one may give an organisation's English name in
brackets), so they are blanked out, keeping offsets, before words are counted.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import regex

_MASKED = regex.compile(
    r"""
    (?:https?://|www\.)\S+                      # URLs
    | (?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+    # e-mail addresses (from a run's start only:
    | [@\#]\w+                                    #   tried inside a long word, quadratic), handles,
    | (?<![\w-])[\w-]+(?:\.[a-z]{2,})+(?:/\S*)?    # bare domains: example.com/path
    | «[^«»]*» | “[^“”]*” | „[^„“”"]*[“”"] | "[^"]*"  # quoted titles (no opener inside: a line of
    | 《[^《》]*》 | 「[^「」]*」 | 『[^『』]*』         #   openers never closed is linear, not quadratic)
    | \([^()]*\) | （[^（）]*）                     # glosses and credits in brackets
    """,
    regex.VERBOSE,
)
_WORD = regex.compile(r"[\p{L}\p{M}]+")
_SCRIPTS = ("Latin", "Cyrillic", "Arabic", "Greek", "Hebrew", "Devanagari", "Han", "Hiragana", "Katakana",
            "Hangul", "Thai", "Lao", "Khmer", "Armenian", "Georgian", "Bengali", "Tamil")
_SCRIPT_OF = [(name, regex.compile(rf"\p{{Script={name}}}")) for name in _SCRIPTS]


@functools.lru_cache(maxsize=4096)
def script_of(char: str) -> str:
    for name, pattern in _SCRIPT_OF:
        if pattern.match(char):
            return name
    return "Other"


@dataclass(slots=True)  # not frozen: made for every word of every line, and frozen init is slow
class Word:
    start: int  # offset in the line
    end: int
    text: str
    script: str
    is_name: bool  # a name or an acronym: no evidence of a language
    lower: str


_APOSTROPHES = "'’"
_QUOTES = "«“„\"《「『"
TITLE_MAX_WORDS = 3  # a longer quotation is speech, unless in title case


def mask(text: str) -> str:
    """`text` with URLs, numbers' neighbours, quoted titles and bracketed glosses blanked (same length).

    Quoted speech stays: a quotation left in English in a French article is
    untranslated text like any other; only titles ("The Lord of the Rings") are
    kept in their own language on purpose.
    """
    return _MASKED.sub(_blank, text)


def _blank(match: regex.Match) -> str:
    text = match.group()
    if text[0] in _QUOTES and not _is_title(text):
        # Speech stays, but not the glosses and titles inside it.
        return text[0] + _MASKED.sub(_blank, text[1:-1]) + text[-1]
    return " " * len(text)


def _is_title(quoted: str) -> bool:
    found = _WORD.findall(quoted)
    if len(found) <= TITLE_MAX_WORDS:
        return True
    capitalised = sum(word[0].isupper() for word in found)
    return capitalised >= 0.5 * len(found)


def words(text: str, function_words: frozenset[str], names: frozenset[str]) -> list[Word]:
    """The words of a masked line; capitalised words that are no function word count as names."""
    found = []
    for match in _WORD.finditer(text):
        word = match.group()
        if len(word) == 1 and match.start() and text[match.start() - 1] in _APOSTROPHES:
            continue  # a clitic ("it's", "I'm", "didn't"): part of the word before it
        lower = word.lower()
        is_name = lower in names or (
            lower not in function_words and (word[0].isupper() or (len(word) > 1 and word.isupper()))
        )
        found.append(Word(match.start(), match.end(), word, script_of(word[0]), is_name, lower))
    return found
