"""Which scripts a character and a word belong to (UTS #39 "resolved script set").

A character's scripts are its Script_Extensions, asked of the `regex` module.
Common and Inherited characters (punctuation, digits, most combining marks)
belong to every script. Han, Hiragana, Katakana, Hangul and Bopomofo are
augmented with the writing systems that combine them (Japanese, Korean, Han
with Bopomofo), so 漢字かな is one writing system while Москвa is two.
"""

from __future__ import annotations

from collections import Counter
from functools import cache, lru_cache
from typing import Iterator

import regex
from regex import _regex_core

from ...document import Document


def _script_names() -> tuple[str, ...]:
    """Every script regex knows, by its long name.

    The property table maps each name and alias to a numeric id; per id the
    longest name that is not a four-letter code is the long name ("HAN", not "HANI").
    """
    by_id: dict[int, list[str]] = {}
    for name, value in _regex_core.PROPERTIES["SCRIPTEXTENSIONS"][1].items():
        by_id.setdefault(value, []).append(name)
    return tuple(sorted(max(names, key=lambda n: (len(n) != 4, len(n))) for names in by_id.values()))


_SCRIPT_NAMES = tuple(
    name for name in _script_names() if name not in ("COMMON", "INHERITED", "UNKNOWN", "KATAKANAORHIRAGANA")
)
# The scripts in groups, each with one pattern for all of them: a character is tried against
# the scripts of the groups it matches only, not against each of the ~170 scripts.
_GROUP_SIZE = 12


@cache
def _script_groups() -> tuple[tuple[regex.Pattern, tuple[str, ...]], ...]:
    """One pattern per group of scripts, built on first use (start-up skips them for ASCII text)."""
    chunks = (_SCRIPT_NAMES[i : i + _GROUP_SIZE] for i in range(0, len(_SCRIPT_NAMES), _GROUP_SIZE))
    return tuple((regex.compile("[" + "".join(rf"\p{{scx={name}}}" for name in chunk) + "]"), chunk)
                 for chunk in chunks)


@cache
def _script_pattern(name: str) -> regex.Pattern:
    """One script's pattern, compiled when a character of its group first turns up (most never do)."""
    return regex.compile(rf"\p{{scx={name}}}")


# Writing systems that combine several scripts (UTS #39 augmentation).
_AUGMENT = {
    "Han": {"Han", "Japanese", "Korean", "HanWithBopomofo"},
    "Hiragana": {"Hiragana", "Japanese"},
    "Katakana": {"Katakana", "Japanese"},
    "Hangul": {"Hangul", "Korean"},
    "Bopomofo": {"Bopomofo", "HanWithBopomofo"},
}
ANY: frozenset[str] = frozenset()  # stands for "every script" (Common, Inherited)

# A word for these rules: letters and marks, with the joiners that live inside words.
WORD = regex.compile(r"[\p{L}\p{M}\u200c\u200d]+")
LETTER_OR_MARK = regex.compile(r"[\p{L}\p{M}]")
_WORD_CHARS = regex.compile(r"[\p{L}\p{M}\u200c\u200d]*")  # WORD's characters, from a position on
_WORD_CHARS_BEFORE = regex.compile(_WORD_CHARS.pattern, regex.REVERSE)  # ... and back from one


def words_with(char: regex.Pattern, text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each `WORD` of `text` holding a character `char` matches, in text order.

    `char` matches one character. The text is searched for it and each one found
    is widened to its word: when few words hold one, that is much faster than
    looking at every word.
    """
    at = 0
    while (found := char.search(text, at)) is not None:
        end = _WORD_CHARS.match(text, found.start()).end()
        if end == found.start():  # not a word character: in no word
            at = end + 1
            continue
        yield _WORD_CHARS_BEFORE.match(text, 0, found.start()).start(), end
        at = end


@cache
def scripts_of(char: str) -> frozenset[str]:
    """The char's Script_Extensions (augmented); ANY for Common and Inherited."""
    if char.isascii():
        return frozenset({"Latin"}) if char.isalpha() else ANY
    found: set[str] = set()
    for group, members in _script_groups():
        if group.match(char):
            for name in members:
                if _script_pattern(name).match(char):
                    title = name.title()
                    found |= _AUGMENT.get(title, {title})
    return frozenset(found)


@cache
def primary_script(char: str) -> str | None:
    """One script for counting and naming: the char's, or None for Common/Inherited."""
    scripts = scripts_of(char)
    if not scripts:
        return None
    if len(scripts) == 1:
        return next(iter(scripts))
    plain = sorted(s for s in scripts if s not in {"Japanese", "Korean", "HanWithBopomofo"})
    return plain[0] if plain else sorted(scripts)[0]


@lru_cache(maxsize=200_000)  # words repeat: most lookups are of a word seen before
def resolved_scripts(word: str) -> frozenset[str] | None:
    """The scripts every letter and mark of `word` shares: None means "any script"."""
    resolved: frozenset[str] | None = None
    for char in set(word):
        if char.isascii() and not char.isalpha():
            continue
        scripts = scripts_of(char)  # ANY for digits, punctuation and joiners
        if not scripts:
            continue
        resolved = scripts if resolved is None else resolved & scripts
        if not resolved:
            return resolved
    return resolved


def script_runs(word: str) -> list[tuple[str | None, int, int]]:
    """(script, start, end) runs of `word`: a mark or Common character stays in the run it follows."""
    runs: list[tuple[str | None, int, int]] = []
    current: str | None = None
    start = 0
    for index, char in enumerate(word):
        scripts = scripts_of(char) if LETTER_OR_MARK.match(char) else ANY
        if not scripts or current in scripts:
            continue
        if current is not None or index:
            runs.append((current, start, index))
        current, start = primary_script(char), index
    runs.append((current, start, len(word)))
    return [run for run in runs if run[1] < run[2]]


def script_counts(text: str) -> Counter[str]:
    """Letters per primary script."""
    counts: Counter[str] = Counter()
    for char, number in Counter(text).items():
        if char.isalpha():
            script = primary_script(char)
            if script:
                counts[script] += number
    return counts


def main_script(doc: Document) -> str | None:
    """The script most of the document's letters are in (its first 20,000 characters; cached)."""
    cache = _MAIN_SCRIPT.get(id(doc))
    if cache is not None and cache[0] is doc:
        return cache[1]
    counts = script_counts(doc.text[:_SAMPLE])
    script = counts.most_common(1)[0][0] if counts else None
    _MAIN_SCRIPT.clear()  # one document at a time is all the rules need
    _MAIN_SCRIPT[id(doc)] = (doc, script)
    return script


def may_be_main_script(doc: Document, script: str) -> bool:
    """False when `script` cannot be `main_script(doc)`: none of the characters it counts is in it.

    One scan for a character of the script, where `main_script` counts every letter.
    """
    return _any_of_script(script).search(doc.text, 0, _SAMPLE) is not None


@cache
def _any_of_script(script: str) -> regex.Pattern:
    return regex.compile(rf"\p{{scx={script}}}")


_MAIN_SCRIPT: dict[int, tuple[Document, str | None]] = {}
_SAMPLE = 20_000  # characters enough to tell a document's script
