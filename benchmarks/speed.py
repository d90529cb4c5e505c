"""How fast qa-lint checks a folder, per rule family, and how fast it starts.

What it measures
----------------
Every run is ``qa-lint check --format jsonl <folder>`` in a subprocess; its
output is discarded but its findings (lines) are counted. For each run the
table shows the wall-clock seconds, the CPU seconds of the process and its
workers, MB/s and files/s (wall clock, startup included; 1 MB = 1,000,000
bytes of file content) and the peak memory of the largest process (its
``ru_maxrss`` as ``os.wait4`` reports it, which counts reaped workers too).

* **Corpus, all default rules**, then each family alone (``--select
  boilerplate``, ``script``, ``caption``, ``typography``, ``names``,
  ``file``, and any other category ``qa-lint rules`` lists).
* **Scale copy**: the corpus copied N times into a temporary folder
  (``copy1/<lang>/<file>`` ... ``copyN/<lang>/<file>``, 9 copies of NTREX
  make about 54 MB), all default rules.
* **Start-up**: the median of 20 runs of ``qa-lint check <one corpus file>``
  (default rules, after one untimed warm-up run), cold (``--no-cache``: the
  file is new or changed, as under pre-commit) and cached. Runs are made with
  bytecode writing allowed, as pip-installed packages have it.
* When ``qa-lint check --help`` offers them: ``--jobs 1`` next to the default
  (parallel) runs, ``--no-cache`` on every timed run so that all of them
  check the text cold, and a cached re-run of the scale copy (run once to
  fill the cache, then timed).

Goals (2-core machine; the script exits with 1 when one is missed, after
printing everything):

* the scale copy with the default settings: at least 15 MB/s;
* the rules themselves, one process (``--jobs 1`` when it exists): at least
  7.5 MB/s on the scale copy, the per-core share of the goal above;
* the cached re-run of the scale copy: at least 100 MB/s;
* start-up (cold) under 150 ms;
* peak memory under 400 MB on the corpus (all default rules).

How to run it (from the repository root)
----------------------------------------
    python benchmarks/speed.py
    python benchmarks/speed.py --corpus /path/to/ntrex --copies 9 --runs 20
    python benchmarks/speed.py --no-scale       # skip the ~54 MB copy

It calls the installed ``qa-lint`` command (the one next to the running
Python, else the one on PATH, else ``python -m qa_lint``); ``--qa-lint``
names another. Standard library only. The corpus is read and copied at run
time into a temporary folder that is deleted afterwards; nothing of it is
copied into the repository. Timings depend on the machine and its load: run
it on an otherwise idle machine and compare the CPU column when in doubt.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from harness import DEFAULT_CORPUS, qa_lint_command

EXIT_OK, EXIT_MISSED, EXIT_ERROR = 0, 1, 2
FAMILIES = ("boilerplate", "script", "caption", "typography", "names", "file")

GOAL_FOLDER_MBPS = 15.0
GOAL_ONE_PROCESS_MBPS = 7.5
GOAL_STARTUP_S = 0.150
GOAL_PEAK_MB = 400.0
GOAL_CACHED_MBPS = 100.0


@dataclass
class Run:
    label: str
    wall: float  # seconds
    cpu: float  # user + system seconds of the process and the workers it waited for
    peak_mb: float  # ru_maxrss of the largest process, in MB
    findings: int
    megabytes: float
    files: int

    @property
    def mbps(self) -> float:
        return self.megabytes / self.wall if self.wall else float("inf")

    @property
    def files_per_s(self) -> float:
        return self.files / self.wall if self.wall else float("inf")


# Installed packages run from bytecode (pip compiles it); a shell that forbids writing it
# (PYTHONDONTWRITEBYTECODE) would make every run recompile qa-lint's sources, some 40 ms.
_ENV = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}


def run_once(command: list[str], cwd: Path | None = None) -> tuple[float, float, float, int, str]:
    """Run `command`: wall s, CPU s, peak MB, output lines, stderr. Exits on qa-lint errors (status 2+)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=cwd, env=_ENV)
    lines = 0
    assert process.stdout is not None and process.stderr is not None
    for _ in process.stdout:  # discarded, but counted: one finding per line in jsonl
        lines += 1
    stderr = process.stderr.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 1):  # 0 clean, 1 findings, 2 usage/input errors
        sys.stderr.write(f"`{' '.join(command)}` failed with exit status {process.returncode}:\n{stderr}\n")
        raise SystemExit(EXIT_ERROR)
    # Linux reports ru_maxrss in KiB (macOS in bytes).
    peak = usage.ru_maxrss / (1e6 if sys.platform == "darwin" else 1e3)
    return wall, usage.ru_utime + usage.ru_stime, peak, lines, stderr


def folder_size(folder: Path) -> tuple[float, int]:
    """MB and number of the files qa-lint checks in `folder` (*.txt and *.md)."""
    files = [p for pattern in ("*.txt", "*.md") for p in folder.rglob(pattern) if p.is_file()]
    return sum(p.stat().st_size for p in files) / 1e6, len(files)


def check_options(command: list[str]) -> set[str]:
    """Which of --jobs and --no-cache this qa-lint's `check` accepts."""
    done = subprocess.run([*command, "check", "--help"], capture_output=True, text=True, check=False,
                          env={**os.environ, "COLUMNS": "200"})
    return {option for option in ("--jobs", "--no-cache") if option in done.stdout}


def categories(command: list[str]) -> list[str]:
    """The rule families to time one by one: the known ones, plus any other `qa-lint rules` lists."""
    done = subprocess.run([*command, "rules"], capture_output=True, text=True, check=False)
    found = []
    for line in done.stdout.splitlines()[1:]:
        parts = line.split()
        # code, name, category, ...: a long name may shift nothing, as names have no spaces
        if len(parts) >= 3 and parts[2].isalpha() and parts[2].islower():
            found.append(parts[2])
    return [*FAMILIES, *sorted(set(found) - set(FAMILIES))]


def timed(label: str, command: list[str], folder: Path, extra: list[str], size: tuple[float, int],
          cwd: Path | None = None) -> Run:
    wall, cpu, peak, lines, _ = run_once([*command, "check", "--format", "jsonl", *extra, str(folder)], cwd)
    return Run(label, wall, cpu, peak, lines, *size)


def make_scale_copy(corpus: Path, copies: int, into: Path) -> Path:
    """The corpus `copies` times, as copy1/<lang>/<file> ... keeping the layout article groups need."""
    target = into / "scale"
    for number in range(1, copies + 1):
        shutil.copytree(corpus, target / f"copy{number}")
    return target


def print_table(runs: list[Run]) -> None:
    header = (f"{'run':<34} {'MB':>7} {'files':>6} {'wall s':>8} {'CPU s':>8} {'MB/s':>7} "
              f"{'files/s':>8} {'peak MB':>8} {'findings':>9}")
    print(header)
    print("-" * len(header))
    for run in runs:
        print(f"{run.label:<34} {run.megabytes:>7.2f} {run.files:>6} {run.wall:>8.2f} {run.cpu:>8.2f} "
              f"{run.mbps:>7.2f} {run.files_per_s:>8.0f} {run.peak_mb:>8.0f} {run.findings:>9}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS,
                        help=f"the ntrex folder (default: {DEFAULT_CORPUS})")
    parser.add_argument("--qa-lint", dest="qa_lint", help="the qa-lint executable to run")
    parser.add_argument("--copies", type=int, default=9, help="corpus copies in the scale folder (default: 9)")
    parser.add_argument("--no-scale", action="store_true", help="skip the scale copy")
    parser.add_argument("--runs", type=int, default=20, help="timed one-file runs for the start-up median (default: 20)")
    args = parser.parse_args(argv)

    corpus = args.corpus.resolve()
    if not corpus.is_dir():
        parser.error(f"corpus folder not found: {corpus}")
    command = qa_lint_command(args.qa_lint)
    options = check_options(command)
    cold = ["--no-cache"] if "--no-cache" in options else []
    one_job = ["--jobs", "1"] if "--jobs" in options else []
    size = folder_size(corpus)
    if not size[1]:
        parser.error(f"no *.txt or *.md files under {corpus}")

    print(f"qa-lint: {' '.join(command)}")
    print(f"corpus:  {corpus} ({size[0]:.2f} MB, {size[1]} files)")
    print(f"check options found: {', '.join(sorted(options)) or 'neither --jobs nor --no-cache'}")
    print()

    runs: list[Run] = []
    corpus_default = timed("corpus, default rules", command, corpus, cold, size)
    runs.append(corpus_default)
    if one_job:
        runs.append(timed("corpus, default rules, --jobs 1", command, corpus, [*cold, *one_job], size))
    for family in categories(command):
        runs.append(timed(f"corpus, --select {family}", command, corpus, [*cold, *one_job, "--select", family],
                          size))

    scale_default = scale_one = cached = None
    if not args.no_scale:
        with tempfile.TemporaryDirectory(prefix="qa-lint-speed-") as temp:
            scale = make_scale_copy(corpus, args.copies, Path(temp))
            scale_size = folder_size(scale)
            label = f"scale copy ×{args.copies}"
            scale_default = timed(f"{label}, default rules", command, scale, cold, scale_size, cwd=Path(temp))
            runs.append(scale_default)
            if one_job:
                scale_one = timed(f"{label}, --jobs 1", command, scale, [*cold, *one_job], scale_size,
                                  cwd=Path(temp))
                runs.append(scale_one)
            if cold:  # fill the cache, then time a re-run that can use it
                timed("fill the cache", command, scale, [], scale_size, cwd=Path(temp))
                cached = timed(f"{label}, cached re-run", command, scale, [], scale_size, cwd=Path(temp))
                runs.append(cached)
    if scale_one is None:
        scale_one = scale_default

    one_file = min(corpus.rglob("*.txt"))
    # Cold (the file is new or changed, as under pre-commit) and cached (unchanged since the last run).
    startup_runs = {}
    # Without --no-cache both series would run the same command: time it once.
    for label, extra in (("cold", cold), ("cached", [])) if cold else (("cold or cached", []),):
        startup_command = [*command, "check", *extra, str(one_file)]
        run_once(startup_command)  # warm-up: bytecode, disk cache, result cache
        startup_runs[label] = [run_once(startup_command)[0] for _ in range(args.runs)]
    startups = next(iter(startup_runs.values()))
    startup = statistics.median(startups)

    print_table(runs)
    print()
    for label, times in startup_runs.items():
        print(f"start-up, {label}: `qa-lint check {one_file.relative_to(corpus)}` (default rules), median of "
              f"{args.runs}: {statistics.median(times) * 1000:.0f} ms "
              f"(min {min(times) * 1000:.0f}, max {max(times) * 1000:.0f})")
    print()

    goals = [
        (f"start-up (cold) under {GOAL_STARTUP_S * 1000:.0f} ms", f"{startup * 1000:.0f} ms",
         startup < GOAL_STARTUP_S),
        (f"peak memory on the corpus under {GOAL_PEAK_MB:.0f} MB", f"{corpus_default.peak_mb:.0f} MB",
         corpus_default.peak_mb < GOAL_PEAK_MB),
    ]
    if scale_default is not None and scale_one is not None:
        goals.insert(0, (f"scale copy, default settings, at least {GOAL_FOLDER_MBPS:g} MB/s",
                         f"{scale_default.mbps:.2f} MB/s", scale_default.mbps >= GOAL_FOLDER_MBPS))
        goals.insert(1, (f"scale copy, one process, at least {GOAL_ONE_PROCESS_MBPS:g} MB/s",
                         f"{scale_one.mbps:.2f} MB/s", scale_one.mbps >= GOAL_ONE_PROCESS_MBPS))
        if cached is not None:
            goals.insert(2, (f"scale copy, cached re-run, at least {GOAL_CACHED_MBPS:g} MB/s",
                             f"{cached.mbps:.2f} MB/s", cached.mbps >= GOAL_CACHED_MBPS))
    else:
        print("(no scale copy: throughput goals not checked)")
    missed = 0
    for goal, value, met in goals:
        print(f"{'OK  ' if met else 'MISS'} {goal}: {value}")
        missed += not met
    return EXIT_MISSED if missed else EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
