"""Language identification from text, the last resort when nothing names a document's language.

lingua is imported and its models are loaded only when this is first needed:
building a detector costs close to a second, and most runs never need one.
"""

from __future__ import annotations

import functools

# Languages tried when a document's language must be guessed: the world's
# major news languages. A smaller set is faster and makes fewer mistakes.
CANDIDATES = (
    "ARABIC", "CHINESE", "ENGLISH", "FRENCH", "GERMAN", "HINDI", "INDONESIAN", "ITALIAN",
    "JAPANESE", "KOREAN", "PERSIAN", "POLISH", "PORTUGUESE", "RUSSIAN", "SPANISH", "THAI",
    "TURKISH", "UKRAINIAN", "URDU", "VIETNAMESE",
)
MIN_CONFIDENCE = 0.5
_SAMPLE = 5000  # characters: enough for a stable answer, bounded cost


@functools.lru_cache(maxsize=1)
def _detector():
    from lingua import Language, LanguageDetectorBuilder

    languages = [getattr(Language, name) for name in CANDIDATES]
    return LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode().build()


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of the text's language, or None when unsure."""
    values = _detector().compute_language_confidence_values(text[:_SAMPLE])
    if not values or values[0].value < MIN_CONFIDENCE:
        return None
    return values[0].language.iso_code_639_1.name.lower()
