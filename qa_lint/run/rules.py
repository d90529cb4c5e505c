"""Running rules: the only caller of a rule's `check`, `check_group`, `map_document` and `reduce`.

Whatever a rule returns is kept only where the file's rule set allows it, at
that rule set's severity; a rule that crashes is recorded, and the run goes on.
"""

from __future__ import annotations

import traceback
from dataclasses import replace

from ..document import Document
from ..errors import RuleGaveUp
from ..groups import build_groups
from ..model import Finding, Report
from ..reading import InputProblem
from ..registry import Registry
from ..rule import Rule, RunItem, Scope
from ..selection import RuleSet

_CRASHED = object()


def file_problem(report: Report, path: str, lang, problem: InputProblem, ruleset: RuleSet) -> None:
    """A file that cannot be linted, as the finding of the rule that reports its kind (when selected there)."""
    rule = next((r for r in ruleset.rules if r.reports_problem == problem.kind), None)
    if rule is None:
        return
    report.input_errors += 1
    finding = rule.problem_finding(problem, path, lang)
    level = ruleset.severities[rule.code]
    report.findings.append(finding if finding.severity == level else replace(finding, severity=level))


def run_document_rules(doc: Document, ruleset: RuleSet, report: Report) -> None:
    rulesets = {doc.path: ruleset}
    for rule in _scoped_rules(ruleset, doc.lang, Scope.DOCUMENT):
        _collect(rule, rule.check, doc, rulesets, report)


# (id of a rule set, language, scope) -> (that rule set, kept alive so its id stays its own; the rules).
_SCOPED: dict[tuple, tuple[RuleSet, tuple[Rule, ...]]] = {}


def _scoped_rules(ruleset: RuleSet, lang: str | None, scope: Scope) -> tuple[Rule, ...]:
    """The rules of `scope` that run on a document in `lang`, worked out once per rule set and language.

    Every document asks, and a folder's thousands of files share a few rule sets and languages.
    """
    key = (id(ruleset), lang, scope)
    found = _SCOPED.get(key)
    if found is None or found[0] is not ruleset:
        if len(_SCOPED) > 4096:  # rule sets come and go (per worker batch, in tests): stay small
            _SCOPED.clear()
        rules = tuple(rule for rule in ruleset.rules if rule.scope is scope and ruleset.runs_on(rule, lang))
        found = _SCOPED[key] = (ruleset, rules)
    return found[1]


def run_group_rules(
    documents: list[Document], rulesets: dict[str, RuleSet], source_language: str | None, report: Report
) -> None:
    """Group rules over the article groups of `documents` (one article's translations)."""
    group_rules = {
        rule.code: rule
        for doc in documents
        for rule in rulesets[doc.path].rules
        if rule.scope is Scope.GROUP
    }
    if not group_rules:
        return
    for group in build_groups(documents, source_language):
        for rule in group_rules.values():
            _collect(rule, rule.check_group, group, rulesets, report)


def map_documents(documents: list[tuple[Document, RuleSet]], report: Report) -> list[tuple[str, RunItem]]:
    """Run-wide rules, step 1: each document's map result, by rule code."""
    items = []
    for doc, ruleset in documents:
        for rule in _scoped_rules(ruleset, doc.lang, Scope.RUN):
            mapped = _safely(rule, report, rule.map_document, doc)
            if mapped is not _CRASHED:
                items.append((rule.code, RunItem(doc.path, doc.lang, mapped)))
    return items


def reduce_run(
    registry: Registry, run_items: list[tuple[str, RunItem]], rulesets: dict[str, RuleSet], report: Report
) -> None:
    """Run-wide rules, step 2: one `reduce` over every document's map result."""
    items: dict[str, list[RunItem]] = {}
    for code, item in run_items:
        items.setdefault(code, []).append(item)
    for code in sorted(items):
        rule = registry.rules[code]
        _collect(rule, rule.reduce, items[code], rulesets, report)


def _collect(rule: Rule, check, subject, rulesets: dict[str, RuleSet], report: Report) -> None:
    """Run `check(subject)`, keeping the findings the files' rule sets allow, at their severities."""
    found = _safely(rule, report, _findings, check, subject)
    if found is _CRASHED:
        return
    for finding in found:
        ruleset = rulesets.get(finding.path)
        if ruleset is None or rule not in ruleset.rules or not ruleset.runs_on(rule, finding.lang):
            continue
        level = ruleset.severities[rule.code]
        report.findings.append(finding if finding.severity == level else replace(finding, severity=level))


def _safely(rule: Rule, report: Report, step, *args):
    """`step(*args)`, or `_CRASHED` with the error recorded: a rule bug must not end the run."""
    try:
        return step(*args)
    except RuleGaveUp as stop:
        report.internal_errors.append(f"rule {rule.code} ({rule.name}) {stop}")
        return _CRASHED
    except Exception:  # noqa: BLE001 - any bug of any rule
        report.internal_errors.append(
            f"rule {rule.code} ({rule.name}) crashed; please report this with the file that caused it:\n"
            + traceback.format_exc(limit=-3)
        )
        return _CRASHED


def _findings(check, subject) -> list[Finding]:
    """`check(subject)`'s output, checked: anything but findings is that rule's bug, handled as a crash."""
    found = list(check(subject))
    for item in found:
        if not isinstance(item, Finding):
            raise TypeError(f"a rule yielded {type(item).__name__}, not a Finding")
    return found
