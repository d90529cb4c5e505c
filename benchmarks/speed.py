"""How fast qa-lint checks a folder and one file, beside the floor of reading it and beside textlint.

What each row of the table means
--------------------------------
Every row is one command run in a subprocess, timed from outside: wall-clock seconds, the CPU
seconds (user + system) of the process and of the workers it waited for, MB/s and files/s
(wall clock, start-up included; 1 MB = 1,000,000 bytes of file content), the peak memory of
the largest process (``ru_maxrss`` as ``os.wait4`` reports it, reaped workers included) and
the findings reported. Each row is made on the corpus (NTREX) and on the scale copy (the
corpus copied N times, ``copy1/<lang>/<file>`` ..., 9 copies make about 54 MB):

* ``floor, read + decode``: one Python process that walks the folder and reads and decodes
  every file qa-lint would check, nothing else (``harness/speed_floor.py``); ``--jobs N``:
  the same in a pool of N workers, the parallel floor. No linter can be faster.
* ``qa-lint, default rules``: ``qa-lint check --format jsonl --no-cache`` with the default
  settings (worker processes: the CPU count); ``--jobs 1``: one process; ``cached re-run``:
  the same folder again with the result cache filled by an untimed run before (started once
  every file is older than qa-lint's 2 s racy window, so that it stores a run manifest).
* ``qa-lint --executor dask``: when ``qa-lint check --help`` offers ``--executor``, the
  default run on Dask (a local cluster, default jobs).
* ``textlint, one trivial rule``: a pinned textlint installed by npm into a temporary folder
  at run time, with one local rule that does next to nothing (``harness/speed_textlint.py``).
  Without npm or the network one line says so and the rest goes on.
* ``qa-lint --select FAMILY``: each category ``qa-lint rules`` lists, alone, ``--jobs 1``;
  ``no rule``: start-up, discovery, reading and the engine without any rule
  (``--select B001 --ignore B001``). Below the table, each family's CPU beyond that
  engine row as a share of what all default rules add to it (``--jobs 1``).
* ``one file, cold``: ``qa-lint check <file>`` on a French and an Arabic article (default
  rules, ``--no-cache``, as under pre-commit), median of ``--runs`` runs after a warm-up;
  ``cached``: the same with its result cached. Wall and CPU are medians, peak the largest.

Goals (2-core machine): a folder (the scale copy, else the corpus) at least 15 MB/s with the
default settings and 7.5 MB/s with ``--jobs 1``, its cached re-run at least 100 MB/s, one file
cold at most 150 ms (each language's median), peak memory at most 400 MB (every qa-lint run
but Dask's). Each is printed met or missed; the exit status is 1 when one is missed, after
printing everything (2 when a qa-lint run fails).

How to run it (from the repository root; the full run takes several minutes)
------------------------------------------------------------------------
    python benchmarks/speed.py
    python benchmarks/speed.py --no-scale --runs 5                  # the corpus alone
    python benchmarks/speed.py --only startup,families --no-textlint
    python benchmarks/speed.py --copies 3 --qa-lint /path/to/qa-lint

Parts for ``--only``: floor, rules, cached, dask, textlint, families, startup. It runs the
installed ``qa-lint`` (beside the running Python, else on PATH, else ``python -m qa_lint``).
Standard library only. The scale copy and the caches live in a temporary folder deleted
afterwards; nothing of the corpus is copied into the repository. Timings depend on the
machine and its load: run it on an otherwise idle machine, and compare CPU when in doubt.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from harness import benchmark_parser, parse_args
from harness.speed_floor import floor_command
from harness.speed_goals import goals, print_shares
from harness.speed_run import ENV, CommandFailed, Run, folder_size, make_scale_copy, print_table, timed
from harness.speed_textlint import count_messages, install_textlint

EXIT_OK, EXIT_MISSED, EXIT_ERROR = 0, 1, 2
PARTS = ("floor", "rules", "cached", "dask", "textlint", "families", "startup")
FAMILIES = ("boilerplate", "script", "caption", "typography", "names", "language", "numbers", "file")
ONE_FILE_LANGUAGES = ("fra", "arb")  # a Latin-script and an Arabic-script article


def help_text(command: list[str], *args: str) -> str:
    return subprocess.run([*command, *args, "--help"], capture_output=True, text=True, check=False,
                          env={**ENV, "COLUMNS": "200"}).stdout


def categories(command: list[str]) -> list[str]:
    """The families to time one by one: the known ones qa-lint has, then any other `qa-lint rules` lists."""
    done = subprocess.run([*command, "rules", "--format", "json"], capture_output=True, text=True, check=False)
    try:
        found = {rule["category"] for rule in json.loads(done.stdout)}
    except (ValueError, TypeError, KeyError):  # a qa-lint without `rules --format json`
        return list(FAMILIES)
    return [*(family for family in FAMILIES if family in found), *sorted(found - set(FAMILIES))]


class Bench:
    """The runs made so far, in table order, and by key ("<where>/<what>") for the verdicts."""

    def __init__(self, command: list[str]) -> None:
        self.command = command
        self.rows: list[Run] = []
        self.by_key: dict[str, Run] = {}
        self.qa_lint_runs: list[Run] = []  # whose peak memory the goal judges

    def add(self, key: str, run: Run, counts_for_peak: bool = False) -> Run:
        # Progress on stderr: a full run takes minutes, and the table comes only at the end.
        print(f"  {run.label}: {run.wall:.2f} s wall, {run.cpu:.2f} s CPU", file=sys.stderr, flush=True)
        self.rows.append(run)
        self.by_key[key] = run
        if counts_for_peak:
            self.qa_lint_runs.append(run)
        return run

    def check(self, key: str, label: str, folder: Path, size: tuple[float, int], *options: str,
              cwd: Path | None = None, counts_for_peak: bool = True) -> Run:
        command = [*self.command, "check", "--format", "jsonl", *options, str(folder)]
        return self.add(key, timed(label, command, size, cwd), counts_for_peak)


def settle(folder: Path, window: float = 2.5) -> None:
    """Wait until every file under `folder` is older than qa-lint's racy window (2 s): a run that sees a
    younger one stores no run manifest, and the cached re-run of a just-made scale copy would not be one."""
    newest = max((max(p.stat().st_mtime, p.stat().st_ctime) for p in folder.rglob("*") if p.is_file()), default=0)
    time.sleep(max(0.0, newest + window - time.time()))


def measure_folder(bench: Bench, where: str, name: str, folder: Path, temp: Path, parts: set[str],
                   textlint: list[str] | None, families: list[str], dask: bool) -> None:
    """Every row of the table for one folder, `where` being "corpus" or "scale" (its key), `name` its label."""
    size = folder_size(folder)
    jobs = os.cpu_count() or 1
    if "floor" in parts:
        bench.add(f"{where}/floor", timed(f"{name}, floor: read + decode", floor_command(folder), size,
                                          findings=lambda _: None))
        if jobs > 1:
            bench.add(f"{where}/floor-pool", timed(f"{name}, floor: read + decode, --jobs {jobs}",
                                                   floor_command(folder, jobs), size, findings=lambda _: None))
    if "rules" in parts:
        bench.check(f"{where}/default", f"{name}, qa-lint default rules", folder, size, "--no-cache")
    if parts & {"rules", "families"}:  # families' shares are of this run's CPU
        bench.check(f"{where}/jobs1", f"{name}, qa-lint default rules, --jobs 1", folder, size, "--no-cache",
                    "--jobs", "1")
    if "cached" in parts:
        cache = ["--cache-dir", str(temp / f"cache-{where}")]
        settle(folder)
        timed("fill the cache", [*bench.command, "check", "--format", "jsonl", *cache, str(folder)], size)
        bench.check(f"{where}/cached", f"{name}, qa-lint cached re-run", folder, size, *cache)
    if "dask" in parts and dask:
        try:
            bench.check(f"{where}/dask", f"{name}, qa-lint --executor dask", folder, size, "--no-cache",
                        "--executor", "dask", counts_for_peak=False)
        except CommandFailed as failed:
            print(f"qa-lint --executor dask failed, no Dask row: {str(failed).splitlines()[-1]}")
    if "textlint" in parts and textlint:
        # textlint's exit status is 1 when its rule reports something, 2 on a crash
        bench.add(f"{where}/textlint", timed(f"{name}, textlint one trivial rule", [*textlint, str(folder)], size,
                                             findings=count_messages))
    if "families" in parts:
        for family in families:
            bench.check(f"{where}/family/{family}", f"{name}, qa-lint --select {family}", folder, size,
                        "--no-cache", "--jobs", "1", "--select", family)
        bench.check(f"{where}/engine", f"{name}, qa-lint no rule (engine)", folder, size, "--no-cache", "--jobs",
                    "1", "--select", "B001", "--ignore", "B001")


def one_file_runs(bench: Bench, corpus: Path, runs: int, notes: list[str]) -> dict[str, Run]:
    """Median runs of `qa-lint check <file>`, cold and cached, per language; the cold ones returned.

    Each series' fastest and slowest run go to `notes`."""
    cold: dict[str, Run] = {}
    for language in ONE_FILE_LANGUAGES:
        files = sorted((corpus / language).glob("*.txt"))
        if not files:
            notes.append(f"no *.txt in {corpus / language}: no one-file rows for it")
            continue
        one = files[0]
        size = (one.stat().st_size / 1e6, 1)
        with tempfile.TemporaryDirectory(prefix="qa-lint-one-file-") as cache_dir:
            for label, options in (("cold", ["--no-cache"]), ("cached", ["--cache-dir", cache_dir])):
                command = [*bench.command, "check", *options, str(one)]
                timed("warm-up", command, size)  # bytecode, disk cache, and the result cache when cached
                series = [timed(label, command, size) for _ in range(runs)]
                run = Run(f"one file {language}/{one.name}, {label}, median of {runs}",
                          statistics.median(r.wall for r in series), statistics.median(r.cpu for r in series),
                          max(r.peak_mb for r in series), series[0].findings, *size)
                bench.add(f"one-file/{label}/{language}", run, counts_for_peak=True)
                if label == "cold":
                    cold[language] = run
                notes.append(f"{run.label}: fastest {min(r.wall for r in series) * 1000:.0f} ms, "
                             f"slowest {max(r.wall for r in series) * 1000:.0f} ms")
    return cold


def main(argv: list[str] | None = None) -> int:
    parser = benchmark_parser(__doc__)
    parser.add_argument("--copies", type=int, default=9, help="corpus copies in the scale folder (default: 9)")
    parser.add_argument("--no-scale", action="store_true", help="skip the scale copy")
    parser.add_argument("--runs", type=int, default=20, help="timed runs for each one-file median (default: 20)")
    parser.add_argument("--only", help=f"comma-separated parts to run: {', '.join(PARTS)} (default: all)")
    parser.add_argument("--no-textlint", action="store_true", help="leave textlint out")
    args, corpus, command = parse_args(parser, argv)
    parts = set(PARTS) if not args.only else {part.strip() for part in args.only.split(",") if part.strip()}
    if unknown := parts - set(PARTS):
        parser.error(f"unknown part(s) for --only: {', '.join(sorted(unknown))} (known: {', '.join(PARTS)})")
    if args.no_textlint:
        parts.discard("textlint")
    if args.runs < 1 or args.copies < 1:
        parser.error("--runs and --copies must be at least 1")
    corpus_size = folder_size(corpus)
    if not corpus_size[1]:
        parser.error(f"no *.txt or *.md files under {corpus}")

    print(f"qa-lint: {' '.join(command)}")
    print(f"corpus:  {corpus} ({corpus_size[0]:.2f} MB, {corpus_size[1]} files); "
          f"{os.cpu_count()} CPUs; parts: {', '.join(p for p in PARTS if p in parts)}")
    if os.environ.get("PYTHONUNBUFFERED"):  # as in many CI jobs: every write of the output goes out alone
        print("PYTHONUNBUFFERED is set: qa-lint runs with unbuffered output, as it would under such a CI")
    dask = "--executor" in help_text(command, "check")
    if "dask" in parts and not dask:
        print("qa-lint check has no --executor: no Dask row")
    families = categories(command) if "families" in parts else []
    bench = Bench(command)
    try:
        with tempfile.TemporaryDirectory(prefix="qa-lint-speed-") as temp_name:
            temp = Path(temp_name)
            textlint = None
            if "textlint" in parts:
                textlint, said = install_textlint(temp)
                print(f"textlint: {said}" if textlint else f"textlint: no row ({said})")
            print()
            measure_folder(bench, "corpus", "corpus", corpus, temp, parts, textlint, families, dask)
            if not args.no_scale and parts - {"startup"}:
                scale = make_scale_copy(corpus, args.copies, temp)
                measure_folder(bench, "scale", f"scale copy ×{args.copies}", scale, temp, parts, textlint, families,
                               dask)
            notes: list[str] = []
            cold = one_file_runs(bench, corpus, args.runs, notes) if "startup" in parts else {}
    except CommandFailed as failed:
        sys.stderr.write(f"{failed}\n")
        return EXIT_ERROR

    print()
    print_table(bench.rows)
    for note in notes:
        print(note)
    where = "corpus" if args.no_scale else "scale"
    reference, engine = bench.by_key.get(f"{where}/jobs1"), bench.by_key.get(f"{where}/engine")
    measured = {f: run for f in families if (run := bench.by_key.get(f"{where}/family/{f}"))}
    if reference and engine and measured:
        print()
        print_shares(reference, engine, measured)
    default, one = bench.by_key.get(f"{where}/default"), bench.by_key.get(f"{where}/jobs1")
    if default and one and one.cpu:
        print(f"The worker pool costs {100 * (default.cpu / one.cpu - 1):+.0f}% CPU over one process "
              f"({default.cpu:.2f} s against {one.cpu:.2f} s).")
    floor = bench.by_key.get(f"{where}/floor")
    if floor and one and floor.cpu:
        print(f"One process: qa-lint {one.mbps:.2f} MB/s against the read + decode floor {floor.mbps:.2f} MB/s "
              f"({one.cpu / floor.cpu:.0f}× its CPU).")
    print()
    verdicts = goals(bench.by_key, where, cold, bench.qa_lint_runs)
    for verdict in verdicts:
        print(verdict.line())
    return EXIT_MISSED if any(verdict.met is False for verdict in verdicts) else EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
