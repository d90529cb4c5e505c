"""Every rule's own examples: those marked to fire fire, the others stay quiet, fixes give `fixed`."""

from __future__ import annotations

import pytest

from qa_lint.examples import fixed_text, run_example
from qa_lint.registry import Registry

from conftest import EXAMPLES

REGISTRY = Registry(load_entry_points=False)
# The example house-style pack is held to the same standard as the built-ins.
REGISTRY.add_pack_folders([EXAMPLES / "house-style"])
RULES = REGISTRY.sorted_rules()
CASES = [
    pytest.param(rule, example, id=f"{rule.code}-{'fires' if example.fires else 'quiet'}-{index}")
    for rule in RULES
    for index, example in enumerate(rule.examples)
]


@pytest.mark.parametrize("rule, example", CASES)
def test_example(rule, example):
    findings = run_example(rule, example)
    if example.fires:
        assert findings, f"{rule.code} should fire on {example.text!r}"
        assert all(f.code == rule.code and f.name == rule.name for f in findings)
    else:
        assert not findings, f"{rule.code} should not fire on {example.text!r}: {[f.message for f in findings]}"
    if example.fixed is not None:
        assert fixed_text(rule, example) == example.fixed


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.code)
def test_rule_is_documented_and_has_both_kinds_of_example(rule):
    assert rule.what and rule.why, f"{rule.code} needs 'What it does' and 'Why is this bad?'"
    assert any(e.fires for e in rule.examples), f"{rule.code} has no example that fires"
    assert any(not e.fires for e in rule.examples), f"{rule.code} has no example that must not fire"
    if rule.fixable:
        assert any(e.fires and e.fixed is not None for e in rule.examples), f"{rule.code} has no fixed example"


@pytest.mark.parametrize("rule", [r for r in RULES if r.fixable], ids=lambda rule: rule.code)
def test_fixes_are_idempotent(rule):
    """Applying a rule's fixes leaves text the rule no longer reports."""
    from dataclasses import replace

    for example in (e for e in rule.examples if e.fires):
        repaired = fixed_text(rule, example)
        assert not run_example(rule, replace(example, text=repaired, fixed=None))


@pytest.mark.parametrize("rule", [r for r in RULES if r.fixable], ids=lambda rule: rule.code)
def test_every_fix_says_why_it_is_safe_or_not(rule):
    """`--fix` applies only what no editor would reject: each rule's docs give the reason."""
    assert rule.fix_applicability in ("safe", "unsafe", "depends")
    assert rule.fix_safety.split(":")[0].split()[0] in ("Safe", "Unsafe"), f"{rule.code}: “Fix safety” starts with Safe or Unsafe"
    applicabilities = {
        f.fix.applicability.value
        for example in rule.examples if example.fires
        for f in run_example(rule, example) if f.fix
    }
    if rule.fix_applicability != "depends":
        assert applicabilities <= {rule.fix_applicability}, f"{rule.code}'s fixes are {applicabilities}"
