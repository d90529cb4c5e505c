"""Running a rule on its own examples: used by `qa-lint explain` and the generic rule test."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from .document import Document
from .fixes import apply_fixes
from .groups import build_groups
from .model import Finding, Position
from .reading import InputProblem, decode
from .rule import Example, Rule, Scope


def run_example(rule: Rule, example: Example) -> list[Finding]:
    """The findings `rule` reports on `example`'s text, read as a file would be."""
    data = example.text.encode("utf-8", "surrogateescape")
    path = f"example.{example.lang}.txt" if example.lang else "example.txt"
    try:
        text, encoding, bom = decode(data)
    except InputProblem as problem:
        start = Position(1, 1)
        if problem.code != rule.code:
            return []
        return [Finding(rule.code, rule.name, rule.category, rule.severity, problem.message, path, start, start, example.lang)]
    if example.group:
        path = f"{example.lang}/example.txt"
    if rule.scope is Scope.RUN:
        return _run_wide(rule, example, f"{example.lang}/example.txt" if example.lang else path, example.text)
    doc = Document(path=path, file=Path(path), text=text, lang=example.lang, encoding=encoding, bom=bom)
    if not rule.applies_to(doc.lang):
        return []
    if rule.scope is Scope.GROUP:
        # The other translations of the article, each in its language folder beside it.
        others = [
            Document(path=f"{lang}/example.txt", file=Path(f"{lang}/example.txt"), text=other, lang=lang)
            for lang, other in example.group
        ]
        groups = build_groups([doc, *others], example.source_language)
        return [f for group in groups for f in rule.check_group(group) if f.path == doc.path]
    return [f for f in rule.check(doc) if f.code == rule.code]


def _run_wide(rule: Rule, example: Example, path: str, text: str) -> list[Finding]:
    """A run-wide rule's findings in `text`, linted in one run with the other articles of `example.group`."""
    from .testing import lint_text

    files = {path: text, **{f"{lang}/archive-{number}.txt": other for number, (lang, other) in enumerate(example.group, 1)}}
    report = lint_text(files, select=[rule.code], source_language=example.source_language, rules=[rule])
    return [f for f in report.findings if f.path == path and f.code == rule.code]


def fixed_text(rule: Rule, example: Example, max_passes: int = 10) -> str:
    """`example`'s text with the rule's fixes applied, pass after pass until nothing changes."""
    text = example.text
    for _ in range(max_passes):
        findings = run_example(rule, replace(example, text=text, fixed=None))
        text, applied = apply_fixes(text, findings, unsafe=True)
        if not applied:
            break
    return text
