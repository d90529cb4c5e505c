"""The `substitution` check type: text that should be written another way.

Keys (besides the common ones):

* `swap` - a table from a regular expression to its replacement (`\\1` and
  `\\g<name>` refer to groups). A match is reported with the replacement as fix.
* `ignore-case` - default false.
* `whole-words` - default true: matches must not start or end inside a word.
* `unsafe` - default false; true makes the fix apply only with `--unsafe-fixes`.
* `unsafe-inside` - quotation marks, as two-character strings (`"«»"`, `"“”"`):
  a match between such a pair on its line gets an unsafe fix. Quoted text (a
  title, a quotation in another language) follows its own typography, which
  the article's conventions say nothing about.

`message` may use `{match}` and `{replacement}`.
"""

from __future__ import annotations

from typing import Iterator

import regex

from ..document import Document
from ..model import Applicability, Finding
from .base import PackRule, PatternBudget, RuleData
from .gate import gate, gate_text


class SubstitutionCheck(PackRule):
    type_name = "substitution"
    fixable = True

    def configure(self, data: RuleData) -> None:
        swap = data.take("swap", dict)
        ignore_case = data.take("ignore-case", bool, False)
        whole_words = data.take("whole-words", bool, True)
        unsafe = data.take("unsafe", bool, False)
        self.applicability = Applicability.UNSAFE if unsafe else Applicability.SAFE
        inside = data.take_list("unsafe-inside", str, [])
        if not all(len(pair) == 2 for pair in inside):
            raise data.fail("every item of `unsafe-inside` must be two characters, an opening and a closing mark")
        self.unsafe_inside = [(pair[0], pair[1]) for pair in inside]
        self.fix_applicability = "unsafe" if unsafe else "depends" if inside else "safe"
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
        swaps, gates = [], []
        for source, wrapped, replacement in self.sources:
            try:
                swaps.append((regex.compile(wrapped, self.flags), replacement))
            except regex.error as error:
                raise self.fail(f"invalid pattern {source!r} in `swap`: {error}") from None
            gates.append(gate(source, wrapped, self.flags))
        self.gates = gates
        self.swaps = swaps

    def check(self, doc: Document) -> Iterator[Finding]:
        self.prepare()
        budget = PatternBudget(doc, self.time_limited)
        swaps = list(enumerate(self.swaps))
        if not budget.limited:  # a limited pattern may run away: never on the whole text at once
            text = gate_text(doc)
            swaps = [(number, swap) for number, swap in swaps
                     if self.gates[number] is None or self.gates[number].search(text) is not None]
            if not swaps:
                return
        for line in doc.lines:
            for number, (pattern, replacement) in swaps:
                if budget.limited:
                    matches = budget.finditer(pattern, line.text, self.sources[number][0], line.number)
                else:
                    matches = pattern.finditer(line.text)
                for found in matches:
                    start, end = line.start + found.start(), line.start + found.end()
                    wanted = found.expand(replacement)
                    message = self.message.replace("{match}", found.group()).replace("{replacement}", wanted)
                    applicability = self.applicability
                    if self.unsafe_inside and _quoted(line.text, found.start(), self.unsafe_inside):
                        applicability = Applicability.UNSAFE
                    fix = self.fix(_fix_message(found.group(), wanted), [self.edit(doc, start, end, wanted)], applicability)
                    yield self.finding(doc, start, end, message, fix)


def _quoted(text: str, at: int, pairs: list[tuple[str, str]]) -> bool:
    """Whether `at` lies between an opening mark and its closing mark (or the end of the line)."""
    before = text[:at]
    for opener, closer in pairs:
        if opener == closer:
            if before.count(opener) % 2:
                return True
        elif before.rfind(opener) > before.rfind(closer):
            return True
    return False


_SHOWN = {" ": "space", "\u00a0": "no-break space", "\u202f": "narrow no-break space", "\t": "tab", "\u200c": "zero-width non-joiner"}


def _fix_message(old: str, new: str) -> str:
    """What the fix does, in words: "Delete the space before “,”", "Insert a no-break space before “:”"."""
    if not old:
        return f"Insert “{new}”"
    if new.startswith(old) and new[len(old):] and new[len(old):] in _SHOWN:  # e.g. "," -> ", "
        return f"Insert a {_SHOWN[new[len(old):]]} after “{old}”"
    if new.endswith(old) and new[: len(new) - len(old)] in _SHOWN:
        return f"Insert a {_SHOWN[new[: len(new) - len(old)]]} before “{old}”"
    if old.endswith(new) and new and old[: len(old) - len(new)].strip(" \t\u00a0") == "":
        gap = old[: len(old) - len(new)]
        return f"Delete the {_SHOWN.get(gap, 'spaces') if len(set(gap)) == 1 and len(gap) == 1 else 'spaces'} before “{new}”"
    if old and not old.strip(" ") and new and not new.strip(" "):
        return f"Replace the {len(old)} spaces with {'one' if len(new) == 1 else len(new)}"
    return f"Replace “{old}” with “{new}”" if len(old) + len(new) <= 60 else f"Write “{new}”"
