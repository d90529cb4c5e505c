"""The language of a web page's widget labels, from the boilerplate family's word lists.

The boilerplate rules (rules/boilerplate/*.toml) already list, per language,
the labels scrapers leave behind ("Comment (0)", "Share this article"). A
line matched in full by one of those patterns with the labels of another
language, and not with the document's own, is page furniture in that language:
"Comment (0)" in a French article is the English counter ("Commentaires (0)"
would be French), though "Comment" alone is also a French word.
"""

from __future__ import annotations

import functools
import re

import regex

from ...checktypes.pattern import expand_placeholders
from ...packs import builtin_family_tables
from .data import load

_MAX_LINE = 80  # characters: labels are short; longer lines are never widgets
_MAX_WORDS = 8


@functools.lru_cache(maxsize=1)
def _sources() -> tuple[dict[str, list[str]], dict[str, frozenset[str]]]:
    """Language -> whole-line patterns (every boilerplate rule's patterns with that language's
    labels), and language -> its labels case-folded: each pattern needs one of them."""
    names = load().names
    by_lang: dict[str, list[str]] = {}
    labels_of: dict[str, set[str]] = {}
    for table in builtin_family_tables("boilerplate"):
        if table.get("type") != "pattern" or table.get("match", "line") != "line":
            continue
        word_sets = {"tokens": table.get("tokens", {}), **table.get("sets", {})}
        for lang in table.get("tokens", {}):
            own = {
                name: [w for w in value.get(lang, []) if w.lower() not in names]  # brands belong to no language
                for name, value in word_sets.items()
            }
            if not own["tokens"]:
                continue
            # Language-neutral lists (brand names) take part in the pattern but identify no language.
            lists = {name: own[name] + list(value.get("any", [])) for name, value in word_sets.items()}
            for source in table.get("patterns", []):
                if "{tokens}" in source:  # every such pattern needs a label of the language
                    by_lang.setdefault(lang, []).append(expand_placeholders(source, lists))
                    labels_of.setdefault(lang, set()).update(
                        label.casefold() for words in own.values() for label in words
                    )
    return by_lang, {lang: frozenset(labels) for lang, labels in labels_of.items()}


@functools.lru_cache(maxsize=None)
def _pattern(lang: str) -> regex.Pattern | None:
    """One language's pattern, compiled when a document first needs it (compiling all costs 0.2 s)."""
    sources = _sources()[0].get(lang)
    if not sources:
        return None
    flags = regex.VERSION1 | regex.IGNORECASE | regex.FULLCASE
    return regex.compile("|".join(f"(?:{p})" for p in sources), flags)


@functools.lru_cache(maxsize=None)
def _label_gate(lang: str) -> re.Pattern | None:
    """Whether some label of `lang` occurs in a case-folded line, as one search: testing each label
    with `in` made every short line cost a loop over every label of every language in play."""
    labels = _sources()[1].get(lang)
    if not labels:
        return None
    return re.compile("|".join(re.escape(label) for label in sorted(labels)))


def ui_language(text: str, lang: str, in_play: tuple[str, ...]) -> str | None:
    """The language in play whose widget labels make up `text`, when the document's own do not."""
    stripped = text.strip()
    if not stripped or len(stripped) > _MAX_LINE or stripped.count(" ") >= _MAX_WORDS:
        return None
    folded = stripped.casefold()

    def matches(code: str) -> bool:
        # No label of that language in the line: no need to compile its pattern (tens of ms at start-up).
        gate = _label_gate(code)
        if gate is None or not gate.search(folded):
            return False
        pattern = _pattern(code)
        return pattern is not None and pattern.fullmatch(stripped) is not None

    if matches(lang):
        return None
    return next((code for code in in_play if code != lang and matches(code)), None)
