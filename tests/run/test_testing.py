"""`qa_lint.testing.lint_text` lints text in memory as `qa-lint check` lints the same files on disk."""

from __future__ import annotations

import pytest

from qa_lint.testing import lint_text

from conftest import EXAMPLES, run_cli, write

# The example articles (fa and fr translate one story: an article group), without their configuration.
ARTICLES = {
    path.relative_to(EXAMPLES).as_posix(): path.read_text(encoding="utf-8")
    for path in sorted(EXAMPLES.glob("*/*.txt"))
}


@pytest.mark.parametrize("select", [None, "ALL", "N,C"])
def test_same_findings_as_the_cli_on_the_same_files(tmp_path, select):
    for path, text in ARTICLES.items():
        write(tmp_path / path, text)
    write(tmp_path / "qa-lint.toml", "")
    options = ["--select", select] if select else []
    on_disk = run_cli("check", *options, "--format", "json", "--no-cache", "--exit-zero", ".", cwd=tmp_path).json()
    in_memory = lint_text(ARTICLES, select=select.split(",") if select else None)
    assert on_disk, "the examples must give findings for the comparison to mean anything"
    assert [f.to_dict() for f in in_memory.findings] == on_disk
    assert in_memory.files_checked == len(ARTICLES)


def test_group_rules_see_the_article_group():
    """N001 compares a name across an article's translations: with one translation alone it has nothing to compare."""
    story = {path: text for path, text in ARTICLES.items() if path.endswith("vufo-mofa-coordination.txt")}
    alone = dict([next(iter(story.items()))])
    assert "N001" in {f.code for f in lint_text(story, select=["N001"]).findings}
    assert not lint_text(alone, select=["N001"]).findings


def test_bytes_that_do_not_decode_are_a_file_finding():
    report = lint_text({"fr/story.txt": b"caf\xe9\n"}, select=["F"])
    assert report.input_errors == 1
    assert [f.code for f in report.findings] == ["F002"]
    assert report.files_checked == 0


def test_a_path_with_no_text_is_unreadable_as_a_missing_file_is(tmp_path):
    report = lint_text({"fr/story.txt": "Bonjour.\n", "fr/gone.txt": None}, select=["F"])
    assert [(f.code, f.path) for f in report.findings] == [("F001", "fr/gone.txt")]
    write(tmp_path / "fr" / "story.txt", "Bonjour.\n")
    write(tmp_path / "qa-lint.toml", "")
    result = run_cli("check", "--select", "F", "--format", "json", "--no-cache", "fr/story.txt", "fr/gone.txt", cwd=tmp_path)
    assert [(f["code"], f["path"], f["message"]) for f in result.json()] == [
        (f.code, f.path, f.message) for f in report.findings]


def test_settings_hold_text_to_the_size_limit_as_files_on_disk(tmp_path):
    text = "Le conseil municipal a ouvert une ligne.\n"
    in_memory = lint_text({"fr/story.txt": text}, select=["F"], settings={"max_file_size": 16})
    write(tmp_path / "fr" / "story.txt", text)
    write(tmp_path / "qa-lint.toml", "max-file-size = 16\n")
    on_disk = run_cli("check", "--select", "F", "--format", "json", "--no-cache", ".", cwd=tmp_path).json()
    assert [(f.code, f.message) for f in in_memory.findings] == [(f["code"], f["message"]) for f in on_disk]
    assert [f.code for f in in_memory.findings] == ["F005"]
    assert not lint_text({"fr/story.txt": text}, select=["F"]).findings
