"""Pins `qa-lint check examples/ --format json`: any change to what the examples report is deliberate.

To accept a change on purpose: QA_LINT_UPDATE_SNAPSHOTS=1 pytest tests/cli/test_snapshot.py
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from conftest import run_cli

SNAPSHOT = Path(__file__).with_name("snapshots") / "examples.json"


def test_examples_snapshot():
    result = run_cli("check", "examples/", "--format", "json")
    assert result.code == 1, result.stderr
    if os.environ.get("QA_LINT_UPDATE_SNAPSHOTS"):
        SNAPSHOT.write_text(result.stdout, encoding="utf-8")
    assert json.loads(result.stdout) == json.loads(SNAPSHOT.read_text(encoding="utf-8"))
