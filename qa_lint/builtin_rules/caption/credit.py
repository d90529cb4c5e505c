"""C002-C005: the photo credit at the end of a caption: missing, unclosed, foreign label, punctuation.

The labels each language writes its credits with, and the separator its house
style puts between label and name, are data: `rules/caption/_credit-labels.toml`.
"""

from __future__ import annotations

from typing import Iterator

from ...document import Document
from ...languages import primary
from ...model import Category, Finding, Severity
from ...rule import Example, Rule
from .lines import Caption, Credit, captions, credit_labels

_SHOWN = 50  # characters of a caption quoted in a message


def shorten(text: str) -> str:
    text = text.strip()
    return text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…"


class CaptionRule(Rule):
    category = Category.CAPTION

    def credits(self, doc: Document) -> Iterator[tuple[Caption, Credit]]:
        for caption in captions(doc):
            if caption.credit is not None:
                yield caption, caption.credit


class CaptionCreditMissing(CaptionRule):
    """## What it does
    Reports a caption in table pipes that ends without a photo credit, and a
    credit that names nobody: `| Text |` where `| Text (Photo: Dinh Hoa) |` was
    meant, `(Ảnh: )`.

    ## Why is this bad?
    News photos are credited; a caption that lost its credit in scraping or
    translation publishes someone's photo without their name.
    """

    code = "C002"
    name = "caption-credit-missing"
    severity = Severity.INFO
    examples = (
        Example("| Le vice-ministre s'exprime lors de la conférence. |\n", lang="fr"),
        Example("| Le vice-ministre s'exprime. (Photo : Dinh Hoa) |\n", lang="fr", fires=False),
        Example("Bộ trưởng phát biểu. (Ảnh: )\n", lang="vi"),
        Example("Le vice-ministre s'exprime lors de la conférence.\n", lang="fr", fires=False),
    )

    def check(self, doc: Document) -> Iterator[Finding]:
        for caption in captions(doc):
            credit = caption.credit
            if credit is None and caption.pipes:
                yield self.finding(
                    doc, caption.body.start, caption.body.end,
                    f"Caption without a photo credit: “{shorten(caption.text)}”; "
                    "add the credit, e.g. “(Photo: <name>)” in the article's language",
                )
            elif credit is not None and not credit.name.strip():
                start, end = credit.span.start, credit.span.end
                yield self.finding(
                    doc, start, end,
                    f"Photo credit “{doc.text[start:end]}” names nobody; write the photographer or agency after the label",
                )


class CaptionCreditUnclosed(CaptionRule):
    """## What it does
    Reports a photo credit whose bracket is never closed: `(Ảnh: TTXVN`. The fix
    closes the bracket.

    ## Why is this bad?
    An unclosed bracket shows that the line was cut or mangled, and readers see
    broken punctuation.

    ## Fix safety
    Safe: the bracket the credit opened is closed at the end of the caption,
    where the credit ends; nothing is deleted.
    """

    code = "C003"
    name = "caption-credit-unclosed"
    fixable = True
    examples = (
        Example("Le ministre à Hanoï. (Photo : Dinh Hoa\n", lang="fr",
                fixed="Le ministre à Hanoï. (Photo : Dinh Hoa)\n"),
        Example("Le ministre à Hanoï. (Photo : Dinh Hoa)\n", lang="fr", fires=False),
    )

    def check(self, doc: Document) -> Iterator[Finding]:
        for _, credit in self.credits(doc):
            start, end = credit.span.start, credit.span.end
            if credit.name.strip() and credit.form == "bracket" and not credit.closer:
                closer = {"(": ")", "（": "）", "[": "]"}.get(credit.opener, ")")
                fix = self.fix(f"Close the bracket with “{closer}”", [self.edit(doc, end, end, closer)])
                yield self.finding(
                    doc, start, end,
                    f"Photo credit “{shorten(doc.text[start:end])}” is not closed; end it with “{closer}”",
                    fix,
                )


class CaptionCreditLabelLanguage(CaptionRule):
    """## What it does
    Reports a credit label that is not in the article's language: `(Photo: VNA)`
    in a Persian or Vietnamese article, `(Ảnh: TTXVN)` left untranslated in a
    French one. The fix writes the house label of the same kind (photo, source,
    video, graphic) in the article's language. Labels per language are data in
    `rules/caption/_credit-labels.toml`; languages without labels there are not
    checked.

    ## Why is this bad?
    The credit label is part of the translation: a label in the source site's
    language shows readers that the caption was not translated with care.

    ## Fix safety
    Safe: only the label (photo, source) is written in the article's language,
    from `rules/caption/_credit-labels.toml`; the credited name is kept as
    written.
    """

    code = "C004"
    name = "caption-credit-label-language"
    fixable = True
    examples = (
        Example("معاون وزیر سخنرانی می‌کند. (Photo: VNA)\n", lang="fa",
                fixed="معاون وزیر سخنرانی می‌کند. (عکس: VNA)\n"),
        Example("Le ministre s'exprime. (Ảnh : TTXVN)\n", lang="fr",
                fixed="Le ministre s'exprime. (Photo : TTXVN)\n"),
        Example("Bộ trưởng phát biểu. (Photo: VNA)\n", lang="vi", fixed="Bộ trưởng phát biểu. (Ảnh: VNA)\n"),
        Example("Le ministre s'exprime. (Photo : Dinh Hoa)\n", lang="fr", fires=False),
        Example("معاون وزیر سخنرانی می‌کند. (منبع: VUFO)\n", lang="fa", fires=False),
    )

    def check(self, doc: Document) -> Iterator[Finding]:
        labels = credit_labels()
        if not labels.knows(doc.lang):
            return
        for _, credit in self.credits(doc):
            found_in = labels.languages_of(credit.label)
            if primary(doc.lang) in found_in:
                continue
            kind = labels.kind_of(credit.label) or "photo"
            wanted = labels.house_label(doc.lang, kind)
            span = credit.label_span
            fix = self.fix(f"Write “{wanted}”", [self.edit(doc, span.start, span.end, wanted)]) if wanted else None
            languages = "/".join(sorted(found_in))
            yield self.finding(
                doc, span.start, span.end,
                f"Credit label “{credit.label}” ({languages}) is not in the article's language ({doc.lang}); "
                f"write “{wanted}”",
                fix,
            )


class CaptionCreditPunctuation(CaptionRule):
    """## What it does
    Reports the punctuation of a credit that does not follow the article
    language's house style: French puts a space before the colon,
    `(Photo : Dinh Hoa)`; Persian, Arabic, Vietnamese, English and most others
    write the colon right after the label and one space after it,
    `(عکس: VUFO)`; Chinese and Japanese use the full-width colon, `（图：新华社）`.
    Also reports brackets mirrored by right-to-left copying, `)عکس: VUFO(`.
    The fix rewrites the separator or the brackets. Separators per language are
    data in `rules/caption/_credit-labels.toml`.

    ## Why is this bad?
    Credits are set the same way in every caption of a publication; a French
    colon in a Persian caption, or a mirrored bracket, is visible to readers and
    marks the caption as unedited.

    ## Fix safety
    Safe: only the separator and the brackets change; the label and the credited
    name stay.
    """

    code = "C005"
    name = "caption-credit-punctuation"
    fixable = True
    examples = (
        Example("Le ministre s'exprime. (Photo: Dinh Hoa)\n", lang="fr",
                fixed="Le ministre s'exprime. (Photo : Dinh Hoa)\n"),
        Example("معاون وزیر سخنرانی می‌کند. (عکس : VUFO)\n", lang="fa",
                fixed="معاون وزیر سخنرانی می‌کند. (عکس: VUFO)\n"),
        Example("معاون وزیر سخنرانی می‌کند. )عکس: VUFO(\n", lang="fa",
                fixed="معاون وزیر سخنرانی می‌کند. (عکس: VUFO)\n"),
        Example("Bộ trưởng phát biểu. (Ảnh:TTXVN)\n", lang="vi", fixed="Bộ trưởng phát biểu. (Ảnh: TTXVN)\n"),
        Example("Le ministre s'exprime. (Photo : Dinh Hoa)\n", lang="fr", fires=False),
        Example("Le ministre s'exprime. (Photo\u00a0: Dinh Hoa)\n", lang="fr", fires=False),
        Example("معاون وزیر سخنرانی می‌کند. (منبع: VUFO)\n", lang="fa", fires=False),
    )

    def check(self, doc: Document) -> Iterator[Finding]:
        labels = credit_labels()
        if not labels.knows(doc.lang):
            return
        accepted = labels.separators_for(doc.lang)
        for _, credit in self.credits(doc):
            if not credit.name.strip():
                continue  # C003's business
            edits, problems = [], []
            if credit.separator not in accepted:
                span = credit.separator_span
                edits.append(self.edit(doc, span.start, span.end, accepted[0]))
                problems.append(f"write “{credit.label}{accepted[0]}{credit.name.strip()}”")
            if credit.opener == ")" and credit.closer == "(":
                span = credit.span
                edits.append(self.edit(doc, span.start, span.start + 1, "("))
                edits.append(self.edit(doc, span.end - 1, span.end, ")"))
                problems.insert(0, "the brackets are mirrored")
            if not edits:
                continue
            shown = doc.text[credit.span.start : credit.span.end]
            edits.sort(key=lambda e: e.start_offset)
            fix = self.fix(f"Write “{_rewritten(shown, credit.span.start, edits)}”", edits)
            yield self.finding(
                doc, credit.span.start, credit.span.end,
                f"Credit “{shown}” does not follow the {doc.lang} house style: {'; '.join(problems)}",
                fix,
            )


RULES = (CaptionCreditMissing(), CaptionCreditUnclosed(), CaptionCreditLabelLanguage(), CaptionCreditPunctuation())


def _rewritten(text: str, offset: int, edits) -> str:
    """`text` (starting at `offset` in the document) with `edits`, in order, applied."""
    pieces, cursor = [], 0
    for edit in edits:
        pieces.append(text[cursor : edit.start_offset - offset])
        pieces.append(edit.content)
        cursor = edit.end_offset - offset
    return "".join(pieces) + text[cursor:]
