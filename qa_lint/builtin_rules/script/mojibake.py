"""S009 mojibake: text whose UTF-8 bytes were decoded with a single-byte code page somewhere on its way.

Detection and repair are ftfy's (`fix_encoding`), line by line. This module adds
what ftfy leaves: whole words of UTF-8 read as Windows-1251 ("РґРѕСЂРѕРіРµ" for
"дороге", which ftfy's heuristics take for Cyrillic text) and the lone "Ã " of
a French "à" whose second byte, a no-break space, became a plain space.
"""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from typing import Iterator

import regex

from ...document import Document
from ...model import Applicability, Category, Finding
from ...rule import Example, Rule
from .unicode_scripts import main_script, primary_script

# The single-byte code pages ftfy tries (its CHARMAP_ENCODINGS, sloppy variants as the strict ones).
_CODE_PAGES = ("latin-1", "cp1252", "cp1251", "cp1250", "cp1253", "cp1254", "cp1257", "iso-8859-2", "mac-roman", "cp437")
# Code pages whose repairs are certain enough to apply on their own: the Western
# ones every CMS defaults to. A repair through another (MacRoman, CP437, ...)
# is a good guess that an editor confirms.
_CERTAIN_STEPS = frozenset({
    ("encode", "latin-1"), ("encode", "sloppy-windows-1252"), ("encode", "windows-1252"),
    ("decode", "utf-8"), ("decode", "utf-8-variants"), ("decode", "windows-1252"), ("apply", "decode_inconsistent_utf8"),
    ("encode", "sloppy-windows-1251"), ("encode", "windows-1251"),
})
_NOT_TEXT = frozenset({"Cn", "Co", "Cc", "Cs"})


def _chars(codec: str, low: int, high: int) -> str:
    out = []
    for byte in range(low, high + 1):
        try:
            out.append(bytes([byte]).decode(codec))
        except UnicodeDecodeError:
            pass
    return "".join(dict.fromkeys(out))


# Quotes, dashes, spaces and the Russian ё that real text puts after any letter ("l’été",
# "да»", "её"): a pair of them with a letter says nothing, so they are left out of the pairs below.
_TYPOGRAPHIC = set("’‘“”„‚«»‹›–—…•\u00a0ёЁ")


def _pair_classes() -> list[tuple[str, str]]:
    """(lead characters, continuation characters) of each code page, quotes, dashes and spaces aside."""
    def chars(codec: str, low: int, high: int) -> str:
        return "".join(c for c in _chars(codec, low, high) if c not in _TYPOGRAPHIC)

    pairs = [(chars(c, 0xC2, 0xF4), chars(c, 0x80, 0xBF)) for c in _CODE_PAGES]
    # Capitals Â-ß (two-byte leads: "Ð»", "Ø§", "Â«") rarely stand before a quote: every continuation counts.
    continuation = _chars("cp1252", 0x80, 0xBF) + _chars("latin-1", 0x80, 0xBF)
    pairs.append(("".join(map(chr, range(0xC2, 0xE0))), continuation))
    return pairs


_OTHER_SUSPECTS = (r"[\x80-\x9f]", "[ÃĂ][ \u00a0]", "[A-Za-zÀ-ÿ] Г [A-Za-zÀ-ÿ]", "Â\u00a0")


@functools.cache
def _suspect() -> regex.Pattern:
    """A character a code page makes of a UTF-8 lead byte followed by one it makes of a
    continuation byte, in any code page ftfy knows (quotes, dashes and spaces aside after
    small letters); a small three-byte lead before two continuations ("á»‹" for Vietnamese
    "ị"); a C1 control; "Ã"/"Ă" before a space.

    ftfy repairs only such sequences: text without one is left without importing it.
    """
    continuation = regex.escape(_chars("cp1252", 0x80, 0xBF) + _chars("latin-1", 0x80, 0xBF))
    pairs = [f"[{regex.escape(lead)}][{regex.escape(cont)}]" for lead, cont in _pair_classes()]
    return regex.compile("|".join([*pairs, f"[à-ï][{continuation}]{{2}}", *_OTHER_SUSPECTS]))


@functools.cache
def _rough_suspect() -> re.Pattern:
    """A superset of `_suspect` that the standard library scans fast: any lead before any continuation."""
    leads = "".join(sorted({c for lead, _ in _pair_classes() for c in lead}))
    conts = "".join(sorted({c for _, cont in _pair_classes() for c in cont}))
    return re.compile("|".join([f"[{re.escape(leads)}][{re.escape(conts)}]", *_OTHER_SUSPECTS]))


def _suspects(text: str) -> Iterator[int]:
    """Offsets where `_suspect` matches: the rough pattern finds the few places, the exact one decides."""
    exact = _suspect()
    return (m.start() for m in _rough_suspect().finditer(text) if exact.match(text, m.start()))


def _has_suspect(text: str) -> bool:
    return next(_suspects(text), None) is not None


# A run of characters Windows-1251 makes of bytes 0x80-0xFF (Cyrillic letters and its punctuation).
_CP1251_RUN = regex.compile(f"[{regex.escape(_chars('cp1251', 0x80, 0xFF))}]{{4,}}")
# "Ã " for "à" once the no-break space that was its second byte became a space.
# Not after a capital: "SÃO", "IRMÃ " are Portuguese capitals.
# Windows-1251 makes "Г" of the same byte: between two Latin words it is "à" too.
_LOST_A0 = regex.compile(
    r"(?<![\p{Lu}\p{Nd}])Ã(?= \p{Ll})|(?<=\p{Ll}')Ã(?= )|(?<=\p{Ll} )Ã(?= \p{L})"
    r"|(?<=\p{Latn}\p{Ll} )Г(?= \p{Latn}\p{Ll})"
)


# Windows-1252 characters (bytes 0x80-0xFF) in a row. Such a run that decodes as UTF-8 into
# letters of the document's script ("Û´" for "۴" in Persian) is mojibake even where ftfy, which
# judges text without knowing its language, sees too little of it. In Latin text, where two such
# characters are often meant ("NESTLÉ®"), only three-byte letters count ("á»›" for Vietnamese "ớ").
_CP1252_RUN = regex.compile(f"[{regex.escape(_chars('cp1252', 0x80, 0xFF) + _chars('latin-1', 0x80, 0x9F))}]{{2,}}")
# "Â" before a no-break space: the first byte of the no-break space ("«Â vu"), unless a capital precedes.
_NBSP_LEAD = regex.compile("(?<!\\p{Lu})Â(?=\u00a0)")


def _home_script_runs(line: str, home: str | None) -> str:
    if home is None:
        return line

    def decode(match: regex.Match) -> str:
        run = match.group()
        try:
            text = run.encode("cp1252", "strict").decode("utf-8")
        except UnicodeError:
            try:
                text = run.encode("latin-1").decode("utf-8")
            except UnicodeError:
                return run
        if home == "Latin" and not all(c.isascii() or (unicodedata.category(c) in ("Ll", "Lu") and len(c.encode()) >= 3) for c in text):
            return run
        return text if all(primary_script(c) in (None, home) for c in text) and any(c.isalnum() for c in text) else run

    return _CP1252_RUN.sub(decode, line)


def _cp1251_words(line: str) -> str:
    """Runs of Windows-1251 characters that decode completely as UTF-8 into letters, decoded."""

    def decode(match: regex.Match) -> str:
        run = match.group()
        try:
            text = run.encode("cp1251").decode("utf-8")
        except UnicodeError:
            return run  # Russian words are never valid UTF-8 in this code page
        letters = [c for c in text if c.isalpha()]
        if len(letters) < 2 or any(unicodedata.category(c) in _NOT_TEXT for c in text):
            return run
        return text

    return _CP1251_RUN.sub(decode, line)


def _plausible(fresh: str, home: str | None) -> bool:
    """No control, unassigned or private-use character, and no stray letter of an unrelated script."""
    if any(unicodedata.category(c) in _NOT_TEXT or c == "\ufffd" for c in fresh):
        return False
    foreign = [c for c in fresh if primary_script(c) not in (None, "Latin", home)]
    # One character of an unrelated script ("ß“" -> "ߓ") is chance; a word of letters of one script is not.
    return not foreign or (
        len(foreign) >= 2 and all(c.isalpha() for c in foreign) and len({primary_script(c) for c in foreign}) == 1
    )


def repair_line(line: str, home: str | None, lang: str | None = None) -> tuple[str, bool] | None:
    """`line` repaired and whether the repair is certain; None when nothing is mojibake."""
    import ftfy  # imported only for text that holds a suspect pair

    result = ftfy.fix_encoding_and_explain(line)
    fixed, steps = result.text, result.explanation or []
    certain = all((step.action, step.parameter) in _CERTAIN_STEPS for step in steps)
    fixed = _NBSP_LEAD.sub("", _home_script_runs(_cp1251_words(fixed), home))
    if (lang is None or lang.split("-")[0] not in ("pt", "vi")) and _LOST_A0.search(fixed):
        fixed = _LOST_A0.sub("à", fixed)
        certain = False  # a guessed "à": for an editor to confirm
    if fixed == line or _ambiguous_capital_nbsp(line, fixed):
        return None
    fresh = "".join(c for c in fixed if c not in line)
    # A space taken for a lost no-break-space byte, or a lone "Ã" read as "à" (its second byte lost): guesses.
    # A control between two letters may stand for a letter of another code page ("tur\x92stico", MacRoman í).
    guessed = any(line[a:b].count(" ") > content.count(" ")
                  or (b - a == 1 and not "\x80" <= line[a] <= "\x9f")
                  or (b - a == 1 and line[a - 1:a].isalpha() and line[b:b + 1].isalpha())
                  for a, b, content in _diff(line, fixed))
    return fixed, certain and not guessed and _plausible(fresh, home)


def _ambiguous_capital_nbsp(line: str, fixed: str) -> bool:
    """Only "Â" dropped before a no-break space after a capital: "MISUTÂ\u00a0AJIKKO" may be meant."""
    dropped = line.count("Â\u00a0") - fixed.count("Â\u00a0")
    if not dropped or len(line) - len(fixed) != dropped:
        return False
    return all(index > 0 and line[index - 1].isupper()
               for index in (i for i in range(len(line)) if line.startswith("Â\u00a0", i)))


@functools.lru_cache(maxsize=4096)
def _diff(line: str, fixed: str) -> tuple[tuple[int, int, str], ...]:
    """The changed spans of `line` (start, end, replacement), neighbours a few characters apart joined."""
    spans: list[list] = []
    matcher = difflib.SequenceMatcher(None, line, fixed, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if spans and i1 - spans[-1][1] <= 2:
            spans[-1][1], spans[-1][2] = i2, spans[-1][2] + line[spans[-1][1]:i1] + fixed[j1:j2]
            continue
        spans.append([i1, i2, fixed[j1:j2]])
    return tuple((a, b, c) for a, b, c in spans)


_CHUNK = 1000  # characters: ftfy and the diff see a long line piece by piece, in linear time


def _chunks(line: str) -> Iterator[tuple[int, str]]:
    """(offset, piece) of `line` in pieces of about _CHUNK characters, cut at a space between
    ASCII letters where there is one (no mojibake sequence spans such a space)."""
    start = 0
    while len(line) - start > 2 * _CHUNK:
        window = range(start + _CHUNK, start + 2 * _CHUNK)
        cut = next((i for i in window if line[i] == " " and line[i - 1].isascii() and line[i - 1].isalnum()
                    and line[i + 1].isascii() and line[i + 1].isalnum()), None)
        if cut is None:
            cut = next((i for i in window if line[i].isascii()), start + _CHUNK)
        yield start, line[start:cut]
        start = cut
    yield start, line[start:]


def repair_spans(line: str, home: str | None, lang: str | None = None) -> tuple[tuple, bool] | None:
    """The changed spans of `line` (start, end, replacement) and whether every repair is certain."""
    spans: list[tuple[int, int, str]] = []
    certain = True
    for offset, piece in _chunks(line):
        if piece.isascii() or not _has_suspect(piece):
            continue
        repaired = repair_line(piece, home, lang)
        if repaired is None:
            continue
        certain = certain and repaired[1]
        spans.extend((offset + a, offset + b, content) for a, b, content in _diff(piece, repaired[0]))
    return (tuple(spans), certain) if spans else None


def mojibake_spans(line: str, home: str | None, lang: str | None = None) -> list[tuple[int, int]]:
    """Where `line` holds mojibake (offsets in the line); [] for most lines, without importing ftfy."""
    if line.isascii() or not _has_suspect(line):
        return []
    repaired = repair_spans(line, home, lang)
    return [] if repaired is None else [(a, b) for a, b, _ in repaired[0]]


class Mojibake(Rule):
    """## What it does
    Reports mojibake, UTF-8 text decoded with a single-byte code page on its
    way: "Ã©" stands for "é", "â€™" for "’", "Ø§Ù„" for "ال", "РґРѕСЂРѕРіРµ" for
    "дороге". It is reported once per line, with the repaired text, found by
    `ftfy`.

    ## Why is this bad?
    Readers see gibberish where letters and quotes should be, and the damage
    spreads: names and numbers inside it can no longer be found or checked.

    ## Example
    "Le ministre a dÃ©clarÃ©" is "Le ministre a déclaré"; "NESTLÉ®" is left alone.

    ## Fix safety
    Safe when the repair is certain: the exact inverse of a Windows-1252, Latin-1
    or Windows-1251 misreading, every new character a letter of the document's
    script or Latin, or a whole word of one script. Unsafe through rarer code
    pages (MacRoman, Windows-1250, ...), and where a byte was lost and guessed
    (a space taken for a no-break space, a lone "Ã" read as "à", U+FFFD).
    """

    code = "S009"
    name = "mojibake"
    category = Category.SCRIPT
    fixable = True
    fix_applicability = "depends"
    examples = (
        Example("Le ministre a dÃ©clarÃ© : â€œOuiâ€\x9d.\n", lang="fr", fixed="Le ministre a déclaré : “Oui”.\n"),
        Example("Ù…Ø±Ø­Ø¨Ø§ Paris\n", lang="ar", fixed="مرحبا Paris\n"),
        Example("В РґРѕСЂРѕРіРµ домой.\n", lang="ru", fixed="В дороге домой.\n"),
        Example("Il est arrivé à l'été « déjà » – côté Élysée.\n", lang="fr", fires=False),
        Example("Er sagte „Fuß“.\n", lang="de", fires=False),
        Example("C'est là\u00a0», a-t-il dit.\n", lang="fr", fires=False),
        Example("NESTLÉ® requiere contratar personal.\n", lang="es", fires=False),
        Example("Всё её, по-моему, «ёлки».\n", lang="ru", fires=False),
    )

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        if text.isascii():
            return
        numbers = sorted({doc.line_at(offset).number for offset in _suspects(text)})
        if not numbers:
            return
        home = main_script(doc)
        for number in numbers:
            line = doc.lines[number - 1]
            repaired = repair_spans(line.text, home, doc.lang)
            if repaired is None:
                continue
            spans, certain = repaired
            edits = [self.edit(doc, line.start + a, line.start + b, content) for a, b, content in spans]
            first, last = spans[0][0], spans[-1][1]
            shown = line.text[first:last]
            wanted = "".join(_apply(shown, first, spans))
            if len(shown) > 40:
                shown, wanted = shown[:39] + "…", wanted[:39] + "…"
            shown = _CONTROL.sub(lambda m: f"<U+{ord(m.group()):04X}>", shown)
            message = f"Mojibake (UTF-8 read with a single-byte code page): “{shown}”; write “{wanted}”"
            applicability = Applicability.SAFE if certain else Applicability.UNSAFE
            yield self.finding(doc, line.start + first, line.start + last, message,
                               self.fix("Repair the encoding", edits, applicability))


_CONTROL = regex.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # invisible in a message: named instead


def _apply(shown: str, offset: int, spans) -> Iterator[str]:
    cursor = 0
    for start, end, content in spans:
        yield shown[cursor : start - offset]
        yield content
        cursor = end - offset
    yield shown[cursor:]


RULES = (Mojibake(),)
