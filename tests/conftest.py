"""Shared helpers: run the CLI as a user does (a subprocess), and paths to project material."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"


@dataclass
class Result:
    code: int
    stdout: str
    stderr: str

    def json(self):
        return json.loads(self.stdout)


def run_cli(*args: str, cwd: Path | str = ROOT, env: dict | None = None, stdin: str | None = None) -> Result:
    """`python -m qa_lint ARGS` in `cwd`, as a user would run it."""
    environment = {**os.environ, "NO_COLOR": "1", **(env or {})}
    if "COLUMNS" not in (env or {}):
        environment.pop("COLUMNS", None)  # the `full` format fits a terminal's width: tests have none
    process = subprocess.run(
        [sys.executable, "-m", "qa_lint", *args],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        encoding="utf-8",
        input=stdin,
        timeout=120,
    )
    return Result(process.returncode, process.stdout, process.stderr)


# Workers even for a small folder: the pool is what default `--jobs` uses on a big one.
POOLED = {"QA_LINT_PARALLEL_MIN_BYTES": "0"}


def run_cli_pooled_and_alone(command: str, *args: str, cwd: Path | str = ROOT, env: dict | None = None) -> Result:
    """`run_cli` with default `--jobs` (worker processes forced) and with `--jobs 1`: the same bytes, or a failure."""
    pooled = run_cli(command, *args, cwd=cwd, env={**(env or {}), **POOLED})
    alone = run_cli(command, "--jobs", "1", *args, cwd=cwd, env=env)
    assert (pooled.code, pooled.stdout, pooled.stderr) == (alone.code, alone.stdout, alone.stderr)
    return pooled


@pytest.fixture
def cli():
    return run_cli


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_bytes(content.encode("utf-8"))
    return path
