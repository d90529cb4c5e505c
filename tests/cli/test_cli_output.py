"""What an editor reads: fix marks and the summary, the quoted window, empty runs, standard input,
`rules` and `explain` as configured, file names that cannot pass for findings. Run as users run it."""

from __future__ import annotations

import os
import sys

import pytest

from conftest import EXAMPLES, run_cli, write

LONG = "Le ministère a publié un long communiqué sur la coopération régionale " * 4


def test_safe_fixes_are_marked_star_and_unsafe_ones_tilde(tmp_path):
    write(tmp_path / "fr" / "a.txt", "Le texte , dit-il.\nSource : https://example.org/a\n")
    result = run_cli("check", "--format", "concise", "--select", "T001,B008", ".", cwd=tmp_path)
    lines = result.stdout.splitlines()
    assert "fr/a.txt:1:9: T001 [warning] [*] " in lines[0]
    assert "fr/a.txt:2:1: B008 [info] [~] " in lines[1]
    assert lines[2:] == [
        "Found 2 findings in 1 file.",
        "[*] 1 fixable with --fix.",
        "[~] 1 hidden fix can be enabled with --unsafe-fixes.",
    ]
    full = run_cli("check", "--select", "T001,B008", ".", cwd=tmp_path).stdout
    assert "= fix: Delete the space before “,”" in full
    assert "= unsafe fix (--unsafe-fixes): Delete the line" in full


def test_plain_fix_keeps_source_lines_and_quoted_titles(tmp_path):
    text = "Il a lu « The Road: a novel » hier.\nIl a dit: non.\nSource : https://example.org/a\n"
    file = write(tmp_path / "fr" / "a.txt", text)
    result = run_cli("check", "--fix", "--select", "T004,B008", ".", cwd=tmp_path)
    assert result.code == 1, result.stderr
    assert file.read_text(encoding="utf-8") == text.replace("dit:", "dit\u00a0:")
    run_cli("check", "--fix", "--unsafe-fixes", "--select", "T004,B008", ".", cwd=tmp_path)
    assert file.read_text(encoding="utf-8") == "Il a lu « The Road\u00a0: a novel » hier.\nIl a dit\u00a0: non.\n"


def test_summary_counts_the_files_with_findings_and_the_files_checked(tmp_path):
    write(tmp_path / "fr" / "a.txt", "Comment (0)\n")
    write(tmp_path / "fr" / "b.txt", "Bonjour.\n")
    write(tmp_path / "fr" / "c.txt", "Au revoir.\n")
    result = run_cli("check", "--format", "concise", "--select", "B001", ".", cwd=tmp_path)
    assert "Found 1 finding in 1 file (3 checked)." in result.stdout
    clean = run_cli("check", "--select", "B001", "fr/b.txt", cwd=tmp_path)
    assert clean.code == 0 and clean.stdout == "All checks passed (1 file checked).\n"


def test_plurals_in_messages_and_fixes(tmp_path):
    write(tmp_path / "fr" / "a.txt", "Un.\n\n\n\nDeux.\n\n\nTrois.\n")
    result = run_cli("check", "--select", "B007", ".", cwd=tmp_path, env={"QA_LINT_RULE_OPTIONS": ""})
    assert "3 blank lines in a row" in result.stdout and "= fix: Delete 2 blank lines" in result.stdout
    assert "= fix: Delete 1 blank line\n" in result.stdout
    assert "(s)" not in result.stdout + result.stderr


def test_full_format_quotes_a_window_around_the_span(tmp_path):
    write(tmp_path / "fr" / "a.txt", LONG + "et la fin , dit-il. " + LONG + "\n")
    result = run_cli("check", "--select", "T001", ".", cwd=tmp_path)
    quoted = next(line for line in result.stdout.splitlines() if line.startswith("1 | "))
    carets = next(line for line in result.stdout.splitlines() if "^" in line)
    assert quoted.startswith("1 | …") and quoted.endswith("…")
    assert 70 < len(quoted) < 100  # about 40 characters each side of the span
    words = set(LONG.split())
    assert quoted[5:].split(" ")[0] in words and quoted[:-1].split(" ")[-1] in words  # cut between words
    assert quoted[carets.index("^") : carets.index("^") + 2] == " ,"
    narrow = run_cli("check", "--select", "T001", ".", cwd=tmp_path, env={"COLUMNS": "50"})
    lines = [line for line in narrow.stdout.splitlines() if line.startswith(("1 | ", "  | "))]
    assert lines and all(len(line) <= 50 for line in lines)
    quoted = next(line for line in lines if line.startswith("1 | "))
    carets = next(line for line in lines if "^" in line)
    assert quoted[carets.index("^") : carets.index("^") + 2] == " ,"


def test_persian_text_is_shown_as_written_and_only_the_span_marks_invisibles(tmp_path):
    # A correct ZWNJ in می‌کند, and a stray one after خیمه.
    write(tmp_path / "fa" / "a.txt", "او می\u200cکند و خیمه\u200c شب بازی ، است.\n")
    result = run_cli("check", "--select", "S012,T001", ".", cwd=tmp_path)
    quoted = [line for line in result.stdout.splitlines() if line.startswith("1 | ")]
    assert quoted and all("می\u200cکند" in line for line in quoted)  # as written
    stray, comma = quoted  # S012 at column 12, T001 after it
    assert "خیمه<U+200C> شب" in stray  # the finding's own character is shown
    assert "خیمه\u200c شب" in comma and "<U+200C>" not in comma


def test_bidi_controls_outside_the_span_cannot_reorder_the_quoted_line(tmp_path):
    write(tmp_path / "fr" / "a.txt", "Le code \u202eelbisiv\u202c est là , dit-il.\n")
    result = run_cli("check", "--select", "T001", ".", cwd=tmp_path)
    quoted = next(line for line in result.stdout.splitlines() if line.startswith("1 | "))
    assert "<U+202E>elbisiv<U+202C>" in quoted and "\u202e" not in result.stdout


def test_no_file_to_check_warns_and_can_be_made_fatal(tmp_path):
    (tmp_path / "empty").mkdir()
    write(tmp_path / "data" / "table.csv", "a,b\n")
    result = run_cli("check", "empty", "data", cwd=tmp_path)
    assert result.code == 0
    assert result.stderr == "qa-lint: warning: no files to check under empty, data\n"
    strict = run_cli("check", "--require-files", "empty", cwd=tmp_path)
    assert strict.code == 2 and "no files to check under empty" in strict.stderr
    write(tmp_path / "qa-lint.toml", "require-files = true\n")
    assert run_cli("check", "empty", cwd=tmp_path).code == 2
    write(tmp_path / "qa-lint.toml", "require-files = 1\n")
    bad = run_cli("check", "empty", cwd=tmp_path)
    assert bad.code == 2 and "`require-files` must be true or false" in bad.stderr


def test_a_missing_path_is_one_line(tmp_path):
    result = run_cli("check", "nothere.txt", cwd=tmp_path)
    assert result.code == 2 and result.stdout == ""
    assert result.stderr == "qa-lint: error: no such file or folder: nothere.txt\n"


def test_dash_reads_standard_input(tmp_path):
    result = run_cli("check", "--format", "concise", "--select", "B001", "-", cwd=tmp_path, stdin="Texte.\nComment (0)\n")
    assert result.code == 1, result.stderr
    assert result.stdout.startswith("-:2:1: B001 ")
    named = run_cli("check", "--format", "concise", "--select", "T004", "--stdin-filename", "fr/a.txt", "-",
                    cwd=tmp_path, stdin="Il a dit: non.\n")
    assert named.stdout.startswith("fr/a.txt:1:9: T004 ")  # the name gives the language
    fixed = run_cli("check", "--fix", "--select", "B001", "-", cwd=tmp_path, stdin="Texte.\nComment (0)\n")
    assert fixed.stdout == "Texte.\n"
    both = run_cli("check", "-", "fr", cwd=tmp_path, stdin="")
    assert both.code == 2 and "name no other paths" in both.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="file names with newlines")
def test_control_characters_in_file_names_cannot_pass_for_findings(tmp_path):
    name = "x.txt\nfr/fake.txt:1:2: E999 [error] fake\n.txt"
    write(tmp_path / "fr" / name, "Comment (0)\n")
    for output in ("concise", "full"):
        result = run_cli("check", "--format", output, "--select", "B001", ".", cwd=tmp_path)
        headlines = [line for line in result.stdout.splitlines() if "B001" in line or "E999" in line]
        assert len(headlines) == 1
        assert headlines[0].startswith("fr/x.txt\\nfr/fake.txt:1:2: E999 [error] fake\\n.txt:1:1: B001 ")


def test_explain_and_rules_read_the_config_like_check(tmp_path):
    # From the project's root, `check examples/` reads examples/qa-lint.toml: so does `explain`.
    root = EXAMPLES.parent
    explained = run_cli("explain", "H001", cwd=root)
    assert explained.code == 0, explained.stderr
    assert "H001 vufo-french-name" in explained.stdout and "## Fix safety" in explained.stdout
    assert "Fix: unsafe (applied only with --unsafe-fixes)" in explained.stdout
    config = EXAMPLES / "qa-lint.toml"
    assert run_cli("explain", "--config", str(config), "H001", cwd=tmp_path).code == 0
    assert run_cli("explain", "H001", cwd=tmp_path).code == 2
    listed = run_cli("rules", "--config", str(config), cwd=tmp_path).stdout
    assert any(line.startswith("H001 ") for line in listed.splitlines())
    assert not any(line.startswith("H001 ") for line in run_cli("rules", cwd=tmp_path).stdout.splitlines())


def _summaries(text: str) -> dict[str, str]:
    """Each rule's summary, continuation lines joined."""
    lines = text.splitlines()
    at = lines[0].index("summary")
    found: dict[str, list[str]] = {}
    for line in lines[1:]:
        if line.startswith(" "):
            found[code].append(line.strip())
        else:
            code = line.split()[0]
            found[code] = [line[at:].strip()] if len(line) > at else []
    return {code: " ".join(p for p in parts if p) for code, parts in found.items()}


@pytest.mark.parametrize("columns", [100, 140])
def test_rules_columns_align_and_summaries_wrap_at_words(columns):
    text = run_cli("rules", env={"COLUMNS": str(columns)}).stdout
    lines = text.splitlines()
    header = lines[0]
    assert all(len(line) <= columns for line in lines)
    rows = [line for line in lines[1:] if not line.startswith(" ")]
    for column in ("name", "category", "severity", "fix"):
        start = header.index(column)
        assert all(row[start - 2 : start] == "  " and row[start] != " " for row in rows), column
    described = {r["code"]: r for r in run_cli("rules", "--format", "json").json()}
    assert described["B008"]["fix_applicability"] == "unsafe" and described["L001"]["fix_applicability"] is None
    safety = {row.split()[0]: row.split()[4] for row in rows}
    assert safety["B001"] == "safe" and safety["B008"] == "unsafe" and safety["T004"] == "depends"
    assert safety["N005"] == "unsafe" and safety["L001"] == "-"
    # Wrapped at spaces only: joined again, each summary is the whole one a pipe gets.
    plain = run_cli("rules").stdout
    assert "Reports a line that is only a comment counter from the page the article was scraped from" in plain
    assert _summaries(text) == _summaries(plain)


def test_t008_judges_the_paragraph_through_the_cli(tmp_path):
    write(tmp_path / "fr" / "a.md", "Le texte (qui continue\nsur la ligne suivante) finit.\n\nUn (deux.\nTrois.\n")
    result = run_cli("check", "--format", "concise", "--select", "T008", ".", cwd=tmp_path)
    assert [line.split(": ")[0] for line in result.stdout.splitlines() if "T008" in line] == ["fr/a.md:4:4"]
