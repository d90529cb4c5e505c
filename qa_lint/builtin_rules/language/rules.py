"""L001-L004: untranslated and wrong-language text, mixed-language lines, a document in the wrong language.

Group-scope rules: the languages in play (the document's, its article group's,
the configured source language, English) and which of them is the source come
with the article group. The analysis is shared (`analysis.analyse`).
"""

from __future__ import annotations

from typing import Iterator

from ...document import Document
from ...groups import ArticleGroup
from ...languages import primary
from ...model import Category, Finding, Severity
from ...rule import Example, PlannedGroup, Rule, Scope
from .analysis import Analysis, Foreign, analyse
from .data import load
from .sentences import LINE, RUN, SENTENCE
from .warm import in_play, warm_detectors

_SHOWN = 60  # characters of foreign text quoted in a message


def languages_in_play(doc: Document, group: ArticleGroup) -> tuple[str, ...]:
    """The document's language, the source language, English, then the group's other languages."""
    return in_play(doc.lang, group.source_language, (d.lang for d in group.documents))


def _quote(doc: Document, item: Foreign) -> str:
    text = " ".join(doc.text[item.start : item.end].split())
    return text if len(text) <= _SHOWN else text[: _SHOWN - 1].rstrip() + "…"


class _LanguageRule(Rule):
    category = Category.LANGUAGE
    scope = Scope.GROUP

    def check_group(self, group: ArticleGroup) -> Iterator[Finding]:
        for doc in group.documents:
            if not doc.lang:
                continue
            analysis = analyse(doc, languages_in_play(doc, group))
            if analysis is None:
                continue
            for item, finding in self.check_analysis(doc, analysis, primary(group.source_language)):
                if not _quoted_everywhere(group, doc, item):
                    yield finding

    def check_analysis(self, doc: Document, analysis: Analysis, source: str | None):
        """(foreign text, finding) pairs."""
        return iter(())

    def prepare_workers(self, groups: list[PlannedGroup]) -> None:
        warm_detectors(groups)  # once for the family: each detector is warmed once per process


# A quotation kept on purpose is short, quoted or marked; a longer, bare sentence kept in two
# translations is a machine-translation failure that repeated, not a choice.
_SHORT_QUOTATION = 5  # words: a motto or a phrase ("Il faut bien le faire")
_OPENERS, _CLOSERS = "\"'“‘«‹„「『(*_", "\"'”’»›“」』)*_"


def _quoted_everywhere(group: ArticleGroup, doc: Document, item: Foreign) -> bool:
    """The text is a quotation kept on purpose: the original has it in that language, or a
    translation into a third language keeps it too and it is short, quoted or marked.

    ("Il faut bien le faire." quoted in French in an English article stays French in
    every translation; a whole English sentence left in a Persian and a Russian
    translation is two failures, the same one.)
    """
    text = " ".join(doc.text[item.start : item.end].split())
    source = primary(group.source_language)
    others = [d for d in group.documents if d is not doc]
    if item.lang != source and any(
        primary(d.lang) == source and text in " ".join(d.text.split()) for d in others
    ):
        return True  # the original quotes it in that language
    third = [d for d in others if primary(d.lang) not in (primary(doc.lang), item.lang)]
    if not any(text in " ".join(other.text.split()) for other in third):
        return False
    return item.words <= _SHORT_QUOTATION or _quoted_or_marked(doc.text, item.start, item.end)


def _quoted_or_marked(text: str, start: int, end: int) -> bool:
    """Quote marks, brackets or emphasis (*, _) around the text, inside its ends or just outside."""
    inner = text[start:end].strip().rstrip(".!?,;:")
    before = text[max(0, start - 3):start].rpartition("\n")[2].rstrip()[-1:]  # on the same line only
    after = text[end:end + 3].partition("\n")[0].lstrip(".!?,;: ")[:1]
    opened = inner[:1] in _OPENERS or (before != "" and before in _OPENERS)
    closed = inner[-1:] in _CLOSERS or (after != "" and after in _CLOSERS)
    return bool(inner) and opened and closed


class _SegmentRule(_LanguageRule):
    """A line or a whole sentence in another language; `untranslated` picks the source language's."""

    untranslated = False

    def check_analysis(self, doc: Document, analysis: Analysis, source: str | None):
        if analysis.actual_lang:
            return  # the whole document is in another language: L004 says it once
        data = load()
        own = data.name(analysis.lang)
        for item in analysis.foreign:
            if item.kind not in (LINE, SENTENCE) or (item.lang == source) != self.untranslated:
                continue
            what = "line" if item.kind == LINE else "sentence"
            theirs = data.name(item.lang)
            if item.ui_string:
                message = (f"“{_quote(doc, item)}” is the source web page's {theirs} label, not {own}; "
                           "delete it or write the article language's label")
            elif self.untranslated:
                message = (f"Untranslated {what} in {theirs}, the source language: “{_quote(doc, item)}”; "
                           f"translate it into {own}")
            else:
                message = f"This {what} is in {theirs}, not {own}: “{_quote(doc, item)}”; translate it into {own}"
            yield item, self.finding(doc, item.start, item.end, message)


class UntranslatedSegment(_SegmentRule):
    """## What it does
    Reports a line, or a whole sentence of a line, left in the source language
    of the article group (config `source-language`): a paragraph the translator
    skipped, a sentence kept from the original, glued onto a translated one.
    The script decides first (Latin letters in a Persian article); within one
    script, each sentence goes to the language detector only when it holds more
    function words of the source language than of its own. Sentences with fewer
    than four words that are not names, acronyms, numbers, URLs or quoted titles
    are never judged; quoted speech is judged like any other text. Text another
    translation keeps too is reported unless it is short, quoted or bracketed:
    machine translation fails the same way in several languages.

    ## Why is this bad?
    A translation that keeps a paragraph of the original ships half-translated;
    readers of the translation cannot read it, and nobody downstream notices.
    """

    code = "L001"
    name = "untranslated-segment"
    severity = Severity.ERROR
    untranslated = True
    examples = (
        Example("Le conseil municipal a ouvert une nouvelle ligne de bac lundi, a déclaré le maire.\n"
                "Hội nghị đã thảo luận về cơ chế phối hợp giữa hai cơ quan trong bối cảnh mới của đất nước.\n",
                lang="fr", source_language="vi",
                group=(("vi", "Hội nghị đã thảo luận về cơ chế phối hợp giữa hai cơ quan trong bối cảnh mới của đất nước.\n"),)),
        Example("Le conseil municipal a ouvert une nouvelle ligne de bac lundi, a déclaré le maire.\n"
                "La conférence a discuté du mécanisme de coordination entre les deux organismes.\n",
                lang="fr", source_language="vi", fires=False,
                group=(("vi", "Hội nghị đã thảo luận về cơ chế phối hợp giữa hai cơ quan trong bối cảnh mới của đất nước.\n"),)),
    )


class WrongLanguageSegment(_SegmentRule):
    """## What it does
    Reports a line, or a whole sentence of a line, in a language that is neither
    the document's nor the source language: most often English, the pivot a
    translation went through, or a web page's English labels ("Comment (0)" in
    a French article). It names the language. Short lines are judged only when
    the detector is very sure, with the languages in play (the document's, its
    article group's, the source language, English).

    ## Why is this bad?
    A sentence in the pivot language is a translation step that was skipped; a
    label of the source page is a scraping leftover. Both reach readers who do
    not read that language.
    """

    code = "L002"
    name = "wrong-language-segment"
    severity = Severity.WARNING
    examples = (
        Example("Le conseil municipal a ouvert une nouvelle ligne de bac lundi.\n"
                "The new boats carry up to three hundred passengers and run every twenty minutes.\n", lang="fr"),
        Example("هدف از این کنفرانس بحث در مورد هماهنگی بود.\n"
                "The conference discussed the coordination between the two agencies.\n", lang="fa"),
        Example("Il a souligné la coopération.\nComment (0)\n", lang="fr"),
        Example("Le conseil municipal a ouvert une nouvelle ligne de bac lundi, a déclaré le maire.\n"
                "Phan Anh Son, président de la VUFO, s'exprime lors de la conférence.\n", lang="fr", fires=False),
        Example("رئیس VUFO، فان آنه سون، در کنفرانس سخنرانی می‌کند. منبع: https://example.com/news/1\n",
                lang="fa", fires=False),
        Example("Le film « The Lord of the Rings » a été projeté.\n", lang="fr", fires=False),
    )


class MixedLanguageLine(_LanguageRule):
    """## What it does
    Reports a long run of words in another language inside a line that is
    otherwise in the document's language: half a sentence left untranslated.
    Names, acronyms, URLs, numbers, quoted titles and glosses in brackets do not
    count, so "l'Union (Vietnam Union of Friendship Organizations)" is fine.

    ## Why is this bad?
    A clause left in the source or pivot language breaks the sentence for
    readers, and is easy to miss when proofreading the translation alone.
    """

    code = "L003"
    name = "mixed-language-line"
    severity = Severity.WARNING
    examples = (
        Example("Le maire a déclaré lundi que the new boats would carry up to three hundred passengers "
                "every day, selon la mairie.\n", lang="fr"),
        Example("شهردار گفت که the new boats will carry three hundred passengers every day به گفته شهرداری.\n",
                lang="fa"),
        Example("Le maire a cité le rapport « State of the World's Cities » publié par l'ONU.\n", lang="fr",
                fires=False),
        Example("La VUFO (Vietnam Union of Friendship Organizations) a organisé la conférence.\n", lang="fr",
                fires=False),
    )

    def check_analysis(self, doc: Document, analysis: Analysis, source: str | None):
        if analysis.actual_lang:
            return
        data = load()
        for item in analysis.foreign:
            if item.kind != RUN:
                continue
            label = f"{data.name(item.lang)} (the source language, untranslated)" if item.lang == source \
                else data.name(item.lang)
            yield item, self.finding(
                doc, item.start, item.end,
                f"{item.words} words in {label} inside a {data.name(analysis.lang)} line: “{_quote(doc, item)}”; "
                f"translate them",
            )


class DocumentLanguageMismatch(_LanguageRule):
    """## What it does
    Reports, once, a document whose text is in another language than the one
    its path or the configuration declares: a `fr/` file in English. The
    line-level rules (L001-L003) then stay quiet on that document.

    ## Why is this bad?
    A file delivered in the wrong folder, or never translated, gets checked with
    the wrong language's rules and ships to the wrong edition.
    """

    code = "L004"
    name = "document-language-mismatch"
    severity = Severity.ERROR
    examples = (
        Example("The city council opened a second ferry line across the harbour on Monday.\n"
                "The new boats carry up to three hundred passengers and run every twenty minutes.\n"
                "Tickets cost the same as a bus fare, and monthly passes are valid on both lines.\n", lang="fr"),
        Example("Le conseil municipal a ouvert une nouvelle ligne de bac lundi.\n"
                "The new boats carry up to three hundred passengers and run every twenty minutes.\n"
                "Les billets coûtent le prix d'un ticket de bus, a précisé la mairie.\n", lang="fr", fires=False),
    )

    def check_analysis(self, doc: Document, analysis: Analysis, source: str | None):
        if not analysis.actual_lang:
            return
        data = load()
        actual, declared = data.name(analysis.actual_lang), data.name(analysis.lang)
        first = next(f for f in analysis.foreign if f.kind == LINE and f.lang == analysis.actual_lang)
        untranslated = " (the source language: untranslated)" if analysis.actual_lang == source else ""
        yield first, self.finding(
            doc, first.start, first.end,
            f"This document is in {actual}{untranslated}, not {declared} as its path or configuration says "
            f"({analysis.actual_lines} of {analysis.checked_lines} lines judged); translate it, or declare "
            f"its language ({analysis.actual_lang})",
        )


RULES = (UntranslatedSegment(), WrongLanguageSegment(), MixedLanguageLine(), DocumentLanguageMismatch())
