"""C006 caption-style-mixed and C007 caption-lost-in-translation: captions across an article and its translations."""

from __future__ import annotations

from collections import Counter
from typing import Iterator

from ...document import Document
from ...groups import ArticleGroup
from ...model import Category, Finding, Severity
from ...rule import Example, Rule, Scope
from .credit import shorten
from .lines import Caption, captions


class CaptionStyleMixed(Rule):
    """## What it does
    Reports a caption whose credit is written in another style than most
    captions of the same article: another label (`Ảnh:` then `Nguồn:`), another
    separator (`Photo :` then `Photo:`), brackets in one and a dash in another.
    The first caption's style wins a tie.

    ## Why is this bad?
    One article, one caption style. Mixed styles show that captions were
    translated one by one, by different hands or tools, and not edited together.
    """

    code = "C006"
    name = "caption-style-mixed"
    category = Category.CAPTION
    severity = Severity.INFO
    examples = (
        Example(
            "Texte.\nLe ministre. (Photo : Dinh Hoa)\nTexte.\nLe vice-ministre. (Photo: Dinh Hoa)\n"
            "Texte.\nLes délégués. (Photo : Dinh Hoa)\n",
            lang="fr",
        ),
        Example("Texte.\nLe ministre. (Photo : Dinh Hoa)\nTexte.\nLes délégués. (Photo : VNA)\n", lang="fr",
                fires=False),
    )

    def check(self, doc: Document) -> Iterator[Finding]:
        credited = [c for c in captions(doc) if c.credit is not None]
        if len(credited) < 2:
            return
        counts = Counter(c.credit.style for c in credited)
        order = {style: -index for index, style in reversed(list(enumerate(c.credit.style for c in credited)))}
        house = max(counts, key=lambda style: (counts[style], order[style]))
        example = next(c for c in credited if c.credit.style == house)
        shown = doc.text[example.credit.span.start : example.credit.span.end]
        for caption in credited:
            if caption.credit.style != house:
                span = caption.credit.span
                yield self.finding(
                    doc, span.start, span.end,
                    f"Credit “{doc.text[span.start:span.end]}” is written in another style than the article's "
                    f"other captions (line {example.line.number}: “{shorten(shown)}”); write it the same way",
                )


class CaptionLostInTranslation(Rule):
    """## What it does
    Reports a translation that has fewer captions than its original, at the
    place where the lost caption should be, quoting it. It runs on article
    groups whose original (the configured `source-language`) is among the
    files; captions are paired in order, by their relative position.

    ## Why is this bad?
    A photo without its caption, or a caption silently dropped, is a hole in the
    translation that nobody reading only the translation will notice.
    """

    code = "C007"
    name = "caption-lost-in-translation"
    category = Category.CAPTION
    severity = Severity.INFO
    scope = Scope.GROUP
    examples = (
        Example("Un.\nDeux. (Photo : TTXVN)\nTrois.\nQuatre.\nCinq.\nSept.\n", lang="fr", source_language="vi",
                group=(("vi", "Một.\nHai. (Ảnh: TTXVN)\nBa.\nBốn.\nNăm.\nSáu. (Ảnh: VNA)\nBảy.\n"),)),
        Example("Un.\nDeux. (Photo : TTXVN)\nTrois.\nQuatre.\nCinq.\nSix. (Photo : VNA)\nSept.\n", lang="fr",
                source_language="vi", fires=False,
                group=(("vi", "Một.\nHai. (Ảnh: TTXVN)\nBa.\nBốn.\nNăm.\nSáu. (Ảnh: VNA)\nBảy.\n"),)),
    )

    def check_group(self, group: ArticleGroup) -> Iterator[Finding]:
        source = group.source
        if source is None:
            return
        original = captions(source)
        if not original:
            return
        for doc in group.translations:
            translated = captions(doc)
            if len(translated) >= len(original):
                continue
            for caption in self._unpaired(source, original, doc, translated):
                where = self._expected_line(source, caption, doc)
                yield self.finding(
                    doc, where.start, where.end,
                    f"The original ({source.path}, line {caption.line.number}) has a caption here that this "
                    f"translation lost: “{shorten(caption.text)}”; translate it",
                )

    def _unpaired(self, source: Document, original: list[Caption], doc: Document, translated: list[Caption]) -> list[Caption]:
        """Original captions left over after pairing both lists in order, nearest relative positions first."""
        a = [_relative(source, c) for c in original]
        b = [_relative(doc, c) for c in translated]
        # Every translated caption pairs with one original, in order, at the least total drift;
        # each original left out costs 1 (n and m are a handful of captions).
        n, m = len(a), len(b)
        best = [[0.0] * (m + 1) for _ in range(n + 1)]
        for i in range(n + 1):
            for j in range(m + 1):
                if j == 0 or i < j:
                    best[i][j] = float(i) if j == 0 else float("inf")
                    continue
                skip = best[i - 1][j] + 1.0
                pair = best[i - 1][j - 1] + abs(a[i - 1] - b[j - 1])
                best[i][j] = min(skip, pair)
        unpaired, i, j = [], n, m
        while i > 0:
            if j > 0 and best[i][j] == best[i - 1][j - 1] + abs(a[i - 1] - b[j - 1]):
                i, j = i - 1, j - 1
            else:
                unpaired.append(original[i - 1])
                i -= 1
        return list(reversed(unpaired))

    @staticmethod
    def _expected_line(source: Document, caption: Caption, doc: Document):
        lines = [line for line in doc.lines if not line.is_blank] or doc.lines
        index = min(len(lines) - 1, int(_relative(source, caption) * len(lines)))
        return lines[index]


def _relative(doc: Document, caption: Caption) -> float:
    """Where a caption sits in its article, from 0 (first line) to 1."""
    lines = [line.number for line in doc.lines if not line.is_blank]
    position = sum(1 for number in lines if number < caption.line.number)
    return position / max(1, len(lines))


RULES = (CaptionStyleMixed(), CaptionLostInTranslation())
