"""Hostile folder trees: every strange entry is skipped or reported precisely, the rest is linted, exit 2.

Symbolic-link loops, links to devices, FIFOs, names that are not UTF-8,
unreadable folders and files that vanish during the run. Single bad files
named on the command line are covered by `test_bad_input.py`; here they sit
inside a folder being walked, next to files that must still be linted.
Every run is made twice, with worker processes (default `--jobs`, the pool
forced even for these small trees) and with `--jobs 1`: the same bytes.
"""

from __future__ import annotations

import json
import os
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import POOLED, run_cli, run_cli_pooled_and_alone, write
from qa_lint import discovery
from qa_lint.run import linter as run_linter, plan
from qa_lint.config import SettingsResolver
from qa_lint.run.linter import Linter
from qa_lint.registry import Registry

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX file types and names")


def hostile_tree(root: Path) -> None:
    """A French folder with one good file and every kind of trap next to it."""
    write(root / "fr" / "good.txt", "Bonjour.\nComment (0)\n")
    (root / "fr" / "loop-a.txt").symlink_to("loop-b.txt")
    (root / "fr" / "loop-b.txt").symlink_to("loop-a.txt")
    (root / "fr" / "self.txt").symlink_to("self.txt")
    (root / "fr" / "sub").mkdir()
    (root / "fr" / "sub" / "up").symlink_to("..", target_is_directory=True)  # a folder loop: not followed
    (root / "fr" / "device.txt").symlink_to("/dev/null")
    (root / "fr" / "folder.txt").mkdir()  # a folder named like an article: walked into, not read
    os.mkfifo(root / "fr" / "pipe.txt")
    # A name that is not UTF-8 (Latin-1 "café"): linted, and shown with the byte escaped.
    write(Path(os.fsdecode(bytes(root / "fr") + b"/caf\xe9.txt")), "Comment (0)\n")


@posix_only
def test_hostile_tree_is_linted_around_its_traps(tmp_path):
    hostile_tree(tmp_path)
    result = run_cli_pooled_and_alone("check", "--format", "concise", "--select", "B001,F", ".", cwd=tmp_path)
    assert result.code == 2, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stdout.splitlines()
    assert lines[-2:] == ["Found 7 findings in 7 files.", "[*] 2 fixable with --fix."]
    assert lines[:-2] == [
        "fr/caf\\udce9.txt:1:1: B001 [warning] [*] Comment counter left over from the web page: “Comment (0)”; delete the line",
        "fr/device.txt:1:1: F001 [error] not a regular file (a folder, FIFO, socket or device)",
        "fr/good.txt:2:1: B001 [warning] [*] Comment counter left over from the web page: “Comment (0)”; delete the line",
        "fr/loop-a.txt:1:1: F001 [error] cannot read the file: Too many levels of symbolic links",
        "fr/loop-b.txt:1:1: F001 [error] cannot read the file: Too many levels of symbolic links",
        "fr/pipe.txt:1:1: F001 [error] not a regular file (a folder, FIFO, socket or device)",
        "fr/self.txt:1:1: F001 [error] cannot read the file: Too many levels of symbolic links",
    ]
    assert "5 files could not be checked" in result.stderr


@posix_only
@pytest.mark.parametrize("output_format", ["json", "sarif", "junit", "gitlab", "rdjson", "github", "full"])
def test_every_format_survives_the_hostile_tree(tmp_path, output_format):
    hostile_tree(tmp_path)
    result = run_cli_pooled_and_alone("check", "--format", output_format, ".", cwd=tmp_path)
    assert result.code == 2 and "Traceback" not in result.stderr, result.stderr
    if output_format in ("json", "sarif", "gitlab", "rdjson"):
        text = json.dumps(json.loads(result.stdout), ensure_ascii=False)
    elif output_format == "junit":
        text = ET.tostring(ET.fromstring(result.stdout), encoding="unicode")
    else:
        text = result.stdout
    assert "good.txt" in text and "pipe.txt" in text and "caf" in text


@posix_only
@pytest.mark.parametrize("jobs", ["default", "1"])
def test_fix_in_a_hostile_tree_fixes_the_good_files(tmp_path, jobs):
    hostile_tree(tmp_path)
    if jobs == "default":
        result = run_cli("check", "--fix", "--select", "B001,F", ".", cwd=tmp_path, env=POOLED)
    else:
        result = run_cli("check", "--jobs", "1", "--fix", "--select", "B001,F", ".", cwd=tmp_path)
    assert result.code == 2 and "Traceback" not in result.stderr, result.stderr
    assert (tmp_path / "fr" / "good.txt").read_text(encoding="utf-8") == "Bonjour.\n"
    assert Path(os.fsdecode(bytes(tmp_path / "fr") + b"/caf\xe9.txt")).read_bytes() == b""
    assert (tmp_path / "fr" / "loop-a.txt").is_symlink() and (tmp_path / "fr" / "pipe.txt").is_fifo()


def test_named_path_through_a_folder_loop(tmp_path):
    (tmp_path / "a").symlink_to("b", target_is_directory=True)
    (tmp_path / "b").symlink_to("a", target_is_directory=True)
    write(tmp_path / "fr" / "good.txt", "Comment (0)\n")
    result = run_cli_pooled_and_alone("check", "--format", "concise", "--select", "B001,F", "a", "a/x.txt", "fr", cwd=tmp_path)
    assert result.code == 2 and "Traceback" not in result.stderr, result.stderr
    assert "a:1:1: F001 [error] cannot read the file: Too many levels of symbolic links" in result.stdout
    assert "a/x.txt:1:1: F001 [error] no such file or folder" in result.stdout
    assert "fr/good.txt:1:1: B001" in result.stdout


# -- in process: what a root-run CI cannot set up on disk, and races -------------------


@pytest.fixture(params=[1, 2], ids=["jobs-1", "workers"])
def jobs(request, monkeypatch) -> int:
    if request.param > 1:
        monkeypatch.setattr(run_linter, "PARALLEL_MIN_BYTES", 0)  # the pool even for a small tree
    return request.param


def lint(root: Path, monkeypatch, jobs: int):
    monkeypatch.chdir(root)
    settings = SettingsResolver({"select": ("B001", "F")})
    return Linter(Registry(load_entry_points=False), settings, root, jobs=jobs).lint_paths(["."])


def test_unreadable_folder_is_reported_and_the_rest_is_linted(tmp_path, monkeypatch, jobs):
    write(tmp_path / "fr" / "good.txt", "Comment (0)\n")
    write(tmp_path / "secret" / "hidden.txt", "Comment (0)\n")
    real_scandir = os.scandir

    def scandir(path="."):  # what listing a folder without the read permission does
        if Path(os.fsdecode(path)).name == "secret":
            raise PermissionError(13, "Permission denied", os.fsdecode(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    report = lint(tmp_path, monkeypatch, jobs)
    got = [(f.path, f.code, f.message) for f in report.findings]
    assert got == [
        ("fr/good.txt", "B001", got[0][2]),
        ("secret", "F001", "cannot read the folder: Permission denied"),
    ]
    assert report.input_errors == 1


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads every folder")
def test_unreadable_folder_for_real(tmp_path):
    write(tmp_path / "fr" / "good.txt", "Comment (0)\n")
    write(tmp_path / "secret" / "hidden.txt", "Comment (0)\n")
    (tmp_path / "secret").chmod(0)
    try:
        result = run_cli_pooled_and_alone("check", "--format", "concise", ".", cwd=tmp_path)
    finally:
        (tmp_path / "secret").chmod(0o755)
    assert result.code == 2
    assert "secret:1:1: F001 [error] cannot read the folder: Permission denied" in result.stdout
    assert "fr/good.txt:1:1: B001" in result.stdout


def test_file_vanishing_between_discovery_and_reading(tmp_path, monkeypatch, jobs):
    write(tmp_path / "fr" / "a.txt", "Comment (0)\n")
    write(tmp_path / "fr" / "b.txt", "Comment (0)\n")
    real_discover = plan.discover

    def discover_then_delete(*args, **kwargs):
        found = real_discover(*args, **kwargs)
        (tmp_path / "fr" / "a.txt").unlink()  # another process cleans up meanwhile
        return found

    monkeypatch.setattr(plan, "discover", discover_then_delete)
    report = lint(tmp_path, monkeypatch, jobs)
    assert [(f.path, f.code, f.message) for f in report.findings][0] == (
        "fr/a.txt", "F001", "cannot read the file: No such file or directory",
    )
    assert [f.path for f in report.findings if f.code == "B001"] == ["fr/b.txt"]
    assert report.input_errors == 1


def test_folder_vanishing_during_the_walk_is_reported(tmp_path, monkeypatch, jobs):
    write(tmp_path / "fr" / "a.txt", "Comment (0)\n")
    write(tmp_path / "gone" / "b.txt", "Comment (0)\n")
    real_scandir = os.scandir

    def scandir(path="."):
        if Path(os.fsdecode(path)).name == "gone":
            raise FileNotFoundError(2, "No such file or directory", os.fsdecode(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    report = lint(tmp_path, monkeypatch, jobs)
    assert ("gone", "F001", "cannot read the folder: No such file or directory") in [
        (f.path, f.code, f.message) for f in report.findings
    ]


def test_walk_skips_what_it_cannot_identify_without_following_folder_links(tmp_path):
    """Folder links are not walked (no loop, no file linted twice); file links are."""
    write(tmp_path / "fr" / "a.txt", "x\n")
    (tmp_path / "fr" / "again").symlink_to(tmp_path / "fr", target_is_directory=True)
    (tmp_path / "fr" / "link.txt").symlink_to(tmp_path / "fr" / "a.txt")
    targets, missing = discovery.discover(["."], SettingsResolver({}).for_folder, tmp_path)
    assert [t.display for t in targets] == ["fr/a.txt", "fr/link.txt"] and missing == []


@posix_only
def test_many_traps_many_files(tmp_path):
    """Traps interleaved with good files in many folders: every good file is linted once."""
    for n in range(40):
        folder = tmp_path / "fr" / f"d{n:02d}"
        write(folder / "good.txt", "Comment (0)\n")
        (folder / "loop.txt").symlink_to("loop.txt")
        os.mkfifo(folder / "pipe.txt")
    result = run_cli_pooled_and_alone("check", "--format", "json", "--select", "B001,F", ".", cwd=tmp_path)
    assert result.code == 2, result.stderr
    codes = [(f["path"].split("/")[-1], f["code"]) for f in result.json()]
    assert codes.count(("good.txt", "B001")) == 40
    assert codes.count(("loop.txt", "F001")) == 40 and codes.count(("pipe.txt", "F001")) == 40


if sys.platform == "win32":  # pragma: no cover - the traps above are POSIX ones
    pytestmark = pytest.mark.skip("POSIX-only traps")
