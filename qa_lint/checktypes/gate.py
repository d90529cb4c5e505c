"""A whole-document gate for patterns run line by line: one search says which can match no line.

A pattern matches some line only if the same pattern, with `^` and `$` at line
breaks (MULTILINE), matches somewhere in the document's text with each line
break written "\\n": the characters a match reads inside its line are the same
there, and a line's edge reads like that "\\n" to `^`, `$`, `\\b` and `\\w`
(neither is a word character) and to a positive lookaround (which needs a
character there, so the match never reads past its line). Most lines of most
documents hold no match of most patterns: one search of the whole text spares
one search of each line.

A pattern is gated only when none of the constructs that see a line's edge
otherwise is in it: `\\A`, `\\Z`, `\\z`, `\\G`, `\\K`, a negative lookaround
(nothing before a line's start, but a "\\n" in the text), an inline flag, an
atomic group or a possessive quantifier (which may run on past the line's end
and not come back).
"""

from __future__ import annotations

import regex

from ..document import Document

_UNGATED = regex.compile(r"\\[AZzGK]|\(\?<?!|\(\?[a-zA-Z^-]+[):]|\(\?>|[*+?}]\+")


def gate(source: str, compiled: str, flags: int) -> regex.Pattern | None:
    """The pattern to search the whole text with (`compiled` as run on lines), or None when it cannot be gated."""
    if _UNGATED.search(source):
        return None
    try:
        return regex.compile(compiled, flags | regex.MULTILINE)
    except regex.error:
        return None


def gate_text(doc: Document) -> str:
    """The document's text with each line break (\\r\\n, \\r) written \\n, as `gate` patterns search it."""
    return doc.memo("gate.text", _gate_text)


def _gate_text(doc: Document) -> str:
    text = doc.text
    # "\r\n" becomes "\n\n": an empty line between two lines, which no match of a line reaches.
    return text.replace("\r", "\n") if "\r" in text else text
