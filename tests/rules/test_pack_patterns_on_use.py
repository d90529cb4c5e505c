"""Built-in pack rules compile their patterns when they first run: a run that ignores them compiles none."""

from __future__ import annotations

from conftest import write

from qa_lint.checktypes.pattern import PatternCheck
from qa_lint.config import SettingsResolver
from qa_lint.registry import Registry
from qa_lint.run.linter import Linter


def compiled_after(tmp_path, overrides: dict) -> set[str]:
    write(tmp_path / "fr" / "a.txt", "Le conseil municipal a voté lundi.\nCommentaires (3)\n")
    registry = Registry(load_entry_points=False)
    Linter(registry, SettingsResolver(overrides), tmp_path, jobs=1, cache_dir=None).lint_paths(["."])
    return {code for code, rule in registry.rules.items() if isinstance(rule, PatternCheck) and rule.patterns is not None}


def test_ignored_families_compile_no_pattern(tmp_path):
    assert compiled_after(tmp_path, {"ignore": ("boilerplate", "caption", "typography")}) == set()


def test_a_selected_rule_compiles_its_own_patterns_only(tmp_path):
    assert compiled_after(tmp_path, {"select": ("B001",)}) == {"B001"}
