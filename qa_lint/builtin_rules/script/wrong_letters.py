"""S003 wrong-letter-for-language: a letter of another language that shares the script."""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass
from typing import Iterator

import regex

from ...document import Document
from ...languages import primary
from ...model import Category, Finding
from ...rule import Example, Rule
from . import data
from .grouping import once_per_form, times, validate_report_option
from .unicode_scripts import words_with


@dataclass(frozen=True)
class LetterTable:
    letters: dict[str, str]
    word_final: dict[str, str]
    no_fix: dict[str, str]
    pattern: regex.Pattern  # any wrong letter

    def repair(self, word: str) -> str | None:
        """The word with every wrong letter replaced, or None when one has no sure replacement."""
        out = []
        followed = _followed_by_letters(word)
        for index, char in enumerate(word):
            final = not followed[index]
            if char in self.no_fix:
                return None
            if final and char in self.word_final:
                out.append(self.word_final[char])
            else:
                out.append(self.letters.get(char, char))
        return "".join(out)


def _followed_by_letters(word: str) -> list[bool]:
    """For each index, whether the rest of the word, joiners at its ends aside, is all letters.

    Computed from the right in one pass: slicing and testing the rest at each
    letter took time quadratic in the word's length (a 100,000-letter "word").
    """
    result = [False] * len(word)
    letters = False  # the rest, stripped of joiners, is letters (and not empty)
    letters_then_joiners = True  # the rest is letters followed by joiners, or empty
    only_joiners = True
    for index in range(len(word) - 1, -1, -1):
        result[index] = letters
        char = word[index]
        if char in "\u200c\u200d":
            letters_then_joiners = only_joiners
        else:
            letters = letters_then_joiners = char.isalpha() and letters_then_joiners
            only_joiners = False
    return result


@functools.cache
def letter_table(lang: str) -> LetterTable | None:
    table = data.load("letters").get(lang)
    if not table:
        return None
    letters, final, no_fix = table.get("letters", {}), table.get("word-final", {}), table.get("no-fix", {})
    wrong = "".join(regex.escape(c) for c in {*letters, *final, *no_fix})
    return LetterTable(letters, final, no_fix, regex.compile(f"[{wrong}]"))


def _languages() -> frozenset[str]:
    return frozenset(data.load("letters"))


def _describe(char: str) -> str:
    return f"“{char}” ({unicodedata.name(char, f'U+{ord(char):04X}').title()})"


class WrongLetterForLanguage(Rule):
    """## What it does
    Reports letters of another language that shares the script. That is Arabic
    ي ك ى in Persian or Dari (Persian writes ی ک), Persian ی ک
    in Arabic, and the like for Urdu, Pashto and Sorani Kurdish (the letters are
    data in `rules/script/_letters.toml`). The fix writes the language's own
    letter; Persian گ in Arabic is reported without one (ج, غ or ك depends on the
    desk). Each word form is reported once per file with its count, and its fix
    repairs every occurrence;
    `[rule-options.S003] report = "every"` reports each occurrence.

    ## Why is this bad?
    The two letters look alike (or identical at the end of a word) but are
    different characters: a search for the Persian word misses the Arabic-lettered
    one, sorting and spell checking break, and name matching fails.

    ## Fix safety
    Safe: the letter becomes the language's own form of the same letter (Arabic
    ي ك in Persian become ی ک); letters without one sure replacement get no fix.
    """

    code = "S003"
    name = "wrong-letter-for-language"
    category = Category.SCRIPT
    fixable = True
    examples = (
        Example("او يك كتاب خرید.\n", lang="fa", fixed="او یک کتاب خرید.\n"),
        Example("قال الرئیس إنه ذهب إلی المدینة.\n", lang="ar", fixed="قال الرئيس إنه ذهب إلى المدينة.\n"),
        Example("او یک کتاب خرید.\n", lang="fa", fires=False),
        Example("قال الرئيس إنه ذهب إلى المدينة.\n", lang="ar", fires=False),
    )

    def __init__(self) -> None:
        self.languages = _languages()

    def validate_options(self, options: dict) -> None:
        validate_report_option(self.code, options)

    def check(self, doc: Document) -> Iterator[Finding]:
        table = letter_table(primary(doc.lang) or "")
        if table is None:
            return
        every = self.options(doc).get("report") == "every"
        text = doc.text
        words = [(text[start:end], start, end) for start, end in words_with(table.pattern, text)]
        for (word, start, end), occurrences in once_per_form(words, lambda item: item[0], every):
            count = len(occurrences)
            wrong = sorted(set(table.pattern.findall(word)))
            repaired = table.repair(word)
            letters = ", ".join(_describe(c) for c in wrong)
            if repaired is None:
                notes = "; ".join(table.no_fix[c] for c in wrong if c in table.no_fix)
                message = f"“{word}” has {letters}, not a letter of this language: {notes}{times(count)}"
                yield self.finding(doc, start, end, message)
                continue
            message = f"“{word}” has {letters} of another language; write “{repaired}”{times(count)}"
            yield self.finding(doc, start, end, message, self.fix(
                f"Write “{repaired}”", [self.edit(doc, s, e, repaired) for _, s, e in occurrences],
                per_occurrence=True))


RULES = (WrongLetterForLanguage(),)
