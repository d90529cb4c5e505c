"""Every rule has a fixture, run through the CLI as a user runs it, its findings pinned.

A fixture is a small project: `tests/rules/<family>/fixtures/<CODE>/` holds the
files (an article group's language folders for group and run-scope rules), its
own `qa-lint.toml` (so no settings from above apply) and `expected.json`, the
findings of `qa-lint check --select CODE --format json` run inside it. Each
fixture makes its rule fire and has lines where the rule must stay quiet.

To accept a change on purpose: QA_LINT_UPDATE_SNAPSHOTS=1 pytest tests/rules/test_rule_fixtures.py
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from qa_lint.registry import Registry

from conftest import run_cli

RULES = Path(__file__).resolve().parent
CODES = {rule.code: rule.category.value for rule in Registry(load_entry_points=False).sorted_rules()}


def fixture_folder(code: str) -> Path:
    return RULES / CODES[code] / "fixtures" / code


def input_lines(folder: Path) -> dict[str, int]:
    """Each linted file of the fixture (path as the CLI prints it) and its number of lines."""
    lines = {}
    for path in sorted(folder.rglob("*")):
        if path.suffix in (".txt", ".md") and (path.is_file() or path.is_symlink()):
            data = path.read_bytes() if path.exists() else b""
            lines[path.relative_to(folder).as_posix()] = len(data.splitlines())
    return lines


@pytest.mark.parametrize("code", sorted(CODES))
def test_rule_fixture(code):
    folder = fixture_folder(code)
    assert (folder / "qa-lint.toml").is_file(), f"{code} has no fixture: add {folder.relative_to(RULES.parent.parent)}/"
    result = run_cli("check", "--select", code, "--format", "json", "--no-cache", "--exit-zero", ".", cwd=folder)
    # A file the run could not lint fails it (exit 2) even with --exit-zero.
    assert result.code == (2 if CODES[code] == "file" and code != "F006" else 0), result.stderr
    findings = result.json()
    assert findings, f"{code} does not fire on its fixture"
    assert {f["code"] for f in findings} == {code}
    covered = {(f["path"], line) for f in findings for line in range(f["line"], f["end_line"] + 1)}
    quiet = [(path, line) for path, count in input_lines(folder).items() for line in range(1, count + 1)
             if (path, line) not in covered]
    assert quiet or any(path not in {f["path"] for f in findings} for path in input_lines(folder)), (
        f"{code}'s fixture has no line where the rule must stay quiet")
    expected = folder / "expected.json"
    if os.environ.get("QA_LINT_UPDATE_SNAPSHOTS"):
        expected.write_text(result.stdout, encoding="utf-8")
    assert findings == json.loads(expected.read_text(encoding="utf-8")), (
        f"{code}'s findings changed; if on purpose, regenerate with QA_LINT_UPDATE_SNAPSHOTS=1")


def test_every_fixture_belongs_to_a_rule_of_its_family():
    """A fixture left behind by a renamed or moved rule would pin nothing."""
    folders = sorted(RULES.glob("*/fixtures/*"))
    assert folders
    stray = [f.relative_to(RULES).as_posix() for f in folders if CODES.get(f.name) != f.parent.parent.name]
    assert not stray, f"fixtures of no rule in that family: {stray}"
