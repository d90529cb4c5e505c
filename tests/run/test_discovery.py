"""Walking folders: what is linted and what is skipped."""

from __future__ import annotations

import subprocess

from conftest import run_cli, write


def linted_paths(tmp_path, *args):
    result = run_cli("check", "--format", "json", *args, cwd=tmp_path)
    return sorted({f["path"] for f in result.json()})


def test_vcs_virtualenvs_and_gitignored_paths_are_skipped(tmp_path):
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    write(tmp_path / ".gitignore", "build/\n*.bak.txt\n")
    write(tmp_path / "fr" / ".gitignore", "local.txt\n")
    for name in (
        "fr/a.txt", "fr/local.txt", "fr/old.bak.txt", "build/fr/a.txt", ".git/x.txt",
        "env/pyvenv.cfg", "env/lib/a.txt", ".venv/a.txt", "node_modules/a.md", "notes.rst",
    ):
        write(tmp_path / name, "Comment (0)\n")
    assert linted_paths(tmp_path, ".") == ["fr/a.txt"]


def test_gitignore_can_be_disregarded(tmp_path):
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    write(tmp_path / ".gitignore", "build/\n")
    write(tmp_path / "qa-lint.toml", "respect-gitignore = false\n")
    write(tmp_path / "build" / "a.txt", "Comment (0)\n")
    assert linted_paths(tmp_path, ".") == ["build/a.txt"]


def test_explicit_paths_are_linted_even_when_ignored(tmp_path):
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    write(tmp_path / ".gitignore", "*.txt\n")
    write(tmp_path / "a.txt", "Comment (0)\n")
    assert linted_paths(tmp_path, "a.txt") == ["a.txt"]


def test_paths_are_shown_as_given_relative_where_possible(tmp_path):
    write(tmp_path / "fr" / "a.txt", "Comment (0)\n")
    assert linted_paths(tmp_path, str(tmp_path / "fr")) == ["fr/a.txt"]
    outside = run_cli("check", "--format", "json", "--select", "B001", str(tmp_path / "fr"), cwd="/")
    assert [f["path"] for f in outside.json()] == [(tmp_path / "fr" / "a.txt").relative_to("/").as_posix()]


def test_a_file_named_twice_is_linted_once(tmp_path):
    write(tmp_path / "fr" / "a.txt", "Comment (0)\n")
    result = run_cli("check", "--format", "json", "--select", "B001", "fr", "fr/a.txt", cwd=tmp_path)
    assert len(result.json()) == 1


def test_symlink_loops_do_not_hang(tmp_path):
    write(tmp_path / "fr" / "a.txt", "Comment (0)\n")
    (tmp_path / "fr" / "loop").symlink_to(tmp_path, target_is_directory=True)
    assert linted_paths(tmp_path, ".") == ["fr/a.txt"]
