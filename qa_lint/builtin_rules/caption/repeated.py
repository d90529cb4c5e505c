"""C012 caption-repeated."""

from __future__ import annotations

from typing import Iterator

from ...document import Document
from ...model import Category, Finding
from ...rule import Example, Rule
from .lines import captions

# Shorter repeats ("Photo: VNA") are credits, not captions scraped twice.
_MIN_CHARS = 30


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


class CaptionRepeated(Rule):
    """## What it does
    Reports a caption that repeats an earlier caption of the article, whole or
    cut short: the page showed the photo's caption twice (as the image's
    alternative text and under it) and both were scraped. The fix deletes the
    repeat.

    ## Why is this bad?
    Readers see the same caption twice in a row, once perhaps cut in the middle
    of a word.

    ## Fix safety
    Safe: the deleted line is a copy, or the start of a copy, of a caption the
    article keeps.
    """

    code = "C012"
    name = "caption-repeated"
    category = Category.CAPTION
    fixable = True
    examples = (
        Example("El ministro habla en la conferencia de prensa. (Foto: VNA)\n\n"
                "El ministro habla en la conferencia de prensa. (Foto: VNA)\n", lang="es",
                fixed="El ministro habla en la conferencia de prensa. (Foto: VNA)\n\n"),
        Example("El ministro habla en la conferencia de prensa. (Foto: VNA)\n\n"
                "El ministro habla en la conferencia de prensa. (F\n", lang="es"),
        Example("El ministro habla en la conferencia de prensa. (Foto: VNA)\n\n"
                "Los delegados visitan el puerto de Hai Phong. (Foto: VNA)\n", lang="es", fires=False),
        Example("El ministro habla en la conferencia de prensa.\n"
                "El ministro habla en la conferencia de prensa.\n", lang="es", fires=False),
    )

    def check(self, doc: Document) -> Iterator[Finding]:
        found = captions(doc)
        if not found:
            return
        first_caption = {}
        for caption in found:
            first_caption.setdefault(caption.line.number, _key(caption.text))
        earlier: list[str] = []
        for line in doc.lines:
            key = _key(line.text.strip(" |\t"))
            if len(key) >= _MIN_CHARS and any(key == e or e.startswith(key) for e in earlier):
                start = line.start + len(line.text) - len(line.text.lstrip())
                fix = self.delete_lines_fix(doc, line.number, line.number)
                yield self.finding(doc, start, line.end, "This caption repeats an earlier one; delete the repeat", fix)
                continue
            if line.number in first_caption:
                earlier.append(first_caption[line.number])


RULES = (CaptionRepeated(),)
