"""Running a rule on its own examples: used by `qa-lint explain` and the generic rule test.

Every example is linted by `lint_text`, as `qa-lint check` would lint it on disk:
the text is a file in its language folder, and a group or run-scope example's
other texts are files beside it.
"""

from __future__ import annotations

import tempfile
from dataclasses import replace
from pathlib import Path

from .fixes import apply_fixes
from .model import Finding
from .rule import Example, Rule, Scope


def example_files(rule: Rule, example: Example) -> tuple[str, dict[str, str]]:
    """The path the example's text is linted at, and every file of the example (path -> text)."""
    path = f"{example.lang}/{example.name}" if example.lang else example.name
    # The other translations of the article sit beside it; a run's other articles under their own names.
    name = "archive-{}.txt" if rule.scope is Scope.RUN else "example.txt"
    others = {f"{lang}/{name.format(number)}": text for number, (lang, text) in enumerate(example.group, 1)}
    return path, {path: example.text if example.readable else None, **others}


def run_example(rule: Rule, example: Example) -> list[Finding]:
    """The findings `rule` reports on `example`'s text, read as a file would be."""
    from .testing import lint_text

    path, files = example_files(rule, example)
    settings = dict(example.settings)
    with tempfile.TemporaryDirectory() as folder:
        if example.glossary is not None:  # the glossary option names a file: write it as a desk would
            glossary = Path(folder) / "names.toml"
            glossary.write_text(example.glossary, encoding="utf-8")
            settings["rule_options"] = (("N004", {"glossary-file": str(glossary)}),)
        report = lint_text(files, select=[rule.code, *example.also_select], source_language=example.source_language,
                           rules=[rule], settings=settings)
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
