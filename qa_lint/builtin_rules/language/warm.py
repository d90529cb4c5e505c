"""lingua's models loaded before worker processes fork, for the languages a run puts in play.

(And the widget-label patterns of those languages, compiled once for all workers.)

lingua loads a language's n-gram models the first time a text needs them
(about 0.2 s and 50 MB a language): every worker paid that again for the
same languages. Loaded once in the parent, they are shared by every forked
worker. Only detectors the family can ask are warmed: a language and the
rivals in play that write its script (`detector_codes`), and the languages in
play that write a script the document's language does not (its foreign runs).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

from ... import detect
from ...languages import primary
from ...rule import PlannedGroup
from .data import load
from .ui_strings import compile_patterns
from .verdict import detector_codes, rivals_of

# lingua reads n-grams of one to five letters in a short text (all five model sizes).
_NGRAM_LETTERS = 5


def in_play(lang: str | None, source: str | None, group_languages: Iterable[str | None]) -> tuple[str, ...]:
    """The document's language, the source language, English, then the group's other languages."""
    codes = [primary(lang), primary(source), "en", *sorted(primary(code) for code in group_languages)]
    return tuple(dict.fromkeys(code for code in codes if code))


def warm_detectors(groups: list[PlannedGroup]) -> None:
    for codes in sorted(detector_sets(groups)):
        _warm(codes)
    # Each worker would also compile the widget-label patterns of every language in play (0.2 s in all).
    compile_patterns(sorted({code for group in groups for lang in group.languages
                             for code in in_play(lang, group.source_language, group.languages)}))


def detector_sets(groups: list[PlannedGroup]) -> set[tuple[str, ...]]:
    """The language sets of the detectors the family may ask about these groups' documents."""
    data = load()
    found: set[tuple[str, ...]] = set()
    seen = set()
    for group in groups:
        for lang in group.languages:
            key = (primary(lang), primary(group.source_language), frozenset(map(primary, group.languages)))
            if key in seen or key[0] not in data.languages:
                continue
            seen.add(key)
            languages = in_play(lang, group.source_language, group.languages)
            same_script = detector_codes(key[0], rivals_of(key[0], languages))
            if same_script:
                found.add(same_script)
            scripts = {script for code in languages if code in data.languages for script in data.languages[code].scripts}
            for script in scripts - data.languages[key[0]].scripts:
                codes = detect.supported(data.writing(script, languages))
                if len(codes) > 1:
                    found.add(codes)
    return found


@functools.cache
def _warm(codes: tuple[str, ...]) -> None:
    """Build the detector for `codes` and make it load every model a text can need."""
    detector = detect.detector_for(codes)
    for text in _warming_texts(codes):
        detector.compute_language_confidence_values(text)
        detector.detect_multiple_languages_of(text)


def _warming_texts(codes: tuple[str, ...]) -> list[str]:
    """A word of five letters in one letter: lingua loads no model for a language whose alphabet lacks
    a letter of the text, so a letter every language of `codes` writes (from their function words)
    loads them all at once; failing one, a word per language."""
    data = load()
    letters = [{char for word in data.stopwords(code) for char in word if char.isalpha()} for code in codes]
    common = set.intersection(*letters) if letters else set()
    if common:
        return [min(common) * _NGRAM_LETTERS]
    return [min(own) * _NGRAM_LETTERS for own in letters if own]
