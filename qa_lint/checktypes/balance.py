"""The `balance` check type: brackets and quotation marks opened and never closed, or closed and never opened.

Keys (besides the common ones):

* `pairs` - the opening and closing characters, as two-character strings
  (`"()"`, `"«»"`, `"“”"`); the same character twice (`'""'`) is a straight
  quotation mark, whose role is read from the spaces around it.
* `language-pairs` - a table of pair lists per language that replaces `pairs`
  for that language (German and Russian open with „ and close with “, which
  opens in English).
* `span-lines` - how many lines a pair may cover; 0 (the default): up to the
  next blank line. Quotations run over several sentences, and sentence-per-line
  text puts each on its own line. A blank line (a paragraph break) always ends
  every pair.
* `wrapped-lines` - default false: true makes a line that ends inside a sentence
  (no full stop, question or exclamation mark at its end) run on into the next
  one, so it does not count toward `span-lines`: wrapped Markdown and text
  close a bracket on the next line of the paragraph, while sentence-per-line
  text is still judged line by line.
* `mixed` - default false: true makes any closing mark of the list close the
  last opened one, so that only the counts must agree. Translations mix quote
  styles ("…” or “…"); that is a matter of style, not of a quotation left open.

A quotation continued in a new paragraph reopens with its opening mark and
closes only at its end; an opening mark that starts a line while one from an
earlier line is open is taken for such a continuation. List markers ("1)",
"a)") and emoticons close a bracket only when one is open. `message` may use
`{match}` (the character) and `{problem}` ("never closed" or "never opened").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

import regex

from ..document import Document
from ..languages import primary
from ..model import Finding
from .base import PackRule, RuleData

# The end of a line that ends a sentence: a final mark, then closing quotes or brackets.
_SENTENCE_END = regex.compile(r"[.!?…。！？؟।۔][\p{Pe}\p{Pf}\"'»”’]*\s*$")
# What precedes a list marker "1)", "a)", "iv)" or an emoticon ":)": a closer only when a bracket is open.
_BEFORE_MARKER = regex.compile(r"(?:^|\s)(?:\p{N}{1,2}|\p{Ll}|[ivx]{2,4})$|[:;]-?$")


@dataclass(frozen=True)
class _Pairs:
    openers: dict[str, str]  # opening char -> its pair
    closers: dict[str, str]  # closing char -> its pair
    straight: frozenset[str]  # chars that open and close
    pattern: regex.Pattern


def _compile(pairs: list[str]) -> _Pairs:
    openers = {p[0]: p for p in pairs if p[0] != p[1]}
    closers = {p[1]: p for p in pairs if p[0] != p[1]}
    straight = frozenset(p[0] for p in pairs if p[0] == p[1])
    chars = "".join(sorted(set(openers) | set(closers) | straight))
    return _Pairs(openers, closers, straight, regex.compile(f"[{regex.escape(chars)}]"))


class BalanceCheck(PackRule):
    type_name = "balance"

    def configure(self, data: RuleData) -> None:
        def read(key: str, values: list) -> list[str]:
            if not all(isinstance(p, str) and len(p) == 2 for p in values):
                raise data.fail(f"every item of `{key}` must be two characters, an opening and a closing one")
            return values

        self.default_pairs = _compile(read("pairs", data.take_list("pairs", str)))
        self.language_pairs = {
            lang: _compile(read(f"language-pairs.{lang}", pairs if isinstance(pairs, list) else [None]))
            for lang, pairs in data.take("language-pairs", dict, {}).items()
        }
        self.mixed = data.take("mixed", bool, False)
        self.span_lines = data.take("span-lines", int, 0)
        self.wrapped_lines = data.take("wrapped-lines", bool, False)
        if self.span_lines < 0:
            raise data.fail("`span-lines` must be 0 (up to a blank line) or more")

    def check(self, doc: Document) -> Iterator[Finding]:
        pairs = self.language_pairs.get(primary(doc.lang) or "", self.default_pairs)
        if not pairs.pattern.search(doc.text):
            return  # no bracket or quotation mark: nothing opened, nothing closed
        # pair -> stack of (offset, line number, lines counted toward `span-lines` before it)
        open_: dict[str, list[tuple[int, int, int]]] = {}
        counted = 0  # lines so far that count toward `span-lines` (with `wrapped-lines`, those ending a sentence)
        for line in doc.lines:
            blank = line.is_blank
            if any(open_.values()):  # else nothing is open that could run out here
                yield from self._unclosed(doc, open_, None if blank else counted)
            if blank:
                continue
            before = counted
            counted += not self.wrapped_lines or bool(_SENTENCE_END.search(line.text))
            for found in pairs.pattern.finditer(line.text):
                at = found.start()
                char = found.group()
                if char in pairs.straight:
                    pair = char + char
                    role = _straight_role(line.text, at, bool(open_.get("" if self.mixed else pair)))
                    if role is None:
                        continue
                else:
                    role = "open" if char in pairs.openers else "close"
                    pair = pairs.openers[char] if role == "open" else pairs.closers[char]
                stack = open_.setdefault("" if self.mixed else pair, [])
                if role == "open" and stack and stack[-1][1] < line.number and _starts_line(line.text, at):
                    continue  # a quotation running on into a new paragraph reopens it; it is not a second one
                if role == "open":
                    stack.append((line.start + at, line.number, before))
                elif stack:
                    stack.pop()
                elif not (char == ")" and _BEFORE_MARKER.search(line.text[max(0, at - 5) : at])):
                    yield self._report(doc, line.start + at, "never opened")
        yield from self._unclosed(doc, open_, None)

    def _unclosed(self, doc: Document, open_: dict, counted: int | None) -> Iterator[Finding]:
        """Openers that can no longer be closed: past `span-lines`, or at a paragraph break (None)."""
        for stack in open_.values():
            while stack and (counted is None or 0 < self.span_lines <= counted - stack[0][2]):
                offset, _, _ = stack.pop(0)
                yield self._report(doc, offset, "never closed")

    def _report(self, doc: Document, offset: int, problem: str) -> Finding:
        char = doc.text[offset]
        message = self.message.replace("{match}", char).replace("{problem}", problem)
        return self.finding(doc, offset, offset + 1, message)


def _starts_line(text: str, at: int) -> bool:
    """Whether only spaces and direction marks (RLM, LRM) come before `at`."""
    return not text[:at].strip(" \t\u00a0\u200e\u200f\u061c")


def _straight_role(text: str, at: int, is_open: bool) -> str | None:
    """Whether a straight quotation mark opens or closes, from the characters around it."""
    before = text[at - 1] if at > 0 else " "
    after = text[at + 1] if at + 1 < len(text) else " "
    if before.isdigit():
        return None  # 12" (inches)
    space_before = before.isspace() or before in "([{«“‘—–-/"
    space_after = after.isspace() or after in ".,;:!?)]}»”’…-—"
    if space_before and not space_after:
        return "open"
    if space_after and not space_before:
        return "close"
    # Spaces on both sides, or none ("بمثابة"دلالة"", "で"Twp"と"): the open quotation decides.
    return "close" if is_open else "open"
