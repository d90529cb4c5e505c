"""The names family: one person, one spelling — in an article, across translations, archive, glossary."""

from __future__ import annotations

import tomllib

from qa_lint.builtin_rules.names.phonetic import name_key
from qa_lint.builtin_rules.names.variants import variant_kind

from conftest import run_cli, write


def findings(result, code=None):
    return [f for f in result.json() if code is None or f["code"] == code]


def test_seed_persian_caption_spelling_is_reported_against_the_body_with_counts():
    result = run_cli("check", "examples/", "--format", "json", "--select", "N")
    found = findings(result)
    assert len(found) == 1, [f["message"] for f in found]
    only = found[0]
    assert (only["path"], only["code"], only["line"], only["column"]) == ("examples/fa/vufo-mofa-coordination.txt", "N001", 15, 14)
    assert (only["end_line"], only["end_column"]) == (15, 24)
    assert "“فان آن سون” is written “فان آنه سون” 2 times elsewhere in this article (lines 16, 19)" in only["message"]
    assert "silent final letter (ه)" in only["message"]
    assert "Phan Anh Son in examples/fr/vufo-mofa-coordination.txt" in only["message"]
    assert only["fix"]["applicability"] == "unsafe"
    assert only["fix"]["edits"][0]["content"] == "فان آنه سون"


def test_names_command_links_french_names_to_their_persian_forms(tmp_path):
    out = tmp_path / "names.toml"
    result = run_cli("names", "examples/", "--output-file", str(out))
    assert result.code == 0, result.stderr
    glossary = {entry["id"]: entry for entry in tomllib.loads(out.read_text(encoding="utf-8"))["name"]}
    assert glossary["phan-anh-son"]["fr"] == "Phan Anh Son"
    assert glossary["phan-anh-son"]["fa"] == "فان آنه سون"
    assert glossary["ngo-le-van"] == {"id": "ngo-le-van", "fa": "نگو لو وان", "fr": "Ngo Le Van"}
    text = out.read_text(encoding="utf-8")
    assert "also written: فان آن سون (1)" in text and "# 3 mentions in 1 article" in text
    as_json = run_cli("names", "examples/", "--format", "json").json()
    person = next(p for p in as_json if p["id"] == "phan-anh-son")
    assert [f["count"] for f in person["forms"]["fa"]] == [2, 1]


def test_phonetic_key_links_scripts():
    same = ["Phan Anh Son", "فان آنه سون", "فان آن سون", "Фан Ань Шон"]
    assert {name_key(n.split()) for n in same} == {("fn", "n", "sn")}
    assert name_key("Ngo Le Van".split()) == name_key("نگو لو وان".split()) == ("ng", "l", "vn")


def test_two_people_are_never_one_name():
    assert variant_kind(("Nguyễn", "Văn", "An"), ("Nguyễn", "Văn", "Anh"), "Latin") is None
    assert variant_kind(("Lê", "Văn", "Hà"), ("Lê", "Văn", "Hạ"), "Latin") is None  # both marked: two names
    assert variant_kind(("Phạm", "Minh", "Chính"), ("Pham", "Minh", "Chinh"), "Latin") == "diacritics"
    assert variant_kind(("Ho", "Chi", "Minh"), ("Ho-Chi-Minh",), "Latin") == "hyphenation or spacing"
    assert variant_kind(("Phan", "Anh", "Son"), ("Phan", "Ahn", "Son"), "Latin") == "two swapped letters"
    assert variant_kind(("Фан", "Ань", "Шон"), ("Фан", "Ань", "Сон"), "Cyrillic").startswith("letters for one sound")
    assert variant_kind(("Северной", "Кореи"), ("Северной", "Корей"), "Cyrillic") is None  # й is a letter


def test_distinct_people_sharing_a_key_are_not_merged_across_scripts(tmp_path):
    # The Latin original names two people whose keys collide (An / Anh); the
    # Persian renderings differ exactly there and must not be called variants.
    write(tmp_path / "vi" / "a.txt", "Ông Nguyễn Văn An gặp ông Nguyễn Văn Anh.\nNguyễn Văn An nói.\n")
    write(tmp_path / "fa" / "a.txt", "نگوین وان آن با نگوین وان آنه دیدار کرد.\nنگوین وان آن گفت.\n")
    result = run_cli("check", "--format", "json", "--select", "N", ".", cwd=tmp_path)
    assert findings(result) == []


def test_diacritics_variant_in_vietnamese_and_cyrillic_same_sound_letters(tmp_path):
    write(tmp_path / "vi" / "a.txt", "Thủ tướng Phạm Minh Chính phát biểu.\nÔng Phạm Minh Chính nói.\nPham Minh Chinh cảm ơn.\n")
    write(tmp_path / "ru" / "b.txt", "Фан Ань Шон выступил.\nФан Ань Шон отметил.\nФан Ань Сон добавил.\n")
    result = run_cli("check", "--format", "json", "--select", "N001", ".", cwd=tmp_path)
    got = {(f["path"], f["line"], f["column"]) for f in findings(result)}
    assert got == {("vi/a.txt", 3, 1), ("ru/b.txt", 3, 1)}
    vi = next(f for f in findings(result) if f["path"] == "vi/a.txt")
    assert "written “Phạm Minh Chính” 2 times elsewhere in this article (lines 1, 2)" in vi["message"]


def test_arabic_same_sound_letters_for_ng(tmp_path):
    write(tmp_path / "ar" / "a.txt", "قال نغوين فو إن الاتفاق مهم.\nوأضاف نغوين فو أن العمل مستمر.\nوختم نجوين فو كلمته.\n")
    result = run_cli("check", "--format", "json", "--select", "N001", ".", cwd=tmp_path)
    found = findings(result)
    assert [(f["line"], f["column"]) for f in found] == [(3, 6)]
    assert "letters for one sound (غ / ج)" in found[0]["message"] or "letters for one sound (ج / غ)" in found[0]["message"]


def test_archive_pass_reports_the_article_that_disagrees(tmp_path):
    for name in ("a", "b", "c"):
        write(tmp_path / "fr" / f"{name}.txt", f"Article {name}. Kim Jong-un a parlé.\n")
    write(tmp_path / "fr" / "d.txt", "Article d. Kim Jong Un a parlé, puis Kim Jong Un est parti.\n")
    result = run_cli("check", "--format", "json", "--select", "N003", ".", cwd=tmp_path)
    found = findings(result)
    assert [(f["path"], f["line"], f["column"]) for f in found] == [("fr/d.txt", 1, 12)]
    assert "“Kim Jong Un” (2 times in this article) is written “Kim Jong-un” in 3 other articles in fr" in found[0]["message"]


def test_glossary_enforces_approved_forms_toml_csv_and_tbx(tmp_path):
    write(tmp_path / "names.toml", '[[name]]\nid = "pmc"\nvi = "Phạm Minh Chính"\nfa = ["فام مین چین"]\n')
    write(tmp_path / "names.csv", "id,lang,form\npmc,vi,Phạm Minh Chính\n")
    write(
        tmp_path / "names.tbx",
        '<?xml version="1.0" encoding="UTF-8"?>\n<martif type="TBX" xml:lang="en"><text><body>'
        '<termEntry id="pmc"><langSet xml:lang="vi"><tig><term>Phạm Minh Chính</term></tig></langSet>'
        "</termEntry></body></text></martif>\n",
    )
    write(tmp_path / "vi" / "a.txt", "Pham Minh Chinh phát biểu.\nPhạm Minh Chính nói.\n")
    for glossary in ("names.toml", "names.csv", "names.tbx"):
        write(tmp_path / "qa-lint.toml", f'[rule-options.N004]\nglossary-file = "{glossary}"\n')
        result = run_cli("check", "--format", "json", "--select", "N004", ".", cwd=tmp_path)
        found = findings(result)
        assert [(f["line"], f["column"], f["end_column"]) for f in found] == [(1, 1, 16)], glossary
        assert "write “Phạm Minh Chính”" in found[0]["message"]
        assert found[0]["fix"]["edits"][0]["content"] == "Phạm Minh Chính"


def test_bad_glossary_is_a_configuration_error(tmp_path):
    write(tmp_path / "qa-lint.toml", '[rule-options.N004]\nglossary-file = "missing.toml"\n')
    write(tmp_path / "a.txt", "Bonjour.\n")
    result = run_cli("check", ".", cwd=tmp_path)
    assert result.code == 2
    assert "rule-options.N004: cannot read names glossary" in result.stderr


def test_name_missing_in_translation_is_opt_in_info(tmp_path):
    write(tmp_path / "qa-lint.toml", 'source-language = "vi"\n')
    write(tmp_path / "vi" / "a.txt", "Ông Phan Anh Sơn phát biểu.\nPhan Anh Sơn cảm ơn Ngô Lê Văn.\n")
    write(tmp_path / "fr" / "a.txt", "M. Phan Anh Son a parlé.\nIl a remercié le vice-ministre.\n")
    write(tmp_path / "fa" / "a.txt", "آقای فان آنه سون سخنرانی کرد.\nاو از معاون وزیر تشکر کرد.\n")
    assert findings(run_cli("check", "--format", "json", ".", cwd=tmp_path), "N002") == []
    result = run_cli("check", "--format", "json", "--select", "N002", ".", cwd=tmp_path)
    assert findings(result) == []  # Ngô Lê Văn is mentioned once only: not what the article is about
    write(tmp_path / "vi" / "a.txt", "Ông Phan Anh Sơn phát biểu.\nPhan Anh Sơn cảm ơn.\nPhan Anh Sơn ra về.\n")
    write(tmp_path / "fa" / "a.txt", "رئیس سخنرانی کرد.\nاو تشکر کرد.\n")
    result = run_cli("check", "--format", "json", "--select", "N002", ".", cwd=tmp_path)
    found = findings(result)
    assert [(f["path"], f["severity"]) for f in found] == [("fa/a.txt", "info")]
    assert "“Phan Anh Sơn” (3 times in the original vi/a.txt) does not appear" in found[0]["message"]


def test_translation_whose_spelling_slips_is_reported_against_the_others(tmp_path):
    write(tmp_path / "en" / "a.txt", "Phan Anh Son spoke.\n")
    write(tmp_path / "fr" / "a.txt", "Phan Anh Son a parlé.\n")
    write(tmp_path / "es" / "a.txt", "Phan Ahn Son habló.\n")
    write(tmp_path / "vi" / "a.txt", "Phan Anh Sơn phát biểu.\n")  # diacritics differ by convention: not a slip
    result = run_cli("check", "--format", "json", "--select", "N005", ".", cwd=tmp_path)
    found = findings(result)
    assert [(f["path"], f["line"], f["column"]) for f in found] == [("es/a.txt", 1, 1)]
    assert "“Phan Ahn Son” is written “Phan Anh Son” in 2 other translations of this article (en/a.txt, fr/a.txt)" in found[0]["message"]
    assert found[0]["fix"]["edits"][0]["content"] == "Phan Anh Son"
    assert found[0]["fix"]["applicability"] == "unsafe"


def test_plain_fix_leaves_a_name_the_other_translations_spell_differently(tmp_path):
    # A majority of translations can share one typo: following them is an editor's call.
    write(tmp_path / "en" / "a.txt", "Kenny Miler spoke.\n")
    write(tmp_path / "de" / "a.txt", "Kenny Miler sprach.\n")
    write(tmp_path / "fr" / "a.txt", "Kenny Miller a parlé.\n")
    run_cli("check", "--select", "N005", "--fix", ".", cwd=tmp_path)
    assert (tmp_path / "fr" / "a.txt").read_text(encoding="utf-8") == "Kenny Miller a parlé.\n"
    run_cli("check", "--select", "N005", "--fix", "--unsafe-fixes", ".", cwd=tmp_path)
    assert (tmp_path / "fr" / "a.txt").read_text(encoding="utf-8") == "Kenny Miler a parlé.\n"


def test_persian_seed_alone_reports_the_caption_spelling(tmp_path):
    # As under pre-commit with only the Persian file staged: no French sibling names the person.
    result = run_cli("check", "--format", "json", "--select", "N", "examples/fa/vufo-mofa-coordination.txt")
    found = findings(result)
    assert [(f["code"], f["line"], f["column"], f["severity"]) for f in found] == [("N006", 15, 14, "info")]
    assert "“فان آن سون” (once) is written “فان آنه سون” 2 times elsewhere in this article (lines 16, 19)" in found[0]["message"]
    assert found[0]["fix"]["applicability"] == "unsafe"


def test_near_variants_of_names_in_cyrillic_arabic_and_latin(tmp_path):
    write(tmp_path / "ru" / "a.txt", "Посол в Российской Федерации Данг Минь Кой прибыл.\nПосол Данг Минь Кой сказал.\n"
          "Заявил посол Данг Минь Кхой.\n")
    write(tmp_path / "ar" / "b.txt", "قال مدير فينا كابيتال إن العمل مهم.\nوتعمل فينا كابيتال منذ عشرين عاما.\n"
          "وأعلنت فيناكابيتال برنامجا جديدا.\n")
    write(tmp_path / "vi" / "c.txt", "Ông Phan Anh Son nói.\nÔng Phan Anh Son cảm ơn.\nÔng Phan Anh Song ra về.\n")
    result = run_cli("check", "--format", "json", "--select", "N", ".", cwd=tmp_path)
    got = {(f["path"], f["code"], f["line"]): f["message"] for f in findings(result)}
    assert set(got) == {("ru/a.txt", "N006", 3), ("ar/b.txt", "N006", 3), ("vi/c.txt", "N006", 3)}
    assert "(к / кх)" in got[("ru/a.txt", "N006", 3)]
    assert "a space inside the name" in got[("ar/b.txt", "N006", 3)]
    assert "a final letter written or left out (g)" in got[("vi/c.txt", "N006", 3)]


def test_near_variants_stay_quiet_where_the_article_shows_two_names(tmp_path):
    # Both forms twice; both in one sentence; a case ending; a sibling naming two people.
    write(tmp_path / "vi" / "a.txt", "Nguyễn Văn An nói. Nguyễn Văn Anh nói.\nNguyễn Văn An đi. Nguyễn Văn Anh về.\n")
    write(tmp_path / "vi" / "b.txt", "Ông Lê Văn Hà gặp ông Lê Văn Hạ hôm qua.\nLê Văn Hà nói.\nLê Văn Hà về.\n")
    write(tmp_path / "ru" / "c.txt", "Джо Байден заявил.\nДжо Байден добавил.\nСлова Джо Байдена прозвучали.\n")
    write(tmp_path / "de" / "d.txt", "Angela Merkel sprach.\nAngela Merkel ging.\nAngela Merkels Rede.\n")
    result = run_cli("check", "--format", "json", "--select", "N", ".", cwd=tmp_path)
    assert findings(result) == []


def test_near_kind_names_the_difference():
    from qa_lint.builtin_rules.names.near import near_kind

    assert near_kind(("نغوين", "وان", "آن"), ("نغوين", "ون", "آن"), "Arabic", "ar", caseless=True).startswith("a vowel letter")
    assert near_kind(("فام", "مينه", "تشينه"), ("فام", "مين", "تشينه"), "Arabic", "ar", caseless=True) is not None
    assert near_kind(("Чан", "Ван", "Тхань"), ("Тран", "Ван", "Тхань"), "Cyrillic", "ru") is None  # two letters
    assert near_kind(("Ле", "Ван", "Чыонг"), ("Ле", "Ван", "Тыонг"), "Cyrillic", "ru").startswith("letters that renderings")
    assert near_kind(("Ле", "Минь"), ("Ле", "Мин"), "Cyrillic", "ru").startswith("letters that renderings")
    assert near_kind(("Reza", "Bigdeli"), ("Reza", "Bigdelin"), "Latin", "fr").startswith("a final letter")
    assert near_kind(("Lê", "Văn", "Hà"), ("Lê", "Văn", "Hạ"), "Latin", "vi").startswith("one diacritic")
    assert near_kind(("North", "Korea"), ("North", "Korean"), "Latin", "en") is None  # an adjective ending
    assert near_kind(("HM", "Long"), ("HMP", "Long"), "Latin", "en") is None  # acronyms
    assert near_kind(("رخ", "داد"), ("رخ", "داده"), "Arabic", "fa", caseless=True) is None  # a verb ending


def test_the_glossary_wins_over_the_article_majority(tmp_path):
    # The article writes the unapproved form twice and the approved one once.
    write(tmp_path / "names.toml", '[[name]]\nid = "pmc"\nvi = "Phạm Minh Chính"\n')
    write(tmp_path / "qa-lint.toml", '[rule-options.N004]\nglossary-file = "names.toml"\n')
    write(tmp_path / "vi" / "a.txt", "Pham Minh Chinh phát biểu.\nPham Minh Chinh nói.\nPhạm Minh Chính cảm ơn.\n")
    result = run_cli("check", "--format", "json", "--select", "N001,N004", ".", cwd=tmp_path)
    found = findings(result)
    assert sorted((f["code"], f["line"]) for f in found) == [("N001", 1), ("N001", 2), ("N004", 1), ("N004", 2)]
    for finding in found:
        assert finding["fix"]["edits"][0]["content"] == "Phạm Minh Chính"
    n001 = next(f for f in found if f["code"] == "N001")
    assert "the names glossary (pmc) approves “Phạm Minh Chính”" in n001["message"]
    run_cli("check", "--select", "N001", "--fix", "--unsafe-fixes", ".", cwd=tmp_path)
    assert (tmp_path / "vi" / "a.txt").read_text(encoding="utf-8").count("Phạm Minh Chính") == 3


def test_names_learns_the_base_form_across_cases_and_n004_accepts_inflected_mentions(tmp_path):
    write(tmp_path / "en" / "a.txt", "Donald Trump spoke. Donald Trump left.\n")
    write(tmp_path / "ru" / "a.txt", "Слова Дональда Трампа.\nПозиция Дональда Трампа.\nДональд Трамп уехал.\n"
          "Встреча с Дональдом Трампом.\n")
    write(tmp_path / "de" / "a.txt", "Donald Trumps Rede.\nDonald Trump sprach.\n")
    out = tmp_path / "names.toml"
    assert run_cli("names", ".", "--output-file", str(out), cwd=tmp_path).code == 0
    entry = next(e for e in tomllib.loads(out.read_text(encoding="utf-8"))["name"] if e["id"] == "donald-trump")
    assert entry["ru"] == "Дональд Трамп"
    assert entry["de"] == "Donald Trump"
    assert "in other cases: Дональда Трампа (2); Дональдом Трампом (1)" in out.read_text(encoding="utf-8")
    write(tmp_path / "qa-lint.toml", '[rule-options.N004]\nglossary-file = "names.toml"\n')
    assert findings(run_cli("check", "--format", "json", "--select", "N004", ".", cwd=tmp_path)) == []
    write(tmp_path / "ru" / "a.txt", "Слова Дональда Трампа.\nДональд Тармп уехал.\n")
    found = findings(run_cli("check", "--format", "json", "--select", "N004", ".", cwd=tmp_path))
    assert [(f["path"], f["line"]) for f in found] == [("ru/a.txt", 2)]


def test_endings_of_the_language_are_not_near_variants_but_other_final_letters_are():
    from qa_lint.builtin_rules.names.near import near_kind

    assert near_kind(("Deutsche", "Bank"), ("Deutscher", "Bank"), "Latin", "de") is None
    assert near_kind(("Ryder", "Cup"), ("Ryder", "Cups"), "Latin", "en") is None
    assert near_kind(("Reza", "Bigdeli"), ("Reza", "Bigdelin"), "Latin", "en").startswith("a final letter")
    assert near_kind(("Северной", "Корее"), ("Северной", "Кореей"), "Cyrillic", "ru") is None


def test_archive_pass_follows_the_glossary_over_the_majority(tmp_path):
    for name in ("a", "b", "c"):
        write(tmp_path / "fr" / f"{name}.txt", f"Article {name}. Kim Jong Un a parlé.\n")
    write(tmp_path / "fr" / "d.txt", "Article d. Kim Jong-un a parlé.\n")
    write(tmp_path / "names.toml", '[[name]]\nid = "kju"\nfr = "Kim Jong-un"\n')
    write(tmp_path / "qa-lint.toml", '[rule-options.N004]\nglossary-file = "names.toml"\n')
    result = run_cli("check", "--format", "json", "--select", "N003", ".", cwd=tmp_path)
    found = findings(result)
    assert sorted(f["path"] for f in found) == ["fr/a.txt", "fr/b.txt", "fr/c.txt"]
    assert all("in 1 other article in fr (fr/d.txt)" in f["message"] for f in found)
    assert all("the names glossary approves “Kim Jong-un”" in f["message"] for f in found)


def test_near_variant_defers_to_the_glossary(tmp_path):
    write(tmp_path / "names.toml", '[[name]]\nid = "dmk"\nru = "Данг Минь Кхой"\n')
    write(tmp_path / "qa-lint.toml", '[rule-options.N004]\nglossary-file = "names.toml"\n')
    write(tmp_path / "ru" / "a.txt", "Посол Данг Минь Кой прибыл.\nПосол Данг Минь Кой сказал.\nЗаявил посол Данг Минь Кхой.\n")
    found = findings(run_cli("check", "--format", "json", "--select", "N006", ".", cwd=tmp_path))
    assert [f["line"] for f in found] == [1, 2]
    assert all(f["fix"]["edits"][0]["content"] == "Данг Минь Кхой" for f in found)
    assert "the names glossary (dmk) approves “Данг Минь Кхой”" in found[0]["message"]
