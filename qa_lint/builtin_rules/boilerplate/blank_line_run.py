"""B007 blank-line-run."""

from __future__ import annotations

from typing import Iterator

from ...document import Document
from ...model import Category, Finding
from ...rule import Example, Rule


class BlankLineRun(Rule):
    """## What it does
    Reports runs of two or more blank lines in a row, and blank lines at the end
    of a file. The fix keeps one blank line between paragraphs and none at the end.

    Option: `[rule-options.B007] max-blank-lines = 1` (how many blank lines in a
    row are fine).

    ## Why is this bad?
    Scrapers leave the empty cells of a page's layout (widgets, ad slots, a
    removed gallery) as runs of blank lines. A CMS shows them as gaps in the
    article, and they often sit right above other leftovers such as a comment
    counter.

    ## Fix safety
    Safe: only empty lines are deleted, and one stays between paragraphs.
    """

    code = "B007"
    name = "blank-line-run"
    category = Category.BOILERPLATE
    fixable = True
    default_max_blank = 1
    examples = (
        Example("Le texte.\n\n\n\nComment (0)\n", fixed="Le texte.\n\nComment (0)\n"),
        Example("Le texte.\n\n\n", fixed="Le texte.\n"),
        Example("Premier paragraphe.\n\nSecond paragraphe.\n", fires=False),
    )

    def validate_options(self, options: dict) -> None:
        for key, value in options.items():
            if key != "max-blank-lines":
                raise ValueError(f"unknown option `{key}` (B007 takes `max-blank-lines`)")
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise ValueError("`max-blank-lines` must be a whole number of at least 1")

    def check(self, doc: Document) -> Iterator[Finding]:
        max_blank = self.options(doc).get("max-blank-lines", self.default_max_blank)
        lines = doc.lines
        # The last line of a file ending in "\n" is not blank: the terminator
        # belongs to it, there is no empty line after it.
        index = 0
        while index < len(lines):
            if not lines[index].is_blank:
                index += 1
                continue
            first = index
            while index < len(lines) and lines[index].is_blank:
                index += 1
            count = index - first
            at_end = index == len(lines)
            if at_end and first == 0:
                return  # a blank file is F004's business
            if count > max_blank or at_end:
                yield self._report(doc, first, index - 1, count, at_end, max_blank)

    def _report(self, doc: Document, first: int, last: int, count: int, at_end: bool, max_blank: int) -> Finding:
        lines = doc.lines
        keep = 0 if at_end else max_blank
        where = "at the end of the file" if at_end else "in a row"
        noun = "blank line" if count == 1 else "blank lines"
        message = f"{count} {noun} {where}; keep {'none' if at_end else f'at most {max_blank}'}"
        fix = self.delete_lines_fix(
            doc, first + 1 + keep, last + 1, f"Delete {count - keep} blank line{'s' if count - keep != 1 else ''}"
        )
        return self.finding(doc, lines[first].start, lines[last].next_start, message, fix)


RULES = (BlankLineRun(),)
