"""The run manifest serves a whole run from file stamps: any change it must notice gives `--no-cache`'s findings.

Files are written, then left older than the racy window, so the first run
records a manifest entry the second run could wrongly serve.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest
from conftest import EXAMPLES, run_cli, write

from qa_lint.run import manifest

GLOSSARY = '[[name]]\nid = "kju"\nfr = "Kim Jong-un"\n'


def archive(root: Path) -> Path:
    """Article groups with findings of every scope: document (B007), group (N001), run-wide (N003), glossary (N004)."""
    for name in ("a", "b", "c"):
        write(root / "fr" / f"{name}.txt", f"Article {name}. Kim Jong-un a parlé.\nComment (0)\n")
        write(root / "en" / f"{name}.txt", f"Article {name}. Kim Jong-un spoke.\n")
    write(root / "fr" / "d.txt", "Article d. Kim Jong Un a parlé, puis Kim Jong Un est parti.\n")
    for lang in ("fa", "fr"):
        write(root / lang / "vufo.txt", (EXAMPLES / lang / "vufo-mofa-coordination.txt").read_bytes())
    write(root / "names.toml", GLOSSARY)
    write(root / "qa-lint.toml", '[rule-options.N004]\nglossary-file = "names.toml"\n')
    return root


def findings(root: Path, *args: str) -> list[dict]:
    result = run_cli("check", "--format", "json", *args, ".", cwd=root)
    assert result.code in (0, 1), result.stderr
    return result.json()


def outcome(root: Path, *args: str, env: dict | None = None) -> tuple[int, str, str]:
    """(exit status, output, error output) of `qa-lint check ARGS .` in `root`."""
    result = run_cli("check", *args, ".", cwd=root, env=env)
    return result.code, result.stdout, result.stderr


def same_size_edit(file: Path, old: str, new: str) -> None:
    """Change the text without changing the size or the modification time (only the change time moves)."""
    assert len(old.encode()) == len(new.encode())
    info = file.stat()
    file.write_bytes(file.read_bytes().replace(old.encode(), new.encode(), 1))
    os.utime(file, ns=(info.st_atime_ns, info.st_mtime_ns))
    assert file.stat().st_size == info.st_size


def rename(root: Path) -> None:
    (root / "fr" / "a.txt").rename(root / "fr" / "e.txt")


def add_to_group(root: Path) -> None:
    # The Persian article loses its French sibling's name form: N001's group changes.
    write(root / "fr" / "vufo.txt", "Le président a parlé.\n")


CHANGES = {
    "same size and mtime": lambda root: same_size_edit(root / "fr" / "b.txt", "Kim Jong-un", "Kim Jong Un"),
    "touched": lambda root: os.utime(root / "fr" / "b.txt"),
    "config edited": lambda root: write(root / "qa-lint.toml", 'ignore = ["B"]\n[rule-options.N004]\nglossary-file = "names.toml"\n'),
    "glossary edited": lambda root: same_size_edit(root / "names.toml", "Kim Jong-un", "Kim Jong Un"),
    "file deleted": lambda root: (root / "fr" / "a.txt").unlink(),
    "file renamed": rename,
    "new file in a group": lambda root: write(root / "en" / "d.txt", "Article d. Kim Jong Un spoke.\n"),
    "group sibling changed": add_to_group,
    "run-wide majority moved": lambda root: [
        write(root / "fr" / f"{name}.txt", f"Article {name}. Kim Jong Un a parlé.\n") for name in ("a", "b", "c")
    ],
    "gitignore added": lambda root: write(root / ".gitignore", "fr/d.txt\n"),
}


@pytest.fixture(scope="module")
def archives(tmp_path_factory):
    """One archive per change (and one left alone), all older than the racy window, each run once with the cache."""
    roots = {name: archive(tmp_path_factory.mktemp("manifest")) for name in ["unchanged", *CHANGES]}
    time.sleep(manifest.RACY_NS / 1e9 + 0.2)
    return {name: (root, findings(root)) for name, root in roots.items()}


def test_unchanged_run_is_served_as_it_was(archives):
    root, first = archives["unchanged"]
    assert {"B007", "N001", "N003"} <= {f["code"] for f in first}
    assert findings(root) == first


@pytest.mark.parametrize("change", CHANGES)
def test_a_change_gives_what_no_cache_gives(archives, change):
    root, first = archives[change]
    CHANGES[change](root)
    after = findings(root)
    assert after == findings(root, "--no-cache")
    if change != "touched":
        assert after != first, "the change should show in the findings"


def test_select_on_the_command_line_is_part_of_the_key(archives):
    root, first = archives["unchanged"]
    assert findings(root, "--select", "N") == findings(root, "--select", "N", "--no-cache") != first


def test_a_file_changed_within_the_racy_window_is_read_again(tmp_path):
    """Written just now: its stamp may not move on the next write, so no manifest entry is trusted."""
    archive(tmp_path)
    first = findings(tmp_path)
    same_size_edit(tmp_path / "fr" / "d.txt", "Kim Jong Un", "Kim Jong-un")
    after = findings(tmp_path)
    assert after == findings(tmp_path, "--no-cache") != first


def test_stamps_older_than_the_window_are_trusted(tmp_path):
    file = write(tmp_path / "a.txt", "x")
    now = time.time_ns()
    assert not manifest.trusted(manifest.stamp(file), now)
    assert manifest.trusted(manifest.stamp(file), now + manifest.RACY_NS + 1)
    assert not manifest.trusted(manifest.stamp(tmp_path / "missing.txt"), now + manifest.RACY_NS + 1)


def trusting_linters(tmp_path: Path, monkeypatch):
    """A maker of linters over an archive in `tmp_path` whose every stamp the manifest trusts."""
    from qa_lint.config import SettingsResolver
    from qa_lint.registry import Registry
    from qa_lint.run.linter import Linter

    archive(tmp_path)
    monkeypatch.setattr(manifest, "RACY_NS", -10**12)  # every stamp trusted: written before the run
    monkeypatch.chdir(tmp_path)
    return lambda: Linter(Registry(), SettingsResolver({}), tmp_path, cache_dir=tmp_path / ".qa-lint-cache")


def test_a_served_run_lints_nothing(tmp_path, monkeypatch):
    """The manifest's hit reads no file and runs no rule: shown by a linter that would fail if it did."""
    linter = trusting_linters(tmp_path, monkeypatch)
    first = linter().lint_paths(["."])
    served = linter()
    monkeypatch.setattr(served, "_run_units", lambda groups: pytest.fail("linted again"))
    again = served.lint_paths(["."])
    assert again.findings == first.findings and again.files_checked == first.files_checked


# -- what the walk finds: links, new folders, ignored and skipped places -----------------

def linked_tree(root: Path) -> Path:
    """Two French articles that differ, a link to one of them, and a German one."""
    write(root / "fr" / "a.txt", "Article a. Kim Jong-un a parlé.\nComment (0)\n")
    write(root / "fr" / "b.txt", "Article b. Kim Jong Un a parlé,  puis Kim Jong Un est parti.\n")
    (root / "fr" / "link.txt").symlink_to(root / "fr" / "a.txt")
    write(root / "de" / "a.txt", "Artikel a. Kim Jong-un sprach.\nComment (0)\n")
    return root


def retarget(link: Path, target: Path) -> None:
    fresh = link.with_name(link.name + ".new")
    fresh.symlink_to(target)
    os.replace(fresh, link)


WALK_CHANGES = {
    "link added": lambda root: (root / "fr" / "z.txt").symlink_to(root / "fr" / "b.txt"),
    "link retargeted": lambda root: retarget(root / "fr" / "link.txt", root / "fr" / "b.txt"),
    "link's target edited, same size and mtime": lambda root: same_size_edit(root / "fr" / "a.txt", "Comment (0)", "Comment (1)"),
    "link left dangling": lambda root: (root / "fr" / "a.txt").unlink(),
    "folder added": lambda root: write(root / "it" / "a.txt", "Articolo a. Kim Jong Un ha parlato.\nComment (0)\n"),
    "file added in a new subfolder": lambda root: write(root / "fr" / "2024" / "c.txt", "Article c.\nComment (0)\n"),
    "folder removed": lambda root: [(root / "de" / "a.txt").unlink(), (root / "de").rmdir()],
    "excluded in the config": lambda root: write(root / "qa-lint.toml", 'exclude = ["fr/b.txt"]\n'),
    "include widened in the config": lambda root: [write(root / "fr" / "n.text", "Comment (0)\n"),
                                                   write(root / "qa-lint.toml", 'include = ["*.txt", "*.text"]\n')],
    "gitignore ignores a file": lambda root: [write(root / ".gitignore", "b.txt\n"), (root / ".git").mkdir()],
    "gitignore ignores a folder": lambda root: [write(root / ".gitignore", "de/\n"), (root / ".git").mkdir()],
}
# Changes the walk must see and that leave the findings as they were.
WALK_NON_CHANGES = {
    "file added in a skipped folder": lambda root: write(root / "node_modules" / "x.txt", "Comment (0)\n"),
    "file added in a virtual environment": lambda root: [write(root / "env" / "pyvenv.cfg", ""),
                                                         write(root / "env" / "x.txt", "Comment (0)\n")],
    "file of another kind added": lambda root: write(root / "fr" / "notes.rst", "Comment (0)\n"),
    "folder link added": lambda root: (root / "again").symlink_to(root / "fr", target_is_directory=True),
}


@pytest.fixture(scope="module")
def linked_trees(tmp_path_factory):
    roots = {name: linked_tree(tmp_path_factory.mktemp("walk")) for name in [*WALK_CHANGES, *WALK_NON_CHANGES]}
    time.sleep(manifest.RACY_NS / 1e9 + 0.2)
    return {name: (root, findings(root)) for name, root in roots.items()}


@pytest.mark.skipif(not hasattr(os, "symlink") or os.name != "posix", reason="symbolic links")
@pytest.mark.parametrize("change", [*WALK_CHANGES, *WALK_NON_CHANGES])
def test_what_the_walk_finds_is_part_of_the_key(linked_trees, change):
    root, first = linked_trees[change]
    assert any(f["path"] == "fr/link.txt" for f in first)
    (WALK_CHANGES | WALK_NON_CHANGES)[change](root)
    after = outcome(root, "--format", "json")
    assert after == outcome(root, "--format", "json", "--no-cache")
    after = json.loads(after[1])
    if change in WALK_CHANGES:
        assert after != first, "the change should show in the findings"
    else:
        assert after == first


# -- a served report: the text a format wrote, and the same exit and messages -----------

@pytest.fixture(scope="module")
def served_tree(tmp_path_factory):
    """An archive with a file that cannot be linted (a FIFO): findings, an input error, exit 2."""
    root = archive(tmp_path_factory.mktemp("served"))
    os.mkfifo(root / "fr" / "pipe.txt")
    time.sleep(manifest.RACY_NS / 1e9 + 0.2)
    return root


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="a FIFO")
@pytest.mark.parametrize("args", [
    ["--format", "full"], ["--format", "concise"], ["--format", "json"], ["--format", "jsonl"],
    ["--format", "full", "--color"], ["--format", "concise", "--color"], ["--format", "sarif"],
    ["--format", "full", "--exit-zero"], ["--format", "concise", "--select", "B,F"], ["--statistics"],
], ids=" ".join)
def test_a_served_report_is_what_the_run_wrote(served_tree, args):
    uncached = outcome(served_tree, "--no-cache", *args)
    assert uncached[0] == 2 and "F001" in uncached[1]
    assert outcome(served_tree, *args) == uncached  # stores the run, and the text where it can
    assert outcome(served_tree, *args) == uncached  # served


@pytest.mark.parametrize("env", [{"COLUMNS": "60"}, {"COLUMNS": "200"}])
def test_the_width_of_the_full_format_is_part_of_the_key(served_tree, env):
    uncached = outcome(served_tree, "--no-cache", "--format", "full", env=env)
    assert outcome(served_tree, "--format", "full") != uncached
    assert outcome(served_tree, "--format", "full", env=env) == uncached


@pytest.mark.parametrize("args", [["--exit-zero"], ["--fail-on", "error"], ["--fail-on", "info"]])
def test_a_served_report_exits_as_the_run_did(tmp_path, args):
    write(tmp_path / "fr" / "a.txt", "Article a.\nComment (0)\n")
    write(tmp_path / "fr" / "b.txt", "Article b.  Deux espaces.\n")
    time.sleep(manifest.RACY_NS / 1e9 + 0.2)
    for format in ("concise", "json"):
        uncached = outcome(tmp_path, "--no-cache", "--format", format, *args)
        assert outcome(tmp_path, "--format", format) == outcome(tmp_path, "--no-cache", "--format", format)
        assert outcome(tmp_path, "--format", format, *args) == uncached
        assert outcome(tmp_path, "--format", format, *args) == uncached


def test_a_folder_without_files_still_warns_when_served(tmp_path):
    write(tmp_path / "fr" / "notes.rst", "Comment (0)\n")
    time.sleep(manifest.RACY_NS / 1e9 + 0.2)
    first = outcome(tmp_path, "--format", "json")
    assert first == outcome(tmp_path, "--format", "json") and "no files to check" in first[2]
    assert outcome(tmp_path, "--format", "json", "--require-files")[0] == 2


def test_a_baseline_applies_to_a_served_run(tmp_path):
    archive(tmp_path)
    time.sleep(manifest.RACY_NS / 1e9 + 0.2)
    findings(tmp_path)
    assert run_cli("check", "--write-baseline", "baseline.json", ".", cwd=tmp_path).code == 0
    assert outcome(tmp_path, "--format", "json", "--baseline", "baseline.json") == (0, "[]\n", "")
    assert outcome(tmp_path, "--format", "json")[0] == 1


def test_a_stored_report_is_served_for_its_format_only(tmp_path, monkeypatch):
    """The text kept for one (format, colour, width) is served for it alone, and for no changed run."""
    linter = trusting_linters(tmp_path, monkeypatch)
    first = linter()
    assert first.lint_rendered(["."], ("json", False, None)) is None
    report = first.lint_paths(["."])
    first.store_rendered(("json", False, None), "the text\n", report)
    served = linter().lint_rendered(["."], ("json", False, None))
    assert served is not None and served.text == "the text\n"
    assert (served.findings, served.files_checked, served.failing) == (len(report.findings), report.files_checked,
                                                                        len(report.failing()))
    assert linter().lint_rendered(["."], ("json", True, None)) is None
    assert linter().lint_rendered(["."], ("full", False, "80")) is None
    write(tmp_path / "en" / "z.txt", "Article z.\n")
    assert linter().lint_rendered(["."], ("json", False, None)) is None
