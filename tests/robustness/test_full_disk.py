"""Writing on a full disk: reports, baselines and fixes are written whole or not at all, and the run says so.

A full disk is simulated with a file-size limit (`RLIMIT_FSIZE`): Python
ignores SIGXFSZ, so a write past the limit fails with EFBIG exactly where
ENOSPC would, and no root or tmpfs is needed. `/dev/full` stands for a full
standard output.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import run_cli, write

resource = pytest.importorskip("resource")  # POSIX
ARTICLE = "Le président a visité la capitale .\n"
LIMIT = 4096  # bytes a process may write into one file


def run_limited(*args: str, cwd: Path, stdout=subprocess.PIPE) -> subprocess.CompletedProcess:
    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (LIMIT, LIMIT))

    return subprocess.run(
        [sys.executable, "-m", "qa_lint", *args], cwd=cwd, preexec_fn=limit, stdout=stdout, stderr=subprocess.PIPE,
        env={**os.environ, "NO_COLOR": "1"}, text=True, encoding="utf-8", timeout=120,
    )


def many_findings(root: Path) -> None:
    for n in range(20):
        write(root / "fr" / f"{n:02d}.txt", ARTICLE * 20 + "Comment (0)\n")


def test_report_file_on_a_full_disk_is_one_line_exit_2_and_the_old_report_is_kept(tmp_path):
    many_findings(tmp_path)
    write(tmp_path / "report.json", "[]\n")
    result = run_limited("check", "--no-cache", "--format", "json", "-o", "report.json", ".", cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert result.stderr.splitlines() == ["qa-lint: error: cannot write the report to report.json: File too large"]
    assert (tmp_path / "report.json").read_text(encoding="utf-8") == "[]\n"  # not a truncated half report
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fr", "report.json"]  # no temporary file left


def test_report_file_is_replaced_whole_keeping_its_mode(tmp_path):
    many_findings(tmp_path)
    report = write(tmp_path / "out" / "report.json", "old\n")
    report.chmod(0o640)
    result = run_cli("check", "--no-cache", "--format", "json", "-o", "out/report.json", ".", cwd=tmp_path)
    assert result.code == 1, result.stderr
    assert report.read_text(encoding="utf-8").startswith("[") and (report.stat().st_mode & 0o777) == 0o640
    assert [p.name for p in report.parent.iterdir()] == ["report.json"]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
@pytest.mark.parametrize("args", [["check", "--no-cache", "."], ["check", "--no-cache", "-o", "/dev/full", "."],
                                  ["rules"], ["explain", "B001"], ["names", "."]])
def test_standard_output_on_a_full_disk_is_one_line_exit_2(tmp_path, args):
    many_findings(tmp_path)
    with open("/dev/full", "w") as full:
        result = subprocess.run([sys.executable, "-m", "qa_lint", *args], cwd=tmp_path, stdout=full,
                                stderr=subprocess.PIPE, text=True, timeout=120)
    assert result.returncode == 2, result.stderr
    (line,) = result.stderr.splitlines()
    assert line.startswith("qa-lint: error: cannot write") and line.endswith("No space left on device"), line


def test_a_reader_that_stops_early_ends_the_run_quietly(tmp_path):
    many_findings(tmp_path)
    process = subprocess.Popen([sys.executable, "-m", "qa_lint", "check", "--no-cache", "--format", "json", "."],
                               cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    process.stdout.read(10)
    process.stdout.close()  # `| head -c 10`
    stderr = process.stderr.read().decode()
    assert process.wait(timeout=120) != 0 and stderr == "", stderr


def test_device_outputs_are_written_in_place(tmp_path):
    many_findings(tmp_path)
    result = run_cli("check", "--no-cache", "--format", "json", "-o", "/dev/stdout", ".", cwd=tmp_path)
    assert result.code == 1 and result.json(), result.stderr


def test_write_baseline_on_a_full_disk_keeps_the_old_baseline(tmp_path):
    many_findings(tmp_path)
    old = write(tmp_path / "base.json", '{"qa-lint-baseline": 1, "findings": []}\n').read_bytes()
    result = run_limited("check", "--no-cache", "--write-baseline", "base.json", ".", cwd=tmp_path)
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
    assert "--write-baseline: cannot write base.json: File too large" in result.stderr
    assert (tmp_path / "base.json").read_bytes() == old
    assert sorted(p.name for p in tmp_path.iterdir()) == ["base.json", "fr"]


# -- --fix -----------------------------------------------------------------------------------


def test_fix_on_a_full_disk_names_the_files_not_written_and_reports_what_they_still_hold(tmp_path):
    small = write(tmp_path / "fr" / "small.txt", ARTICLE + "Comment (0)\n")
    big = [write(tmp_path / "fr" / f"big{n}.txt", ARTICLE * 200 + "Comment (0)\n") for n in range(2)]
    before = [file.read_bytes() for file in big]
    result = run_limited("check", "--no-cache", "--fix", "--format", "concise", ".", cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert small.read_text(encoding="utf-8") == "Le président a visité la capitale.\n"
    assert [file.read_bytes() for file in big] == before
    for file in ("fr/big0.txt", "fr/big1.txt"):
        assert f"qa-lint: not fixed: {file}: cannot write it: File too large" in result.stderr
    summary = next(line for line in result.stderr.splitlines() if "applied" in line)
    assert summary.startswith("qa-lint: applied 2 fixes in 1 file; 2 files NOT written"), summary
    # The report shows what the unwritten files still hold, not what fixing them would have left.
    assert "fr/big0.txt:201:1: B001" in result.stdout and "fr/small.txt" not in result.stdout, result.stdout
    assert sorted(p.name for p in (tmp_path / "fr").iterdir()) == ["big0.txt", "big1.txt", "small.txt"]


def test_fix_removes_old_temporary_files_of_a_killed_run_but_not_fresh_ones(tmp_path):
    write(tmp_path / "fr" / "a.txt", ARTICLE)
    stale = write(tmp_path / "fr" / ".a.txt.k1lled_9.qa-lint", "half written")
    fresh = write(tmp_path / "fr" / ".a.txt.runn1ng_.qa-lint", "a concurrent run is writing this")
    other = write(tmp_path / "fr" / ".notes.txt.abcdefgh.qa-lint", "no linted file of this name")
    hour_ago = time.time() - 3600
    for file in (stale, other):
        os.utime(file, (hour_ago, hour_ago))
    assert run_cli("check", "--no-cache", ".", cwd=tmp_path).code == 1
    assert stale.exists(), "a check without --fix writes nothing"
    result = run_cli("check", "--no-cache", "--fix", ".", cwd=tmp_path)
    assert result.code == 0, result.stderr
    assert not stale.exists() and fresh.exists() and other.exists()


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links")
def test_a_file_and_a_link_to_it_are_fixed_once_without_a_false_conflict(tmp_path):
    file = write(tmp_path / "fr" / "a.txt", ARTICLE + "Comment (0)\n")
    (tmp_path / "fr" / "b.txt").symlink_to("a.txt")
    result = run_cli("check", "--no-cache", "--fix", ".", cwd=tmp_path)
    assert result.code == 0 and "changed on disk" not in result.stderr, result.stderr
    assert "applied 2 fixes in 1 file;" in result.stderr, result.stderr
    assert file.read_text(encoding="utf-8") == "Le président a visité la capitale.\n"
    assert (tmp_path / "fr" / "b.txt").is_symlink()
