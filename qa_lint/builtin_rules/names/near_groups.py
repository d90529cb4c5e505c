"""Near variants in one document (N006): names written two ways that `variants` cannot
vouch for, but that are probably one name."""

from __future__ import annotations

import functools
from collections import Counter, defaultdict
from itertools import chain

import regex

from ...document import Document
from ...languages import primary
from .groups import GRAMMAR_LIKE, FormGroup, distinct_words, drop_nested, union_groups
from .mentions import (
    Mention,
    cased_mentions,
    document_script,
    is_cased,
    line_word_texts,
    mentions_of,
    ngram_counts,
    ngrams_where,
    segments,
    word_texts,
)
from .near import JOINED, joined_kind, near_kind
from .phonetic import name_key
from .renderings import unspaced
from .text import fold, function_words, joins_or_spaces_names, script_of
from .variants import variant_kind

_SENTENCE_END_MARK = regex.compile(r"[.!?؟।。]\s")


def near_groups(doc: Document, ambiguous: set[tuple[str, ...]], certain: list[FormGroup]) -> list[FormGroup]:
    """Names written two ways that `document_groups` cannot vouch for, but are probably one name.

    Forms `certain` (N001's groups) already reports are left out. A pair is
    kept when its majority form occurs at least twice, and dropped when the
    article shows two names: both forms twice or more, or both in one sentence.
    """
    script = document_script(doc)
    lang = primary(doc.lang)
    caseless = not is_cased(script)
    if caseless:
        common = function_words(lang or "")
        if unspaced(script) or not common:
            return []
        # Of the many runs only those paired need their mentions: they are counted, not built.
        counts = _near_candidates(doc, common, script)
        by_form = None
    else:
        common = frozenset()
        by_form = defaultdict(list)
        for mention in _with_parts(cased_mentions(doc)):
            by_form[mention.tokens].append(mention)
        counts = {form: len(mentions) for form, mentions in by_form.items()}
    # Runs of one length that differ in one word share a bucket: that word as a wildcard.
    buckets: dict[tuple, list[tuple]] = defaultdict(list)
    for form in counts:
        if len(form) < 2:
            continue  # near_kind compares runs of two words or more: one-word runs would all share a bucket
        for i in range(len(form)):
            buckets[form[:i] + ("\0",) + form[i + 1 :]].append(form)
    paired = {frozenset(group.forms) for group in certain}
    totals = Counter(word_texts(doc)) if caseless else Counter()
    pairs = []
    for forms in buckets.values():
        for i, a in enumerate(forms):
            for b in forms[i + 1 :]:
                kind = _near_pair(a, b, script, lang, caseless, common, ambiguous)
                if not kind or any({a, b} <= forms_of for forms_of in paired):
                    continue
                if caseless and not _only_in_name(a, b, counts, totals):
                    continue
                pairs.append((a, b, kind))
    if by_form is None:
        by_form = mentions_of(doc, {form for pair in pairs for form in pair[:2]})
    groups = union_groups(pairs, by_form, script)
    if caseless and joins_or_spaces_names(lang):
        groups += _joined_groups(doc, common, script)
    covered = [(m.start, m.end) for group in certain for form in group.minorities for m in group.forms[form]]
    return drop_nested([g for g in (_evidenced(doc, g, script, lang, caseless, covered) for g in groups) if g])


def _with_parts(mentions: list[Mention]) -> list[Mention]:
    """Runs of capitalised words and their parts: two names run together ("Российской Федерации
    Данг Минь Кой") count as a mention of each ("Данг Минь Кой")."""
    out = list(mentions)
    for mention in mentions:
        tokens = mention.tokens
        if len(tokens) < 3:
            continue
        starts, at = [], mention.start
        for token in tokens:  # the words of a run are one space apart
            starts.append(at)
            at += len(token) + 1
        for i in range(len(tokens)):
            for j in range(i + 2, len(tokens) + 1):
                if (i, j) == (0, len(tokens)) or not (tokens[i][0].isupper() and tokens[j - 1][0].isupper()):
                    continue
                start, end = starts[i], starts[j - 1] + len(tokens[j - 1])
                out.append(Mention(tokens[i:j], mention.text[start - mention.start : end - mention.start], start, end, mention.line))
    return out


def _near_pair(a, b, script, lang, caseless, common, ambiguous) -> str | None:
    # Every test only rules a pair out: the cheap, most selective one first (few pairs are near).
    kind = near_kind(a, b, script, lang, caseless)
    if kind is None:
        return None
    certain = variant_kind(a, b, script)
    if certain and (script == "Latin" or not certain.startswith(GRAMMAR_LIKE)):
        return None  # N001's
    if name_key(a) in ambiguous or name_key(b) in ambiguous:
        return None  # a sibling shows two people with this key
    if caseless:
        differing = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
        if any(x in common for x, y in zip(a, b, strict=True) if x == y):
            return None
        if all(x in common and y in common for x, y in differing):
            return None
    return kind


def _only_in_name(a, b, counts, totals) -> bool:
    """Whether a word both runs share is met nowhere else in the document, as words of a name are.

    Words of ordinary phrases (Persian ادامه in ادامه دهد / ادامه دهند) are met in others too.
    """
    mentions = counts[a] + counts[b]
    return any(x == y and totals[x] == mentions for x, y in zip(a, b, strict=True))


def _evidenced(doc, group: FormGroup, script, lang, caseless, covered) -> FormGroup | None:
    """`group` without the forms the article shows to be another name, or None when none is left."""
    majority = group.majority
    majority_mentions = group.forms[majority]
    if len(majority_mentions) < 2:
        return None
    for form in group.minorities:
        mentions = [m for m in group.forms[form] if not any(s <= m.start and m.end <= e for s, e in covered)]
        kind = group.differences.get(form) if len(form) != len(majority) else near_kind(
            majority, form, script, lang, caseless
        )
        if (
            not mentions
            or kind is None
            or len(group.forms[form]) >= 2
            or any(_one_sentence(doc, m, n) for m in mentions for n in majority_mentions)
        ):
            del group.forms[form]
            continue
        group.forms[form] = mentions
        group.differences[form] = kind
    return group if len(group.forms) > 1 else None


def _one_sentence(doc: Document, a: Mention, b: Mention) -> bool:
    if a.line != b.line:
        return False
    first, second = (a, b) if a.start < b.start else (b, a)
    return not _SENTENCE_END_MARK.search(doc.text, first.end, second.start)


def _near_candidates(doc: Document, common: frozenset[str], script: str | None) -> Counter[tuple[str, ...]]:
    """Word runs of a caseless script that may be a name with a near variant in `doc`, with their counts.

    A run opens and closes with a word that is not a function word, holds at
    most one, and holds a word one letter away from another word of `doc`
    (every such pair shares a form with one letter deleted).
    """
    near = _near_words(doc, common)
    if not near:
        return Counter()
    lines = [index for index, texts in enumerate(line_word_texts(doc)) if not near.isdisjoint(texts)]
    words = distinct_words(doc)
    foreign = frozenset(word for word in words if script_of(word) != script)
    ends = words - common - foreign  # what a run may open and close with

    def keep(tokens: tuple[str, ...]) -> bool:
        return not near.isdisjoint(tokens) and foreign.isdisjoint(tokens) and sum(t in common for t in tokens) <= 1

    return ngram_counts(doc, lines, keep, first=ends, last=ends)


def _near_words(doc: Document, common: frozenset[str]) -> frozenset[str]:
    """Words of `doc` one letter away (added, dropped or replaced) from another, not both function words.

    Two such words share a key: the folded word or it with one letter deleted.
    """

    def build(d: Document) -> frozenset[str]:
        words = list(distinct_words(d))
        keys = list(map(_one_letter_keys, words))
        # Each word holds its keys once: it shares one when they count more than its own.
        times = Counter(chain.from_iterable(keys)).__getitem__
        near = {word for word, own in zip(words, keys) if sum(map(times, own)) > len(own)}
        # A function word is near only through a key it shares with a word that is not one.
        common_near = near & common
        if common_near:
            other_keys = set(chain.from_iterable(map(_one_letter_keys, near - common)))
            near -= {word for word in common_near if other_keys.isdisjoint(_one_letter_keys(word))}
        return frozenset(near)

    return doc.memo("names.near-words", build)


@functools.lru_cache(maxsize=16384)  # a word comes back in many articles of its language
def _one_letter_keys(word: str) -> tuple[str, ...]:
    """The word folded and it with each letter deleted, each once (none outside 2-24 letters)."""
    letters = fold(word)
    size = len(letters)
    if not 2 <= size <= 24:
        return ()
    return tuple(dict.fromkeys([letters, *[letters[:i] + letters[i + 1 :] for i in range(size)]]))


def _joined_groups(doc: Document, common: frozenset[str], script: str | None) -> list[FormGroup]:
    """A name written as one word and as two (Arabic فيناكابيتال / فينا كابيتال)."""
    words = distinct_words(doc)
    splits: dict[str, tuple[str, str]] = {}
    for index in range(len(doc.lines)):
        for tokens, _, _ in segments(doc, index):
            for x, y in zip(tokens, tokens[1:]):
                if (
                    x not in common
                    and y not in common
                    and x + y in words
                    and script_of(x) == script_of(y) == script
                    and joined_kind(x + y, (x, y))
                ):
                    splits.setdefault(x + y, (x, y))
    if not splits:
        return []
    wanted = set(splits) | set(splits.values())
    lines = [i for i, texts in enumerate(line_word_texts(doc)) if not set(splits).isdisjoint(texts)]
    found = ngrams_where(doc, range(len(doc.lines)), wanted.__contains__, range(2, 3)) + ngrams_where(
        doc, lines, lambda t: t[0] in splits, range(1, 2)
    )
    groups = []
    for joined, spaced in splits.items():
        forms = {form: [m for m in found if m.tokens == form] for form in ((joined,), spaced)}
        if all(forms.values()):
            group = FormGroup(forms)
            group.differences[group.minorities[0]] = JOINED
            groups.append(group)
    return groups
