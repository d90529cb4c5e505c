"""Where names stand in a document.

In scripts with case, a name is a run of two or more capitalised words
(connectors such as "de la" or "van" may sit inside; titles such as "M." or
"Ông" and a capitalised sentence opener are not part of it). Scripts without
case give no such signal: there every run of two or three words is a candidate
(`ngrams`), and the rules decide from other evidence which ones are names.
"""

from __future__ import annotations

import functools
import operator
from operator import and_
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable
from itertools import compress
from typing import NamedTuple

import regex

from ...document import Document
from .text import CASED_SCRIPTS, WORD, Word, connectors, script_of, titles, words

# Words (as `WORD` finds them) one space apart, as the words of one name in a cased script are.
_SPACED_WORDS = regex.compile(rf"(?P<w>{WORD.pattern})(?:[ \u00a0](?P<w>{WORD.pattern}))*")
_HYPHEN = regex.compile(r"[-\u2010\u2011]")
_SENTENCE_END = regex.compile(r"[.!?:;|()\[\]«»\"“”„]")
# A name needs two capitalised words (or hyphenated parts): a line with fewer capitals holds none.
_TWO_CAPITALS = regex.compile(r"\p{Lu}.*\p{Lu}", regex.DOTALL)


@functools.lru_cache(maxsize=1)
def _name_hint() -> regex.Pattern:
    """What every line holding a name has: a capitalised word, one space, then a capital or a
    connector ("Phan Anh", "Ludwig van"), or a capital after a hyphen ("Jean-Pierre")."""
    joiners = "|".join(regex.escape(j) for j in sorted(connectors(), key=len, reverse=True))
    # The space first and the capitalised word behind it: looking ahead from every capital
    # of a long run of letters would take quadratic time.
    return regex.compile(
        rf"[ \u00a0](?<=\p{{Lu}}[\p{{L}}\p{{M}}\u200c\-\u2010\u2011]*[ \u00a0])(?:\p{{Lu}}|{joiners})"
        rf"|[\-\u2010\u2011]\p{{Lu}}"
    )
MAX_NGRAM = 3
_FIRST = operator.itemgetter(0)
_new = tuple.__new__


class Mention(NamedTuple):  # a tuple: word runs of a long article number in the tens of thousands
    tokens: tuple[str, ...]  # the words as written
    text: str  # the span as written
    start: int
    end: int
    line: int

    @property
    def form(self) -> str:
        return " ".join(self.tokens)


def document_script(doc: Document) -> str | None:
    """The script most of the document's words are written in."""
    return doc.memo("names.script", _majority_script)


def line_words(doc: Document) -> list[list[Word]]:
    """The words of each line."""
    return [words_in_line(doc, index) for index in range(len(doc.lines))]


def words_in_line(doc: Document, index: int) -> list[Word]:
    """The words of line `index` (0-based), found once per document, and only for the lines asked about."""
    cache = doc.memo("names.words", lambda d: [None] * len(d.lines))
    found = cache[index]
    if found is None:
        line = doc.lines[index]
        found = cache[index] = words(line.text, line.start)
    return found


def word_texts(doc: Document) -> list[str]:
    """Every word of the document as written, in order (words never span lines)."""
    return doc.memo("names.word-texts", lambda d: WORD.findall(d.text))


def line_word_texts(doc: Document) -> list[list[str]]:
    """The words of each line as plain strings: a cheap test of which lines hold a word."""
    return doc.memo("names.line-word-texts", lambda d: [WORD.findall(line.text) for line in d.lines])


def _majority_script(doc: Document) -> str | None:
    sample = word_texts(doc)[:2000]  # plenty to decide
    # A word's script is its first letter's, and words begin with a letter:
    # count first letters, then look each distinct one up once.
    first_letters = Counter(map(_FIRST, sample))
    if not all(char.isalpha() for char in first_letters):
        first_letters = Counter(sample)  # a letter only the regex module knows: go word by word
    counts: Counter[str | None] = Counter()
    for start, times in first_letters.items():
        counts[script_of(start)] += times
    counts.pop(None, None)
    return counts.most_common(1)[0][0] if counts else None


def _is_capitalised(word: str) -> bool:
    return word[0].isupper()


def _lowercase_vocabulary(doc: Document) -> frozenset[str]:
    """The words `doc` writes in lower case, case-folded: built when a run first needs it (half don't)."""
    return doc.memo("names.lowercase", lambda d: frozenset(w.casefold() for w in set(word_texts(d)) if w[0].islower()))


def cased_mentions(doc: Document) -> list[Mention]:
    """Runs of capitalised words, two or more, in a document of a cased script."""
    return doc.memo("names.cased", _cased_mentions)


def _cased_mentions(doc: Document) -> list[Mention]:
    title_words = titles(doc.lang)
    joiners = connectors()
    found: list[Mention] = []
    hint = _name_hint()
    for line in doc.lines:
        text = line.text
        if not _TWO_CAPITALS.search(text) or not hint.search(text):
            continue
        previous_end = None
        # Anything but one space ends a name, so names are looked for in stretches of
        # words one space apart, and only in those with a hint of one.
        for stretch in _SPACED_WORDS.finditer(text):
            before, previous_end = previous_end, stretch.end()
            if not hint.search(text, stretch.start(), previous_end):
                continue
            run: list[Word] = []
            run_opens_sentence = False
            base = line.start
            spans = zip(stretch.captures("w"), stretch.starts("w"), stretch.ends("w"))
            for position, (word, start, end) in enumerate(spans):
                if word[0].isupper() or (run and word in joiners):  # capitalised, or a connector inside
                    if not run:
                        # The stretch's first word opens a sentence at the line's start or after
                        # sentence punctuation (looked for only there).
                        run_opens_sentence = position == 0 and (
                            before is None or bool(_SENTENCE_END.search(text, before, stretch.start()))
                        )
                    run.append(_new(Word, (word, base + start, base + end)))  # Word(...) without a Python call
                elif run:
                    found.extend(_mention_from_run(doc, line.number, run, run_opens_sentence, title_words))
                    run = []
            if run:
                found.extend(_mention_from_run(doc, line.number, run, run_opens_sentence, title_words))
    return found


def _capitalised_parts(run: list[Word]) -> list[str]:
    return [part for w in run for part in _HYPHEN.split(w.text) if part and _is_capitalised(part)]


def _mention_from_run(doc, line_number, run, at_sentence_start, title_words) -> list[Mention]:
    if len(run) == 1 and not _HYPHEN.search(run[0].text):
        return []  # one capital at most: most runs are a sentence's first word
    joiners = connectors()
    run = list(run)
    while run and run[-1].text in joiners:
        run.pop()
    while len(_capitalised_parts(run[1:])) >= 2 and run[0].text.rstrip(".").casefold() in title_words:
        run.pop(0)
        at_sentence_start = False
    if (
        at_sentence_start
        and len(_capitalised_parts(run[1:])) >= 2
        and run[0].text.casefold() in _lowercase_vocabulary(doc)
    ):
        run.pop(0)  # "Selon Phan Anh Son": the opener is an ordinary word
    capitalised = _capitalised_parts(run)
    if len(capitalised) < 2 or len(run) > 8:
        return []
    if all(part.isupper() for part in capitalised):
        return []  # acronyms or an all-caps headline
    if run[0].text.rstrip(".").casefold() in title_words:
        return []
    start, end = run[0].start, run[-1].end
    return [Mention(tuple(w.text for w in run), doc.text[start:end], start, end, line_number)]


def ngrams(doc: Document, sizes: range = range(2, MAX_NGRAM + 1)) -> list[Mention]:
    """Every run of 2-3 words not split by punctuation (for scripts without case)."""
    every = doc.memo("names.ngrams", _ngrams)
    if sizes.start <= 2 and sizes.stop > MAX_NGRAM:
        return every
    return [m for m in every if len(m.tokens) in sizes]


def _ngrams(doc: Document) -> list[Mention]:
    return ngrams_where(doc, range(len(doc.lines)))


def ngrams_where(
    doc: Document,
    lines: Iterable[int],
    keep: Callable[[tuple[str, ...]], bool] | None = None,
    sizes: range = range(2, MAX_NGRAM + 1),
    first: frozenset[str] | None = None,
    last: frozenset[str] | None = None,
) -> list[Mention]:
    """The runs `ngrams` finds, in its order, on `lines` only (0-based, ascending) and that `keep` accepts.

    Building every run of a long article costs more than all the rest of the
    names rules: callers that know which words they look for pass the lines
    that hold them and a test of the words, and the words a run must open
    with (`first`) and close with (`last`) if they know them.
    """
    found: list[Mention] = []
    append = found.append
    text = doc.text
    lines_of = doc.lines
    for index in lines:
        number, base = index + 1, lines_of[index].start
        for tokens_of, starts, ends in _segments(doc, index):
            for size in sizes:
                positions = range(len(tokens_of) - size + 1)
                flags = _opening_and_closing(tokens_of, size, first, last)
                if flags is not None:
                    positions = compress(positions, flags)
                for i in positions:
                    tokens = tokens_of[i : i + size]
                    if keep is None or keep(tokens):
                        start, end = base + starts[i], base + ends[i + size - 1]
                        append(_new(Mention, (tokens, text[start:end], start, end, number)))  # no Python call
    return found


def ngram_counts(
    doc: Document,
    lines: Iterable[int],
    keep: Callable[[tuple[str, ...]], bool] | None = None,
    sizes: range = range(2, MAX_NGRAM + 1),
    first: frozenset[str] | None = None,
    last: frozenset[str] | None = None,
) -> Counter[tuple[str, ...]]:
    """How often `ngrams_where` would find each run, in the order it would first: no mention is built.

    For callers that pair runs first and then need the mentions of a few (`mentions_of`).
    """
    counts: Counter[tuple[str, ...]] = Counter()
    for index in lines:
        for tokens_of, _, _ in _segments(doc, index):
            for size in sizes:
                runs = zip(*[tokens_of[k:] for k in range(size)])  # the runs of `size` words, as tuples, in C
                flags = _opening_and_closing(tokens_of, size, first, last)
                if flags is not None:
                    runs = compress(runs, flags)
                counts.update(runs if keep is None else filter(keep, runs))
    return counts


def mentions_of(doc: Document, forms: Collection[tuple[str, ...]]) -> dict[tuple[str, ...], list[Mention]]:
    """The mentions of `forms` (runs as `ngrams_where` finds them), by form."""
    found: dict[tuple[str, ...], list[Mention]] = defaultdict(list)
    if not forms:
        return found
    openers = frozenset(form[0] for form in forms)
    lines = [index for index, texts in enumerate(line_word_texts(doc)) if not openers.isdisjoint(texts)]
    sizes = range(min(map(len, forms)), max(map(len, forms)) + 1)
    for mention in ngrams_where(doc, lines, frozenset(forms).__contains__, sizes, first=openers):
        found[mention.tokens].append(mention)
    return found


def _opening_and_closing(tokens_of: tuple[str, ...], size: int, first, last):
    """Whether the run of `size` words at each position opens with a word of `first` and closes with
    one of `last`, tested in C (None: every run does)."""
    if first is not None and last is not None:
        return map(and_, map(first.__contains__, tokens_of), map(last.__contains__, tokens_of[size - 1 :]))
    if first is not None:
        return map(first.__contains__, tokens_of)
    if last is not None:
        return map(last.__contains__, tokens_of[size - 1 :])
    return None


# Words (as `WORD` finds them) that only spaces and ZWNJ separate, as the words of one name in a
# caseless script are: a name does not span punctuation.
# The repeated group keeps every word's text and offsets, so no Python step per word is needed.
_SEGMENT = regex.compile(rf"(?P<w>{WORD.pattern})(?:[ \u00a0\u200c]+(?P<w>{WORD.pattern}))*")


def _segments(doc: Document, index: int) -> list[tuple[tuple[str, ...], list[int], list[int]]]:
    """A line's segments: (words, their starts, their ends), offsets from the line's start."""
    cache = doc.memo("names.segments", lambda d: [None] * len(d.lines))
    if cache[index] is None:
        cache[index] = [
            (tuple(m.captures("w")), m.starts("w"), m.ends("w"))
            for m in _SEGMENT.finditer(doc.lines[index].text)
        ]
    return cache[index]


def segments(doc: Document, index: int) -> list[tuple[tuple[str, ...], list[int], list[int]]]:
    """The runs of words of line `index` that no punctuation splits: (words, starts, ends)."""
    return _segments(doc, index)


def is_cased(script: str | None) -> bool:
    return script in CASED_SCRIPTS
