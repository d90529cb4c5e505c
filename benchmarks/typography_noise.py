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

import argparse
import json
import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

from common import DEFAULT_CORPUS, qa_lint_command

EXIT_OK, EXIT_NOISE, EXIT_ERROR = 0, 1, 2

# Typography findings per language when they were last read and judged (2026-11-24).
REVIEWED = {
    "arb": 174, "deu": 25, "eng": 23, "fas": 62, "fra": 27, "hin": 77, "jpn": 22,
    "khm": 91, "kor": 76, "lao": 50, "rus": 55, "spa": 17, "vie": 45, "zho-CN": 83,
}


def corpus_lines(corpus: Path) -> tuple[dict[str, int], int, int]:
    """Lines per language folder, total files and total bytes."""
    lines: dict[str, int] = {}
    files = size = 0
    for folder in sorted(p for p in corpus.iterdir() if p.is_dir()):
        count = 0
        for path in sorted(folder.rglob("*.txt")):
            data = path.read_bytes()
            files += 1
            size += len(data)
            count += len(data.decode("utf-8", "replace").splitlines())
        if count:
            lines[folder.name] = count
    return lines, files, size


def language_of(path: str, corpus: Path) -> str:
    resolved = Path(path) if Path(path).is_absolute() else Path.cwd() / path
    try:
        return resolved.resolve().relative_to(corpus).parts[0]
    except ValueError:
        return "?"


def source_line(path: str, number: int) -> str:
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return ""
    return lines[number - 1] if number <= len(lines) else ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="the ntrex folder")
    parser.add_argument("--qa-lint", dest="qa_lint", help="the qa-lint executable to run")
    parser.add_argument("--show", nargs="*", default=["fra", "fas"],
                        help="language folders whose typography findings are listed (default: fra fas)")
    args = parser.parse_args(argv)

    corpus = args.corpus.resolve()
    if not corpus.is_dir():
        parser.error(f"corpus folder not found: {corpus}")
    command = qa_lint_command(args.qa_lint)
    lines, n_files, size = corpus_lines(corpus)

    run = [*command, "check", "--format", "jsonl", "--select", "caption,typography", "--exit-zero", str(corpus)]
    start = time.perf_counter()
    done = subprocess.run(run, capture_output=True, text=True, encoding="utf-8", errors="replace")
    wall = time.perf_counter() - start
    if done.returncode != 0:
        sys.stderr.write(f"qa-lint failed with exit status {done.returncode}:\n{done.stderr}\n")
        return EXIT_ERROR
    findings = [json.loads(line) for line in done.stdout.splitlines() if line.strip()]
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
