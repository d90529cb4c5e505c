"""The `repeated-word` check type: the same word twice in a row ("the the", «که که»).

Keys (besides the common ones):

* `allowed` - a table of word lists per language: words that grammar repeats
  (French "nous nous", German "die die", English "had had"); `all` lists words
  allowed in every language (a product name, "C plus plus", in any text).
* `allowed-after-comma` - a table of word lists per language: words that
  grammar repeats only at the start of a clause after a comma, at most one
  word after it (German "Die Frauen, die die Kinder …", "…, in der der …"); elsewhere
  ("würdigte der der Minister") the double is reported.
* `only` - a table of word lists per language: in those languages only these
  words are reported. For languages that repeat content words as grammar
  (Persian "کم کم", Hindi "धीरे धीरे", Vietnamese "từ từ"), list the function
  words that are never doubled.
* `unsafe` - default true: the fix (deleting the second word) applies only with
  `--unsafe-fixes`, as a writer may have meant the repetition.

A capitalised second word ("de De Gaulle", "l'hôtel Roa Roa") is taken for a
name, not a repetition. `message` may use `{match}` (both words) and `{word}`.
"""

from __future__ import annotations

from typing import Iterator

import regex

from ..document import Document
from ..languages import primary
from ..model import Applicability, Finding
from .base import PackRule, RuleData

# A word with its joiners (ZWNJ in Persian), apostrophes and hyphens, so "l'un" or "می‌کند" is one token.
_TOKEN = regex.compile(r"[\p{L}\p{M}\p{N}\u200c\u200d'’-]+")
_GAP = regex.compile(r"[ \t\u00a0]+")
# A clause start: a comma, then at most one word (a preposition) before the doubled word.
_AFTER_COMMA = regex.compile(r",[ \t\u00a0]*(?:[\p{L}\p{M}'’]+[ \t\u00a0]+)?$")


class RepeatedWordCheck(PackRule):
    type_name = "repeated-word"
    fixable = True

    def configure(self, data: RuleData) -> None:
        self.allowed = self._word_table(data, "allowed")
        self.only = self._word_table(data, "only")
        self.after_comma = self._word_table(data, "allowed-after-comma")
        unsafe = data.take("unsafe", bool, True)
        self.applicability = Applicability.UNSAFE if unsafe else Applicability.SAFE
        self.fix_applicability = self.applicability.value

    @staticmethod
    def _word_table(data: RuleData, key: str) -> dict[str, frozenset[str]]:
        table = data.take(key, dict, {})
        words: dict[str, frozenset[str]] = {}
        for lang, items in table.items():
            if not isinstance(items, list) or not all(isinstance(w, str) and w for w in items):
                raise data.fail(f"`{key}.{lang}` must be a list of non-empty strings")
            words[lang] = frozenset(w.casefold() for w in items)
        return words

    def check(self, doc: Document) -> Iterator[Finding]:
        lang = primary(doc.lang) or ""
        allowed = self.allowed.get(lang, frozenset()) | self.allowed.get("all", frozenset())
        only = self.only.get(lang)
        after_comma = self.after_comma.get(lang, frozenset())
        # Lines break at whitespace, so a line's neighbouring words are neighbours in the whole text:
        # a document without two equal words in a row has no line to look at.
        folded = doc.text.casefold().split()
        if not any(map(str.__eq__, folded, folded[1:])):
            return
        for line in doc.lines:
            text = line.text
            words = text.casefold().split()
            if not any(a == b for a, b in zip(words, words[1:])):
                continue  # most lines: no word equal to the next, nothing to look at closely
            previous = None
            for token in _TOKEN.finditer(text):
                if previous is not None and self._repeats(previous, token, text, allowed, only, after_comma):
                    yield self._report(doc, line.start, previous, token)
                previous = token

    @staticmethod
    def _repeats(
        first, second, text: str, allowed: frozenset[str], only: frozenset[str] | None, after_comma: frozenset[str]
    ) -> bool:
        word = first.group()
        if not word[0].isalpha() or word.casefold() != second.group().casefold():
            return False
        if not _GAP.fullmatch(text, first.end(), second.start()):
            return False
        if word.casefold() in allowed or (only is not None and word.casefold() not in only):
            return False
        if word.casefold() in after_comma and _AFTER_COMMA.search(text, max(0, first.start() - 40), first.start()):
            return False
        return not second.group()[0].isupper()  # "de De Gaulle", "l'hôtel Roa Roa": a name

    def _report(self, doc: Document, offset: int, first, second) -> Finding:
        start, end = offset + first.start(), offset + second.end()
        word = first.group()
        message = self.message.replace("{match}", doc.text[start:end]).replace("{word}", word)
        fix = self.fix(
            f"Delete the second “{second.group()}”",
            [self.edit(doc, offset + first.end(), end, "")],
            self.applicability,
        )
        return self.finding(doc, start, end, message, fix)
