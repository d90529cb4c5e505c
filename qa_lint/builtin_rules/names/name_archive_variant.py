"""N003 name-archive-variant."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Iterator

from ...document import Document
from ...languages import primary
from ...model import Category, Finding, Position, Severity, pickled_by_fields
from ...rule import Example, Rule, RunItem, Scope
from .glossary import approved_forms, closest_approved
from .mentions import cased_mentions, document_script, is_cased
from .variants import DOUBLED, SILENT, signature, variant_kind


@pickled_by_fields  # the result cache holds one per name per document
@dataclass(frozen=True, slots=True)
class FormSeen:
    """A name's form in one document: where it first stands and how often."""

    tokens: tuple[str, ...]
    text: str
    count: int
    start: Position
    end: Position
    line_text: str
    approved: str = ""  # the names glossary's form of this name in the document's language, if any


class NameArchiveVariant(Rule):
    """## What it does
    Across all the articles of one language in a run, reports an article that
    spells a name differently from the form most other articles use (diacritics,
    hyphenation, swapped or doubled letters, same-sound letters), with the
    dominant form and how many articles use it.

    Names are read where capital letters mark them (Latin, Cyrillic, Greek
    scripts). An article that uses both forms is left to N001. With a names
    glossary (N004's `glossary-file`), its approved form is the one to follow,
    however few articles use it.

    ## Why is this bad?
    An archive that spells a person two ways splits them in two for search,
    tags and readers who follow a story over months.
    """

    code = "N003"
    name = "name-archive-variant"
    category = Category.NAMES
    severity = Severity.WARNING
    scope = Scope.RUN
    # `group`: the other articles of the run.
    examples = (
        Example(
            "Le Premier ministre Pham Minh Chinh a reçu la délégation lundi.\n", lang="fr",
            group=(("fr", "Le Premier ministre Phạm Minh Chính a visité le port.\n"),
                   ("fr", "Phạm Minh Chính a signé l'accord.\n")),
        ),
        Example("Un seul article ne peut pas diverger de lui-même: Pham Minh Chinh.\n", lang="fr", fires=False),
        Example(
            "Le Premier ministre Phạm Minh Chính a reçu la délégation lundi.\n", lang="fr", fires=False,
            group=(("fr", "Phạm Minh Chính a signé l'accord.\n"),),
        ),
    )

    def map_document(self, doc: Document) -> tuple[str | None, list[FormSeen]]:
        script = document_script(doc)
        if not is_cased(script):
            return script, []
        seen: dict[tuple[str, ...], list] = {}
        for mention in cased_mentions(doc):
            first = seen.setdefault(mention.tokens, [mention, 0])
            first[1] += 1
        approved = approved_forms(doc)
        lang = primary(doc.lang)
        forms = []
        for tokens, (mention, count) in seen.items():
            match = closest_approved(tokens, approved, script, lang) if approved else None
            forms.append(FormSeen(tokens, mention.text, count, doc.position(mention.start),
                                  doc.position(mention.end), doc.line_at(mention.start).text,
                                  " ".join(match[1]) if match else ""))
        return script, forms

    def reduce(self, items: list[RunItem]) -> Iterator[Finding]:
        by_language: dict[tuple[str | None, str | None], list[tuple[RunItem, FormSeen]]] = defaultdict(list)
        for item in items:
            script, forms = item.data
            bucket = by_language[(primary(item.lang), script)]
            bucket.extend((item, form) for form in forms)
        for (lang, script), seen in sorted(by_language.items(), key=lambda kv: str(kv[0])):
            yield from self._language(lang, script, seen)

    def _language(self, lang, script, seen) -> Iterator[Finding]:
        documents_of: dict[tuple, dict[str, tuple[RunItem, FormSeen]]] = defaultdict(dict)
        for item, form in seen:
            documents_of[form.tokens][item.path] = (item, form)
        buckets: dict[str, list[tuple]] = defaultdict(list)
        for tokens in documents_of:
            buckets[signature(tokens, script)].append(tokens)
        for forms in buckets.values():
            if len(forms) < 2:
                continue
            ranked = sorted(forms, key=lambda f: (-len(documents_of[f]), f))
            glossary = {form.approved for f in forms for _, form in documents_of[f].values() if form.approved}
            approved = tuple(glossary.pop().split()) if len(glossary) == 1 else None
            if approved is not None:
                if approved not in documents_of:
                    continue  # no article uses the approved form: N004 reports every other one
                ranked.remove(approved)
                ranked.insert(0, approved)  # the glossary wins over the archive's majority
            dominant = ranked[0]
            dominant_docs = documents_of[dominant]
            if len(dominant_docs) < 2 and approved is None:
                continue
            for other in ranked[1:]:
                kind = variant_kind(dominant, other, script)
                if not kind or (script != "Latin" and kind.startswith((DOUBLED, SILENT))):
                    continue
                if len(documents_of[other]) >= len(dominant_docs) and approved is None:
                    continue
                for path, (item, form) in sorted(documents_of[other].items()):
                    if path in dominant_docs:
                        continue  # both forms in one article: N001 reports it there
                    examples = ", ".join(sorted(dominant_docs)[:3])
                    more = "…" if len(dominant_docs) > 3 else ""
                    times = "once" if form.count == 1 else f"{form.count} times"
                    message = (
                        f"“{form.text}” ({times} in this article) is written "
                        f"“{dominant_docs[next(iter(dominant_docs))][1].text}” in {len(dominant_docs)} other "
                        f"article{'s' if len(dominant_docs) != 1 else ''} in {lang or 'this language'} ({examples}{more}); the forms differ in {kind}"
                    )
                    if approved is not None:
                        message += f"; the names glossary approves “{' '.join(approved)}”"
                    yield self.finding_at(item, form.start, form.end, message, form.line_text)


RULES = (NameArchiveVariant(),)
