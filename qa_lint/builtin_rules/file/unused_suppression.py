"""F006 unused-suppression: `qa_lint.suppression` finds, once every other rule has run, the comments
that suppress nothing; this rule reports them, with the fix that removes them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...model import Category, Edit, Finding, Severity
from ...reading import ProblemKind
from ...rule import Example, Rule

if TYPE_CHECKING:
    from ...document import Document
    from ...suppression import UnusedDirective


class UnusedSuppression(Rule):
    """## What it does
    Reports a Markdown suppression comment (`<!-- qa-lint: ignore B003 -->`,
    `<!-- qa-lint: ignore-file B001 -->`) that suppresses no finding, or that
    names no rule. The fix removes the comment, or the codes it no longer needs.

    ## Why is this bad?
    A suppression outlives the problem it hid: once the line is repaired it
    would silently hide the next real finding there. A misspelt code hides
    nothing while looking as if it did.

    ## Fix safety
    Safe: the comment, or the code in it, suppresses nothing; the article's text
    is not touched.
    """

    code = "F006"
    name = "unused-suppression"
    category = Category.FILE
    severity = Severity.WARNING
    fixable = True
    reports_problem = ProblemKind.UNUSED_SUPPRESSION
    examples = (
        Example("<!-- qa-lint: ignore B003 -->\nLe conseil a ouvert une ligne.\n", lang="fr", name="example.md",
                also_select=("B003",), fixed="Le conseil a ouvert une ligne.\n"),
        Example("<!-- qa-lint: ignore B003 -->\nXem thêm:\n", lang="vi", name="example.md", also_select=("B003",),
                fires=False),
    )


    def unused_suppression_finding(self, doc: Document, unused: UnusedDirective) -> Finding:
        fix = self.fix("Remove the unused suppression", [self._removal(doc, unused)])
        message = f"Unused suppression: {'; '.join(unused.problems)}; remove it"
        return self.finding(doc, unused.directive.start, unused.directive.end, message, fix)

    def _removal(self, doc: Document, unused: UnusedDirective) -> Edit:
        directive, keep = unused.directive, unused.keep
        if keep:
            kind = "ignore-file" if directive.file_wide else "ignore"
            return self.edit(doc, directive.start, directive.end, f"<!-- qa-lint: {kind} {', '.join(keep)} -->")
        if directive.whole_line:
            line = doc.line_at(directive.start)
            return self.edit(doc, line.start, line.next_start, "")
        start = directive.start
        while start > 0 and doc.text[start - 1] in " \t":  # the space before a trailing comment goes with it
            start -= 1
        return self.edit(doc, start, directive.end, "")


RULES = (UnusedSuppression(),)
