"""Form groups: the spellings of one name in one document, built from pairs of variant forms."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ...document import Document
from .mentions import Mention, word_texts
from .variants import DOUBLED, SILENT, TRANSLITERATION, signature, variant_kind

# Differences that, outside Latin script, are grammar more often than spelling:
# Russian case endings (Кореи / Кореей), Persian and Arabic suffixes and verb
# forms (داد / داده, أن / أنه). Only an anchor (a sibling's name) admits them.
GRAMMAR_LIKE = (DOUBLED, SILENT)


@dataclass
class FormGroup:
    """The spellings of one name in one document, most frequent first."""

    forms: dict[tuple[str, ...], list[Mention]]
    differences: dict[tuple[str, ...], str] = field(default_factory=dict)  # form -> how it differs
    linked: str | None = None  # the name this rendering stands for in a sibling translation

    def __post_init__(self) -> None:
        # Most mentions first; on a tie the form met first.
        self.forms = dict(sorted(self.forms.items(), key=lambda item: (-len(item[1]), item[1][0].start)))

    @property
    def majority(self) -> tuple[str, ...]:
        return next(iter(self.forms))

    @property
    def majority_text(self) -> str:
        return self.forms[self.majority][0].text

    @property
    def minorities(self) -> list[tuple[str, ...]]:
        return list(self.forms)[1:]

    @property
    def is_tie(self) -> bool:
        counts = [len(m) for m in self.forms.values()]
        return len(counts) > 1 and counts[0] == counts[1]


@dataclass(frozen=True)
class Anchor:
    """A name seen in a Latin-script sibling, to find its rendering in another script."""

    form: str
    path: str
    key: tuple[str, ...]


def union_groups(pairs: list[tuple[tuple, tuple, str]], by_form: dict, script: str | None) -> list[FormGroup]:
    """Forms linked by variant pairs, as groups (a ~ b and b ~ c put a, b, c in one)."""
    parent: dict[tuple, tuple] = {}

    def find(x):
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b, _ in pairs:
        parent[find(a)] = find(b)
    clusters: dict[tuple, list[tuple]] = defaultdict(list)
    for form in sorted({f for a, b, _ in pairs for f in (a, b)}):
        clusters[find(form)].append(form)
    pair_kind = {frozenset((a, b)): kind for a, b, kind in pairs}
    groups = []
    for forms in clusters.values():
        group = FormGroup({form: by_form[form] for form in forms})
        for form in group.minorities:
            group.differences[form] = (
                variant_kind(group.majority, form, script)
                or pair_kind.get(frozenset((form, group.majority)))
                or TRANSLITERATION
            )
        groups.append(group)
    return groups


def variant_pairs(mentions: list[Mention], script: str | None, accept) -> tuple[list, dict]:
    by_form: dict[tuple, list[Mention]] = defaultdict(list)
    for mention in mentions:
        by_form[mention.tokens].append(mention)
    buckets: dict[str, list[tuple]] = defaultdict(list)
    for form in by_form:
        buckets[signature(form, script)].append(form)
    pairs = []
    for forms in buckets.values():
        for i, a in enumerate(forms):
            for b in forms[i + 1 :]:
                kind = variant_kind(a, b, script)
                if kind and accept(a, b, kind, by_form):
                    pairs.append((a, b, kind))
    return pairs, by_form


def drop_nested(groups: list[FormGroup]) -> list[FormGroup]:
    """Keep the longest runs: "فان آن سون" and not also its parts "فان آن", "آن سون".

    A mention inside the span of one already reported is dropped; a group left
    with no mention to report is dropped whole.
    """
    groups.sort(key=lambda g: -len(g.majority))
    kept, covered = [], []
    for group in groups:
        for form in group.minorities:
            group.forms[form] = [
                m for m in group.forms[form] if not any(s <= m.start and m.end <= e for s, e in covered)
            ]
            if not group.forms[form]:
                del group.forms[form]
        if len(group.forms) < 2:
            continue
        covered.extend((m.start, m.end) for form in group.minorities for m in group.forms[form])
        kept.append(group)
    return kept


def distinct_words(doc: Document) -> frozenset[str]:
    return doc.memo("names.distinct-words", lambda d: frozenset(word_texts(d)))
