"""The `pattern` check type: report text that matches a regular expression.

Keys (besides the common ones):

* `patterns` - regular expressions (the `regex` module's syntax). `{tokens}` in
  a pattern stands for an alternation of every entry of `tokens`, escaped.
* `tokens` - a table of word lists per language (`en = ["Comment", "Comments"]`):
  the words of every language are used, since leftovers are often in the
  language of the site, not of the translation.
* `match` - `line` (default): the pattern must match a whole line, surrounding
  whitespace aside; `search`: anywhere in a line.
* `where` - `anywhere` (default) or `tail`: only among the last `tail-lines`
  non-blank lines of the document (attribution lines, footers).
* `ignore-case` - default true.
* `fix` - `delete-line` (a fix removing the line) or `none`.
* `unsafe` - default false; true makes the fix apply only with `--unsafe-fixes`
  (a line some desks keep on purpose).

`message` may use `{match}`, the matched text.
"""

from __future__ import annotations

from typing import Iterator

import regex

from ..document import Document
from ..model import Applicability, Finding
from .base import PackRule, PatternBudget, RuleData

_MAX_SHOWN = 60  # characters of a match quoted in a message


class PatternCheck(PackRule):
    type_name = "pattern"

    def configure(self, data: RuleData) -> None:
        tokens_table = data.take("tokens", dict, {})
        tokens: list[str] = []
        for lang, words in tokens_table.items():
            if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
                raise data.fail(f"`tokens.{lang}` must be a list of non-empty strings")
            tokens.extend(words)
        # Longest first, so "Comments" is tried before "Comment".
        alternation = "|".join(regex.escape(t) for t in sorted(set(tokens), key=len, reverse=True))
        self.match = data.take_choice("match", ("line", "search"), "line")
        self.where = data.take_choice("where", ("anywhere", "tail"), "anywhere")
        self.tail_lines = data.take("tail-lines", int, 3)
        ignore_case = data.take("ignore-case", bool, True)
        self.fixable = data.take_choice("fix", ("delete-line", "none"), "none") == "delete-line"
        unsafe = data.take("unsafe", bool, False)
        if unsafe and not self.fixable:
            raise data.fail("`unsafe` is about a fix, and this rule has none (`fix = \"delete-line\"`)")
        self.applicability = Applicability.UNSAFE if unsafe else Applicability.SAFE
        self.fix_applicability = self.applicability.value
        self.flags = regex.VERSION1 | regex.UNICODE | (regex.IGNORECASE | regex.FULLCASE if ignore_case else 0)
        self.sources: list[tuple[str, str]] = []  # (as written, with {tokens} expanded)
        for source in data.take_list("patterns", str):
            if "{tokens}" in source and not alternation:
                raise data.fail("a pattern uses {tokens} but the rule has no `tokens`")
            self.sources.append((source, source.replace("{tokens}", f"(?:{alternation})")))
        if not self.sources:
            raise data.fail("`patterns` is empty")
        self.patterns: list[regex.Pattern] | None = None

    def prepare(self) -> None:
        if self.patterns is not None:
            return
        patterns = []
        for source, expanded in self.sources:
            try:
                patterns.append(regex.compile(expanded, self.flags))
            except regex.error as error:
                raise self.fail(f"invalid pattern {source!r}: {error}") from None
        self.patterns = patterns

    def check(self, doc: Document) -> Iterator[Finding]:
        self.prepare()
        lines = doc.lines
        if self.where == "tail":
            candidates = [line for line in lines if not line.is_blank][-self.tail_lines :]
        else:
            candidates = lines
        budget = PatternBudget(doc, self.time_limited)
        line_mode = self.match == "line"
        for line in candidates:
            text = line.text
            stripped = text.strip()
            if not stripped:
                continue
            offset = line.start + (len(text) - len(text.lstrip()))
            subject = stripped if line_mode else text
            for number, pattern in enumerate(self.patterns):
                if budget.limited:
                    method = pattern.fullmatch if line_mode else pattern.search
                    found = budget.match(method, subject, self.sources[number][0], line.number)
                else:
                    found = pattern.fullmatch(subject) if line_mode else pattern.search(subject)
                if not found:
                    continue
                if line_mode:
                    start, end = offset, offset + len(stripped)
                else:
                    start, end = line.start + found.start(), line.start + found.end()
                shown = found.group()
                if len(shown) > _MAX_SHOWN:
                    shown = shown[: _MAX_SHOWN - 1] + "…"
                message = self.message.replace("{match}", shown)
                fix = self.delete_lines_fix(doc, line.number, line.number, applicability=self.applicability) if self.fixable else None
                yield self.finding(doc, start, end, message, fix)
                break
