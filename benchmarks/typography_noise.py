"""Caption and typography noise, and throughput, on a real, clean news corpus.

What it measures
----------------
* **Noise.** It runs ``qa-lint check --format jsonl --select caption,typography``
  on the NTREX corpus (``ntrex/<iso639-3 language>/<document>.txt``: 123 news
  articles x 14 languages, one sentence per line, professional translations)
  and prints, per language, the lines, the caption findings (C001-C007: the
  corpus has no photo captions, so every one is a false positive) and the
  typography findings (T001-T010) per 1,000 lines, per rule, then every
  typography finding of the languages named with ``--show`` (default French
  and Persian) with its line, for a reader of the language to judge.
* **Throughput.** The wall-clock time of that run (one process, startup
  included) gives MB/s (1 MB = 1,000,000 bytes of UTF-8 text).

Targets: zero caption findings. The corpus is not free of typographic slips
(spaces before commas, doubled words, quotations whose opening mark was lost):
every French and Persian typography finding was read and judged (see the
caption and typography section of README.md), and the counts of that review
are pinned in ``REVIEWED``. A language whose count rises above it has new,
unreviewed findings, which is a failure until someone reads them. The script
exits with 1 when a target is missed, 2 when qa-lint itself fails.

How to run it (from the repository root)
----------------------------------------
    python benchmarks/typography_noise.py
    python benchmarks/typography_noise.py --show fra fas arb --corpus /path/to/ntrex

It calls the installed ``qa-lint`` command (next to the running Python, else
on PATH, else ``python -m qa_lint``); ``--qa-lint`` names another. Standard
library only. The corpus is read at run time; nothing of it is copied into the
repository.
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from pathlib import Path

from harness import (benchmark_parser, check_exit, corpus_files, corpus_lines, language_of, parse_args, parse_jsonl,
                    run_timed, source_line)

EXIT_OK, EXIT_NOISE = 0, 1

# Typography findings per language when they were last read and judged (2026-11-24;
# 2026-12-03: +37 T013 spaces inside Chinese and Japanese running text, "他们 的",
# "。 過去には", and +4 T001 spaces before a closing bracket, "(Jean Freeman )": all real).
REVIEWED = {
    "arb": 174, "deu": 25, "eng": 23, "fas": 62, "fra": 27, "hin": 77, "jpn": 26,
    "khm": 93, "kor": 77, "lao": 51, "rus": 55, "spa": 17, "vie": 45, "zho-CN": 116,
}


def main(argv: list[str] | None = None) -> int:
    parser = benchmark_parser(__doc__)
    parser.add_argument("--show", nargs="*", default=["fra", "fas"],
                        help="language folders whose typography findings are listed (default: fra fas)")
    args, corpus, command = parse_args(parser, argv)
    files = corpus_files(corpus)
    lines, size = corpus_lines(files)
    lines = {lang: n for lang, n in lines.items() if n}  # languages with text only
    n_files = sum(len(paths) for paths in files.values())

    run = [*command, "check", "--no-cache", "--format", "jsonl", "--select", "caption,typography", "--exit-zero", str(corpus)]
    wall, done = run_timed(run)
    check_exit(done, "qa-lint", (0,))
    findings = parse_jsonl(done.stdout)
    by_lang: dict[str, list[dict]] = defaultdict(list)
    for finding in findings:
        by_lang[language_of(finding["path"], corpus)].append(finding)

    codes = sorted({f["code"] for f in findings if f["category"] == "typography"})
    print(f"qa-lint: {' '.join(command)}")
    print(f"corpus:  {corpus} ({n_files} files)")
    print("command: qa-lint check --format jsonl --select caption,typography <corpus>\n")
    header = (f"{'language':<8} {'lines':>6} {'caption':>7} {'typo':>5} {'reviewed':>8} {'per 1k':>7}  "
              + " ".join(f"{c:>4}" for c in codes))
    print(header)
    print("-" * len(header))
    failed = False
    for lang in sorted(lines):
        mine = by_lang.get(lang, [])
        caption = sum(1 for f in mine if f["category"] == "caption")
        typo = Counter(f["code"] for f in mine if f["category"] == "typography")
        rate = 1000 * sum(typo.values()) / lines[lang]
        reviewed = REVIEWED.get(lang, 0)
        failed |= caption > 0 or sum(typo.values()) > reviewed
        print(f"{lang:<8} {lines[lang]:>6} {caption:>7} {sum(typo.values()):>5} {reviewed:>8} {rate:>7.2f}  "
              + " ".join(f"{typo.get(c, 0):>4}" for c in codes))
    total_lines = sum(lines.values())
    typo_total = sum(1 for f in findings if f["category"] == "typography")
    caption_total = sum(1 for f in findings if f["category"] == "caption")
    print("-" * len(header))
    print(f"{'total':<8} {total_lines:>6} {caption_total:>7} {typo_total:>5} {sum(REVIEWED.values()):>8} "
          f"{1000 * typo_total / total_lines:>7.2f}")

    for finding in findings:
        if finding["category"] == "caption":
            print(f"  caption: {finding['path']}:{finding['line']}: {finding['code']} {finding['message']}")
    for lang in args.show:
        shown = [f for f in by_lang.get(lang, []) if f["category"] == "typography"]
        print(f"\n{lang}: {len(shown)} typography finding(s)")
        for finding in shown:
            text = source_line(finding["path"], finding["line"])
            col = finding["column"] - 1
            print(f"  {Path(finding['path']).name}:{finding['line']}:{finding['column']} {finding['code']} "
                  f"{finding['message']}\n      | …{text[max(0, col - 60):col + 60]}…")

    megabytes = size / 1e6
    print(f"\nthroughput: {megabytes:.2f} MB in {wall:.2f} s (one process, startup included) "
          f"-> {megabytes / wall:.2f} MB/s")
    if failed:
        print("FAIL: caption findings must be 0, and typography findings no more than the reviewed counts")
        return EXIT_NOISE
    print("OK: 0 caption findings; typography findings within the reviewed counts in every language")
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
