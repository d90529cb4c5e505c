"""Whether a text of the document's script is in another language in play: function words first, then lingua."""

from __future__ import annotations

import functools

from ... import detect
from .data import FamilyData, load
from .words import Word

# The detector must give the foreign language this share of all languages in play, at least.
_MIN_SHARE = 0.5


def suspicious(found: list[Word], lang: str, rivals: tuple[str, ...], data: FamilyData) -> str | None:
    """The cheap pre-filter: the rival language whose function words outweigh the document's, if any."""
    limits = data.thresholds
    own = data.stopwords(lang)
    lowers = [w.lower for w in found]
    own_count = sum(map(own.__contains__, lowers))
    # Only words that are some rival's function words and not the document's can be evidence:
    # filtered once, instead of testing every word against every rival.
    clues = [lower for lower in lowers if lower in rival_only_words(lang, rivals)]
    evidence = {code: sum(map(data.stopwords(code).__contains__, clues)) for code in rivals}
    suspect = max(rivals, key=lambda code: evidence[code])
    if evidence[suspect] < limits.min_stopwords or (
        evidence[suspect] < own_count / 2 and evidence[suspect] < 2 * limits.min_stopwords
    ):
        return None  # reads like the document's language
    return suspect


@functools.lru_cache(maxsize=64)
def rivals_of(lang: str, in_play: tuple[str, ...]) -> tuple[str, ...]:
    """The other languages in play that write a script of `lang`'s."""
    data = load()
    own_scripts = data.languages[lang].scripts
    return tuple(code for code in in_play if code != lang and code in data.languages
                 and data.languages[code].scripts & own_scripts)


@functools.lru_cache(maxsize=64)
def rival_only_words(lang: str, rivals: tuple[str, ...]) -> frozenset[str]:
    """Function words of some rival that the document's language does not have."""
    data = load()
    return frozenset().union(*(data.stopwords(code) for code in rivals)) - data.stopwords(lang)


@functools.lru_cache(maxsize=64)
def detector_codes(lang: str, rivals: tuple[str, ...]) -> tuple[str, ...]:
    """The languages lingua decides between; empty when it cannot decide for `lang`.

    Asked only once a line is suspicious: it imports lingua, which most runs never need.
    """
    codes = detect.supported((lang, *rivals))
    return codes if lang in codes and len(codes) >= 2 else ()


def foreign_verdict(text: str, found: list[Word], lang: str, rivals: tuple[str, ...],
             data: FamilyData) -> tuple[str, float] | None:
    """(language, confidence) when `text`, with words `found`, is in another language than `lang`.

    The confidence is the detector's between that language and the document's:
    with many languages in play, a clear English sentence may get only 0.7 of
    the total, the rest spread over languages nobody suspects.
    """
    if not suspicious(found, lang, rivals, data):
        return None
    codes = detector_codes(lang, rivals)
    if not codes:
        return None
    values = detect.confidences(text, codes)
    top = max(values, key=values.get)
    if top == lang or values[top] < _MIN_SHARE:
        return None
    confidence = values[top] / (values[top] + values.get(lang, 0.0))
    if confidence < data.thresholds.confidence_for(len(found)) or not has_function_words(found, top, lang, data):
        return None
    return top, confidence


def has_function_words(found: list[Word], code: str, lang: str, data: FamilyData) -> bool:
    """Enough function words of `code` that `lang` does not share: names alone never make a language."""
    theirs, own = data.stopwords(code), data.stopwords(lang)
    return sum(w.lower in theirs and w.lower not in own for w in found) >= data.thresholds.min_stopwords
