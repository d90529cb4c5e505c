"""S010 not-nfc: letters stored as a base letter plus combining marks where one character exists."""

from __future__ import annotations

import itertools
import unicodedata
from typing import Iterator

import regex

from ...document import Document
from ...model import Category, Finding, Severity
from ...rule import Example, Rule

GRAPHEME = regex.compile(r"\X")
# Only clusters holding a combining mark can change under NFC composition.
_HAS_MARK = regex.compile(r"\p{M}")


def decomposed_clusters(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, composed) for each cluster NFC writes with fewer characters.

    Clusters NFC merely reorders (the order of Arabic or Lao marks) or expands
    (composition exclusions such as Devanagari क़) look the same and are
    searchable as they are; they are not reported.
    """
    if unicodedata.is_normalized("NFC", text):
        return  # NFC never joins across a line break, so every line of an NFC text is NFC too
    for line in regex.finditer(r"[^\n]*\p{M}[^\n]*", text):
        if unicodedata.is_normalized("NFC", line.group()):
            continue
        start = line.start()
        for cluster in GRAPHEME.findall(line.group()):
            end = start + len(cluster)
            # One character never composes into fewer: only longer clusters need a closer look.
            if end - start > 1 and _HAS_MARK.search(cluster):
                composed = compose(cluster)
                if len(composed) < len(cluster):
                    yield start, end, composed
            start = end


# Longer clusters are no letter but a pile of marks: put them in canonical order before NFC.
_LONG_CLUSTER = 32


def compose(cluster: str) -> str:
    """NFC of one cluster, in time linear in its length (n log n for a pile of marks).

    CPython puts combining marks in canonical order by insertion sort: a line
    holding one cluster of a million mixed marks took minutes. Decomposing each
    character on its own and sorting each run of marks by combining class
    (stably, as canonical ordering does) gives the same NFD, already ordered.
    """
    if len(cluster) <= _LONG_CLUSTER:
        return unicodedata.normalize("NFC", cluster)
    decomposed = "".join(unicodedata.normalize("NFD", char) for char in cluster)
    ordered = []
    for is_mark, run in itertools.groupby(decomposed, key=lambda char: unicodedata.combining(char) != 0):
        ordered.extend(sorted(run, key=unicodedata.combining) if is_mark else run)
    return unicodedata.normalize("NFC", "".join(ordered))


class NotNfc(Rule):
    """## What it does
    Reports letters stored decomposed where Unicode has one composed character.
    A base letter followed by combining accents ("e" + "̂" + "̣" for "ệ") is
    reported once per document with the count: the web and most software
    expect the composed Normalization Form C (NFC). Typical of Vietnamese from old converters and of text
    pasted from macOS file names. The fix composes every such letter; the
    finding spans from the first to the last of them.

    ## Why is this bad?
    The letters look the same, but a search for "Nguyễn" typed on a keyboard
    does not find the decomposed one, sorting and name matching fail, and some
    fonts place the accents wrongly.

    ## Fix safety
    Safe: NFC composition changes how letters are stored, not how they look or
    read.
    """

    code = "S010"
    name = "not-nfc"
    category = Category.SCRIPT
    severity = Severity.WARNING
    fixable = True
    examples = (
        Example("Ông Nguye\u0302\u0303n nói.\nHà No\u0323\u0302i.\n", lang="vi", fixed="Ông Nguyễn nói.\nHà Nội.\n"),
        Example("Une cafe\u0301 au lait.\n", lang="fr", fixed="Une café au lait.\n"),
        Example("Ông Nguyễn nói.\n", lang="vi", fires=False),
        Example("\u0916\u093c\u092c\u0930\n", lang="hi", fires=False),
    )

    def check(self, doc: Document) -> Iterator[Finding]:
        clusters = list(decomposed_clusters(doc.text))
        if not clusters:
            return
        first, last = clusters[0][0], clusters[-1][1]
        example = doc.text[clusters[0][0] : clusters[0][1]]
        count = len(clusters)
        noun = "letter is" if count == 1 else "letters are"
        message = (
            f"{count} {noun} stored decomposed (not NFC), first “{example}” at this position; "
            f"write the composed “{clusters[0][2]}”"
        )
        edits = [self.edit(doc, start, end, composed) for start, end, composed in clusters]
        yield self.finding(doc, first, last, message, self.fix(f"Compose {count} letter{'s' if count != 1 else ''} (NFC)", edits))


RULES = (NotNfc(),)
