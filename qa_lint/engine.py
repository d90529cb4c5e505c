"""Running rules: files -> documents -> document rules -> article groups -> group rules -> findings."""

from __future__ import annotations

import hashlib
import os
import traceback
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable

from .config import Settings, SettingsResolver
from .detect import detect_language
from .discovery import Target, discover, relative_to_root
from .document import Document
from .errors import RuleGaveUp, UsageError
from .cache import ResultCache, engine_fingerprint
from .groups import build_groups, group_key
from .languages import language_from_path
from .model import CheckedFile, Finding, Position, Report
from .reading import InputProblem, decode, read_bytes
from .registry import Registry
from .rule import Rule, RunItem, Scope
from .selection import RuleSet, path_matches, rules_for, validate_settings
from .packs import builtin_pack_dir
from .suppression import apply_suppressions, is_markdown


@dataclass
class _FileJob:
    target: Target
    settings: Settings
    ruleset: RuleSet


@dataclass
class UnitResult:
    """What linting one article group gives; picklable, so workers and the cache can carry it."""

    findings: list[Finding] = field(default_factory=list)
    run_items: list[tuple[str, RunItem]] = field(default_factory=list)  # (rule code, map result)
    input_errors: int = 0
    internal_errors: list[str] = field(default_factory=list)
    files_checked: int = 0
    markdown: list[tuple[str, str, str | None]] = field(default_factory=list)  # (path, text, lang) for suppressions
    documents: list[CheckedFile] = field(default_factory=list)

    @staticmethod
    def well_formed(value) -> bool:
        """Whether a cache entry holds a result like those `lint_unit` makes (its parts' types)."""
        return (
            isinstance(value, UnitResult)
            and all(isinstance(f, Finding) for f in value.findings)
            and all(isinstance(code, str) and isinstance(item, RunItem) for code, item in value.run_items)
            and type(value.input_errors) is int
            and type(value.files_checked) is int
            and all(isinstance(message, str) for message in value.internal_errors)
            and all(isinstance(path, str) and isinstance(text, str) for path, text, _ in value.markdown)
            and all(isinstance(document, CheckedFile) for document in value.documents)
        )


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
        self._validated: set[int] = set()
        # (id of settings, per-file ignores matched, rule count) -> (settings kept alive, rule set)
        self._rulesets: dict[tuple, tuple[Settings, RuleSet]] = {}
        self._settings_reprs: dict[int, tuple[Settings, str]] = {}
        # Bytes to lint instead of a file on disk (standard input, fixes not yet
        # written), by absolute path; with `remember_sources`, files read are kept here.
        self.sources: dict[Path, bytes] = {}
        self.remember_sources = False

    # -- planning -----------------------------------------------------------
    def _prepare(self, settings_list: list[Settings]) -> None:
        """Load the rule packs configs name, then check every selector against the full rule set."""
        for settings in settings_list:
            self.registry.add_pack_folders(settings.rule_packs)
        self._rules = self.registry.sorted_rules()
        for settings in settings_list:
            if id(settings) not in self._validated:
                validate_settings(settings, self._rules)
                self._validated.add(id(settings))

    def _ruleset(self, settings: Settings, file: Path, relative: str | None = None) -> RuleSet:
        relative = relative or relative_to_root(file, settings)
        # Files differ only by which per-file ignores match them: compute each combination once.
        matched = tuple(glob for glob, _ in settings.per_file_ignores if path_matches(glob, relative))
        key = (id(settings), matched, len(self._rules))
        if key not in self._rulesets:

            def allowed(rule: Rule) -> bool:  # a configured pack's rules apply only under that config
                return self.registry.pack_folder[rule.code] in (None, *settings.rule_packs)

            self._rulesets[key] = (settings, rules_for(settings, self._rules, relative, allowed))
        return self._rulesets[key][1]

    def ruleset_for(self, file: Path) -> RuleSet:
        """The rules that run on `file`, with their severities, under the settings that apply there."""
        settings = self.resolver.for_folder(file.parent)
        self._prepare([settings])
        return self._ruleset(settings, file)

    def _plan(self, paths: list[str], report: Report) -> list[_FileJob]:
        """Discover and configure: missing paths become `file` findings in `report`."""
        targets, missing = discover(paths, self.resolver.for_folder, self.cwd)
        targets, missing = self._sources_as_targets(targets, missing)
        settings_of = {t.file: self.resolver.for_folder(t.file.parent) for t in targets}
        here = self.resolver.for_folder(self.cwd)
        self._prepare(self.resolver.all_settings())
        for item in missing:
            report.fail_on[item.display] = here.fail_on
            ruleset = self._ruleset(here, self.cwd / item.display)
            self._file_problem(report, item.display, None, InputProblem("F001", item.reason), ruleset)
        jobs = []
        for target in targets:
            settings = settings_of[target.file]
            jobs.append(_FileJob(target, settings, self._ruleset(settings, target.file, target.relative)))
            report.fail_on[target.display] = settings.fail_on
        return jobs

    # -- running ------------------------------------------------------------
    def lint_paths(self, paths: list[str]) -> Report:
        report = Report()
        jobs = self._plan(paths, report)
        results = self._run_units(_units(jobs))
        for result in results:
            report.findings.extend(result.findings)
            report.input_errors += result.input_errors
            report.internal_errors.extend(result.internal_errors)
            report.files_checked += result.files_checked
            report.documents.extend(result.documents)
        report.read_text = self._text_reader(jobs)
        rulesets = {job.target.display: job.ruleset for job in jobs}
        self._reduce(results, rulesets, report)
        markdown = [
            (Document(path=path, file=self.cwd / path, text=text, lang=lang), rulesets[path])
            for result in results
            for path, text, lang in result.markdown
        ]
        report.findings = apply_suppressions(report.findings, markdown, self._rules)
        report.findings = finalize(report.findings)
        return report

    def _text_reader(self, jobs: list[_FileJob]) -> Callable[[str], str | None]:
        by_path = {job.target.display: job for job in jobs}

        def read_text(path: str) -> str | None:
            job = by_path.get(path)
            data = None if job is None else self._bytes(job)
            if not isinstance(data, bytes):
                return None
            try:
                return decode(data, job.settings.encoding)[0]
            except InputProblem:
                return None

        return read_text

    def read_documents(self, paths: list[str]) -> tuple[list[Document], Report]:
        """The documents under `paths`, read and decoded but not checked (`qa-lint names`)."""
        report = Report()
        documents = []
        for job in self._plan(paths, report):
            data = self._bytes(job)
            if isinstance(data, InputProblem):
                self._file_problem(report, job.target.display, None, data, job.ruleset)
                continue
            doc = self._decode(job, data, report)
            if doc is not None:
                documents.append(doc)
        report.findings = finalize(report.findings)
        return documents, report

    def _bytes(self, job: _FileJob) -> bytes | InputProblem:
        data = self.sources.get(job.target.file)
        if data is not None:
            return data
        try:
            data = read_bytes(job.target.file, job.settings.max_file_size)
        except InputProblem as problem:
            return problem
        if self.remember_sources:
            self.sources[job.target.file] = data
        return data

    def _run_units(self, units: list[list[_FileJob]]) -> list[UnitResult]:
        """Each article group's result: from the cache, or linted here or in worker processes."""
        total = sum(len(unit) for unit in units)
        cache = self._result_cache()
        results: list[UnitResult | None] = [None] * len(units)
        pending: list[tuple[int, list[tuple[Target, Settings, bytes | InputProblem]], str | None]] = []
        done = 0
        for index, unit in enumerate(units):
            files = [(job.target, job.settings, self._bytes(job)) for job in unit]
            key = None
            if cache is not None:
                key = cache.key((t.display, self._settings_repr(s), d if isinstance(d, bytes) else str(d).encode())
                                for t, s, d in files)
                cached = cache.get(key)
                if cached is not None:
                    results[index] = cached
                    done += len(unit)
                    continue
            pending.append((index, files, key))
        if self.progress and done:
            self.progress(done, total)
        for (index, files, key), result in zip(pending, self._lint_pending([files for _, files, _ in pending]), strict=True):
            results[index] = result
            if cache is not None and key is not None:
                cache.put(key, result)
            done += len(files)
            if self.progress:
                self.progress(done, total)
        return [r for r in results if r is not None]

    def _settings_repr(self, settings: Settings) -> str:
        """Settings as part of a cache key; a folder's files share one Settings object, so once each."""
        found = self._settings_reprs.get(id(settings))
        if found is None or found[0] is not settings:
            found = self._settings_reprs[id(settings)] = (settings, repr(settings))
        return found[1]

    def _result_cache(self) -> ResultCache | None:
        if self.cache_dir is None:
            return None
        if self._cache is None:
            packs = [f for folder in {builtin_pack_dir(), *self.registry.extra_pack_folders()} for f in folder.rglob("*.toml")]
            self._cache = ResultCache(self.cache_dir, engine_fingerprint(self._rules, packs), UnitResult.well_formed)
        return self._cache

    def _lint_pending(self, work: list[list[tuple[Target, Settings, bytes | InputProblem]]]):
        size = sum(len(d) for files in work for _, _, d in files if isinstance(d, bytes))
        if self.jobs == 1 or len(work) < 2 or size < PARALLEL_MIN_BYTES:
            yield from (self.lint_unit(files) for files in work)
            return
        yield from _in_workers(self, work)

    def lint_unit(self, files: list[tuple[Target, Settings, bytes | InputProblem]]) -> UnitResult:
        """Lint one article group: decode, document rules, group rules, the map step of run-wide rules."""
        self._prepare([settings for _, settings, _ in files])
        report = Report()
        documents: list[tuple[Document, _FileJob]] = []
        for target, settings, data in files:
            job = _FileJob(target, settings, self._ruleset(settings, target.file))
            if isinstance(data, InputProblem):
                self._file_problem(report, target.display, None, data, job.ruleset)
                continue
            doc = self._decode(job, data, report)
            if doc is not None:
                documents.append((doc, job))
        result = UnitResult()
        for doc, job in documents:
            report.files_checked += 1
            result.documents.append(CheckedFile(doc.path, doc.lang, job.settings.source_language))
            self._run_document_rules(doc, job.ruleset, report)
        self._run_group_rules(documents, report)
        for doc, job in documents:
            for rule in job.ruleset.rules:
                if rule.scope is Scope.RUN and job.ruleset.runs_on(rule, doc.lang):
                    mapped = self._safely(rule, report, rule.map_document, doc)
                    if mapped is not _CRASHED:
                        result.run_items.append((rule.code, RunItem(doc.path, doc.lang, mapped)))
            if is_markdown(doc):
                result.markdown.append((doc.path, doc.text, doc.lang))
        result.findings = report.findings
        result.input_errors = report.input_errors
        result.internal_errors = report.internal_errors
        result.files_checked = report.files_checked
        return result

    def _sources_as_targets(self, targets: list[Target], missing: list) -> tuple[list[Target], list]:
        """A path given with `sources` (standard input) is linted even when no such file exists."""
        found = [item for item in missing if Path(os.path.normpath(self.cwd / item.display)) in self.sources]
        for item in found:
            targets.append(Target(Path(os.path.normpath(self.cwd / item.display)), item.display, True))
        return targets, [item for item in missing if item not in found]

    def _decode(self, job: _FileJob, data: bytes, report: Report) -> Document | None:
        target, settings = job.target, job.settings
        try:
            text, encoding, bom = decode(data, settings.encoding)
        except InputProblem as problem:
            self._file_problem(report, target.display, settings.lang, problem, job.ruleset)
            return None
        lang = resolve_language(target, settings, text)
        return Document(
            path=target.display, file=target.file, text=text, lang=lang, encoding=encoding, bom=bom,
            options=dict(settings.rule_options),
        )

    def _file_problem(self, report: Report, path: str, lang, problem: InputProblem, ruleset: RuleSet) -> None:
        rule = self.registry.rules[problem.code]
        if rule not in ruleset.rules:
            return
        report.input_errors += 1
        where = Position(problem.line, problem.column)
        severity = ruleset.severities[rule.code]
        report.findings.append(
            Finding(rule.code, rule.name, rule.category, severity, problem.message, path, where, where, lang)
        )

    def _run_document_rules(self, doc: Document, ruleset: RuleSet, report: Report) -> None:
        for rule in ruleset.rules:
            if rule.scope is Scope.DOCUMENT and ruleset.runs_on(rule, doc.lang):
                self._collect(rule, rule.check, doc, {doc.path: ruleset}, report)

    def _run_group_rules(self, documents: list[tuple[Document, _FileJob]], report: Report) -> None:
        group_rules = {
            rule.code: rule
            for _, job in documents
            for rule in job.ruleset.rules
            if rule.scope is Scope.GROUP
        }
        if not group_rules:
            return
        rulesets = {doc.path: job.ruleset for doc, job in documents}
        source_language = next((job.settings.source_language for _, job in documents if job.settings.source_language), None)
        for group in build_groups([doc for doc, _ in documents], source_language):
            for rule in group_rules.values():
                self._collect(rule, rule.check_group, group, rulesets, report)

    def _reduce(self, results: list[UnitResult], rulesets: dict[str, RuleSet], report: Report) -> None:
        """Run-wide rules, step 2: one `reduce` over every document's map result."""
        items: dict[str, list[RunItem]] = {}
        for result in results:
            for code, item in result.run_items:
                items.setdefault(code, []).append(item)
        for code in sorted(items):
            rule = self.registry.rules[code]
            self._collect(rule, rule.reduce, items[code], rulesets, report)

    def _collect(self, rule: Rule, check, subject, rulesets: dict[str, RuleSet], report: Report) -> None:
        """Run `check(subject)`, keeping the findings the files' rule sets allow, at their severities."""
        found = self._safely(rule, report, lambda item: _findings(check(item)), subject)
        if found is _CRASHED:
            return
        for finding in found:
            ruleset = rulesets.get(finding.path)
            if ruleset is None or rule not in ruleset.rules or not ruleset.runs_on(rule, finding.lang):
                continue
            level = ruleset.severities[rule.code]
            report.findings.append(finding if finding.severity == level else replace(finding, severity=level))

    @staticmethod
    def _safely(rule: Rule, report: Report, step, subject):
        """`step(subject)`, or `_CRASHED` with the error recorded: a rule bug must not end the run."""
        try:
            return step(subject)
        except RuleGaveUp as stop:
            report.internal_errors.append(f"rule {rule.code} ({rule.name}) {stop}")
            return _CRASHED
        except Exception:  # noqa: BLE001 - any bug of any rule
            report.internal_errors.append(
                f"rule {rule.code} ({rule.name}) crashed; please report this with the file that caused it:\n"
                + traceback.format_exc(limit=-3)
            )
            return _CRASHED


_CRASHED = object()


def _findings(produced) -> list[Finding]:
    """A rule's output, checked: anything but findings is that rule's bug, handled as a crash."""
    found = list(produced)
    for item in found:
        if not isinstance(item, Finding):
            raise TypeError(f"a rule yielded {type(item).__name__}, not a Finding")
    return found


def _units(jobs: list[_FileJob]) -> list[list[_FileJob]]:
    """Files grouped by article (translations of one article are linted together), in path order."""
    units: dict[str, list[_FileJob]] = {}
    for job in jobs:
        units.setdefault(group_key(job.target.display) or job.target.display, []).append(job)
    return list(units.values())


def _in_workers(linter: Linter, work):
    """Lint article groups in worker processes; results come back in order."""
    global _WORKER
    spec = (linter.resolver.overrides, linter.resolver.config_file, linter.cwd)
    # Batches of about 64 KB of text: big enough to amortise the hand-over.
    batches, batch, size = [], [], 0
    for files in work:
        batch.append(files)
        size += sum(len(d) for _, _, d in files if isinstance(d, bytes))
        if size >= 64_000:
            batches.append(batch)
            batch, size = [], 0
    if batch:
        batches.append(batch)
    from .workers import map_in_workers

    _WORKER = linter  # a forked worker inherits it, with its rules and caches warm
    try:
        results = map_in_workers(_lint_batch, batches, linter.jobs, _start_worker, spec, _lint_batch)
        for batch_results in results:
            yield from batch_results
    finally:
        _WORKER = None


def _start_worker(overrides, config_file, cwd) -> None:
    global _WORKER
    if _WORKER is None:  # spawned, not forked: build the same linter
        _WORKER = Linter(Registry(), SettingsResolver(overrides, config_file), cwd)


def _lint_batch(batch) -> list[UnitResult]:
    assert _WORKER is not None
    return [_WORKER.lint_unit(files) for files in batch]


def resolve_language(target: Target, settings: Settings, text: str) -> str | None:
    """--lang, then the config's language-map, then the path, then the text itself."""
    if settings.lang:
        return settings.lang
    relative = target.relative or relative_to_root(target.file, settings)
    for glob, tag in settings.language_map:
        if path_matches(glob, relative):
            return tag
    return language_from_path(target.display) or detect_language(text)


def finalize(findings: list[Finding]) -> list[Finding]:
    """Sort findings and give each a fingerprint that survives unrelated lines moving.

    The fingerprint hashes the code, the path, the reported line with its
    spacing normalised, and the occurrence number of that triple; each line
    is normalised and each triple hashed once, however many findings share it.
    """
    findings = sorted(findings, key=lambda f: f.sort_key)
    seen: Counter[tuple[str, str, str]] = Counter()
    normalised: dict[str, str] = {}
    prefixes: dict[tuple[str, str, str], object] = {}
    result = []
    for finding in findings:
        line = normalised.get(finding.source_line)
        if line is None:
            line = normalised[finding.source_line] = " ".join(finding.source_line.split())
        key = (finding.code, finding.path, line)
        occurrence = seen[key]
        seen[key] += 1
        prefix = prefixes.get(key)
        if prefix is None:
            prefix = prefixes[key] = hashlib.sha256("\0".join((*key, "")).encode("utf-8", "surrogatepass"))
        digest = prefix.copy()
        digest.update(str(occurrence).encode("ascii"))
        result.append(replace(finding, fingerprint=digest.hexdigest()[:16]))
    return result


__all__ = ["CheckedFile", "Linter", "Report", "UsageError", "finalize", "resolve_language"]
