"""`--fix` loses nothing: killed at any point, raced by a second run, or facing read-only files.

Each file is written atomically (a temporary file, then a rename), so after a
SIGKILL every file holds either its original bytes or its fully fixed bytes,
never a truncated mix; a second run finishes the job. The kill points are
chosen by watching the folder: the first kill lands before any write, the
others just after the first file changed, i.e. in the middle of writing.
"""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import run_cli, write

FILES = 120
# Several safe fixes per file (French spacing, a leftover line, a blank-line run), in UTF-8,
# UTF-8 with a BOM and CRLF, so a half-written file could not pass for either version.
ORIGINALS = {
    "a": "Il a dit : « Bonjour»  à tous .\n\n\n\n\nComment (0)\nFin du texte.\n".encode("utf-8"),
    "b": b"\xef\xbb\xbf" + "Le ministre a parlé , puis est parti.\r\n\r\n\r\n\r\nComment (0)\r\n".encode("utf-8"),
    "c": ("Une phrase assez longue pour que le fichier compte. " * 40 + "\nComment (0)\n").encode("utf-8"),
}
posix_only = pytest.mark.skipif(os.name != "posix", reason="SIGKILL and file modes are POSIX")


def make_folder(root: Path) -> dict[Path, bytes]:
    files = {}
    for n in range(FILES):
        kind = "abc"[n % 3]
        files[write(root / "fr" / f"{n:03d}-{kind}.txt", ORIGINALS[kind])] = ORIGINALS[kind]
    return files


@pytest.fixture(scope="module")
def fixed_versions(tmp_path_factory) -> dict[str, bytes]:
    """What a complete `--fix` run makes of each file (by name)."""
    root = tmp_path_factory.mktemp("complete")
    make_folder(root)
    result = run_cli("check", "--fix", ".", cwd=root)
    assert result.code in (0, 1) and "Traceback" not in result.stderr, result.stderr
    fixed = {path.name: path.read_bytes() for path in (root / "fr").iterdir()}
    assert all(fixed[f"{n:03d}-{'abc'[n % 3]}.txt"] != ORIGINALS["abc"[n % 3]] for n in range(FILES))
    return fixed


def start_fix(root: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "qa_lint", "check", "--fix", "--no-color", "."],
        cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env={**os.environ, "NO_COLOR": "1"},
    )


def states(root: Path, originals: dict[Path, bytes], fixed: dict[str, bytes]) -> dict[str, int]:
    """How many files are original and how many fixed; fails on any other content."""
    counts = {"original": 0, "fixed": 0}
    for path, original in originals.items():
        data = path.read_bytes()
        if data == original:
            counts["original"] += 1
        elif data == fixed[path.name]:
            counts["fixed"] += 1
        else:
            pytest.fail(f"{path.name} is neither the original nor the fixed version: {data[:80]!r}")
    return counts


def wait_for_first_write(originals: dict[Path, bytes], timeout: float = 60) -> None:
    """Return as soon as one file was replaced (a rename gives it a new inode)."""
    inodes = {path: path.stat().st_ino for path in originals}
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for path, inode in inodes.items():
            if path.stat().st_ino != inode:
                return
        time.sleep(0.0002)
    pytest.fail("--fix never wrote a file")


@posix_only
@pytest.mark.parametrize("delay", [None, 0.0, 0.002, 0.01])
def test_sigkill_during_fix_leaves_every_file_whole(tmp_path, fixed_versions, delay):
    """None: killed while still linting; otherwise killed `delay` seconds after the first file was replaced."""
    originals = make_folder(tmp_path)
    process = start_fix(tmp_path)
    if delay is None:
        time.sleep(0.2)  # the interpreter is still importing or linting: nothing may change
    else:
        wait_for_first_write(originals)
        time.sleep(delay)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    counts = states(tmp_path, originals, fixed_versions)
    if delay is None:
        assert counts == {"original": FILES, "fixed": 0}
    elif delay == 0.0:
        assert 0 < counts["fixed"] < FILES  # really killed in the middle of writing
    else:
        assert counts["fixed"] >= 1

    # Temporary files a killed run leaves behind are not articles: the next run ignores them and finishes.
    rerun = run_cli("check", "--fix", ".", cwd=tmp_path)
    assert "Traceback" not in rerun.stderr and rerun.code in (0, 1), rerun.stderr
    assert states(tmp_path, originals, fixed_versions) == {"original": 0, "fixed": FILES}
    leftovers = [p.name for p in (tmp_path / "fr").iterdir() if p.name.endswith(".qa-lint")]
    assert len(leftovers) <= 1 and all(name.startswith(".") for name in leftovers), leftovers


@posix_only
def test_two_fix_runs_racing_on_one_folder(tmp_path, fixed_versions):
    originals = make_folder(tmp_path)
    first, second = start_fix(tmp_path), start_fix(tmp_path)
    outcomes = [(p.wait(timeout=120), p.stderr.read().decode("utf-8", "replace")) for p in (first, second)]
    for code, stderr in outcomes:
        assert "Traceback" not in stderr
        # A file the other run fixed first is left alone and reported (exit 2), never overwritten blindly.
        assert code in (0, 1) or (code == 2 and "changed on disk" in stderr), stderr
    assert states(tmp_path, originals, fixed_versions) == {"original": 0, "fixed": FILES}


@posix_only
def test_read_only_file_is_reported_not_forced(tmp_path):
    locked = write(tmp_path / "fr" / "locked.txt", "Bonjour .\nComment (0)\n")
    open_ = write(tmp_path / "fr" / "open.txt", "Bonjour .\nComment (0)\n")
    locked.chmod(0o444)
    result = run_cli("check", "--fix", "--format", "concise", ".", cwd=tmp_path)
    assert result.code == 2, result.stderr
    assert "qa-lint: not fixed: fr/locked.txt: read-only file; not overwritten" in result.stderr
    assert locked.read_text(encoding="utf-8") == "Bonjour .\nComment (0)\n"
    assert stat.S_IMODE(locked.stat().st_mode) == 0o444
    assert open_.read_text(encoding="utf-8") == "Bonjour.\n"
    assert [p.name for p in (tmp_path / "fr").iterdir() if p.name.startswith(".")] == []


@posix_only
@pytest.mark.skipif(os.geteuid() == 0, reason="root writes in every folder")
def test_read_only_folder_is_reported(tmp_path):
    file = write(tmp_path / "fr" / "a.txt", "Bonjour .\n")
    (tmp_path / "fr").chmod(0o555)
    try:
        result = run_cli("check", "--fix", ".", cwd=tmp_path)
    finally:
        (tmp_path / "fr").chmod(0o755)
    assert result.code == 2 and "cannot write in its folder" in result.stderr
    assert file.read_text(encoding="utf-8") == "Bonjour .\n"


def test_file_changed_during_fix_is_not_overwritten(tmp_path):
    """An editor saving while qa-lint fixes wins: the check before the rename sees it."""
    from qa_lint.fixing import FixError, atomic_replace

    file = write(tmp_path / "a.txt", "edited by a person\n")
    with pytest.raises(FixError, match="changed on disk since it was read"):
        atomic_replace(file, b"what qa-lint read\n", b"what qa-lint fixed\n")
    assert file.read_text(encoding="utf-8") == "edited by a person\n"
    assert sorted(os.listdir(tmp_path)) == ["a.txt"]


def test_fixed_versions_are_stable(tmp_path, fixed_versions):
    """What the interrupted runs are compared with is a fixed point: fixing it again changes nothing."""
    for name, data in list(fixed_versions.items())[:3]:
        write(tmp_path / "fr" / name, data)
    result = run_cli("check", "--fix", ".", cwd=tmp_path)
    assert "applied 0 fixes" in result.stderr, result.stderr
    assert {p.name: p.read_bytes() for p in (tmp_path / "fr").iterdir()} == dict(list(fixed_versions.items())[:3])
