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
import tomllib

import regex

from ...packs import builtin_pack_dir
from .data import load

_MAX_LINE = 80  # characters: labels are short; longer lines are never widgets
_MAX_WORDS = 8


@functools.lru_cache(maxsize=1)
def _patterns() -> dict[str, regex.Pattern]:
    """Language -> one whole-line pattern: every boilerplate rule's patterns with that language's labels."""
    names = load().names
    by_lang: dict[str, list[str]] = {}
    for path in sorted((builtin_pack_dir() / "boilerplate").glob("*.toml")):
        with open(path, "rb") as handle:
            tables = tomllib.load(handle).get("rule", [])
        for table in tables:
            if table.get("type") != "pattern" or table.get("match", "line") != "line":
                continue
            for lang, labels in table.get("tokens", {}).items():
                labels = [label for label in labels if label.lower() not in names]  # brands belong to no language
                if not labels:
                    continue
                alternation = "|".join(regex.escape(t) for t in sorted(set(labels), key=len, reverse=True))
                for source in table.get("patterns", []):
                    if "{tokens}" in source:
                        by_lang.setdefault(lang, []).append(source.replace("{tokens}", f"(?:{alternation})"))
    flags = regex.VERSION1 | regex.IGNORECASE | regex.FULLCASE
    return {lang: regex.compile("|".join(f"(?:{p})" for p in sources), flags) for lang, sources in by_lang.items()}


def ui_language(text: str, lang: str, in_play: tuple[str, ...]) -> str | None:
    """The language in play whose widget labels make up `text`, when the document's own do not."""
    stripped = text.strip()
    if not stripped or len(stripped) > _MAX_LINE or stripped.count(" ") >= _MAX_WORDS:
        return None
    patterns = _patterns()

    def matches(code: str) -> bool:
        pattern = patterns.get(code)
        return pattern is not None and pattern.fullmatch(stripped) is not None

    if matches(lang):
        return None
    return next((code for code in in_play if code != lang and matches(code)), None)
