"""S001 mixed-script-word: a word whose letters come from scripts that never mix."""

from __future__ import annotations

from typing import Iterator

from ...document import Document
from ...model import Applicability, Category, Finding
from ...rule import Example, Rule
from .mixed_words import ALPHABETS, MixedWord, mixed_words, odd_letters, without_marks


class MixedScriptWord(Rule):
    """## What it does
    Reports words mixing scripts that never mix. The word's UTS #39 resolved
    script set is empty: Arabic run together with Latin
    ("إلىNottingham"), Latin with Devanagari, a stray Arabic mark on a Latin
    word. Scripts written without spaces (Han, Kana, Thai, Lao, Khmer, ...) and
    Korean particles may touch Latin names and are not reported; words that
    only need a lookalike letter swapped are S002's. When the word is two
    words run together, the fix (unsafe: check it) puts a space between them.

    ## Why is this bad?
    A missing space between an Arabic word and a Latin name breaks search, line
    breaking and often the right-to-left display of the whole sentence; a word
    typed in two alphabets cannot be found by anyone typing it in one.

    ## Fix safety
    Unsafe: splitting the word, or deleting its stray mark, guesses what the
    writer meant.
    """

    code = "S001"
    name = "mixed-script-word"
    category = Category.SCRIPT
    fixable = True
    fix_applicability = "unsafe"
    examples = (
        Example("وصل الفريق إلىNottingham أمس.\n", lang="ar", fixed="وصل الفريق إلى Nottingham أمس.\n"),
        Example("शहर Aldiऔर बाजार\n", lang="hi", fixed="शहर Aldi और बाजार\n"),
        Example("در ٌWest آمد.\n", lang="fa", fixed="در West آمد.\n"),
        Example("وصل الفريق إلى Nottingham أمس.\n", lang="ar", fires=False),
        Example("他在BBC广播中说。\n", lang="zh", fires=False),
        Example("FBI가 발표했다.\n", lang="ko", fires=False),
        Example("Le café de Москва.\n", lang="fr", fires=False),
    )

    def check(self, doc: Document) -> Iterator[Finding]:
        for mixed in mixed_words(doc):
            if mixed.repaired is not None:
                continue  # a lookalike letter: S002
            start, end = mixed.start, mixed.start + len(mixed.word)
            scripts = " and ".join(dict.fromkeys(run[0] for run in mixed.runs))
            split = self._split(mixed)
            bare = without_marks(mixed)
            if split:
                message = f"“{mixed.word}” runs {scripts} words together; write “{split}”"
                fix = self.fix(f"Write “{split}”", [self.edit(doc, start, end, split)], Applicability.UNSAFE)
            elif bare:
                odd = "”, “".join(odd_letters(mixed))
                message = f"“{mixed.word}” carries a stray {scripts.split(' and ')[0]} mark (“{odd}”); write “{bare}”"
                fix = self.fix(f"Write “{bare}”", [self.edit(doc, start, end, bare)], Applicability.UNSAFE)
            else:
                odd = "”, “".join(odd_letters(mixed))
                message = f"“{mixed.word}” mixes {scripts} letters (odd: “{odd}”); retype it in one script"
                fix = None
            yield self.finding(doc, start, end, message, fix)

    @staticmethod
    def _split(mixed: MixedWord) -> str | None:
        """The word with a space between its script runs, when each run is a word of its own."""
        runs = mixed.runs
        if len(runs) < 2 or {script for script, _, _ in runs} <= ALPHABETS:
            return None  # Latin, Cyrillic and Greek inside one word are a typo, not two words
        if any(not mixed.word[s].isalpha() for _, s, _ in runs):
            return None  # a stray mark, not a word of its own
        return " ".join(mixed.word[s:e] for _, s, e in runs)


RULES = (MixedScriptWord(),)
