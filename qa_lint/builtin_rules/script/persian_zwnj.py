"""S011 persian-missing-zwnj: a Persian word that needs a zero-width non-joiner (U+200C) and lacks it."""

from __future__ import annotations

import functools
from collections import Counter
from dataclasses import dataclass
from typing import Iterator

import regex

from ...document import Document
from ...model import Category, Finding
from ...rule import Example, Rule
from . import data
from .grouping import REPORT_CHOICES, once_per_form, times, validate_report_option

ZWNJ = "\u200c"
# "auto": one summary finding for a file stripped of every non-joiner, else one per word form.
REPORT_MODES = ("auto", "summary", *REPORT_CHOICES)
# Letters that never join the letter after them: no ZWNJ is needed after them.
NON_JOINING = frozenset("اآأإٱدذرزژوؤةۀء")
PATTERNS = ("verb-prefix", "plural", "comparative", "silent-heh", "final-yeh", "compound", "lexicon")
_REASONS = {
    "verb-prefix": "after the prefix می",
    "plural": "before the plural ها",
    "comparative": "before تر/ترین",
    "silent-heh": "after the silent final ه",
    "final-yeh": "between the final ی and the ending",
    "compound": "between the parts of the compound",
    "lexicon": "between the parts of the compound",
}


@dataclass(frozen=True)
class PersianData:
    present: frozenset[str]
    past: frozenset[str]
    bare_present: frozenset[str]
    verb_prefix: regex.Pattern
    present_endings: frozenset[str]
    past_endings: frozenset[str]
    plural: tuple[str, ...]  # longest first
    comparative: tuple[str, ...]
    adjectives: frozenset[str]
    joined_comparatives: frozenset[str]  # stems written joined to تر/ترین: بهتر, بیشترین
    after_heh: tuple[str, ...]
    after_yeh: tuple[str, ...]
    compound: tuple[str, ...]
    compound_in_heh: tuple[str, ...]  # the compound parts ending in ه
    words: dict[str, str]  # joined spelling -> right spelling
    accepted: frozenset[str]


@functools.lru_cache(maxsize=1)
def persian() -> PersianData:
    table = data.load("persian")
    stems = [pair.split() for pair in table["verbs"]]
    preverbs = "|".join(sorted(table["preverbs"], key=len, reverse=True))

    def longest_first(items: list[str]) -> tuple[str, ...]:
        return tuple(sorted(items, key=len, reverse=True))

    return PersianData(
        present=frozenset(p for p, _ in stems),
        past=frozenset(p for _, p in stems),
        bare_present=frozenset(table["bare-present"]),
        verb_prefix=regex.compile(f"^((?:{preverbs})?ن?می)(.+)$"),
        present_endings=frozenset(table["present-endings"]),
        past_endings=frozenset(table["past-endings"]),
        plural=longest_first(table["plural-suffixes"]),
        comparative=longest_first(table["comparative-suffixes"]),
        adjectives=frozenset(table["adjectives"]),
        joined_comparatives=frozenset(table["joined-comparatives"]),
        after_heh=longest_first(table["after-silent-heh"]),
        after_yeh=longest_first(table["after-final-yeh"]),
        compound=longest_first(table["compound-parts"]),
        compound_in_heh=tuple(p for p in longest_first(table["compound-parts"]) if p.endswith("ه")),
        words={word.replace(ZWNJ, ""): word for word in table["words"]},
        accepted=frozenset(table["accepted"]),
    )


def _is_verb(rest: str, lex: PersianData) -> bool:
    """`rest` (after می) is a present stem + ending or a past stem + ending."""
    if rest in lex.bare_present:
        return True
    for cut in range(1, len(rest) + 1):
        stem, ending = rest[:cut], rest[cut:]
        if stem in lex.present and ending and ending in lex.present_endings:
            return True
        if stem in lex.past and ending in lex.past_endings:
            return True
    return False


def _suffix_cut(part: str, heh_reading: bool, lex: PersianData) -> tuple[int, str] | None:
    """Where a suffix or second part begins that needs a ZWNJ before it, and which kind."""
    for suffix in _endings(part, lex.plural):
        stem = part[: -len(suffix)]
        if len(stem) >= 2:
            if suffix == "های" and heh_reading:
                return len(stem) + 1, "silent-heh"  # خانهای, ادارهای: خانه + ای, not خان + های
            if stem[-1] in NON_JOINING:
                return None  # کارها: nothing joins across, nothing is missing
            return len(stem), "plural"
    for suffix in _endings(part, lex.comparative):
        stem = part[: -len(suffix)]
        if stem[-1:] not in NON_JOINING and stem not in lex.joined_comparatives:
            # Listed adjectives; a silent ه (پیچیده‌تر); and any stem before ترین, which ends no noun.
            if stem in lex.adjectives or len(stem) >= 3 and (_silent_heh(stem) or suffix == "ترین"):
                return len(stem), "comparative"
    if part.endswith("ی") and part[:-1].endswith(lex.compound_in_heh):
        return len(part) - 1, "silent-heh"  # بسیج‌کننده‌ی: the ezafe after a compound in ه
    for second in _endings(part, lex.compound):
        stem = part[: -len(second)]
        if len(stem) >= 3 and stem[-1] not in NON_JOINING:
            return len(stem), "compound"
    for ending in _endings(part, lex.after_heh):
        stem = part[: -len(ending)]
        if len(stem) >= 3 and _silent_heh(stem):
            return len(stem), "silent-heh"
    for ending in _endings(part, lex.after_yeh):
        stem = part[: -len(ending)]
        if len(stem) >= 3 and stem[-1] == "ی":
            return len(stem), "final-yeh"
    return None


def _endings(part: str, suffixes: tuple[str, ...]) -> tuple[str, ...]:
    """The `suffixes` `part` ends with, in their order: one test rules out most words."""
    if not part.endswith(suffixes):
        return ()
    return tuple(suffix for suffix in suffixes if part.endswith(suffix))


def _silent_heh(stem: str) -> bool:
    """A final ه read as a vowel: not after ا, و or ی, where it is the consonant h (راه, کوه, شبیه)."""
    return stem[-1] == "ه" and stem[-2] not in "اوی"


def missing_zwnj(word: str, vocabulary: set[str], enabled: frozenset[str]) -> tuple[str, list[str]] | None:
    """(the word with its ZWNJs, the kinds of place they go) or None when none is missing.

    A word ending in های whose stem + ه is a word of the document and the stem
    alone is not (خانهای beside خانه) is read as ه + ای, not as a plural.
    """
    stem = word[:-3]
    heh_reading = word.endswith("های") and stem + "ه" in vocabulary and stem not in vocabulary
    return _missing_zwnj(word, heh_reading, enabled)


@functools.lru_cache(maxsize=50_000)  # words repeat: most are analysed once per run
def _missing_zwnj(word: str, heh_reading: bool, enabled: frozenset[str]) -> tuple[str, list[str]] | None:
    lex = persian()
    if word.replace(ZWNJ, "") in lex.accepted:
        return None
    known = lex.words.get(word.replace(ZWNJ, ""))
    if known and known != word and "lexicon" in enabled:
        return known, ["lexicon"]
    parts = word.split(ZWNJ)
    kinds: list[str] = []
    fixed_parts = []
    for index, part in enumerate(parts):
        cuts: list[int] = []
        if index == 0 and "verb-prefix" in enabled:
            prefix = lex.verb_prefix.match(part)
            if prefix and _is_verb(prefix.group(2), lex):
                cuts.append(len(prefix.group(1)))
                kinds.append("verb-prefix")
        head, floor = part, cuts[0] if cuts else 0
        for _ in range(3):  # a suffix on a compound: توافقنامهها
            found = _suffix_cut(head, heh_reading and head == part, lex)
            if not found or found[1] not in enabled or found[0] <= floor:
                break
            cuts.append(found[0])
            kinds.append(found[1])
            head = head[: found[0]]
        fixed_parts.append(_insert(part, sorted(set(cuts))))
    if not kinds:
        return None
    return ZWNJ.join(fixed_parts), kinds


def _insert(part: str, cuts: list[int]) -> str:
    pieces, last = [], 0
    for cut in cuts:
        pieces.append(part[last:cut])
        last = cut
    pieces.append(part[last:])
    return ZWNJ.join(pieces)


# A `WORD` whose first character is in the Arabic block.
_PERSIAN_WORD = regex.compile(r"(?<![\p{L}\p{M}\u200c\u200d])(?=[\u0600-\u06ff])[\p{L}\p{M}\u200c\u200d]+")


class PersianMissingZwnj(Rule):
    """## What it does
    Reports Persian words missing a zero-width non-joiner. The non-joiner
    (U+200C, نیم‌فاصله) goes after the verbal prefixes می and نمی (میکند → می‌کند),
    before the plural ها and its forms (دستورالعملها → دستورالعمل‌ها), before
    تر and ترین after adjectives, after a silent final ه (گفتهاند → گفته‌اند),
    and inside compounds (موفقیتآمیز, پیشبینی). Verbs are recognised with a
    lexicon of present and past stems, so میلیون, میان, میدان or میشیگان are
    never reported. The lexicons are data in `rules/script/_persian.toml`.

    A file with no non-joiner at all (a converter stripped them) and at least
    five word forms missing one gets a single summary finding, from the first
    such word to the last, whose fix inserts them all. Otherwise each word form
    is reported once per file, at its first occurrence, with its count, and its
    fix repairs every occurrence. Options
    (`[rule-options.S011]`): `report` = "auto" (the default just described),
    "summary", "first" (per word form) or "every" (each occurrence);
    `summary-from = 5`; `patterns = ["verb-prefix", "plural"]` keeps only some
    kinds (verb-prefix, plural, comparative, silent-heh, final-yeh, compound,
    lexicon). `[per-language-ignores] fa = ["S011"]` turns it off.

    ## Why is this bad?
    Without the non-joiner the letters join across the morpheme boundary: the
    word is misread (میکند looks like one unknown word), spell checkers and
    search miss it, and a space typed instead breaks lines in the middle of a
    word. Converters and some keyboards strip every non-joiner from a text.

    ## Fix safety
    Safe: only the invisible non-joiner is inserted, in word forms the Persian
    data knows (verbs after می, plural and comparative suffixes, compounds); the
    letters are unchanged.
    """

    code = "S011"
    name = "persian-missing-zwnj"
    category = Category.SCRIPT
    fixable = True
    languages = frozenset({"fa", "prs"})
    examples = (
        Example("او در کنفرانس سخنرانی میکند.\n", lang="fa", fixed="او در کنفرانس سخنرانی می‌کند.\n"),
        Example("دستورالعملها و فعالیتهای جدید.\n", lang="fa", fixed="دستورالعمل‌ها و فعالیت‌های جدید.\n"),
        Example("غیرقابل پیشبینی و موفقیتآمیز بود.\n", lang="fa",
                fixed="غیرقابل پیش‌بینی و موفقیت‌آمیز بود.\n"),
        Example("آنها گفتهاند که نمیدانستند.\n", lang="fa", fixed="آنها گفته‌اند که نمی‌دانستند.\n"),
        Example("این مهمترین مسئله است.\n", lang="fa", fixed="این مهم‌ترین مسئله است.\n"),
        Example("میلیونها نفر در میدان میان میزبان و میشیگان.\n", lang="fa",
                fixed="میلیون‌ها نفر در میدان میان میزبان و میشیگان.\n"),
        Example("او می‌کند و آن‌ها می‌روند.\n", lang="fa", fires=False),
        Example("یک میلیون نفر در میدان میان میزبان و میلیارد دلار در میشیگان.\n", lang="fa", fires=False),
        Example("آنها تنها بهتر و بیشتر کار کردند.\n", lang="fa", fires=False),
    )

    summary_from = 5  # word forms missing a non-joiner in a file that has none: a stripped file

    def validate_options(self, options: dict) -> None:
        validate_report_option(self.code, options, extra=("patterns", "summary-from"), choices=REPORT_MODES)
        chosen = options.get("patterns", PATTERNS)
        if not isinstance(chosen, list | tuple) or not all(isinstance(p, str) and p in PATTERNS for p in chosen):
            raise ValueError(f"`patterns` must be a list of: {', '.join(PATTERNS)}")
        threshold = options.get("summary-from", self.summary_from)
        if not isinstance(threshold, int) or isinstance(threshold, bool) or threshold < 1:
            raise ValueError("`summary-from` must be a whole number of at least 1")

    def check(self, doc: Document) -> Iterator[Finding]:
        options = self.options(doc)
        enabled = frozenset(options.get("patterns", PATTERNS))
        mode = options.get("report", "auto")
        words = list(_PERSIAN_WORD.finditer(doc.text))
        spellings = {m.group() for m in words}
        vocabulary = {part for form in spellings for part in form.split(ZWNJ)}
        # Once per word form: the result depends on the form and the document only.
        results = {form: missing_zwnj(form, vocabulary, enabled) for form in spellings}
        found = [(match, results[match.group()]) for match in words if results[match.group()]]
        if not found:
            return
        forms = {match.group() for match, _ in found}
        stripped = ZWNJ not in doc.text and len(forms) >= options.get("summary-from", self.summary_from)
        if mode == "summary" or (mode == "auto" and stripped):
            yield self._summary(doc, found, stripped)
            return
        for (match, (wanted, kinds)), occurrences in once_per_form(found, lambda item: item[0].group(),
                                                                  mode == "every"):
            count = len(occurrences)
            word = match.group()
            where = ", ".join(dict.fromkeys(_REASONS[k] for k in kinds))
            start, end = match.span()
            message = f"“{word}” needs a zero-width non-joiner ({where}); write “{wanted}”{times(count)}"
            yield self.finding(doc, start, end, message, self.fix(
                f"Write “{wanted}”", [self.edit(doc, m.start(), m.end(), wanted) for m, _ in occurrences],
                per_occurrence=True))

    def _summary(self, doc: Document, found: list, stripped: bool) -> Finding:
        """One finding for the whole file, from the first word to the last, fixing them all."""
        counts = Counter(match.group() for match, _ in found)
        wanted = {match.group(): result[0] for match, result in found}
        shown = ", ".join(f"“{form}” → “{wanted[form]}”" for form, _ in counts.most_common(3))
        more = ", …" if len(counts) > 3 else ""
        opening = "No zero-width non-joiner in this file" if stripped else "Zero-width non-joiners are missing"
        message = (
            f"{opening}: {len(found)} words in {len(counts)} form{'s' if len(counts) != 1 else ''} need one ({shown}{more}); "
            f"the fix inserts them all"
        )
        edits = [self.edit(doc, m.start(), m.end(), result[0]) for m, result in found]
        start, end = found[0][0].start(), found[-1][0].end()
        return self.finding(doc, start, end, message, self.fix(f"Insert the non-joiners in {len(found)} words", edits))


RULES = (PersianMissingZwnj(),)
