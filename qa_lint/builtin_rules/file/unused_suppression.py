"""F006 unused-suppression: reported by `qa_lint.suppression` once every other rule has run."""

from __future__ import annotations

from ...model import Category, Severity
from ...rule import Example, Rule


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
    examples = (
        Example("<!-- qa-lint: ignore B003 -->\nLe conseil a ouvert une ligne.\n", lang="fr", name="example.md",
                also_select=("B003",), fixed="Le conseil a ouvert une ligne.\n"),
        Example("<!-- qa-lint: ignore B003 -->\nXem thêm:\n", lang="vi", name="example.md", also_select=("B003",),
                fires=False),
    )


RULES = (UnusedSuppression(),)
