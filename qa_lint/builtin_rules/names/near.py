"""Near variants: two spellings that are most likely one name, though a letter differs.

`variants.variant_kind` vouches for differences that never make another name.
Here are the ones that usually do not, in a news article: a letter written or
left out (Son / Song, Bigdeli / Bigdelin), a vowel letter or sign of a
transliteration (وان / ون, مينه / مين), letter groups that renderings swap
(Cyrillic Кх / К, Ч / Т / Чж, the soft sign), one diacritic for another, and
in Arabic a name written joined and spaced. "Nguyễn Văn An" and "Nguyễn Văn
Anh" fall here too: the rule that reports these (N006) stays quiet when the
article shows two people.
"""

from __future__ import annotations

import functools
import unicodedata

from .text import (
    base_endings,
    article_prefixes,
    clitic_prefix_letters,
    fold,
    inflection_endings,
    near_letter_groups,
    silent_final_letters,
    vowel_letters,
)
from .variants import DOUBLED, SILENT

LETTER = "a letter written or left out"
VOWEL = "a vowel letter written or left out"
FINAL = "a final letter written or left out"
SOUND_ALIKE = "letters that renderings of a name swap"
ONE_DIACRITIC = "one diacritic"
JOINED = "a space inside the name"
# Kinds of `variant_kind` that N001 leaves, outside Latin script, to the evidence of a sibling.
GRAMMAR_LIKE = (DOUBLED, SILENT)


def near_kind(a: tuple[str, ...], b: tuple[str, ...], script: str | None, lang: str | None,
              caseless: bool = False) -> str | None:
    """How `b` differs from `a` if they are probably one name; None if not a near variant.

    Both are runs of two or more words that differ in one word only. In a
    caseless script (`caseless`), where runs are any words, the first and last
    word may not differ in their first two letters or their last: that is
    where particles and endings join a phrase (رخ داد / رخ داده, ل + ال,
    يوم / يومي).
    """
    if len(a) != len(b) or len(a) < 2:
        return None
    different = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    if len(different) != 1:
        return None
    index = different[0]
    x, y = a[index], b[index]
    fx, fy = fold(x), fold(y)
    if x.isupper() or y.isupper():
        return None  # an acronym (HM / HMP) is not a name's spelling
    if fx == fy:
        return _one_diacritic(x, y)
    if min(len(fx), len(fy)) < 2 or inflected(fx, fy, lang):
        return None
    last = index == len(a) - 1
    swapped = _swapped_group(fx, fy, script)
    if swapped:
        p, q = swapped
        at_end = fx.endswith(p) and fy.endswith(q) and len(fx) - len(p) == len(fy) - len(q)
        if caseless and last and at_end:
            return None
        return f"{SOUND_ALIKE} ({p or '—'} / {q or '—'})"
    if abs(len(fx) - len(fy)) != 1:
        return None
    short, long = (fx, fy) if len(fx) < len(fy) else (fy, fx)
    # The position of the extra letter: the last one that works (Anna / Ana: the second n).
    at = next((i for i in range(len(long) - 1, -1, -1) if long[:i] + long[i + 1 :] == short), None)
    if at is None:
        return None
    letter = long[at]
    if caseless and (index == 0 or last) and (at <= 1 or at == len(long) - 1):
        return None  # where particles and endings join the first or last word of a phrase
    if at == 0 and letter in clitic_prefix_letters(script):
        return None
    if at > 0 and long[at - 1] == letter:
        return DOUBLED
    if at == len(long) - 1 and letter in silent_final_letters(script):
        return f"{SILENT} ({letter})"
    if letter in vowel_letters(script):
        return f"{VOWEL} ({letter})"
    if at == len(long) - 1:
        return f"{FINAL} ({letter})"
    return f"{LETTER} ({letter})"


def joined_kind(joined: str, spaced: tuple[str, str]) -> str | None:
    """A name written as one word and as two (فيناكابيتال / فينا كابيتال)."""
    first, second = spaced
    if min(len(fold(first)), len(fold(second))) < 2 or joined != first + second:
        return None
    if first.startswith(article_prefixes()) or second.startswith(article_prefixes()):
        return None
    return JOINED


def inflected(x: str, y: str, lang: str | None) -> bool:
    """Whether folded words `x` and `y` are one stem with two endings of `lang` (Кореи / Кореей)."""
    endings = inflection_endings(lang)
    if not endings:
        return False
    allowed = endings | {""}
    common = 0
    while common < min(len(x), len(y)) and x[common] == y[common]:
        common += 1
    # The stem may end in an ending's first letters (Корее / Кореей: stem Коре, endings е / ей).
    return any(x[stem:] in allowed and y[stem:] in allowed for stem in range(common, 1, -1))


def inflected_form(a: tuple[str, ...], b: tuple[str, ...], lang: str | None) -> bool:
    """Whether the name `b` is `a` in another case (Дональда Трампа / Дональд Трамп): word by word,
    the same stem with endings of `lang`."""
    return len(a) == len(b) and a != b and all(
        x == y or inflected(fold(x), fold(y), lang) for x, y in zip(a, b, strict=True)
    )


def base_rank(word: str, stem_length: int, lang: str | None) -> int:
    """How likely `word` is the name's base (nominative) form, given the stem its forms share:
    lower is likelier (the ending's place in `base-endings`; unlisted endings last)."""
    order = base_endings(lang)
    ending = fold(word)[stem_length:]
    return order.index(ending) if ending in order else len(order)


@functools.lru_cache(maxsize=65536)
def _swapped_group(x: str, y: str, script: str | None) -> tuple[str, str] | None:
    """(p, q) when `y` is `x` with one letter group p replaced by q of the same group."""
    for group in near_letter_groups(script):
        for p in group:
            for q in group:
                if p == q:
                    continue
                start = x.find(p) if p else 0
                while start != -1 and start <= len(x):
                    if x[:start] + q + x[start + len(p) :] == y:
                        return p, q
                    if p:
                        start = x.find(p, start + 1)
                    else:
                        start = start + 1 if start < len(x) else -1
    return None


def _one_diacritic(x: str, y: str) -> str | None:
    """Both words marked, at one letter differently (Hà / Hạ): one diacritic, or None."""
    dx, dy = _letters_with_marks(x), _letters_with_marks(y)
    if len(dx) != len(dy):
        return None
    different = [(p, q) for p, q in zip(dx, dy, strict=True) if p != q]
    if len(different) != 1:
        return None
    p, q = different[0]
    if p.casefold() == q.casefold():
        return None
    return f"{ONE_DIACRITIC} ({unicodedata.normalize('NFC', p)} / {unicodedata.normalize('NFC', q)})"


def _letters_with_marks(word: str) -> list[str]:
    """The word as letters, each with its combining marks."""
    out: list[str] = []
    for char in unicodedata.normalize("NFD", word):
        if unicodedata.combining(char) and out:
            out[-1] += char
        elif char not in "\u200c\u200d":
            out.append(char)
    return out
