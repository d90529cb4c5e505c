"""C001 caption-table-pipe."""

from __future__ import annotations

from typing import Iterator

from ...document import Document
from ...model import Category, Finding
from ...rule import Example, Rule
from .lines import captions


class CaptionTablePipe(Rule):
    """## What it does
    Reports table pipes left around a caption line by a scraped HTML table, or at
    one of its edges: `| Text. (Photo: X) |`, `Text. (Photo : X) |`. The fix
    removes the pipes and the spaces next to them. Markdown table rows (a line with more than two pipes,
    or next to a `|---|` rule) are left alone.

    ## Why is this bad?
    The page laid its photo out in an HTML table; scraped as text, the cell borders
    became pipes. Readers see them as stray characters in the caption.

    ## Fix safety
    Safe: only the pipes and the spaces next to them are removed; the caption's
    words stay.
    """

    code = "C001"
    name = "caption-table-pipe"
    category = Category.CAPTION
    fixable = True
    examples = (
        Example("| Le vice-ministre s'exprime. (Photo : Dinh Hoa) |\n", lang="fr",
                fixed="Le vice-ministre s'exprime. (Photo : Dinh Hoa)\n"),
        Example("Le vice-ministre s'exprime. (Photo : Dinh Hoa) |\n", lang="fr",
                fixed="Le vice-ministre s'exprime. (Photo : Dinh Hoa)\n"),
        Example("| معاون وزیر سخنرانی می‌کند. (منبع: VUFO) |\n", lang="fa",
                fixed="معاون وزیر سخنرانی می‌کند. (منبع: VUFO)\n"),
        Example("Le vice-ministre s'exprime. (Photo : Dinh Hoa)\n", lang="fr", fires=False),
        Example("| Pays | Part |\n|---|---|\n| France | 12 % |\n", fires=False),
        Example("Il a choisi entre A | B et C.\n", fires=False),
    )

    def check(self, doc: Document) -> Iterator[Finding]:
        for caption in captions(doc):
            if not caption.pipes:
                continue
            first, last = caption.pipes[0], caption.pipes[-1]
            if len(caption.pipes) == 2:
                what = "Table pipes around a caption"
            else:
                edge = "start" if first.start <= caption.body.start else "end"
                what = f"A table pipe at the {edge} of a caption"
            edits = [self.edit(doc, pipe.start, pipe.end, "") for pipe in caption.pipes]
            fix = self.fix("Remove the table pipes", edits)
            yield self.finding(doc, first.start, last.end, f"{what}, left over from the page layout; remove it", fix)


RULES = (CaptionTablePipe(),)
