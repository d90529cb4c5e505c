"""Renderings: the word runs of a document that render a name seen in a sibling translation,
found by phonetic key."""

from __future__ import annotations

from collections import defaultdict

from ...document import Document
from .groups import Anchor, FormGroup, distinct_words
from .mentions import MAX_NGRAM, Mention, line_word_texts, ngrams_where
from .phonetic import name_key, word_key
from .text import fold, function_words, script_of
from .variants import TRANSLITERATION, variant_kind

# Scripts written without spaces between words: a "word" there is a phrase,
# so word runs cannot be matched against a sibling's name.
# Korean glues particles to names (케네디와, "and Kennedy"), which keys cannot tell apart.
_UNSPACED_SCRIPTS = frozenset({"Han", "Hiragana", "Katakana", "Thai", "Lao", "Khmer", "Hangul"})
# How alike two renderings of one name must be (0-100, on letters without diacritics).
MIN_RENDERING_SIMILARITY = 70


def unspaced(script: str | None) -> bool:
    """Whether words of `script` run together, so that word runs are no guide to names."""
    return script in _UNSPACED_SCRIPTS


def could_be_name(tokens: tuple[str, ...], common: frozenset[str], inner_common: bool = True) -> bool:
    """A name does not begin or end with a function word ("در", "و"), nor consist mostly of them.

    Inside, one may stand only when a sibling's name vouches for the run
    (`inner_common`): آن in فان آن سون is a syllable, ने in नुगरोहो ने बताया is not.
    """
    if tokens[0] in common or tokens[-1] in common:
        return False
    inner = sum(1 for t in tokens if t in common)
    return inner == 0 or (inner_common and inner * 2 < len(tokens))


def usable_anchor(anchor: Anchor) -> bool:
    """Enough consonants to be told apart: "Phan Anh Son" (fn n sn) yes, "Thứ Bảy" (t b) no."""
    short = sum(1 for part in anchor.key if len(part) < 2)
    return len(anchor.key) >= 2 and sum(map(len, anchor.key)) >= 5 and short <= 1


def rendering_mentions(doc: Document, anchors: list[Anchor], script: str | None) -> dict[tuple, list[Mention]]:
    """Phonetic key of a sibling's name -> the word runs of `doc` that render it."""
    if unspaced(script):
        return {}
    anchors = [a for a in anchors if usable_anchor(a)]
    if not anchors:
        return {}
    found: dict[tuple, list[Mention]] = {}
    for anchor in anchors:
        mentions = runs_with_key(doc, anchor.key, script)
        if mentions:
            found[anchor.key] = mentions
    return found


def runs_with_key(doc: Document, key: tuple[str, ...], script: str | None) -> list[Mention]:
    """The word runs of `doc` that could be a name of `script` and have the phonetic key `key`.

    Looked up per key, not indexed for every run: runs are built only on the
    lines holding a word whose key is the key's first part.
    """
    found = doc.memo(("names.runs-by-key", script), lambda d: {})
    if key not in found:
        found[key] = _runs_with_key(doc, key, script)
    return found[key]


def _runs_with_key(doc: Document, key: tuple[str, ...], script: str | None) -> list[Mention]:
    if not 2 <= len(key) <= MAX_NGRAM:
        return []  # runs are 2-3 words long
    first_words = _words_with_key(doc, script, key[0])
    last_words = _words_with_key(doc, script, key[-1]) if first_words else _NO_WORDS
    if not last_words:
        return []
    common = function_words((doc.lang or "").split("-")[0])
    lines = [index for index, texts in enumerate(line_word_texts(doc)) if not first_words.isdisjoint(texts)]

    def keep(tokens: tuple[str, ...]) -> bool:
        return (
            tokens[0] in first_words
            and name_key(tokens) == key
            and could_be_name(tokens, common)
            and all(script_of(w) == script for w in tokens)
        )

    # A run opens and closes with a word keyed as the key's ends (`keep` would say so too): picked in C.
    return ngrams_where(doc, lines, keep, range(len(key), len(key) + 1), first_words, last_words)


def _words_with_key(doc: Document, script: str | None, key: str) -> frozenset[str]:
    """The words of `doc` that may open a name of `script` (no function word) and have the phonetic key `key`."""
    words = doc.memo(("names.keyed-words", _generation), _keyed_words)
    return words & _WORDS_BY_KEY.get((script, key), _NO_WORDS)


# (script, phonetic key) -> the words met with it, in any document: a document's words with a
# key are this set's intersection with its own words, taken in C, with no step per word.
# A word is keyed once per process; past a bound the index is emptied and its generation
# changes, so that each document enters its words again.
_WORDS_BY_KEY: dict[tuple[str | None, str], set[str]] = defaultdict(set)
_KEYED: set[str] = set()
_MAX_KEYED = 200_000
_generation = 0
_NO_WORDS: frozenset[str] = frozenset()


def _keyed_words(doc: Document) -> frozenset[str]:
    """`doc`'s words but its function words, entered in `_WORDS_BY_KEY`."""
    global _KEYED, _generation
    words = distinct_words(doc) - function_words((doc.lang or "").split("-")[0])
    new = words - _KEYED
    if len(_KEYED) + len(new) > _MAX_KEYED:
        _WORDS_BY_KEY.clear()
        _KEYED, new = set(), words
        _generation += 1
    for word in new:
        _WORDS_BY_KEY[(script_of(word), word_key(word))].add(word)
    _KEYED |= new
    return words


def anchored_groups(doc: Document, anchors: list[Anchor], script: str | None) -> list[FormGroup]:
    """Renderings of sibling names found by phonetic key: more than one spelling is a finding."""
    from rapidfuzz import fuzz

    by_key: dict[tuple, Anchor] = {}
    for anchor in anchors:
        by_key.setdefault(anchor.key, anchor)
    groups = []
    for key, mentions in rendering_mentions(doc, anchors, script).items():
        forms: dict[tuple, list[Mention]] = defaultdict(list)
        for mention in mentions:
            forms[mention.tokens].append(mention)
        if len(forms) < 2:
            continue
        group = FormGroup(dict(forms), linked=f"{by_key[key].form} in {by_key[key].path}")
        majority = fold(group.majority_text)
        for form in group.minorities:
            if fuzz.ratio(majority, fold(" ".join(form))) < MIN_RENDERING_SIMILARITY:
                del group.forms[form]
        if len(group.forms) < 2:
            continue
        for form in group.minorities:
            group.differences[form] = variant_kind(group.majority, form, script) or TRANSLITERATION
        groups.append(group)
    return groups
