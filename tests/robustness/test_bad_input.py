"""Bad input gets a precise message and exit status 2; the run goes on for the other files."""

from __future__ import annotations

import os

import pytest

from conftest import run_cli, run_cli_pooled_and_alone, write


def findings_by_path(result):
    return {f["path"]: f for f in result.json()}


def test_each_bad_file_is_reported_and_good_files_are_still_linted(tmp_path):
    write(tmp_path / "fr" / "latin1.txt", b"Il a dit caf\xe9.\nComment (0)\n")
    write(tmp_path / "fr" / "binary.txt", b"PK\x03\x04\x00\x00word/document.xml")
    write(tmp_path / "fr" / "empty.txt", b"")
    write(tmp_path / "fr" / "blank.txt", b"  \n\n")
    write(tmp_path / "fr" / "good.txt", "Bonjour.\nComment (0)\n")
    result = run_cli_pooled_and_alone("check", "--format", "json", ".", cwd=tmp_path)
    assert result.code == 2
    assert "Traceback" not in result.stderr
    assert "4 files could not be checked" in result.stderr
    found = findings_by_path(result)
    assert found["fr/latin1.txt"]["code"] == "F002"
    assert found["fr/latin1.txt"]["message"].startswith("not valid UTF-8: byte e9 at line 1, column 13")
    assert (found["fr/latin1.txt"]["line"], found["fr/latin1.txt"]["column"]) == (1, 13)
    assert found["fr/binary.txt"]["code"] == "F003"
    assert found["fr/empty.txt"]["code"] == "F004" and "empty" in found["fr/empty.txt"]["message"]
    assert found["fr/blank.txt"]["code"] == "F004" and "whitespace" in found["fr/blank.txt"]["message"]
    assert "B001" in {f["code"] for f in result.json() if f["path"] == "fr/good.txt"}  # the good file was linted


def test_crlf_and_bom_are_read_transparently(tmp_path):
    write(tmp_path / "fr" / "a.txt", b"\xef\xbb\xbfBonjour.\r\n\r\n\r\n\r\nComment (0)\r\n")
    write(tmp_path / "fa" / "b.txt", "متن\r\nنظر (0)".encode("utf-16"))  # UTF-16 with its BOM
    result = run_cli_pooled_and_alone("check", "--format", "json", ".", cwd=tmp_path)
    assert result.code == 1, result.stderr
    got = {(f["path"], f["code"], f["line"], f["column"], f["end_line"], f["end_column"]) for f in result.json()}
    assert ("fr/a.txt", "B001", 5, 1, 5, 12) in got  # the BOM is not a column
    assert ("fr/a.txt", "B007", 2, 1, 5, 1) in got
    assert ("fa/b.txt", "B001", 2, 1, 2, 8) in got


def test_missing_path_is_reported_and_others_are_linted(tmp_path):
    write(tmp_path / "fr" / "a.txt", "Comment (0)\n")
    result = run_cli("check", "--format", "concise", "nope.txt", "fr", cwd=tmp_path)
    assert result.code == 2
    assert "nope.txt:1:1: F001 [error] no such file or folder" in result.stdout
    assert "fr/a.txt:1:1: B001" in result.stdout


def test_special_file_is_reported(tmp_path):
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs on this platform")
    os.mkfifo(tmp_path / "pipe.txt")
    result = run_cli("check", "--format", "concise", "pipe.txt", cwd=tmp_path)
    assert result.code == 2
    assert "pipe.txt:1:1: F001 [error] not a regular file" in result.stdout


def test_dangling_symlink_is_reported(tmp_path):
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    result = run_cli("check", "--format", "concise", "gone.txt", cwd=tmp_path)
    assert result.code == 2
    assert "gone.txt:1:1: F001 [error] cannot read the file: No such file or directory" in result.stdout


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads every file")
def test_unreadable_file(tmp_path):
    file = write(tmp_path / "secret.txt", "Bonjour.\n")
    file.chmod(0)
    result = run_cli("check", "--format", "concise", "secret.txt", cwd=tmp_path)
    assert result.code == 2 and "F001" in result.stdout and "Permission denied" in result.stdout


def test_file_over_the_size_limit(tmp_path):
    write(tmp_path / "qa-lint.toml", "max-file-size = 100\n")
    write(tmp_path / "big.txt", "Bonjour tout le monde.\n" * 10)
    result = run_cli("check", "--format", "concise", ".", cwd=tmp_path)
    assert result.code == 2
    assert "big.txt:1:1: F005 [error] file is 230 bytes, over the limit of 100" in result.stdout


def test_file_problems_can_be_ignored(tmp_path):
    write(tmp_path / "empty.txt", "")
    assert run_cli("check", "--ignore", "F004", ".", cwd=tmp_path).code == 0


def test_configured_encoding_reads_legacy_files(tmp_path):
    write(tmp_path / "qa-lint.toml", 'encoding = "cp1252"\n')
    write(tmp_path / "fr" / "a.txt", "Le café.\nComment (0)\n".encode("cp1252"))
    result = run_cli("check", "--format", "json", "--select", "B", ".", cwd=tmp_path)
    assert [f["code"] for f in result.json()] == ["B001"]


@pytest.mark.parametrize(
    "config, message",
    [
        ("select = [\n", "invalid TOML"),
        ('select = "B001"\n', "`select` must be a list of strings"),
        ('selct = ["B001"]\n', "unknown setting `selct` (did you mean `select`?)"),
        ('select = ["Q9"]\n', "unknown rule code or prefix 'Q9'"),
        ('[severity]\nB001 = "fatal"\n', "unknown severity 'fatal'"),
        ('source-language = "klingonish"\n', "is not a language tag"),
        ('rule-packs = ["missing-pack"]\n', "rule pack folder 'missing-pack' not found"),
        ('encoding = "latin-99"\n', "unknown encoding 'latin-99'"),
        ('max-file-size = -1\n', "`max-file-size` must be a positive number"),
    ],
)
def test_invalid_config_names_the_file_and_the_problem(tmp_path, config, message):
    write(tmp_path / "qa-lint.toml", config)
    write(tmp_path / "a.txt", "Bonjour.\n")
    result = run_cli("check", ".", cwd=tmp_path)
    assert result.code == 2
    assert "qa-lint.toml" in result.stderr and message in result.stderr, result.stderr
    assert "Traceback" not in result.stderr


def test_malformed_rule_pack_names_file_and_rule(tmp_path):
    write(tmp_path / "qa-lint.toml", 'rule-packs = ["pack"]\n')
    write(
        tmp_path / "pack" / "x.toml",
        '[[rule]]\ncode = "X001"\nname = "x"\ncategory = "boilerplate"\ntype = "pattern"\n'
        'message = "m"\nwhat = "w"\nwhy = "y"\npatterns = ["("]\n',
    )
    write(tmp_path / "a.txt", "Bonjour.\n")
    result = run_cli("check", ".", cwd=tmp_path)
    assert result.code == 2
    assert "pack/x.toml: rule X001: invalid pattern '('" in result.stderr


def test_missing_config_file_option(tmp_path):
    result = run_cli("check", "--config", "nope.toml", ".", cwd=tmp_path)
    assert result.code == 2 and "nope.toml: configuration file not found" in result.stderr


def test_bad_language_option(tmp_path):
    result = run_cli("check", "--lang", "zz-top-99", ".", cwd=tmp_path)
    assert result.code == 2 and "--lang: 'zz-top-99' is not a language tag" in result.stderr
