"""S009 mojibake: UTF-8 text that was decoded as Windows-1252 (or Latin-1) somewhere on its way."""

from __future__ import annotations

import re
import unicodedata
from typing import Iterator

from ...document import Document
from ...model import Category, Finding
from ...rule import Example, Rule
from .unicode_scripts import main_script, primary_script


def _byte_of(char: str) -> int | None:
    """The single byte a Windows-1252 (else Latin-1) decoder turned into `char`."""
    for codec in ("cp1252", "latin-1"):
        try:
            encoded = char.encode(codec)
        except UnicodeEncodeError:
            continue
        return encoded[0]
    return None


def _chars_for_bytes(low: int, high: int) -> str:
    """The characters a Windows-1252 (else Latin-1) decoder makes of the bytes low..high.

    Latin-1 turns every byte into the code point of its value; Windows-1252
    differs on 0x80-0x9F, where it has letters and marks (€, ’, œ) for all
    but five bytes.
    """
    chars = []
    for byte in range(low, high + 1):
        chars.append(chr(byte))
        try:
            chars.append(bytes([byte]).decode("cp1252"))
        except UnicodeDecodeError:
            pass
    return "".join(dict.fromkeys(chars))


_HIGH = re.escape(_chars_for_bytes(0x80, 0xFF))
_LEAD = re.escape(_chars_for_bytes(0xC2, 0xF4))  # first bytes of multi-byte UTF-8 sequences
_CONTINUATION = re.escape(_chars_for_bytes(0x80, 0xBF))


class _Candidates:
    """Runs of characters that are all bytes read one by one, holding at least one
    lead byte followed by a continuation byte ("Ã©", "â€™"; not "«\u00a0").

    Whole runs are found first, then kept if they hold such a pair: one regex
    saying both backtracks over every start of a long run without a pair
    (a line of "»»»…"), quadratic in its length.
    """

    _run = re.compile(f"[{_HIGH}]+")
    _pair = re.compile(f"[{_LEAD}][{_CONTINUATION}]")

    def finditer(self, text: str) -> Iterator[re.Match]:
        if not self._pair.search(text):
            return iter(())  # a run holding a pair holds it in the text too: most texts have none
        return (m for m in self._run.finditer(text) if self._pair.search(m.group()))

    def sub(self, replace, text: str) -> str:
        return self._run.sub(lambda m: replace(m) if self._pair.search(m.group()) else m.group(), text)


CANDIDATE = _Candidates()
_NOT_TEXT = frozenset({"Cn", "Co", "Cc", "Cs"})
_MAX_ROUNDS = 3  # text decoded wrongly twice ("Ã¢â‚¬â„¢") needs two rounds


def _decode_run(run: str) -> str | None:
    """The run with every complete UTF-8 sequence decoded; None when none is."""
    data = bytes(_byte_of(c) for c in run)  # type: ignore[misc]
    out, index, decoded = [], 0, 0
    while index < len(data):
        lead = data[index]
        size = 2 if 0xC2 <= lead <= 0xDF else 3 if 0xE0 <= lead <= 0xEF else 4 if 0xF0 <= lead <= 0xF4 else 0
        piece = data[index : index + size]
        if size and len(piece) == size:
            try:
                out.append(piece.decode("utf-8"))
                index += size
                decoded += 1
                continue
            except UnicodeDecodeError:
                pass
        out.append(run[index])
        index += 1
    return "".join(out) if decoded else None


def repair(text: str, home: str | None) -> str | None:
    """`text` repaired, when every decoded character is plausible; else None."""
    current = text
    for _ in range(_MAX_ROUNDS):
        decoded = CANDIDATE.sub(lambda m: _decode_run(m.group()) or m.group(), current)
        if decoded == current:
            break
        current = decoded
    if current == text:
        return None
    fresh = [c for c in current if c not in text]
    if any(unicodedata.category(c) in _NOT_TEXT for c in fresh):
        return None  # unassigned, control or private use: chance bytes, not lost letters
    foreign = [c for c in fresh if primary_script(c) not in (None, "Latin", home)]
    # One character of an unrelated script ("ß“" -> "ߓ") is chance; a word of letters of one script is not.
    word = len(foreign) >= 2 and all(c.isalpha() for c in foreign) and len({primary_script(c) for c in foreign}) == 1
    return current if not foreign or word else None


class Mojibake(Rule):
    """## What it does
    Reports mojibake, UTF-8 text decoded as Windows-1252 or Latin-1 on the way.
    "Ã©" stands for "é", "â€™" for "’", "Ø§Ù„" for "ال". It is reported once
    per line, when the repair is certain: every odd sequence decodes as UTF-8
    into letters of the document's script or Latin, or into a whole word of
    one script. The fix writes the repaired text.

    ## Why is this bad?
    Readers see gibberish where letters and quotes should be, and the damage
    spreads: names and numbers inside it can no longer be found or checked.

    ## Fix safety
    Safe: the repair is the exact inverse of the wrong decoding, made only when
    every repaired character is plausible.
    """

    code = "S009"
    name = "mojibake"
    category = Category.SCRIPT
    fixable = True
    examples = (
        Example("Le ministre a dÃ©clarÃ© : â€œOuiâ€\x9d.\n", lang="fr", fixed="Le ministre a déclaré : “Oui”.\n"),
        Example("Ù…Ø±Ø­Ø¨Ø§ Paris\n", lang="ar", fixed="مرحبا Paris\n"),
        Example("Il est arrivé à l'été « déjà » – côté Élysée.\n", lang="fr", fires=False),
        Example("Er sagte „Fuß“.\n", lang="de", fires=False),
        Example("C'est là\u00a0», a-t-il dit.\n", lang="fr", fires=False),
    )

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        if text.isascii():
            return
        home = None
        by_line: dict[int, list] = {}
        for match in CANDIDATE.finditer(text):
            home = home or main_script(doc)
            repaired = repair(match.group(), home)
            if repaired is not None:
                start, end = match.span()
                by_line.setdefault(doc.line_at(start).number, []).append(self.edit(doc, start, end, repaired))
        for edits in by_line.values():
            first, last = edits[0].start_offset, edits[-1].end_offset
            shown = text[first:last]
            wanted = "".join(_apply(shown, first, edits))
            if len(shown) > 40:
                shown, wanted = shown[:39] + "…", wanted[:39] + "…"
            message = f"Mojibake (UTF-8 read as Windows-1252): “{shown}”; write “{wanted}”"
            yield self.finding(doc, first, last, message, self.fix("Repair the encoding", edits))


def _apply(shown: str, offset: int, edits) -> Iterator[str]:
    cursor = 0
    for edit in edits:
        yield shown[cursor : edit.start_offset - offset]
        yield edit.content
        cursor = edit.end_offset - offset
    yield shown[cursor:]


RULES = (Mojibake(),)
