"""What the benchmark scripts share: the corpus, running qa-lint, and report helpers.

Scripts run as `python benchmarks/NAME.py`, so this module imports as `common`.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO_ROOT.parent / "shared" / "corpus" / "ntrex"
EXIT_ERROR = 2  # the benchmarks' exit status when qa-lint itself fails


# -- command line ---------------------------------------------------------------

def qa_lint_command(explicit: str | None = None) -> list[str]:
    """The command that runs qa-lint: --qa-lint, the venv's script, PATH, or `python -m qa_lint`."""
    if explicit:
        return [explicit]
    beside = Path(sys.executable).with_name("qa-lint")
    if beside.is_file() and os.access(beside, os.X_OK):
        return [str(beside)]
    found = shutil.which("qa-lint")
    if found:
        return [found]
    return [sys.executable, "-m", "qa_lint"]


def benchmark_parser(doc: str) -> argparse.ArgumentParser:
    """A parser described by the first paragraph of `doc`, with the shared --corpus and --qa-lint."""
    parser = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS,
                        help=f"the ntrex folder (default: {DEFAULT_CORPUS})")
    parser.add_argument("--qa-lint", dest="qa_lint", help="the qa-lint executable to run")
    return parser


def parse_args(parser: argparse.ArgumentParser,
               argv: list[str] | None) -> tuple[argparse.Namespace, Path, list[str]]:
    """The parsed arguments, the resolved corpus folder (an error if missing) and the qa-lint command."""
    args = parser.parse_args(argv)
    corpus = args.corpus.resolve()
    if not corpus.is_dir():
        parser.error(f"corpus folder not found: {corpus}")
    return args, corpus, qa_lint_command(args.qa_lint)


# -- the corpus -------------------------------------------------------------------

def corpus_files(corpus: Path, recursive: bool = True) -> dict[str, list[Path]]:
    """Language folder -> its *.txt files, sorted (folders without any left out)."""
    by_lang: dict[str, list[Path]] = {}
    for folder in sorted(p for p in corpus.iterdir() if p.is_dir()):
        files = sorted(folder.rglob("*.txt") if recursive else folder.glob("*.txt"))
        if files:
            by_lang[folder.name] = files
    return by_lang


def corpus_lines(by_lang: Mapping[str, Iterable[Path]]) -> tuple[dict[str, int], int]:
    """Lines per language (undecodable bytes replaced) and the total bytes of the files."""
    lines: dict[str, int] = {}
    total_bytes = 0
    for lang, paths in by_lang.items():
        count = 0
        for path in paths:
            data = path.read_bytes()
            total_bytes += len(data)
            count += len(data.decode("utf-8", "replace").splitlines())
        lines[lang] = count
    return lines, total_bytes


def language_of(path: str, corpus: Path, cwd: Path | None = None) -> str:
    """The corpus language folder of a finding's path; a relative path is taken from `cwd`
    (default: this process's working folder, where qa-lint ran)."""
    resolved = Path(path)
    if not resolved.is_absolute():
        resolved = (cwd or Path.cwd()) / path
    try:
        parts = resolved.resolve().relative_to(corpus.resolve()).parts
    except ValueError:
        return "?"
    return parts[0] if len(parts) > 1 else "?"  # "?": outside the corpus, or in no language folder


def read_lines(path: Path) -> list[str]:
    """The file's lines, without the final newline."""
    text = path.read_text(encoding="utf-8").removesuffix("\n")
    return text.split("\n")  # qa-lint splits on \n, \r\n and \r; the corpus has only \n


def write_lines(path: Path, lines: list[str]) -> None:
    """Write `lines` with "\\n" endings, creating the folder if needed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8", newline="\n")


def source_line(path: str, number: int) -> str:
    """Line `number` (1-based) of the file at `path`, "" when it cannot be read."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return ""
    return lines[number - 1] if number <= len(lines) else ""


# -- running qa-lint ----------------------------------------------------------------

def run_timed(command: list[str], cwd: Path | None = None) -> tuple[float, subprocess.CompletedProcess]:
    """Wall-clock seconds and result of one run, output captured."""
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, encoding="utf-8", errors="replace")
    return time.perf_counter() - start, done


def check_exit(done: subprocess.CompletedProcess, what: str, accepted: tuple[int, ...] = (0, 1)) -> None:
    """Stop with EXIT_ERROR when qa-lint exited otherwise than `accepted`."""
    # qa-lint: 0 clean, 1 findings at/above --fail-on, 2 usage/config/input errors.
    if done.returncode not in accepted:
        sys.stderr.write(f"{what} failed with exit status {done.returncode}:\n{done.stderr}\n")
        raise SystemExit(EXIT_ERROR)


def median_time(command: list[str], runs: int, cwd: Path | None = None) -> tuple[float, float, float]:
    """Median, min and max wall-clock seconds of `runs` runs, after one untimed warm-up."""
    check_exit(run_timed(command, cwd)[1], " ".join(command))  # warm-up: bytecode, disk cache
    times = []
    for _ in range(runs):
        elapsed, done = run_timed(command, cwd)
        check_exit(done, " ".join(command))
        times.append(elapsed)
    return statistics.median(times), min(times), max(times)


def parse_jsonl(output: str) -> list[dict]:
    """The findings of a `--format jsonl` run."""
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def run_qa_lint(command: list[str], select: str, target: str | Path = ".", *options: str,
                cwd: Path | None = None, exit_zero: bool = False) -> list[dict]:
    """Findings of `qa-lint check --format jsonl --select SELECT [OPTIONS] [--exit-zero] TARGET`.

    Exit status 2 (or, with --exit-zero, anything but 0) stops the benchmark with EXIT_ERROR.
    Runs without the result cache: measurements must not depend on an earlier run,
    and the corpus folder is not ours to write a cache into.
    """
    full = [*command, "check", "--no-cache", "--format", "jsonl", "--select", select, *options]
    if exit_zero:
        full.append("--exit-zero")
    _, done = run_timed([*full, str(target)], cwd)
    check_exit(done, "qa-lint", (0,) if exit_zero else (0, 1))
    return parse_jsonl(done.stdout)


# -- reporting --------------------------------------------------------------------------

def ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def fmt(value: float | None) -> str:
    """A ratio to three decimals, "-" when there is none."""
    return "-" if value is None else f"{value:.3f}"


def count_by_rule(findings: Iterable[dict]) -> str:
    """Findings per rule code, sorted by code: "B001 2, B004 1"."""
    return ", ".join(f"{code} {n}" for code, n in sorted(Counter(f["code"] for f in findings).items()))


def print_language_table(lines: Mapping[str, int], per_lang: Mapping[str, int],
                         files: Mapping[str, int] | None = None) -> dict[str, float]:
    """Per language: (files,) lines, findings and findings per 1,000 lines, then a total row.

    Rows are the languages of `lines`, `files` and `per_lang` (findings per language), sorted.
    Returns each row's findings per 1,000 lines.
    """
    header = f"{'language':<9}" + (f" {'files':>6}" if files is not None else "") + \
        f" {'lines':>7} {'findings':>9} {'per 1k lines':>13}"
    print(header)
    print("-" * len(header))
    rates: dict[str, float] = {}
    for lang in sorted(set(lines) | set(files or ()) | set(per_lang)):
        n_lines, n = lines.get(lang, 0), per_lang.get(lang, 0)
        rates[lang] = 1000 * n / n_lines if n_lines else 0.0
        shown_files = f" {files.get(lang, 0):>6}" if files is not None else ""
        print(f"{lang:<9}{shown_files} {n_lines:>7} {n:>9} {rates[lang]:>13.2f}")
    print("-" * len(header))
    all_lines, total = sum(lines.values()), sum(per_lang.values())
    shown_files = f" {sum(files.values()):>6}" if files is not None else ""
    print(f"{'total':<9}{shown_files} {all_lines:>7} {total:>9} {1000 * total / max(all_lines, 1):>13.2f}")
    return rates
