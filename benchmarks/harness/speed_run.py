"""Timing one command for `benchmarks/speed.py`: wall and CPU seconds, peak memory, findings; the table."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


class CommandFailed(Exception):
    """A timed command exited with a status it should not have."""


@dataclass
class Run:
    label: str
    wall: float  # seconds
    cpu: float  # user + system seconds of the process and the workers it waited for
    peak_mb: float  # ru_maxrss of the largest process, in MB
    findings: int | None  # None: not a linter (the floor)
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
ENV = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}


def count_lines(output: bytes) -> int:
    """Findings of a `--format jsonl` run: one a line."""
    return output.count(b"\n")


def run_once(command: list[str], cwd: Path | None = None, accepted: tuple[int, ...] = (0, 1),
             ) -> tuple[float, float, float, bytes]:
    """Run `command`: wall s, CPU s, peak MB and its standard output.

    Another exit status than `accepted` (qa-lint: 0 clean, 1 findings, 2 usage or input
    errors) raises CommandFailed with the command's error output.
    """
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=cwd, env=ENV)
    assert process.stdout is not None and process.stderr is not None
    # Drain stderr beside stdout so that neither pipe fills and blocks the command. Not
    # communicate(): it reaps the child itself, and its resource usage would be lost.
    errors: list[bytes] = []
    drain = threading.Thread(target=lambda: errors.append(process.stderr.read()))
    drain.start()
    output = process.stdout.read()
    drain.join()
    process.stdout.close()
    process.stderr.close()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in accepted:
        raise CommandFailed(f"`{' '.join(command)}` failed with exit status {process.returncode}:\n"
                            f"{b''.join(errors).decode('utf-8', 'replace').strip()}")
    # Linux reports ru_maxrss in KiB (macOS in bytes).
    peak = usage.ru_maxrss / (1e6 if sys.platform == "darwin" else 1e3)
    return wall, usage.ru_utime + usage.ru_stime, peak, output


def timed(label: str, command: list[str], size: tuple[float, int], cwd: Path | None = None,
          findings: Callable[[bytes], int | None] = count_lines, accepted: tuple[int, ...] = (0, 1)) -> Run:
    """One timed run of `command` over a folder of `size` (MB, files), its findings counted by `findings`."""
    wall, cpu, peak, output = run_once(command, cwd, accepted)
    return Run(label, wall, cpu, peak, findings(output), *size)


def folder_size(folder: Path) -> tuple[float, int]:
    """MB and number of the files qa-lint checks in `folder` (*.txt and *.md)."""
    files = [p for pattern in ("*.txt", "*.md") for p in folder.rglob(pattern) if p.is_file()]
    return sum(p.stat().st_size for p in files) / 1e6, len(files)


def make_scale_copy(corpus: Path, copies: int, into: Path) -> Path:
    """The corpus `copies` times, as copy1/<lang>/<file> ... keeping the layout article groups need."""
    target = into / "scale"
    for number in range(1, copies + 1):
        shutil.copytree(corpus, target / f"copy{number}")
    return target


def print_table(runs: list[Run]) -> None:
    width = max([34, *(len(run.label) for run in runs)])
    header = (f"{'run':<{width}} {'MB':>7} {'files':>6} {'wall s':>8} {'CPU s':>8} {'MB/s':>7} "
              f"{'files/s':>8} {'peak MB':>8} {'findings':>9}")
    print(header)
    print("-" * len(header))
    for run in runs:
        findings = "-" if run.findings is None else str(run.findings)
        print(f"{run.label:<{width}} {run.megabytes:>7.2f} {run.files:>6} {run.wall:>8.2f} {run.cpu:>8.2f} "
              f"{run.mbps:>7.2f} {run.files_per_s:>8.0f} {run.peak_mb:>8.0f} {findings:>9}")
