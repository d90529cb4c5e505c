"""Caption rules (C001-C007): recognition, the seeds, fixes, article groups, and the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest

from qa_lint.builtin_rules.caption.consistency import CaptionLostInTranslation
from qa_lint.builtin_rules.caption.lines import captions, credit_labels
from qa_lint.document import Document
from qa_lint.fixes import apply_fixes
from qa_lint.groups import build_groups
from qa_lint.registry import Registry

from conftest import run_cli, write

FA = "examples/fa/vufo-mofa-coordination.txt"
FR = "examples/fr/vufo-mofa-coordination.txt"
REGISTRY = Registry(load_entry_points=False)


def doc(text: str, lang: str | None = "fr", path: str = "x.txt") -> Document:
    return Document(path=path, file=Path(path), text=text, lang=lang)


def run(code: str, text: str, lang: str | None = "fr"):
    return list(REGISTRY.get(code).check(doc(text, lang)))


# -- recognising captions ------------------------------------------------------

def test_a_credit_is_parsed_into_label_separator_and_name():
    [caption] = captions(doc("Texte.\nLe ministre s'exprime. (Photo : Dinh Hoa) |\n"))
    credit = caption.credit
    assert caption.line.number == 2
    assert (credit.form, credit.label, credit.separator, credit.name) == ("bracket", "Photo", " : ", "Dinh Hoa")
    assert caption.text == "Le ministre s'exprime. (Photo : Dinh Hoa)"
    assert len(caption.pipes) == 1


@pytest.mark.parametrize(
    "line, form",
    [
        ("Der Minister spricht. – Foto: dpa", "dash"),
        ("El ministro habla. Foto: EFE", "bare"),
        ("部长在会议上发言。（图：新华社）", "bracket"),
        ("장관이 연설하고 있다. (사진=연합뉴스)", "bracket"),
    ],
)
def test_credit_forms_are_recognised(line, form):
    [caption] = captions(doc(line + "\n", None))
    assert caption.credit.form == form


@pytest.mark.parametrize(
    "text",
    [
        "The rate rose 5% (source: INSEE).\n",  # a credit-like aside inside a sentence
        "(Photo: Reuters)\n",  # a credit alone on its line is no caption
        "Source : https://example.com/a.html\n",  # an attribution line: B008's business
        "| Pays | Part |\n|---|---|\n| France | 12 % |\n",  # a markdown table
        "Il a dit : « nous verrons ».\n",
    ],
)
def test_ordinary_lines_are_not_captions(text):
    assert captions(doc(text)) == []


def test_every_language_has_photo_and_source_labels():
    labels = credit_labels()
    for lang in ("en", "fr", "vi", "fa", "ar", "ru", "zh", "es", "de", "ja", "ko", "hi"):
        assert labels.house_label(lang, "photo") and labels.house_label(lang, "source"), lang
    assert labels.house_label("fa", "photo") == "عکس"
    assert labels.separators_for("fr")[0] == " : "


# -- the rules on their own ------------------------------------------------------

def test_pipes_are_removed_and_nothing_else_changes():
    text = "Avant.\n| Le ministre. (Photo : Dinh Hoa) |\nAprès.\n"
    findings = run("C001", text)
    assert [f.start.line for f in findings] == [2]
    assert apply_fixes(text, findings)[0] == "Avant.\nLe ministre. (Photo : Dinh Hoa)\nAprès.\n"


def test_foreign_label_gets_the_house_label_of_the_same_kind():
    [finding] = run("C004", "Le ministre. (Nguồn: TTXVN)\n")
    assert "Nguồn" in finding.message and "“Source”" in finding.message
    assert finding.fix.edits[0].content == "Source"


def test_label_language_is_not_judged_for_a_language_without_labels():
    assert run("C004", "ລັດຖະມົນຕີ. (Photo: VNA)\n", "lo") == []


def test_french_credit_punctuation_fix_keeps_the_name():
    text = "Le ministre. (Photo: Dinh Hoa)\n"
    [finding] = run("C005", text)
    assert apply_fixes(text, [finding])[0] == "Le ministre. (Photo : Dinh Hoa)\n"


def test_mixed_styles_report_only_the_odd_caption():
    text = "A.\nUn. (Ảnh: TTXVN)\nB.\nDeux. (Nguồn: TTXVN)\nC.\nTrois. (Ảnh: VNA)\n"
    findings = run("C006", text, "vi")
    assert [f.start.line for f in findings] == [4]


# -- article groups (C007) -----------------------------------------------------------

def group_of(source: str, translation: str, source_language: str | None = "vi"):
    docs = [doc(source, "vi", "vi/a.txt"), doc(translation, "fr", "fr/a.txt")]
    [group] = build_groups(docs, source_language)
    return list(CaptionLostInTranslation().check_group(group))


SOURCE = "Một.\nHai. (Ảnh: TTXVN)\nBa.\nBốn.\nNăm.\nSáu. (Ảnh: VNA)\nBảy.\n"


def test_a_translation_that_lost_a_caption_is_told_which_one():
    translation = "Un.\nDeux. (Photo : TTXVN)\nTrois.\nQuatre.\nCinq.\nSept.\n"
    [finding] = group_of(SOURCE, translation)
    assert finding.code == "C007" and finding.path == "fr/a.txt"
    assert "line 6" in finding.message and "Sáu." in finding.message
    assert finding.start.line in (5, 6)


def test_no_caption_lost_no_finding_and_no_source_no_judgement():
    kept = "Un.\nDeux. (Photo : TTXVN)\nTrois.\nQuatre.\nCinq.\nSix. (Photo : VNA)\nSept.\n"
    assert group_of(SOURCE, kept) == []
    assert group_of(SOURCE, "Un.\nDeux.\n", source_language=None) == []


# -- the CLI ---------------------------------------------------------------------------

def test_seed_captions_are_reported_with_pipe_fixes_and_nothing_else():
    result = run_cli("check", "examples/", "--select", "caption", "--format", "json")
    assert result.code == 1, result.stderr
    findings = result.json()
    assert {(f["path"], f["line"]) for f in findings} == {
        (FA, 2), (FA, 8), (FA, 15), (FR, 3), (FR, 6), (FR, 9),
    }
    assert {f["code"] for f in findings} == {"C001"}
    for finding in findings:
        assert finding["fix"] and all(e["content"] == "" for e in finding["fix"]["edits"])
    french = next(f for f in findings if f["path"] == FR and f["line"] == 3)
    assert len(french["fix"]["edits"]) == 1  # only the closing pipe is there


def test_fix_through_the_cli_removes_the_pipes(tmp_path):
    file = write(tmp_path / "fa" / "a.txt", "متن.\n| معاون وزیر سخنرانی می‌کند. (منبع: VUFO) |\nپایان.\n")
    result = run_cli("check", "--fix", "--select", "caption", str(file), cwd=tmp_path)
    assert result.code == 0, result.stdout + result.stderr
    assert file.read_text(encoding="utf-8") == "متن.\nمعاون وزیر سخنرانی می‌کند. (منبع: VUFO)\nپایان.\n"


def test_lost_caption_through_the_cli(tmp_path):
    write(tmp_path / "qa-lint.toml", 'source-language = "vi"\n')
    write(tmp_path / "vi" / "a.txt", SOURCE)
    write(tmp_path / "fr" / "a.txt", "Un.\nDeux. (Photo : TTXVN)\nTrois.\nQuatre.\nCinq.\nSept.\n")
    result = run_cli("check", "--select", "caption", "--format", "json", ".", cwd=tmp_path)
    findings = result.json()
    assert [(f["code"], f["path"], f["severity"]) for f in findings] == [("C007", "fr/a.txt", "info")]
    assert result.code == 0  # info does not fail the run
