"""S004 mixed-digit-systems and S005 unexpected-digit-system."""

from __future__ import annotations

import functools
import unicodedata
from collections import Counter
from typing import Iterator

import regex

from ...document import Document
from ...languages import primary
from ...model import Applicability, Category, Finding, Severity
from ...rule import Example, Rule
from . import data
from .grouping import once_per_form, validate_report_option
from .unicode_scripts import primary_script

# Digits joined by a decimal or thousands separator are one number.
NUMBER = regex.compile(r"\d+(?:[.,٫٬'’\u00a0\u202f]\d+)*")
_ALIASES = {"extended-arabic-indic": "persian", "digit": "ascii"}


@functools.cache
def digit_system(char: str) -> str:
    """"ascii", "persian", "arabic-indic", "devanagari", ... for a decimal digit."""
    name = unicodedata.name(char, "")
    prefix = name.rsplit(" DIGIT ", 1)[0] if " DIGIT " in name else "digit"
    system = prefix.lower().replace(" ", "-")
    return _ALIASES.get(system, system)


@functools.cache
def zero_of(system: str) -> str | None:
    """The digit zero of a system (None for an unknown name); scanned once per name."""
    for code in range(0x110000):
        char = chr(code)
        if unicodedata.category(char) == "Nd" and unicodedata.digit(char) == 0 and digit_system(char) == system:
            return char
    return None


def convert(number: str, system: str) -> str:
    zero = ord(zero_of(system) or "0")
    return "".join(chr(zero + unicodedata.digit(c)) if c.isdecimal() else c for c in number)


def expected_systems(doc: Document, options: dict) -> list[str]:
    lang = primary(doc.lang) or ""
    pinned = options.get(doc.lang or "") or options.get(lang)
    return list(pinned or data.load("digits")["expected"].get(lang, ["ascii"]))


def _label(system: str) -> str:
    return {"ascii": "ASCII", "persian": "Persian (Extended Arabic-Indic)"}.get(system, system.title())


def _numbers(doc: Document) -> list:
    """The document's NUMBER matches, found once for S004 and S005."""
    return doc.memo("script.numbers", lambda d: list(NUMBER.finditer(d.text)))


def _systems(number: str) -> Counter[str]:
    return Counter(digit_system(c) for c in number if c.isdecimal())


class MixedDigitSystems(Rule):
    """## What it does
    Reports numbers written with digits of two systems. "۱۲3" and "٢٠۲۴" are
    what Persian and Arabic keyboards and converters leave. The fix writes the
    whole number in the system the language expects (`rules/script/_digits.toml`),
    else in the system most of its digits are in.

    ## Why is this bad?
    The digits of two systems are different characters, and the Persian ۴ ۵ ۶
    are not shaped like the Arabic-Indic ٤ ٥ ٦: the number reads oddly, and
    search and number parsing fail on it.

    ## Fix safety
    Safe when the language expects one of the number's digit systems (the value
    is unchanged, the digits are the house ones); unsafe when the system is the
    one most of its digits are in, a majority vote.
    """

    code = "S004"
    name = "mixed-digit-systems"
    category = Category.SCRIPT
    fixable = True
    fix_applicability = "depends"
    examples = (
        Example("در سال ۱۴۰3 برگزار شد.\n", lang="fa", fixed="در سال ۱۴۰۳ برگزار شد.\n"),
        Example("في عام ٢٠۲۴ عقد المؤتمر.\n", lang="ar", fixed="في عام ٢٠٢٤ عقد المؤتمر.\n"),
        Example("En 2024, 1٥ pays.\n", lang="fr", fixed="En 2024, 15 pays.\n"),
        Example("در سال ۱۴۰۳ و 2024 برگزار شد.\n", lang="fa", fires=False),
    )

    def check(self, doc: Document) -> Iterator[Finding]:
        if doc.text.isascii():
            return
        expected = expected_systems(doc, {})
        for match in _numbers(doc):
            number = match.group()
            if number.isascii():
                continue
            systems = _systems(number)
            if len(systems) < 2:
                continue
            target = next((s for s in expected if s in systems), None)
            # Without a system the language expects, the number's majority decides: an editor's call.
            applicability = Applicability.SAFE if target else Applicability.UNSAFE
            target = target or systems.most_common(1)[0][0]
            wanted = convert(number, target)
            names = " and ".join(_label(s) for s in systems)
            start, end = match.span()
            message = f"“{number}” mixes {names} digits; write “{wanted}”"
            yield self.finding(doc, start, end, message, self.fix(
                f"Write “{wanted}”", [self.edit(doc, start, end, wanted)], applicability))


class UnexpectedDigitSystem(Rule):
    """## What it does
    Reports numbers written in a digit system the document's language does not
    use: Arabic-Indic ٤٥ in Persian (Persian writes ۴۵), Persian ۴۵ in Arabic,
    Arabic-Indic digits in French. Which systems a language expects is data
    (`rules/script/_digits.toml`); a desk pins its house style with
    `[rule-options.S005] fa = ["persian"]` (the first system is the one fixes
    write). Each system is reported once per file with its count, and its fix
    converts every such number;
    `report = "every"` reports each number.

    ## Why is this bad?
    Readers of the language stumble on foreign digits, and a document that
    writes numbers two ways cannot be searched or checked consistently.

    ## Fix safety
    Safe: each number keeps its value and is written in the digits the
    language's data (or the desk's option) names.
    """

    code = "S005"
    name = "unexpected-digit-system"
    category = Category.SCRIPT
    fixable = True
    examples = (
        Example("در سال ۲۰۲۴ حدود ٤٥ نفر آمدند.\n", lang="fa", fixed="در سال ۲۰۲۴ حدود ۴۵ نفر آمدند.\n"),
        Example("في عام ۲۰۲۴.\n", lang="ar", fixed="في عام ٢٠٢٤.\n"),
        Example("En ٢٠٢٤ il est venu.\n", lang="fr", fixed="En 2024 il est venu.\n"),
        Example("در سال ۲۰۲۴ و 2024.\n", lang="fa", fires=False),
        Example("في عام ٢٠٢٤ و2024.\n", lang="ar", fires=False),
    )

    def validate_options(self, options: dict) -> None:
        languages = [key for key in options if key != "report"]
        validate_report_option(self.code, options, extra=languages)
        for key in languages:
            systems = options[key]
            if not isinstance(systems, list) or not systems or not all(isinstance(s, str) for s in systems):
                raise ValueError(f"`{key}` must be a non-empty list of digit systems such as \"persian\", \"ascii\"")
            for system in systems:
                if zero_of(system) is None:
                    raise ValueError(f"`{key}`: unknown digit system {system!r} (e.g. ascii, persian, arabic-indic)")

    def check(self, doc: Document) -> Iterator[Finding]:
        if doc.text.isascii():
            return
        options = self.options(doc)
        expected = expected_systems(doc, options)
        every = options.get("report") == "every"
        strays = []
        ascii_expected = "ascii" in expected
        for match in _numbers(doc):
            if match.group().isascii():  # ASCII digits only: no need to count them
                if not ascii_expected:
                    strays.append(match)
                continue
            systems = _systems(match.group())
            if len(systems) == 1 and next(iter(systems)) not in expected:
                strays.append(match)
        for match, occurrences in once_per_form(strays, lambda m: next(iter(_systems(m.group()))), every):
            count = len(occurrences)
            number = match.group()
            system = next(iter(_systems(number)))
            wanted = convert(number, expected[0])
            more = f" ({count} numbers in this file)" if count > 1 else ""
            lang = doc.lang or "this language"
            start, end = match.span()
            message = f"“{number}” uses {_label(system)} digits, which {lang} does not write here; write “{wanted}”{more}"
            edits = [self.edit(doc, m.start(), m.end(), convert(m.group(), expected[0])) for m in occurrences]
            yield self.finding(doc, start, end, message, self.fix(f"Write “{wanted}”", edits, per_occurrence=True))


class MinorityDigitSystem(Rule):
    """## What it does
    Reports numbers written in the digit system a document uses least, when its
    language writes two (Persian, Arabic, Hindi, Khmer ...: `rules/script/_digits.toml`)
    and the document has chosen one: at least 3 numbers in one system and 3
    times as many as in the other. "بیش از 30 هیئت" in a Persian article
    that writes ۱۲, ۲۰۲۵ and ۱۹۴ elsewhere. A number inside Latin-script words
    ("Nord Stream 2", "Bellator 206") belongs to a name and is left alone.
    Reported once per file with the count; the fix writes every such number in
    the document's system.

    ## Why is this bad?
    An article that writes its numbers two ways looks unedited, and the odd
    numbers are the ones a keyboard switch or a pasted source left: they are
    worth a second look.

    ## Fix safety
    Unsafe: it follows the document's majority, and a desk may keep some
    numbers (codes, scores) in the other system.
    """

    code = "S013"
    name = "minority-digit-system"
    category = Category.SCRIPT
    severity = Severity.INFO
    fixable = True
    fix_applicability = "unsafe"
    examples = (
        Example("در ۱۲ دسامبر، ۱۹۴ هیئت و بیش از 30 دفتر در سال ۲۰۲۵.\n", lang="fa",
                fixed="در ۱۲ دسامبر، ۱۹۴ هیئت و بیش از ۳۰ دفتر در سال ۲۰۲۵.\n"),
        Example("در ۱۲ دسامبر، ۱۹۴ هیئت در سال ۲۰۲۵ و خط لوله Nord Stream 2.\n", lang="fa", fires=False),
        Example("در ۱۲ دسامبر و 30 دفتر در سال 2025.\n", lang="fa", fires=False),
        Example("Le 12 décembre, 194 délégations et 30 bureaux en 2025.\n", lang="fr", fires=False),
    )

    def check(self, doc: Document) -> Iterator[Finding]:
        if doc.text.isascii():
            return
        # Japanese, Chinese and Korean set single digits full width by convention ("２人"): a style, not a slip.
        expected = [s for s in expected_systems(doc, {}) if s != "fullwidth"]
        if len(expected) < 2:
            return
        by_system: dict[str, list] = {}
        for match in _numbers(doc):
            systems = _systems(match.group())
            if len(systems) == 1 and (system := next(iter(systems))) in expected:
                by_system.setdefault(system, []).append(match)
        if len(by_system) < 2:
            return
        (major, majors), (minor, minors) = sorted(by_system.items(), key=lambda item: -len(item[1]))[:2]
        if len(majors) < 3 or len(majors) < 3 * len(minors):
            return
        text = doc.text
        strays = [m for m in minors if not _in_latin_words(text, m.start(), m.end())]
        if not strays:
            return
        first = strays[0]
        wanted = convert(first.group(), major)
        more = f" ({len(strays)} numbers in this file)" if len(strays) > 1 else ""
        message = (f"“{first.group()}” uses {_label(minor)} digits where this file writes {len(majors)} numbers "
                   f"in {_label(major)} digits; write “{wanted}”{more}")
        edits = [self.edit(doc, m.start(), m.end(), convert(m.group(), major)) for m in strays]
        yield self.finding(doc, first.start(), first.end(), message,
                           self.fix(f"Write “{wanted}”", edits, Applicability.UNSAFE, per_occurrence=True))


def _in_latin_words(text: str, start: int, end: int) -> bool:
    """The number touches a Latin word, or a fraction sign ("14½"), on either side (one space apart)."""
    before, after = text[max(0, start - 2):start], text[end:end + 2]
    for side in (before[::-1], after):
        for char in side[:2]:
            if char.isspace():
                continue
            if primary_script(char) == "Latin" or unicodedata.category(char) == "No":
                return True
            break
    return False


RULES = (MixedDigitSystems(), UnexpectedDigitSystem(), MinorityDigitSystem())
