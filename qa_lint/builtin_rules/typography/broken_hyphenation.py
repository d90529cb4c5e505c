"""T015 hyphenation-left-in-word."""

from __future__ import annotations

from typing import Iterator

import regex

from ...document import Document
from ...model import Applicability, Category, Finding
from ...rule import Example, Rule

# A word, a hyphen, and a lower-case continuation: "Freund-schaft", "vergan-genen".
_HYPHENATED = regex.compile(r"(?<![\p{L}\p{M}\p{N}-])(\p{L}[\p{L}\p{M}]{1,40})-(\p{Ll}[\p{L}\p{M}]{1,40})(?![\p{L}\p{M}\p{N}-])")
_WORD = regex.compile(r"[\p{L}\p{M}]{4,}")
# The joined word must be this long: "e-mail" / "email" is a spelling choice, not a line break.
_MIN_JOINED = 8


class HyphenationLeftInWord(Rule):
    """## What it does
    Reports a word split by a hyphen where the article writes the same word
    whole elsewhere: "Freund-schaftsgesellschaft" beside
    "Freundschaftsgesellschaft". The hyphen is a line-break hyphen of the
    printed or laid-out page, kept when the text was copied. The fix joins the
    word as the article writes it.

    ## Why is this bad?
    Readers see a misspelt word, and search and translation memories no longer
    match it.

    ## Fix safety
    Unsafe: a desk may hyphenate a long compound on purpose; join it by hand or
    with `--unsafe-fixes`.
    """

    code = "T015"
    name = "hyphenation-left-in-word"
    category = Category.TYPOGRAPHY
    fixable = True
    fix_applicability = "unsafe"
    examples = (
        Example("Die Freund-schaftsgesellschaft feierte. Die Freundschaftsgesellschaft lud ein.\n", lang="de",
                fixed="Die Freundschaftsgesellschaft feierte. Die Freundschaftsgesellschaft lud ein.\n"),
        Example("Die deutsch-französische Freundschaft ist alt.\n", lang="de", fires=False),
        Example("The over-sized hats were oversized, over and over.\n", lang="en", fires=False),
        Example("Send an e-mail, not an email.\n", lang="en", fires=False),
        Example("Die Freund-schaftsgesellschaft feierte.\n", lang="de", fires=False),
    )

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        if "-" not in text:
            return
        candidates = list(_HYPHENATED.finditer(text))
        if not candidates:
            return
        # The article's words outside the hyphenated ones: their parts are not evidence.
        outside = _HYPHENATED.sub(" ", text)
        words = {w.casefold() for w in _WORD.findall(outside)}
        for found in candidates:
            joined = found.group(1) + found.group(2)
            if len(joined) < _MIN_JOINED or joined.casefold() not in words:
                continue
            # A line-break hyphen splits inside a word, at a syllable: when a part is itself a word of
            # the article ("over-sized" beside "over"), it is more likely a compound spelt two ways.
            if found.group(1).casefold() in words or found.group(2).casefold() in words:
                continue
            start, end = found.start(), found.end()
            fix = self.fix(f"Join into “{joined}”", [self.edit(doc, start, end, joined)], Applicability.UNSAFE)
            yield self.finding(
                doc, start, end,
                f"“{found.group()}” is written “{joined}” elsewhere in this article: a line-break hyphen left inside the word",
                fix,
            )


RULES = (HyphenationLeftInWord(),)
