"""Before workers fork, each rule of the run may load what every worker would load: workers inherit it."""

from __future__ import annotations

import os
import types
from pathlib import Path

import pytest

from qa_lint.config import SettingsResolver
from qa_lint.model import Category
from qa_lint.plugins import hookimpl, plugin_manager
from qa_lint.registry import Registry
from qa_lint.rule import Example, PlannedGroup, Rule, Scope
from qa_lint.run import linter as linter_module
from qa_lint.run.linter import Linter

from conftest import write

forking = pytest.mark.skipif(not hasattr(os, "fork"), reason="workers inherit the parent's memory on fork only")


class PreparesWorkers(Rule):
    """## What it does
    Reports, once per article group, the process it runs in and what `prepare_workers` left there.

    ## Why is this bad?
    It is not: it shows which process prepared the run.
    """

    code = "X901"
    name = "prepares-workers"
    category = Category("test")
    scope = Scope.GROUP
    examples = (Example("a\n"), Example("", fires=False))
    prepared: list[tuple[int, list[PlannedGroup]]] = []

    def prepare_workers(self, groups):
        PreparesWorkers.prepared.append((os.getpid(), groups))

    def check_group(self, group):
        doc = group.documents[0]
        if doc.text:
            yield self.finding(doc, 0, 1, repr((os.getpid(), PreparesWorkers.prepared)))


def _registry() -> Registry:
    plugin = types.ModuleType("prepares_workers_plugin")
    plugin.qa_lint_register_rules = hookimpl(lambda: [PreparesWorkers()])
    manager = plugin_manager(load_entry_points=False)
    manager.register(plugin, name="prepares-workers")
    return Registry(manager=manager)


def _lint(root: Path, monkeypatch, jobs: int) -> list[tuple[int, list]]:
    monkeypatch.chdir(root)
    monkeypatch.setattr(linter_module, "PARALLEL_MIN_BYTES", 0)
    PreparesWorkers.prepared.clear()
    settings = SettingsResolver({"select": ("X901",), "source_language": "en"})
    report = Linter(_registry(), settings, root, jobs=jobs).lint_paths(["."])
    assert not report.internal_errors, report.internal_errors
    return [eval(f.message) for f in report.findings]  # noqa: S307 - our own repr of ints and dataclasses


def _articles(root: Path) -> None:
    for name in ("a", "b", "c"):
        for lang in ("fa", "fr"):
            write(root / lang / f"{name}.txt", f"{lang} {name}\n" * 20_000)  # 2 batches or more: both workers
    write(root / "notes" / "d.txt", "no language in the path\n")


@forking
def test_rules_prepare_once_in_the_parent_and_workers_inherit_it(tmp_path, monkeypatch):
    _articles(tmp_path)
    seen = _lint(tmp_path, monkeypatch, jobs=2)
    parent = os.getpid()
    groups = [PlannedGroup(("fa", "fr"), "en")] * 3 + [PlannedGroup((), "en")]
    assert len(seen) == 4
    for pid, prepared in seen:
        assert pid != parent  # linted in a worker ...
        assert prepared == [(parent, groups)]  # ... that holds what the parent prepared, once


def test_no_preparation_without_workers(tmp_path, monkeypatch):
    _articles(tmp_path)
    seen = _lint(tmp_path, monkeypatch, jobs=1)
    assert [prepared for _, prepared in seen] == [[]] * 4
