"""Grouping a document's mentions into names written more than one way (N001)."""

from __future__ import annotations

from collections import Counter
from itertools import compress, repeat

from ...document import Document
from .groups import GRAMMAR_LIKE, Anchor, FormGroup, distinct_words, drop_nested, union_groups, variant_pairs
from .mentions import Mention, cased_mentions, document_script, is_cased, line_word_texts, ngrams_where
from .phonetic import name_key
from .renderings import anchored_groups
from .text import function_words
from .variants import SPACING, letters_signature


def cased_groups(doc: Document, script: str | None, ambiguous: set[tuple[str, ...]]) -> list[FormGroup]:
    def accept(a, b, kind, by_form):
        if script != "Latin" and kind.startswith(GRAMMAR_LIKE):
            return False
        return name_key(a) not in ambiguous

    pairs, by_form = variant_pairs(cased_mentions(doc), script, accept)
    return union_groups(pairs, by_form, script)


def caseless_groups(doc: Document, script: str | None, ambiguous: set[tuple[str, ...]]) -> list[FormGroup]:
    """Variants among repeated word runs of a caseless script, where no anchor says "name".

    Ordinary words vary too (این / آن), so a pair counts only when a word it
    shares is not a function word, the two differing words are not both
    function words, the majority form occurs at least twice, and spacing
    differences are left to the script rules.
    """
    common = function_words((doc.lang or "").split("-")[0])
    if not common:
        return []  # without a list of the language's common words this would cry wolf

    def accept(a, b, kind, by_form):
        if kind == SPACING or kind.startswith(GRAMMAR_LIKE) or name_key(a) in ambiguous:
            return False
        shared = [x for x, y in zip(a, b, strict=True) if x == y]
        differing = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
        if not any(word not in common for word in shared):
            return False
        if all(x in common and y in common for x, y in differing):
            return False
        return max(len(by_form[a]), len(by_form[b])) >= 2

    pairs, by_form = variant_pairs(_variant_candidates(doc, common, script), script, accept)
    return drop_nested(union_groups(pairs, by_form, script))


def _variant_candidates(doc: Document, common: frozenset[str], script: str | None) -> list[Mention]:
    """The word runs `caseless_groups` could pair: no function word, and a word spelt two ways.

    Two runs pair only when they match word by word, and the words that
    differ have the same letters once folded (one `signature`). A run none
    of whose words the document also writes another way pairs with nothing,
    so only runs around such words are built: a small part of all of them.
    """
    respelt = _respelt_words(doc, common, script)
    if not respelt:
        return []
    lines = [index for index, texts in enumerate(line_word_texts(doc)) if not respelt.isdisjoint(texts)]

    def keep(tokens: tuple[str, ...]) -> bool:
        return common.isdisjoint(tokens) and not respelt.isdisjoint(tokens)

    return ngrams_where(doc, lines, keep)


def _respelt_words(doc: Document, common: frozenset[str], script: str | None) -> frozenset[str]:
    """Words of `doc` (function words aside) that share their folded letters with another word of it."""
    words = list(distinct_words(doc) - common)
    # map, Counter and compress step through the words in C (signatures are cached per word).
    signatures = list(map(letters_signature, words, repeat(script)))
    shared = {letters for letters, times in Counter(signatures).items() if times > 1}
    return frozenset(compress(words, map(shared.__contains__, signatures)))


def document_groups(doc: Document, anchors: list[Anchor], ambiguous: set[tuple[str, ...]]) -> list[FormGroup]:
    """Every name written more than one way in `doc`, without two reports for one spot."""
    script = document_script(doc)
    if is_cased(script):
        return cased_groups(doc, script, ambiguous)
    usable = [a for a in anchors if a.key not in ambiguous]
    groups = anchored_groups(doc, usable, script) + caseless_groups(doc, script, ambiguous)
    return drop_nested(groups)
