"""Typography rules (T001-T010) and their check types (`balance`, `repeated-word`): seeds, edge cases, CLI."""

from __future__ import annotations

from pathlib import Path

import pytest

from qa_lint.checktypes.base import PackError
from qa_lint.document import Document
from qa_lint.fixes import apply_fixes
from qa_lint.packs import load_pack_file
from qa_lint.registry import Registry

from conftest import run_cli, write

FA = "examples/fa/vufo-mofa-coordination.txt"
FR = "examples/fr/vufo-mofa-coordination.txt"
REGISTRY = Registry(load_entry_points=False)


def run(code: str, text: str, lang: str | None = "fr"):
    """The rule's findings, as the engine runs it: only in the languages it applies to."""
    rule = REGISTRY.get(code)
    if not rule.applies_to(lang):
        return []
    return list(rule.check(Document(path="x.txt", file=Path("x.txt"), text=text, lang=lang)))


def fixed(code: str, text: str, lang: str | None = "fr", unsafe: bool = False) -> str:
    return apply_fixes(text, run(code, text, lang), unsafe=unsafe)[0]


# -- the seeds ---------------------------------------------------------------------

def test_seeds_report_the_space_before_a_comma_and_nothing_else():
    result = run_cli("check", "examples/", "--select", "typography", "--format", "json")
    findings = result.json()
    assert [(f["path"], f["line"], f["column"], f["code"]) for f in findings] == [
        (FA, 1, 183, "T001"),  # "امور خارجه ،"
        (FR, 1, 355, "T001"),  # "étrangères ,"
    ]
    assert [f["fix"]["edits"][0]["content"] for f in findings] == ["،", ","]


# -- spacing and punctuation ---------------------------------------------------------

def test_french_colon_gets_a_no_break_space_and_times_are_left_alone():
    assert fixed("T004", "Il a dit: oui, à 14:30.\n") == "Il a dit\u00a0: oui, à 14:30.\n"
    assert run("T004", "He said: yes.\n", "en") == []


def test_guillemets_get_no_break_spaces_inside():
    assert fixed("T005", "le mot «paix».\n") == "le mot «\u00a0paix\u00a0».\n"


def test_arabic_script_marks_replace_latin_ones_only_between_arabic_words():
    assert fixed("T006", "ادارات, دفاتر; چرا?\n", "fa") == "ادارات، دفاتر؛ چرا؟\n"
    assert run("T006", "از VUFO, VNA و ۱,۲۰۰ نفر\n", "fa") == []


def test_persian_straight_quotes_become_guillemets():
    assert fixed("T007", 'او گفت "بله" و "OK".\n', "fa") == 'او گفت «بله» و "OK".\n'


def test_doubled_space_keeps_indentation():
    assert fixed("T002", "  un  deux\n") == "  un deux\n"


def test_missing_space_after_sentence_end_but_not_in_numbers_or_abbreviations():
    assert fixed("T003", "Il a signé.Le texte part.\n") == "Il a signé. Le texte part.\n"
    assert run("T003", "Les U.S.A. ont payé 3,5 millions, voir example.com.\n") == []


# -- balance -----------------------------------------------------------------------------

def test_quotation_over_several_sentence_lines_is_balanced():
    text = "Il a dit : « Nous continuerons.\nLa coopération est essentielle.\nRien ne changera. »\n"
    assert run("T009", text) == []


def test_unclosed_quotation_is_reported_at_its_opening_mark():
    [finding] = run("T009", "Il a dit : « Nous continuerons.\n\nUn autre paragraphe.\n")
    assert (finding.start.line, finding.start.column) == (1, 12)
    assert "never closed" in finding.message


def test_mixed_quote_styles_still_pair():
    assert run("T009", "He said \"we will win” and left.\n", "en") == []


def test_continued_quotation_reopening_in_a_new_paragraph_is_not_a_second_one():
    text = "« Premier paragraphe de la citation.\n« Second paragraphe. »\n"
    assert run("T009", text) == []


def test_bracket_closed_on_another_line_and_list_markers():
    # A wrapped line runs on: the paragraph closes the bracket.
    assert run("T008", "Un (deux\ntrois) quatre.\n") == []
    assert run("T008", "Il a dit (en 1950, à\nHanoï, puis\nà Paris) non.\n") == []
    # A line that ends its sentence does not: sentence-per-line text is judged line by line.
    assert [f.start.line for f in run("T008", "Un (deux.\nTrois) quatre.\n")] == [1, 2]
    assert [f.start.line for f in run("T008", "Un (deux\n\ntrois) quatre.\n")] == [1, 3]
    assert run("T008", "Trois priorités : 1) la paix, 2) l'amitié.\n") == []


def test_german_quotes_pair_by_language():
    assert run("T009", "Er sagte: „Wir machen weiter.“\n", "de") == []
    assert run("T009", "He said: „We go on.“\n", "en") != []


# -- repeated words ------------------------------------------------------------------------

def test_repeated_word_fix_is_unsafe_and_removes_the_second_word():
    text = "Il a vu qui qui était là.\n"
    [finding] = run("T010", text)
    assert finding.fix.applicability.value == "unsafe"
    assert fixed("T010", text) == text  # safe fixes only: unchanged
    assert fixed("T010", text, unsafe=True) == "Il a vu qui était là.\n"


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Nous nous sommes vus.\n", "fr"),
        ("wie sie sie behandelt haben\n", "de"),
        ("آرام آرام پیش رفتند.\n", "fa"),  # Persian repeats content words on purpose
        ("Anh ấy đi từ từ.\n", "vi"),
        ("l'hôtel Roa Roa\n", "fr"),
        ("حسب قناة سي بي إس\n", "ar"),
    ],
)
def test_intended_repetitions_are_allowed(text, lang):
    assert run("T010", text, lang) == []


def test_persian_function_word_twice_is_reported():
    assert [f.message for f in run("T010", "او گفت که که می‌آید.\n", "fa")] == ["“که” twice in a row; delete one"]


# -- the check types reject malformed packs ---------------------------------------------------

@pytest.mark.parametrize(
    "body, problem",
    [
        ('type = "balance"\npairs = ["(", "[]"]', "two characters"),
        ('type = "balance"\npairs = ["()"]\nspan-lines = -1', "span-lines"),
        ('type = "repeated-word"\n[rule.allowed]\nfr = "nous"', "allowed.fr"),
    ],
)
def test_malformed_typography_packs_are_errors(tmp_path, body, problem):
    head = 'code = "X001"\nname = "x"\ncategory = "typography"\nmessage = "m"\nwhat = "w"\nwhy = "y"\n'
    examples = '[[rule.examples]]\ntext = "a"\n[[rule.examples]]\ntext = "b"\nfires = false\n'
    pack = write(tmp_path / "x.toml", f"[[rule]]\n{head}{body}\n{examples}")
    with pytest.raises(PackError, match=problem):
        load_pack_file(pack, REGISTRY.check_types)


def test_fix_through_the_cli_on_standard_input():
    result = run_cli("check", "--fix", "--select", "T001,T004", "--stdin-filename", "fr/a.txt",
                     stdin="Il a dit: oui , demain.\n")
    assert result.stdout == "Il a dit\u00a0: oui, demain.\n", result.stderr
