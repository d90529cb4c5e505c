"""The `substitution` check type: text that should be written another way.

Keys (besides the common ones):

* `swap` - a table from a regular expression to its replacement (`\\1` and
  `\\g<name>` refer to groups). A match is reported with the replacement as fix.
* `ignore-case` - default false.
* `whole-words` - default true: matches must not start or end inside a word.
* `unsafe` - default false; true makes the fix apply only with `--unsafe-fixes`.

`message` may use `{match}` and `{replacement}`.
"""

from __future__ import annotations

from typing import Iterator

import regex

from ..document import Document
from ..model import Applicability, Finding
from .base import PackRule, RuleData


class SubstitutionCheck(PackRule):
    type_name = "substitution"
    fixable = True

    def configure(self, data: RuleData) -> None:
        swap = data.take("swap", dict)
        ignore_case = data.take("ignore-case", bool, False)
        whole_words = data.take("whole-words", bool, True)
        unsafe = data.take("unsafe", bool, False)
        self.applicability = Applicability.UNSAFE if unsafe else Applicability.SAFE
        self.flags = regex.VERSION1 | (regex.IGNORECASE | regex.FULLCASE if ignore_case else 0)
        self.sources: list[tuple[str, str, str]] = []  # (as written, as compiled, replacement)
        for source, replacement in swap.items():
            if not isinstance(replacement, str):
                raise data.fail(f"the replacement for {source!r} in `swap` must be a string")
            self.sources.append((source, rf"(?<!\w)(?:{source})(?!\w)" if whole_words else source, replacement))
        if not self.sources:
            raise data.fail("`swap` is empty")
        self.swaps: list[tuple[regex.Pattern, str]] | None = None

    def prepare(self) -> None:
        if self.swaps is not None:
            return
        swaps = []
        for source, wrapped, replacement in self.sources:
            try:
                swaps.append((regex.compile(wrapped, self.flags), replacement))
            except regex.error as error:
                raise self.fail(f"invalid pattern {source!r} in `swap`: {error}") from None
        self.swaps = swaps

    def check(self, doc: Document) -> Iterator[Finding]:
        self.prepare()
        for line in doc.lines:
            for pattern, replacement in self.swaps:
                for found in pattern.finditer(line.text):
                    start, end = line.start + found.start(), line.start + found.end()
                    wanted = found.expand(replacement)
                    message = self.message.replace("{match}", found.group()).replace("{replacement}", wanted)
                    fix = self.fix(
                        f"Replace with “{wanted}”", [self.edit(doc, start, end, wanted)], self.applicability
                    )
                    yield self.finding(doc, start, end, message, fix)
