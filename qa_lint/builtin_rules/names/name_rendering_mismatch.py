"""N005 name-rendering-mismatch."""

from __future__ import annotations

from collections import defaultdict
from typing import Iterator

from ...groups import ArticleGroup
from ...model import Applicability, Category, Finding
from ...rule import Example, Rule, Scope
from .mentions import Mention, cased_mentions, document_script
from .variants import DOUBLED, SWAPPED, signature, variant_kind

# Differences that are slips, not conventions: languages sharing a script keep
# or drop diacritics and hyphens by their own rules, but none swaps letters.
_SLIPS = (SWAPPED, DOUBLED)
MIN_AGREEING = 2


class NameRenderingMismatch(Rule):
    """## What it does
    Compares the translations of one article that share a script with
    capitals (Latin, Cyrillic, Greek). When at least two of them write a name
    one way and another writes it with two letters swapped or a letter doubled
    ("Phan Ahn Son" where the others have "Phan Anh Son"), that translation is
    reported with the others' form. Diacritics and hyphenation are left alone:
    languages differ there by convention.

    The fix (the others' form) is unsafe: a majority of translations can share
    one typo, and a language may keep its own form of a name (Spanish "Rapid
    Viena"), so an editor decides.

    ## Why is this bad?
    A slip in one translation publishes a person nobody else has heard of;
    the other translations of the same article show the spelling to use.

    ## Fix safety
    Unsafe: the fix changes a name to what the other translations write, and
    they may share the typo or the language its own convention; apply it with
    `--unsafe-fixes` once reviewed.
    """

    code = "N005"
    name = "name-rendering-mismatch"
    category = Category.NAMES
    scope = Scope.GROUP
    fixable = True
    fix_applicability = "unsafe"
    examples = (
        Example("Phan Ahn Son habló.\n", lang="es", fixed="Phan Anh Son habló.\n",
                group=(("en", "Phan Anh Son spoke.\n"), ("fr", "Phan Anh Son a parlé.\n"))),
        Example("Phan Anh Son habló.\n", lang="es", fires=False,
                group=(("en", "Phan Anh Son spoke.\n"), ("vi", "Phan Anh Sơn phát biểu.\n"))),
    )

    def check_group(self, group: ArticleGroup) -> Iterator[Finding]:
        by_script: dict[str, list] = defaultdict(list)
        for doc in group.documents:
            script = document_script(doc)
            if script in ("Latin", "Cyrillic", "Greek"):
                by_script[script].append(doc)
        for script, documents in by_script.items():
            if len(documents) > MIN_AGREEING:
                yield from self._compare(script, documents)

    def _compare(self, script, documents) -> Iterator[Finding]:
        # form -> {document path: its mentions}; buckets of forms that may be variants.
        seen: dict[tuple, dict[str, list[Mention]]] = defaultdict(dict)
        docs = {doc.path: doc for doc in documents}
        for doc in documents:
            for mention in cased_mentions(doc):
                seen[mention.tokens].setdefault(doc.path, []).append(mention)
        buckets: dict[str, list[tuple]] = defaultdict(list)
        for form in seen:
            buckets[signature(form, script)].append(form)
        for forms in buckets.values():
            if len(forms) < 2:
                continue
            ranked = sorted(forms, key=lambda f: (-len(seen[f]), f))
            agreed = ranked[0]
            if len(seen[agreed]) < MIN_AGREEING:
                continue
            for other in ranked[1:]:
                kind = variant_kind(agreed, other, script)
                if not kind or not kind.startswith(_SLIPS) or len(seen[other]) >= len(seen[agreed]):
                    continue
                for path, mentions in sorted(seen[other].items()):
                    if path in seen[agreed]:
                        continue  # both spellings in one document: N001 reports it
                    doc = docs[path]
                    others = ", ".join(sorted(seen[agreed]))
                    agreed_text = next(iter(seen[agreed].values()))[0].text
                    for mention in mentions:
                        message = (
                            f"“{mention.text}” is written “{agreed_text}” in {len(seen[agreed])} other "
                            f"translations of this article ({others}); the forms differ in {kind}"
                        )
                        fix = self.fix(
                            f"Write “{agreed_text}”",
                            [self.edit(doc, mention.start, mention.end, agreed_text)],
                            Applicability.UNSAFE,
                        )
                        yield self.finding(doc, mention.start, mention.end, message, fix)


RULES = (NameRenderingMismatch(),)
