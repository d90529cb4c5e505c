"""The file family turns the problems the reader reports (a kind and a message) into its findings."""

from __future__ import annotations

import ast
from pathlib import Path

import qa_lint
from qa_lint.reading import InputProblem, ProblemKind, decode
from qa_lint.registry import Registry

REGISTRY = Registry(load_entry_points=False)
CORE = Path(qa_lint.__file__).parent


def test_every_problem_kind_has_exactly_one_builtin_rule():
    for kind in ProblemKind:
        reporting = [rule.code for rule in REGISTRY.sorted_rules() if rule.reports_problem == kind]
        assert len(reporting) == 1, (kind, reporting)


def test_the_rule_of_the_kind_reports_the_problem_with_its_own_code_and_severity():
    try:
        decode(b"\x00binary")
    except InputProblem as problem:
        assert problem.kind is ProblemKind.BINARY
        rule = next(r for r in REGISTRY.sorted_rules() if r.reports_problem == problem.kind)
        finding = rule.problem_finding(problem, "fr/a.txt", "fr")
        assert (finding.code, finding.severity, finding.message, finding.path) == (
            rule.code, rule.severity, problem.message, "fr/a.txt",
        )
    else:
        raise AssertionError("NUL bytes must be a problem")


def test_the_core_names_no_file_rule():
    for module in ("reading.py", "suppression.py", "run/rules.py", "run/plan.py", "run/sources.py"):
        tree = ast.parse((CORE / module).read_text(encoding="utf-8"))
        imported = [node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)]
        assert not [name for name in imported if "builtin_rules" in name], module
