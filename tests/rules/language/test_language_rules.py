"""The language family (L001-L004): script first, function words, lingua with the languages in play."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from qa_lint.builtin_rules.language import RULES as LANGUAGE_RULES
from qa_lint.builtin_rules.language.rules import RULES, languages_in_play
from qa_lint.document import Document
from qa_lint.groups import build_groups

from conftest import run_cli, write

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


PERSIAN = "شورای شهر دوشنبه خط جدید کشتی را افتتاح کرد و شهردار از آن استقبال کرد.\n"
RUSSIAN = "Городской совет в понедельник открыл новую паромную линию, заявил мэр города.\n"


def test_an_english_sentence_two_translations_kept_is_untranslated_in_both():
    """Machine translation fails the same way in several languages: that is no quotation."""
    texts = {"en": ENGLISH, "fa": PERSIAN + ENGLISH, "ru": RUSSIAN + ENGLISH}
    assert sorted(f.path for f in findings("L001", texts, "en")) == ["fa/story.txt", "ru/story.txt"]


@pytest.mark.parametrize("kept", [
    "«The boats run every twenty minutes from the port.»\n",  # quoted
    "(The boats run every twenty minutes from the port.)\n",  # marked
])
def test_an_english_sentence_two_translations_keep_quoted_or_marked_is_a_quotation(kept):
    texts = {"en": ENGLISH, "fr": FRENCH + kept, "ru": RUSSIAN + kept}
    assert not findings("L002", texts, "vi") and not findings("L001", texts, "vi")


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


# Sentences glued onto a line: judged one by one, reported as sentences (L001/L002), not as L003 runs.

def test_an_english_sentence_glued_onto_a_french_line_is_an_untranslated_sentence():
    line = ("Le conseil municipal a ouvert une nouvelle ligne de bac lundi, a déclaré le maire. "
            "The new boats carry up to three hundred passengers and run every twenty minutes.\n")
    found = findings("L001", {"fr": FRENCH + line}, "en")
    assert [(f.start.line, f.start.column) for f in found] == [(3, 84)]
    assert "Untranslated sentence in English" in found[0].message
    assert not findings("L003", {"fr": FRENCH + line}, "en")


def test_a_sentence_after_a_khmer_full_stop_is_a_sentence_and_the_name_before_it_is_not_part_of_it():
    line = ("កីឡាករបានខិតខំព្យាយាមយ៉ាងខ្លាំងក្នុងការប្រកួតនោះ Francesco Molinari។ "
            "All twelve of his players played very well in the match.\n")
    found = findings("L001", {"km": line}, "en")
    assert len(found) == 1 and "All twelve of his players" in found[0].message
    assert "Molinari" not in found[0].message


def test_a_capitalised_sentence_right_after_text_in_another_script_is_a_sentence():
    line = ("इस खबर से आशंका बढ़ गई है कि सामग्री पोस्ट की जा रही है "
            "Sur les médias sociaux, un enfant sur cinq a des comptes secrets qu’il cache à ses parents\n")
    found = findings("L001", {"hi": line}, "fr")
    assert len(found) == 1 and "Untranslated sentence in French" in found[0].message


def test_a_lower_case_clause_in_the_middle_of_a_line_stays_a_mixed_language_run():
    line = "شهردار گفت که the new boats will carry three hundred passengers every day به گفته شهرداری.\n"
    assert not findings("L001", {"fa": line}, "en")
    assert len(findings("L003", {"fa": line}, "en")) == 1


def test_quoted_speech_left_in_english_is_reported_but_a_quoted_title_is_not():
    speech = '« The new boats will carry three hundred passengers every single day », a dit le maire.\n'
    assert len(findings("L002", {"fr": FRENCH + speech}, "vi")) == 1
    title = "Le maire a cité le rapport « State of the World's Cities » publié par l'ONU hier soir.\n"
    assert not findings("L002", {"fr": FRENCH + title}, "vi")


def test_a_gloss_in_brackets_inside_kept_speech_is_still_masked():
    line = ("ក្រុមនេះមានឈ្មោះថា «សំឡេងនៃអ្នកប្រើប្រាស់ថាមពល (voice of the energy consumer)» "
            "នៅសហរដ្ឋអាម៉េរិក។\n")
    assert not [f for code in ("L001", "L003") for f in findings(code, {"km": line}, "en")]


def test_english_clitics_are_not_words():
    line = "Willoughby នឹងជំនួសលោក Ant McPartlin ក្នុងនាមជាពិធីករ ITV's I'm A Celebrity។\n"
    assert not [f for code in ("L001", "L003") for f in findings(code, {"km": line}, "en")]


@pytest.mark.parametrize(("text", "starts"), [
    ("Il a dit. The case is here.", ["The case"]),
    ("Mr. Bolton said. U.S. forces left. Ms. Maurice was paid. M. Macron a dit.", ["U.S. for", "Ms. Maur", "M. Macro"]),
    ("Bắc Kinh đã trả đũa lên hàng hóa Mỹ. How the war goes", ["How the "]),
    ("He left the U.S. on Monday. J. Smith stayed.", ["J. Smith"]),
    ("ជោគជ័យ។ All 12 of his", ["All 12 o"]),
    ("周四。 « J’essayais", ["« J’essa"]),
    ("He said... and then left.", []),
])
def test_sentence_breaks(text, starts):
    from qa_lint.builtin_rules.language.sentences import sentence_breaks

    assert [text[i : i + 8] for i in sentence_breaks(text)] == starts


def test_only_english_clitics_are_dropped_from_words():
    from qa_lint.builtin_rules.language.words import words

    found = [w.text for w in words("Il l'a dit jusqu'à hier, n'y pense pas; it's what I'm saying", frozenset(), frozenset())]
    assert {"a", "à", "y"} <= set(found) and "s" not in found and "m" not in found


def test_a_vietnamese_word_left_in_a_japanese_file_is_reported_by_the_command_line(tmp_path):
    write(tmp_path / "ja" / "a.txt", "副首相 Chínhphủ、大臣 ブイ・タン・ソン。\nファム・ミン・チン首相 (Phạm Minh Chính) が述べた。\n")
    result = run_cli("check", "--format", "json", "--select", "L005", ".", cwd=tmp_path)
    found = json.loads(result.stdout)
    assert result.code == 1 and [(f["line"], f["code"]) for f in found] == [(1, "L005")]
    assert "Vietnamese" in found[0]["message"] and "Chínhphủ" in found[0]["message"]


def test_vietnamese_names_in_a_latin_script_article_are_left_alone():
    rule = next(r for r in LANGUAGE_RULES if r.code == "L005")
    doc = Document("en/a.txt", Path("en/a.txt"), "President Nguyễn Phú Trọng met the ambassadors in Hà Nội.\n", "en")
    assert not list(rule.check(doc))
