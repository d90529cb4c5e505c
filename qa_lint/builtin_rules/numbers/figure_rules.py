"""D001 and D002: figures that differ between the translations of one article, or that one leaves out."""

from __future__ import annotations

import unicodedata
from decimal import Decimal
from typing import Iterator

from ...groups import ArticleGroup
from ...model import Applicability, Finding, Severity
from ...rule import Example
from .data import number_style
from .figures import Correspondence, Figures
from .group_rule import GroupRule, likely_line
from .values import Value, ascii_digits

# With no original, a figure is checked against the other translations only when
# at least this many of them hold figures at that place.
MIN_VOTERS = 2
_SHOWN = 3
# Figures this close (a fraction of the larger) are one figure converted and rounded two ways.
NEAR = Decimal("0.03")

_EN_83 = "Fire in Lyon: 83 people died on 5 March.\nThe mayor spoke at 2:30 p.m.\n"
_EN_GROUP = (("en", _EN_83),)


def _quote(values: list[Value]) -> str:
    return ", ".join(f"“{v.text}”" for v in values)


def _places(places: list[str]) -> str:
    shown = ", ".join(places[:_SHOWN])
    return shown + (f" and {len(places) - _SHOWN} more" if len(places) > _SHOWN else "")


def _converts(reference: Figures, where: str) -> bool:
    """Whether the line at `where` names a unit: the translation's figure may be a conversion."""
    number = int(where.rsplit(":", 1)[1])
    return any(reference.pool(i).ranges for i, line in enumerate(reference.lines) if line.number == number)


def _rewrite(wrong: Value, instead: Value, lang: str | None) -> str | None:
    """`instead` written as `wrong` is: in its digits, when both are plain whole numbers below
    1,000 (larger ones would need the translation's grouping and scales guessed), or as the
    translation's name of the month."""
    style = number_style(lang)
    month = style.month_of(wrong.text) if not any(ch.isdecimal() for ch in wrong.text) else None
    if month is not None:
        number = instead.primary[0] if len(instead.primary) == 1 else None
        if number is None or number != number.to_integral_value() or not 1 <= number <= 12:
            return None
        form = style.months[int(number) - 1][0]
        if form.endswith("*"):
            return None  # an inflected name: the case ending is the translator's
        return form.capitalize() if wrong.text[:1].isupper() else form
    if not (wrong.text.isdecimal() and instead.text.isdecimal() and instead.text.isascii()):
        return None
    value = int(instead.text)
    if value >= 1000 or value == int(ascii_digits(wrong.text)):
        return None
    zero = ord(wrong.text[0]) - unicodedata.decimal(wrong.text[0])
    return "".join(chr(zero + int(d)) for d in str(value))




def _voter_pools(links: Correspondence, voters: list[Figures], translation: Figures, j: int) -> list:
    """(voter, what it holds there) for the voters holding figures at line j's place.

    The same for every figure of line j: worked out once per line and set of voters.
    """
    key = ("voters", id(translation), j, tuple(map(id, voters)))
    found = links.memo.get(key)
    if found is None:
        found = links.memo[key] = []
        for other in voters:
            window = links.windows(other, translation)[j]
            if any(other.values[i] for i in window):
                found.append((other, other.window_pool(window, _centre(other, translation, j))))
    return found


def _centre(reference: Figures, translation: Figures, j: int) -> int | None:
    """The line of `reference` that answers line j, when both have as many lines."""
    return j if len(reference.lines) == len(translation.lines) else None


def _replaced(links: Correspondence, reference: Figures, translation: Figures, j: int) -> tuple[list[Value], str]:
    """The figures of `reference` that line j of `translation` lacks, at the place that line answers.

    With as many lines on both sides that place is the same line; otherwise the
    lines of its window, against what the translation says across them (a merged
    or split line may carry a figure to its neighbour).
    """
    window = links.windows(reference, translation)[j]
    if len(reference.lines) == len(translation.lines):
        lines, mine = range(j, j + 1), translation.pool(j)
    else:
        lines, mine = window, translation.window_pool(links.back(reference, translation, window))
    for i in lines:
        missing, seen = [], set()
        for v in (*reference.values[i], *reference.pool(i).spelled):
            if v.primary not in seen and not v.found_in(mine):
                seen.add(v.primary)  # "March" is a date part and a month name: once
                missing.append(v)
        if missing:
            return missing, reference.where(i)
    # As many figures on both lines, all the original's answered: one of this line's stands for
    # one of them, written wrong (4:70 for 04:00).
    if len(reference.lines) == len(translation.lines) and len(reference.values[j]) == len(translation.values[j]):
        return list(reference.values[j]), reference.where(j)
    return [], ""


class FigureMismatch(GroupRule):
    """## What it does
    Compares the figures of the translations of one article (numbers in any
    digits, with each language's decimal and thousands separators and scale
    words, percentages, amounts, hours, dates with month names) by value:
    1,000.5 = 1 000,5 = ۱٬۰۰۰٫۵, 1.5 million = 150万, 2:30 p.m. = 14h30,
    5 March = 3月5日. It reports a figure of a translation that the original
    (`source-language`) does not have at that place, while the original has
    one there that the translation lacks; with no original in the group, one
    that most other translations do not have, naming what they have instead.
    Lines are matched one to one when the texts have as many lines, else by
    the figures they share. A figure that most other translations also write
    (a converted unit, an added year) is a convention, not a slip.

    ## Why is this bad?
    A wrong figure (a death toll, an amount, a date) is the most damaging
    slip a translation can make, and no reader of one language can see it.

    ## Fix safety
    Unsafe: when one whole number below 1,000 or one month stands where the
    original (or the other translations) has one other, the fix writes theirs
    in the translation's digits or month name; a translator may have corrected the original, so
    apply it with `--unsafe-fixes` once the figure is checked.
    """

    code = "D001"
    name = "figure-mismatch"
    severity = Severity.WARNING
    fixable = True
    fix_applicability = "unsafe"
    examples = (
        Example("Incendie à Lyon : 38 personnes sont mortes le 5 mars.\nLe maire a parlé à 14h30.\n",
                lang="fr", group=_EN_GROUP, source_language="en",
                fixed="Incendie à Lyon : 83 personnes sont mortes le 5 mars.\nLe maire a parlé à 14h30.\n"),
        Example("آتش‌سوزی در لیون: ۳۸ نفر در ۵ مارس جان باختند.\n", lang="fa", group=_EN_GROUP,
                source_language="en", fixed="آتش‌سوزی در لیون: ۸۳ نفر در ۵ مارس جان باختند.\n"),
        Example("Incendie à Lyon : 83 personnes sont mortes le 5 avril.\nLe maire a parlé à 14h30.\n",
                lang="fr", group=_EN_GROUP, source_language="en"),
        Example("Brand in Lyon: 38 Menschen starben am 5. März.\n", lang="de",
                group=(("fr", "Incendie à Lyon : 83 morts le 5 mars.\n"), ("es", "Incendio en Lyon: 83 muertos el 5 de marzo.\n"),
                       ("ru", "Пожар в Лионе: 83 погибших 5 марта.\n"))),
        Example("Incendie à Lyon : 83 personnes sont mortes le 5 mars.\nLe maire a parlé à 14h30.\n",
                lang="fr", group=_EN_GROUP, source_language="en", fires=False),
        Example("آتش‌سوزی در لیون: ۸۳ نفر در ۵ مارس جان باختند.\nشهردار ساعت ۱۴:۳۰ سخن گفت.\n",
                lang="fa", group=_EN_GROUP, source_language="en", fires=False),
        Example("里昂火灾：3月5日83人死亡。\n市长于下午2点30分讲话。\n", lang="zh", group=_EN_GROUP,
                source_language="en", fires=False),
        Example("Lyon : 1,5 million d'euros, 1 000,5 tonnes.\n", lang="fr", source_language="en", fires=False,
                group=(("en", "Lyon: €1.5m, 1,000.5 tonnes.\n"),)),
    )

    def check_group(self, group: ArticleGroup) -> Iterator[Finding]:
        found, source = self._prepare(group)
        if len(found) < 2:
            return
        links = Correspondence()
        for translation in found:
            if translation is source or not translation.has_values:
                continue
            others = [f for f in found if f is not translation and f is not source]
            for j, values in enumerate(translation.values):
                # One finding per line, for all its figures the others do not have.
                wrong, answer = [], None
                for value in values:
                    verdict = (
                        self._against_source(links, source, translation, others, j, value)
                        if source is not None
                        else self._against_majority(links, translation, others, j, value)
                    )
                    if verdict:
                        wrong.append(value)
                        answer = answer or verdict
                if wrong:
                    message, instead = answer
                    start = translation.lines[j].start
                    shown = _quote(wrong) + (" is" if len(wrong) == 1 else " are")
                    fix = None
                    written = _rewrite(wrong[0], instead, translation.doc.lang) if len(wrong) == 1 and instead is not None else None
                    if written is not None:
                        edit = self.edit(translation.doc, start + wrong[0].start, start + wrong[0].end, written)
                        fix = self.fix(f"Write “{written}”", [edit], Applicability.UNSAFE)
                    yield self.finding(
                        translation.doc, start + wrong[0].start, start + wrong[-1].end,
                        f"{shown} {message}; check the figure" + ("" if len(wrong) == 1 else "s"), fix,
                    )

    @staticmethod
    def _support(links: Correspondence, voters: list[Figures], translation: Figures, j: int, value: Value):
        """(translations holding figures at line j's place, those among them that have `value`)."""
        pools = _voter_pools(links, voters, translation, j)
        return [other for other, _ in pools], [other for other, pool in pools if value.found_in(pool)]

    def _against_source(self, links, source, translation, others, j, value) -> str | None:
        window = links.windows(source, translation)[j]
        if value.found_in(source.window_pool(window, _centre(source, translation, j))):
            return None
        holding, having = self._support(links, others, translation, j, value)
        if having and 2 * len(having) >= len(holding):
            return None  # most translations write it so: a convention
        missing, where = _replaced(links, source, translation, j)
        if not missing:
            return None
        message = f"not in the original ({where}), which has {_quote(missing[:_SHOWN])} here"
        return message, (missing[0] if len(missing) == 1 and not _converts(source, where) else None)

    @staticmethod
    def _shared_conversion(links, translation, holding, j, value) -> bool:
        """Two or more other translations write about the same figure where the rest write another:
        a unit they converted alike (136 km, 137 km, 135 km for 85 mph), not this translator's slip."""
        if len(value.primary) != 1 or value.primary[0] == 0:
            return False
        mine = value.primary[0]
        dissenters = 0
        for other in holding:
            window = links.windows(other, translation)[j]
            near = [v for i in window for v in other.values[i]
                    if len(v.primary) == 1 and abs(v.primary[0] - mine) <= abs(mine) * NEAR]
            # Near, and itself a minority figure: a convention of a few, not the majority's figure.
            if any(2 * sum(1 for o in holding if o is not other and v.found_in(
                    o.window_pool(links.windows(o, translation)[j]))) < len(holding) for v in near):
                dissenters += 1
        return dissenters >= 2

    def _against_majority(self, links, translation, others, j, value) -> str | None:
        holding, having = self._support(links, others, translation, j, value)
        if len(holding) < MIN_VOTERS or 2 * len(having) >= len(holding):
            return None
        if self._shared_conversion(links, translation, holding, j, value):
            return None
        # What the others agree on here and this translation lacks.
        candidates: dict[tuple, tuple[Value, list[str]]] = {}
        for other in holding:
            missing, where = _replaced(links, other, translation, j)
            for v in missing:
                entry = candidates.setdefault(v.primary, (v, []))
                if where not in entry[1]:
                    entry[1].append(where)
        agreed = [(v, places) for v, places in candidates.values() if 2 * len(places) > len(holding)]
        if not agreed:
            return None
        v, places = max(agreed, key=lambda item: len(item[1]))
        message = (
            f"in none of the other translations here; {len(places)} of {len(holding)} "
            f"have “{v.text}” ({_places(places)})"
        )
        return message, (v if len(agreed) == 1 else None)


class FigureMissing(GroupRule):
    """## What it does
    With the original in the group (`source-language`), reports a figure of
    the original that a translation does not have at that place, in any
    notation (digits, words, month names), unless most other translations
    leave it out too.

    Opt-in (`--select D002`): translators rightly drop or round some figures.

    ## Why is this bad?
    A dropped figure is often a dropped clause; a reader of the translation
    misses a fact the original gives.
    """

    code = "D002"
    name = "figure-missing"
    severity = Severity.INFO
    opt_in = True
    examples = (
        Example("Incendie à Lyon : 83 personnes sont mortes le 5 mars.\nLe maire a parlé.\n",
                lang="fr", group=_EN_GROUP, source_language="en"),
        Example("Incendie à Lyon : quatre-vingt-trois morts le 5 mars.\nLe maire a parlé à 14h30.\n",
                lang="fr", group=(("en", "Fire in Lyon: three died on 5 March.\nThe mayor spoke at 2:30 p.m.\n"),),
                source_language="en", fires=False),
    )

    def check_group(self, group: ArticleGroup) -> Iterator[Finding]:
        found, source = self._prepare(group)
        if source is None or not source.has_values:
            return
        links = Correspondence()
        for translation in found:
            if translation is source or not translation.lines:
                continue
            others = [f for f in found if f is not translation and f is not source]
            back = links.windows(translation, source)  # source line i -> lines of the translation
            for i, values in enumerate(source.values):
                window = back[i]
                if not values or not window:
                    continue
                pool = translation.window_pool(window)
                for value in values:
                    if value.found_in(pool):
                        continue
                    kept = [o for o in others if value.found_in(o.window_pool(links.windows(o, source)[i]))]
                    if others and 2 * len(kept) < len(others):
                        continue  # most translations leave it out: not this translator's slip
                    line = translation.lines[likely_line(window, i)]
                    yield self.finding(
                        translation.doc, line.start, line.end,
                        f"The original ({source.where(i)}) has “{value.text}” here; this translation does not",
                    )


RULES = (FigureMismatch(), FigureMissing())
