"""The language family's data (rules/language/_languages.toml), read once per process."""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass

from ...packs import builtin_pack_dir


@dataclass(frozen=True, slots=True)
class LanguageData:
    code: str
    name: str
    scripts: frozenset[str]
    stopwords: frozenset[str]
    own_letters: str = ""  # letters that say the language by themselves (Vietnamese ơ ư ạ ...)


@dataclass(frozen=True, slots=True)
class Thresholds:
    min_words: int
    min_stopwords: int
    min_confidence: float
    short_line_words: int
    short_line_confidence: float
    min_run_words: int
    whole_line_share: float
    document_share: float
    min_document_lines: int

    def confidence_for(self, words: int) -> float:
        """Short lines (titles, bylines) are where detectors err: ask more of them."""
        return self.short_line_confidence if words < self.short_line_words else self.min_confidence


@dataclass(frozen=True, slots=True)
class FamilyData:
    languages: dict[str, LanguageData]
    thresholds: Thresholds
    names: frozenset[str]  # lower case

    def stopwords(self, code: str) -> frozenset[str]:
        known = self.languages.get(code)
        return known.stopwords if known else frozenset()

    def name(self, code: str) -> str:
        known = self.languages.get(code)
        return known.name if known else code

    def writing(self, script: str, among: tuple[str, ...]) -> tuple[str, ...]:
        """The languages of `among` written in `script`."""
        return tuple(code for code in among if code in self.languages and script in self.languages[code].scripts)


@functools.lru_cache(maxsize=1)
def load() -> FamilyData:
    with open(builtin_pack_dir() / "language" / "_languages.toml", "rb") as handle:
        raw = tomllib.load(handle)
    languages = {
        code: LanguageData(code, table["name"], frozenset(table["scripts"]),
                           frozenset(w.lower() for w in table["stopwords"]), table.get("own-letters", ""))
        for code, table in raw["languages"].items()
    }
    thresholds = Thresholds(**{key.replace("-", "_"): value for key, value in raw["thresholds"].items()})
    return FamilyData(languages, thresholds, frozenset(n.lower() for n in raw["ignore"]["names"]))
