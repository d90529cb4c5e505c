"""What the numbers rules share: they compare the translations of one article group."""

from __future__ import annotations

from ...groups import ArticleGroup
from ...model import Category
from ...rule import Rule, Scope
from .figures import Figures, figures


class GroupRule(Rule):
    category = Category.NUMBERS
    scope = Scope.GROUP

    @staticmethod
    def _prepare(group: ArticleGroup) -> tuple[list[Figures], Figures | None]:
        if len(group.documents) < 2:
            return [], None  # a lone file (a pre-commit run on one article) has nothing to compare
        found = [figures(doc) for doc in group.documents]
        source = next((f for f in found if f.doc is group.source), None)
        return found, source


def likely_line(window: range, index: int) -> int:
    """The line of `window` where line `index` of the other text most likely went."""
    return index if index in window else window[len(window) // 2]
