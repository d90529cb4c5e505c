"""An example qa-lint plugin: one rule that looks at all translations of an article.

qa-lint finds this module through the entry point declared in `pyproject.toml`:

    [project.entry-points.qa_lint]
    example = "qa_lint_example_plugin"

and calls the hooks it marks with `qa_lint.plugins.hookimpl`. Rules from a plugin
are peers of the built-in ones: `qa-lint rules`, `qa-lint explain X101`,
`--select`, `--ignore`, per-file ignores and severity overrides all apply.
"""

from __future__ import annotations

from statistics import median
from typing import Iterator

from qa_lint.document import Document
from qa_lint.groups import ArticleGroup
from qa_lint.model import Category, Finding, Severity
from qa_lint.plugins import hookimpl
from qa_lint.rule import Example, Rule, Scope

__version__ = "0.1.0"


def _content_lines(doc: Document) -> int:
    return sum(1 for line in doc.lines if not line.is_blank)


def _number(value: float) -> str:
    return f"{value:g}"


class ParagraphCountMismatch(Rule):
    """## What it does
    Reports a translation whose number of non-blank lines differs by more than
    30% from the rest of its article group. The reference is the original when
    `source-language` names one of the files, otherwise the median of all the
    files of the article; with two files and no known original, both are
    reported, as nothing tells which one is off.

    The translations of one article are found by their paths: `fa/320388.txt`
    and `fr/320388.txt`, or `320388.fa.txt` and `320388.fr.txt`. The finding is
    at the first line of the translation and names the sibling files with their
    counts. Differences of a single line are never reported.

    ## Why is this bad?
    A translation that is much shorter than its siblings usually lost part of the
    article: a paragraph the machine translation dropped, a copy-paste that
    stopped half-way. One much longer usually kept leftovers of the source page
    (comments, related links) or merged two articles. Neither shows when each
    file is read on its own.
    """

    code = "X101"
    name = "paragraph-count-mismatch"
    category = Category("structure")  # a family of its own: `--select structure` selects it
    severity = Severity.INFO
    scope = Scope.GROUP
    origin = "plugin qa-lint-example-plugin"
    # Largest accepted difference, as a fraction of the reference count.
    tolerance = 0.30
    # Smaller differences are never reported, however short the articles.
    min_difference = 2
    examples = (
        Example("Titre\nPremier paragraphe.\n", lang="fr", source_language="en",
                group=(("en", "Title\nFirst.\nSecond.\nThird.\nFourth.\nFifth.\n"),)),
        Example("Titre\n\nPremier paragraphe.\n\nSecond paragraphe.\n", fires=False, lang="fr"),
    )

    def check_group(self, group: ArticleGroup) -> Iterator[Finding]:
        documents = [doc for doc in group.documents if _content_lines(doc)]  # empty files are F004's
        if len(documents) < 2:
            return
        counts = {doc.path: _content_lines(doc) for doc in documents}
        source = group.source
        if not any(doc is source for doc in documents):
            source = None
        if source is not None:
            reference = counts[source.path]
            against = f"the original's {reference}"
        else:
            reference = median(counts.values())
            against = f"the group's median of {_number(reference)}"
        for doc in documents:
            if doc is source:
                continue
            count = counts[doc.path]
            difference = abs(count - reference)
            if difference < self.min_difference or difference <= self.tolerance * reference:
                continue
            siblings = ", ".join(
                f"{other.path} ({'original, ' if other is source else ''}{counts[other.path]})"
                for other in documents
                if other is not doc
            )
            direction = "more" if count > reference else "fewer"
            message = (
                f"{count} non-blank lines, {difference / reference:.0%} {direction} than {against}; "
                f"siblings: {siblings}"
            )
            yield self.finding(doc, 0, doc.lines[0].end, message)


@hookimpl
def qa_lint_register_rules():
    return [ParagraphCountMismatch()]
