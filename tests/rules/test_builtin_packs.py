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


def test_a_plugin_check_type_keeps_its_two_argument_constructor(tmp_path):
    """Check types from plugins were written against `__init__(self, data, origin)`."""
    from qa_lint.checktypes.pattern import PatternCheck

    class Legacy(PatternCheck):
        type_name = "legacy"

        def __init__(self, data, origin):
            super().__init__(data, origin)

    (tmp_path / "x.toml").write_text(
        '[[rule]]\ncode = "X001"\nname = "x"\ncategory = "boilerplate"\ntype = "legacy"\nmessage = "m"\n'
        'what = "w"\nwhy = "y"\npatterns = ["Lorem"]\n[[rule.examples]]\ntext = "Lorem"\n'
        '[[rule.examples]]\ntext = "Ipsum"\nfires = false\n', encoding="utf-8")
    (rule,) = load_packs([tmp_path], {**REGISTRY.check_types, "legacy": Legacy})
    assert rule.patterns is not None  # a user's pack is compiled when read


def test_a_builtin_pattern_compiles_when_it_first_checks_a_document():
    from pathlib import Path

    from qa_lint.document import Document

    rule = next(r for r in load_packs([builtin_pack_dir()], REGISTRY.check_types, prepare=False) if r.code == "B001")
    assert rule.patterns is None
    findings = list(rule.check(Document("fr/a.txt", Path("fr/a.txt"), "Texte.\nComment (0)\n", "fr")))
    assert rule.patterns and [f.start.line for f in findings] == [2]
