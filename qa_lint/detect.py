"""Language identification with lingua, built from the languages in play.

lingua is imported and detectors are built only when first needed, once per
process and per set of languages: a detector cannot be pickled, so every worker
process builds its own. A detector for a handful of languages (the document's,
its article group's, the source language, English) builds in well under a
second and decides between them far better than one for every language, which
costs over a gigabyte and several seconds.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Iterable

# Languages tried when a document's language must be guessed: the world's
# major news languages. A smaller set is faster and makes fewer mistakes.
CANDIDATES = (
    "ARABIC", "CHINESE", "ENGLISH", "FRENCH", "GERMAN", "HINDI", "INDONESIAN", "ITALIAN",
    "JAPANESE", "KOREAN", "PERSIAN", "POLISH", "PORTUGUESE", "RUSSIAN", "SPANISH", "THAI",
    "TURKISH", "UKRAINIAN", "URDU", "VIETNAMESE",
)
MIN_CONFIDENCE = 0.5
_SAMPLE = 5000  # characters: enough for a stable answer, bounded cost


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of text lingua assigns to one language (code-point offsets, end exclusive)."""

    lang: str
    start: int
    end: int
    words: int


@functools.lru_cache(maxsize=1)
def _guessing_detector():
    from lingua import Language, LanguageDetectorBuilder

    languages = [getattr(Language, name) for name in CANDIDATES]
    return LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode().build()


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of the text's language, or None when unsure."""
    values = _guessing_detector().compute_language_confidence_values(text[:_SAMPLE])
    if not values or values[0].value < MIN_CONFIDENCE:
        return None
    return values[0].language.iso_code_639_1.name.lower()


@functools.lru_cache(maxsize=1)
def _supported_codes() -> frozenset[str]:
    from lingua import Language

    return frozenset(language.iso_code_639_1.name.lower() for language in Language.all())


def supported(codes: Iterable[str]) -> tuple[str, ...]:
    """The codes lingua knows, sorted: the key of a detector."""
    known = _supported_codes()
    return tuple(sorted({code for code in codes if code in known}))


@functools.lru_cache(maxsize=16)
def detector_for(codes: tuple[str, ...]):
    """A detector for exactly these languages (sorted ISO 639-1 codes), built once per process.

    High-accuracy mode: the lines asked about are short, where low-accuracy mode
    errs most. Models load lazily, language by language, as texts need them.
    """
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    languages = [Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper())) for code in codes]
    if len(languages) < 2:
        raise ValueError(f"a detector needs two languages or more, got {codes}")
    return LanguageDetectorBuilder.from_languages(*languages).build()


def confidences(text: str, codes: tuple[str, ...]) -> dict[str, float]:
    """Each language's confidence (summing to 1) that `text` is in it, among `codes`."""
    values = detector_for(codes).compute_language_confidence_values(text)
    return {value.language.iso_code_639_1.name.lower(): value.value for value in values}


def spans(text: str, codes: tuple[str, ...]) -> list[Span]:
    """`text` cut into runs of one language each, among `codes`."""
    return [
        Span(result.language.iso_code_639_1.name.lower(), result.start_index, result.end_index, result.word_count)
        for result in detector_for(codes).detect_multiple_languages_of(text)
    ]
