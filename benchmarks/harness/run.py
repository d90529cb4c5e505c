"""Running qa-lint: timed, its exit status checked, its JSON lines parsed."""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

EXIT_ERROR = 2  # the benchmarks' exit status when qa-lint itself fails


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
