"""Configuration files: where they are found, what they change, and how the command line wins."""

from __future__ import annotations

from conftest import run_cli, write

LEFTOVERS = "Bonjour.\n\n\n\nComment (0)\nSource : https://example.org/a\n"


def codes(result):
    """(path, code, severity) of the boilerplate findings: the family these tests configure."""
    return sorted({(f["path"], f["code"], f["severity"]) for f in result.json() if f["code"].startswith("B")})


def test_closest_config_wins(tmp_path):
    write(tmp_path / "qa-lint.toml", 'select = ["B001"]\n')
    write(tmp_path / "sub" / ".qa-lint.toml", 'select = ["B007"]\n')
    write(tmp_path / "fr" / "a.txt", LEFTOVERS)
    write(tmp_path / "sub" / "fr" / "a.txt", LEFTOVERS)
    result = run_cli("check", "--format", "json", ".", cwd=tmp_path)
    assert codes(result) == [("fr/a.txt", "B001", "warning"), ("sub/fr/a.txt", "B007", "warning")]


def test_pyproject_table_is_read_and_pyproject_without_it_is_skipped(tmp_path):
    write(tmp_path / "qa-lint.toml", 'select = ["B001"]\n')
    write(tmp_path / "p" / "pyproject.toml", '[tool.qa-lint]\nselect = ["B008"]\n')
    write(tmp_path / "q" / "pyproject.toml", '[project]\nname = "x"\n')  # no [tool.qa-lint]
    write(tmp_path / "p" / "fr" / "a.txt", LEFTOVERS)
    write(tmp_path / "q" / "fr" / "a.txt", LEFTOVERS)
    result = run_cli("check", "--format", "json", "--fail-on", "info", ".", cwd=tmp_path)
    assert codes(result) == [("p/fr/a.txt", "B008", "info"), ("q/fr/a.txt", "B001", "warning")]


def test_command_line_overrides_config(tmp_path):
    write(tmp_path / "qa-lint.toml", 'select = ["B001"]\nfail-on = "error"\n')
    write(tmp_path / "fr" / "a.txt", LEFTOVERS)
    assert run_cli("check", ".", cwd=tmp_path).code == 0  # warnings below fail-on = error
    result = run_cli("check", "--format", "json", "--select", "B007", "--fail-on", "warning", ".", cwd=tmp_path)
    assert result.code == 1
    assert codes(result) == [("fr/a.txt", "B007", "warning")]


def test_severity_overrides_and_per_file_ignores(tmp_path):
    write(
        tmp_path / "qa-lint.toml",
        '[severity]\nB001 = "error"\nB = "info"\n[per-file-ignores]\n"archive/**" = ["boilerplate"]\n"*.md" = ["B007"]\n',
    )
    write(tmp_path / "fr" / "a.txt", LEFTOVERS)
    write(tmp_path / "archive" / "2019" / "fr" / "a.txt", LEFTOVERS)
    write(tmp_path / "fr" / "b.md", LEFTOVERS)
    result = run_cli("check", "--format", "json", ".", cwd=tmp_path)
    assert codes(result) == [
        ("fr/a.txt", "B001", "error"),  # the more specific override wins
        ("fr/a.txt", "B007", "info"),
        ("fr/a.txt", "B008", "info"),
        ("fr/b.md", "B001", "error"),
        ("fr/b.md", "B008", "info"),
    ]


def test_language_map_and_source_language(tmp_path):
    write(tmp_path / "qa-lint.toml", '[language-map]\n"vendor-a/**" = "fas"\n')
    write(tmp_path / "vendor-a" / "story.txt", "متن.\nنظر (0)\n")
    result = run_cli("check", "--format", "json", ".", cwd=tmp_path)
    assert [f["lang"] for f in result.json()] == ["fa"]
    forced = run_cli("check", "--format", "json", "--lang", "fr-CA", ".", cwd=tmp_path)
    assert [f["lang"] for f in forced.json()] == ["fr-CA"]


def test_include_and_exclude(tmp_path):
    write(tmp_path / "qa-lint.toml", 'include = ["*.txt", "*.srt"]\nexclude = ["drafts", "*.tmp.txt"]\n')
    for name in ("a.txt", "b.srt", "c.md", "drafts/d.txt", "e.tmp.txt"):
        write(tmp_path / "fr" / name, "Comment (0)\n")
    result = run_cli("check", "--format", "json", "--select", "B", ".", cwd=tmp_path)
    assert sorted(f["path"] for f in result.json()) == ["fr/a.txt", "fr/b.srt"]
    # A path named explicitly is always linted.
    explicit = run_cli("check", "--format", "json", "--select", "B", "fr/c.md", "fr/drafts/d.txt", cwd=tmp_path)
    assert sorted(f["path"] for f in explicit.json()) == ["fr/c.md", "fr/drafts/d.txt"]


def test_extra_rule_pack_applies_only_under_its_config(tmp_path):
    pack = (
        '[[rule]]\ncode = "X001"\nname = "no-lorem"\ncategory = "typography"\ntype = "substitution"\n'
        'message = "write {replacement}"\nwhat = "w"\nwhy = "y"\n[rule.swap]\n"lorem" = "ipsum"\n'
        '[[rule.examples]]\ntext = "lorem"\n[[rule.examples]]\ntext = "dolor"\nfires = false\n'
    )
    write(tmp_path / "desk" / "pack" / "x.toml", pack)
    write(tmp_path / "desk" / "qa-lint.toml", 'rule-packs = ["pack"]\n')
    write(tmp_path / "desk" / "a.txt", "lorem\n")
    write(tmp_path / "other" / "a.txt", "lorem\n")
    result = run_cli("check", "--format", "json", ".", cwd=tmp_path)
    assert [(f["path"], f["code"]) for f in result.json()] == [("desk/a.txt", "X001")]
    assert result.json()[0]["fix"]["edits"][0]["content"] == "ipsum"


def test_per_language_ignores(tmp_path):
    write(tmp_path / "qa-lint.toml", '[per-language-ignores]\nfas = ["B007"]\n')
    write(tmp_path / "fa" / "a.txt", "متن.\n\n\n\nنظر (0)\n")
    write(tmp_path / "fr" / "a.txt", LEFTOVERS)
    result = run_cli("check", "--format", "json", ".", cwd=tmp_path)
    assert [(p, c) for p, c, _ in codes(result) if c != "B008"] == [
        ("fa/a.txt", "B001"), ("fr/a.txt", "B001"), ("fr/a.txt", "B007")
    ]


def test_rule_options_are_passed_to_the_rule_and_validated(tmp_path):
    write(tmp_path / "qa-lint.toml", '[rule-options.B007]\nmax-blank-lines = 3\n')
    write(tmp_path / "fr" / "a.txt", "Un.\n\n\n\nDeux.\n\n\n\n\nTrois.\n")
    result = run_cli("check", "--format", "json", ".", cwd=tmp_path)
    assert [(f["code"], f["line"]) for f in result.json()] == [("B007", 6)]
    write(tmp_path / "qa-lint.toml", '[rule-options.B007]\nmax-blanks = 3\n')
    bad = run_cli("check", ".", cwd=tmp_path)
    assert bad.code == 2 and "rule-options.B007: unknown option `max-blanks`" in bad.stderr
    write(tmp_path / "qa-lint.toml", '[rule-options.B001]\nx = 1\n')
    assert "rule B001 takes no options" in run_cli("check", ".", cwd=tmp_path).stderr
