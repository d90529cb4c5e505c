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

# The kinds of text blanked, in the order they are tried (verbose patterns), each with what any
# match of it must hold.
_MASKED_PARTS = (
    (r"(?:https?://|www\.)\S+", r"://|www\."),  # URLs
    # E-mail addresses (from a run's start only: tried inside a long word, quadratic) and handles.
    (r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+", "@"),
    (r"[@\#]\w+", "[@#]"),
    (r"(?<![\w-])[\w-]+(?:\.[a-z]{2,})+(?:/\S*)?", r"\.[a-z]{2}"),  # bare domains: example.com/path
    # Quoted titles (no opener inside: a line of openers never closed is linear, not quadratic),
    # then glosses and credits in brackets.
    (r"""«[^«»]*» | “[^“”]*” | „[^„“”"]*[“”"] | "[^"]*"
         | 《[^《》]*》 | 「[^「」]*」 | 『[^『』]*』
         | \([^()]*\) | （[^（）]*）""", r"""[«“„"《「『(（]"""),
)
_MASKED = regex.compile("|".join(part for part, _ in _MASKED_PARTS), regex.VERBOSE)
# What a URL or a bare domain must hold: the only kinds that can start or end inside a word ("foowww.",
# "site.comÉ"). Every other kind starts at a quote, a bracket, @ or # or after a non-word character,
# and ends at a closing quote or bracket or before a non-word character.
_CUTS_WORDS = regex.compile(f"{_MASKED_PARTS[0][1]}|{_MASKED_PARTS[3][1]}")
_TRIGGERS = tuple(regex.compile(trigger) for _, trigger in _MASKED_PARTS)
_ANY_TRIGGER = regex.compile("|".join(trigger for _, trigger in _MASKED_PARTS))


@functools.lru_cache(maxsize=None)
def _masking_pattern(present: tuple[bool, ...]) -> regex.Pattern:
    """`_MASKED` without the kinds a line cannot hold: a kind whose must-have text is absent never
    matches, so dropping it changes nothing, and the few kinds left scan a line much faster."""
    return regex.compile("|".join(part for (part, _), keep in zip(_MASKED_PARTS, present) if keep), regex.VERBOSE)


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
_CLITICS = frozenset({"s", "m", "t", "d", "S", "M", "T", "D"})
_QUOTES = "«“„\"《「『"
TITLE_MAX_WORDS = 3  # a longer quotation is speech, unless in title case


def mask(text: str) -> str:
    """`text` with URLs, numbers' neighbours, quoted titles and bracketed glosses blanked (same length).

    Quoted speech stays: a quotation left in English in a French article is
    untranslated text like any other; only titles ("The Lord of the Rings") are
    kept in their own language on purpose.
    """
    if not _ANY_TRIGGER.search(text):
        return text  # most lines: nothing to blank
    return _masking_pattern(tuple(bool(trigger.search(text)) for trigger in _TRIGGERS)).sub(_blank, text)


def keeps_words(text: str) -> bool:
    """Whether `mask(text)` blanks whole words only: then its words are some of `text`'s, in place."""
    return not _CUTS_WORDS.search(text)


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
    facts = _facts_for(function_words, names)
    found = []
    append = found.append
    for match in _WORD.finditer(text):
        word = match.group()
        start, end = match.span()
        if _is_clitic(text, word, start):
            continue
        script, is_name, lower = facts.get(word) or _learn(facts, word, function_words, names)
        append(Word(start, end, word, script, is_name, lower))
    return found


def _is_clitic(text: str, word: str, start: int) -> bool:
    """An English clitic ("it's", "I'm", "didn't", "he'd"): part of the word before it, not a word.

    Only these: French "l'a", "jusqu'à", "n'y" end in words of their own.
    """
    return word in _CLITICS and start > 0 and text[start - 1] in _APOSTROPHES


def has_content_words(text: str, count: int, function_words: frozenset[str], names: frozenset[str]) -> bool:
    """Whether `words(text, ...)` holds `count` words that are no names: `words` without building them,
    stopping at the `count`-th."""
    if count <= 0:
        return True
    facts = _facts_for(function_words, names)
    for match in _WORD.finditer(text):
        word = match.group()
        if _is_clitic(text, word, match.start()):
            continue
        if not (facts.get(word) or _learn(facts, word, function_words, names))[1]:
            count -= 1
            if not count:
                return True
    return False


def word_forms(text: str) -> list[str]:
    """Every word of `text`, clitics included: the words of `words(text, ...)` and a few more."""
    return _WORD.findall(text)


@functools.lru_cache(maxsize=64)
def other_script_letter(scripts: frozenset[str]) -> regex.Pattern:
    """A letter or mark of another script than `scripts` (Common and Inherited aside): in a text without
    one, every word's `script_of` is one of `scripts` or "Other". (A word starts with a letter or mark,
    and Script is one value per character; this is faster than a class of the other scripts.)"""
    own = "".join(rf"\p{{Script={name}}}" for name in sorted(scripts))
    return regex.compile(rf"[[\p{{L}}\p{{M}}]--[{own}\p{{Script=Common}}\p{{Script=Inherited}}]]", regex.VERSION1)


# Per word form, (script, is_name, lower): news text repeats its words, and these depend only on the
# form and the two word sets, so they are worked out once per form (bounded for huge files).
_MAX_FORMS = 200_000
_FACTS: dict[tuple[frozenset[str], frozenset[str]], dict[str, tuple[str, bool, str]]] = {}


def _facts_for(function_words: frozenset[str], names: frozenset[str]) -> dict[str, tuple[str, bool, str]]:
    key = (function_words, names)
    facts = _FACTS.get(key)
    if facts is None:
        if len(_FACTS) >= 8:  # sets of languages in play (a desk has a few); each up to _MAX_FORMS
            _FACTS.clear()
        facts = _FACTS[key] = {}
    return facts


def _learn(facts: dict[str, tuple[str, bool, str]], word: str, function_words: frozenset[str],
           names: frozenset[str]) -> tuple[str, bool, str]:
    known = _word_facts(word, function_words, names)
    if len(facts) < _MAX_FORMS:
        facts[word] = known
    return known


def _word_facts(word: str, function_words: frozenset[str], names: frozenset[str]) -> tuple[str, bool, str]:
    lower = word.lower()
    is_name = lower in names or (
        lower not in function_words and (word[0].isupper() or (len(word) > 1 and word.isupper()))
    )
    return script_of(word[0]), is_name, lower
