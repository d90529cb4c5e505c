"""`--write-baseline` / `--baseline`: adopting qa-lint on an archive and seeing only new findings."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import EXAMPLES, SHARED, run_cli, write

CORPUS = SHARED / "corpus" / "ntrex"
LANGUAGES = ("fra", "fas", "rus", "vie")
# What a scraper leaves (written for this test, nothing from the corpus): a blank run
# after the third line and a comment counter at the end.
HEADLINES = {"fra": "Mise à jour", "fas": "به‌روزرسانی", "rus": "Обновление", "vie": "Cập nhật"}


def workspace(tmp_path: Path) -> Path:
    """examples/ and a few corpus articles with planted leftovers, as a desk's archive."""
    root = tmp_path / "archive"
    shutil.copytree(EXAMPLES, root / "examples", ignore=shutil.ignore_patterns("plugin"))
    for file in (root / "examples").rglob("*.txt"):
        file.chmod(0o644)
    for lang in LANGUAGES:
        for source in sorted((CORPUS / lang).glob("*.txt"))[:3]:
            lines = source.read_text(encoding="utf-8").splitlines(keepends=True)
            planted = lines[:3] + ["\n", "\n", "\n"] + lines[3:] + ["Comment (0)\n"]
            write(root / "corpus" / lang / source.name, "".join(planted))
    return root


def insert_line_at_top(file: Path, line: str) -> None:
    file.write_text(line + "\n" + file.read_text(encoding="utf-8"), encoding="utf-8")


def check(root: Path, *args, cwd: Path | None = None):
    result = run_cli("check", "--format", "json", *args, cwd=cwd or root)
    assert result.code in (0, 1), result.stderr
    return result


@pytest.fixture(scope="module")
def archive_with_baseline(tmp_path_factory):
    """Built and baselined once; each test gets a copy (entries are relative to the baseline's folder)."""
    if not CORPUS.is_dir():
        pytest.skip("the NTREX corpus is not beside the checkout")
    root = workspace(tmp_path_factory.mktemp("template"))
    before = check(root, ".").json()
    assert len(before) >= 2 * 3 * len(LANGUAGES)  # every planted leftover is found
    written = run_cli("check", "--write-baseline", "baseline.json", ".", cwd=root)
    assert written.code == 0, written.stderr
    assert f"recorded {len(before)} findings" in written.stderr
    return root


@pytest.fixture
def archive(archive_with_baseline, tmp_path):
    return Path(shutil.copytree(archive_with_baseline, tmp_path / "archive"))


def test_no_old_finding_reappears_when_lines_are_inserted_above(archive):
    moved = [*sorted((archive / "corpus").rglob("*.txt"))[::2], *sorted((archive / "examples").rglob("*.txt"))]
    for file in moved:
        insert_line_at_top(file, HEADLINES.get(file.parent.name, "Update"))
    result = check(archive, "--baseline", "baseline.json", ".")
    # Only the inserted headlines themselves may be new.
    assert [f for f in result.json() if f["line"] != 1] == []
    assert "match no finding" not in result.stderr


def test_new_findings_are_reported_and_fixed_ones_listed_as_stale(archive):
    article = archive / "corpus" / "fra" / sorted(p.name for p in (archive / "corpus" / "fra").iterdir())[0]
    text = article.read_text(encoding="utf-8").replace("Comment (0)\n", "")
    article.write_text("Lire aussi : Un autre article\n" + text, encoding="utf-8")
    result = check(archive, "--baseline", "baseline.json", "--select", "B", ".")
    assert [(f["path"], f["line"], f["code"]) for f in result.json()] == [(f"corpus/fra/{article.name}", 1, "B003")]
    assert result.code == 1
    assert "1 entry of the baseline baseline.json match no finding any more" in result.stderr
    assert f"corpus/fra/{article.name}: B001" in result.stderr
    # A run over another folder does not call the corpus entries stale.
    elsewhere = check(archive, "--baseline", "baseline.json", "examples")
    assert elsewhere.json() == [] and "match no finding" not in elsewhere.stderr


def test_the_baseline_works_from_another_folder(archive):
    result = check(archive, "--baseline", "../baseline.json", ".", cwd=archive / "corpus")
    assert result.json() == [] and result.code == 0


def test_reasons_are_kept_when_the_baseline_is_written_again(archive):
    data = json.loads((archive / "baseline.json").read_text(encoding="utf-8"))
    assert data["qa-lint-baseline"] == 1
    entry = data["findings"][0]
    assert set(entry) == {"path", "code", "fingerprint", "line", "message", "reason"}
    entry["reason"] = "kept on purpose: the desk publishes the source line"
    (archive / "baseline.json").write_text(json.dumps(data), encoding="utf-8")
    assert run_cli("check", "--write-baseline", "baseline.json", ".", cwd=archive).code == 0
    again = json.loads((archive / "baseline.json").read_text(encoding="utf-8"))
    key = (entry["path"], entry["code"], entry["fingerprint"])
    assert [e["reason"] for e in again["findings"] if (e["path"], e["code"], e["fingerprint"]) == key] == [entry["reason"]]
    assert sum(1 for e in again["findings"] if e["reason"]) == 1


def test_identical_lines_are_counted(tmp_path):
    file = write(tmp_path / "fr" / "a.txt", "Texte.\nComment (0)\nSuite.\nComment (0)\n")
    assert run_cli("check", "--write-baseline", "b.json", "--select", "B", ".", cwd=tmp_path).code == 0
    file.write_text("Texte.\nComment (0)\nSuite.\nComment (0)\nComment (0)\n", encoding="utf-8")
    result = check(tmp_path, "--baseline", "b.json", "--select", "B", ".")
    assert [(f["line"], f["code"]) for f in result.json()] == [(5, "B001")]


def test_a_broken_baseline_is_a_usage_error(tmp_path):
    write(tmp_path / "fr" / "a.txt", "Texte.\n")
    write(tmp_path / "b.json", '{"findings": 3}')
    result = run_cli("check", "--baseline", "b.json", ".", cwd=tmp_path)
    assert result.code == 2 and "is not a qa-lint baseline" in result.stderr
    missing = run_cli("check", "--baseline", "nope.json", ".", cwd=tmp_path)
    assert missing.code == 2 and "--baseline: cannot read nope.json" in missing.stderr
