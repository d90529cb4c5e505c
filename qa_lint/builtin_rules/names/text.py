"""Words, scripts and spellings: the text handling every names rule shares."""

from __future__ import annotations

import functools
import re
import tomllib
import unicodedata
from typing import NamedTuple

import regex

from ...packs import builtin_pack_dir

# A word: letters and marks, ZWNJ inside (Persian), hyphen-joined parts kept together.
WORD = regex.compile(r"\p{L}[\p{L}\p{M}\u200c]*(?:[-\u2010\u2011][\p{L}][\p{L}\p{M}\u200c]*)*")
_HYPHENS = "-\u2010\u2011"
_SCRIPTS = ("Latin", "Cyrillic", "Greek", "Arabic", "Hebrew", "Devanagari", "Hangul", "Han",
            "Hiragana", "Katakana", "Thai", "Lao", "Khmer", "Armenian", "Georgian", "Ethiopic")
_SCRIPT_RE = {name: regex.compile(rf"\p{{Script={name}}}") for name in _SCRIPTS}
# Scripts with upper and lower case: names stand out by their capitals there.
CASED_SCRIPTS = frozenset({"Latin", "Cyrillic", "Greek", "Armenian", "Georgian"})


class Word(NamedTuple):  # a tuple: documents hold hundreds of thousands
    text: str
    start: int  # offset in the document
    end: int


def words(text: str, offset: int = 0) -> list[Word]:
    # tuple.__new__ directly: Word(...) would add a Python call per word.
    return [_new(Word, (m.group(), offset + m.start(), offset + m.end())) for m in WORD.finditer(text)]


_new = tuple.__new__


def script_of(word: str) -> str | None:
    """The script of the word's first letter."""
    if word[:1].isalpha():  # words begin with one
        return letter_script(word[0])
    for char in word:
        if char.isalpha():
            return letter_script(char)
    return None


@functools.lru_cache(maxsize=4096)
def letter_script(char: str) -> str | None:
    """The script of one letter, among the scripts names are looked for in."""
    for name, pattern in _SCRIPT_RE.items():
        if pattern.match(char):
            return name
    return None


_CYRILLIC_LETTER = regex.compile(r"\p{Script=Cyrillic}")


@functools.lru_cache(maxsize=65536)
def strip_marks(text: str) -> str:
    """Letters without their diacritics: "Phạm" -> "Pham", "đ" -> "d".

    Cyrillic keeps its marks: й and ё are letters of their own, not и and е
    with an accent (Кореи and Корей are two words).
    """
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    kept, base = [], ""
    for char in decomposed:
        if not unicodedata.combining(char):
            base = char
        elif not _CYRILLIC_LETTER.match(base):
            continue
        kept.append(char)
    return unicodedata.normalize("NFC", "".join(kept))


def has_marks(text: str) -> bool:
    return strip_marks(text) != unicodedata.normalize("NFC", text)


@functools.lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Case, diacritics, ZWNJ, hyphens and spaces removed: the letters alone."""
    return _NOT_LETTERS.sub("", strip_marks(text).casefold())


# What `fold` drops: ZWNJ, ZWJ, hyphens and spaces (`\s` is `str.isspace` for `re`).
_NOT_LETTERS = re.compile(rf"[\s\u200c\u200d{re.escape(_HYPHENS)}]")


@functools.lru_cache(maxsize=1)
def language_data() -> dict:
    """`rules/names/_language-data.toml`: titles, connectors, letter classes, function words."""
    path = builtin_pack_dir() / "names" / "_language-data.toml"
    return tomllib.loads(path.read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=64)
def titles(lang: str | None) -> frozenset[str]:
    table = language_data().get("titles", {})
    return frozenset(t.rstrip(".").casefold() for values in table.values() for t in values)


@functools.lru_cache(maxsize=1)
def connectors() -> frozenset[str]:
    return frozenset(w for values in language_data().get("connectors", {}).values() for w in values)


@functools.lru_cache(maxsize=64)
def function_words(lang: str | None) -> frozenset[str]:
    return frozenset(language_data().get("function-words", {}).get(lang or "", ()))


@functools.lru_cache(maxsize=64)
def equivalent_letters(script: str | None) -> dict[str, str]:
    """Letter -> the representative of its class of same-sound letters in `script`."""
    classes = language_data().get("equivalent-letters", {}).get(script or "", [])
    mapping: dict[str, str] = {}
    for letters in classes:
        for letter in letters:
            if letter:
                mapping[letter] = letters[0]
    return mapping


@functools.lru_cache(maxsize=64)
def silent_final_letters(script: str | None) -> frozenset[str]:
    return frozenset(language_data().get("silent-final-letters", {}).get(script or "", ()))


@functools.lru_cache(maxsize=64)
def near_letter_groups(script: str | None) -> tuple[tuple[str, ...], ...]:
    """Groups of letters (or letter pairs, "" for none) that renderings of one name swap, for N006."""
    return tuple(tuple(group) for group in language_data().get("near-letter-groups", {}).get(script or "", ()))


@functools.lru_cache(maxsize=64)
def vowel_letters(script: str | None) -> frozenset[str]:
    return frozenset(language_data().get("vowel-letters", {}).get(script or "", ()))


@functools.lru_cache(maxsize=64)
def inflection_endings(lang: str | None) -> frozenset[str]:
    """Case endings `lang` adds to names (without the bare stem's "")."""
    return frozenset(language_data().get("inflection-endings", {}).get(lang or "", ()))


@functools.lru_cache(maxsize=64)
def clitic_prefix_letters(script: str | None) -> frozenset[str]:
    return frozenset(language_data().get("clitic-prefix-letters", {}).get(script or "", ()))


@functools.lru_cache(maxsize=64)
def joins_or_spaces_names(lang: str | None) -> bool:
    """Whether a name written both joined and spaced is a variant in `lang` (not a compound habit)."""
    return (lang or "") in language_data().get("joined-or-spaced", {}).get("languages", ())


@functools.lru_cache(maxsize=1)
def article_prefixes() -> tuple[str, ...]:
    """Articles written joined to a word (Arabic ال): a part opening with one is no part of a name."""
    return tuple(language_data().get("joined-or-spaced", {}).get("article-prefixes", ()))


@functools.lru_cache(maxsize=64)
def base_endings(lang: str | None) -> tuple[str, ...]:
    """Endings of a name's base (nominative) form in `lang`, likeliest first."""
    return tuple(language_data().get("base-endings", {}).get(lang or "", ()))
