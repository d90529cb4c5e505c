"""Recognising photo captions in an article, for the caption rules (C001-C007).

Scraped from HTML tables, a caption reaches the translator's output as one line
wrapped in table pipes and ending in a credit: `| Text. (Photo : Dinh Hoa) |`.
A line is a caption when it has such a pipe wrapper or ends with a credit
whose label is a known credit label (`rules/caption/_credit-labels.toml`) in
one of three forms: in brackets `(Ảnh: TTXVN)`, after a dash `— Photo: AFP`,
or bare after the caption's last sentence `… Foto: dpa`.
"""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass
from typing import Iterator

import regex

from ...document import Document, Line
from ...languages import primary
from ...packs import builtin_pack_dir

DEFAULT_SEPARATOR = ": "
# Pipes of a markdown table row: a caption wrapper has one pipe at each edge at most.
_MAX_PIPES_OF_A_WRAPPER = 2
_TABLE_RULE = regex.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_SPACES = regex.compile(r"[ \t\u00a0\u202f]+")
_LEAD_PIPE = regex.compile(r"\s*\|\s*")
_TRAIL_PIPE = regex.compile(r"\s*\|\s*$")
# A credit's name: a few words, no sentence inside it.
_MAX_NAME = 80


@dataclass(frozen=True)
class CreditLabels:
    """The credit labels of every language, read from `rules/caption/_credit-labels.toml`."""

    kinds: dict[str, dict[str, list[str]]]  # lang -> kind -> labels (house form first)
    separators: dict[str, tuple[str, ...]]  # lang -> house separator, then accepted ones

    @functools.cached_property
    def by_label(self) -> dict[str, list[tuple[str, str]]]:
        """casefolded label -> [(lang, kind), ...]"""
        table: dict[str, list[tuple[str, str]]] = {}
        for lang, kinds in self.kinds.items():
            for kind, labels in kinds.items():
                for label in labels:
                    table.setdefault(label.casefold(), []).append((lang, kind))
        return table

    def languages_of(self, label: str) -> set[str]:
        return {lang for lang, _ in self.by_label.get(label.casefold(), ())}

    def kind_of(self, label: str) -> str | None:
        found = self.by_label.get(label.casefold())
        return found[0][1] if found else None

    def house_label(self, lang: str | None, kind: str) -> str | None:
        labels = self.kinds.get(primary(lang) or "", {}).get(kind)
        return labels[0] if labels else None

    def knows(self, lang: str | None) -> bool:
        return primary(lang) in self.kinds

    def separators_for(self, lang: str | None) -> tuple[str, ...]:
        return self.separators.get(primary(lang) or "", (DEFAULT_SEPARATOR,))

    def alternation(self, kinds: tuple[str, ...] | None = None) -> str:
        labels = {
            label
            for by_kind in self.kinds.values()
            for kind, items in by_kind.items()
            if kinds is None or kind in kinds
            for label in items
        }
        # Longest first, so "Hình ảnh" is tried before "Hình".
        return "|".join(regex.escape(label) for label in sorted(labels, key=len, reverse=True))


@functools.lru_cache(maxsize=1)
def credit_labels() -> CreditLabels:
    data = tomllib.loads((builtin_pack_dir() / "caption" / "_credit-labels.toml").read_text(encoding="utf-8"))
    kinds: dict[str, dict[str, list[str]]] = {}
    separators: dict[str, tuple[str, ...]] = {}
    for lang, table in data.items():
        house = table.get("separator", DEFAULT_SEPARATOR)
        separators[lang] = (house, *table.get("separators-accepted", ()))
        kinds[lang] = {k: v for k, v in table.items() if isinstance(v, list) and k != "separators-accepted"}
    return CreditLabels(kinds, separators)


@dataclass(frozen=True)
class Span:
    start: int  # offsets into the document text, end exclusive
    end: int


@dataclass(frozen=True)
class Credit:
    form: str  # "bracket", "dash" or "bare"
    span: Span  # the whole credit, brackets included
    label: str
    label_span: Span
    separator: str  # between label and name, spaces included
    separator_span: Span
    name: str
    name_span: Span
    opener: str = ""  # "(" for a bracketed credit; ")" when the brackets are mirrored
    closer: str = ""  # "" when the bracket is never closed

    @property
    def style(self) -> tuple[str, str, str, str]:
        """What an editor sees as the credit's style: form, bracket, label, separator.

        An unclosed or mirrored bracket and a no-break space are slips in one
        caption (C003, C005), not another style.
        """
        bracket = {")": "(", "": ""}.get(self.opener, self.opener)
        return (self.form, bracket, self.label.casefold(), _SPACES.sub(" ", self.separator))


@dataclass(frozen=True)
class Caption:
    line: Line
    pipes: tuple[Span, ...]  # table pipes at the edges, with the spaces next to them
    body: Span  # the caption without its pipes
    credit: Credit | None

    @property
    def text(self) -> str:
        return self.line.text[self.body.start - self.line.start : self.body.end - self.line.start]


@functools.lru_cache(maxsize=1)
def _credit_patterns() -> tuple[regex.Pattern, regex.Pattern, regex.Pattern]:
    labels = credit_labels()
    every, photo = labels.alternation(), labels.alternation(("photo",))
    flags = regex.VERSION1 | regex.IGNORECASE | regex.FULLCASE
    sep = r"(?P<sep>[ \t\u00a0\u202f]*[:：=][ \t\u00a0\u202f]*)"
    bracket = regex.compile(
        rf"(?P<open>[(（\[)])[ \t]*(?P<label>{every}){sep}"
        rf"(?P<name>[^()（）\[\]]{{0,{_MAX_NAME}}}?)[ \t]*(?P<close>[)）\](])?[ \t]*$",
        flags,
    )
    dash = regex.compile(
        rf"(?<=\S[ \t]+)(?P<dash>[-–—])[ \t]*(?P<label>{every}){sep}(?P<name>[^()\[\]]{{1,{_MAX_NAME}}}?)[ \t]*$",
        flags,
    )
    bare = regex.compile(
        rf"(?<=[.!?。][ \t]*)(?P<label>{photo}){sep}(?P<name>[^.!?。()\[\]]{{1,{_MAX_NAME}}}?)[ \t]*$",
        flags,
    )
    return bracket, dash, bare


# Every credit form has one of these separators.
_CREDIT_MARKS = ":：="


def find_credit(text: str, offset: int) -> Credit | None:
    """The credit at the end of `text` (a line without its pipes), `offset` being where `text` starts."""
    if not any(mark in text for mark in _CREDIT_MARKS):
        return None  # every credit form has a separator (and the patterns cost 7 ms to compile)
    bracket, dash, bare = _credit_patterns()
    # A credit is at the end of the line: searching its last characters is enough (and fast).
    tail = max(0, len(text) - _MAX_NAME - 40)
    for form, pattern in (("bracket", bracket), ("dash", dash), ("bare", bare)):
        found = pattern.search(text, tail)
        if not found:
            continue
        # A bracketed credit must not start a line: "(Photo: ...)" alone is no caption.
        if form == "bracket" and not text[: found.start()].strip():
            continue
        at = lambda group: Span(offset + found.start(group), offset + found.end(group))  # noqa: E731
        end = found.end("close") if form == "bracket" and found.group("close") else found.end("name")
        start = found.start("dash") if form == "dash" else found.start()
        return Credit(
            form=form,
            span=Span(offset + start, offset + end),
            label=found.group("label"),
            label_span=at("label"),
            separator=found.group("sep"),
            separator_span=at("sep"),
            name=found.group("name"),
            name_span=at("name"),
            opener=found.group("open") if form == "bracket" else "",
            closer=(found.group("close") or "") if form == "bracket" else "",
        )
    return None


def _pipes(line: Line) -> tuple[tuple[Span, ...], Span] | None:
    """The table pipes at the edges of a line and what they wrap; None for a markdown table row."""
    text = line.text
    pipes: list[Span] = []
    if "|" not in text:
        start = len(text) - len(text.lstrip())
        return (), Span(line.start + start, line.start + len(text))
    if text.count("|") > _MAX_PIPES_OF_A_WRAPPER:
        return None
    start, end = 0, len(text)
    lead = _LEAD_PIPE.match(text)
    if lead:
        pipes.append(Span(line.start + lead.start(), line.start + lead.end()))
        start = lead.end()
    trail = _TRAIL_PIPE.search(text[start:])
    if trail:
        pipes.append(Span(line.start + start + trail.start(), line.start + start + trail.end()))
        end = start + trail.start()
    if not lead:  # keep the line's own indentation out of the body
        start = len(text) - len(text.lstrip())
    return tuple(pipes), Span(line.start + start, line.start + end)


def _in_markdown_table(lines: list[Line], index: int) -> bool:
    """A pipe line next to a `|---|---|` rule belongs to a markdown table, not to a scraped caption."""
    for neighbour in lines[max(0, index - 2) : index + 3]:
        if "-" in neighbour.text and _TABLE_RULE.match(neighbour.text):
            return True
    return False


def captions(doc: Document) -> list[Caption]:
    """The caption lines of a document, in order (computed once per document)."""
    return doc.memo("captions", lambda d: list(_scan(d)))


def _scan(doc: Document) -> Iterator[Caption]:
    lines = doc.lines
    for index, line in enumerate(lines):
        if "|" not in line.text and not any(mark in line.text for mark in _CREDIT_MARKS):
            continue  # neither a pipe nor a credit's separator, like most lines: no caption
        if line.is_blank:
            continue
        wrapped = _pipes(line)
        if wrapped is None:
            continue
        pipes, body = wrapped
        if pipes and _in_markdown_table(lines, index):
            continue
        text = doc.text[body.start : body.end]
        if not text.strip():
            continue
        credit = find_credit(text, body.start)
        if pipes or credit:
            yield Caption(line, pipes, body, credit)
