"""Script-family recall and precision on planted defects, per rule and language.

What it measures
----------------
It copies articles of the NTREX corpus (``ntrex/<language>/<document>.txt``)
into a temporary folder, keeping the ``<language>/`` layout, and plants one
defect into each copy by rewriting one line in place, as keyboards, OCR,
converters and scrapers damage text:

* S001 a Latin name glued to an Arabic, Persian, Hindi or Russian word;
* S002 one letter of a word swapped for its Cyrillic (or, in Russian, Latin) lookalike;
  a whole small word retyped in the other alphabet ("ѕһе", "ero" for его); a
  Russian sentence-initial "В"/"С" typed in Latin; a Russian "а" after a comma
  typed in Latin; Greek "Ι" for a small "l";
* S003 Arabic ي/ك in a Persian word, Persian ی/ک in an Arabic word;
* S004 a number with one digit from another system; S005 a number in a
  system the language does not write (Arabic-Indic in Persian or French, ...);
  S013 one number of a Persian (Arabic) article that writes its numbers in
  Persian (ASCII) digits, written in ASCII (Arabic-Indic) digits;
* S006 a zero-width space, word joiner or soft hyphen inside a word;
* S007 a right-to-left override around a word; S008 a control character,
  U+FFFD or a private-use character inside a word;
* S009 a word's UTF-8 bytes read as Windows-1252 (mojibake);
* S010 a line decomposed (NFD);
* S011 a Persian word stripped of its zero-width non-joiner, 8 plants each
  after می/نمی, before ها/های/هایی, before تر/ترین and before اند/ای;
  S012 a non-joiner followed by a space, or doubled.

It runs ``qa-lint check --format jsonl --select script`` on the copies and on
the untouched corpus. Findings the untouched corpus already has (same file,
line and rule: the corpus's own defects) are set aside. Per rule and language:

* planted  - plants for the rule;
* detected - plants on whose line the rule reported a finding;
* recall   - detected / planted;
* precision - the rule's findings on lines planted for it / all its new findings.

Misses and stray findings are listed. The script exits with 1 when a rule's
recall is below 0.90 or its precision below 0.95 (2 if qa-lint fails). Files,
lines and words are drawn from ``random.Random(--seed)``: runs are repeatable.

How to run it (from the repository root)
----------------------------------------
    python benchmarks/script_recall.py
    python benchmarks/script_recall.py --corpus /path/to/ntrex --per-language 8 --keep

Standard library only; it calls the installed ``qa-lint`` (``--qa-lint``
names another). The corpus is read at run time; nothing of it is copied into
the repository.
"""

from __future__ import annotations

import random
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path
from typing import Callable

from harness import benchmark_parser, parse_args, planting_folder, run_qa_lint

MIN_RECALL, MIN_PRECISION = 0.90, 0.95
EXIT_OK, EXIT_BELOW_TARGET = 0, 1
ZWNJ = "\u200c"
NAMES = ("Google", "Twitter", "Nottingham", "Facebook", "Hamburg")  # no letter with a Cyrillic twin
LOOKALIKE = {"a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "x": "х", "y": "у"}
Planter = Callable[[str, random.Random], "str | None"]


def words(line: str, pattern: str) -> list[re.Match]:
    return list(re.finditer(pattern, line))


def replace_span(line: str, match: re.Match, new: str) -> str:
    return line[: match.start()] + new + line[match.end() :]


def pick(items: list, rng: random.Random):
    return rng.choice(items) if items else None


# -- planters: (line, rng) -> the damaged line, or None when the line has no place for it ----

def glue_name(script_letters: str) -> Planter:
    def plant(line: str, rng: random.Random) -> str | None:
        word = pick(words(line, rf"[{script_letters}]{{4,}}(?= )"), rng)
        return replace_span(line, word, word.group() + rng.choice(NAMES)) if word else None
    return plant


def lookalike_in_latin(line: str, rng: random.Random) -> str | None:
    word = pick(words(line, r"\b[a-zà-ÿ]{5,}\b"), rng)
    if not word:
        return None
    spots = [i for i, c in enumerate(word.group()) if c in LOOKALIKE]
    if not spots:
        return None
    i = rng.choice(spots)
    text = word.group()
    return replace_span(line, word, text[:i] + LOOKALIKE[text[i]] + text[i + 1 :])


def lookalike_in_cyrillic(line: str, rng: random.Random) -> str | None:
    back = {v: k for k, v in LOOKALIKE.items()}
    word = pick(words(line, r"\b[а-яё]{5,}\b"), rng)
    if not word:
        return None
    spots = [i for i, c in enumerate(word.group()) if c in back]
    if not spots:
        return None
    i = rng.choice(spots)
    text = word.group()
    return replace_span(line, word, text[:i] + back[text[i]] + text[i + 1 :])


TO_CYRILLIC = {"a": "а", "c": "с", "e": "е", "o": "о", "p": "р", "x": "х", "y": "у", "s": "ѕ", "h": "һ", "i": "і"}
TO_LATIN = {"а": "a", "с": "c", "е": "e", "о": "o", "р": "p", "х": "x", "у": "y", "г": "r"}


def whole_word(mapping: dict[str, str], letters: str) -> Planter:
    """A lower-case word between two others, every letter retyped in the other alphabet."""
    def plant(line: str, rng: random.Random) -> str | None:
        found = [w for w in words(line, rf"(?<=\w )[{letters}]{{3,}}(?= \w)")
                 if all(c in mapping for c in w.group()) and w.group().count("г") * 3 <= len(w.group())]
        word = pick(found, rng)
        return replace_span(line, word, "".join(mapping[c] for c in word.group())) if word else None
    return plant


def sentence_initial_capital(line: str, rng: random.Random) -> str | None:
    """Russian "В"/"С" starting a sentence typed as Latin "B"/"C"."""
    spot = pick(words(line, r"(?:^|(?<=[.!?] ))[ВС](?= [а-яё])"), rng)
    return replace_span(line, spot, {"В": "B", "С": "C"}[spot.group()]) if spot else None


def lone_letter_after_comma(line: str, rng: random.Random) -> str | None:
    """A Russian one-letter word after a comma (", а потом", ", и", ", с") typed in Latin."""
    spot = pick(words(line, r"(?<=, )[асу](?= [а-яё])"), rng)
    return replace_span(line, spot, {"а": "a", "с": "c", "у": "y"}[spot.group()]) if spot else None


def iota_for_l(line: str, rng: random.Random) -> str | None:
    """A Latin word's "l" after a small letter typed as Greek capital Iota "Ι"."""
    word = pick(words(line, r"\b[a-z]+l[a-z]*\b"), rng)
    if not word:
        return None
    text = word.group()
    i = text.index("l", 1)
    return replace_span(line, word, text[:i] + "Ι" + text[i + 1:])


def swap_letter(old: str, new: str, inside: bool) -> Planter:
    def plant(line: str, rng: random.Random) -> str | None:
        where = rf"[\u0620-\u06ff]+{old}[\u0620-\u06ff]+" if inside else rf"[\u0620-\u06ff]*{old}[\u0620-\u06ff]*"
        # Not a plural: the corpus misses some non-joiners there, and a second defect would blur the count.
        word = pick([w for w in words(line, where) if not w.group().endswith(("ها", "های"))], rng)
        return replace_span(line, word, word.group().replace(old, new, 1)) if word else None
    return plant


def to_digits(number: str, zero: str) -> str:
    return "".join(chr(ord(zero) + int(c)) if c.isdigit() else c for c in number)


def mixed_number(base_zero: str, odd_zero: str) -> Planter:
    def plant(line: str, rng: random.Random) -> str | None:
        number = pick(words(line, r"(?<![\d.,])[0-9]{2,}(?![\d.,])"), rng)
        if not number:
            return None
        digits = to_digits(number.group(), base_zero)
        i = rng.randrange(len(digits))
        digits = digits[:i] + chr(ord(odd_zero) + int(number.group()[i])) + digits[i + 1 :]
        return replace_span(line, number, digits)
    return plant


def foreign_number(zero: str) -> Planter:
    def plant(line: str, rng: random.Random) -> str | None:
        number = pick(words(line, r"(?<![\d.,])[0-9]{2,}(?![\d.,])"), rng)
        return replace_span(line, number, to_digits(number.group(), zero)) if number else None
    return plant


def minority_number(from_digits: str, zero: str) -> Planter:
    """One number of the document's usual system, between two words, written in the other system."""
    def plant(line: str, rng: random.Random) -> str | None:
        number = pick(words(line, rf"(?<=[^\W\d_] )[{from_digits}]{{2,}}(?= [^\W\d_])"), rng)
        if not number:
            return None
        return replace_span(line, number, "".join(chr(ord(zero) + int(c)) for c in number.group()))
    return plant


def insert_inside_word(chars: tuple[str, ...], wrap: bool = False) -> Planter:
    def plant(line: str, rng: random.Random) -> str | None:
        # A whole space-delimited token for the override: a control between a word and its ZWNJ is another defect.
        word = pick(words(line, r"(?<!\S)\S{4,}(?!\S)" if wrap else r"[^\W\d_]{4,}"), rng)
        if not word:
            return None
        if wrap:
            return replace_span(line, word, "\u202e" + word.group() + "\u202c")
        text = word.group()
        i = rng.randrange(1, len(text))
        return replace_span(line, word, text[:i] + rng.choice(chars) + text[i:])
    return plant


def cp1252_misread(text: str) -> str:
    out = []
    for byte in text.encode("utf-8"):
        try:
            out.append(bytes([byte]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(chr(byte))  # undefined in Windows-1252: the Latin-1 control
    return "".join(out)


def mojibake(line: str, rng: random.Random) -> str | None:
    candidates = [w for w in words(line, r"[^\W\d_]*[^\x00-\x7f][^\W\d_]*")
                  if not re.search(r"[\x80-\x9f]", cp1252_misread(w.group()))]
    word = pick(candidates, rng)
    return replace_span(line, word, cp1252_misread(word.group())) if word else None


def decompose(line: str, rng: random.Random) -> str | None:
    decomposed = unicodedata.normalize("NFD", line)
    return decomposed if decomposed != line else None


ZWNJ_KINDS = {  # where a stripped non-joiner was: the first part, or the last part of the word
    "verb-prefix": (("می", "نمی"), ()),
    "plural": ((), ("ها", "های", "هایی")),
    "comparative": ((), ("تر", "ترین")),
    "silent-heh": ((), ("اند", "ای")),
}


def strip_zwnj(kind: str) -> Planter:
    first, last = ZWNJ_KINDS[kind]

    def plant(line: str, rng: random.Random) -> str | None:
        def plantable(word: str) -> bool:
            parts = word.split(ZWNJ)
            return len(parts) == 2 and (parts[0] in first or parts[-1] in last)
        word = pick([w for w in words(line, rf"[\u0620-\u06ff{ZWNJ}]+") if plantable(w.group())], rng)
        return replace_span(line, word, word.group().replace(ZWNJ, "")) if word else None
    return plant


def stray_zwnj(line: str, rng: random.Random) -> str | None:
    word = pick([w for w in words(line, rf"[\u0620-\u06ff{ZWNJ}]+") if ZWNJ in w.group().strip(ZWNJ)], rng)
    if not word:
        return None
    text = word.group()
    return replace_span(line, word, text.replace(ZWNJ, ZWNJ + rng.choice((" ", ZWNJ)), 1))


ARABIC, DEVANAGARI, CYRILLIC = "\u0621-\u064a\u067e-\u06cc", "\u0900-\u097f", "а-яё"
PERSIAN_ZERO, ARABIC_ZERO, DEVANAGARI_ZERO, KHMER_ZERO = "۰", "٠", "०", "០"

# S013 needs a document that has chosen a digit system: 5 numbers in one, none in the other.
def one_digit_system(text: str) -> bool:
    counts = sorted((len(re.findall(r"[۰-۹]+", text)), len(re.findall(r"[0-9]+", text))))
    return counts[0] == 0 and counts[1] >= 5


NEEDS: dict[str, Callable[[str], bool]] = {"S013": one_digit_system}
# S013 counts a document's numbers by digit system: S004 and S005 plants change that count.
COUNTS_DIGITS = {"S004", "S005"}

# (rule, language folder, planter)
PLANTS: list[tuple[str, str, Planter]] = [
    ("S001", "arb", glue_name(ARABIC)), ("S001", "fas", glue_name(ARABIC)),
    ("S001", "hin", glue_name(DEVANAGARI)), ("S001", "rus", glue_name(CYRILLIC)),
    *[("S002", lang, lookalike_in_latin) for lang in ("fra", "spa", "deu", "eng", "vie")],
    ("S002", "rus", lookalike_in_cyrillic),
    *[("S002", lang, whole_word(TO_CYRILLIC, "a-z")) for lang in ("eng", "fra", "spa")],
    ("S002", "rus", whole_word(TO_LATIN, "а-яё")), ("S002", "rus", sentence_initial_capital),
    ("S002", "rus", lone_letter_after_comma),
    *[("S002", lang, iota_for_l) for lang in ("eng", "deu")],
    ("S003", "fas", swap_letter("ی", "ي", False)), ("S003", "fas", swap_letter("ک", "ك", False)),
    ("S003", "arb", swap_letter("ي", "ی", True)), ("S003", "arb", swap_letter("ك", "ک", False)),
    ("S004", "fas", mixed_number(PERSIAN_ZERO, "0")), ("S004", "arb", mixed_number(ARABIC_ZERO, PERSIAN_ZERO)),
    ("S004", "hin", mixed_number("0", DEVANAGARI_ZERO)), ("S004", "khm", mixed_number(KHMER_ZERO, "0")),
    ("S005", "fas", foreign_number(ARABIC_ZERO)), ("S005", "arb", foreign_number(PERSIAN_ZERO)),
    ("S005", "fra", foreign_number(ARABIC_ZERO)), ("S005", "rus", foreign_number(PERSIAN_ZERO)),
    ("S013", "fas", minority_number("۰-۹", "0")), ("S013", "arb", minority_number("0-9", ARABIC_ZERO)),
    *[("S006", lang, insert_inside_word(("\u200b", "\u2060", "\u00ad", "\ufeff")))
      for lang in ("fra", "rus", "vie", "arb", "fas", "zho-CN", "hin", "deu")],
    *[("S007", lang, insert_inside_word((), wrap=True)) for lang in ("fra", "arb", "fas", "eng", "rus")],
    *[("S008", lang, insert_inside_word(("\x07", "\x1b", "\ufffd", "\ue000")))
      for lang in ("fra", "rus", "arb", "zho-CN", "deu")],
    *[("S009", lang, mojibake) for lang in ("fra", "spa", "deu", "vie", "rus", "arb", "fas")],
    *[("S010", lang, decompose) for lang in ("vie", "fra", "deu", "spa")],
    *[("S011", "fas", strip_zwnj(kind)) for kind in ZWNJ_KINDS],
    ("S012", "fas", stray_zwnj),
]


def main(argv: list[str] | None = None) -> int:
    parser = benchmark_parser(__doc__)
    parser.add_argument("--seed", type=int, default=20261124)
    parser.add_argument("--per-language", type=int, default=8, help="plants per rule and planter (default: 8)")
    parser.add_argument("--keep", action="store_true", help="keep the planted copies")
    args, corpus, command = parse_args(parser, argv)
    rng = random.Random(args.seed)

    baseline = {(Path(f["path"]).resolve().relative_to(corpus).as_posix(), f["line"], f["code"])
                for f in run_qa_lint(command, "script", corpus, exit_zero=True)}
    with planting_folder("script-recall-", args.keep) as work:
        plants: dict[tuple[str, int], tuple[str, str]] = {}  # (copy, line) -> (rule, language)
        origin: dict[str, str] = {}  # copy -> the corpus file it was made from
        for number, (rule, lang, planter) in enumerate(PLANTS):
            files = sorted((corpus / lang).glob("*.txt"))
            rng.shuffle(files)
            made = 0
            for source in files:
                if made == args.per_language:
                    break
                if any(key[0] == f"{lang}/{source.name}" and key[2] == rule for key in baseline):
                    continue  # the article already has this defect: a plant could hide behind it
                text = source.read_text(encoding="utf-8")
                if rule in NEEDS and not NEEDS[rule](text):
                    continue
                lines = text.split("\n")
                order = list(range(len(lines)))
                rng.shuffle(order)
                for index in order:
                    damaged = planter(lines[index], rng)
                    if damaged is None or damaged == lines[index]:
                        continue
                    lines[index] = damaged
                    copy = f"{lang}/{rule}-{number}-{source.name}"
                    (work / lang).mkdir(parents=True, exist_ok=True)
                    (work / copy).write_text("\n".join(lines), encoding="utf-8")
                    plants[(copy, index + 1)] = (rule, lang)
                    origin[copy] = f"{lang}/{source.name}"
                    made += 1
                    break

        findings = run_qa_lint(command, "script", work, exit_zero=True)
        detected: set[tuple[str, int]] = set()
        true_pos: dict[str, int] = defaultdict(int)
        reported: dict[str, int] = defaultdict(int)
        strays = []
        for finding in findings:
            copy = Path(finding["path"]).resolve().relative_to(work.resolve()).as_posix()
            if (origin[copy], finding["line"], finding["code"]) in baseline:
                continue  # the corpus's own defect, not a plant
            if finding["code"] == "S013" and copy.split("/")[1].split("-")[0] in COUNTS_DIGITS:
                continue  # the plant moved a number from one system to another
            reported[finding["code"]] += 1
            planted = plants.get((copy, finding["line"]))
            if planted and planted[0] == finding["code"]:
                detected.add((copy, finding["line"]))
                true_pos[finding["code"]] += 1
            else:
                strays.append(f"{copy}:{finding['line']}: {finding['code']} {finding['message'][:120]}")

        table: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
        for key, (rule, lang) in plants.items():
            table[(rule, lang)][0] += 1
            table[(rule, lang)][1] += key in detected
        print(f"{len(plants)} plants in {len(origin)} copies of corpus articles (seed {args.seed})\n")
        print(f"{'rule':<5} {'language':<8} {'planted':>7} {'detected':>8} {'recall':>7}")
        for (rule, lang), (n, hit) in sorted(table.items()):
            print(f"{rule:<5} {lang:<8} {n:>7} {hit:>8} {hit / n:>7.3f}")
        print(f"\n{'rule':<5} {'planted':>7} {'detected':>8} {'recall':>7} {'findings':>8} {'precision':>9}")
        failed = []
        for rule in sorted({r for r, _ in table}):
            n = sum(v[0] for (r, _), v in table.items() if r == rule)
            hit = sum(v[1] for (r, _), v in table.items() if r == rule)
            precision = true_pos[rule] / reported[rule] if reported[rule] else 1.0
            print(f"{rule:<5} {n:>7} {hit:>8} {hit / n:>7.3f} {reported[rule]:>8} {precision:>9.3f}")
            if hit / n < MIN_RECALL or precision < MIN_PRECISION:
                failed.append(rule)
        misses = [f"{copy}:{line}: {rule}" for (copy, line), (rule, _) in sorted(plants.items()) if (copy, line) not in detected]
        if misses:
            print("\nmissed plants:\n  " + "\n  ".join(misses))
        if strays:
            print("\nfindings not on a plant of their rule:\n  " + "\n  ".join(strays))
        if args.keep:
            print(f"\nplanted copies kept in {work}")
    if failed:
        print(f"\nFAIL: {', '.join(failed)} below recall {MIN_RECALL} or precision {MIN_PRECISION}")
        return EXIT_BELOW_TARGET
    print(f"\nOK: every rule at recall >= {MIN_RECALL} and precision >= {MIN_PRECISION}")
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
