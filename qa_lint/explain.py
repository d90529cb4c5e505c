"""`qa-lint explain CODE`: a rule's documentation with its examples run live."""

from __future__ import annotations

import textwrap

from .examples import fixed_text, run_example
from .rule import Rule, Scope


def _block(text: str) -> str:
    return textwrap.indent(text.rstrip("\n") or "(empty)", "    ")


_FIX_FACTS = {
    "safe": "safe (applied by --fix)",
    "unsafe": "unsafe (applied only with --unsafe-fixes)",
    "depends": "safe or unsafe depending on where the text is (see Fix safety)",
}


def explain_rule(rule: Rule) -> str:
    out = [f"{rule.code} {rule.name}", ""]
    facts = f"Category: {rule.category.value}. Default severity: {rule.severity}. Scope: {rule.scope.value}."
    facts += f" Fix: {_FIX_FACTS[rule.fix_applicability]}." if rule.fixable else " Fix: none."
    if rule.opt_in:
        facts += f" Opt-in: runs only when selected by code (--select {rule.code})."
    if rule.languages:
        facts += f" Languages: {', '.join(sorted(rule.languages))}."
    out += [facts, f"Defined in: {rule.origin}", ""]
    out += ["## What it does", rule.what, "", "## Why is this bad?", rule.why, ""]
    if rule.fixable and rule.fix_safety:
        out += ["## Fix safety", rule.fix_safety, ""]
    firing = [e for e in rule.examples if e.fires]
    quiet = [e for e in rule.examples if not e.fires]
    if firing:
        example = firing[0]
        out += ["## Example", ""]
        other_kind = "Another article of the run" if rule.scope is Scope.RUN else "Another translation"
        for lang, other in example.group:
            role = " (the original)" if example.source_language == lang else ""
            out += [f"{other_kind} ({lang}){role}:", _block(other), ""]
        if example.glossary is not None:
            out += ["Names glossary (glossary-file):", _block(example.glossary), ""]
        settings = "".join(f", with {key.replace('_', '-')} = {value!r}" for key, value in example.settings)
        if example.readable:
            out += ["This text" + (f" ({example.lang})" if example.lang else "") + settings + ":", _block(example.text), ""]
        else:
            out += ["A path with no file behind it:", ""]
        for finding in run_example(rule, example):
            out.append(f"  {finding.start.line}:{finding.start.column}: {finding.code} {finding.message}")
        if rule.fixable:
            corrected = {"safe": "Corrected by --fix:", "unsafe": "Corrected with --unsafe-fixes:"}.get(
                rule.fix_applicability, "Corrected (with --unsafe-fixes where a fix is unsafe):")
            out += ["", corrected, _block(example.fixed if example.fixed is not None else fixed_text(rule, example))]
        out.append("")
    if quiet:
        out += ["Not reported:", _block(quiet[0].text), ""]
    return "\n".join(out).rstrip() + "\n"
