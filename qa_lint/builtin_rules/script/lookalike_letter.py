"""S002 lookalike-letter: a letter of another script that looks like one of the word's own."""

from __future__ import annotations

import functools
import re
from typing import Iterator

import regex

from ...document import Document
from ...model import Applicability, Category, Finding
from ...rule import Example, Rule
from .mixed_words import ALPHABETS, BASIC, Lookalikes, foreign_letter, lookalikes, mixed_words, odd_letters
from .unicode_scripts import (
    WORD,
    main_script,
    may_be_main_script,
    primary_script,
    resolved_scripts,
)


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
            odd = "”, “".join(odd_letters(mixed))
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
        if home not in BASIC:
            return
        table = lookalikes()
        foreign = foreign_letter(home)
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
        if not any(_could_report_in(doc, script) for script in BASIC):
            return  # no letter to report whichever the home script: spare counting its letters
        home = main_script(doc)
        table = lookalikes()
        if home not in BASIC:
            return  # a twin must be a letter of the home script's basic alphabet: none to find
        foreign = foreign_letter(home)
        for line in doc.lines:
            if not foreign.search(line.text):
                continue
            words = list(WORD.finditer(line.text))
            for before, match, after in zip(words, words[1:], words[2:]):
                letter = match.group()
                if len(letter) != 1 or not letter.islower() or primary_script(letter) == home:
                    continue
                twin = table.to_script.get((letter, home))
                if twin is None or twin not in BASIC.get(home, "") or not all(_in_script(w.group(), home) for w in (before, after)):
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
    return next(iter(scripts)) if len(scripts) == 1 and scripts <= ALPHABETS else None


def _retype(word: str, home: str, table: Lookalikes) -> tuple[str, int] | None:
    """`word` with every letter swapped for its `home` twin of the basic alphabet, and how
    many twins are only near ones; None when a letter has none."""
    basic = BASIC[home]
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
        if script == home and len(letter) == 1 and letter.islower() and twin in BASIC[home]
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


RULES = (LookalikeLetter(),)
