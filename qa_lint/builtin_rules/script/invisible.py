"""S006 invisible-character, S007 bidi-control, S008 control-character: characters a reader cannot see."""

from __future__ import annotations

import bisect
import re
import unicodedata
from typing import Iterator

import regex

from ...document import Document
from ...model import Applicability, Category, Finding, Severity
from ...rule import Example, Rule
from .mojibake import mojibake_spans
from .unicode_scripts import main_script, primary_script

# Zero-width and filler characters with no business in running text. Zero-width
# joiners and non-joiners are not here: Persian, Indic scripts and emoji need them.
INVISIBLE = regex.compile(r"[\u200b\u2060\ufeff\u00ad\u2061-\u2064\u180e\u115f\u1160\u3164\uffa0]+")
# Embeddings, overrides and isolates: they reorder what follows ("Trojan Source").
# The marks LRM, RLM and ALM only nudge neutral characters and are left alone.
BIDI = regex.compile(r"[\u202a-\u202e\u2066-\u2069]+")
# What closes each opener: PDF for embeddings and overrides, PDI for isolates.
_CLOSES = {**dict.fromkeys("\u202a\u202b\u202d\u202e", "\u202c"), **dict.fromkeys("\u2066\u2067\u2068", "\u2069")}
CONTROL = regex.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]+")
UNRENDERABLE = regex.compile(r"[\p{Co}\p{Cs}\p{Noncharacter_Code_Point}\ufffd]+")
# Every character INVISIBLE, BIDI, CONTROL or UNRENDERABLE can match, for one quick scan that
# lets S006-S008 skip a document holding none (nearly all do). The stdlib `re` scans this class
# of the BMP several times faster than `regex`: the controls, surrogates and private use
# (U+D800-U+F8FF), noncharacters U+FDD0-U+FDEF, U+FFFD-U+FFFF and the listed invisibles. Above
# the BMP (private-use planes, noncharacters) any character at all sends the document to the
# full scans: `regex` tells that quickly.
_RARE_BMP = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\uf8ff\ufdd0-\ufdef\ufffd-\uffff"
    "\u202a-\u202e\u2066-\u2069\u200b\u2060\ufeff\u00ad\u2061-\u2064\u180e\u115f\u1160\u3164\uffa0]"
)
_ABOVE_BMP = regex.compile("[\U00010000-\U0010ffff]")


def _has_rare_characters(doc: Document) -> bool:
    """Whether S006, S007 or S008 could find anything in `doc` (computed once per document)."""
    return doc.memo("script.rare-characters", lambda d: bool(_RARE_BMP.search(d.text) or _ABOVE_BMP.search(d.text)))


# Scripts written without spaces use the zero-width space as a word-break hint.
_ZWSP_SCRIPTS = frozenset({"Thai", "Lao", "Khmer", "Myanmar", "Tibetan"})


def _names(chars: str) -> str:
    seen = dict.fromkeys(chars)
    return ", ".join(f"U+{ord(c):04X} {unicodedata.name(c, 'control').title()}" for c in seen)


def _between_letters(text: str, start: int, end: int) -> bool:
    return 0 < start and end < len(text) and text[start - 1].isalnum() and text[end].isalnum()


def _count(run: str) -> str:
    return f"{len(run)} invisible characters" if len(run) > 1 else "An invisible character"


class InvisibleCharacter(Rule):
    """## What it does
    Reports invisible characters in running text. That is zero-width spaces,
    word joiners, a byte-order mark inside the text, soft hyphens and Hangul and
    Mongolian fillers. Zero-width spaces are left
    alone next to Thai, Lao, Khmer, Myanmar and Tibetan letters, where they mark
    word breaks; zero-width (non-)joiners are S012's and the scripts' own business.
    The fix deletes them (unsafe between two letters, where a space may have been meant).

    ## Why is this bad?
    They are invisible in the editor and on the page but split or glue words
    for search, spell checking, name matching and hyphenation: "Москва" with a
    zero-width space inside is not "Москва".

    ## Fix safety
    Safe where the character sits next to a space or punctuation, or is a soft
    hyphen; unsafe between two letters, where a space may have been meant.
    """

    code = "S006"
    name = "invisible-character"
    category = Category.SCRIPT
    fixable = True
    fix_applicability = "depends"
    examples = (
        Example("Il a visité \u200b\u200bHanoï.\n", lang="fr", fixed="Il a visité Hanoï.\n"),
        Example("La coopé\u00adration.\n", lang="fr", fixed="La coopération.\n"),
        Example("Москва\ufeff и Париж.\n", lang="ru", fixed="Москва и Париж.\n"),
        Example("ລັດ\u200bຖະບານ\n", lang="lo", fires=False),
        Example("می\u200cکند\n", lang="fa", fires=False),
    )

    def check(self, doc: Document) -> Iterator[Finding]:
        if not _has_rare_characters(doc):
            return
        text = doc.text
        mojibake_spans: dict[int, list[tuple[int, int]]] = {}
        for match in INVISIBLE.finditer(text):
            start, end = match.span()
            run = match.group()
            if not run.strip("\u200b") and _near_script(text, start, end, _ZWSP_SCRIPTS):
                continue
            if run == "\u00ad" and _inside_mojibake(doc, start, mojibake_spans):
                continue  # byte 0xAD of a misread UTF-8 sequence: S009 repairs it
            glued = _between_letters(text, start, end)
            applicability = Applicability.UNSAFE if glued and "\u00ad" not in run else Applicability.SAFE
            message = f"{_count(run)} ({_names(run)}); delete"
            yield self.finding(doc, start, end, message, self.fix(
                f"Delete {'them' if len(run) > 1 else 'it'} ({_names(run)})", [self.edit(doc, start, end, "")], applicability))


def _inside_mojibake(doc: Document, offset: int, spans_by_line: dict[int, list[tuple[int, int]]]) -> bool:
    line = doc.line_at(offset)
    spans = spans_by_line.get(line.number)
    if spans is None:  # once per line: a long line of soft hyphens must not be rescanned for each
        spans = mojibake_spans(line.text, main_script(doc), doc.lang)
        spans_by_line[line.number] = spans
    index = bisect.bisect_right(spans, (offset - line.start, len(line.text) + 1)) - 1
    return index >= 0 and spans[index][0] <= offset - line.start < spans[index][1]


def _near_script(text: str, start: int, end: int, scripts: frozenset[str]) -> bool:
    return (start > 0 and primary_script(text[start - 1]) in scripts) or (
        end < len(text) and primary_script(text[end]) in scripts
    )


class BidiControl(Rule):
    """## What it does
    Reports bidirectional embeddings, overrides and isolates. These are
    U+202A–U+202E and U+2066–U+2069; an opener and its closer on the same line
    are one finding. The fix (unsafe: the writer may have meant one)
    deletes them. The marks LRM, RLM and ALM are not reported.

    ## Why is this bad?
    They reorder how the characters after them are displayed, so what the reader
    sees is not what is stored: a name or number shown backwards, or text that
    looks fine in one program and scrambled in the CMS ("Trojan Source").
    Pasted from word processors, they also leak into other articles.

    ## Fix safety
    Unsafe: the writer may have meant a control (a right-to-left name in a
    left-to-right sentence).
    """

    code = "S007"
    name = "bidi-control"
    category = Category.SCRIPT
    severity = Severity.ERROR
    fixable = True
    fix_applicability = "unsafe"
    examples = (
        Example("Le code \u202eelbisiv\u202c est caché.\n", lang="fr", fixed="Le code elbisiv est caché.\n"),
        Example("نام \u2067Paris\u2069 آمد.\n", lang="fa", fixed="نام Paris آمد.\n"),
        Example("او گفت\u200f: «بله».\n", lang="fa", fires=False),
    )

    def check(self, doc: Document) -> Iterator[Finding]:
        if not _has_rare_characters(doc):
            return
        text = doc.text
        matches = list(BIDI.finditer(text))
        used: set[int] = set()
        for index, match in enumerate(matches):
            if index in used:
                continue
            used.add(index)
            closer = self._closer(text, matches, index, used)
            runs = [match] if closer is None else [match, matches[closer]]
            start, end = match.start(), runs[-1].end()
            names = _names("".join(run.group() for run in runs))
            what = "the text between them" if closer is not None else "the text around it"
            message = f"Bidirectional control ({names}) reorders {what}; delete it"
            edits = [self.edit(doc, run.start(), run.end(), "") for run in runs]
            yield self.finding(doc, start, end, message, self.fix(
                f"Delete the bidirectional control{'s' if len(runs) > 1 else ''} ({names})", edits, Applicability.UNSAFE))

    @staticmethod
    def _closer(text: str, matches: list, index: int, used: set[int]) -> int | None:
        """The run on the same line that closes an opening embedding, override or isolate."""
        opening = matches[index].group()[-1]
        if opening not in _CLOSES:
            return None
        line_end = text.find("\n", matches[index].end())
        for later in range(index + 1, len(matches)):
            run = matches[later]
            if line_end != -1 and run.start() > line_end:
                return None
            if run.group()[0] == _CLOSES[opening]:
                used.add(later)
                return later
        return None


class ControlCharacter(Rule):
    """## What it does
    Reports control, private-use and replacement characters. That is C0, DEL
    and C1 controls other than tab and line breaks, private-use characters,
    noncharacters and U+FFFD, which a converter leaves where it lost a character. Controls get a fix deleting
    them (unsafe between two letters); the others must be restored from the source.

    ## Why is this bad?
    Controls are invisible or shown as boxes and make XML and JSON feeds
    invalid; private-use characters show only with the font they were made for;
    U+FFFD means a letter was lost and the word is now wrong.

    ## Fix safety
    Safe where the control sits next to a space or punctuation; unsafe between
    two letters, where a space may have been meant. U+FFFD and private-use
    characters get no fix: the lost text must come from the source.
    """

    code = "S008"
    name = "control-character"
    category = Category.SCRIPT
    fixable = True
    fix_applicability = "depends"
    examples = (
        Example("Le texte\x07 continue.\n", lang="fr", fixed="Le texte continue.\n"),
        Example("Le texte\x81 continue.\n", lang="fr", fixed="Le texte continue.\n"),
        Example("C\x92est la vie.\n", lang="fr", fires=False),  # S009 writes “C’est”
        Example("Le\tmot, puis la fin.\n", lang="fr", fires=False),
    )

    def check(self, doc: Document) -> Iterator[Finding]:
        if not _has_rare_characters(doc):
            return
        text = doc.text
        mojibake_spans: dict[int, list[tuple[int, int]]] = {}
        for match in CONTROL.finditer(text):
            start, end = match.span()
            if "\x80" <= match.group()[0] <= "\x9f" and _inside_mojibake(doc, start, mojibake_spans):
                continue  # a Windows-1252 character read as Latin-1 ("C\x92est"): S009 repairs it
            glued = _between_letters(text, start, end)
            message = f"Control character ({_names(match.group())}); delete it"
            yield self.finding(doc, start, end, message, self.fix(
                f"Delete the control character ({_names(match.group())})", [self.edit(doc, start, end, "")],
                Applicability.UNSAFE if glued else Applicability.SAFE))
        for match in UNRENDERABLE.finditer(text):
            start, end = match.span()
            run = match.group()
            if "\ufffd" in run:
                message = "Replacement character “\ufffd”: a character was lost in conversion; restore it from the source"
            else:
                message = f"Private-use or noncharacter ({_names(run)}) shows only in one font; write the real character"
            yield self.finding(doc, start, end, message)


RULES = (InvisibleCharacter(), BidiControl(), ControlCharacter())
