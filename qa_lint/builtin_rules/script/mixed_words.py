"""S001 mixed-script-word and S002 lookalike-letter: words whose letters come from scripts that never mix."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from typing import Iterator

import regex

from ...document import Document
from ...model import Applicability, Category, Finding
from ...rule import Example, Rule
from . import data
from .unicode_scripts import (
    WORD,
    main_script,
    may_be_main_script,
    primary_script,
    resolved_scripts,
    script_runs,
    words_with,
)

_ALPHABETS = frozenset({"Latin", "Cyrillic", "Greek"})
# A lone letter is only taken for a lookalike of a letter of the basic alphabet.
_BASIC = {"Latin": "abcdefghijklmnopqrstuvwxyz", "Cyrillic": "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"}


@dataclass(frozen=True)
class Lookalikes:
    no_space: frozenset[str]
    # (letter, target script) -> the letter of the target script that looks the same
    to_script: dict[tuple[str, str], str]
    # ... or nearly the same, in italics and OCR ("r" / "г"): for whole words only
    approximate: dict[tuple[str, str], str]
    sentence_initial: dict[str, str]  # script -> capitals that are words of their own


def _pairs(scripts: list[str], rows: list[list[str]]) -> dict[tuple[str, str], str]:
    to_script: dict[tuple[str, str], str] = {}
    for row in rows:
        for letter in filter(None, row):
            for script, twin in zip(scripts, row):
                if twin and twin != letter:
                    to_script[(letter, script)] = twin
    return to_script


@functools.lru_cache(maxsize=1)
def lookalikes() -> Lookalikes:
    table = data.load("scripts")["lookalikes"]
    scripts = table["scripts"]
    return Lookalikes(frozenset(data.load("scripts")["no-space-scripts"]), _pairs(scripts, table["letters"]),
                      _pairs(scripts, table["approximate"]), dict(table["sentence-initial"]))


@dataclass(frozen=True)
class MixedWord:
    start: int
    word: str
    runs: list[tuple[str | None, int, int]]  # (script, start, end) inside the word
    target: str | None  # the script most of its letters are in
    repaired: str | None  # the word with every odd letter swapped for its lookalike, if possible


def mixed_words(doc: Document) -> list[MixedWord]:
    """The document's mixed words, found once for S001 and S002 together."""
    if _LAST[0] is not doc:
        _LAST[:] = [doc, list(_find_mixed_words(doc))]
    return _LAST[1]


_LAST: list = [None, []]


@functools.cache
def _foreign_letter(home: str | None) -> regex.Pattern:
    """A letter or mark outside the home script: a line or word without one is not mixed."""
    if home is None:
        return regex.compile(r"[\p{L}\p{M}]")
    return regex.compile(rf"[[\p{{L}}\p{{M}}]--[\p{{scx={home}}}\p{{scx=Common}}\p{{scx=Inherited}}]]", regex.V1)


def _find_mixed_words(doc: Document) -> Iterator[MixedWord]:
    """Words whose resolved script set is empty, except where a no-space script touches another."""
    table = lookalikes()
    # Only words with a letter or mark outside some script can be mixed: a word without one has
    # letters, marks and Common or Inherited characters of that script only, so its resolved
    # script set holds it. Any script will do; a cheap guess at the main one leaves fewest words.
    text = doc.text
    for start, end in words_with(_foreign_letter(_likely_main_script(text)), text):
        word = text[start:end]
        if word.isascii():
            continue
        resolved = resolved_scripts(word)
        if resolved is None or resolved:
            continue
        runs = [run for run in script_runs(word) if run[0]]
        if all(a[0] in table.no_space or b[0] in table.no_space for a, b in zip(runs, runs[1:])):
            continue
        letters = Counter(primary_script(c) for c in word if c.isalpha())
        letters.pop(None, None)
        ranked = letters.most_common()
        if not ranked:
            target = main_script(doc)  # only marks ("\u0903\u064b"): odd against the document's script
        elif len(ranked) > 1 and ranked[0][1] == ranked[1][1] and main_script(doc) in letters:
            target = main_script(doc)
        else:
            target = ranked[0][0]
        yield MixedWord(start, word, runs, target, _repair(word, target, table))


_NON_ASCII_LETTER = regex.compile(r"[\p{L}--\p{ASCII}]", regex.V1)
_ASCII_LETTER = regex.compile(r"[A-Za-z]")


def _likely_main_script(text: str) -> str | None:
    """The script of the first letter outside ASCII, else Latin if there is an ASCII letter.

    A guess, nearly always `main_script`: Latin names often come first in other
    scripts' articles (a headline "CNN: ..."), but are seldom written with accents.
    """
    match = _NON_ASCII_LETTER.search(text)
    if match:
        return primary_script(match.group())
    return "Latin" if _ASCII_LETTER.search(text) else None


def _repair(word: str, target: str, table: Lookalikes) -> str | None:
    if not any(c.isalpha() and primary_script(c) not in (None, target) for c in word):
        return None  # only a stray mark is odd: not a lookalike
    out = []
    for index, char in enumerate(word):
        if char.isalpha() and primary_script(char) not in (None, target):
            twin = table.to_script.get((char, target))
            if target == "Latin" and char in _CAPITAL_I and _after_small_letter(word, index):
                twin = "l"  # "WiΙΙiam": a capital I cannot follow a small letter; the small l looks the same
            if twin is None:
                return None
            out.append(twin)
        else:
            out.append(char)
    return "".join(out)


_CAPITAL_I = frozenset("ΙІӀ")  # Greek Iota, Cyrillic І and palochka


def _after_small_letter(word: str, index: int) -> bool:
    before = word[:index].rstrip("".join(_CAPITAL_I))
    return bool(before) and before[-1].islower()


def _odd_letters(word: MixedWord) -> list[str]:
    """Letters and marks of `word` outside its main script."""
    return sorted({c for c in word.word if primary_script(c) not in (None, word.target)})


def _without_marks(word: MixedWord) -> str | None:
    """The word without its odd characters, when they are all combining marks (a stray ٌ)."""
    odd = _odd_letters(word)
    if odd and all(unicodedata.category(c).startswith("M") for c in odd):
        return "".join(c for c in word.word if c not in odd)
    return None


class MixedScriptWord(Rule):
    """## What it does
    Reports words mixing scripts that never mix. The word's UTS #39 resolved
    script set is empty: Arabic run together with Latin
    ("إلىNottingham"), Latin with Devanagari, a stray Arabic mark on a Latin
    word. Scripts written without spaces (Han, Kana, Thai, Lao, Khmer, ...) and
    Korean particles may touch Latin names and are not reported; words that
    only need a lookalike letter swapped are S002's. When the word is two
    words run together, the fix (unsafe: check it) puts a space between them.

    ## Why is this bad?
    A missing space between an Arabic word and a Latin name breaks search, line
    breaking and often the right-to-left display of the whole sentence; a word
    typed in two alphabets cannot be found by anyone typing it in one.

    ## Fix safety
    Unsafe: splitting the word, or deleting its stray mark, guesses what the
    writer meant.
    """

    code = "S001"
    name = "mixed-script-word"
    category = Category.SCRIPT
    fixable = True
    fix_applicability = "unsafe"
    examples = (
        Example("وصل الفريق إلىNottingham أمس.\n", lang="ar", fixed="وصل الفريق إلى Nottingham أمس.\n"),
        Example("शहर Aldiऔर बाजार\n", lang="hi", fixed="शहर Aldi और बाजार\n"),
        Example("در ٌWest آمد.\n", lang="fa", fixed="در West آمد.\n"),
        Example("وصل الفريق إلى Nottingham أمس.\n", lang="ar", fires=False),
        Example("他在BBC广播中说。\n", lang="zh", fires=False),
        Example("FBI가 발표했다.\n", lang="ko", fires=False),
        Example("Le café de Москва.\n", lang="fr", fires=False),
    )

    def check(self, doc: Document) -> Iterator[Finding]:
        for mixed in mixed_words(doc):
            if mixed.repaired is not None:
                continue  # a lookalike letter: S002
            start, end = mixed.start, mixed.start + len(mixed.word)
            scripts = " and ".join(dict.fromkeys(run[0] for run in mixed.runs))
            split = self._split(mixed)
            bare = _without_marks(mixed)
            if split:
                message = f"“{mixed.word}” runs {scripts} words together; write “{split}”"
                fix = self.fix(f"Write “{split}”", [self.edit(doc, start, end, split)], Applicability.UNSAFE)
            elif bare:
                odd = "”, “".join(_odd_letters(mixed))
                message = f"“{mixed.word}” carries a stray {scripts.split(' and ')[0]} mark (“{odd}”); write “{bare}”"
                fix = self.fix(f"Write “{bare}”", [self.edit(doc, start, end, bare)], Applicability.UNSAFE)
            else:
                odd = "”, “".join(_odd_letters(mixed))
                message = f"“{mixed.word}” mixes {scripts} letters (odd: “{odd}”); retype it in one script"
                fix = None
            yield self.finding(doc, start, end, message, fix)

    @staticmethod
    def _split(mixed: MixedWord) -> str | None:
        """The word with a space between its script runs, when each run is a word of its own."""
        runs = mixed.runs
        if len(runs) < 2 or {script for script, _, _ in runs} <= _ALPHABETS:
            return None  # Latin, Cyrillic and Greek inside one word are a typo, not two words
        if any(not mixed.word[s].isalpha() for _, s, _ in runs):
            return None  # a stray mark, not a word of its own
        return " ".join(mixed.word[s:e] for _, s, e in runs)


class LookalikeLetter(Rule):
    """## What it does
    Reports letters of the wrong alphabet that look like the right one. A word
    mostly in Latin, Cyrillic or Greek holding a lookalike letter of another of
    these scripts (Cyrillic "а" in a French word, Latin "o" in a Russian one,
    Greek "Ι" for "l" in "WiΙΙiam") is reported, and so are a lone lower-case
    lookalike letter between words of the document's script, a capital one
    starting a sentence ("B этом году"), and a whole lower-case word typed in
    another alphabet among words of the document's ("ѕһе'll" in English, "ero"
    for его in Russian; not when the line has another small word of that alphabet). The fix
    writes the letters of the document's or word's own script.

    ## Why is this bad?
    The word looks right but is another string: search, spell checking, name
    matching and sorting all miss it. Such letters come from switching keyboard
    layouts mid-word, OCR and copy-paste from lookalike-obfuscated sources.

    ## Fix safety
    Safe where the letter is replaced by the one it looks exactly like in the word's
    own script: the word reads the same. Unsafe for a whole word that needs a
    near twin ("r" for "г", "n" for "п", "u" for "и": alike only in italics or OCR).
    """

    code = "S002"
    name = "lookalike-letter"
    category = Category.SCRIPT
    fixable = True
    fix_applicability = "depends"
    examples = (
        Example("Il est arrivé à Pаris hier.\n", lang="fr", fixed="Il est arrivé à Paris hier.\n"),
        Example("Он приехал в Москвy вчера.\n", lang="ru", fixed="Он приехал в Москву вчера.\n"),
        Example("Il а dit non.\n", lang="fr", fixed="Il a dit non.\n"),
        Example("Он пришёл c другом.\n", lang="ru", fixed="Он пришёл с другом.\n"),
        Example("Он пришёл, a потом ушёл.\n", lang="ru", fixed="Он пришёл, а потом ушёл.\n"),
        Example("I think ѕһе'll come back soon.\n", lang="en", fixed="I think she'll come back soon.\n"),
        Example("Я видел ero вчера в городе.\n", lang="ru", fixed="Я видел его вчера в городе.\n"),
        Example("Город вырос. B этом году всё иначе.\n", lang="ru", fixed="Город вырос. В этом году всё иначе.\n"),
        Example("Он сказал: «C тех пор всё иначе».\n", lang="ru", fixed="Он сказал: «С тех пор всё иначе».\n"),
        Example("Mr WiΙΙiam went home.\n", lang="en", fixed="Mr William went home.\n"),
        Example("Компания Coca-Cola и Pepsi выросли.\n", lang="ru", fires=False),
        Example("Он сказал per se это неважно.\n", lang="ru", fires=False),
        Example("The Russian word «сор» means rubbish.\n", lang="en", fires=False),
        Example("Il est arrivé à Paris hier.\n", lang="fr", fires=False),
        Example("Витамин C и группа B.\n", lang="ru", fires=False),
        Example("В слове буква w читается как у.\n", lang="ru", fires=False),
        Example("Le mot russe « а » veut dire « et ».\n", lang="fr", fires=False),
    )

    def check(self, doc: Document) -> Iterator[Finding]:
        for mixed in mixed_words(doc):
            if mixed.repaired is None:
                continue
            start, end = mixed.start, mixed.start + len(mixed.word)
            odd = "”, “".join(_odd_letters(mixed))
            other = next(s for s, _, _ in mixed.runs if s != mixed.target)
            message = f"“{mixed.word}” is {mixed.target} with {other} “{odd}”; write “{mixed.repaired}”"
            yield self.finding(doc, start, end, message, self.fix(
                f"Write “{mixed.repaired}”", [self.edit(doc, start, end, mixed.repaired)]))
        yield from self._lone_letters(doc)
        yield from self._foreign_words(doc)

    def _foreign_words(self, doc: Document) -> Iterator[Finding]:
        """A whole word typed in another alphabet among words of the document's ("ѕһе'll" in
        English, "ero" for его in Russian), and a sentence-initial capital one ("B этом году")."""
        if doc.text.isascii():
            return
        home = main_script(doc)
        if home not in _BASIC:
            return
        table = lookalikes()
        foreign = _foreign_letter(home)
        for line in doc.lines:
            if not foreign.search(line.text):
                continue
            words = list(WORD.finditer(line.text))
            alphabets = [_single_alphabet(w.group()) for w in words]
            if sum(a == home for a in alphabets) < 3:
                continue
            for index, match in enumerate(words):
                word, script = match.group(), alphabets[index]
                if script is None or script == home or (len(word) == 1 and word.islower()):
                    continue  # small lone letters: _lone_letters
                retyped = _retype(word, home, table)
                if retyped is None:
                    continue
                twin, approximate = retyped
                after = words[index + 1] if index + 1 < len(words) else None
                if len(word) == 1:
                    if word not in _sentence_initial_twins(home) or after is None or not _sentence_start(line.text, match.start()):
                        continue
                    if line.text[match.end():after.start()] != " " or alphabets[index + 1] != home or not after.group()[0].islower():
                        continue
                else:
                    before = words[index - 1] if index else None
                    neighbours = [alphabets[i] for i in (index - 1, index + 1) if 0 <= i < len(words)]
                    if not word.islower() or not neighbours or any(a != home for a in neighbours):
                        continue  # a capitalised word may be a name; a lowercase one between others is a slip
                    small = sum(a == script and w.group().islower() for w, a in zip(words, alphabets))
                    if small > 1 or 3 * approximate > len(word):
                        continue  # two small words of that script (names aside): a quotation; many near twins: a guess
                    gaps = (line.text[before.end():match.start()] if before else "",
                            line.text[match.end():after.start()] if after else "")
                    if any(gap.strip(" '’,.;:!?") for gap in gaps):
                        continue  # a quoted word («сор») is being talked about
                start = line.start + match.start()
                end = start + len(word)
                message = f"“{word}” is typed in {script} letters among {home} words; write {home} “{twin}”"
                fix = self.fix(f"Write “{twin}”", [self.edit(doc, start, end, twin)],
                               Applicability.UNSAFE if approximate else Applicability.SAFE)
                yield self.finding(doc, start, end, message, fix)

    def _lone_letters(self, doc: Document) -> Iterator[Finding]:
        """A one-letter word in another script between two words of the document's script."""
        if not any(_could_report_in(doc, script) for script in _BASIC):
            return  # no letter to report whichever the home script: spare counting its letters
        home = main_script(doc)
        table = lookalikes()
        if home not in _BASIC:
            return  # a twin must be a letter of the home script's basic alphabet: none to find
        foreign = _foreign_letter(home)
        for line in doc.lines:
            if not foreign.search(line.text):
                continue
            words = list(WORD.finditer(line.text))
            for before, match, after in zip(words, words[1:], words[2:]):
                letter = match.group()
                if len(letter) != 1 or not letter.islower() or primary_script(letter) == home:
                    continue
                twin = table.to_script.get((letter, home))
                if twin is None or twin not in _BASIC.get(home, "") or not all(_in_script(w.group(), home) for w in (before, after)):
                    continue
                if not _plain_gap(line.text, before.end(), match.start(), after.start(), match.end()):
                    continue
                start = line.start + match.start()
                message = f"{primary_script(letter)} “{letter}” among {home} words; write {home} “{twin}”"
                yield self.finding(doc, start, start + 1, message, self.fix(
                    f"Write “{twin}”", [self.edit(doc, start, start + 1, twin)]))


def _single_alphabet(word: str) -> str | None:
    """Latin, Cyrillic or Greek when every letter of `word` is of that one script, else None."""
    scripts = {primary_script(c) for c in word if c.isalpha()}
    return next(iter(scripts)) if len(scripts) == 1 and scripts <= _ALPHABETS else None


def _retype(word: str, home: str, table: Lookalikes) -> tuple[str, int] | None:
    """`word` with every letter swapped for its `home` twin of the basic alphabet, and how
    many twins are only near ones; None when a letter has none."""
    basic = _BASIC[home]
    out, approximate = [], 0
    for char in word:
        twin = table.to_script.get((char, home))
        if twin is None:
            twin = table.approximate.get((char, home))
            approximate += twin is not None
        if twin is None or twin.lower() not in basic:
            return None
        out.append(twin)
    return "".join(out), approximate


@functools.cache
def _sentence_initial_twins(home: str) -> frozenset[str]:
    """Capitals of other scripts whose `home` twin is a word of its own at a sentence start."""
    table = lookalikes()
    words = table.sentence_initial.get(home, "")
    return frozenset(letter for (letter, script), twin in table.to_script.items() if script == home and twin in words)


_SENTENCE_END = regex.compile(r"(?:^|[.!?…:»\"”]\s+|^[\s«\"“—–-]+|[.!?…:]\s+[«\"“„—–-]\s?)$")


def _sentence_start(text: str, offset: int) -> bool:
    return _SENTENCE_END.search(text[max(0, offset - 8):offset]) is not None if offset else True


def _could_report_in(doc: Document, home: str) -> bool:
    """Whether `_lone_letters` could find a letter in `doc` were `home` its main script.

    Each test is a scan of the text, far cheaper than counting its letters to
    find the main script; the first, a plain character class, is the fastest.
    """
    letter, lone_letter = _lone_lookalike(home)
    return bool(letter.search(doc.text) and may_be_main_script(doc, home) and lone_letter.search(doc.text))


@functools.cache
def _lone_lookalike(home: str) -> tuple[re.Pattern, regex.Pattern]:
    """A letter `_lone_letters` could report when the home script is `home`, and the same letter
    as a one-letter word (no letter, mark or joiner on either side).

    That is a lower-case letter of another script whose twin is a letter of
    `home`'s basic alphabet.
    """
    table = lookalikes()
    letters = "".join(sorted(
        letter for (letter, script), twin in table.to_script.items()
        if script == home and len(letter) == 1 and letter.islower() and twin in _BASIC[home]
        and primary_script(letter) != home
    ))
    if not letters:
        return re.compile("(?!)"), regex.compile("(?!)")
    chars = r"[\p{L}\p{M}\u200c\u200d]"
    return re.compile(f"[{re.escape(letters)}]"), regex.compile(rf"(?<!{chars})[{regex.escape(letters)}](?!{chars})")


def _in_script(word: str, script: str) -> bool:
    resolved = resolved_scripts(word)
    return resolved is not None and script in resolved


_CLAUSE_MARKS = regex.compile(r"[\s,;:—–]*\s[\s,;:—–]*|[\s,;:—–]*")


def _plain_gap(text: str, a: int, b: int, c: int, d: int) -> bool:
    """Spaces and clause marks around the letter (", a потом", "а, dit-il"), with a space on
    at least one side; a quoted or bracketed letter (« а ») is being talked about."""
    before, after = text[a:b], text[d:c]
    return bool(_CLAUSE_MARKS.fullmatch(before) and _CLAUSE_MARKS.fullmatch(after)) and (
        before.endswith(" ") and (after.startswith(" ") or after[:1] in ",;:"))


RULES = (MixedScriptWord(), LookalikeLetter())
