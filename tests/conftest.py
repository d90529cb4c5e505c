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
