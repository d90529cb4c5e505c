"""S012 misplaced-zwnj: a zero-width non-joiner (U+200C) that is not between two letters, or doubled."""

from __future__ import annotations

from typing import Iterator

import regex

from ...document import Document
from ...model import Category, Finding
from ...rule import Example, Rule
from .persian_zwnj import ZWNJ

# A non-joiner touching something that is not a letter or mark, or doubled.
STRAY_ZWNJ = regex.compile(r"(?<![\p{L}\p{M}\u200c])\u200c+|\u200c+(?![\p{L}\p{M}\u200c])|\u200c{2,}")


class MisplacedZwnj(Rule):
    """## What it does
    Reports misplaced zero-width non-joiners. A non-joiner (U+200C) next to a
    space, punctuation or the end of a line ("خیمه‌ شب") is reported, and so
    are two or more in a row. The fix deletes the
    stray ones and keeps one between two letters.

    ## Why is this bad?
    A non-joiner only means something between two letters. Next to a space it
    is an invisible leftover of retyping that makes the word differ from its
    correct spelling for search and spell checking; doubled ones do the same.

    ## Fix safety
    Safe: a non-joiner next to a space or punctuation, or doubled, has no effect
    on the text's shape; one is kept between two letters.
    """

    code = "S012"
    name = "misplaced-zwnj"
    category = Category.SCRIPT
    fixable = True
    examples = (
        Example("نمایش خیمه\u200c شب بازی\n", lang="fa", fixed="نمایش خیمه شب بازی\n"),
        Example("کتاب\u200c\u200cها\n", lang="fa", fixed="کتاب\u200cها\n"),
        Example("او گفت\u200c.\n", lang="fa", fixed="او گفت.\n"),
        Example("نمایش خیمه\u200cشب\u200cبازی\n", lang="fa", fires=False),
    )

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        if ZWNJ not in text:
            return
        for match in STRAY_ZWNJ.finditer(text):
            start, end = match.span()
            between_letters = 0 < start and end < len(text) and text[start - 1].isalpha() and text[end].isalpha()
            keep = ZWNJ if between_letters else ""
            what = "Doubled zero-width non-joiner" if between_letters else "Zero-width non-joiner next to a space or punctuation"
            message = f"{what}; {'keep one' if keep else 'delete it'}"
            yield self.finding(doc, start, end, message, self.fix(
                "Keep one zero-width non-joiner" if keep else "Delete the zero-width non-joiner",
                [self.edit(doc, start, end, keep)]))


RULES = (MisplacedZwnj(),)
