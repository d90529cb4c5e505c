"""N004 name-not-approved."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

from ...document import Document
from ...languages import primary
from ...model import Applicability, Category, Finding
from ...rule import Example, Rule
from .glossary import GlossaryError, approved_forms, closest_approved, load_glossary
from .mentions import cased_mentions, document_script, is_cased, ngrams


class NameNotApproved(Rule):
    """## What it does
    With a names glossary (`[rule-options.N004] glossary-file = "names.toml"`:
    TOML as `qa-lint names` writes it, CSV or TBX), reports a mention that closely
    matches a name's approved form in the document's language but is not it:
    another transliteration, missing diacritics, other hyphenation. The
    approved form is the fix. The approved form in another grammatical case
    is accepted (Russian "Дональда Трампа" for "Дональд Трамп").

    ## Why is this bad?
    A desk that has agreed on "فان آنه سون" wants every article to use it;
    close misses are the ones readers and search engines split.

    ## Fix safety
    Unsafe: the fix changes a name, and a quotation or an inflected form may
    rightly differ from the glossary; apply it with `--unsafe-fixes` once
    reviewed.
    """

    code = "N004"
    name = "name-not-approved"
    category = Category.NAMES
    fixable = True
    fix_applicability = "unsafe"
    examples = (
        Example("Pham Minh Chinh phát biểu.\nPhạm Minh Chính nói.\n", lang="vi",
                glossary='[[name]]\nid = "pmc"\nvi = "Phạm Minh Chính"\n',
                fixed="Phạm Minh Chính phát biểu.\nPhạm Minh Chính nói.\n"),
        Example("Phạm Minh Chính phát biểu.\n", lang="vi", glossary='[[name]]\nid = "pmc"\nvi = "Phạm Minh Chính"\n',
                fires=False),
        Example("Phan Anh Son a parlé.\n", lang="fr", fires=False),
    )

    def validate_options(self, options: dict) -> None:
        for key, value in options.items():
            if key != "glossary-file":
                raise ValueError(f"unknown option `{key}` (N004 takes `glossary-file`)")
            if not isinstance(value, str):
                raise ValueError("`glossary-file` must be the path of a .toml, .csv or .tbx file")
            try:
                load_glossary(Path(value))
            except GlossaryError as error:
                raise ValueError(str(error)) from None

    def check(self, doc: Document) -> Iterator[Finding]:
        approved = approved_forms(doc)
        if not approved:
            return
        script = document_script(doc)
        sizes = sorted({len(tokens) for _, tokens in approved})
        mentions = cased_mentions(doc) if is_cased(script) else ngrams(doc, range(sizes[0], sizes[-1] + 1))
        for mention in mentions:
            match = closest_approved(mention.tokens, approved, script, primary(doc.lang))
            if match is None or not match[2]:
                continue
            name_id, tokens, kind = match
            approved_text = " ".join(tokens)
            message = (
                f"“{mention.text}” is not the approved form of this name in the names glossary "
                f"({name_id}): write “{approved_text}” (they differ in {kind})"
            )
            fix = self.fix(
                f"Write “{approved_text}”",
                [self.edit(doc, mention.start, mention.end, approved_text)],
                Applicability.UNSAFE,
            )
            yield self.finding(doc, mention.start, mention.end, message, fix)


RULES = (NameNotApproved(),)
