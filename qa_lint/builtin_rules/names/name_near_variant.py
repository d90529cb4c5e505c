"""N006 name-near-variant."""

from __future__ import annotations

from typing import Iterator

from ...document import Document
from ...groups import ArticleGroup
from ...model import Applicability, Category, Finding, Severity
from ...rule import Example, Rule, Scope
from .glossary import glossary_target
from .groups import FormGroup
from .mentions import document_script
from .name_variant import ambiguous_keys, certain_groups, lines_where, report_approved
from .near_groups import near_groups


class NameNearVariant(Rule):
    """## What it does
    Reports a name of two or more words written in one article in two ways
    that differ in one word by a letter, where N001 cannot vouch that the
    two are one name: a letter written or left out ("Son" / "Song",
    "Bigdeli" / "Bigdelin"), a vowel letter of a transliteration (Arabic
    وان / ون, مينه / مين), letter groups that renderings swap (Cyrillic
    Кх / К, Ч / Т / Чж, the soft sign), one diacritic for another, a silent
    final letter without a translation that names the person (Persian
    فان آن سون / فان آنه سون in the Persian text alone), and in Arabic a
    name written joined and spaced (فيناكابيتال / فينا كابيتال). The form
    met once is reported with the form met at least twice, their counts and
    lines; the fix, writing the repeated form, is unsafe. A names glossary's
    approved form (N004) wins over the repeated one.

    It stays quiet when the article shows two names: each form written at
    least twice, or both in one sentence ("Nguyễn Văn An gặp Nguyễn Văn
    Anh"), or a translation that names two people there. Case endings are
    not variants (Russian "Джо Байден" / "Джо Байдена").

    ## Why is this bad?
    In a news article a name that comes back with one letter changed is
    almost always one person misspelt once; a reader cannot tell which form
    is right. The severity is `info`: the difference could make another
    name, so an editor decides (raise it with `severity = { N006 = "warning" }`).

    ## Fix safety
    Unsafe: the fix writes the repeated form of a name, and the single one
    may be right; only an editor knows (`--unsafe-fixes`).
    """

    code = "N006"
    name = "name-near-variant"
    category = Category.NAMES
    severity = Severity.INFO
    scope = Scope.GROUP
    fixable = True
    fix_applicability = "unsafe"
    examples = (
        Example(
            "Посол Данг Минь Кой посетил делегацию.\nПосол Данг Минь Кой сказал.\nДанг Минь Кхой поблагодарил.\n",
            lang="ru",
            fixed="Посол Данг Минь Кой посетил делегацию.\nПосол Данг Минь Кой сказал.\nДанг Минь Кой поблагодарил.\n",
        ),
        Example("رئيس VUFO، فان آن سون، سخنرانی کرد.\nفان آنه سون گفت.\nفان آنه سون افزود.\n", lang="fa"),
        Example("Đại sứ Phan Anh Son phát biểu. Phan Anh Son nói. Phan Anh Song cảm ơn.\n", lang="vi"),
        Example("قال نغوين وان آن إن العمل مهم.\nوأضاف نغوين وان آن أن التعاون مستمر.\nوختم نغوين ون آن كلمته.\n", lang="ar"),
        Example("تعمل مؤسسة فينا كابيتال منذ عشرين عاما.\nمدير فينا كابيتال قال.\nوتعمل فيناكابيتال في فيتنام.\n", lang="ar"),
        # Two people, in one sentence.
        Example("Nguyễn Văn An gặp Nguyễn Văn Anh. Nguyễn Văn An nói.\n", lang="vi", fires=False),
        # Two people, each named twice.
        Example("Nguyễn Văn An nói. Nguyễn Văn Anh nói. Nguyễn Văn An đi. Nguyễn Văn Anh về.\n", lang="vi", fires=False),
        # Case endings.
        Example("Джо Байден заявил.\nДжо Байден добавил.\nСлова Джо Байдена.\n", lang="ru", fires=False),
        # Verb forms: the last word of a run changes at its end.
        Example("این اتفاق رخ داد.\nاین اتفاق رخ داد و گذشت.\nآنچه رخ داده بود.\n", lang="fa", fires=False),
    )

    def check_group(self, group: ArticleGroup) -> Iterator[Finding]:
        for doc in group.documents:
            own, _, certain = certain_groups(group, doc)
            # Two people are shown by the translations beside it, not by the pair in question.
            for form_group in near_groups(doc, ambiguous_keys(own), certain):
                yield from self._report(doc, form_group)

    def _report(self, doc: Document, group: FormGroup) -> Iterator[Finding]:
        target = glossary_target(doc, group.forms, document_script(doc))
        if target:
            yield from report_approved(self, doc, group, *target)
            return
        majority_mentions = group.forms[group.majority]
        majority_text = majority_mentions[0].text
        where = lines_where(majority_mentions)
        for form in group.minorities:
            for mention in group.forms[form]:
                message = (
                    f"“{mention.text}” (once) is written “{majority_text}” {len(majority_mentions)} times "
                    f"elsewhere in this article ({where}); the forms differ in {group.differences[form]}. "
                    "Probably one name: write it one way"
                )
                fix = self.fix(
                    f"Write “{majority_text}”",
                    [self.edit(doc, mention.start, mention.end, majority_text)],
                    Applicability.UNSAFE,
                )
                yield self.finding(doc, mention.start, mention.end, message, fix)


RULES = (NameNearVariant(),)
