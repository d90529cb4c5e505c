"""Running rules: files -> documents -> document rules -> article groups -> group rules -> findings."""

from __future__ import annotations

import hashlib
import os
import traceback
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

from .config import Settings, SettingsResolver
from .detect import detect_language
from .discovery import Target, discover, relative_to_root
from .document import Document
from .errors import UsageError
from .groups import build_groups
from .languages import language_from_path
from .model import Finding, Position, Severity
from .reading import InputProblem, decode, read_bytes
from .registry import Registry
from .rule import Rule, RunItem, Scope
from .selection import RuleSet, path_matches, rules_for, validate_settings
from .suppression import apply_suppressions


@dataclass
class Report:
    findings: list[Finding] = field(default_factory=list)
    files_checked: int = 0
    # Files that could not be linted, and rules that crashed: both exit with 2.
    input_errors: int = 0
    internal_errors: list[str] = field(default_factory=list)
    # Each finding's path -> the fail-on level of the settings that apply there.
    fail_on: dict[str, Severity] = field(default_factory=dict)

    def failing(self) -> list[Finding]:
        return [f for f in self.findings if f.severity >= self.fail_on.get(f.path, Severity.WARNING)]


@dataclass
class _FileJob:
    target: Target
    settings: Settings
    ruleset: RuleSet


class Linter:
    def __init__(self, registry: Registry, resolver: SettingsResolver, cwd: Path) -> None:
        self.registry = registry
        self.resolver = resolver
        self.cwd = cwd
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
            validate_settings(settings, self._rules)

    def _ruleset(self, settings: Settings, file: Path) -> RuleSet:
        def allowed(rule: Rule) -> bool:  # a configured pack's rules apply only under that config
            return self.registry.pack_folder[rule.code] in (None, *settings.rule_packs)

        return rules_for(settings, self._rules, relative_to_root(file, settings), allowed)

    # -- running ------------------------------------------------------------
    def lint_paths(self, paths: list[str]) -> Report:
        report = Report()
        documents = self._load(paths, report)
        for doc, job in documents:
            report.files_checked += 1
            self._run_document_rules(doc, job.ruleset, report)
        self._run_group_rules(documents, report)
        self._run_run_rules(documents, report)
        report.findings = apply_suppressions(report.findings, [(doc, job.ruleset) for doc, job in documents], self._rules)
        report.findings = finalize(report.findings)
        return report

    def read_documents(self, paths: list[str]) -> tuple[list[Document], Report]:
        """The documents under `paths`, read and decoded but not checked (`qa-lint names`)."""
        report = Report()
        documents = [doc for doc, _ in self._load(paths, report)]
        report.findings = finalize(report.findings)
        return documents, report

    def _load(self, paths: list[str], report: Report) -> list[tuple[Document, _FileJob]]:
        """Discover, configure and read: input problems become `file` findings in `report`."""
        targets, missing = discover(paths, self.resolver.for_folder, self.cwd)
        targets, missing = self._sources_as_targets(targets, missing)
        settings_of = {t.file: self.resolver.for_folder(t.file.parent) for t in targets}
        here = self.resolver.for_folder(self.cwd)
        self._prepare(self.resolver.all_settings())
        for item in missing:
            report.fail_on[item.display] = here.fail_on
            ruleset = self._ruleset(here, self.cwd / item.display)
            self._file_problem(report, item.display, None, InputProblem("F001", item.reason), ruleset)
        documents: list[tuple[Document, _FileJob]] = []
        for target in targets:
            settings = settings_of[target.file]
            job = _FileJob(target, settings, self._ruleset(settings, target.file))
            report.fail_on[target.display] = settings.fail_on
            doc = self._read(job, report)
            if doc is not None:
                documents.append((doc, job))
        return documents

    def _read(self, job: _FileJob, report: Report) -> Document | None:
        try:
            data = self.sources.get(job.target.file)
            if data is None:
                data = read_bytes(job.target.file, job.settings.max_file_size)
                if self.remember_sources:
                    self.sources[job.target.file] = data
        except InputProblem as problem:
            self._file_problem(report, job.target.display, None, problem, job.ruleset)
            return None
        return self._decode(job, data, report)

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

    def _run_run_rules(self, documents: list[tuple[Document, _FileJob]], report: Report) -> None:
        """Run-wide rules: `map_document` on each document the rule runs on, then one `reduce`."""
        rulesets = {doc.path: job.ruleset for doc, job in documents}
        run_rules = {r.code: r for _, job in documents for r in job.ruleset.rules if r.scope is Scope.RUN}
        for rule in run_rules.values():
            items = []
            for doc, job in documents:
                if rule in job.ruleset.rules and job.ruleset.runs_on(rule, doc.lang):
                    mapped = self._safely(rule, report, rule.map_document, doc)
                    if mapped is not _CRASHED:
                        items.append(RunItem(doc.path, doc.lang, mapped))
            self._collect(rule, rule.reduce, items, rulesets, report)

    def _collect(self, rule: Rule, check, subject, rulesets: dict[str, RuleSet], report: Report) -> None:
        """Run `check(subject)`, keeping the findings the files' rule sets allow, at their severities."""
        found = self._safely(rule, report, lambda item: list(check(item)), subject)
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
        except Exception:  # noqa: BLE001 - any bug of any rule
            report.internal_errors.append(
                f"rule {rule.code} ({rule.name}) crashed; please report this with the file that caused it:\n"
                + traceback.format_exc(limit=-3)
            )
            return _CRASHED


_CRASHED = object()


def resolve_language(target: Target, settings: Settings, text: str) -> str | None:
    """--lang, then the config's language-map, then the path, then the text itself."""
    if settings.lang:
        return settings.lang
    relative = relative_to_root(target.file, settings)
    for glob, tag in settings.language_map:
        if path_matches(glob, relative):
            return tag
    return language_from_path(target.display) or detect_language(text)


def finalize(findings: list[Finding]) -> list[Finding]:
    """Sort findings and give each a fingerprint that survives unrelated lines moving."""
    findings = sorted(findings, key=lambda f: f.sort_key)
    seen: Counter[tuple[str, str, str]] = Counter()
    result = []
    for finding in findings:
        key = (finding.code, finding.path, " ".join(finding.source_line.split()))
        occurrence = seen[key]
        seen[key] += 1
        digest = hashlib.sha256("\0".join((*key, str(occurrence))).encode("utf-8", "surrogatepass")).hexdigest()
        result.append(replace(finding, fingerprint=digest[:16]))
    return result


__all__ = ["Linter", "Report", "UsageError", "finalize", "resolve_language"]
