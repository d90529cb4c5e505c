"""Settings files as an adversary writes them: bad `.gitignore` lines, byte codecs, values of the wrong shape,
FIFOs where a file is expected, paths longer than the system allows.

Each ends in a precise message (exit 2, or a warning when git itself would
skip the line), never a traceback, never a hang.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from conftest import run_cli, write

ARTICLE = "Le président a visité la capitale.\n"
posix_only = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")


def folder(tmp_path: Path, **files: str | bytes) -> Path:
    write(tmp_path / "fr" / "a.txt", ARTICLE)
    for name, content in files.items():
        write(tmp_path / name.replace("__", "/"), content)
    return tmp_path


def assert_clean_error(result, *parts: str) -> None:
    assert result.code == 2, (result.code, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr, result.stderr
    assert result.stderr.startswith("qa-lint: error: "), result.stderr
    for part in parts:
        assert part in result.stderr, result.stderr


# -- .gitignore ------------------------------------------------------------------------


def test_an_invalid_gitignore_line_is_skipped_with_one_warning_naming_file_and_line(tmp_path):
    folder(tmp_path, **{".gitignore": "drafts/\n[z-a]\n!\n", "drafts__b.txt": "Comment (0)\n"})
    result = run_cli("check", "--no-cache", "--fix", "--format", "concise", ".", cwd=tmp_path)
    assert "Traceback" not in result.stderr and result.code == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if "warning" in line]
    gitignore = str(tmp_path / ".gitignore")
    # One warning per bad line, even though --fix walks the tree more than once.
    assert warnings == [
        f"qa-lint: warning: {gitignore}:2: invalid pattern '[z-a]' (bad character range z-a); ignored",
        f"qa-lint: warning: {gitignore}:3: invalid pattern '!' (not a git pattern); ignored",
    ], result.stderr
    # The file's valid patterns still apply: drafts/ stays unlinted (and unfixed).
    assert (tmp_path / "drafts" / "b.txt").read_text(encoding="utf-8") == "Comment (0)\n"


def test_a_backtracking_gitignore_pattern_against_long_names_takes_no_time(tmp_path):
    # A backtracking engine takes time of the order of len(name) ** stars here: hours for 200 characters.
    leftover = "Comment (0)\n"
    write(tmp_path / ".gitignore", "*a*a*a*a*a*a*a*b\n")
    for name in ("a" * 200 + ".txt", "x/" + "a" * 200 + "b", "aXaXaXaXaXaXaXb"):
        write(tmp_path / name, leftover)
    write(tmp_path / "qa-lint.toml", 'include = ["*"]\nselect = ["B001"]\n')
    start = time.monotonic()
    result = run_cli("check", "--no-cache", "--jobs", "1", "--format", "json", ".", cwd=tmp_path)
    assert time.monotonic() - start < 30, "gitignore matching is not bounded"
    # The pattern still means what git means: the names ending in "b" are ignored, the other is linted.
    assert result.code == 1 and {f["path"] for f in result.json()} == {"a" * 200 + ".txt"}, result.stderr


# -- encodings ---------------------------------------------------------------------------


@pytest.mark.parametrize("codec", ["base64", "rot13", "zlib", "hex", "uu", "bz2", "quopri", "idna", "punycode"])
def test_only_text_encodings_are_accepted(tmp_path, codec):
    folder(tmp_path, **{"qa-lint.toml": f'encoding = "{codec}"\n'})
    result = run_cli("check", "--no-cache", ".", cwd=tmp_path)
    assert_clean_error(result, "qa-lint.toml: `encoding`:", f"{codec!r} is not a text encoding")


def test_a_real_legacy_encoding_is_still_accepted(tmp_path):
    write(tmp_path / "qa-lint.toml", 'encoding = "cp1252"\n')
    write(tmp_path / "fr" / "a.txt", ARTICLE.encode("cp1252"))
    result = run_cli("check", "--no-cache", ".", cwd=tmp_path)
    assert result.code == 0, result.stderr


# -- values of the wrong shape -----------------------------------------------------------


@pytest.mark.parametrize(
    "name, config, message",
    [
        ("pyproject.toml", "tool = 3\n", "pyproject.toml: `tool` must be a table"),
        ("qa-lint.toml", "[rule-options.S011]\npatterns = [[1]]\n", "rule-options.S011: `patterns` must be a list of"),
        ("qa-lint.toml", "[rule-options.S011]\npatterns = [{a = 1}]\n", "rule-options.S011: `patterns`"),
        ("qa-lint.toml", "select = " + "[" * 3000 + "]" * 3000 + "\n", "qa-lint.toml: "),
    ],
)
def test_config_values_of_the_wrong_shape_name_the_key(tmp_path, name, config, message):
    folder(tmp_path, **{name: config})
    assert_clean_error(run_cli("check", "--no-cache", ".", cwd=tmp_path), message)


@pytest.mark.parametrize("glossary", ["name = [1, 2]\n", "name = [[1]]\n", 'name = "x"\n', "[[name]]\nfr = [1, 2]\n"])
def test_a_glossary_of_the_wrong_shape_is_named(tmp_path, glossary):
    folder(tmp_path, **{"names.toml": glossary, "qa-lint.toml": '[rule-options.N004]\nglossary-file = "names.toml"\n'})
    assert_clean_error(run_cli("check", "--no-cache", ".", cwd=tmp_path), "rule-options.N004:", "names.toml")


def test_a_rule_whose_option_check_trips_over_a_value_names_the_key():
    """The one validation point: a rule's own check raising TypeError still gives the key, not a traceback."""
    from qa_lint.errors import UsageError
    from qa_lint.selection import _validate_options

    class Rule:
        code = "X001"

        def validate_options(self, options):
            for value in options.get("words", []):
                hash(value)  # set(...) of what the user wrote

    with pytest.raises(UsageError, match=r"rule-options\.X001: `words`: invalid value \[\[1\]\]"):
        _validate_options(Rule(), {"size": 3, "words": [[1]]}, "qa-lint.toml: rule-options.X001")


@pytest.mark.parametrize(
    "baseline, message",
    [
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
        ('{"qa-lint-baseline": 1, "findings": [{"path": "a", "code": "B001", "fingerprint": "x", "line": 1e999}]}',
         "entry 1 needs path, code and fingerprint"),
        ('{"qa-lint-baseline": 1, "findings": [7]}', "entry 1 needs"),
    ],
)
def test_a_broken_baseline_is_named(tmp_path, baseline, message):
    folder(tmp_path, **{"base.json": baseline})
    assert_clean_error(run_cli("check", "--no-cache", "--baseline", "base.json", ".", cwd=tmp_path), "base.json", message)


# -- FIFOs and paths too long --------------------------------------------------------------


@posix_only
@pytest.mark.parametrize(
    "fifo, args, config",
    [
        ("qa-lint.toml", [], None),
        ("settings.toml", ["--config", "settings.toml"], None),
        ("base.json", ["--baseline", "base.json"], None),
        ("names.toml", [], '[rule-options.N004]\nglossary-file = "names.toml"\n'),
    ],
)
def test_a_fifo_where_a_settings_file_is_expected_is_refused_at_once(tmp_path, fifo, args, config):
    folder(tmp_path, **({"qa-lint.toml": config} if config else {}))
    os.mkfifo(tmp_path / fifo)
    start = time.monotonic()
    result = run_cli("check", "--no-cache", *args, ".", cwd=tmp_path)  # before: blocked until killed
    assert time.monotonic() - start < 60
    assert_clean_error(result, fifo, "not a regular file")


def test_a_folder_deeper_than_the_system_path_limit_is_reported_not_a_crash(tmp_path):
    limit = os.pathconf(tmp_path, "PC_PATH_MAX") if hasattr(os, "pathconf") else 4096
    here = os.getcwd()
    os.chdir(tmp_path)
    try:  # made with relative steps: the absolute path is too long for the system to take whole
        write(Path("fr/a.txt"), ARTICLE)
        for _ in range(limit // 200 + 2):
            os.mkdir("d" * 200)
            os.chdir("d" * 200)
        Path("deep.txt").write_text(ARTICLE, encoding="utf-8")
    finally:
        os.chdir(here)
    for jobs in ("1", "2"):
        result = run_cli("check", "--no-cache", "--jobs", jobs, "--format", "json", ".", cwd=tmp_path)
        assert result.code == 2 and "Traceback" not in result.stderr, result.stderr
        (finding,) = result.json()
        assert finding["code"] == "F001" and "File name too long" in finding["message"], finding


def test_without_re2_a_pattern_with_many_stars_is_skipped_with_a_warning(tmp_path, monkeypatch, capsys):
    from qa_lint import gitignore

    monkeypatch.setattr(gitignore, "_backend", lambda: "simple")
    monkeypatch.setattr(gitignore, "_warned", set())
    spec = gitignore.parse(tmp_path / ".gitignore", "*a*a*a*a*a*a*b\n*.bak\n**/build/**\n")
    assert spec.match_file("x.bak") and spec.match_file("a/build/c") and not spec.match_file("a" * 200 + "b")
    assert "1: pattern '*a*a*a*a*a*a*b' has too many `*`" in capsys.readouterr().err
