"""Worker processes never outlive the run, and failing to start or keep them changes nothing but time."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import run_cli, write

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc to find the workers")
PARALLEL = {"QA_LINT_PARALLEL_MIN_BYTES": "0"}


def folder(root: Path, groups: int, lines: int = 4) -> Path:
    for n in range(groups):
        write(root / "fr" / f"{n:03d}.txt", "Le président a visité la capitale.\nComment (0)\n" * lines)
    return root


def run_patched(prelude: str, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    """The CLI as `python -m qa_lint ARGS`, after `prelude` has broken something in the process."""
    script = f"{prelude}\nimport sys\nfrom qa_lint.cli import run\nsys.argv = ['qa-lint', *sys.argv[1:]]\nrun()\n"
    return subprocess.run(
        [sys.executable, "-c", script, *args], cwd=cwd, capture_output=True, text=True, encoding="utf-8",
        env={**os.environ, **PARALLEL, "NO_COLOR": "1"}, timeout=120,
    )


# fork() failing as it does under `ulimit -u`: after `allowed` processes, EAGAIN.
FORK_FAILS = """
import os
real_fork, started = os.fork, []
def fork():
    if len(started) >= {allowed}:
        raise BlockingIOError(11, "Resource temporarily unavailable")
    pid = real_fork()
    if pid:
        started.append(pid)
    return pid
os.fork = fork
"""


@pytest.mark.skipif(not hasattr(os, "fork"), reason="fork start method")
@pytest.mark.parametrize("allowed", [0, 1])
def test_fork_failure_lints_in_process_with_a_warning(tmp_path, allowed):
    folder(tmp_path, 30)
    alone = run_cli("check", "--no-cache", "--format", "json", "--jobs", "1", ".", cwd=tmp_path)
    result = run_patched(FORK_FAILS.format(allowed=allowed), "check", "--no-cache", "--format", "json", "--jobs", "3", ".",
                         cwd=tmp_path)
    assert "Traceback" not in result.stderr
    assert result.stderr == "qa-lint: warning: worker processes unavailable (Resource temporarily unavailable); linting in this process\n"
    assert (result.returncode, result.stdout) == (alone.code, alone.stdout) and alone.code == 1


@pytest.mark.skipif(not hasattr(os, "fork"), reason="fork start method")
def test_a_worker_dying_mid_run_loses_nothing(tmp_path):
    folder(tmp_path, 30)
    alone = run_cli("check", "--no-cache", "--format", "json", "--jobs", "1", ".", cwd=tmp_path)
    prelude = (
        "import os\nfrom qa_lint.run import linter\nparent, real = os.getpid(), linter._lint_batch\n"
        "def dying(batch):\n    if os.getpid() != parent:\n        os._exit(9)  # as the out-of-memory killer does\n"
        "    return real(batch)\nlinter._lint_batch = dying\n"
    )
    result = run_patched(prelude, "check", "--no-cache", "--format", "json", "--jobs", "2", ".", cwd=tmp_path)
    assert "Traceback" not in result.stderr, result.stderr
    assert "qa-lint: warning: worker processes unavailable" in result.stderr
    assert (result.returncode, result.stdout) == (alone.code, alone.stdout)


def _children(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            fields = stat[stat.rindex(")") + 2 :].split()
            if int(fields[1]) == pid and fields[0] != "Z":
                found.add(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat[stat.rindex(")") + 2] != "Z"  # a zombie has exited; only its entry is left


@linux_only
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP, signal.SIGKILL], ids=lambda s: s.name)
def test_workers_die_with_their_parent(tmp_path, signum):
    folder(tmp_path, 400, lines=250)  # about 4 MB: long enough to be stopped in the middle
    process = subprocess.Popen(
        [sys.executable, "-m", "qa_lint", "check", "--no-cache", "--format", "json", "--jobs", "2", "."],
        cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ, **PARALLEL},
    )
    try:
        deadline = time.monotonic() + 60
        workers: set[int] = set()
        while len(workers) < 2 and time.monotonic() < deadline and process.poll() is None:
            time.sleep(0.05)
            workers = _children(process.pid) - {process.pid}
        assert len(workers) == 2, "the workers never started"
        time.sleep(0.3)  # let them take work
        process.send_signal(signum)
        # Standard output closes (nobody holds it any more) and the parent exits.
        out, err = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [pid for pid in workers if _alive(pid)]
    if signum == signal.SIGKILL:
        assert process.returncode == -signum
    else:
        assert process.returncode == 128 + signum
        assert err.decode().endswith(f"qa-lint: stopped by {signum.name}\n"), err.decode()
        assert b"Traceback" not in err

