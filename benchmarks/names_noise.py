"""Names-family noise and cost on a real, professionally translated news corpus.

What it measures
----------------
* **Noise of N001 and N003.** It runs
  ``qa-lint check --format jsonl --select N001,N003,N005`` once over the whole NTREX
  corpus (``ntrex/<iso639-3 language>/<document>.txt``: 123 news articles x 14
  languages, one sentence per line). All languages go into one run, so the
  translations of an article (the same file name in sibling language folders)
  form one article group, as N001 needs to find names in scripts without
  capital letters. It prints, per language, the files, lines, findings and
  findings per 1,000 lines, then every finding as
  ``path:line:col code message`` (paths relative to the corpus folder).
  The corpus is edited professional work, so findings should be rare: the
  current ones were read and judged real inconsistencies of the translations.
  The target: no finding outside the list of reviewed ones (REVIEWED below,
  positions only); the script exits with 1 on any other.
* **Noise of N002** (opt-in, ``info``). A second run,
  ``qa-lint check --format jsonl --source-language en --select N002``, gets the
  same table and list. It has no target: the numbers are printed for the record.
* **Cost.** The median wall-clock time of 3 runs (after one untimed warm-up)
  of ``qa-lint check --select ALL --ignore N <corpus>`` and of
  ``qa-lint check --select ALL <corpus>``; the difference is what the names
  family adds, in seconds and in percent. No target.

Exit status: 0 when every finding is a reviewed one, 1 when one is not, 2 when
qa-lint itself fails (exit status other than 0 or 1).

How to run it (from the repository root)
----------------------------------------
    python benchmarks/names_noise.py
    python benchmarks/names_noise.py --corpus /path/to/ntrex --runs 3

It calls the installed ``qa-lint`` command (the one next to the running
Python, else the one on PATH, else ``python -m qa_lint``); ``--qa-lint`` names
another. ``--no-timing`` skips the cost measurement. Standard library only.
The corpus is read at run time and nothing of it is copied into the
repository.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from common import DEFAULT_CORPUS, qa_lint_command

EXIT_OK, EXIT_NOISE, EXIT_ERROR = 0, 1, 2
# Every N001/N003/N005 finding on the corpus, each read by a reader of the language
# and judged a real inconsistency of the translation (one exception: N005 on
# spa/bbc.381746.txt "Rapid Viena", the Spanish exonym of Vienna) (hyphenation such as
# Maison Blanche / Maison-Blanche, transliterations such as سارا پالین / سارا پیلن,
# Hindi nukta variants, typos such as اتحایده). A finding not in this list is
# new noise until someone reads it: the script then fails.
REVIEWED = frozenset({
    "arb/dailymail.co.uk.298732.txt:5:N001",
    "arb/nytimes.184853.txt:20:N001",
    "deu/nytimes.184825.txt:7:N005",
    "fas/bbc.381765.txt:3:N001",
    "fas/cnn.304521.txt:7:N001",
    "fas/dailymail.co.uk.298696.txt:14:N001",
    "fas/guardian.221679.txt:18:N001",
    "fas/newsweek.51338.txt:1:N001",
    "fas/newsweek.51339.txt:11:N001",
    "fas/newsweek.51339.txt:15:N001",
    "fas/reuters.218909.txt:8:N001",
    "fra/bbc.381736.txt:13:N003",
    "fra/bbc.381746.txt:7:N005",
    "fra/cbsnews.248387.txt:3:N001",
    "fra/cnbc.com.6769.txt:5:N003",
    "fra/guardian.221756.txt:21:N001",
    "fra/guardian.221756.txt:2:N001",
    "fra/reuters.218861.txt:7:N003",
    "hin/abcnews.306758.txt:2:N001",
    "hin/cbsnews.248387.txt:3:N001",
    "hin/cbsnews.248394.txt:2:N001",
    "hin/independent.226349.txt:2:N001",
    "hin/newsweek.51300.txt:2:N001",
    "hin/newsweek.51310.txt:12:N001",
    "hin/newsweek.51318.txt:16:N001",
    "hin/newsweek.51318.txt:1:N001",
    "hin/newsweek.51318.txt:8:N001",
    "hin/newsweek.51330.txt:8:N001",
    "hin/newsweek.51338.txt:12:N001",
    "hin/reuters.218914.txt:1:N001",
    "hin/rt.com.91334.txt:5:N001",
    "spa/bbc.381736.txt:13:N003",
    "spa/bbc.381746.txt:6:N005",
    "spa/dailymail.co.uk.298732.txt:5:N001",
    "spa/reuters.218923.txt:8:N005",
    "spa/scotsman.133791.txt:11:N005",
    "spa/scotsman.133791.txt:21:N005",
    "vie/reuters.218861.txt:7:N003",
})


def reviewed_key(finding: dict) -> str:
    path = Path(finding["path"]).as_posix()
    return f"{path.split('ntrex/')[-1]}:{finding['line']}:{finding['code']}"


def corpus_files(corpus: Path) -> dict[str, list[Path]]:
    """Language folder -> its *.txt files, sorted."""
    by_lang: dict[str, list[Path]] = {}
    for folder in sorted(p for p in corpus.iterdir() if p.is_dir()):
        files = sorted(folder.rglob("*.txt"))
        if files:
            by_lang[folder.name] = files
    return by_lang


def run_timed(command: list[str], cwd: Path) -> tuple[float, subprocess.CompletedProcess]:
    start = time.perf_counter()
    done = subprocess.run(command, check=False, cwd=cwd, capture_output=True, text=True, encoding="utf-8", errors="replace")
    return time.perf_counter() - start, done


def check_exit(done: subprocess.CompletedProcess, what: str) -> None:
    # qa-lint: 0 clean, 1 findings at/above --fail-on, 2 usage/config/input errors.
    if done.returncode not in (0, 1):
        sys.stderr.write(f"{what} failed with exit status {done.returncode}:\n{done.stderr}\n")
        raise SystemExit(EXIT_ERROR)


def run_findings(command: list[str], corpus: Path, options: list[str]) -> list[dict]:
    """Findings of one run over the whole corpus, paths relative to the corpus folder."""
    full = [*command, "check", "--format", "jsonl", *options, "."]
    _, done = run_timed(full, corpus)
    check_exit(done, " ".join(full))
    findings = [json.loads(line) for line in done.stdout.splitlines() if line.strip()]
    return sorted(findings, key=lambda f: (f["path"], f["line"], f["column"], f["code"]))


def language_of(path: str) -> str:
    parts = Path(path).parts
    return parts[0] if len(parts) > 1 else "?"


def print_table(files: dict[str, int], lines: dict[str, int], findings: list[dict],
                limit: float | None) -> list[str]:
    """The per-language table; returns the languages above `limit` (per 1,000 lines)."""
    per_lang: dict[str, int] = Counter(language_of(f["path"]) for f in findings)
    header = f"{'language':<9} {'files':>6} {'lines':>7} {'findings':>9} {'per 1k lines':>13}"
    if limit is not None:
        header += "  status"
    print(header)
    print("-" * len(header))
    above = []
    for lang in sorted(set(files) | set(per_lang)):
        n_lines = lines.get(lang, 0)
        n = per_lang.get(lang, 0)
        rate = 1000 * n / n_lines if n_lines else 0.0
        row = f"{lang:<9} {files.get(lang, 0):>6} {n_lines:>7} {n:>9} {rate:>13.2f}"
        if limit is not None:
            ok = rate <= limit
            row += f"  {'ok' if ok else 'ABOVE TARGET'}"
            if not ok:
                above.append(lang)
        print(row)
    print("-" * len(header))
    all_lines = sum(lines.values())
    print(f"{'total':<9} {sum(files.values()):>6} {all_lines:>7} {len(findings):>9} "
          f"{1000 * len(findings) / max(all_lines, 1):>13.2f}")
    by_code = Counter(f["code"] for f in findings)
    if by_code:
        print("findings per rule: " + ", ".join(f"{code} {n}" for code, n in sorted(by_code.items())))
    return above


def print_findings(findings: list[dict]) -> None:
    for finding in findings:
        print(f"  {finding['path']}:{finding['line']}:{finding['column']} {finding['code']} {finding['message']}")


def median_time(command: list[str], cwd: Path, runs: int) -> tuple[float, float, float]:
    check_exit(run_timed(command, cwd)[1], " ".join(command))  # warm-up: bytecode, disk cache
    times = []
    for _ in range(runs):
        elapsed, done = run_timed(command, cwd)
        check_exit(done, " ".join(command))
        times.append(elapsed)
    return statistics.median(times), min(times), max(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS,
                        help=f"the ntrex folder (default: {DEFAULT_CORPUS})")
    parser.add_argument("--qa-lint", dest="qa_lint", help="the qa-lint executable to run")
    parser.add_argument("--runs", type=int, default=3, help="timed runs per configuration for the cost median (default: 3)")
    parser.add_argument("--no-timing", action="store_true", help="skip the cost measurement")
    args = parser.parse_args(argv)

    corpus = args.corpus.resolve()
    if not corpus.is_dir():
        parser.error(f"corpus folder not found: {corpus}")
    command = qa_lint_command(args.qa_lint)
    by_lang = corpus_files(corpus)
    if not by_lang:
        parser.error(f"no <language>/*.txt files under {corpus}")
    files = {lang: len(paths) for lang, paths in by_lang.items()}
    lines = {lang: sum(len(p.read_text("utf-8", "replace").splitlines()) for p in paths)
             for lang, paths in by_lang.items()}

    print(f"qa-lint: {' '.join(command)}")
    print(f"corpus:  {corpus}")
    print()

    # N001 + N003: the default-on names rules, with a target.
    findings = run_findings(command, corpus, ["--select", "N001,N003,N005"])
    print("N001 name-variant + N003 name-archive-variant + N005 name-rendering-mismatch")
    print("command: qa-lint check --format jsonl --select N001,N003,N005 <corpus>")
    print()
    print_table(files, lines, findings, None)
    unreviewed = [f for f in findings if reviewed_key(f) not in REVIEWED]
    if findings:
        print("\nfindings (read and judged real inconsistencies of the translations):")
        print_findings(findings)
    print(f"\n{len(findings) - len(unreviewed)} of {len(findings)} findings are reviewed ones")

    # N002: opt-in, info; printed for the record.
    n002 = run_findings(command, corpus, ["--source-language", "en", "--select", "N002"])
    print()
    print("N002 name-missing-in-translation (opt-in, info; no target)")
    print("command: qa-lint check --format jsonl --source-language en --select N002 <corpus>")
    print()
    print_table(files, lines, n002, None)
    if n002:
        print("\nfindings:")
        print_findings(n002)

    # Cost of the names family.
    if not args.no_timing:
        without_cmd = [*command, "check", "--select", "ALL", "--ignore", "N", "."]
        with_cmd = [*command, "check", "--select", "ALL", "."]
        without, wo_min, wo_max = median_time(without_cmd, corpus, args.runs)
        with_names, wi_min, wi_max = median_time(with_cmd, corpus, args.runs)
        added = with_names - without
        print()
        print(f"cost (wall clock, whole corpus, one process, median of {args.runs} after a warm-up):")
        print(f"  qa-lint check --select ALL --ignore N <corpus>: {without:7.2f} s "
              f"(min {wo_min:.2f}, max {wo_max:.2f})")
        print(f"  qa-lint check --select ALL <corpus>:            {with_names:7.2f} s "
              f"(min {wi_min:.2f}, max {wi_max:.2f})")
        print(f"  names family adds {added:.2f} s, {100 * added / without:+.1f} %")

    print()
    if unreviewed:
        print(f"FAIL: {len(unreviewed)} N001/N003/N005 finding(s) nobody has reviewed yet:")
        print_findings(unreviewed)
        return EXIT_NOISE
    print("OK: every N001/N003/N005 finding on the corpus is a reviewed, real inconsistency")
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
