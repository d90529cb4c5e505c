"""Start-up stays light: heavy modules load only when a run needs them (times are measured in benchmarks/)."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import ROOT, run_cli, write


def imported_modules(*args, cwd=ROOT, env=None):
    process = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "qa_lint", *args],
        cwd=cwd, capture_output=True, text=True, encoding="utf-8", env={**os.environ, **(env or {})},
    )
    return {line.split("|")[-1].strip() for line in process.stderr.splitlines() if line.startswith("import time:")}


def test_lingua_is_not_imported_when_paths_name_the_language():
    modules = imported_modules("check", "--no-cache", "examples/")
    assert "qa_lint.run.linter" in modules  # the measurement itself works
    assert not any(m.startswith("lingua") for m in modules)


def test_lingua_is_imported_to_detect_an_unnamed_language(tmp_path):
    write(tmp_path / "story.txt", "Le conseil municipal a ouvert une nouvelle ligne de bac lundi.\n")
    modules = imported_modules("check", "story.txt", "--format", "json", cwd=tmp_path)
    assert any(m.startswith("lingua") for m in modules)


def test_pathspec_is_only_imported_when_a_gitignore_exists(tmp_path):
    write(tmp_path / "fr" / "a.txt", "Bonjour.\n")
    assert not any(m.startswith("pathspec") for m in imported_modules("check", ".", cwd=tmp_path))
    write(tmp_path / ".gitignore", "build/\n")
    assert any(m.startswith("pathspec") for m in imported_modules("check", ".", cwd=tmp_path))


def test_ftfy_is_only_imported_for_text_that_may_hold_mojibake(tmp_path):
    write(tmp_path / "fr" / "a.txt", "L’été à Paris\u00a0: « déjà » – côté Élysée.\n")
    write(tmp_path / "ru" / "a.txt", "Всё её «ёлки» — и «да».\n")
    assert not any(m.startswith("ftfy") for m in imported_modules("check", "--no-cache", ".", cwd=tmp_path))
    write(tmp_path / "fr" / "b.txt", "Le ministre a dÃ©clarÃ©.\n")
    assert any(m.startswith("ftfy") for m in imported_modules("check", "--no-cache", ".", cwd=tmp_path))


def test_entry_points_are_queried_only_when_a_distribution_declares_the_group(tmp_path):
    write(tmp_path / "fr" / "a.txt", "Bonjour.\n")
    assert "importlib.metadata" not in imported_modules("check", "--no-cache", ".", cwd=tmp_path)
    site = tmp_path / "site"
    write(site / "other-1.0.dist-info" / "entry_points.txt", "[console_scripts]\nother = other:main\n")
    pythonpath = {"PYTHONPATH": str(site)}
    assert "importlib.metadata" not in imported_modules("check", "--no-cache", ".", cwd=tmp_path, env=pythonpath)
    write(site / "plugged-1.0.dist-info" / "entry_points.txt", "[qa_lint]\nplugged = plugged_module\n")
    process = run_cli("check", "--no-cache", ".", cwd=tmp_path, env=pythonpath)
    assert process.code == 2 and "plugin 'plugged' (plugged_module) failed to load" in process.stderr
