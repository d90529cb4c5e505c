"""Grouping a document's mentions into names written more than one way."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import compress, repeat

import regex

from ...document import Document
from ...languages import primary
from .mentions import (
    MAX_NGRAM,
    Mention,
    cased_mentions,
    document_script,
    is_cased,
    line_word_texts,
    ngrams_where,
    segments,
    word_texts,
)
from .near import JOINED, joined_kind, near_kind
from .phonetic import name_key, word_key
from .text import fold, function_words, joins_or_spaces_names, script_of
from .variants import (
    DOUBLED,
    SILENT,
    SPACING,
    TRANSLITERATION,
    letters_signature,
    signature,
    variant_kind,
)

# Differences that, outside Latin script, are grammar more often than spelling:
# Russian case endings (Кореи / Кореей), Persian and Arabic suffixes and verb
# forms (داد / داده, أن / أنه). Only an anchor (a sibling's name) admits them.
_GRAMMAR_LIKE = (DOUBLED, SILENT)


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


def _union_groups(pairs: list[tuple[tuple, tuple, str]], by_form: dict, script: str | None) -> list[FormGroup]:
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


def _variant_pairs(mentions: list[Mention], script: str | None, accept) -> tuple[list, dict]:
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


def cased_groups(doc: Document, script: str | None, ambiguous: set[tuple[str, ...]]) -> list[FormGroup]:
    def accept(a, b, kind, by_form):
        if script != "Latin" and kind.startswith(_GRAMMAR_LIKE):
            return False
        return name_key(a) not in ambiguous

    pairs, by_form = _variant_pairs(cased_mentions(doc), script, accept)
    return _union_groups(pairs, by_form, script)


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
        if kind == SPACING or kind.startswith(_GRAMMAR_LIKE) or name_key(a) in ambiguous:
            return False
        shared = [x for x, y in zip(a, b, strict=True) if x == y]
        differing = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
        if not any(word not in common for word in shared):
            return False
        if all(x in common and y in common for x, y in differing):
            return False
        return max(len(by_form[a]), len(by_form[b])) >= 2

    pairs, by_form = _variant_pairs(_variant_candidates(doc, common, script), script, accept)
    return _drop_nested(_union_groups(pairs, by_form, script))


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
    words = list(_distinct_words(doc) - common)
    # map, Counter and compress step through the words in C (signatures are cached per word).
    signatures = list(map(letters_signature, words, repeat(script)))
    shared = {letters for letters, times in Counter(signatures).items() if times > 1}
    return frozenset(compress(words, map(shared.__contains__, signatures)))


def _distinct_words(doc: Document) -> frozenset[str]:
    return doc.memo("names.distinct-words", lambda d: frozenset(word_texts(d)))


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
    if not first_words:
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

    return ngrams_where(doc, lines, keep, range(len(key), len(key) + 1), first_words)


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
    words = _distinct_words(doc) - function_words((doc.lang or "").split("-")[0])
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


def _drop_nested(groups: list[FormGroup]) -> list[FormGroup]:
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


def document_groups(doc: Document, anchors: list[Anchor], ambiguous: set[tuple[str, ...]]) -> list[FormGroup]:
    """Every name written more than one way in `doc`, without two reports for one spot."""
    script = document_script(doc)
    if is_cased(script):
        return cased_groups(doc, script, ambiguous)
    usable = [a for a in anchors if a.key not in ambiguous]
    groups = anchored_groups(doc, usable, script) + caseless_groups(doc, script, ambiguous)
    return _drop_nested(groups)


# -- near variants (N006) ---------------------------------------------------------

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
        mentions = _near_candidates(doc, common, script)
    else:
        common = frozenset()
        mentions = _with_parts(cased_mentions(doc))
    by_form: dict[tuple, list[Mention]] = defaultdict(list)
    for mention in mentions:
        by_form[mention.tokens].append(mention)
    buckets: dict[tuple, list[tuple]] = defaultdict(list)
    for form in by_form:
        for i in range(len(form)):
            buckets[form[:i] + ("\0",) + form[i + 1 :]].append(form)
    paired = {frozenset(group.forms) for group in certain}
    totals = Counter(word_texts(doc)) if caseless else Counter()
    pairs = []
    for forms in buckets.values():
        for i, a in enumerate(forms):
            for b in forms[i + 1 :]:
                if any({a, b} <= forms_of for forms_of in paired):
                    continue
                kind = _near_pair(a, b, script, lang, caseless, common, ambiguous)
                if kind and caseless and not _only_in_name(a, b, by_form, totals):
                    continue
                if kind:
                    pairs.append((a, b, kind))
    groups = _union_groups(pairs, by_form, script)
    if caseless and joins_or_spaces_names(lang):
        groups += _joined_groups(doc, common, script)
    covered = [(m.start, m.end) for group in certain for form in group.minorities for m in group.forms[form]]
    return _drop_nested([g for g in (_evidenced(doc, g, script, lang, caseless, covered) for g in groups) if g])


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
    certain = variant_kind(a, b, script)
    if certain and (script == "Latin" or not certain.startswith(_GRAMMAR_LIKE)):
        return None  # N001's
    if name_key(a) in ambiguous or name_key(b) in ambiguous:
        return None  # a sibling shows two people with this key
    if caseless:
        differing = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
        if any(x in common for x, y in zip(a, b, strict=True) if x == y):
            return None
        if all(x in common and y in common for x, y in differing):
            return None
    return near_kind(a, b, script, lang, caseless)


def _only_in_name(a, b, by_form, totals) -> bool:
    """Whether a word both runs share is met nowhere else in the document, as words of a name are.

    Words of ordinary phrases (Persian ادامه in ادامه دهد / ادامه دهند) are met in others too.
    """
    mentions = len(by_form[a]) + len(by_form[b])
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


def _near_candidates(doc: Document, common: frozenset[str], script: str | None) -> list[Mention]:
    """Word runs of a caseless script that may be a name with a near variant in `doc`.

    A run opens and closes with a word that is not a function word, holds at
    most one, and holds a word one letter away from another word of `doc`
    (every such pair shares a form with one letter deleted).
    """
    near = _near_words(doc, common)
    if not near:
        return []
    lines = [index for index, texts in enumerate(line_word_texts(doc)) if not near.isdisjoint(texts)]

    def keep(tokens: tuple[str, ...]) -> bool:
        return (
            tokens[0] not in common
            and tokens[-1] not in common
            and sum(t in common for t in tokens) <= 1
            and not near.isdisjoint(tokens)
            and all(script_of(t) == script for t in tokens)
        )

    return ngrams_where(doc, lines, keep)


def _near_words(doc: Document, common: frozenset[str]) -> frozenset[str]:
    """Words of `doc` one letter away (added, dropped or replaced) from another, not both function words.

    Two such words share a key: the folded word or it with one letter deleted.
    """

    def build(d: Document) -> frozenset[str]:
        by_key: dict[str, list[str]] = defaultdict(list)
        for word in _distinct_words(d):
            letters = fold(word)
            size = len(letters)
            if 2 <= size <= 24:
                for key in {letters, *[letters[:i] + letters[i + 1 :] for i in range(size)]}:
                    by_key[key].append(word)
        near: set[str] = set()
        for words in by_key.values():
            if len(words) > 1 and not common.issuperset(words):
                near.update(words)
        return frozenset(near)

    return doc.memo("names.near-words", build)


def _joined_groups(doc: Document, common: frozenset[str], script: str | None) -> list[FormGroup]:
    """A name written as one word and as two (Arabic فيناكابيتال / فينا كابيتال)."""
    words = _distinct_words(doc)
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
