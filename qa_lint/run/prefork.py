"""Before worker processes fork: each rule of the run loads what every worker would load for itself.

A forked worker inherits the parent's memory, so a model loaded once here is
shared by all of them (copy-on-write) instead of loaded again in each.
"""

from __future__ import annotations

from ..rule import PlannedGroup, Rule
from .plan import FileJob, Planner
from .sources import named_language


def prepare_workers(planner: Planner, work: list[list[FileJob]]) -> None:
    """Call `prepare_workers` of every rule some file of `work` runs, with the article groups of `work`.

    `work` holds the article groups the linter hands to workers, before their files are read.
    """
    rules: dict[str, Rule] = {}
    groups = []
    for files in work:
        languages, source = [], None
        for job in files:
            target, settings = job.target, job.settings
            for rule in planner.ruleset(settings, target.file, target.relative).rules:
                rules.setdefault(rule.code, rule)
            lang = named_language(target, settings)
            if lang:
                languages.append(lang)
            source = source or settings.source_language
        groups.append(PlannedGroup(tuple(languages), source))
    for rule in rules.values():
        try:
            rule.prepare_workers(groups)
        except Exception:  # noqa: BLE001 - a head start only: a worker meets the same error and reports it
            pass
