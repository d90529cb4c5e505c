"""`--executor dask`: the same bytes as `--jobs 1` on a Dask cluster, and clear failures (exit 2) when it cannot be used."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import EXAMPLES, ROOT, run_cli, write

pytest.importorskip("distributed", reason="the dask extra is not installed")

FIXTURES = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "tests" / "rules").glob("*/fixtures"))
QUICK = {"QA_LINT_DASK_TIMEOUT": "5"}  # a failure shows in seconds, not the default 30


def check(*args, cwd=ROOT, env=None):
    return run_cli("check", "--format", "json", "--exit-zero", *args, cwd=cwd, env=env)


@pytest.mark.parametrize("select", [[], ["--select", "ALL,N002"]], ids=["default", "all"])
def test_a_local_cluster_gives_the_bytes_of_one_process_and_so_does_its_cache(tmp_path, select):
    paths = [*FIXTURES, "examples"]
    alone = check("--jobs", "1", "--no-cache", *select, *paths)
    assert alone.json() and "F001" in alone.stdout, alone.stderr  # unreadable files too: exit 2
    cache = ["--cache-dir", str(tmp_path / "cache")]
    first = check("--executor", "dask", "--jobs", "2", *cache, *select, *paths)
    assert (first.code, first.stdout, first.stderr) == (alone.code, alone.stdout, alone.stderr)
    entries = sorted((tmp_path / "cache").rglob("*.pickle"))
    assert entries  # the workers stored what they linted
    second = check("--executor", "dask", "--jobs", "2", *cache, *select, *paths)
    assert (second.code, second.stdout, second.stderr) == (alone.code, alone.stdout, alone.stderr)
    # One cache for every way of running: the process here finds the workers' entries and adds none.
    assert check("--jobs", "1", *cache, *select, *paths).stdout == alone.stdout
    assert sorted((tmp_path / "cache").rglob("*.pickle")) == entries


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _dask(*args, env=None) -> subprocess.Popen:
    dask = Path(sys.executable).with_name("dask")
    return subprocess.Popen([str(dask), *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env={**os.environ, **(env or {})}, start_new_session=True)


@pytest.fixture
def scheduler():
    """A `dask scheduler` process (not a child of qa-lint), and a way to start `dask worker`s for it."""
    address = f"tcp://127.0.0.1:{_free_port()}"
    # A task whose worker died is not retried: the test of a dying worker ends at once.
    processes = [_dask("scheduler", "--host", "127.0.0.1", "--port", address.rsplit(":", 1)[1],
                       "--no-dashboard", env={"DASK_DISTRIBUTED__SCHEDULER__ALLOWED_FAILURES": "0"})]

    def worker(*args):
        processes.append(_dask("worker", address, "--nthreads", "1", "--no-dashboard", *args))
        return processes[-1]

    yield address, worker
    for process in reversed(processes):
        process.kill()
        process.wait(10)


def _wait_for_workers(address: str, count: int) -> None:
    from distributed import Client

    with Client(address, timeout=30) as client:
        client.wait_for_workers(count, timeout=60)


def test_a_scheduler_and_workers_started_apart_give_the_same_bytes(scheduler):
    address, worker = scheduler
    worker()
    worker()
    _wait_for_workers(address, 2)
    alone = check("--jobs", "1", "--no-cache", "examples")
    dask = check("--executor", "dask", "--scheduler", address, "--no-cache", "examples")
    assert (dask.code, dask.stdout, dask.stderr) == (0, alone.stdout, "")


def _worker_preloading(scheduler, tmp_path, source: str, *options: str) -> str:
    """The scheduler's address, once a worker that first runs `source` (its `--preload`) has joined it."""
    address, worker = scheduler
    worker(*options, "--preload", str(write(tmp_path / "preload_for_test.py", source)))
    _wait_for_workers(address, 1)
    return address


def test_a_worker_running_another_qa_lint_is_refused(scheduler, tmp_path):
    address = _worker_preloading(scheduler, tmp_path, "import qa_lint\nqa_lint.__version__ = '0.0.0-other'\n")
    result = check("--executor", "dask", "--scheduler", address, "--no-cache", "examples", env=QUICK)
    assert result.code == 2
    assert "runs another qa-lint than this client" in result.stderr and "Traceback" not in result.stderr


def test_a_worker_without_qa_lint_fails_clearly(scheduler, tmp_path):
    blocker = (
        "import sys\n"
        "class Blocker:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] == 'qa_lint':\n"
        "            raise ModuleNotFoundError(f'No module named {name!r}')\n"
        "sys.meta_path.insert(0, Blocker())\n"
    )
    address = _worker_preloading(scheduler, tmp_path, blocker)
    result = check("--executor", "dask", "--scheduler", address, "--no-cache", "examples", env=QUICK)
    assert result.code == 2
    assert "a Dask worker failed" in result.stderr and "Traceback" not in result.stderr


def test_a_worker_that_dies_fails_the_run_clearly(scheduler, tmp_path):
    dying = "import os\nimport qa_lint.run.dask_executor as e\ne.lint_batch = lambda *a: os._exit(1)\n"
    address = _worker_preloading(scheduler, tmp_path, dying, "--no-nanny")
    started = time.monotonic()
    result = check("--executor", "dask", "--scheduler", address, "--no-cache", "examples", env=QUICK)
    assert result.code == 2 and "Traceback" not in result.stderr
    assert "a Dask worker failed" in result.stderr or "no Dask worker left" in result.stderr
    assert time.monotonic() - started < 60


def test_a_scheduler_without_workers_times_out(scheduler):
    address, _ = scheduler
    result = check("--executor", "dask", "--scheduler", address, "--no-cache", "examples", env=QUICK)
    assert result.code == 2 and "could not use the Dask scheduler at" in result.stderr
    assert "Traceback" not in result.stderr


def test_an_unreachable_scheduler_is_one_line_and_exit_2():
    address = f"tcp://127.0.0.1:{_free_port()}"
    result = check("--executor", "dask", "--scheduler", address, "examples", env={"QA_LINT_DASK_TIMEOUT": "2"})
    assert result.code == 2
    assert result.stderr.startswith(f"qa-lint: error: could not use the Dask scheduler at {address}")
    assert len(result.stderr.splitlines()) == 1


def test_without_dask_installed_it_says_what_to_install(tmp_path):
    write(tmp_path / "hide" / "distributed" / "__init__.py", "raise ImportError('hidden for this test')\n")
    env = {"PYTHONPATH": os.pathsep.join([str(tmp_path / "hide"), os.environ.get("PYTHONPATH", "")])}
    result = check("--executor", "dask", str(EXAMPLES), env=env)
    assert (result.code, result.stdout) == (2, "")
    assert result.stderr == "qa-lint: error: --executor dask needs Dask: install qa-lint[dask]\n"


@pytest.mark.parametrize("args, message", [
    (["--executor", "threads"], "--executor: 'threads' is not an executor; choose from: process, dask"),
    (["--scheduler", "tcp://127.0.0.1:8786"], "--scheduler needs --executor dask"),
    (["--executor", "dask", "--fix"], "--executor dask lints files on shared storage: not with --fix"),
])
def test_wrong_combinations_are_usage_errors(args, message):
    result = check(*args, "examples")
    assert result.code == 2 and message in result.stderr


def test_a_normal_run_does_not_import_dask():
    process = subprocess.run([sys.executable, "-X", "importtime", "-m", "qa_lint", "check", "--no-cache", "examples"],
                             cwd=ROOT, capture_output=True, text=True)
    modules = {line.split("|")[-1].strip() for line in process.stderr.splitlines() if line.startswith("import time:")}
    assert "qa_lint.run.linter" in modules  # the measurement itself works
    assert not any(m.split(".")[0] in ("dask", "distributed", "qa_lint.run.dask_executor") for m in modules)
    assert "qa_lint.run.dask_executor" not in modules
