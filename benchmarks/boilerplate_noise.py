"""Boilerplate-rule noise and throughput on a real, clean news corpus.

What it measures
----------------
* **Noise.** It runs ``qa-lint check --format jsonl --select boilerplate`` on
  the NTREX corpus (``ntrex/<iso639-3 language>/<document>.txt``: 123 news
  articles x 14 languages, one sentence per line, professional translations).
  Those texts hold no scraped-page leftovers, so every boilerplate finding
  (B001-B013) there is presumed a false positive. It prints, per language,
  the files, lines, findings and findings per 1,000 lines, then every finding.
  The acceptance target is zero findings: the script exits with 1 if there is
  any (2 if qa-lint itself fails).
* **Throughput.** The wall-clock time of that whole run (one process, startup
  included) gives MB/s (1 MB = 1,000,000 bytes of UTF-8 text).
* **Startup cost.** The median wall-clock time of 10 runs of
  ``qa-lint check <one corpus file>`` (default rules, after one untimed
  warm-up run), and, for comparison, of the same one-file run with the
  corpus run's options (``--format jsonl --select boilerplate``).

How to run it (from the repository root)
----------------------------------------
    python benchmarks/boilerplate_noise.py
    python benchmarks/boilerplate_noise.py --corpus /path/to/ntrex --runs 10

It calls the installed ``qa-lint`` command (the one next to the running
Python, else the one on PATH, else ``python -m qa_lint``); ``--qa-lint`` names
another. Standard library only. The corpus is read at run time and nothing of
it is copied into the repository.
"""

from __future__ import annotations

import sys
from harness import (benchmark_parser, check_exit, corpus_files, corpus_lines, count_by_rule, findings_per_language,
                    median_time, parse_args, parse_jsonl, print_language_table, run_timed, source_line)

EXIT_OK, EXIT_NOISE = 0, 1


def main(argv: list[str] | None = None) -> int:
    parser = benchmark_parser(__doc__)
    parser.add_argument("--select", default="boilerplate", help="rules to run (default: boilerplate)")
    parser.add_argument("--runs", type=int, default=10, help="timed one-file runs for the startup median (default: 10)")
    args, corpus, command = parse_args(parser, argv)
    by_lang = corpus_files(corpus)
    if not by_lang:
        parser.error(f"no <language>/*.txt files under {corpus}")
    files = {lang: len(paths) for lang, paths in by_lang.items()}
    lines, total_bytes = corpus_lines(by_lang)

    # The whole corpus in one process, as a user would run it.
    corpus_run = [*command, "check", "--no-cache", "--format", "jsonl", "--select", args.select, str(corpus)]
    wall, done = run_timed(corpus_run)
    check_exit(done, "the corpus run")
    findings = parse_jsonl(done.stdout)
    per_lang = findings_per_language(findings, corpus)

    print(f"qa-lint: {' '.join(command)}")
    print(f"corpus:  {corpus}")
    print(f"command: qa-lint check --format jsonl --select {args.select} <corpus>")
    print()
    print_language_table(lines, per_lang, files)

    if findings:
        print("\nfindings per rule: " + count_by_rule(findings))
        print("\nfindings (presumed false positives):")
        for finding in findings:
            source = source_line(finding["path"], finding["line"])
            print(f"  {finding['path']}:{finding['line']}:{finding['column']}: {finding['code']} "
                  f"[{finding['severity']}] {finding['message']}")
            if source:
                print(f"      | {source[:160]}")

    # Throughput and startup.
    megabytes = total_bytes / 1e6
    one_file = by_lang[sorted(by_lang)[0]][0]
    startup, s_min, s_max = median_time([*command, "check", "--no-cache", str(one_file)], args.runs)
    startup_sel, sel_min, sel_max = median_time(
        [*command, "check", "--no-cache", "--format", "jsonl", "--select", args.select, str(one_file)], args.runs
    )
    print()
    print("throughput (wall clock, one process, startup included):")
    print(f"  {megabytes:.2f} MB in {sum(files.values())} files, {wall:.2f} s -> {megabytes / wall:.2f} MB/s")
    net = wall - startup_sel
    if net > 0:
        print(f"  without the one-file startup ({startup_sel:.3f} s): {megabytes / net:.2f} MB/s")
    print(f"startup: `qa-lint check {one_file.relative_to(corpus)}` (default rules), "
          f"median of {args.runs}: {startup:.3f} s (min {s_min:.3f}, max {s_max:.3f})")
    print(f"         same file with `--format jsonl --select {args.select}`, "
          f"median of {args.runs}: {startup_sel:.3f} s (min {sel_min:.3f}, max {sel_max:.3f})")

    print()
    if findings:
        print(f"FAIL: {len(findings)} boilerplate finding(s) on a clean corpus (target: 0)")
        return EXIT_NOISE
    print("OK: no boilerplate finding on the clean corpus (target: 0)")
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
