"""Each language's way of writing figures, read from `rules/numbers/_numbers.toml`."""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass, field
from decimal import Decimal

import regex

from ...languages import primary
from ...packs import builtin_pack_dir

# A language without data reads figures the English way, the most common in news.
DEFAULT = "en"


def _word_pattern(forms, bounded: bool) -> str:
    """An alternation of word forms, longest first; "x*" also takes the letters after x."""
    parts = []
    for form in sorted(forms, key=len, reverse=True):
        stem = form[:-1] if form.endswith("*") else form
        body = regex.escape(stem) + (r"\p{L}*" if form.endswith("*") else "")
        parts.append(body)
    alternation = "|".join(parts)
    return rf"(?<![\p{{L}}\p{{M}}])(?:{alternation})(?![\p{{L}}\p{{M}}])" if bounded else f"(?:{alternation})"


@dataclass(frozen=True)
class NumberStyle:
    lang: str
    decimal: frozenset[str]
    group: frozenset[str]
    indian: bool
    attached: bool  # scale words written onto the number (150万)
    scales: dict[str, Decimal]  # form (may end in "*") -> factor
    words: dict[str, Decimal]
    months: tuple[tuple[str, ...], ...]

    def _lookup(self, table: dict[str, Decimal], found: str) -> Decimal | None:
        cache = self.__dict__.setdefault("_found", {})
        key = (id(table), found)
        if key not in cache:
            cache[key] = self._search(table, found)
        return cache[key]

    @staticmethod
    def _search(table: dict[str, Decimal], found: str) -> Decimal | None:
        folded = found.casefold()
        for form, value in table.items():
            stem = form[:-1].casefold() if form.endswith("*") else form.casefold()
            if folded == stem or (form.endswith("*") and folded.startswith(stem)):
                return value
        return None

    @functools.cached_property
    def scale_re(self) -> regex.Pattern:
        # Right after a number: "1,5 million", "150万", "2 mil millones" (factors multiply).
        pattern = _word_pattern(self.scales, bounded=not self.attached)
        infix = "|".join(regex.escape(x) for x in self.scale_infix)
        infix = f"(?:{infix})?" if infix else ""
        return regex.compile(rf"\G[ \u00a0\u202f\u200b]?{infix}({pattern})", regex.IGNORECASE)

    def scale_of(self, found: str) -> Decimal:
        return self._lookup(self.scales, found) or Decimal(1)

    @functools.cached_property
    def words_re(self) -> regex.Pattern | None:
        if not self.words:
            return None
        return regex.compile(_word_pattern(self.words, bounded=not self.attached), regex.IGNORECASE)

    def is_cardinal(self, found: str) -> bool:
        """A number word written out in full ("seven"), not a stem ("decade*") nor an ordinal."""
        return found.casefold() in self._exact_words

    @functools.cached_property
    def _exact_words(self) -> frozenset[str]:
        ordinals = {form.casefold() for form in self.ordinals}
        return frozenset(f.casefold() for f in self.words if not f.endswith("*") and f.casefold() not in ordinals)

    def word_value(self, found: str) -> Decimal | None:
        return self._lookup(self.words, found)

    @functools.cached_property
    def months_re(self) -> regex.Pattern | None:
        forms = [form for month in self.months for form in month]
        if not forms:
            return None
        # English months are capitalised ("may" is a verb); other languages' may open a sentence.
        flags = 0 if self.lang == "en" else regex.IGNORECASE
        return regex.compile(_word_pattern(forms, bounded=self.lang not in ("km", "lo")), flags)

    def month_of(self, found: str) -> int | None:
        folded = found.casefold()
        for number, forms in enumerate(self.months, 1):
            for form in forms:
                stem = form[:-1].casefold() if form.endswith("*") else form.casefold()
                if folded == stem or (form.endswith("*") and folded.startswith(stem)):
                    return number
        return None

    time_words: tuple[str, ...] = ()
    scale_infix: tuple[str, ...] = ()
    ordinals: tuple[str, ...] = ()  # number words that count, rank or multiply rather than name a number
    units: dict[str, tuple] = field(default_factory=dict)  # form -> factors, or "F"

    calendars: dict[str, tuple[int, ...]] = field(default_factory=dict)  # mark -> years to add

    @functools.cached_property
    def calendar_re(self) -> regex.Pattern | None:
        if not self.calendars:
            return None
        marks = "|".join(regex.escape(m) for m in sorted(self.calendars, key=len, reverse=True))
        return regex.compile(rf"\G[ \u00a0\u200b\u200c]?({marks})")

    def calendar_offsets(self, mark: str) -> tuple[int, ...]:
        return self.calendars.get(mark, ())

    @functools.cached_property
    def units_re(self) -> regex.Pattern | None:
        if not self.units:
            return None
        return regex.compile(_word_pattern(self.units, bounded=not self.attached))

    def unit_factors(self, found: str) -> tuple:
        for form, factors in self.units.items():
            stem = form[:-1] if form.endswith("*") else form
            if found == stem or (form.endswith("*") and found.startswith(stem)):
                return factors
        return ()

    @functools.cached_property
    def time_before_re(self) -> regex.Pattern | None:
        """A time word right before a number (الساعة 3, ម៉ោង ៣)."""
        if not self.time_words:
            return None
        return regex.compile(rf"{_word_pattern(self.time_words, bounded=not self.attached)}[ \u00a0\u200b]?$", regex.IGNORECASE)

    @functools.cached_property
    def time_after_re(self) -> regex.Pattern:
        """What makes the number before it an hour: 14:30, 14h30, 2 p.m., 3時."""
        words = _word_pattern(self.time_words, bounded=not self.attached) if self.time_words else r"(?!)"
        return regex.compile(rf"\G(?:\s?[:：]\s?\p{{Nd}}{{2}}|h\p{{Nd}}{{2}}|[ \u00a0\u200b]?(?:{words}))", regex.IGNORECASE)


def _decimals(table: dict) -> dict[str, Decimal]:
    return {form: Decimal(str(value)) for form, value in table.items()}


@functools.lru_cache(maxsize=1)
def _all_data() -> dict:
    path = builtin_pack_dir() / "numbers" / "_numbers.toml"
    return tomllib.loads(path.read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=None)
def number_style(lang: str | None) -> NumberStyle:
    data = _all_data()
    key = primary(lang) or DEFAULT
    if key not in data:
        key = DEFAULT
    table = data[key]
    return NumberStyle(
        lang=key,
        decimal=frozenset(table.get("decimal", ["."])),
        group=frozenset(table.get("group", [","])),
        indian=bool(table.get("indian-grouping", False)),
        attached=bool(table.get("attached-scales", False)),
        scales=_decimals(table.get("scales", {})),
        words=_decimals(table.get("words", {})),
        months=tuple(tuple(forms) for forms in table.get("months", [])),
        time_words=tuple(table.get("time-words", [])),
        scale_infix=tuple(table.get("scale-infix", [])),
        ordinals=tuple(table.get("not-cardinal", [])),
        calendars={mark: tuple(offsets) for mark, offsets in table.get("calendars", {}).items()},
        units={form: tuple(f if isinstance(f, str) else Decimal(str(f)) for f in factors)
               for form, factors in table.get("units", {}).items()},
    )
