"""Worker processes and the result cache change how fast a run is, never what it finds."""

from __future__ import annotations

from conftest import EXAMPLES, run_cli, write

PARALLEL = {"QA_LINT_PARALLEL_MIN_BYTES": "0"}  # use workers even for a small folder


def archive(tmp_path):
    """Articles with findings of every scope: document, group (N001 across fa/fr) and run-wide (N003)."""
    for name in ("a", "b", "c"):
        write(tmp_path / "fr" / f"{name}.txt", f"Article {name}. Kim Jong-un a parlé.\nComment (0)\n")
    write(tmp_path / "fr" / "d.txt", "Article d. Kim Jong Un a parlé, puis Kim Jong Un est parti.\n\n\n\nFin.\n")
    for lang in ("fa", "fr"):
        source = (EXAMPLES / lang / "vufo-mofa-coordination.txt").read_bytes()
        write(tmp_path / lang / "vufo.txt", source)
    return tmp_path


def findings(tmp_path, *args, env=None):
    result = run_cli("check", "--format", "json", *args, ".", cwd=tmp_path, env=env)
    assert result.code in (0, 1), result.stderr
    return result.json()


def test_workers_give_the_same_findings_in_the_same_order(tmp_path):
    archive(tmp_path)
    alone = findings(tmp_path, "--jobs", "1", "--no-cache")
    assert {"B001", "B007", "N001", "N003"} <= {f["code"] for f in alone}
    assert findings(tmp_path, "--jobs", "2", "--no-cache", env=PARALLEL) == alone


def test_cache_serves_unchanged_files_and_notices_changes(tmp_path):
    archive(tmp_path)
    first = findings(tmp_path, "--jobs", "1")
    assert (tmp_path / ".qa-lint-cache" / ".gitignore").is_file()
    assert findings(tmp_path, "--jobs", "1") == first
    assert findings(tmp_path, "--jobs", "2", env=PARALLEL) == first
    # A file changes: its own findings change ...
    write(tmp_path / "fr" / "a.txt", "Article a. Kim Jong-un a parlé.\n")
    second = findings(tmp_path)
    assert ("fr/a.txt", "B001") not in {(f["path"], f["code"]) for f in second}
    assert second == findings(tmp_path, "--no-cache")


def test_cache_keeps_group_and_run_wide_rules_right(tmp_path):
    archive(tmp_path)
    before = findings(tmp_path)
    assert [f["path"] for f in before if f["code"] == "N003"] == ["fr/d.txt"]
    # Run-wide: d.txt is unchanged (cached), but the archive around it changed.
    for name in ("a", "b", "c"):
        write(tmp_path / "fr" / f"{name}.txt", f"Article {name}. Kim Jong Un a parlé.\n")
    after = findings(tmp_path)
    assert [f for f in after if f["code"] == "N003"] == []
    # Group: the Persian file is unchanged, but its French sibling no longer names the person.
    assert any(f["code"] == "N001" and f["path"] == "fa/vufo.txt" for f in after)
    french = (tmp_path / "fr" / "vufo.txt").read_text(encoding="utf-8").replace("Phan Anh Son", "le président")
    write(tmp_path / "fr" / "vufo.txt", french)
    regrouped = findings(tmp_path)
    assert regrouped == findings(tmp_path, "--no-cache")
    assert not any(f["code"] == "N001" and f["path"] == "fa/vufo.txt" for f in regrouped)


def test_no_cache_and_cache_dir(tmp_path):
    archive(tmp_path)
    findings(tmp_path, "--no-cache")
    assert not (tmp_path / ".qa-lint-cache").exists()
    findings(tmp_path, "--cache-dir", "elsewhere")
    assert (tmp_path / "elsewhere" / "v2").is_dir()
    write(tmp_path / "qa-lint.toml", 'cache-dir = "from-config"\n')
    findings(tmp_path)
    assert (tmp_path / "from-config" / "v2").is_dir()


def test_bad_jobs_value_is_a_usage_error(tmp_path):
    result = run_cli("check", "--jobs", "0", ".", cwd=tmp_path)
    assert result.code == 2 and "--jobs must be at least 1" in result.stderr
