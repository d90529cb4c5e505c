"""Worker processes for big runs: they never outlive the run, and failing to start them costs only time.

- A worker dies with its parent. On Linux the kernel kills it when the parent
  exits (`prctl(PR_SET_PDEATHSIG)`); everywhere, a watchdog thread notices
  that the parent is gone (`getppid()` changes) and exits. A worker left alive
  would hold the run's standard output open, and a CI step waiting for the
  end of that output would hang.
- The parent decides: workers ignore Ctrl-C (the parent gets it too) and
  take the default action of SIGTERM and SIGHUP; when the parent stops early
  for any reason, it kills its workers rather than waiting for them.
- When workers cannot start (no process left under `ulimit -u`, no shared
  memory) or one dies, those started are killed, a warning says why, and the
  batches not yet done are linted in this process.
"""

from __future__ import annotations

import itertools
import os
import signal
import sys
import threading
import time
from collections import deque
from typing import Callable, Iterable, Iterator, TypeVar

Batch = TypeVar("Batch")
Result = TypeVar("Result")

# Batches handed to the pool ahead of the one whose result is awaited, per worker.
IN_FLIGHT_PER_WORKER = 4
_END = object()
# How often a worker checks that its parent is still there, in seconds.
WATCHDOG_INTERVAL = 0.5
_PR_SET_PDEATHSIG = 1


def map_in_workers(
    function: Callable[[Batch], Result],
    batches: Iterable[Batch],
    jobs: int,
    initializer: Callable[..., None],
    initargs: tuple,
    here: Callable[[Batch], Result],
    before_fork: Callable[[], None] | None = None,
) -> Iterator[Result]:
    """`function(batch)` for each batch, in order, in `jobs` worker processes.

    `here` does a batch's work in this process: for every batch when workers
    cannot start, for those left when the workers are lost. `before_fork` runs
    here first when workers are forked (they inherit what it loads), not spawned.
    Batches are taken from `batches` only as workers need them (a few per worker
    ahead): what a batch holds is not kept for the whole run.
    """
    batches = iter(batches)
    try:
        # Imported here, inside the fallback: loading multiprocessing's C module can fail too
        # (seen with 100,000 files: "failed to map segment from shared object").
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor
        from concurrent.futures.process import BrokenProcessPool

        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        if before_fork is not None and context.get_start_method() == "fork":
            before_fork()
        pool = ProcessPoolExecutor(
            jobs, mp_context=context, initializer=_start_worker, initargs=(os.getpid(), initializer, initargs)
        )
    except (ImportError, OSError) as error:
        _warn(error)
        yield from (here(batch) for batch in batches)
        return
    failure: BaseException | None = None
    finished = False
    queued: deque[tuple[Batch, object]] = deque()  # (batch, its future), oldest first
    left: list[Batch] = []  # batches taken but not done, in order, when the workers fail
    try:
        while True:
            while len(queued) < IN_FLIGHT_PER_WORKER * jobs:
                batch = next(batches, _END)
                if batch is _END:
                    break
                try:
                    queued.append((batch, pool.submit(function, batch)))
                except OSError as error:  # starting a process failed: fork() said EAGAIN or ENOMEM
                    failure, left = error, [*(b for b, _ in queued), batch]
                    break
            if failure is not None or not queued:
                break
            batch, future = queued.popleft()
            try:
                result = future.result()
            except BrokenProcessPool as error:  # a worker was killed (out of memory, a signal)
                failure, left = error, [batch, *(b for b, _ in queued)]
                break
            yield result
        finished = failure is None
    finally:
        _stop(pool, kill=not finished)
    if failure is not None:
        _warn(failure)
        yield from (here(batch) for batch in itertools.chain(left, batches))


def _warn(error: BaseException) -> None:
    reason = getattr(error, "strerror", None) or str(error) or type(error).__name__
    sys.stderr.write(f"qa-lint: warning: worker processes unavailable ({reason}); linting in this process\n")
    sys.stderr.flush()


# Set once a pool has been killed: see `_stop`.
_killed = False


def pool_was_killed() -> bool:
    """Whether a pool was killed in this process, which must then leave by `os._exit`."""
    return _killed


def _stop(pool, kill: bool) -> None:
    """Shut the pool down; with `kill`, end its workers at once instead of letting them finish.

    A worker killed while it was sending a result leaves half a message in
    the result pipe, and the pool's manager thread then waits for the rest
    forever (the parent holds the pipe's other end: no end-of-file comes).
    So a killed pool is not waited for, and the process must not wait for it
    at exit either (Python joins that thread, or trips over its closed
    pipe): `pool_was_killed()` tells the CLI to leave by `os._exit`.
    """
    global _killed
    processes = list((getattr(pool, "_processes", None) or {}).values()) if kill else []
    for process in processes:
        try:
            process.kill()
        except (OSError, ValueError, AttributeError):
            pass  # already gone
    _killed = _killed or kill
    pool.shutdown(wait=not kill, cancel_futures=True)
    for process in processes:
        process.join(5)  # reap them: no zombie is left behind


def _start_worker(parent: int, initializer: Callable[..., None], initargs: tuple) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):  # a forked worker inherits the parent's handlers: not wanted here
            signal.signal(getattr(signal, name), signal.SIG_DFL)
    die_with_parent(parent)
    initializer(*initargs)


def die_with_parent(parent: int) -> None:
    """End this process as soon as process `parent` is gone."""
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass  # the watchdog below still covers it
    if os.getppid() != parent:  # the parent died before the line above could take effect
        os._exit(1)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(WATCHDOG_INTERVAL)
        os._exit(1)

    threading.Thread(target=watch, name="qa-lint-parent-watchdog", daemon=True).start()
