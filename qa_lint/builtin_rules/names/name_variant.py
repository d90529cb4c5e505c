"""N001 name-variant."""

from __future__ import annotations

from typing import Iterator

from ...document import Document
from ...groups import ArticleGroup
from ...model import Applicability, Category, Finding
from ...rule import Example, Rule, Scope
from .consistency import document_groups
from .glossary import glossary_target
from .groups import Anchor, FormGroup
from .mentions import cased_mentions, document_script
from .phonetic import name_key
from .variants import variant_kind


def certain_groups(group: ArticleGroup, doc: Document) -> tuple[list[Anchor], set[tuple[str, ...]], list[FormGroup]]:
    """For `doc` of `group`: its siblings' Latin names, the ambiguous keys, N001's form groups.

    Computed once per document: N001 reports the groups, N006 leaves their forms alone.
    """

    def compute(d: Document):
        anchors, ambiguous = latin_names(group)
        own = [a for a in anchors if a.path != d.path]
        return own, ambiguous, document_groups(d, own, ambiguous)

    return doc.memo(("names.certain-groups", group.key), compute)


def latin_names(group: ArticleGroup) -> tuple[list[Anchor], set[tuple[str, ...]]]:
    """Names in the group's Latin-script documents, and the keys two different names share.

    Keys are coarse (An and Anh share one): where the Latin text shows two
    names with one key, renderings with that key are not compared at all.
    """
    if not group.documents:
        return [], set()
    return group.documents[0].memo(("names.latin-names", group.key), lambda _: _latin_names(group))


def _latin_names(group: ArticleGroup) -> tuple[list[Anchor], set[tuple[str, ...]]]:
    anchors: dict[str, Anchor] = {}
    for doc in group.documents:
        if document_script(doc) == "Latin":
            for mention in cased_mentions(doc):
                form = mention.form
                if form not in anchors:  # the first mention of a form makes its anchor
                    anchors[form] = Anchor(form, doc.path, name_key(mention.tokens))
    return list(anchors.values()), ambiguous_keys(anchors.values())


def ambiguous_keys(anchors) -> set[tuple[str, ...]]:
    """The phonetic keys that two names of `anchors` share (names no rule of variants joins)."""
    by_key: dict[tuple, list[tuple[str, ...]]] = {}
    for anchor in anchors:
        by_key.setdefault(anchor.key, []).append(tuple(anchor.form.split()))
    ambiguous = set()
    for key, forms in by_key.items():
        if any(variant_kind(a, b, "Latin") is None for i, a in enumerate(forms) for b in forms[i + 1 :]):
            ambiguous.add(key)
    return ambiguous


def lines_where(mentions) -> str:
    """"lines 3, 7" — where `mentions` are, the first five lines of them."""
    lines = sorted({m.line for m in mentions})
    return f"line{'s' if len(lines) > 1 else ''} {', '.join(map(str, lines[:5]))}{'…' if len(lines) > 5 else ''}"


def report_approved(rule: Rule, doc: Document, group: FormGroup, name_id: str, approved: str) -> Iterator[Finding]:
    """The glossary's form wins over the article's majority: every other spelling is reported."""
    counts = ", ".join(f"“{mentions[0].text}” {len(mentions)}×" for mentions in group.forms.values())
    for form, mentions in group.forms.items():
        if " ".join(form) == approved:
            continue
        for mention in mentions:
            message = (
                f"“{mention.text}”: this article writes the name {len(group.forms)} ways ({counts}); "
                f"the names glossary ({name_id}) approves “{approved}”. Write the name one way"
            )
            fix = rule.fix(
                f"Write “{approved}”", [rule.edit(doc, mention.start, mention.end, approved)], Applicability.UNSAFE
            )
            yield rule.finding(doc, mention.start, mention.end, message, fix)


class NameVariant(Rule):
    """## What it does
    Reports a name written in more than one way in one article: diacritics
    present in one place and missing in another (Phạm Minh Chính / Pham Minh
    Chinh), hyphenation or spacing (Ho Chi Minh / Ho-Chi-Minh), two letters
    swapped (Phan Ahn Son) or doubled, letters that stand for one sound in the
    script (Cyrillic Шон / Сон, Arabic-script غ / ج), a silent final letter
    (Persian فان آن سون / فان آنه سون). The less frequent form is reported with
    the majority form, its count and its lines, and the majority form as fix.
    With a names glossary (N004's `glossary-file`), its approved form wins over
    the majority: every other spelling is reported, with the approved form as fix.

    In scripts without capital letters, names are found through the article's
    translations in Latin script (the same name by phonetic key) and, for
    Persian, Arabic and Urdu, among repeated word runs.

    ## Why is this bad?
    Readers notice a person spelled two ways, and search engines and archives
    split them in two. Two different names are never merged: "Nguyễn Văn An"
    and "Nguyễn Văn Anh" differ by a letter, not by a spelling habit.

    ## Fix safety
    Unsafe: the fix follows the majority of the article's mentions, and the
    majority may be the misspelling; only an editor knows which form is right
    (`--unsafe-fixes`).
    """

    code = "N001"
    name = "name-variant"
    category = Category.NAMES
    scope = Scope.GROUP
    fixable = True
    fix_applicability = "unsafe"
    examples = (
        Example(
            "Phạm Minh Chính a reçu la délégation.\nPhạm Minh Chính a remercié.\nPham Minh Chinh a conclu.\n",
            lang="fr",
            fixed="Phạm Minh Chính a reçu la délégation.\nPhạm Minh Chính a remercié.\nPhạm Minh Chính a conclu.\n",
        ),
        Example("Phan Anh Son parle. Phan Anh Son écoute. Phan Ahn Son part.\n", lang="fr"),
        Example("Ho Chi Minh a écrit. Ho Chi Minh a lu. Il a cité Ho-Chi-Minh.\n", lang="fr"),
        Example("Фан Ань Шон выступил. Фан Ань Шон отметил. Фан Ань Сон добавил.\n", lang="ru"),
        Example("جان اسمیت گفت.\nجان اسمیت افزود.\nسپس جان اسیمت رفت.\n", lang="fa"),
        # A silent ه without a sibling naming the person: here it is grammar (داد / داده).
        Example("این اتفاق رخ داد.\nاین اتفاق رخ داد و گذشت.\nآنچه رخ داده بود.\n", lang="fa", fires=False),
        Example("Nguyễn Văn An gặp Nguyễn Văn Anh. Nguyễn Văn An nói.\n", lang="vi", fires=False),
        Example("در این کنفرانس و در آن کنفرانس و در آن کنفرانس.\n", lang="fa", fires=False),
        Example("NGUYEN VAN AN\nNguyen Van An a parlé.\n", lang="fr", fires=False),
    )

    def check_group(self, group: ArticleGroup) -> Iterator[Finding]:
        for doc in group.documents:
            for form_group in certain_groups(group, doc)[2]:
                yield from self._report(doc, form_group)

    def _report(self, doc: Document, group: FormGroup) -> Iterator[Finding]:
        target = glossary_target(doc, group.forms, document_script(doc))
        if target:
            yield from report_approved(self, doc, group, *target)
            return
        majority = group.majority
        majority_mentions = group.forms[majority]
        majority_text = majority_mentions[0].text
        where = lines_where(majority_mentions)
        link = f"; it stands for {group.linked}" if group.linked else ""
        for form in group.minorities:
            mentions = group.forms[form]
            if group.is_tie and form == group.minorities[0]:
                summary = f"also written “{majority_text}” ({len(majority_mentions)}×, {where})"
            else:
                times = "once" if len(majority_mentions) == 1 else f"{len(majority_mentions)} times"
                summary = f"written “{majority_text}” {times} elsewhere in this article ({where})"
            for mention in mentions:
                message = (
                    f"“{mention.text}” is {summary}; the forms differ in {group.differences[form]}"
                    f"{link}. Write the name one way"
                )
                fix = self.fix(
                    f"Write “{majority_text}”",
                    [self.edit(doc, mention.start, mention.end, majority_text)],
                    Applicability.UNSAFE,
                )
                yield self.finding(doc, mention.start, mention.end, message, fix)



RULES = (NameVariant(),)
