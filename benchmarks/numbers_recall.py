"""Recall and precision of D001 on figures planted in a copy of the NTREX corpus.

What it measures
----------------
The corpus is copied to a temporary folder. In every translation (13
languages) of every article, one figure is planted: a figure of a line is
changed to a value the English original does not have at that place (one
digit changed, in the figure's own digit system, keeping its separators,
scale word, percent or currency sign: "83" -> "93", "۱٬۲۰۰" -> "۲٬۲۰۰",
"1,5 million" -> "2,5 million", "14h30" -> "15h30"; or, next to a number,
a month name replaced by another month: "5 mars" -> "5 avril"). Each plant
is first written in another notation when the language has one (Persian,
Arabic-Indic, Devanagari, Khmer, Lao or full-width digits), and some figures
are only rewritten that way, unchanged in value: those are negative plants,
which must stay silent.

Then ``qa-lint check --select D001 --source-language en`` runs on the copy.
Recall: changed figures with a D001 finding on their line. Precision: findings
on changed lines over all findings, leaving out the lines the unplanted
corpus already reports (benchmarks/numbers_noise.py lists them). Printed per
language and per notation; targets 0.95 for both.

Exit status: 0 when both targets hold, 1 otherwise, 2 when qa-lint fails.

    python benchmarks/numbers_recall.py [--seed N] [--corpus PATH]

Standard library only; the planted copy is deleted afterwards.
"""

from __future__ import annotations

import random
import re
import shutil
import sys
import tomllib
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

from harness import REPO_ROOT, benchmark_parser, corpus_files, parse_args, planting_folder, run_qa_lint

EXIT_OK, EXIT_MISSED = 0, 1
TARGET = 0.95
SOURCE = "eng"
# The corpus's folder names -> the language data's tags.
LANGS = {"arb": "ar", "deu": "de", "fas": "fa", "fra": "fr", "hin": "hi", "jpn": "ja", "khm": "km",
         "kor": "ko", "lao": "lo", "rus": "ru", "spa": "es", "vie": "vi", "zho-CN": "zh"}
# The first digit of each language's own digit system, when it has one besides 0-9.
NATIVE_ZERO = {"fa": "۰", "ar": "٠", "hi": "०", "km": "០", "lo": "໐", "zh": "０", "ja": "０"}
NATIVE_SEPARATORS = {"fa": {",": "٬", ".": "٫"}, "ar": {",": "٬", ".": "٫"}}
FIGURE = re.compile(r"(?<!\d)\d+(?:[.,٫٬ ]\d{3}(?!\d))*(?:[.,٫]\d+)?")
MONTHS = tomllib.loads((REPO_ROOT / "rules" / "numbers" / "_numbers.toml").read_text(encoding="utf-8"))


def digits_of(text: str) -> str:
    return "".join(str(unicodedata.decimal(ch)) for ch in text if ch.isdigit())


def in_system(text: str, zero: str | None) -> str:
    if zero is None:
        return text
    return "".join(chr(ord(zero) + unicodedata.decimal(ch)) if ch.isdigit() else ch for ch in text)


CURRENCY = re.compile(r"[$€£¥₫₹﷼]|USD|EUR|GBP|dollar|euro|pound|dólar|Dollar|доллар|евро|دلار|یورو|دولار|يورو|جنيه|ドル|ユーロ|달러|유로|美元|欧元|英镑|đô|USD|डॉलर|ដុល្លារ|ໂດລາ", re.I)


def _scale_words(lang: str) -> list[str]:
    return [form.rstrip("*") for form in MONTHS.get(lang, {}).get("scales", {})]


def notation(figure: str, line: str, start: int, end: int, lang: str) -> tuple[str, str]:
    """(digit system, kind of figure) of a planted figure, for the per-notation table."""
    digit = next(ch for ch in figure if ch.isdigit())
    system = unicodedata.name(digit).split("DIGIT")[0].strip().title() or "Latin"
    after, before = line[end:end + 14], line[max(0, start - 8):start]
    scales = _scale_words(lang)
    if re.match(r"\s?[%٪％]|\s?(?:per ?cent|pour ?cent|por ?ciento|Prozent|процент|درصد|بالمائة|في المائة|प्रतिशत|phần trăm|퍼센트|パーセント|ភាគរយ|ເປີເຊັນ)", after):
        kind = "percent"
    elif CURRENCY.search(before[-3:]) or CURRENCY.match(after.lstrip()[:10]) or CURRENCY.search(after[:12]):
        kind = "amount"
    elif re.match(r"\s?(?::|h\d|時|시|点|giờ|Uhr|час|ساعت|बजे|ໂມງ)", after) or re.search(r"(?:ម៉ោង|الساعة|ساعت)\s?$", before):
        kind = "time"
    elif any(after.lstrip().startswith(word) for word in scales if word):
        kind = "scale word"
    elif re.search(r"\D", figure):
        kind = "separators"
    else:
        kind = "plain"
    return system, kind


def plant_month(text_line: str, lang: str, rng: random.Random):
    months = MONTHS.get(lang, {}).get("months", [])
    for number, forms in enumerate(months):
        for form in sorted(forms, key=len, reverse=True):
            stem = form.rstrip("*")
            found = re.search(rf"(?<!\w)\d+\s?(?:de\s)?({re.escape(stem)})(?!\w)", text_line)
            if found and "*" not in form:
                other = months[(number + rng.randint(1, 11)) % 12][0].rstrip("*")
                start, end = found.span(1)
                return text_line[:start] + other + text_line[end:], start, ("Latin", "month name")
    return None


def plant_figure(line: str, source_digits: str, lang: str, rng: random.Random, change: bool):
    """The line with one figure changed (or, not `change`, only rewritten in native digits)."""
    figures = [m for m in FIGURE.finditer(line) if 1 <= len(digits_of(m.group())) <= 9]
    rng.shuffle(figures)
    zero = NATIVE_ZERO.get(lang) if rng.random() < 0.6 else None
    for match in figures:
        figure = match.group()
        if digits_of(figure) not in source_digits:
            continue  # only figures the original has: a changed one is then a real difference
        new = figure
        if change:
            positions = [i for i, ch in enumerate(figure) if ch.isdigit()]
            index = positions[0]
            old = unicodedata.decimal(figure[index])
            for step in rng.sample(range(1, 10), 9):
                digit = (old + step) % 10
                if digit == 0 and len(positions) > 1:
                    continue
                candidate = figure[:index] + str(digit) + figure[index + 1:]
                if digits_of(candidate) not in source_digits and int(digits_of(candidate)):
                    new = candidate
                    break
            if new == figure:
                continue
        new = in_system(new, zero)
        for latin, native in NATIVE_SEPARATORS.get(lang, {}).items():
            if zero:
                new = new.replace(latin, native)
        if not change and new == figure:
            continue
        kind = notation(new, line, match.start(), match.end(), lang)
        return line[:match.start()] + new + line[match.end():], match.start(), kind
    return None


def main(argv: list[str] | None = None) -> int:
    parser = benchmark_parser(__doc__)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--show", action="store_true", help="print the original and planted line of each miss")
    args, corpus, qa_lint = parse_args(parser, argv)
    rng = random.Random(args.seed)
    by_lang = corpus_files(corpus)
    with planting_folder("qa-lint-numbers-") as work:
        copy = work / "ntrex"
        shutil.copytree(corpus, copy)
        baseline = {(str(Path(f["path"]).resolve().relative_to(copy)), f["line"])
                    for f in run_qa_lint(qa_lint, "D001", copy, "--source-language", "en", exit_zero=True)}
        planted: dict[tuple[str, int], tuple[str, str, bool]] = {}
        shown: dict[tuple[str, int], tuple[str, str]] = {}
        for folder, files in by_lang.items():
            lang = LANGS.get(folder)
            if lang is None:
                continue
            for index, path in enumerate(files):
                rel = path.relative_to(corpus)
                original = (corpus / SOURCE / rel.name).read_text(encoding="utf-8").split("\n")
                lines = path.read_text(encoding="utf-8").split("\n")
                if len(lines) != len(original):
                    continue
                change = index % 4 != 3  # one article in four: a negative plant
                order = list(range(len(lines)))
                rng.shuffle(order)
                for number in order:
                    if (str(rel), number + 1) in baseline:
                        continue
                    window = " ".join(original[max(0, number - 1):number + 2])
                    source_digits = " ".join(digits_of(m.group()) for m in FIGURE.finditer(window))
                    result = None
                    if change and rng.random() < 0.7:
                        result = plant_month(lines[number], lang, rng)
                    result = result or plant_figure(lines[number], source_digits, lang, rng, change)
                    if result:
                        lines[number], _, kind = result
                        planted[(str(rel), number + 1)] = (folder, kind, change)
                        shown[(str(rel), number + 1)] = (original[number], lines[number])
                        (copy / rel).write_text("\n".join(lines), encoding="utf-8")
                        break
        found = run_qa_lint(qa_lint, "D001", copy, "--source-language", "en", exit_zero=True)
    reported = {(str(Path(f["path"]).relative_to(copy)) if Path(f["path"]).is_absolute() else f["path"], f["line"])
                for f in found}
    reported = {(p.removeprefix(str(copy) + "/"), line) for p, line in reported}
    hits: Counter = Counter()
    totals: Counter = Counter()
    by_kind: dict[str, Counter] = defaultdict(Counter)
    by_system: dict[str, Counter] = defaultdict(Counter)
    misses = []
    for key, (folder, kind, change) in sorted(planted.items()):
        if not change:
            continue
        system, kind = kind
        totals[folder] += 1
        by_kind[kind]["planted"] += 1
        by_system[system]["planted"] += 1
        if key in reported:
            hits[folder] += 1
            by_kind[kind]["found"] += 1
            by_system[system]["found"] += 1
        else:
            misses.append(f"{key[0]}:{key[1]} ({system}, {kind})" + ("\n    " + "\n    ".join(shown[key]) if args.show else ""))
    true_positive = sum(1 for key in reported if key in planted and planted[key][2])
    false_positive = sorted(key for key in reported if key not in baseline and not (key in planted and planted[key][2]))
    negatives = sum(1 for _, _, change in planted.values() if not change)
    print(f"{sum(totals.values())} changed figures and {negatives} figures rewritten in another notation only\n")
    print(f"{'language':<9} {'planted':>8} {'found':>6} {'recall':>7}")
    for folder in sorted(totals):
        print(f"{folder:<9} {totals[folder]:>8} {hits[folder]:>6} {hits[folder] / totals[folder]:>7.3f}")
    for title, table in (("digits", by_system), ("figure", by_kind)):
        print(f"\n{title:<24} {'planted':>8} {'found':>6} {'recall':>7}")
        for name, counts in sorted(table.items()):
            print(f"{name:<24} {counts['planted']:>8} {counts['found']:>6} {counts['found'] / counts['planted']:>7.3f}")
    recall = sum(hits.values()) / max(1, sum(totals.values()))
    precision = true_positive / max(1, true_positive + len(false_positive))
    print(f"\nrecall {recall:.3f}, precision {precision:.3f} ({len(false_positive)} findings on lines nobody changed)")
    for miss in misses:
        print(f"missed: {miss}")
    for path, line in false_positive:
        print(f"false alarm: {path}:{line}")
    return EXIT_OK if recall >= TARGET and precision >= TARGET else EXIT_MISSED


if __name__ == "__main__":
    sys.exit(main())
