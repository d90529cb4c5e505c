"""D003 and D004: web addresses, e-mail addresses and handles that differ between the
translations of one article, or that one leaves out."""

from __future__ import annotations

from typing import Iterator

from ...groups import ArticleGroup
from ...model import Applicability, Finding, Severity
from ...rule import Example
from .figures import Correspondence, Figures
from .group_rule import GroupRule, likely_line

# Links closer than this (rapidfuzz ratio, 0-100) to one of the original's are its misspelling;
# further apart they are another page (a translation's own edition), not a slip.
LINK_SIMILARITY = 85


class LinkMismatch(GroupRule):
    """## What it does
    Reports a web address, e-mail address or @handle of a translation that is
    nearly, but not exactly, one of the original's (`source-language`) or,
    with no original, one that two or more other translations agree on:
    `press@vufo.org.nv` where the original has `press@vufo.org.vn`. A link
    quite unlike the original's is left alone: a translation may rightly
    point to its own language edition.

    ## Why is this bad?
    A misspelt address leads readers nowhere, or somewhere else.

    ## Fix safety
    Unsafe: the fix writes the original's (or the other translations') address,
    and a translation may rightly point to a page of its own; apply it with
    `--unsafe-fixes` once the address is checked.
    """

    code = "D003"
    name = "link-mismatch"
    severity = Severity.WARNING
    fixable = True
    fix_applicability = "unsafe"
    examples = (
        Example("Écrivez à press@vufo.org.nv ou suivez @VUFO_news.\n", lang="fr", source_language="en",
                group=(("en", "Write to press@vufo.org.vn or follow @VUFO_news.\n"),),
                fixed="Écrivez à press@vufo.org.vn ou suivez @VUFO_news.\n"),
        Example("Écrivez à press@vufo.org.vn ou suivez @VUFO_news.\n", lang="fr", source_language="en",
                group=(("en", "Write to press@vufo.org.vn or follow @VUFO_news.\n"),), fires=False),
        Example("Source : https://fr.vietnamplus.vn/article-1234.vnp\n", lang="fr", source_language="en",
                group=(("en", "Source: https://en.vietnamplus.vn/story-9876.vnp\n"),), fires=False),
    )

    def check_group(self, group: ArticleGroup) -> Iterator[Finding]:
        found, source = self._prepare(group)
        if not any(any(f.links) for f in found) or len(found) < 2:
            return
        for translation in found:
            if translation is source:
                continue
            others = [f for f in found if f is not translation]
            reference = self._reference(source, others)
            if not reference:
                continue
            everywhere = {link.key for other in others for links in other.links for link in links}
            for j, links in enumerate(translation.links):
                for link in links:
                    if link.key in reference or link.key in everywhere:
                        continue
                    near = self._nearest(link, reference)
                    if near is None:
                        continue
                    where, shown = near
                    start, end = translation.lines[j].start + link.start, translation.lines[j].start + link.end
                    fix = self.fix(f"Write “{shown}”", [self.edit(translation.doc, start, end, shown)],
                                   Applicability.UNSAFE)
                    yield self.finding(
                        translation.doc, start, end,
                        f"“{link.text}” differs from “{shown}” in {where}; copy the address exactly", fix,
                    )

    @staticmethod
    def _reference(source: Figures | None, others: list[Figures]) -> dict[str, tuple[str, str]]:
        """Link key -> (where, as written) of the links this translation should have."""
        table: dict[str, list[tuple[str, str]]] = {}
        for other in [source] if source is not None else others:
            for i, links in enumerate(other.links):
                for link in links:
                    places = table.setdefault((link.kind, link.key), [])
                    if not any(p[0].startswith(other.doc.path + ":") for p in places):
                        places.append((other.where(i), link.text))
        needed = 1 if source is not None else 2
        return {key: places[0] for key, places in table.items() if len(places) >= needed}

    @staticmethod
    def _nearest(link, reference) -> tuple[str, str] | None:
        from rapidfuzz import fuzz

        best, best_score = None, LINK_SIMILARITY
        for (kind, key), place in reference.items():
            if kind != link.kind:
                continue
            score = fuzz.ratio(link.key, key)
            if score >= best_score:
                best, best_score = place, score
        return best


class LinkMissing(GroupRule):
    """## What it does
    With the original in the group (`source-language`), reports a web
    address, e-mail address or @handle of the original that a translation
    does not have anywhere.

    Opt-in (`--select D004`): a desk may rightly drop links to pages in
    another language.

    ## Why is this bad?
    A reader of the translation loses the way to the source, the contact or
    the account the article points to.
    """

    code = "D004"
    name = "link-missing"
    severity = Severity.INFO
    opt_in = True
    examples = (
        Example("Les détails sont en ligne.\n", lang="fr", source_language="en",
                group=(("en", "Details at https://vufo.org.vn/news.\n"),)),
        Example("Les détails : https://vufo.org.vn/news/\n", lang="fr", source_language="en",
                group=(("en", "Details at https://vufo.org.vn/news.\n"),), fires=False),
    )

    def check_group(self, group: ArticleGroup) -> Iterator[Finding]:
        found, source = self._prepare(group)
        if source is None or not any(source.links):
            return
        links = Correspondence()
        for translation in found:
            if translation is source or not translation.lines:
                continue
            have = {link.key for line_links in translation.links for link in line_links}
            back = links.windows(translation, source)
            for i, line_links in enumerate(source.links):
                for link in line_links:
                    if link.key in have:
                        continue
                    window = back[i] or range(len(translation.lines) - 1, len(translation.lines))
                    line = translation.lines[likely_line(window, i)]
                    yield self.finding(
                        translation.doc, line.start, line.end,
                        f"The original ({source.where(i)}) has “{link.text}” here; this translation does not",
                    )


RULES = (LinkMismatch(), LinkMissing())
