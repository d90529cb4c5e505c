"""Script-family noise and speed on a real news corpus.

What it measures
----------------
* **Noise.** It runs ``qa-lint check --format jsonl --select script`` on the
  NTREX corpus (``ntrex/<iso639-3 language>/<document>.txt``: 123 articles x
  14 languages, one sentence per line, professional translations) and prints,
  per language and rule (S001-S012), the findings and findings per 1,000 lines.
  The corpus is careful work but not free of script defects; each finding was
  read by a reader of the language, and the verdicts are kept here:

  - ``REVIEWED_MIXED``: every mixed-script (S001) and lookalike (S002) finding
    confirmed real, by file, line and rule (glued Arabic-Latin words such as
    the one before "Nottingham", a stray Arabic tanween on a Latin word, one
    Latin-Devanagari glue). Any S001/S002 finding not in it is a false positive.
  - ``REVIEWED_CEILINGS``: for the other rules, how many findings the reviewed
    run gave per rule and language, all real (Arabic ي/ك in Persian words,
    zero-width spaces next to spaces, decomposed letters, Persian words missing
    or carrying a stray zero-width non-joiner). A run above the ceiling means
    new findings that nobody has read.

  The script exits with 1 when an S001/S002 finding is not in the reviewed
  list or a rule exceeds its reviewed ceiling (2 if qa-lint fails).
* **Speed.** The wall-clock time of that whole run (one process, startup
  included) gives MB/s (1 MB = 1,000,000 bytes of UTF-8); then the family's
  rules alone, linted in this process by ``qa_lint.testing.lint_text`` on
  every corpus document already read (no start-up, no disk; ``--repeat``
  passes, the best kept, in CPU time so that other work on the machine does
  not count), give the rules' own MB/s on one core.
  The target is 3 MB/s for the rules alone ("several MB/s"): below it the
  script exits with 1.

How to run it (from the repository root)
----------------------------------------
    python benchmarks/script_noise.py
    python benchmarks/script_noise.py --corpus /path/to/ntrex --repeat 3

It calls the installed ``qa-lint`` (next to the running Python, else on PATH,
else ``python -m qa_lint``; ``--qa-lint`` names another) and imports qa_lint
for the in-process timing. Standard library and qa-lint only. The corpus is
read at run time and nothing of it is copied into the repository.
"""

from __future__ import annotations

import resource
import sys
import time
from collections import Counter
from pathlib import Path

from harness import benchmark_parser, check_exit, corpus_files, corpus_lines, parse_args, parse_jsonl, run_timed

EXIT_OK, EXIT_NOISE = 0, 1
MIN_RULES_MB_S = 3.0

# (file under the corpus, line, rule): read and confirmed real.
REVIEWED_MIXED = {
    ("arb/bbc.381692.txt", 3, "S001"), ("arb/bbc.381692.txt", 11, "S001"),
    ("arb/bbc.381789.txt", 6, "S001"), ("arb/dailymail.co.uk.298738.txt", 14, "S001"),
    ("arb/foxnews.94512.txt", 8, "S001"), ("arb/guardian.221679.txt", 26, "S001"),
    ("arb/newsweek.51307.txt", 3, "S001"), ("arb/newsweek.51307.txt", 4, "S001"),
    ("arb/newsweek.51307.txt", 5, "S001"), ("arb/newsweek.51307.txt", 8, "S001"),
    ("arb/newsweek.51307.txt", 13, "S001"), ("arb/newsweek.51307.txt", 18, "S001"),
    ("arb/newsweek.51307.txt", 21, "S001"), ("arb/newsweek.51318.txt", 5, "S001"),
    ("arb/newsweek.51328.txt", 6, "S001"), ("arb/newsweek.51328.txt", 13, "S001"),
    ("arb/newsweek.51329.txt", 20, "S001"), ("arb/rt.com.91350.txt", 9, "S001"),
    ("arb/scotsman.133791.txt", 7, "S001"), ("fas/newsweek.51329.txt", 18, "S001"),
    ("hin/guardian.221754.txt", 10, "S001"),
}
# (rule, language folder) -> findings of the reviewed run, all confirmed real.
REVIEWED_CEILINGS = {
    ("S003", "fas"): 26,  # Persian words typed with Arabic ي / ك
    ("S004", "khm"): 1,  # a Khmer number ending in an ASCII 0
    ("S006", "khm"): 4, ("S006", "lao"): 3,  # zero-width spaces beside spaces and punctuation
    ("S006", "rus"): 10, ("S006", "vie"): 12,  # doubled zero-width spaces after a space
    ("S010", "deu"): 1, ("S010", "fas"): 1, ("S010", "vie"): 1,  # one decomposed letter each
    ("S013", "fas"): 9,  # one ASCII number among Persian ones, in Persian words (72, 250, 2020 ...)
    ("S011", "fas"): 236,  # word forms missing a ZWNJ (the translators wrote 1,815 others)
    ("S012", "fas"): 29,  # a ZWNJ before a space, or doubled
}


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def rules_alone_mb_s(by_lang: dict[str, list[Path]], corpus: Path, repeat: int) -> tuple[float, float]:
    """(MB, best MB/s) of the script rules linted in this process by `lint_text` on the corpus already read."""
    from qa_lint.testing import lint_text

    # Paths as under the corpus' parent, so the language comes from the folder as in the run above.
    files = {path.relative_to(corpus.parent).as_posix(): path.read_bytes() for paths in by_lang.values() for path in paths}
    megabytes = sum(len(data) for data in files.values()) / 1e6
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()  # CPU time: other processes on the machine do not count
        lint_text(files, select=["script"])
        best = min(best, time.process_time() - start)
    return megabytes, megabytes / best


def main(argv: list[str] | None = None) -> int:
    parser = benchmark_parser(__doc__)
    parser.add_argument("--repeat", type=int, default=3, help="in-process timing passes (default: 3)")
    args, corpus, command = parse_args(parser, argv)
    by_lang = corpus_files(corpus, recursive=False)
    lines, total_bytes = corpus_lines(by_lang)

    run = [*command, "check", "--no-cache", "--format", "jsonl", "--select", "script", "--exit-zero", str(corpus)]
    cpu_before = _children_cpu()
    wall, done = run_timed(run)
    cpu = _children_cpu() - cpu_before
    check_exit(done, "qa-lint", (0,))
    findings = parse_jsonl(done.stdout)
    for finding in findings:
        finding["where"] = Path(finding["path"]).resolve().relative_to(corpus).as_posix()
        finding["folder"] = finding["where"].split("/")[0]
    counts = Counter((f["code"], f["folder"]) for f in findings)
    codes = sorted({code for code, _ in counts} | {code for code, _ in REVIEWED_CEILINGS})

    print(f"command: qa-lint check --format jsonl --select script {corpus}\n")
    header = f"{'language':<9} {'lines':>6} " + " ".join(f"{c:>5}" for c in codes) + f" {'per 1k lines':>13}"
    print(header)
    print("-" * len(header))
    for lang in by_lang:
        row = [counts.get((code, lang), 0) for code in codes]
        print(f"{lang:<9} {lines[lang]:>6} " + " ".join(f"{n:>5}" for n in row) + f" {1000 * sum(row) / lines[lang]:>13.2f}")
    print("-" * len(header))
    all_lines = sum(lines.values())
    print(f"{'total':<9} {all_lines:>6} " + " ".join(f"{sum(n for (c, _), n in counts.items() if c == code):>5}" for code in codes)
          + f" {1000 * len(findings) / all_lines:>13.2f}")

    problems = []
    for finding in findings:
        if finding["code"] in ("S001", "S002") and (finding["where"], finding["line"], finding["code"]) not in REVIEWED_MIXED:
            problems.append(f"unreviewed {finding['code']}: {finding['where']}:{finding['line']}: {finding['message']}")
    for (code, lang), n in sorted(counts.items()):
        if code not in ("S001", "S002") and n > REVIEWED_CEILINGS.get((code, lang), 0):
            problems.append(f"{code} on {lang}: {n} findings, {REVIEWED_CEILINGS.get((code, lang), 0)} reviewed")
    print("\nmixed-script and lookalike findings (all reviewed real unless marked):")
    for finding in (f for f in findings if f["code"] in ("S001", "S002")):
        mark = "" if (finding["where"], finding["line"], finding["code"]) in REVIEWED_MIXED else "  <- NOT REVIEWED"
        print(f"  {finding['where']}:{finding['line']}:{finding['column']}: {finding['code']} {finding['message']}{mark}")

    megabytes, rules_speed = rules_alone_mb_s(by_lang, corpus, args.repeat)
    print("\nspeed:")
    print(f"  whole run, one process, startup included: {total_bytes / 1e6:.2f} MB in {wall:.2f} s wall clock "
          f"-> {total_bytes / 1e6 / wall:.2f} MB/s ({cpu:.2f} s CPU -> {total_bytes / 1e6 / cpu:.2f} MB/s)")
    print(f"  the S001-S012 rules alone, in process (lint_text), CPU time, best of {args.repeat}: {rules_speed:.2f} MB/s "
          f"({megabytes:.2f} MB; target {MIN_RULES_MB_S} MB/s)")
    if rules_speed < MIN_RULES_MB_S:
        problems.append(f"rules alone run at {rules_speed:.2f} MB/s, below {MIN_RULES_MB_S}")

    print()
    if problems:
        print("FAIL:\n  " + "\n  ".join(problems))
        return EXIT_NOISE
    print("OK: every mixed-script finding reviewed real, no rule above its reviewed count, speed on target")
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
