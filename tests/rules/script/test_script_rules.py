"""The script family (S001-S012): seeds, grouping, options, fixes, and the Unicode helpers behind them."""

from __future__ import annotations

from pathlib import Path

import pytest

from qa_lint.builtin_rules.script import RULES
from qa_lint.builtin_rules.script.mojibake import repair_line
from qa_lint.builtin_rules.script.persian_zwnj import PATTERNS, missing_zwnj
from qa_lint.builtin_rules.script.unicode_scripts import resolved_scripts
from qa_lint.document import Document
from qa_lint.fixes import apply_fixes

from conftest import EXAMPLES, run_cli, write

ZWNJ = "\u200c"
BY_CODE = {rule.code: rule for rule in RULES}


def findings(code: str, text: str, lang: str, options: dict | None = None):
    doc = Document(path=f"x.{lang}.txt", file=Path("x.txt"), text=text, lang=lang,
                   options={code: options} if options else {})
    return list(BY_CODE[code].check(doc))


def fixed(code: str, text: str, lang: str, options: dict | None = None) -> str:
    return apply_fixes(text, findings(code, text, lang, options), unsafe=True)[0]


# -- the seeds --------------------------------------------------------------

def test_persian_seed_gets_one_summary_finding_whose_fix_inserts_the_missing_zwnjs():
    result = run_cli("check", "--select", "script", "--format", "json", "--exit-zero", str(EXAMPLES))
    found = result.json()
    assert [(f["code"], Path(f["path"]).parent.name) for f in found] == [("S011", "fa")]
    assert found[0]["message"].startswith("No zero-width non-joiner in this file:")
    seed = (EXAMPLES / "fa" / "vufo-mofa-coordination.txt").read_text(encoding="utf-8")
    repaired = fixed("S011", seed, "fa")
    for word in ("می‌کند", "دستورالعمل‌ها", "پیش‌بینی", "می‌کنند", "نبوده‌اند", "موفقیت‌آمیز"):
        assert word in repaired
    for word in ("میلیون", "میان", "سازوکارهای", "کارهای", "واحدهای"):  # nothing joins across: untouched
        assert repaired.count(word) == seed.count(word)
    assert not findings("S011", repaired, "fa")  # nothing left to report: the fix is complete


def test_french_seed_has_nothing_for_the_family():
    seed = (EXAMPLES / "fr" / "vufo-mofa-coordination.txt").read_text(encoding="utf-8")
    assert not [f for rule in RULES if rule.applies_to("fr") for f in findings(rule.code, seed, "fr")]


# -- grouping and options -------------------------------------------------------

ZWNJ_TEXT = "او میکند. آنها میکند و میکنند. سال‌ها گذشت.\n"


def test_zwnj_is_reported_once_per_word_form_with_the_count_or_every_time():
    first = findings("S011", ZWNJ_TEXT, "fa")
    assert [f.message.split("”")[0] for f in first] == ["“میکند", "“میکنند"]
    assert "(2 times in this file)" in first[0].message
    assert len(findings("S011", ZWNJ_TEXT, "fa", {"report": "every"})) == 3
    summary = findings("S011", ZWNJ_TEXT, "fa", {"report": "summary"})
    assert len(summary) == 1 and "3 words in 2 forms" in summary[0].message
    only_plural = findings("S011", "میکند و کتابها\n", "fa", {"patterns": ["plural"]})
    assert [f.message.split("”")[0] for f in only_plural] == ["“کتابها"]


def test_family_can_be_turned_down_per_language_and_options_are_checked(tmp_path):
    write(tmp_path / "fa" / "a.txt", ZWNJ_TEXT)
    write(tmp_path / "qa-lint.toml", '[per-language-ignores]\nfa = ["S011"]\n')
    quiet = run_cli("check", "--select", "script", "--format", "json", ".", cwd=tmp_path)
    assert quiet.code == 0 and quiet.json() == []
    write(tmp_path / "qa-lint.toml", '[rule-options.S011]\nreport = "every"\n')
    every = run_cli("check", "--select", "script", "--format", "json", ".", cwd=tmp_path)
    assert every.code == 1 and len(every.json()) == 3
    write(tmp_path / "qa-lint.toml", '[rule-options.S011]\nreport = "sometimes"\n')
    bad = run_cli("check", "--select", "script", ".", cwd=tmp_path)
    assert bad.code == 2 and "report" in bad.stderr


def test_digit_house_style_can_be_pinned_per_language():
    text = "در سال ۱۴۰۳ و 2024 آمد.\n"
    assert not findings("S005", text, "fa")
    pinned = findings("S005", text, "fa", {"fa": ["persian"]})
    assert len(pinned) == 1 and pinned[0].fix.edits[0].content == "۲۰۲۴"
    with pytest.raises(ValueError, match="unknown digit system"):
        BY_CODE["S005"].validate_options({"fa": ["roman"]})


# -- what the examples cannot show: findings without a fix ----------------------

def test_mixed_script_word_without_a_lookalike_is_reported_without_a_fix():
    found = findings("S001", "Le groupe Яndex a publié.\n", "fr")
    assert len(found) == 1 and found[0].fix is None and "“Я”" in found[0].message
    assert not findings("S002", "Le groupe Яndex a publié.\n", "fr")


def test_persian_gaf_in_arabic_is_reported_without_a_fix():
    found = findings("S003", "زار گوگل.\n", "ar")
    assert len(found) == 1 and found[0].fix is None


def test_replacement_character_and_private_use_have_no_fix():
    found = findings("S008", "Le mot caf\ufffd et \ue000.\n", "fr")
    assert len(found) == 2 and all(f.fix is None for f in found)


# -- the Unicode helpers --------------------------------------------------------

@pytest.mark.parametrize("word, mixed", [
    ("Москвa", True), ("إلىNottingham", True), ("漢字かな", False), ("한국어", False),
    ("cafe\u0301", False), ("می‌کند", False), ("COVID", False),
])
def test_resolved_script_set(word, mixed):
    assert (resolved_scripts(word) == frozenset()) is mixed


@pytest.mark.parametrize("word, wanted", [
    ("میکند", "می‌کند"), ("نمیتوان", "نمی‌توان"), ("برمیگردد", "برمی‌گردد"), ("میکردند", "می‌کردند"),
    ("کتابها", "کتاب‌ها"), ("زمینههای", "زمینه‌های"), ("بزرگترین", "بزرگ‌ترین"), ("پیچیدهتر", "پیچیده‌تر"),
    ("گفتهاند", "گفته‌اند"), ("توافقنامهها", "توافق‌نامه‌ها"),
    ("میلیون", None), ("میان", None), ("میدان", None), ("میزبان", None), ("میلیارد", None),
    ("میشیگان", None), ("کارها", None), ("آنها", None), ("بیشتر", None), ("بهترین", None),
    ("تنها", None), ("فارنهایت", None), ("ویلیام", None), ("می‌کند", None),
])
def test_persian_zwnj_analysis(word, wanted):
    result = missing_zwnj(word, set(), frozenset(PATTERNS))
    assert (result[0] if result else None) == wanted


@pytest.mark.parametrize("line, home, lang, wanted", [
    ("dÃ©clarÃ©", "Latin", "fr", ("déclaré", True)),
    ("Ã¢â‚¬â„¢", "Latin", "en", ("’", True)),  # decoded wrongly twice
    ("В РґРѕСЂРѕРіРµ", "Cyrillic", "ru", ("В дороге", True)),  # Windows-1251, which ftfy leaves
    ("relatifs Ã l’utilisation", "Latin", "fr", ("relatifs à l’utilisation", False)),  # a guessed lost byte
    ("Le Vigne di Zam√≤", "Latin", "it", ("Le Vigne di Zamò", False)),  # MacRoman: a guess
    ("đoàn tụ vá»›i cựu", "Latin", "vi", ("đoàn tụ với cựu", True)),  # one letter, which ftfy leaves
    ("در ساعت Û´:۰۰ به وقت", "Arabic", "fa", ("در ساعت ۴:۰۰ به وقت", True)),
    ("que, «Â\u00a0vu le", "Latin", "fr", ("que, «\u00a0vu le", False)),
    ("pra lá´´", "Latin", "pt", None),  # acute accents as quotes
    ("dit \x84oui\x93.", "Latin", "fr", ("dit „oui“.", True)),  # C1 controls: Windows-1252 read as Latin-1
    ("barco tur\x92stico", "Latin", "es", ("barco tur’stico", False)),  # between letters: maybe MacRoman í
    ("Er sagte „Fuß“.", "Latin", "de", None),  # German text, not mojibake
    ("à\u00a0»", "Latin", "fr", None),
    ("MISUTÂ\u00a0AJIKKO", "Latin", "ja", None),  # a capital before a no-break space may be meant
    ("SÃO PAULO", "Latin", "es", None),
    ("Всё её «ёлки» и №5.", "Cyrillic", "ru", None),
])
def test_mojibake_repair_and_its_certainty(line, home, lang, wanted):
    assert repair_line(line, home, lang) == wanted


# -- fixes: only the reported span, and a second pass changes nothing -------------

PLANTED = [
    ("S002", "Il est arrivé à Pаris hier, il а dit.\n", "fr"),
    ("S003", "او يك كتاب خريد و يك كتاب ديگر.\n", "fa"),
    ("S004", "در سال ۱۴۰3 و ٢٠۲۴.\n", "fa"),
    ("S006", "Il a\u200b\u200b visité Hanoï\u00ad.\n", "fr"),
    ("S009", "Il a dÃ©clarÃ© : â€œOuiâ€\x9d.\n", "fr"),
    ("S010", "Nguye\u0302\u0303n va\u0300 Ha\u0300 No\u0323\u0302i.\n", "vi"),
    ("S011", "او میکند و کتابها را میخواند.\n", "fa"),
    ("S012", "خیمه\u200c شب و کتاب\u200c\u200cها\n", "fa"),
]


@pytest.mark.parametrize("code, text, lang", PLANTED, ids=[p[0] for p in PLANTED])
def test_fixes_stay_in_their_span_and_are_idempotent(code, text, lang):
    doc = Document(path="x", file=Path("x"), text=text, lang=lang)

    def offset(position):
        return doc.lines[position.line - 1].start + position.column - 1

    found = findings(code, text, lang)
    assert found
    for finding in found:
        assert finding.fix is not None
        start, end = offset(finding.start), offset(finding.end)
        for edit in finding.fix.edits:
            inside = start <= edit.start_offset <= edit.end_offset <= end
            # A form reported once is repaired wherever it is written: the same text elsewhere.
            same_form = text[edit.start_offset : edit.end_offset] == text[start:end]
            assert inside or same_form
    once = text
    for _ in range(5):  # the passes `--fix` would make
        once, applied = apply_fixes(once, findings(code, once, lang), unsafe=True)
        if not applied:
            break
    assert not findings(code, once, lang)
    assert apply_fixes(once, findings(code, once, lang), unsafe=True)[0] == once


def test_a_form_reported_once_is_fixed_everywhere_in_one_pass():
    text = "او يك كتاب خرید.\n" * 12
    found = findings("S003", text, "fa")
    assert len(found) == 2 and all(len(f.fix.edits) == 12 for f in found)
    fixed, applied = apply_fixes(text, found, unsafe=True)
    assert applied == 2 and fixed == "او یک کتاب خرید.\n" * 12


def test_fixes_with_interleaved_edits_apply_together_and_overlapping_ones_wait():
    from qa_lint.model import Edit, Finding, Fix, Position, Severity, Category

    def finding(*spans):
        edits = tuple(Edit(Position(1, a + 1), Position(1, b + 1), "X", a, b) for a, b in spans)
        return Finding("S003", "x", Category.SCRIPT, Severity.WARNING, "m", "x", Position(1, 1), Position(1, 2),
                       "fa", fix=Fix("f", edits))

    text = "abcdefghij"
    assert apply_fixes(text, [finding((0, 1), (4, 5)), finding((2, 3), (8, 9))]) == ("XbXdXfghXj", 2)
    assert apply_fixes(text, [finding((0, 5)), finding((2, 3), (8, 9))]) == ("Xfghij", 1)


def test_minority_digits_are_counted_per_file_and_fixed_only_unsafely(tmp_path):
    text = "در ۱۲ دسامبر ۱۹۴ هیئت و ۸ سفیر و ۱۷ خبرنگار آمدند.\nبیش از 30 هیئت و 30 دفتر در سال ۲۰۲۵ و ۲۰۲۶.\n"
    found = findings("S013", text, "fa")
    assert len(found) == 1 and "2 numbers in this file" in found[0].message
    assert found[0].fix.applicability.value == "unsafe"
    assert fixed("S013", text, "fa") == text.replace("30", "۳۰")
    write(tmp_path / "fa" / "a.txt", text)
    result = run_cli("check", "--fix", "--select", "S013", ".", cwd=tmp_path)
    assert (tmp_path / "fa" / "a.txt").read_text(encoding="utf-8") == text  # plain --fix leaves a majority's choice
    assert "S013" in result.stdout


def test_a_file_without_a_chosen_digit_system_gets_no_minority_finding():
    assert not findings("S013", "در ۱۲ دسامبر و ۱۹۴ هیئت، 30 دفتر و 2025 و 40.\n", "fa")


def test_a_place_name_ending_in_hay_is_not_split():
    assert not findings("S011", "اجلاس سازمان همکاری شانگهای برگزار شد.\n", "fa")


def test_a_c1_control_that_mojibake_repair_explains_is_reported_once(tmp_path):
    write(tmp_path / "fr" / "a.txt", "Il a dit \x84oui\x93 hier.\n")
    result = run_cli("check", "--format", "json", "--select", "S008,S009", ".", cwd=tmp_path)
    assert [f["code"] for f in result.json()] == ["S009"]


def test_s010_composes_long_clusters_exactly_as_nfc():
    """Clusters past the fast path are put in canonical order first: the result must be NFC itself."""
    import random
    import unicodedata

    from qa_lint.builtin_rules.script.normalization import compose

    chooser = random.Random(10)
    marks = [chr(c) for c in range(0x300, 0x370)] + ["\u05b0", "\u0591", "\u093c", "\u0e38", "\u0f71", "\u1dc0", "\u20d0"]
    bases = ["a", "e", "o", "A", "\u0915", "\u05d0", "\uac00", "\u1100", "\u1161", "\u0627", "\u1e9b", "\u0344"]
    for _ in range(3000):
        cluster = chooser.choice(bases) + "".join(chooser.choice(marks + bases) for _ in range(chooser.randint(1, 90)))
        assert compose(cluster) == unicodedata.normalize("NFC", cluster), ascii(cluster)


def test_mojibake_on_a_long_line_is_repaired_piece_by_piece():
    """A 400,000-character line: ftfy and the diff see pieces, so the whole line costs linear time."""
    line = "Le ministre a dÃ©clarÃ© : oui. " * 12_000
    found = findings("S009", line + "\n", "fr")
    assert len(found) == 1 and len(found[0].fix.edits) == 24_000
    assert fixed("S009", line + "\n", "fr") == "Le ministre a déclaré : oui. " * 12_000 + "\n"


def test_fix_repairs_certain_mojibake_in_place_and_leaves_guesses(tmp_path):
    path = tmp_path / "fr" / "a.txt"
    path.parent.mkdir(parents=True)
    path.write_bytes("Le ministre a dÃ©clarÃ©.\r\nIl est venu relatifs Ã l’Élysée.\r\n".encode("utf-8"))
    result = run_cli("check", "--fix", "--select", "S009", ".", cwd=tmp_path)
    assert result.code == 1, result.stderr  # the guessed "à" is left for an editor
    assert path.read_bytes().decode("utf-8") == "Le ministre a déclaré.\r\nIl est venu relatifs Ã l’Élysée.\r\n"
