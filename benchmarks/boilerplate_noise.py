"""Boilerplate-rule noise and throughput on a real, clean news corpus.

What it measures
----------------
* **Noise.** It runs ``qa-lint check --format jsonl --select boilerplate`` on
  the NTREX corpus (``ntrex/<iso639-3 language>/<document>.txt``: 123 news
  articles x 14 languages, one sentence per line, professional translations).
  Those texts hold no scraped-page leftovers, so every boilerplate finding
  (B001-B008) there is presumed a false positive. It prints, per language,
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

import argparse
import json
import statistics
import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

from common import DEFAULT_CORPUS, qa_lint_command

EXIT_OK, EXIT_NOISE, EXIT_ERROR = 0, 1, 2


def corpus_files(corpus: Path) -> dict[str, list[Path]]:
    """Language folder -> its *.txt files, sorted."""
    by_lang: dict[str, list[Path]] = {}
    for folder in sorted(p for p in corpus.iterdir() if p.is_dir()):
        files = sorted(folder.rglob("*.txt"))
        if files:
            by_lang[folder.name] = files
    return by_lang


def language_of(path: str, corpus: Path) -> str:
    """The corpus language folder of a finding's path (absolute or relative)."""
    resolved = Path(path)
    if not resolved.is_absolute():
        resolved = Path.cwd() / path  # qa-lint shows paths relative to its working folder
    try:
        return resolved.resolve().relative_to(corpus.resolve()).parts[0]
    except ValueError:
        return "?"


def run_timed(command: list[str]) -> tuple[float, subprocess.CompletedProcess]:
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, encoding="utf-8", errors="replace")
    return time.perf_counter() - start, done


def check_exit(done: subprocess.CompletedProcess, what: str) -> None:
    # qa-lint: 0 clean, 1 findings at/above --fail-on, 2 usage/config/input errors.
    if done.returncode not in (0, 1):
        sys.stderr.write(f"{what} failed with exit status {done.returncode}:\n{done.stderr}\n")
        raise SystemExit(EXIT_ERROR)


def median_time(command: list[str], runs: int) -> tuple[float, float, float]:
    check_exit(run_timed(command)[1], " ".join(command))  # warm-up: bytecode, disk cache
    times = []
    for _ in range(runs):
        elapsed, done = run_timed(command)
        check_exit(done, " ".join(command))
        times.append(elapsed)
    return statistics.median(times), min(times), max(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS,
                        help=f"the ntrex folder (default: {DEFAULT_CORPUS})")
    parser.add_argument("--qa-lint", dest="qa_lint", help="the qa-lint executable to run")
    parser.add_argument("--select", default="boilerplate", help="rules to run (default: boilerplate)")
    parser.add_argument("--runs", type=int, default=10, help="timed one-file runs for the startup median (default: 10)")
    args = parser.parse_args(argv)

    corpus = args.corpus.resolve()
    if not corpus.is_dir():
        parser.error(f"corpus folder not found: {corpus}")
    command = qa_lint_command(args.qa_lint)
    by_lang = corpus_files(corpus)
    if not by_lang:
        parser.error(f"no <language>/*.txt files under {corpus}")

    files = {lang: len(paths) for lang, paths in by_lang.items()}
    lines: dict[str, int] = {}
    total_bytes = 0
    for lang, paths in by_lang.items():
        count = 0
        for path in paths:
            data = path.read_bytes()
            total_bytes += len(data)
            count += len(data.decode("utf-8", "replace").splitlines())
        lines[lang] = count

    # The whole corpus in one process, as a user would run it.
    corpus_run = [*command, "check", "--format", "jsonl", "--select", args.select, str(corpus)]
    wall, done = run_timed(corpus_run)
    check_exit(done, "the corpus run")
    findings = [json.loads(line) for line in done.stdout.splitlines() if line.strip()]
    per_lang: dict[str, list[dict]] = defaultdict(list)
    for finding in findings:
        per_lang[language_of(finding["path"], corpus)].append(finding)

    print(f"qa-lint: {' '.join(command)}")
    print(f"corpus:  {corpus}")
    print(f"command: qa-lint check --format jsonl --select {args.select} <corpus>")
    print()
    header = f"{'language':<9} {'files':>6} {'lines':>7} {'findings':>9} {'per 1k lines':>13}"
    print(header)
    print("-" * len(header))
    for lang in sorted(set(files) | set(per_lang)):
        n_lines = lines.get(lang, 0)
        n = len(per_lang.get(lang, ()))
        rate = 1000 * n / n_lines if n_lines else 0.0
        print(f"{lang:<9} {files.get(lang, 0):>6} {n_lines:>7} {n:>9} {rate:>13.2f}")
    print("-" * len(header))
    all_lines = sum(lines.values())
    print(f"{'total':<9} {sum(files.values()):>6} {all_lines:>7} {len(findings):>9} "
          f"{1000 * len(findings) / max(all_lines, 1):>13.2f}")

    by_code = Counter(f["code"] for f in findings)
    if by_code:
        print("\nfindings per rule: " + ", ".join(f"{code} {n}" for code, n in sorted(by_code.items())))
        print("\nfindings (presumed false positives):")
        for finding in findings:
            path = finding["path"]
            source = ""
            try:
                text_lines = (Path.cwd() / path).read_text("utf-8").splitlines()
                source = text_lines[finding["line"] - 1] if finding["line"] <= len(text_lines) else ""
            except (OSError, UnicodeDecodeError):
                pass
            print(f"  {path}:{finding['line']}:{finding['column']}: {finding['code']} [{finding['severity']}] "
                  f"{finding['message']}")
            if source:
                print(f"      | {source[:160]}")

    # Throughput and startup.
    megabytes = total_bytes / 1e6
    one_file = by_lang[sorted(by_lang)[0]][0]
    startup, s_min, s_max = median_time([*command, "check", str(one_file)], args.runs)
    startup_sel, sel_min, sel_max = median_time(
        [*command, "check", "--format", "jsonl", "--select", args.select, str(one_file)], args.runs
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
