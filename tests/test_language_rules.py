"""The language family (L001-L004): script first, function words, lingua with the languages in play."""

from __future__ import annotations

from pathlib import Path

from qa_lint.builtin_rules.language.rules import RULES, languages_in_play
from qa_lint.document import Document
from qa_lint.groups import build_groups

from conftest import write

BY_CODE = {rule.code: rule for rule in RULES}
FRENCH = (
    "Le conseil municipal a ouvert une nouvelle ligne de bac lundi, a déclaré le maire.\n"
    "Les bateaux transportent jusqu'à trois cents passagers et partent toutes les vingt minutes.\n"
)
ENGLISH = "The new boats carry up to three hundred passengers and run every twenty minutes from the port.\n"
VIETNAMESE = "Hội nghị đã thảo luận về cơ chế phối hợp giữa hai cơ quan trong bối cảnh mới của đất nước.\n"


def findings(code: str, texts: dict[str, str], source: str | None) -> list:
    docs = [Document(f"{lang}/story.txt", Path(f"{lang}/story.txt"), text, lang) for lang, text in texts.items()]
    return [f for group in build_groups(docs, source) for f in BY_CODE[code].check_group(group)]


def test_a_source_language_line_is_untranslated_and_english_is_a_wrong_language_when_source_is_vi():
    texts = {"fr": FRENCH + VIETNAMESE + ENGLISH}
    untranslated = findings("L001", texts, "vi")
    assert [f.start.line for f in untranslated] == [3] and "Vietnamese" in untranslated[0].message
    wrong = findings("L002", texts, "vi")
    assert [f.start.line for f in wrong] == [4] and "English" in wrong[0].message


def test_english_is_untranslated_when_it_is_the_source_language():
    assert [f.start.line for f in findings("L001", {"fr": FRENCH + ENGLISH}, "en")] == [3]
    assert not findings("L002", {"fr": FRENCH + ENGLISH}, "en")


def test_a_quotation_every_translation_keeps_is_not_reported():
    quote = "Il faut bien le faire, a-t-il dit en riant devant la foule.\n"
    texts = {"en": ENGLISH + quote, "de": "Die neuen Boote fahren alle zwanzig Minuten ab dem Hafen.\n" + quote,
             "ru": "Новые паромы ходят каждые двадцать минут.\n" + quote}
    assert not findings("L002", texts, "en")


def test_a_document_in_the_wrong_language_is_reported_once_and_its_lines_are_not():
    text = ENGLISH * 3
    mismatch = findings("L004", {"fr": text}, None)
    assert len(mismatch) == 1 and "English" in mismatch[0].message and "French" in mismatch[0].message
    assert not findings("L002", {"fr": text}, None)


def test_languages_in_play_are_the_documents_the_sources_english_and_the_groups():
    docs = [Document(f"{lang}/a.txt", Path(f"{lang}/a.txt"), "x", lang) for lang in ("fr", "fa")]
    group = build_groups(docs, "vi")[0]
    assert languages_in_play(docs[0], group) == ("fr", "vi", "en", "fa")


def test_seeds_report_only_the_english_comment_counter(cli):
    result = cli("check", "examples/", "--select", "language", "--format", "json")
    found = [(f["path"], f["line"], f["code"]) for f in result.json()]
    assert found == [("examples/fr/vufo-mofa-coordination.txt", 16, "L002")]


def test_cli_reports_a_planted_untranslated_line_as_an_error(cli, tmp_path):
    write(tmp_path / "fr" / "story.txt", FRENCH + ENGLISH)
    result = cli("check", ".", "--select", "language", "--source-language", "en", "--format", "json", cwd=tmp_path)
    assert result.code == 1
    assert [(f["code"], f["severity"], f["line"]) for f in result.json()] == [("L001", "error", 3)]
