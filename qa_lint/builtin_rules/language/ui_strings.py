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
def _tables() -> list[dict]:
    """The boilerplate rules with whole-line patterns, as their pack files hold them."""
    return [
        table for table in builtin_family_tables("boilerplate")
        if table.get("type") == "pattern" and table.get("match", "line") == "line"
    ]


@functools.lru_cache(maxsize=None)
def _sources(lang: str) -> tuple[tuple[frozenset[str], tuple[str, ...]], ...]:
    """One entry per boilerplate rule with labels in `lang`: those labels, case-folded, and its
    whole-line patterns written with them. Each pattern needs one of its rule's labels. Worked out
    for the languages in play only: writing every language's costs start-up."""
    names = load().names
    rules = []
    for table in _tables():
        word_sets = {"tokens": table.get("tokens", {}), **table.get("sets", {})}
        if lang not in table.get("tokens", {}):
            continue
        own = {
            name: [w for w in value.get(lang, []) if w.lower() not in names]  # brands belong to no language
            for name, value in word_sets.items()
        }
        if not own["tokens"]:
            continue
        # Language-neutral lists (brand names) take part in the pattern but identify no language.
        lists = {name: own[name] + list(value.get("any", [])) for name, value in word_sets.items()}
        # Only patterns with {tokens} count: every such pattern needs a label of the language.
        patterns = tuple(expand_placeholders(p, lists) for p in table.get("patterns", []) if "{tokens}" in p)
        if patterns:
            labels = frozenset(label.casefold() for words in own.values() for label in words)
            rules.append((labels, patterns))
    return tuple(rules)


@functools.lru_cache(maxsize=None)
def _pattern(lang: str, rule: int) -> regex.Pattern:
    """The patterns of one rule in one language, compiled when a line first holds one of its labels:
    compiling every rule's for a language costs tens of ms, and a line names few rules' labels."""
    flags = regex.VERSION1 | regex.IGNORECASE | regex.FULLCASE
    return regex.compile("|".join(f"(?:{p})" for p in _sources(lang)[rule][1]), flags)


@functools.lru_cache(maxsize=None)
def _label_gate(lang: str) -> re.Pattern | None:
    """Whether some label of `lang` occurs in a case-folded line, as one search: testing each label
    with `in` made every short line cost a loop over every label of every language in play."""
    labels = {label for rule_labels, _ in _sources(lang) for label in rule_labels}
    if not labels:
        return None
    return re.compile("|".join(re.escape(label) for label in sorted(labels)))


def compile_patterns(langs: list[str]) -> None:
    """Compile these languages' patterns, every rule's, now (before worker processes fork, which inherit them)."""
    for lang in langs:
        _label_gate(lang)
        for rule in range(len(_sources(lang))):
            _pattern(lang, rule)


def ui_language(text: str, lang: str, in_play: tuple[str, ...]) -> str | None:
    """The language in play whose widget labels make up `text`, when the document's own do not."""
    stripped = text.strip()
    if not stripped or len(stripped) > _MAX_LINE or stripped.count(" ") >= _MAX_WORDS:
        return None
    folded = stripped.casefold()

    def matches(code: str) -> bool:
        # No label of that language in the line (one search): nothing to compile. Else a line
        # matches the language's patterns when it matches one rule's, and a rule none of whose
        # labels is in the line cannot match it: only the rules named are compiled.
        gate = _label_gate(code)
        if gate is None or not gate.search(folded):
            return False
        return any(
            _pattern(code, rule).fullmatch(stripped) is not None
            for rule, (labels, _) in enumerate(_sources(code))
            if any(label in folded for label in labels)
        )

    if matches(lang):
        return None
    return next((code for code in in_play if code != lang and matches(code)), None)
