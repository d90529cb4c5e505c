"""A line of untrusted text as HTML: escaped, with each finding's span marked, and fixes as diffs."""

from __future__ import annotations

import re
import unicodedata
from html import escape

from ...model import Finding, Position

# Embeddings, overrides and isolates reorder the text around them: always shown by name. Direction
# marks (LRM, RLM, ALM) only steer neighbouring punctuation, as writers mean them to: shown as written.
_REORDERING = {
    "\u202a": "LRE", "\u202b": "RLE", "\u202c": "PDF", "\u202d": "LRO", "\u202e": "RLO",
    "\u2066": "LRI", "\u2067": "RLI", "\u2068": "FSI", "\u2069": "PDI",
}
_BIDI = {**_REORDERING, "\u200e": "LRM", "\u200f": "RLM", "\u061c": "ALM"}
_NAMES = {
    **_BIDI, "\u00a0": "NBSP", "\u202f": "NNBSP", "\u2009": "THSP", "\u200b": "ZWSP", "\u200c": "ZWNJ",
    "\u200d": "ZWJ", "\u2060": "WJ", "\ufeff": "BOM", "\u00ad": "SHY", "\t": "TAB", "\n": "↵", " ": "␣",
}
# What `text_html` shows by name: C0 controls but tab, DEL and C1 controls, reordering bidi controls.
_SHOWN = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f" + "".join(_REORDERING) + "]")
_SHORT_CONTEXT = 24  # code points of unchanged text shown on each side of a fix


def _token(char: str) -> str:
    name = _NAMES.get(char) or f"U+{ord(char):04X}"
    return f'<span class="cp" dir="ltr" title="U+{ord(char):04X}">{name}</span>'


def _hidden(char: str) -> bool:
    """A character a reader cannot see: controls, format characters, unusual spaces."""
    return char in _NAMES or unicodedata.category(char) in ("Cc", "Cf", "Co", "Cs", "Zl", "Zp", "Zs")


def text_html(text: str) -> str:
    """Text as written; only controls and reordering bidi controls shown by name (they would reorder the page)."""
    if not _SHOWN.search(text):
        return escape(text, quote=False)
    return "".join(_token(c) if _SHOWN.match(c) else escape(c, quote=False) for c in text)


def span_html(text: str) -> str:
    """A marked span: made only of invisible characters, each is shown by name (a stray ZWNJ, a doubled space)."""
    if text and all(_hidden(c) for c in text):
        return "".join(_token(c) for c in text)
    return text_html(text)


def diff_html(text: str) -> str:
    """Deleted or inserted text, every invisible character shown by name so an edit of spaces can be seen;
    plain spaces between words stay spaces."""
    inner = text.strip(" ")
    lead, trail = len(text) - len(text.lstrip(" ")), len(text) - len(text.rstrip(" "))
    body = "".join(_token(c) if _hidden(c) and c != " " else escape(c, quote=False) for c in inner)
    if not inner:
        lead, trail = len(text), 0
    return _token(" ") * lead + body + _token(" ") * trail


def marked_spans(finding: Finding) -> list[tuple[Position, Position]]:
    """Where a finding is marked: its span, or, when that spans lines and the fix has edits, the edits.

    A finding about a word form written all over a file spans from its first
    occurrence to its last; marking the edits shows each occurrence instead
    of the whole file.
    """
    if finding.fix and finding.fix.edits and finding.end.line > finding.start.line:
        return [(edit.start, edit.end) for edit in finding.fix.edits]
    return [(finding.start, finding.end)]


def line_html(line: str, number: int, spans: list[tuple[int, Finding, Position, Position]]) -> str:
    """`line` (line `number`) with the `spans` ((id, finding, start, end)) that touch it marked.

    Overlapping spans are cut at every edge: each piece is one `<mark>` naming
    every finding that covers it (`data-f`), so a filter can unmark it when all
    of them are hidden. An empty span is an insertion point; a blank line
    inside a span over several lines shows "↵"; a span past the end of the
    file (given with the last line) is a point at its end.
    """
    pieces: list[tuple[int, int, int]] = []  # (start, end, id)
    points: dict[int, list[int]] = {}
    for ident, _, begin, finish in spans:
        if begin.line > number:  # past the end of the file
            points.setdefault(len(line), []).append(ident)
            continue
        if finish.line == number and finish.column == 1 and begin.line < number:
            continue  # the span ends with the previous line's terminator
        start = begin.column - 1 if begin.line == number else 0
        end = finish.column - 1 if finish.line == number else len(line)
        start, end = min(max(start, 0), len(line)), min(max(end, 0), len(line))
        if end > start:
            pieces.append((start, end, ident))
        elif begin.line == number or not line:
            points.setdefault(start, []).append(ident)
    if not pieces and not points:
        return text_html(line)
    titles = {ident: f"{f.code} {f.message}" for ident, f, _, _ in spans}
    severity = {ident: f.severity for ident, f, _, _ in spans}
    edges = sorted({0, len(line), *points, *(p[0] for p in pieces), *(p[1] for p in pieces)})
    opening: dict[int, list[int]] = {}
    closing: dict[int, list[int]] = {}
    for start, end, ident in pieces:
        opening.setdefault(start, []).append(ident)
        closing.setdefault(end, []).append(ident)
    active: dict[int, int] = {}  # id -> how many of its spans cover the current piece (a sweep: linear in the edges)
    out = []
    for index, left in enumerate(edges):
        for ident in closing.get(left, ()):
            active[ident] -= 1
            if not active[ident]:
                del active[ident]
        for ident in opening.get(left, ()):
            active[ident] = active.get(ident, 0) + 1
        if left in points:
            out.append(_mark(points[left], titles, severity, "", "pt nl" if not line else "pt"))
        if index + 1 == len(edges):
            break
        right = edges[index + 1]
        covering = sorted(active)
        piece = line[left:right]
        out.append(_mark(covering, titles, severity, span_html(piece), "") if covering else text_html(piece))
    return "".join(out)


def _mark(idents: list[int], titles: dict, severity: dict, inner: str, kind: str) -> str:
    worst = max(severity[i] for i in idents)
    title = escape("\n".join(titles[i] for i in idents))
    ids = " ".join(f"f{i}" for i in idents)
    classes = f"f sev-{str(worst)}" + (f" {kind}" if kind else "")
    return f'<mark class="{classes}" data-f="{ids}" title="{title}">{inner}</mark>'


def fix_html(finding: Finding, lines: list[str] | None, rtl: bool, limit: int = 6) -> str:
    """The fix as a diff: each edit with a little unchanged text around it."""
    fix = finding.fix
    if fix is None:
        return ""
    parts = []
    for edit in fix.edits[:limit]:
        before, old, after = _around(lines, edit.start, edit.end)
        direction = ' dir="rtl"' if rtl else ""
        parts.append(
            f'<code class="diff"{direction}>{text_html(before)}<del>{diff_html(old)}</del>'
            f"<ins>{diff_html(edit.content)}</ins>{text_html(after)}</code>"
        )
    more = len(fix.edits) - limit
    if more > 0:
        parts.append(f'<span class="more">… and {more} more edit{"s" if more != 1 else ""}</span>')
    label = f'<span class="fixmsg">fix ({fix.applicability.value}): {escape(fix.message, quote=False)}</span>'
    return f'<div class="fix">{label}{"".join(parts)}</div>'


def _around(lines: list[str] | None, start, end) -> tuple[str, str, str]:
    """(context before, replaced text, context after) of a span; lines joined with "\\n"."""
    if not lines:
        return "", "", ""

    def at(line: int, column: int) -> tuple[int, int]:
        line = min(max(line, 1), len(lines) + 1)
        if line > len(lines):
            return len(lines) - 1, len(lines[-1]) + 1  # past the last line: its end, after the terminator
        return line - 1, min(max(column - 1, 0), len(lines[line - 1]))

    (sl, sc), (el, ec) = at(start.line, start.column), at(end.line, end.column)
    if (el, ec) < (sl, sc):
        el, ec = sl, sc
    if sl == el:
        old = lines[sl][sc:ec] if ec <= len(lines[sl]) else lines[sl][sc:] + "\n"
    else:
        old = "\n".join([lines[sl][sc:], *lines[sl + 1 : el], lines[el][:ec]])
    before = lines[sl][max(0, sc - _SHORT_CONTEXT) : sc]
    after = lines[el][ec : ec + _SHORT_CONTEXT] if ec <= len(lines[el]) else ""
    if sc > _SHORT_CONTEXT:
        before = "…" + before
    if ec + _SHORT_CONTEXT < len(lines[el]):
        after += "…"
    return before, old, after
