"""Language-family recall on planted untranslated sentences, and its noise on the same run.

What it measures
----------------
It copies the whole NTREX corpus (``ntrex/<iso639-3>/<doc>.txt``, every
language's version of each article, so each article is one group) into a
temporary folder, then plants into the copies sentences left untranslated: a
sentence of the *same article* in another language, read from the corpus at
run time (nothing is copied into the repository), either as a line of its own
("line") or glued after the sentence of an existing line ("glued"). A
sentence is planted into one translation of an article only: text found in a
third language's translation too is taken for a quotation the original has,
kept on purpose, and is not reported (see the language rules). Two
configurations are run, each on its own planted copy:

* ``--source-language en``: English sentences planted in every other language:
  L001 untranslated-segment is expected.
* ``--source-language fr``: French sentences planted in every other language
  but English (L001 expected) and English sentences, the pivot, planted in
  every language but English (L002 wrong-language-segment expected).
* ``--source-language en``, twice: one English sentence of an article planted
  into two of its Persian, Arabic, Russian, French and Spanish translations
  (machine translation fails the same way in several languages): L001 in both.
* ``--source-language en``, words: two or three small words of the article's
  Vietnamese translation left inside a line of its Japanese, Chinese, Korean,
  Russian, Arabic or Persian one: L005 foreign-word expected.

A plant counts as detected when the expected rule reports on its line. Per
configuration, planted language and target language it prints planted,
detected and recall, then misses and every finding on a line nobody planted
(noise). Targets: recall >= 0.95 overall and per planted language; the script
exits with 1 when missed (2 when qa-lint fails). Choices come from
``random.Random(--seed)``: runs repeat.

How to run it (from the repository root)
----------------------------------------
    python benchmarks/language_recall.py
    python benchmarks/language_recall.py --per-language 10 --keep
"""

from __future__ import annotations

import random
import re
import shutil
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from harness import benchmark_parser, parse_args, planting_folder, read_lines, run_qa_lint, write_lines

MIN_RECALL = 0.95
EXIT_OK, EXIT_BELOW_TARGET = 0, 1
MIN_PLANT_WORDS = 8  # a sentence, not a title or a byline


@dataclass(frozen=True)
class Plant:
    path: str  # relative to the planted root
    line: int
    target: str  # corpus folder planted into
    planted: str  # corpus folder the sentence comes from
    kind: str  # "line" or "glued"
    expected: str  # rule code


def plant_copy(corpus: Path, root: Path, source: str, plans: list[tuple[str, str, str]], per_language: int,
               rng: random.Random) -> list[Plant]:
    """Copy the corpus to `root` and plant: `plans` holds (target folder, planted folder, rule code)."""
    shutil.copytree(corpus, root)
    plants: list[Plant] = []
    used: set[Path] = set()
    donated: set[tuple[str, int]] = set()  # (article, donor line): each sentence planted once per article
    for target, planted, code in plans:
        names = sorted(p.name for p in (corpus / target).glob("*.txt") if (corpus / planted / p.name).is_file())
        rng.shuffle(names)
        count = 0
        for name in names:
            if count == per_language:
                break
            file = root / target / name
            if file in used:
                continue
            lines, donor = read_lines(file), read_lines(corpus / planted / name)
            choices = [i for i, text in enumerate(donor)
                       if len(text.split()) >= MIN_PLANT_WORDS and (name, i) not in donated]
            if len(lines) < 4 or not choices:
                continue
            chosen = rng.choice(choices)
            donated.add((name, chosen))
            sentence = donor[chosen]
            where = rng.randrange(1, len(lines))
            kind = "line" if count % 2 == 0 else "glued"
            if kind == "line":
                lines.insert(where, sentence)
            else:
                lines[where] = lines[where].rstrip() + " " + sentence
            write_lines(file, lines)
            used.add(file)
            plants.append(Plant(f"{target}/{name}", where + 1, target, planted, kind, code))
            count += 1
    return plants


REPEATED_INTO = ("fas", "arb", "rus", "fra", "spa")


def plant_repeated(corpus: Path, root: Path, articles: int, rng: random.Random) -> list[Plant]:
    """Copy the corpus to `root` and plant one English sentence of an article into two of its
    translations (REPEATED_INTO), as machine translation that failed twice leaves it."""
    shutil.copytree(corpus, root)
    names = sorted(p.name for p in (corpus / "eng").glob("*.txt")
                   if all((corpus / t / p.name).is_file() for t in REPEATED_INTO))
    rng.shuffle(names)
    plants: list[Plant] = []
    for count, name in enumerate(names[:articles]):
        donor = read_lines(corpus / "eng" / name)
        choices = [text for text in donor if len(text.split()) >= MIN_PLANT_WORDS]
        if not choices:
            continue
        sentence = rng.choice(choices)
        kind = "line" if count % 2 == 0 else "glued"
        for target in rng.sample(REPEATED_INTO, 2):
            file = root / target / name
            lines = read_lines(file)
            where = rng.randrange(1, len(lines))
            if kind == "line":
                lines.insert(where, sentence)
            else:
                lines[where] = lines[where].rstrip() + " " + sentence
            write_lines(file, lines)
            plants.append(Plant(f"{target}/{name}", where + 1, target, "eng", "twice", "L001"))
    return plants


WORDS_INTO = ("jpn", "zho-CN", "kor", "rus", "arb", "fas")
_VIETNAMESE_ONLY = re.compile("[ơưđạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]")


def plant_words(corpus: Path, root: Path, per_language: int, rng: random.Random) -> list[Plant]:
    """Copy the corpus to `root` and leave two or three small words of the article's Vietnamese
    translation inside a line of its Japanese, Chinese, Korean, Russian, Arabic or Persian one."""
    shutil.copytree(corpus, root)
    plants: list[Plant] = []
    for target in WORDS_INTO:
        names = sorted(p.name for p in (corpus / target).glob("*.txt") if (corpus / "vie" / p.name).is_file())
        rng.shuffle(names)
        for name in names[:per_language]:
            donor = " ".join(read_lines(corpus / "vie" / name)).split()
            size = rng.choice((2, 3))
            spans = [donor[i:i + size] for i in range(len(donor) - size)
                     if all(w.isalpha() and w.islower() for w in donor[i:i + size])
                     and any(_VIETNAMESE_ONLY.search(w) for w in donor[i:i + size])]
            file = root / target / name
            lines = read_lines(file)
            where = rng.randrange(len(lines))
            if not spans or not lines[where].strip():
                continue
            text = lines[where]
            cut = rng.randrange(len(text) // 4, 3 * len(text) // 4 + 1)
            lines[where] = text[:cut] + " " + " ".join(rng.choice(spans)) + " " + text[cut:]
            write_lines(file, lines)
            plants.append(Plant(f"{target}/{name}", where + 1, target, "vie", "words", "L005"))
    return plants


def main(argv: list[str] | None = None) -> int:
    parser = benchmark_parser(__doc__)
    parser.add_argument("--seed", type=int, default=20240611)
    parser.add_argument("--per-language", type=int, default=10, help="plants per (target, planted) pair")
    parser.add_argument("--keep", action="store_true")
    args, corpus, command = parse_args(parser, argv)
    folders = sorted(p.name for p in corpus.iterdir() if p.is_dir())
    configs = {
        "en": [(t, "eng", "L001") for t in folders if t != "eng"],
        "fr": [(t, "fra", "L001") for t in folders if t not in ("eng", "fra")]
        + [(t, "eng", "L002") for t in folders if t != "eng"],
    }
    rng = random.Random(args.seed)
    failed = False
    with planting_folder("qa-lint-language-", args.keep) as workdir:
        for source, plans in [*configs.items(), ("en, twice", None), ("en, words", None)]:
            root = workdir / f"source-{source.replace(', ', '-')}"
            if source == "en, words":
                plants = plant_words(corpus, root, args.per_language, rng)
                source = "en"
            elif plans is None:
                plants = plant_repeated(corpus, root, 4 * args.per_language, rng)
                source = "en"
            else:
                plants = plant_copy(corpus, root, source, plans, args.per_language, rng)
            findings = run_qa_lint(command, "language", ".", "--source-language", source, cwd=root)
            found = defaultdict(set)
            for f in findings:
                found[(f["path"], f["line"])].add(f["code"])
            planted_lines = {(p.path, p.line) for p in plants}
            twice = "" if plans else " (Vietnamese words in other scripts)" if plants and plants[0].kind == "words" \
                else " (one English sentence in two translations of an article)"
            print(f"\n--source-language {source}{twice}: {len(plants)} plants")
            header = f"{'planted':<8} {'into':<8} {'rule':<5} {'kind':<6} {'planted':>7} {'found':>6} {'recall':>7}"
            print(header + "\n" + "-" * len(header))
            rows = defaultdict(lambda: [0, 0])
            misses = []
            for p in plants:
                hit = p.expected in found.get((p.path, p.line), ())
                for key in ((p.planted, p.target, p.expected, p.kind), (p.planted, "all", p.expected, "all")):
                    rows[key][0] += 1
                    rows[key][1] += hit
                if not hit:
                    misses.append(p)
            for (planted, target, code, kind), (n, hit) in sorted(rows.items()):
                recall = hit / n
                if target == "all" and recall < MIN_RECALL:
                    failed = True
                print(f"{planted:<8} {target:<8} {code:<5} {kind:<6} {n:>7} {hit:>6} {recall:>7.3f}")
            total, hits = len(plants), len(plants) - len(misses)
            failed |= hits / total < MIN_RECALL
            print(f"overall recall {hits}/{total} = {hits / total:.3f}")
            wrong_code = [p for p in misses if found.get((p.path, p.line))]
            for p in misses:
                codes = ",".join(sorted(found.get((p.path, p.line), ()))) or "nothing"
                print(f"  missed {p.expected} {p.kind} {p.path}:{p.line} ({p.planted} in {p.target}; reported: {codes})")
            stray = [f for f in findings if (f["path"], f["line"]) not in planted_lines]
            lines = sum(len(read_lines(p)) for p in root.rglob("*.txt"))
            print(f"noise: {len(stray)} findings on lines nobody planted ({1000 * len(stray) / lines:.2f} per 1,000 lines)"
                  f"; {len(wrong_code)} plants reported under another code")
            for f in stray:
                print(f"  {f['path']}:{f['line']}: {f['code']} {f['message'][:110]}")
        if args.keep:
            print(f"\nplanted copies kept in {workdir}")
    print()
    if failed:
        print(f"FAIL: recall below {MIN_RECALL}")
        return EXIT_BELOW_TARGET
    print(f"OK: recall >= {MIN_RECALL} for every planted language")
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
