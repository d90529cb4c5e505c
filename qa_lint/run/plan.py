"""Planning a run: which files, under which settings and rules, in which article groups."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from ..config import Settings, SettingsResolver
from ..discovery import Target, discover, relative_to_root
from ..groups import group_key
from ..model import Report
from ..reading import InputProblem, ProblemKind
from ..registry import Registry
from ..rule import Rule
from ..selection import RuleSet, path_matches, rules_for, validate_settings
from .rules import file_problem


@dataclass
class FileJob:
    target: Target
    settings: Settings
    ruleset: RuleSet


class Planner:
    """The rule sets that apply to files: each set of settings validated once, each rule set computed once."""

    def __init__(self, registry: Registry) -> None:
        self.registry = registry
        self.rules: list[Rule] = []
        self._validated: set[int] = set()
        # (id of settings, per-file ignores matched, rule count) -> (settings kept alive, rule set)
        self._rulesets: dict[tuple, tuple[Settings, RuleSet]] = {}

    def prepare(self, settings_list: Iterable[Settings]) -> None:
        """Load the rule packs configs name, then check every selector against the full rule set."""
        settings_list = list(settings_list)
        for settings in settings_list:
            self.registry.add_pack_folders(settings.rule_packs)
        self.rules = self.registry.sorted_rules()
        for settings in settings_list:
            if id(settings) not in self._validated:
                validate_settings(settings, self.rules)
                self._validated.add(id(settings))

    def ruleset(self, settings: Settings, file: Path, relative: str | None = None) -> RuleSet:
        relative = relative or relative_to_root(file, settings)
        # Files differ only by which per-file ignores match them: compute each combination once.
        matched = tuple(glob for glob, _ in settings.per_file_ignores if path_matches(glob, relative))
        key = (id(settings), matched, len(self.rules))
        if key not in self._rulesets:

            def allowed(rule: Rule) -> bool:  # a configured pack's rules apply only under that config
                return self.registry.pack_folder[rule.code] in (None, *settings.rule_packs)

            self._rulesets[key] = (settings, rules_for(settings, self.rules, relative, allowed))
        return self._rulesets[key][1]

    def plan(
        self, paths: list[str], resolver: SettingsResolver, cwd: Path, given: Mapping[Path, bytes], report: Report
    ) -> list[FileJob]:
        """Discover and configure: missing paths become `file` findings in `report`."""
        targets, missing = discover(paths, resolver.for_folder, cwd)
        targets, missing = _given_as_targets(targets, missing, cwd, given)
        settings_of = _settings_of(targets, resolver)
        here = resolver.for_folder(cwd)
        self.prepare(resolver.all_settings())
        for item in missing:
            report.fail_on[item.display] = here.fail_on
            ruleset = self.ruleset(here, cwd / item.display)
            problem = InputProblem(ProblemKind.UNREADABLE, item.reason)
            file_problem(report, item.display, None, problem, ruleset)
        jobs = []
        fail_on = report.fail_on
        for target, settings in zip(targets, settings_of):
            jobs.append(FileJob(target, settings, self.ruleset(settings, target.file, target.relative)))
            fail_on[target.display] = settings.fail_on
        return jobs


def _settings_of(targets: list[Target], resolver: SettingsResolver) -> list[Settings]:
    """Each target's settings, those of its folder: looked up once per folder (the string names it as the Path does)."""
    by_folder: dict[str, Settings] = {}
    found = []
    for target in targets:
        folder = os.path.dirname(os.fspath(target.file))
        settings = by_folder.get(folder)
        if settings is None:
            settings = by_folder[folder] = resolver.for_folder(target.file.parent)
        found.append(settings)
    return found


def units(jobs: list[FileJob]) -> list[list[FileJob]]:
    """Files grouped by article (translations of one article are linted together), in path order."""
    found: dict[str, list[FileJob]] = {}
    for job in jobs:
        found.setdefault(group_key(job.target.display) or job.target.display, []).append(job)
    return list(found.values())


def _given_as_targets(targets: list[Target], missing: list, cwd: Path, given: Mapping[Path, bytes]):
    """A path given with its bytes (standard input) is linted even when no such file exists."""
    still_missing = []
    for item in missing:
        path = Path(os.path.normpath(cwd / item.display))
        if path in given:
            targets.append(Target(path, item.display, True))
        else:
            still_missing.append(item)
    return targets, still_missing
