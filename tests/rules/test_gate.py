"""The whole-document gate of line-by-line patterns never hides a line's match."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import regex

from qa_lint.checktypes.gate import gate, gate_text
from qa_lint.checktypes.substitution import SubstitutionCheck
from qa_lint.document import Document
from qa_lint.registry import Registry

FLAGS = regex.VERSION1

# Lines that start and end with what patterns look for at a line's edge.
LINES = [
    ", starts with a comma", "ends with a space before a mark .", "word ,", ". ", "»", "x", "",
    "Il a dit : oui !", "a  b", "signed.The", "قال ,هو", "東京 大阪", "end./.", "(x )", "x\u00a0,",
]
TERMINATORS = ["\n", "\r\n", "\r"]


def documents():
    for terminator in TERMINATORS:
        for rotation in range(len(LINES)):
            lines = LINES[rotation:] + LINES[:rotation]
            yield Document(path="a.txt", file=Path("a.txt"), text=terminator.join(lines) + terminator, lang="fr")


def builtin_substitutions() -> list[SubstitutionCheck]:
    rules = [rule for rule in Registry().sorted_rules() if isinstance(rule, SubstitutionCheck)]
    assert rules, "the built-in packs hold substitution rules"
    for rule in rules:
        rule.prepare()
    return rules


SYNTHETIC = [
    r"^,", r"\.$", r"(?<=\S) {2,}(?=\S)", r"(?<=[\p{L}])\s+([,.])(?=[ \t]|$)", r"^$", r"\bx\b", r"^\W",
    r"(?<=^.)\w", r"[.,]\s*$",
]


@pytest.mark.parametrize("source", SYNTHETIC + [s for rule in builtin_substitutions() for s, _, _ in rule.sources])
def test_a_gate_matches_wherever_a_line_does(source):
    pattern = regex.compile(source, FLAGS)
    gated = gate(source, source, FLAGS)
    assert gated is not None
    for doc in documents():
        if any(pattern.search(line.text) for line in doc.lines):
            assert gated.search(gate_text(doc)), (source, doc.text)


@pytest.mark.parametrize("source", [r"\Ax", r"x\Z", r"\Gx", r"a\Kb", r"(?<![\s\S])x", r"x(?![\s\S])",
                                    r"(?i)x", r"(?m:x)", r"(?>a*)b", r"a*+b", r"a++", r"a{2}+"])
def test_constructs_that_see_past_a_line_are_not_gated(source):
    assert gate(source, source, FLAGS) is None


def test_an_ungated_pattern_still_finds_what_a_naive_gate_would_miss():
    # Nothing before "x" at a line's start, but "\n" before it in the whole text.
    doc = Document(path="a.txt", file=Path("a.txt"), text="a\nx\n", lang="fr")
    assert regex.search(r"(?<![\s\S])x", gate_text(doc), FLAGS | regex.MULTILINE) is None
    rule = copy.copy(builtin_substitutions()[0])  # the registry's own instance is left as it is
    rule.sources = [(r"(?<![\s\S])x", r"(?<![\s\S])x", "y")]
    rule.swaps = None
    assert [f.start.line for f in rule.check(doc)] == [2]


def test_gated_and_ungated_rules_report_the_same():
    for rule in builtin_substitutions():
        for doc in documents():
            gated = list(rule.check(doc))
            kept = rule.gates
            rule.gates = [None] * len(kept)
            try:
                ungated = list(rule.check(doc))
            finally:
                rule.gates = kept
            assert gated == ungated, (rule.code, doc.text)
