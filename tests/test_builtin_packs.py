"""The built-in rule packs are read lazily at start-up, so their checks run here instead."""

from __future__ import annotations

from qa_lint.languages import normalize_tag
from qa_lint.packs import builtin_pack_dir, load_packs
from qa_lint.registry import Registry

REGISTRY = Registry(load_entry_points=False)


def test_every_builtin_pack_compiles_when_read_as_a_user_pack_would_be():
    rules = load_packs([builtin_pack_dir()], REGISTRY.check_types, prepare=True)
    assert len(rules) >= 17
    assert {rule.code for rule in rules} <= set(REGISTRY.rules)


def test_builtin_pack_language_tags_are_canonical():
    """Read as written at start-up (no tag database): `fas` would never match a Persian document."""
    rules = load_packs([builtin_pack_dir()], REGISTRY.check_types, prepare=True)
    tags = {tag for rule in rules for tag in getattr(rule, "languages", None) or ()}
    assert tags and all(normalize_tag(tag, strict=False) == tag for tag in tags)
    lazy = {rule.code: rule.languages for rule in load_packs([builtin_pack_dir()], REGISTRY.check_types, prepare=False)
            if getattr(rule, "languages", None)}
    assert lazy == {rule.code: rule.languages for rule in rules if getattr(rule, "languages", None)}


def test_a_builtin_pattern_compiles_on_first_use_only():
    rule = next(r for r in load_packs([builtin_pack_dir()], REGISTRY.check_types, prepare=False) if r.code == "B001")
    assert rule.patterns is None
    rule.prepare()
    compiled = rule.patterns
    assert compiled and rule.patterns is compiled
    rule.prepare()
    assert rule.patterns is compiled
