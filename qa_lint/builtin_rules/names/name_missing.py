"""N002 name-missing-in-translation."""

from __future__ import annotations

from collections import Counter
from typing import Iterator

from ...document import Document
from ...groups import ArticleGroup
from ...model import Category, Finding, Severity
from ...rule import Example, Rule, Scope
from .groups import Anchor
from .mentions import cased_mentions, document_script, is_cased, ngrams
from .phonetic import name_key
from .renderings import unspaced, usable_anchor
from .text import fold, words


class NameMissingInTranslation(Rule):
    """## What it does
    With an article group whose original is known (`source-language`),
    reports a name of the original that a translation never mentions, in any
    spelling the names rules recognise. Only names the original mentions at
    least twice, made of words it never writes in lower case, count; with
    several translations, two thirds of the others must have kept the name, so
    that names translators translate (institutions, titles) are left alone.

    Opt-in (`--select N002`): on professional English-to-X news it mostly
    meets names that translators rightly translate or shorten ("West
    Virginia", "El Salvador" as "Salvador"), about 2 per 1,000 lines.

    ## Why is this bad?
    A dropped name is often a dropped sentence or caption. It is `info`:
    a translator may rightly write "the president" for the second mention.
    """

    code = "N002"
    name = "name-missing-in-translation"
    category = Category.NAMES
    severity = Severity.INFO
    scope = Scope.GROUP
    opt_in = True
    examples = (
        Example("رئیس سخنرانی کرد.\nاو تشکر کرد.\n", lang="fa", source_language="vi",
                group=(("vi", "Ông Phan Anh Sơn phát biểu.\nPhan Anh Sơn cảm ơn.\nPhan Anh Sơn ra về.\n"),)),
        Example("M. Phan Anh Son a parlé.\nIl a remercié.\n", lang="fr", source_language="vi", fires=False,
                group=(("vi", "Ông Phan Anh Sơn phát biểu.\nPhan Anh Sơn cảm ơn.\nPhan Anh Sơn ra về.\n"),)),
    )

    def check_group(self, group: ArticleGroup) -> Iterator[Finding]:
        source = group.source
        if source is None or not is_cased(document_script(source)):
            return
        counts = Counter(m.form for m in cased_mentions(source))
        # Names the article is about (mentioned twice or more), and made of words
        # the original never writes in lower case: "Premier League" gets translated.
        ordinary = {w.casefold() for w in _lowercase_words(source)}
        names = [
            Anchor(form, source.path, name_key(form.split()))
            for form, count in counts.items()
            if count >= MIN_MENTIONS and not any(word.casefold() in ordinary for word in form.split())
        ]
        names = [a for a in names if usable_anchor(a)]
        checkable = [d for d in group.translations if not unspaced(document_script(d))]
        if not names or not checkable:
            return
        present = {doc.path: _present(doc, names) for doc in checkable}
        for anchor in names:
            having = [d for d in checkable if anchor.form in present[d.path]]
            for doc in checkable:
                if anchor.form in present[doc.path]:
                    continue
                others = len(checkable) - 1
                if others and len(having) * 3 < others * 2:
                    continue  # other translations dropped it too: probably translated, not transliterated
                kept = ", ".join(d.path for d in having[:3]) or "no other translation"
                times = counts[anchor.form]
                message = (
                    f"“{anchor.form}” ({times} time{'s' if times != 1 else ''} in the original "
                    f"{source.path}) does not appear in this translation in any recognisable spelling; "
                    f"kept in: {kept}"
                )
                yield self.finding(doc, 0, 0, message)


MIN_MENTIONS = 2


def _lowercase_words(doc: Document) -> set[str]:
    return {w.text for w in words(doc.text) if w.text[0].islower()}


# How alike (0-100) the consonant skeletons of a name and a rendering must be
# to count as the name being there: transliteration shifts sounds (s / z).
MIN_KEY_SIMILARITY = 75


def _present(doc: Document, names: list[Anchor]) -> set[str]:
    """The forms of `names` that `doc` mentions in some spelling."""
    script = document_script(doc)
    if script == "Latin":
        text = fold(doc.text)
        return {a.form for a in names if fold(a.form) in text}
    from rapidfuzz import fuzz, process

    sizes = {len(a.key) for a in names}
    candidates = {
        size: {" ".join(name_key(m.tokens)) for m in ngrams(doc, range(size, size + 1))}
        for size in sizes
    }
    found = set()
    for anchor in names:
        match = process.extractOne(" ".join(anchor.key), candidates[len(anchor.key)], scorer=fuzz.ratio,
                                   score_cutoff=MIN_KEY_SIMILARITY)
        if match:
            found.add(anchor.form)
    return found


RULES = (NameMissingInTranslation(),)
