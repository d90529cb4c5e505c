"""The figures of a line, as values: 1,000.5 = 1 000,5 = ۱٬۰۰۰٫۵, 1.5 million = 150万, 5 March = 3月5日.

A figure is read strictly (digits, with the separators and scale words of the
line's language) to be reported, and every reading it could have is kept as an
alternative, so that a figure is accepted when any of its readings is found in
the other text. What the other text can hold is read leniently: also its
spelled-out numbers, month names, Roman numerals, hours on the other clock,
rounded figures. A figure is reported only when none of its readings is there.
"""

from __future__ import annotations

import bisect
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

import regex

from .data import NumberStyle

# Digits of any system, with separators between digit groups; a space only before
# exactly three digits (1 000), never before a year or a second number (2019 300 -> two).
_NUMBER = regex.compile(
    r"(?<!\p{Nd})\p{Nd}+(?:(?:[.,٫٬،'’/]|[ \u00a0\u202f](?=\p{Nd}{3}(?!\p{Nd})))\p{Nd}+)*"
)
_SEPARATOR = regex.compile(r"[^\p{Nd}]")
_DIGIT = regex.compile(r"\p{Nd}")
# English and continental conventions: a translation may quote a figure either way.
_READINGS = ((frozenset("."), frozenset(",")), (frozenset(","), frozenset(". \u00a0\u202f")))
_ROMAN = regex.compile(r"(?<![\p{L}\p{Nd}])[IVXLC]{2,7}(?![\p{L}\p{Nd}])")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_RANGE = regex.compile(r"\G\s?[-–/]\s?(?=\p{Nd}{2}(?!\p{Nd}))")
ONE = Decimal(1)
# "2 mil millones" multiplies twice; a longer chain is not a figure (and would overflow).
MAX_SCALES = 3
HALF = Decimal("0.5")


@dataclass(frozen=True, slots=True)
class Value:
    """One figure: its readings (the first is how its language reads it) and where it stands."""

    readings: tuple[tuple[Decimal, ...], ...]
    start: int  # offsets into the line
    end: int
    text: str

    @property
    def primary(self) -> tuple[Decimal, ...]:
        return self.readings[0]

    def found_in(self, pool) -> bool:
        return any(all(part in pool for part in reading) for reading in self.readings)


class Pool:
    """The values a text can be read to hold: exact ones, and ranges for converted units."""

    __slots__ = ("exact", "ranges", "spelled")

    def __init__(self) -> None:
        self.exact: set[Decimal] = set()
        self.ranges: list[tuple[Decimal, Decimal, Decimal]] = []  # low, high, the figure converted
        self.spelled: list[Value] = []  # numbers written as words ("seven years"), of one line

    def add(self, value: Decimal) -> None:
        self.exact.add(value)

    def update(self, other: Pool) -> None:
        self.exact |= other.exact
        self.ranges += other.ranges

    def __contains__(self, value: Decimal) -> bool:
        return value in self.exact or any(lo <= value <= hi for lo, hi, _ in self.ranges)


def ascii_digits(text: str) -> str:
    return "".join(str(_digit_value(ch)) for ch in text)


def _digit_value(ch: str) -> int:
    value = unicodedata.decimal(ch, None)
    if value is not None:
        return value
    # A digit of a Unicode version newer than this Python's `unicodedata` (the `regex` module knows
    # it as \p{Nd}): decimal digits come in runs of ten from zero, so count from the run's start.
    start = ord(ch)
    while start > 0 and _DIGIT.match(chr(start - 1)) and unicodedata.decimal(chr(start - 1), None) is None:
        start -= 1
    return (ord(ch) - start) % 10


def _parse(digits: list[str], seps: list[str], decimal: frozenset[str], group: frozenset[str], indian: bool):
    """The value of digit groups joined by `seps`, or None when they are not one number in this convention."""
    if len(digits[0]) > 3 and seps and seps[0] in group:
        return None
    whole = digits[0]
    group_sep = None
    for index, sep in enumerate(seps):
        nxt = digits[index + 1]
        last = index == len(seps) - 1
        if last and sep in decimal and sep != group_sep:
            return Decimal(f"{whole}.{nxt}")
        if sep not in group or (group_sep is not None and sep != group_sep):
            return None
        if len(nxt) != 3 and not (indian and len(nxt) == 2 and not last):
            return None
        group_sep = sep
        whole += nxt
    return Decimal(whole)


def readings_of(raw: str, style: NumberStyle) -> list[tuple[Decimal, ...]]:
    """Every value `raw` (digits and separators) can stand for, the language's own reading first."""
    digits = [ascii_digits(part) for part in _SEPARATOR.split(raw)]
    seps = _SEPARATOR.findall(raw)
    if not seps:
        return [(Decimal(digits[0]),)]
    readings: list[tuple[Decimal, ...]] = []
    for decimal, group in ((style.decimal, style.group), *_READINGS):
        value = _parse(digits, seps, decimal, group, style.indian)
        if value is not None and (value,) not in readings:
            readings.append((value,))
    if not readings and all(sep in ".,٫٬،'’" for sep in seps) and len(set(seps[:-1])) <= 1:
        # A separator used the other way round (۲٬۵۲ for 2.52): the last one as the decimal point.
        readings.append((Decimal(f"{''.join(digits[:-1])}.{digits[-1]}"),))
    # Or several numbers: a date (12/05/2019), a time (14.30), numbers side by side (2019 300).
    time_like = len(seps) == 1 and len(digits[1]) == 2 and int(digits[0]) <= 24
    if not readings or time_like or any(sep in "/: \u00a0\u202f" for sep in seps):
        readings.append(tuple(Decimal(d) for d in digits))
    return readings


def _round(value: Decimal, places: int) -> Decimal | None:
    if value == 0:
        return None
    try:
        exponent = value.adjusted() - places + 1
        return value.scaleb(-exponent).quantize(ONE).scaleb(exponent)
    except InvalidOperation:
        return None


def _roman(text: str) -> int | None:
    total, previous = 0, 0
    for ch in reversed(text):
        value = _ROMAN_VALUES[ch]
        total += -value if value < previous else value
        previous = max(previous, value)
    return total if total > 0 else None


def line_values(text: str, style: NumberStyle, masked: list[tuple[int, int]] = ()) -> list[Value]:
    """The figures of one line (outside the `masked` spans: links), in order."""
    values: list[Value] = []
    if not _DIGIT.search(text):
        return values
    previous: Value | None = None
    pieces: list = []  # (number, scale factors) of an East Asian figure being read
    for match in _NUMBER.finditer(text):
        start, end = match.span()
        if _inside(masked, start):
            continue
        raw = match.group()
        readings = readings_of(raw, style)
        # Scale words after it multiply it: "2,5 mil millones", "1억", "3 млн".
        factors, scan = [], end
        while len(factors) < MAX_SCALES:
            scaled = style.scale_re.match(text, scan)
            if not scaled:
                break
            factors.append(style.scale_of(scaled.group(1)))
            scan = scaled.end()
        factor = ONE
        for f in factors:
            factor *= f
        plain = [r for r in readings if len(r) == 1]
        if factor != ONE and plain:  # never several numbers then: "2.94 million"
            readings = [tuple(part * factor for part in r) for r in plain] + plain
        # Written onto the figure before (3천5백만, 1万5000, 1만 5천): one figure.
        gap = text[previous.end:start] if previous is not None else None
        if (
            style.attached and previous is not None and pieces and len(plain_first := readings_of(raw, style)[0]) == 1
            and (gap == "" or (gap == " " and (factors or (pieces[-1][1] and pieces[-1][1][-1] >= 10_000
                                                          and plain_first[0] < 10_000))))
        ):
            pieces.append((plain_first[0], factors))
            total = _east_asian(pieces)
            if total > previous.primary[0]:
                merged = Value(((total,), *previous.readings, *readings), previous.start, scan, text[previous.start:scan])
                values[-1] = previous = merged
                continue
            pieces.pop()
        pieces = [(readings_of(raw, style)[0][0], factors)] if style.attached and factors or (style.attached and gap == "") else []
        # An hour is the same on the other clock: 2 p.m. = 14h.
        first = readings[0]
        if len(first) == 1 and first[0] == first[0].to_integral_value() and 0 <= first[0] <= 24:
            before = text[max(0, start - 12):start]
            if style.time_after_re.match(text, end) or (style.time_before_re and style.time_before_re.search(before)):
                hour = first[0]
                readings.append((hour + 12,) if hour < 12 else (hour - 12,))
        # The second year of a range: 2019-20 also reads 2020.
        if previous is not None and len(previous.primary) == 1 and len(raw) == 2 and 1000 <= previous.primary[0] <= 2999:
            if _RANGE.match(text, previous.end) and _RANGE.match(text, previous.end).end() == start:
                century = int(previous.primary[0]) // 100 * 100
                readings.append((Decimal(century + int(ascii_digits(raw))),))
        # A year marked as another calendar's (۱۳۹۷ هجری شمسی, ២៥៦២ ព.ស.) is also the Gregorian year.
        if style.calendar_re is not None and len(first) == 1 and style.calendar_re.match(text, scan):
            marked = style.calendar_re.match(text, scan).group(1)
            readings.extend((first[0] + offset,) for offset in style.calendar_offsets(marked))
        value = Value(tuple(readings), start, scan, text[start:scan])
        values.append(value)
        previous = value
    # Dates: a month name next to a number is that month's number (5 March = 5/3).
    dates: list[Value] = []
    starts = [v.start for v in values]
    if style.months_re is not None:
        for match in style.months_re.finditer(text):
            month = style.month_of(match.group())
            if month is None or _inside(masked, match.start()):
                continue
            # The figures just before and just after it (values are in order of position).
            at = bisect.bisect_left(starts, match.start())
            near = values[max(0, at - 1):at + 1]
            if any(_adjacent(text, match.start(), match.end(), v) for v in near):
                dates.append(Value(((Decimal(month),),), match.start(), match.end(), match.group()))
    values = sorted(values + dates, key=lambda v: v.start)
    return values


def _inside(spans: list[tuple[int, int]], offset: int) -> bool:
    """Whether `offset` falls in one of `spans` (in order, not overlapping)."""
    at = bisect.bisect_right(spans, (offset, float("inf"))) - 1
    return at >= 0 and spans[at][0] <= offset < spans[at][1]


def _east_asian(pieces: list[tuple[Decimal, list[Decimal]]]) -> Decimal:
    """The value of 3천 5백만: units below 10,000 multiply their number, larger ones all before them."""
    total, section = Decimal(0), Decimal(0)
    for number, factors in pieces:
        current = number
        for factor in factors:
            if factor < 10_000:
                current *= factor
            else:
                section += current
                total += section * factor
                section, current = Decimal(0), Decimal(0)
        section += current
    return total + section


_RANGE_WORDS = regex.compile(r"^\s*(?:-|–|to|and|or|à|a|bis|до|и)?\s*$")


def _measured(text: str, values: list[Value], unit_start: int) -> list[Value]:
    """The figures a unit word measures: the one right before it, and the start of a range (2 to 4 inches)."""
    before = [v for v in values if v.end <= unit_start]
    if not before or unit_start - before[-1].end > 2 or any(ch.isalpha() for ch in text[before[-1].end:unit_start]):
        return []
    measured = [before[-1]]
    if len(before) > 1 and _RANGE_WORDS.match(text[before[-2].end:before[-1].start]):
        measured.append(before[-2])
    return measured


def _adjacent(text: str, start: int, end: int, value: Value) -> bool:
    if 0 <= start - value.end <= 4:
        gap = text[value.end:start]
    elif 0 <= value.start - end <= 4:
        gap = text[end:value.start]
    else:
        return False
    return not any(ch.isdigit() for ch in gap) and len(gap.split()) <= 1


def lenient_pool(text: str, style: NumberStyle, values: list[Value]) -> Pool:
    """Every value a line can be read to hold: its figures' readings and what else may stand for a figure."""
    pool = Pool()
    pool.add(Decimal(0))  # "5:00" for "5 a.m.": a zero is never the slip
    for value in values:
        for reading in value.readings:
            pool.exact.update(reading)
        digits = ascii_digits("".join(ch for ch in value.text if ch.isdigit()))
        if len(value.primary) > 1 and regex.fullmatch(r"[\p{Nd} \u00a0]+", value.text):
            pool.add(Decimal(digits))  # 0800 555 111 written without spaces
        for part in value.primary:
            # A large figure rounded (1,462,000 as 1.5 million); small ones are exact.
            for places, above in ((2, 1000), (1, 1_000_000)):
                rounded = _round(part, places) if abs(part) >= above else None
                if rounded is not None:
                    pool.add(rounded)
            if 1000 <= part <= 2999 and part == part.to_integral_value():
                pool.add(part % 100)  # the '90s, 19年 for 2019 in a headline
                pool.add(part // 100 + 1)  # the 1930s = 20世纪30年代
    # A line naming a unit a translation may convert: its figures in the other unit, roughly.
    if style.units_re is not None and values:
        for match in style.units_re.finditer(text):
            measured = _measured(text, values, match.start())
            # 6-foot-6: a second figure right after the unit is in its twelfths (inches).
            after = next((v for v in values if 0 <= v.start - match.end() <= 1), None)
            for factor in style.unit_factors(match.group()):
                for value in measured:
                    for part in value.primary:
                        converted = (part - 32) * 5 / 9 if factor == "F" else part * factor
                        if after is not None and factor != "F" and value is measured[0]:
                            converted += after.primary[0] * factor / 12
                        # 200 miles ~ 300 km; 3 inches = 7.6 cm written 7 or 8.
                        slack = max(abs(converted) * Decimal("0.07"), HALF)
                        pool.ranges.append((converted - slack, converted + slack, part))
                        low = converted.to_integral_value(rounding="ROUND_FLOOR")
                        pool.ranges += [(low, low, part), (low + 1, low + 1, part)]
    # A year in two digits ('19, SS19): the full year too.
    for value in values:
        if len(value.text) == 2 and value.start and (text[value.start - 1].isalpha() or text[value.start - 1] in "'’"):
            short = value.primary[0]
            pool.add(2000 + short)
            pool.add(1900 + short)
    if "\u200b" in text:
        text = text.replace("\u200b", "")
    if style.words_re is not None:
        previous, previous_end = None, -1
        for match in style.words_re.finditer(text):
            word = style.word_value(match.group())
            if word is None:
                continue
            pool.add(word)
            if word >= 2 and not style.attached and style.is_cardinal(match.group()):
                pool.spelled.append(Value(((word,),), match.start(), match.end(), match.group()))
            if word < 1:
                pool.add(word * 100)  # a half = 50 %
            if previous is not None and not text[previous_end:match.start()].strip():
                pool.add(previous * word)  # two decades = 20, three hundred = 300
            previous, previous_end = word, match.end()
    if style.months_re is not None:
        for match in style.months_re.finditer(text):
            month = style.month_of(match.group())
            if month is not None:
                pool.add(Decimal(month))
                pool.spelled.append(Value(((Decimal(month),),), match.start(), match.end(), match.group()))
    for match in _ROMAN.finditer(text):
        roman = _roman(match.group())
        if roman:
            pool.add(Decimal(roman))
    return pool
