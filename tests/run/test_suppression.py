"""Suppressing findings: Markdown comments (next block, same line, whole file), per-file ignores,
and F006 for suppressions that suppress nothing."""

from __future__ import annotations

from conftest import run_cli, write

# A substitution rule that fires anywhere in a line, for same-line suppressions.
PACK = (
    '[[rule]]\ncode = "X001"\nname = "no-lorem"\ncategory = "typography"\ntype = "substitution"\n'
    'message = "write {replacement}"\nwhat = "w"\nwhy = "y"\n[rule.swap]\n"lorem" = "ipsum"\n'
    '[[rule.examples]]\ntext = "lorem"\n[[rule.examples]]\ntext = "dolor"\nfires = false\n'
)


def findings(folder, *args):
    """(code, line) of the findings; boilerplate and file rules unless `args` select others."""
    args = args or ("--select", "B,F")
    result = run_cli("check", "--format", "json", *args, ".", cwd=folder)
    assert result.code in (0, 1), result.stderr
    return [(f["code"], f["line"]) for f in result.json()]


def test_a_comment_suppresses_the_next_block_only(tmp_path):
    write(tmp_path / "fr" / "a.md", (
        "Texte.\n\n"
        "<!-- qa-lint: ignore B001 -->\n"
        "Comment (0)\n"         # 4: the block after the comment
        "Comment (0)\n"         # 5: same block
        "\n"
        "Comment (0)\n"         # 7: the next block is not covered
    ))
    assert findings(tmp_path) == [("B001", 7)]


def test_a_comment_after_text_suppresses_its_own_line(tmp_path):
    write(tmp_path / "qa-lint.toml", 'rule-packs = ["pack"]\nselect = ["X001", "F006"]\n')
    write(tmp_path / "pack" / "x.toml", PACK)
    write(tmp_path / "a.md", "lorem one <!-- qa-lint: ignore X001 -->\nlorem two\n")
    assert findings(tmp_path, "--select", "X001,F006") == [("X001", 2)]


def test_file_wide_suppression_prefixes_and_categories(tmp_path):
    body = "Texte.\n\n\n\nComment (0)\n"
    write(tmp_path / "fr" / "a.md", "<!-- qa-lint: ignore-file B001, B007 -->\n" + body)
    write(tmp_path / "fr" / "b.md", "<!-- qa-lint: ignore-file boilerplate -->\n" + body)
    write(tmp_path / "fr" / "c.md", "<!-- qa-lint: ignore-file B00 -->\n" + body)
    write(tmp_path / "fr" / "d.md", "<!-- qa-lint: ignore-file -->\n" + body)  # every rule
    assert findings(tmp_path) == []


def test_plain_text_has_no_inline_suppression(tmp_path):
    write(tmp_path / "fr" / "a.txt", "Texte.\n<!-- qa-lint: ignore B001 -->\nComment (0)\n")
    assert findings(tmp_path) == [("B001", 3)]


def test_unused_suppressions_are_reported_with_a_fix(tmp_path):
    write(tmp_path / "fr" / "a.md", (
        "Texte.\n\n"
        "<!-- qa-lint: ignore B001, B003 -->\n"  # B001 used, B003 not
        "Comment (0)\n\n"
        "<!-- qa-lint: ignore B0009 -->\n"  # names no rule
        "Fin.\n"
    ))
    result = run_cli("check", "--format", "json", "--select", "B,F", ".", cwd=tmp_path)
    unused = [f for f in result.json() if f["code"] == "F006"]
    assert [(f["line"], f["message"]) for f in unused] == [
        (3, "Unused suppression: B003 suppresses nothing here; remove it"),
        (6, "Unused suppression: B0009 names no rule; remove it"),
    ]
    assert unused[0]["fix"]["edits"][0]["content"] == "<!-- qa-lint: ignore B001 -->"
    assert run_cli("check", "--fix", "--select", "B,F", ".", cwd=tmp_path).code == 0
    assert (tmp_path / "fr" / "a.md").read_text(encoding="utf-8") == (
        "Texte.\n\n<!-- qa-lint: ignore B001 -->\nComment (0)\n\nFin.\n"
    )


def test_a_suppression_for_a_rule_not_run_is_not_unused(tmp_path):
    write(tmp_path / "fr" / "a.md", "Texte.\n<!-- qa-lint: ignore B003 -->\nComment (0)\n")
    assert findings(tmp_path, "--select", "B001,F006") == [("B001", 3)]
    assert findings(tmp_path, "--select", "B,F", "--ignore", "F006") == [("B001", 3)]


def test_the_comment_itself_is_not_article_text(tmp_path):
    # French typography would want "qa-lint :"; the comment is not prose, and both spellings work.
    write(tmp_path / "fr" / "a.md", "Texte.\n\n<!-- qa-lint : ignore B001 -->\nComment (0)\n")
    assert findings(tmp_path) == []


def test_per_file_ignores_with_a_prefix_and_a_code(tmp_path):
    write(tmp_path / "qa-lint.toml", '[per-file-ignores]\n"archive/2019/**" = ["F", "B003"]\n')
    page = "Texte.\nLire aussi : Un autre article\nComment (0)\n"
    write(tmp_path / "archive" / "2019" / "06" / "fr" / "a.txt", page)
    write(tmp_path / "archive" / "2019" / "fr" / "empty.txt", "")
    write(tmp_path / "archive" / "2020" / "fr" / "a.txt", page)
    result = run_cli("check", "--format", "json", "--select", "B,F", ".", cwd=tmp_path)
    assert result.code == 1, result.stderr  # F004 is ignored there: no input error
    assert sorted((f["path"], f["code"]) for f in result.json()) == [
        ("archive/2019/06/fr/a.txt", "B001"),
        ("archive/2020/fr/a.txt", "B001"),
        ("archive/2020/fr/a.txt", "B003"),
    ]


def test_a_fix_for_every_occurrence_leaves_a_suppressed_line_as_written(tmp_path):
    """S003 reports a word form once and its fix repairs every occurrence, except where a comment says not to."""
    line = "او يك كتاب خرید.\n"
    write(tmp_path / "fa" / "a.md", line + "\n<!-- qa-lint: ignore S003 -->\n" + line + "\n" + line)
    result = run_cli("check", "--fix", "--select", "S003,F006", ".", cwd=tmp_path)
    assert result.code == 0, result.stdout + result.stderr
    fixed = (tmp_path / "fa" / "a.md").read_text(encoding="utf-8").splitlines()
    assert fixed[0] == fixed[5] == "او یک کتاب خرید." and fixed[3] == line.rstrip("\n")


def test_a_form_whose_first_occurrence_is_suppressed_is_reported_at_the_next(tmp_path):
    line = "او يك كتاب خرید.\n"
    write(tmp_path / "fa" / "a.md", "<!-- qa-lint: ignore S003 -->\n" + line + "\n" + line + "\n" + line)
    assert findings(tmp_path, "--select", "S003,F006") == [("S003", 4), ("S003", 4)]
    result = run_cli("check", "--fix", "--select", "S003,F006", ".", cwd=tmp_path)
    assert result.code == 0, result.stdout + result.stderr
    fixed = (tmp_path / "fa" / "a.md").read_text(encoding="utf-8").splitlines()
    assert fixed[1] == line.rstrip("\n") and fixed[3] == fixed[5] == "او یک کتاب خرید."
