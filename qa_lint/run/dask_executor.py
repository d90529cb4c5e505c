"""Linting article groups on a Dask cluster: archives that outgrow one machine.

The client plans the run (files, settings, article groups) and sends each
worker batches of groups as paths and settings, never bytes: the workers read
the files from shared storage, look the groups up in the result cache (a
folder on shared storage, entries written atomically), lint what is missing
and store it. The run-wide reduce, suppressions, fingerprints, the baseline
and the report stay on the client, so the output is the same bytes as with
`--jobs 1`.

Every worker must run the same qa-lint: the client sends a fingerprint of its
installation (version, Python, rules, rule packs, the text of every module)
with each batch, and a worker whose own differs refuses the batch. Dask is an
optional extra (`qa-lint[dask]`), imported only on this path.
"""

from __future__ import annotations

import hashlib
import logging
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from ..errors import UsageError
from ..packs import builtin_pack_dir
from ..registry import Registry
from .cache import ResultCache

if TYPE_CHECKING:
    from ..config import Settings
    from ..discovery import Target
    from .linter import Linter, UnitResult
    from .plan import FileJob

# How long to wait for a scheduler to answer, for a first worker, and for any worker to come back.
TIMEOUT = float(os.environ.get("QA_LINT_DASK_TIMEOUT", 30))
# Files per task: enough to amortise a task's hand-over (a few ms), small enough to share the work out.
BATCH_FILES = 48

# One article group as sent to a worker: its files' targets and settings.
Group = list[tuple["Target", "Settings"]]


class DaskError(UsageError):
    """The cluster could not do the run (unreachable, workers lost or different): exit 2 with the reason."""


@dataclass(frozen=True)
class WorkerSpec:
    """What a worker needs to rebuild the client's linter and check it runs the same qa-lint."""

    cwd: Path
    keep_text: bool
    installation: str  # `installation_fingerprint()` on the client
    cache_dir: Path | None
    cache_fingerprint: str | None  # the client's cache keys, so every worker shares one cache


class DaskExecutor:
    """Runs `Linter` article groups on a Dask cluster: the one at `scheduler`, or a local one of `workers`."""

    def __init__(self, scheduler: str | None, workers: int) -> None:
        self.scheduler = scheduler
        self.workers = max(1, workers)

    def run_units(self, linter: Linter, groups: list[list[FileJob]]) -> list[UnitResult]:
        given = linter.sources.given
        if any(job.target.file in given for unit in groups for job in unit):
            raise DaskError("--executor dask lints files on shared storage: not standard input or --fix")
        cache = linter.result_cache()
        spec = WorkerSpec(
            linter.cwd, linter.keep_text, installation_fingerprint(linter.registry),
            None if cache is None else Path(os.path.abspath(linter.cache_dir)),
            None if cache is None else cache.fingerprint,
        )
        batches = _batches([[(job.target, job.settings) for job in unit] for unit in groups])
        results: list[list[UnitResult] | None] = [None] * len(batches)
        total, done = sum(len(unit) for unit in groups), 0
        with _connect(self.scheduler, self.workers) as client:
            futures = {client.submit(lint_batch, spec, batch, pure=False): i for i, batch in enumerate(batches)}
            for index, value in _gather(client, futures):
                results[index] = value
                done += sum(len(files) for files in batches[index])
                if linter.progress:
                    linter.progress(done, total)
        return [result for batch in results for result in batch or []]


def _batches(groups: list[Group]) -> list[list[Group]]:
    batches: list[list[Group]] = [[]]
    for group in groups:
        if batches[-1] and sum(len(g) for g in batches[-1]) + len(group) > BATCH_FILES:
            batches.append([])
        batches[-1].append(group)
    return [batch for batch in batches if batch]


class _connect:
    """A Dask client: to `scheduler`, or to a local cluster started (and stopped) for this run."""

    def __init__(self, scheduler: str | None, workers: int) -> None:
        self.scheduler, self.workers = scheduler, workers
        self.cluster = self.client = None

    def __enter__(self):
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise DaskError("--executor dask needs Dask: install qa-lint[dask]") from None
        try:
            if self.scheduler is None:
                self.cluster = LocalCluster(
                    n_workers=self.workers, threads_per_worker=1, processes=True,
                    dashboard_address=None, silence_logs=logging.CRITICAL,
                )
                self.client = Client(self.cluster, timeout=TIMEOUT)
            else:
                _quiet_dask_logs()
                self.client = Client(self.scheduler, timeout=TIMEOUT)
            self.client.wait_for_workers(1, timeout=TIMEOUT)
        except Exception as error:  # noqa: BLE001 - bad address, refused, timed out: one line, exit 2
            self.__exit__(None, None, None)
            where = f"the Dask scheduler at {self.scheduler}" if self.scheduler else "a local Dask cluster"
            raise DaskError(f"could not use {where}: {_reason(error)}") from None
        return self.client

    def __exit__(self, *exc) -> None:
        for thing in (self.client, self.cluster):
            if thing is not None:
                try:
                    thing.close()
                except Exception:  # noqa: BLE001 - closing a broken connection must not hide the real error
                    pass


def _gather(client, futures: dict) -> object:
    """(index, result) as batches finish; fails when a batch fails or no worker is left for `TIMEOUT` s."""
    from distributed import wait

    pending, alone_since = set(futures), None
    while pending:
        try:
            done, pending = wait(pending, timeout=min(5.0, TIMEOUT), return_when="FIRST_COMPLETED")
        except TimeoutError:  # none finished in that time: see below whether workers are left
            done = set()
        for future in done:
            try:
                value = future.result()
            except WorkerMismatch as error:
                raise DaskError(str(error)) from None
            except Exception as error:  # noqa: BLE001 - a worker died, lacks qa-lint, or a batch crashed
                raise DaskError(f"a Dask worker failed ({_reason(error)}); is the same qa-lint installed on every worker?") from None
            yield futures[future], value
        if not done:
            try:
                workers = client.scheduler_info().get("workers", {})
            except Exception as error:  # noqa: BLE001 - the scheduler went away
                raise DaskError(f"lost the Dask scheduler ({_reason(error)})") from None
            alone_since = None if workers else alone_since or time.monotonic()
            if alone_since is not None and time.monotonic() - alone_since > TIMEOUT:
                raise DaskError(f"no Dask worker left for {TIMEOUT:g} s; {len(pending)} batches not linted")


def _reason(error: BaseException) -> str:
    text = str(error).strip().splitlines()
    return f"{type(error).__name__}: {text[0]}" if text else type(error).__name__


def _quiet_dask_logs() -> None:
    # Dask logs reconnection attempts and warnings on stderr; qa-lint's own message says what failed.
    for name in ("distributed", "dask"):
        logging.getLogger(name).setLevel(logging.CRITICAL)


class WorkerMismatch(Exception):
    """A worker runs another qa-lint (version, rules, packs or code) than the client."""


def installation_fingerprint(registry: Registry) -> str:
    """qa-lint as installed here: version, Python, the rules and rule packs, the text of every module.

    Unlike the cache's fingerprint, it holds no paths or modification times, so the same
    release installed on two machines compares equal.
    """
    from .. import __version__

    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"{__version__}\0{sys.version_info[:2]}\0".encode())
    for rule in registry.sorted_rules():
        if registry.pack_folder.get(rule.code) is not None:
            continue  # a configured pack's rules: read by every worker from the same file on shared storage
        digest.update(f"{rule.code}\0{rule.name}\0{rule.severity}\0{type(rule).__qualname__}\0".encode())
    package = Path(__file__).parent.parent
    for root in dict.fromkeys((package, builtin_pack_dir())):
        for file in sorted(p for p in root.rglob("*") if p.suffix in (".py", ".toml") and p.is_file()):
            digest.update(f"{file.relative_to(root).as_posix()}\0".encode() + file.read_bytes())
    return digest.hexdigest()


# On a worker: its linter and installation fingerprint, built once and reused for every batch of a run.
_worker_state: dict[tuple, tuple[Linter, str]] = {}


def lint_batch(spec: WorkerSpec, batch: list[Group]) -> list[UnitResult]:
    """Run on a worker: each group read from shared storage, served from the cache or linted and stored."""
    from .linter import Linter
    from .plan import FileJob
    from .sources import Sources

    linter, mine = _worker_linter(spec, Linter)
    if mine != spec.installation:
        raise WorkerMismatch(
            f"the Dask worker on {_hostname()} runs another qa-lint than this client "
            "(version, rules, rule packs or code differ): install the same one everywhere"
        )
    cache = None
    if spec.cache_dir is not None and spec.cache_fingerprint is not None:
        from .linter import UnitResult

        cache = ResultCache(spec.cache_dir, spec.cache_fingerprint, UnitResult.well_formed)
    sources = Sources()
    results = []
    for group in batch:
        files = [(target, settings, sources.read(FileJob(target, settings, None))) for target, settings in group]
        results.append(linter.lint_cached(files, cache))
    return results


def _worker_linter(spec: WorkerSpec, linter_class: Callable) -> tuple[Linter, str]:
    key = (spec.cwd, spec.keep_text)
    if key not in _worker_state:
        registry = Registry()
        # No settings resolver: every file comes with the settings the client resolved for it.
        linter = linter_class(registry, None, spec.cwd)
        linter.keep_text = spec.keep_text
        _worker_state.clear()  # one run's linter at a time: a long-lived worker must not grow
        _worker_state[key] = (linter, installation_fingerprint(registry))
    return _worker_state[key]


def _hostname() -> str:
    import socket

    return socket.gethostname()
