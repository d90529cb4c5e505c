"""Where names stand in a document.

In scripts with case, a name is a run of two or more capitalised words
(connectors such as "de la" or "van" may sit inside; titles such as "M." or
"Ông" and a capitalised sentence opener are not part of it). Scripts without
case give no such signal: there every run of two or three words is a candidate
(`ngrams`), and the rules decide from other evidence which ones are names.
"""

from __future__ import annotations

import itertools
from collections import Counter
from typing import NamedTuple

import regex

from ..document import Document
from .text import CASED_SCRIPTS, Word, connectors, script_of, titles, words

_SPACE = regex.compile(r"^[ \u00a0]$")
# What may separate the words of one name in a caseless script.
_NAME_GAP = regex.compile(r"^[ \u00a0\u200c]+$")
_HYPHEN = regex.compile(r"[-\u2010\u2011]")
_SENTENCE_END = regex.compile(r"[.!?:;|()\[\]«»\"“”„]")
MAX_NGRAM = 3


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
    """The words of each line, found once per document."""
    return doc.memo("names.words", lambda d: [words(line.text, line.start) for line in d.lines])


def _majority_script(doc: Document) -> str | None:
    sample = itertools.islice((w for line in line_words(doc) for w in line), 2000)  # plenty to decide
    counts = Counter(script_of(w.text) for w in sample)
    counts.pop(None, None)
    return counts.most_common(1)[0][0] if counts else None


def _is_capitalised(word: str) -> bool:
    return word[0].isupper()


def _lowercase_vocabulary(doc: Document) -> frozenset[str]:
    return frozenset(w.text.casefold() for line in line_words(doc) for w in line if w.text[0].islower())


def cased_mentions(doc: Document) -> list[Mention]:
    """Runs of capitalised words, two or more, in a document of a cased script."""
    return doc.memo("names.cased", _cased_mentions)


def _cased_mentions(doc: Document) -> list[Mention]:
    lowercase = _lowercase_vocabulary(doc)
    title_words = titles(doc.lang)
    joiners = connectors()
    found: list[Mention] = []
    for line, found_words in zip(doc.lines, line_words(doc), strict=True):
        run: list[Word] = []
        run_opens_sentence = sentence_start = True
        previous_end = None
        for word in found_words:
            if previous_end is not None:
                gap = doc.text[previous_end : word.start]
                if not _SPACE.match(gap):  # punctuation ends a name, and may end a sentence
                    if run:
                        found.extend(_mention_from_run(doc, line.number, run, run_opens_sentence, lowercase, title_words))
                        run = []
                    sentence_start = bool(_SENTENCE_END.search(gap))
            if _is_capitalised(word.text) or (run and word.text in joiners):
                if not run:
                    run_opens_sentence = sentence_start
                run.append(word)
            elif run:
                found.extend(_mention_from_run(doc, line.number, run, run_opens_sentence, lowercase, title_words))
                run = []
            sentence_start = False
            previous_end = word.end
        if run:
            found.extend(_mention_from_run(doc, line.number, run, run_opens_sentence, lowercase, title_words))
    return found


def _capitalised_parts(run: list[Word]) -> list[str]:
    return [part for w in run for part in _HYPHEN.split(w.text) if part and _is_capitalised(part)]


def _mention_from_run(doc, line_number, run, at_sentence_start, lowercase, title_words) -> list[Mention]:
    joiners = connectors()
    run = list(run)
    while run and run[-1].text in joiners:
        run.pop()
    while len(_capitalised_parts(run[1:])) >= 2 and run[0].text.rstrip(".").casefold() in title_words:
        run.pop(0)
        at_sentence_start = False
    if at_sentence_start and len(_capitalised_parts(run[1:])) >= 2 and run[0].text.casefold() in lowercase:
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
    found: list[Mention] = []
    text = doc.text
    for line, line_of_words in zip(doc.lines, line_words(doc), strict=True):
        segments: list[list[Word]] = []
        for word in line_of_words:
            if segments and _NAME_GAP.match(text[segments[-1][-1].end : word.start]):
                segments[-1].append(word)
            else:
                segments.append([word])
        for segment in segments:
            for size in range(2, MAX_NGRAM + 1):
                for i in range(len(segment) - size + 1):
                    start, end = segment[i].start, segment[i + size - 1].end
                    tokens = tuple(w.text for w in segment[i : i + size])
                    found.append(Mention(tokens, text[start:end], start, end, line.number))
    return found


def is_cased(script: str | None) -> bool:
    return script in CASED_SCRIPTS
