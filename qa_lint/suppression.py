"""Inline suppressions in Markdown, and reporting those that suppress nothing (F006).

    <!-- qa-lint: ignore B003 -->          the next block (the lines up to a blank line)
    Read more: ...                          or, after text on a line, that line
    <!-- qa-lint: ignore-file B001, B007 --> the whole file

Codes are rule codes, prefixes or categories, separated by commas or spaces;
none means every rule. Plain text has no comments, so `.txt` files are
suppressed through `per-file-ignores` and the baseline instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Iterable

import regex

from .model import Finding
from .reading import ProblemKind
from .rule import Rule

if TYPE_CHECKING:
    from .document import Document
    from .selection import RuleSet

MARKDOWN_SUFFIXES = (".md", ".markdown")
# "qa-lint :" too: a French typography fix must not break the comment.
_DIRECTIVE = regex.compile(r"<!--\s*qa-lint\s*:\s*(ignore-file|ignore)\b(?P<codes>[^>]*?)\s*-->")


@dataclass
class Directive:
    start: int  # offsets of the comment in the document text
    end: int
    file_wide: bool
    selectors: tuple[str, ...]  # empty: every rule
    lines: range  # the lines it covers (1-based), for the line/block form
    whole_line: bool  # the comment is alone on its line
    span: tuple[tuple[int, int], tuple[int, int]] = ((0, 0), (0, 0))  # (line, column) of its ends
    used: set[str] = field(default_factory=set)

    def matches(self, finding: Finding) -> str | None:
        """The selector that suppresses `finding`, or None."""
        if not self.file_wide and finding.start.line not in self.lines:
            return None
        if not self.selectors:
            return "*"
        for selector in self.selectors:
            if finding.code.startswith(selector) or selector == finding.category.value:
                return selector
        return None


def is_markdown(doc: Document) -> bool:
    return doc.path.lower().endswith(MARKDOWN_SUFFIXES)


def parse_directives(doc: Document) -> list[Directive]:
    if "qa-lint" not in doc.text:
        return []
    lines = doc.lines
    directives = []
    for match in _DIRECTIVE.finditer(doc.text):
        line = doc.line_at(match.start())
        whole_line = line.text.strip() == match.group().strip()
        file_wide = match.group(1) == "ignore-file"
        selectors = tuple(s for s in regex.split(r"[\s,]+", match.group("codes")) if s)
        if whole_line:
            covered = _next_block(lines, line.number)
        else:
            covered = range(line.number, line.number + 1)
        first, last = doc.position(match.start()), doc.position(match.end())
        span = ((first.line, first.column), (last.line, last.column))
        directives.append(Directive(match.start(), match.end(), file_wide, selectors, covered, whole_line, span=span))
    return directives


def _next_block(lines, number: int) -> range:
    """The lines from the next non-blank one up to (not including) the next blank line."""
    index = number  # lines[index] is the line after the directive
    while index < len(lines) and lines[index].is_blank:
        index += 1
    first = index
    while index < len(lines) and not lines[index].is_blank:
        index += 1
    return range(first + 1, index + 1)


def apply_suppressions(
    findings: list[Finding], documents: Iterable[tuple[Document, RuleSet]], known_rules: Iterable[Rule]
) -> list[Finding]:
    """`findings` without those Markdown comments suppress, plus F006 for suppressions that suppress nothing."""
    markdown = [(doc, ruleset) for doc, ruleset in documents if is_markdown(doc)]
    if not markdown:
        return findings
    known = list(known_rules)
    by_path: dict[str, list[Finding]] = {}
    for finding in findings:
        by_path.setdefault(finding.path, []).append(finding)
    for doc, ruleset in markdown:
        directives = parse_directives(doc)
        if not directives:
            continue
        kept = []
        for finding in by_path.get(doc.path, []):
            if any(_inside(finding, directive) for directive in directives):
                continue  # the comment is not article text: nothing in it is a finding
            if finding.fix is not None and finding.fix.per_occurrence:
                finding = _unsuppressed_occurrences(finding, directives, doc)
                if finding is not None:
                    kept.append(finding)
                continue
            suppressed = False
            for directive in directives:
                selector = directive.matches(finding)
                if selector is not None:
                    directive.used.add(selector)
                    suppressed = True
            if not suppressed:
                kept.append(finding)
        kept.extend(_unused(doc, ruleset, directives, known))
        by_path[doc.path] = kept
    return [finding for group in by_path.values() for finding in group]


def _unsuppressed_occurrences(finding: Finding, directives: list[Directive], doc: Document) -> Finding | None:
    """`finding` for the occurrences no comment suppresses its rule on, or None when it covers them all.

    A finding for a word form written many times stands at its first occurrence
    and fixes them all: an occurrence on a suppressed line is left as written,
    and when the first one is, the finding moves to the next.
    """
    assert finding.fix is not None
    edits = []
    for edit in finding.fix.edits:
        protected = False
        for directive in directives:
            selector = directive.matches(replace(finding, start=edit.start))
            if selector is not None:
                directive.used.add(selector)
                protected = True
        if not protected:
            edits.append(edit)
    if not edits:
        return None
    if len(edits) == len(finding.fix.edits):
        return finding
    fix = replace(finding.fix, edits=tuple(edits))
    if edits[0].start == finding.start:
        return replace(finding, fix=fix)
    line = doc.lines[edits[0].start.line - 1].text
    return replace(finding, start=edits[0].start, end=edits[0].end, source_line=line, fix=fix)


def _inside(finding: Finding, directive: Directive) -> bool:
    start, end = directive.span
    return start <= (finding.start.line, finding.start.column) and (finding.end.line, finding.end.column) <= end


@dataclass(frozen=True)
class UnusedDirective:
    """A suppression comment that suppresses nothing, or less than it names: what the F006-like rule reports."""

    directive: Directive
    problems: list[str]  # why each selector it should drop is unused
    keep: list[str]  # the selectors still in use


def _unused(doc: Document, ruleset: RuleSet, directives: list[Directive], known: list[Rule]) -> Iterable[Finding]:
    rule = next((r for r in ruleset.rules if r.reports_problem == ProblemKind.UNUSED_SUPPRESSION), None)
    if rule is None or not ruleset.runs_on(rule, doc.lang):
        return
    level = ruleset.severities[rule.code]
    for directive in directives:
        problems, keep = [], []
        for selector in directive.selectors or ("*",):
            if selector in directive.used:
                keep.append(selector)
                continue
            targets = [r for r in known if selector == "*" or r.code.startswith(selector) or selector == r.category.value]
            if not targets:
                problems.append(f"{selector} names no rule")
            elif any(r in ruleset.rules and ruleset.runs_on(r, doc.lang) for r in targets):
                problems.append(f"{selector if selector != '*' else 'every rule'} suppresses nothing here")
            # A selector for rules not enabled on this file may be meant for another run: leave it.
            else:
                keep.append(selector)
        if not problems:
            continue
        finding = rule.unused_suppression_finding(doc, UnusedDirective(directive, problems, keep))  # type: ignore[attr-defined]
        yield finding if finding.severity == level else _with_severity(finding, level)


def _with_severity(finding: Finding, level) -> Finding:
    from dataclasses import replace

    return replace(finding, severity=level)
