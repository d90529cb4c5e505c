"""The linter: plan the files, run the rules per article group (here, in workers or from the cache), finish."""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Iterable
from pathlib import Path

from ..config import Settings, SettingsResolver
from ..document import Document
from ..model import CheckedFile, Report
from ..packs import builtin_pack_dir
from ..reading import InputProblem
from ..registry import Registry
from ..selection import RuleSet
from ..suppression import is_markdown
from .cache import ResultCache, engine_fingerprint
from .finish import finalize, suppress
from .manifest import key_of_run
from .plan import FileJob, Planner, units
from .prefork import prepare_workers
from .served import KeptReports, RenderedRun
from .rules import file_problem, map_documents, reduce_run, run_document_rules, run_group_rules
from .sources import Sources, to_document
from .unit import UnitFile, UnitResult

# The lint a worker process runs with: inherited on fork, rebuilt on spawn.
_WORKER: Linter | None = None
# Below this much text, starting workers costs more than it saves (tests lower it).
PARALLEL_MIN_BYTES = int(os.environ.get("QA_LINT_PARALLEL_MIN_BYTES", 512_000))


class Linter:
    def __init__(
        self,
        registry: Registry,
        resolver: SettingsResolver,
        cwd: Path,
        *,
        jobs: int = 1,
        cache_dir: Path | None = None,
        progress=None,
    ) -> None:
        self.registry = registry
        self.resolver = resolver
        self.cwd = cwd
        self.jobs = max(1, jobs)
        self.cache_dir = cache_dir
        self.progress = progress  # called with (files done, files in all)
        self._cache: ResultCache | None = None
        self._planner = Planner(registry)
        self._settings_reprs: dict[int, tuple[Settings, str]] = {}
        self.sources = Sources()
        self.keep_text = False  # fixing sets it: each CheckedFile then carries the text as linted
        # Runs the article groups elsewhere when set (`run_units(linter, groups)`: a Dask cluster).
        self.executor = None
        # The manifest key of the last run when it was served from or stored in the manifest, else None.
        self.run_key: str | None = None
        self._planned = None  # (paths, report, start, jobs, manifest) that `lint_rendered` planned
        self._kept: KeptReports | None = None

    def ruleset_for(self, file: Path) -> RuleSet:
        """The rules that run on `file`, with their severities, under the settings that apply there."""
        settings = self.resolver.for_folder(file.parent)
        self._planner.prepare([settings])
        return self._planner.ruleset(settings, file)

    def _plan(self, paths: list[str], report: Report) -> list[FileJob]:
        return self._planner.plan(paths, self.resolver, self.cwd, self.sources.given, report)

    def _plan_run(self, paths: list[str]):
        """(report, start, jobs, (run key, whether it may be stored) or None): as `lint_rendered` planned, else now.

        Standard input and fixing lint bytes that are not on disk as stamped: never from the manifest."""
        planned, self._planned = self._planned, None
        if planned is not None and planned[0] == paths:
            return planned[1:]
        report = Report()
        started_ns = time.time_ns()
        jobs = self._plan(paths, report)
        cache = self.result_cache()
        if cache is None or self.sources.given or self.keep_text:
            return report, started_ns, jobs, None
        return report, started_ns, jobs, key_of_run(cache.fingerprint, self.cwd, paths, report.findings, jobs,
                                                    self._settings_repr, started_ns)

    def lint_rendered(self, paths: list[str], render: tuple) -> RenderedRun | None:
        """The report kept as `render` (format, colour, width) wrote it for this unchanged run (`served.py`),
        else None, the plan then kept for the `lint_paths(paths)` that follows."""
        self._planned = None  # planned afresh
        _, _, _, jobs, manifest = self._planned = (list(paths), *self._plan_run(paths))
        served = self._kept.get(manifest[0], render) if manifest is not None and self._kept is not None else None
        if served is not None:
            self._planned = None  # no lint follows
            if self.progress and jobs:
                self.progress(len(jobs), len(jobs))
        return served

    def store_rendered(self, render: tuple, text: str, report: Report) -> None:
        """Keep `text`, the last run's report as `render` wrote it, when that run is in the manifest."""
        if self.run_key is not None and self._kept is not None:
            self._kept.put(self.run_key, render, text, report)

    def lint_paths(self, paths: list[str]) -> Report:
        self.run_key = None
        report, started_ns, jobs, manifest = self._plan_run(paths)
        if manifest is not None:
            stored = self._cache.get(manifest[0]) if self._cache is not None else None
            if stored is not None:
                self.run_key = manifest[0]
                return self._served(stored, jobs, report)
        results = self._run_units(units(jobs))
        for result in results:
            report.findings.extend(result.findings)
            report.input_errors += result.input_errors
            report.internal_errors.extend(result.internal_errors)
            report.files_checked += result.files_checked
            report.documents.extend(result.documents)
        report.read_text = self.sources.text_reader(jobs)
        rulesets = {job.target.display: job.ruleset for job in jobs}
        reduce_run(self.registry, [item for result in results for item in result.run_items], rulesets, report)
        markdown = [entry for result in results for entry in result.markdown]
        report.findings = suppress(report.findings, markdown, rulesets, self.cwd, self._planner.rules)
        report.findings = finalize(report.findings)
        if manifest is not None and manifest[1] and self._cache is not None:
            self._cache.put(manifest[0], UnitResult(
                findings=report.findings, input_errors=report.input_errors, internal_errors=report.internal_errors,
                files_checked=report.files_checked, documents=report.documents,
            ))
            self.run_key = manifest[0]
        return report

    def _served(self, stored: UnitResult, jobs: list[FileJob], report: Report) -> Report:
        """The report of a run whose files and settings are as the manifest recorded them."""
        report.findings = list(stored.findings)
        report.input_errors = stored.input_errors  # the plan's missing paths included
        report.internal_errors = list(stored.internal_errors)
        report.files_checked = stored.files_checked
        report.documents = list(stored.documents)
        report.read_text = self.sources.text_reader(jobs)
        if self.progress and jobs:
            self.progress(len(jobs), len(jobs))
        return report

    def read_documents(self, paths: list[str]) -> tuple[list[Document], Report]:
        """The documents under `paths`, read and decoded but not checked (`qa-lint names`)."""
        report = Report()
        documents = []
        for job in self._plan(paths, report):
            data = self.sources.read(job)
            if isinstance(data, InputProblem):
                file_problem(report, job.target.display, None, data, job.ruleset)
                continue
            doc = to_document(job, data, report)
            if doc is not None:
                documents.append(doc)
        report.findings = finalize(report.findings)
        return documents, report

    def _run_units(self, groups: list[list[FileJob]]) -> list[UnitResult]:
        """Each article group's result: from the cache, or linted here or in worker processes.

        A group's files are read to look it up, then again only when it is linted: holding
        every file's bytes until its turn kept as much memory as the whole archive.
        """
        if self.executor is not None:
            return self.executor.run_units(self, groups)
        total = sum(len(unit) for unit in groups)
        cache = self.result_cache()
        results: list[UnitResult | None] = [None] * len(groups)
        pending: list[tuple[int, list[FileJob]]] = []
        size = done = 0
        for index, unit in enumerate(groups):
            files = self._read(unit)
            key, cached = self._look_up(files, cache)
            if cached is not None:
                results[index] = cached
                done += len(unit)
                continue
            pending.append((index, unit))
            size += sum(len(d) for _, _, d in files if isinstance(d, bytes))
        if self.progress and done:
            self.progress(done, total)
        keys: dict[int, str | None] = {}

        def work():
            for index, unit in pending:
                files = self._read(unit)
                # Keyed by the bytes linted: a file changed since the look-up is stored as it is now.
                keys[index] = None if cache is None else self._key(files, cache)
                yield files

        for (index, unit), result in zip(pending, self._lint_pending(work(), [unit for _, unit in pending], size), strict=True):
            results[index] = result
            key = keys.pop(index)
            if cache is not None and key is not None:
                cache.put(key, result)
            done += len(unit)
            if self.progress:
                self.progress(done, total)
        return [r for r in results if r is not None]

    def _read(self, unit: list[FileJob]) -> list[UnitFile]:
        return [(job.target, job.settings, self.sources.read(job)) for job in unit]

    def _key(self, files: list[UnitFile], cache: ResultCache) -> str:
        return cache.key((t.display, self._settings_repr(s), d if isinstance(d, bytes) else str(d).encode())
                               for t, s, d in files)

    def _look_up(self, files: list[UnitFile], cache: ResultCache | None) -> tuple[str | None, UnitResult | None]:
        """A group's cache key and its cached result (None when the cache lacks it or it lacks the text)."""
        if cache is None:
            return None, None
        key = self._key(files, cache)
        cached = cache.get(key)
        if cached is not None and (not self.keep_text or all(d.text is not None for d in cached.documents)):
            return key, cached
        return key, None

    def lint_cached(self, files: list[UnitFile], cache: ResultCache | None) -> UnitResult:
        """One group's result from `cache`, else linted here and stored there."""
        key, result = self._look_up(files, cache)
        if result is None:
            result = self.lint_unit(files)
            if cache is not None and key is not None:
                cache.put(key, result)
        return result

    def _settings_repr(self, settings: Settings) -> str:
        """Settings as part of a cache key; a folder's files share one Settings object, so once each.

        A rule option naming a file (`glossary-file`) adds that file's content: rules read it.
        """
        found = self._settings_reprs.get(id(settings))
        if found is None or found[0] is not settings:
            named = sorted(value for _, options in settings.rule_options for key, value in options.items()
                           if key.endswith("-file") and isinstance(value, str))
            found = self._settings_reprs[id(settings)] = (settings, repr(settings) + "".join(map(_content_digest, named)))
        return found[1]

    def result_cache(self) -> ResultCache | None:
        """The result cache of this run (None with --no-cache), opened once; Dask workers share its keys."""
        if self.cache_dir is None:
            return None
        if self._cache is None:
            packs = [f for folder in {builtin_pack_dir(), *self.registry.extra_pack_folders()} for f in folder.rglob("*.toml")]
            self._cache = ResultCache(self.cache_dir, engine_fingerprint(self._planner.rules, packs), UnitResult.well_formed)
            self._kept = KeptReports(self.cache_dir, self._cache.fingerprint)
        return self._cache

    def _lint_pending(self, work: Iterable[list[UnitFile]], planned: list[list[FileJob]], size: int):
        """The results of `work` (the files of the `planned` article groups, `size` bytes, read as taken), in order."""
        if self.jobs == 1 or len(planned) < 2 or size < PARALLEL_MIN_BYTES:
            yield from (self.lint_unit(files) for files in work)
            return
        yield from _in_workers(self, work, planned)

    def lint_unit(self, files: list[UnitFile]) -> UnitResult:
        """Lint one article group: decode, document rules, group rules, the map step of run-wide rules."""
        planner = self._planner
        planner.prepare([settings for _, settings, _ in files])
        report = Report()
        documents: list[tuple[Document, FileJob]] = []
        for target, settings, data in files:
            job = FileJob(target, settings, planner.ruleset(settings, target.file, target.relative))
            if isinstance(data, InputProblem):
                file_problem(report, target.display, None, data, job.ruleset)
                continue
            doc = to_document(job, data, report)
            if doc is not None:
                documents.append((doc, job))
        result = UnitResult()
        for doc, job in documents:
            report.files_checked += 1
            result.documents.append(CheckedFile(
                doc.path, doc.lang, job.settings.source_language, doc.encoding, doc.bom,
                doc.text if self.keep_text else None,
            ))
            run_document_rules(doc, job.ruleset, report)
        rulesets = {doc.path: job.ruleset for doc, job in documents}
        source_language = next((job.settings.source_language for _, job in documents if job.settings.source_language), None)
        run_group_rules([doc for doc, _ in documents], rulesets, source_language, report)
        result.run_items = map_documents([(doc, job.ruleset) for doc, job in documents], report)
        result.markdown = [(doc.path, doc.text, doc.lang) for doc, _ in documents if is_markdown(doc)]
        result.findings = report.findings
        result.input_errors = report.input_errors
        result.internal_errors = report.internal_errors
        result.files_checked = report.files_checked
        return result


def _content_digest(path: str) -> str:
    from ..files import NotReadable, read_regular_file  # a FIFO named as a glossary must not block

    try:
        return hashlib.blake2b(read_regular_file(path), digest_size=16).hexdigest()
    except NotReadable:
        return "unreadable"


def _in_workers(linter: Linter, work: Iterable[list[UnitFile]], planned: list[list[FileJob]]):
    """Lint article groups (`work`, read as taken; `planned`, their files) in worker processes; results come back in order."""
    global _WORKER
    spec = (linter.resolver.overrides, linter.resolver.config_file, linter.cwd, linter.keep_text)
    from .workers import map_in_workers

    _WORKER = linter  # a forked worker inherits it, with its rules and caches warm
    try:
        results = map_in_workers(_lint_batch, _batches(work), linter.jobs, _start_worker, spec, _lint_batch,
                                 before_fork=lambda: prepare_workers(linter._planner, planned))
        for batch_results in results:
            yield from batch_results
    finally:
        _WORKER = None


def _batches(work: Iterable[list[UnitFile]]):
    """Article groups in batches of about 64 KB of text: big enough to amortise the hand-over."""
    batch, size = [], 0
    for files in work:
        batch.append(files)
        size += sum(len(d) for _, _, d in files if isinstance(d, bytes))
        if size >= 64_000:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def _start_worker(overrides, config_file, cwd, keep_text) -> None:
    global _WORKER
    if _WORKER is None:  # spawned, not forked: build the same linter
        _WORKER = Linter(Registry(), SettingsResolver(overrides, config_file), cwd)
        _WORKER.keep_text = keep_text


def _lint_batch(batch) -> list[UnitResult]:
    assert _WORKER is not None
    return [_WORKER.lint_unit(files) for files in batch]
