"""The numbers family (D001-D004): figures, dates and links across an article's translations."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from qa_lint.builtin_rules.numbers.align import windows
from qa_lint.builtin_rules.numbers.data import number_style
from qa_lint.builtin_rules.numbers.values import lenient_pool, line_values

from conftest import run_cli, write

EN = "Fire in Lyon kills 83\nThe fire started at 2:30 p.m. on 5 March.\nDamage is put at $1.5 million.\n"


def primaries(lang: str, text: str) -> list[Decimal]:
    return [part for value in line_values(text, number_style(lang)) for part in value.primary]


@pytest.mark.parametrize("lang, text, expected", [
    ("en", "1,000.5 and 2.3 million", [Decimal("1000.5"), Decimal("2300000")]),
    ("fr", "1 000,5 et 2,3 millions", [Decimal("1000.5"), Decimal("2300000")]),
    ("de", "1.000,5 und 2,3 Mio.", [Decimal("1000.5"), Decimal("2300000")]),
    ("fa", "۱٬۰۰۰٫۵ و ۲٫۳ میلیون", [Decimal("1000.5"), Decimal("2300000")]),
    ("ar", "١٬٠٠٠٫٥ و٢٫٣ مليون", [Decimal("1000.5"), Decimal("2300000")]),
    ("hi", "१०,००० और 12,34,567 और 23 लाख", [Decimal("10000"), Decimal("1234567"), Decimal("2300000")]),
    ("zh", "２３０万人和1,000.5", [Decimal("2300000"), Decimal("1000.5")]),
    ("ko", "3천5백만 달러와 1억2천만", [Decimal("35000000"), Decimal("120000000")]),
    ("ja", "1万5000人", [Decimal("15000")]),
    ("km", "៨៣ នាក់", [Decimal("83")]),
    ("lo", "໘໓ ຄົນ", [Decimal("83")]),
    ("ru", "1 000,5 и 2,3 млн", [Decimal("1000.5"), Decimal("2300000")]),
    ("vi", "1.000,5 và 2,3 triệu", [Decimal("1000.5"), Decimal("2300000")]),
])
def test_figures_read_as_values_in_every_notation(lang, text, expected):
    assert primaries(lang, text) == expected


def test_dates_and_hours_compare_across_notations():
    en = line_values("at 2:30 p.m. on 5 March", number_style("en"))
    pool = lenient_pool("à 14h30 le 5 mars", number_style("fr"), line_values("à 14h30 le 5 mars", number_style("fr")))
    assert all(value.found_in(pool) for value in en)
    # A month next to a number is a figure; "may" the verb is not.
    assert Decimal(5) in primaries("en", "on 5 May") and primaries("en", "they may go") == []


def test_years_of_other_calendars_count_only_when_marked():
    en = lenient_pool("in 2018", number_style("en"), line_values("in 2018", number_style("en")))
    marked, plain = (line_values(text, number_style("fa"))[0] for text in ("سال ۱۳۹۷ هجری شمسی", "سال ۱۳۹۷"))
    assert marked.found_in(en) and not plain.found_in(en)


def test_windows_follow_shared_figures_when_lines_were_merged():
    left = [(Decimal(1),), (Decimal(2),), (Decimal(3),), (Decimal(4),)]
    right = [(Decimal(1), Decimal(2)), (Decimal(3),), (Decimal(4),)]  # lines 1 and 2 merged
    found = windows(left, right)
    assert 1 in found[0] and 2 in found[1] and 3 in found[2]


def group(tmp_path, texts: dict[str, str]):
    for lang, text in texts.items():
        write(tmp_path / lang / "story.txt", text)
    return tmp_path


def test_changed_figure_is_reported_through_the_cli(tmp_path):
    folder = group(tmp_path, {
        "en": EN,
        "fr": "Incendie à Lyon : 38 morts\nLe feu a pris à 14h30 le 5 mars.\nLes dégâts atteignent 1,5 million de dollars.\n",
        "fa": "آتش‌سوزی در لیون: ۸۳ کشته\nآتش ساعت ۱۴:۳۰ روز ۵ مارس آغاز شد.\nخسارت ۱٫۵ میلیون دلار برآورد شده است.\n",
    })
    result = run_cli("check", "--select", "numbers", "--source-language", "en", "--format", "json", str(folder))
    assert result.code == 1, result.stderr
    findings = result.json()
    assert [(f["code"], f["path"].split("/")[-2], f["line"]) for f in findings] == [("D001", "fr", 1)]
    assert "“38”" in findings[0]["message"] and "“83”" in findings[0]["message"]
    assert findings[0]["category"] == "numbers" and findings[0]["severity"] == "warning"


def test_without_an_original_the_majority_decides(tmp_path):
    folder = group(tmp_path, {
        "fr": "Incendie : 83 morts le 5 mars.\n",
        "es": "Incendio: 83 muertos el 5 de marzo.\n",
        "de": "Brand: 83 Tote am 5. März.\n",
        "ru": "Пожар: 38 погибших 5 марта.\n",
    })
    result = run_cli("check", "--select", "D001", "--format", "json", str(folder))
    findings = result.json()
    assert [(f["path"].split("/")[-2], f["line"]) for f in findings] == [("ru", 1)]
    assert "3 of 3" in findings[0]["message"]


def test_two_translations_without_an_original_have_no_majority(tmp_path):
    folder = group(tmp_path, {"fr": "83 morts.\n", "es": "38 muertos.\n"})
    result = run_cli("check", "--select", "numbers", "--format", "json", str(folder))
    assert result.code == 0 and result.json() == []


def test_converted_units_and_other_editions_links_are_not_reported(tmp_path):
    folder = group(tmp_path, {
        "en": "The storm was 385 miles away, with winds of 85 mph.\nSource: https://en.example.com/storm-123\n",
        "fr": "La tempête était à 620 km, avec des vents de 137 km/h.\nSource : https://fr.example.com/tempete-987\n",
    })
    result = run_cli("check", "--select", "numbers", "--source-language", "en", "--format", "json", str(folder))
    assert result.json() == [], result.stdout


def test_missing_figures_and_links_are_opt_in(tmp_path):
    folder = group(tmp_path, {
        "en": "83 people died; 12 were hurt.\nWrite to press@example.org.\n",
        "fr": "83 personnes sont mortes.\nÉcrivez-nous.\n",
    })
    default = run_cli("check", "--source-language", "en", "--select", "numbers", "--format", "json", str(folder))
    assert default.json() == []
    chosen = run_cli("check", "--source-language", "en", "--select", "D002,D004", "--format", "json", str(folder))
    assert sorted((f["code"], f["line"]) for f in chosen.json()) == [("D002", 1), ("D004", 2)]
    assert all(f["severity"] == "info" for f in chosen.json())


def test_misspelt_address_is_reported(tmp_path):
    folder = group(tmp_path, {
        "en": "Write to press@vufo.org.vn.\n",
        "fr": "Écrivez à press@vufo.org.nv.\n",
    })
    result = run_cli("check", "--source-language", "en", "--select", "D003", "--format", "json", str(folder))
    findings = result.json()
    assert [(f["code"], f["column"]) for f in findings] == [("D003", 11)]


def test_seeds_report_nothing_from_the_family():
    result = run_cli("check", "examples/", "--select", "numbers,D002,D004", "--format", "json")
    assert result.json() == [], result.stdout


def test_merged_and_split_lines_are_aligned_without_failing(tmp_path):
    """Groups whose translations have other line counts: aligned on shared figures, every rule runs."""
    folder = group(tmp_path, {
        "en": "Headline with 83 dead\nFirst 12 lines.\nThen 7.\nAnd 2019.\nEnd 45.\n",
        "fr": "Titre : 83 morts\nD'abord 12 lignes. Puis 7.\nEt 2019.\nFin 54.\n",
        "de": "Titel: 83 Tote\nZuerst 12.\nDann\n7.\nUnd 2019.\nEnde 45.\n",
        "es": "83\n",
    })
    for options in (("--source-language", "en"), ()):
        result = run_cli("check", "--select", "numbers,D002,D004", "--format", "json", *options, str(folder))
        assert result.code in (0, 1), result.stderr
        assert "crashed" not in result.stderr
    result = run_cli("check", "--select", "D001", "--source-language", "en", "--format", "json", str(folder))
    assert [(f["path"].split("/")[-2], f["line"]) for f in result.json()] == [("fr", 4)]


def test_time_grows_linearly_with_merged_lines():
    """Figures on every line and other line counts: windows and pools stay bounded per line."""
    import time

    from qa_lint.document import Document
    from qa_lint.groups import build_groups
    from qa_lint.registry import Registry

    rules = [r for r in Registry(load_entry_points=False).sorted_rules() if r.code.startswith("D")]

    def seconds(lines: int) -> float:
        en = "".join(f"Line {i}: {i * 7} people and {i % 13} cars.\n" for i in range(lines))
        fr = "".join(f"Ligne {i} : {i * 7} personnes. {i % 13} voitures.\n" + ("\n" if i % 3 else "Texte.\n")
                     for i in range(lines))
        docs = [Document(path=f"{lang}/a.txt", file=Path(f"{lang}/a.txt"), text=text, lang=lang)
                for lang, text in (("en", en), ("fr", fr))]
        start = time.process_time()
        for rule in rules:
            for group in build_groups(docs, "en"):
                list(rule.check_group(group))
        return time.process_time() - start

    seconds(50)
    small, large = min(seconds(500) for _ in range(2)), min(seconds(2000) for _ in range(2))
    assert large < 10 * max(small, 0.01), (small, large)


def test_adversarial_lines_cost_linear_time_and_never_overflow():
    import time

    style = number_style("fr")
    assert primaries("en", "1" + " million" * 5000)  # a runaway scale chain is cut, not an overflow

    def seconds(n: int) -> float:
        text = "5 mars " * n + "https://a.fr/1 " * n + "1 000 " * n
        start = time.process_time()
        lenient_pool(text, style, line_values(text, style))
        return time.process_time() - start

    seconds(100)
    small, large = min(seconds(2000) for _ in range(2)), min(seconds(8000) for _ in range(2))
    assert large < 10 * max(small, 0.005), (small, large)


def test_misspelt_address_is_repaired_only_with_unsafe_fixes(tmp_path):
    folder = group(tmp_path, {"en": "Write to press@vufo.org.vn.\n", "fr": "Écrivez à press@vufo.org.nv.\n"})
    args = ("check", "--source-language", "en", "--select", "D003", str(folder))
    run_cli(*args, "--fix")
    assert (folder / "fr" / "story.txt").read_text(encoding="utf-8") == "Écrivez à press@vufo.org.nv.\n"
    run_cli(*args, "--fix", "--unsafe-fixes")
    assert (folder / "fr" / "story.txt").read_text(encoding="utf-8") == "Écrivez à press@vufo.org.vn.\n"
