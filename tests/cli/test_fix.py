"""`--fix`, `--unsafe-fixes`, `--diff` and `--stdin-filename`: what is fixed, what is kept, what is refused."""

from __future__ import annotations

import codecs
import difflib
import json
import shutil
import stat
from pathlib import Path

import pytest

from qa_lint.config import SettingsResolver
from qa_lint.examples import example_files
from qa_lint.run.linter import Linter
from qa_lint.fixing import atomic_replace, FixError, fix_in_memory, write_changes
from qa_lint.registry import Registry

from conftest import EXAMPLES, run_cli, write

REGISTRY = Registry(load_entry_points=False)
REGISTRY.add_pack_folders([EXAMPLES / "house-style"])
PACK = """
[[rule]]
code = "X001"
name = "lorem-ipsum"
category = "typography"
type = "substitution"
message = "write {replacement}"
what = "w"
why = "y"
[rule.swap]
"lorem ipsum" = "A"
[[rule.examples]]
text = "lorem ipsum"
[[rule.examples]]
text = "dolor"
fires = false

[[rule]]
code = "X002"
name = "ipsum-dolor"
category = "typography"
type = "substitution"
unsafe = true
message = "write {replacement}"
what = "w"
why = "y"
[rule.swap]
"ipsum dolor" = "B"
[[rule.examples]]
text = "ipsum dolor"
[[rule.examples]]
text = "lorem"
fires = false
"""


def copy_examples(tmp_path: Path) -> Path:
    target = tmp_path / "examples"
    shutil.copytree(EXAMPLES, target, ignore=shutil.ignore_patterns("plugin"))
    for file in target.rglob("*.txt"):
        file.chmod(0o644)
    return target


def texts(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*.txt"))}


def covered_lines(findings: list[dict]) -> dict[str, set[int]]:
    """Lines each finding and its fix edits span, by path."""
    lines: dict[str, set[int]] = {}
    for f in findings:
        spans = [(f["line"], f["end_line"])] + [(e["line"], e["end_line"]) for e in (f["fix"] or {}).get("edits", [])]
        for first, last in spans:
            lines.setdefault(f["path"], set()).update(range(first, last + 1))
    return lines


def test_fix_on_a_copy_of_the_examples_changes_only_what_was_reported(tmp_path):
    folder = copy_examples(tmp_path)
    before = texts(folder)
    reported = run_cli("check", "--format", "json", ".", cwd=folder).json()
    assert any(f["fix"] for f in reported)
    result = run_cli("check", "--fix", "--format", "json", ".", cwd=folder)
    assert result.code in (0, 1), result.stderr
    left = result.json()
    assert not [f for f in left if f["fix"] and f["fix"]["applicability"] == "safe"], "safe fixes left undone"
    after = texts(folder)
    allowed = covered_lines(reported)
    for path, data in before.items():
        old, new = data.decode("utf-8").splitlines(), after[path].decode("utf-8").splitlines()
        for tag, i1, i2, _, _ in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
            if tag != "equal":
                changed = set(range(i1 + 1, i2 + 1)) or {i1, i1 + 1}
                assert changed & allowed.get(path, set()), f"{path}: lines {sorted(changed)} changed but nothing was reported there"
        if path not in allowed:
            assert after[path] == data
    # Unfixable findings are still there, unless a fix removed their line (L002 on "Comment (0)").
    fixed_lines = {(f["path"], f["line"]) for f in reported if f["fix"] and f["fix"]["applicability"] == "safe"}
    unfixable = sorted(
        (f["path"], f["code"], f["message"]) for f in reported if not f["fix"] and (f["path"], f["line"]) not in fixed_lines
    )
    assert sorted((f["path"], f["code"], f["message"]) for f in left if not f["fix"]) == unfixable
    second = run_cli("check", "--fix", "--format", "json", ".", cwd=folder)
    assert texts(folder) == after, "a second --fix changed the files again"
    assert "applied 0 fixes" in second.stderr


def test_fix_on_the_examples_deletes_leftovers_but_keeps_source_lines_and_names(tmp_path):
    folder = copy_examples(tmp_path)
    result = run_cli("check", "--fix", "--select", "B,H001", "--format", "concise", ".", cwd=folder)
    assert result.code == 0, result.stdout + result.stderr  # what is left (B008, H001) is info
    fa = (folder / "fa" / "vufo-mofa-coordination.txt").read_text(encoding="utf-8")
    fr = (folder / "fr" / "vufo-mofa-coordination.txt").read_text(encoding="utf-8")
    assert "نظر (0)" not in fa and "Comment (0)" not in fr and not fa.endswith("\n\n")
    # A desk may keep its source line, and the house form of a name is an editor's call: unsafe.
    assert "منبع: https://" in fa and "Source : https://" in fr and "l'Union vietnamienne" in fr
    assert "[~]" in result.stdout and "hidden fixes can be enabled with --unsafe-fixes" in result.stdout


def test_unsafe_fixes_apply_the_rest(tmp_path):
    folder = copy_examples(tmp_path)
    result = run_cli("check", "--fix", "--unsafe-fixes", "--select", "B,H001", "--format", "concise", ".", cwd=folder)
    assert result.code == 0, result.stdout + result.stderr
    fa = (folder / "fa" / "vufo-mofa-coordination.txt").read_text(encoding="utf-8")
    fr = (folder / "fr" / "vufo-mofa-coordination.txt").read_text(encoding="utf-8")
    assert "منبع: https://" not in fa and "l'Union vietnamienne" not in fr
    original_fa = (EXAMPLES / "fa" / "vufo-mofa-coordination.txt").read_text(encoding="utf-8")
    assert fa == original_fa[: original_fa.index("منبع: https://")]  # the article itself is untouched


def _linter(folder: Path, select: tuple[str, ...], **overrides) -> Linter:
    return Linter(REGISTRY, SettingsResolver({"select": select, **overrides}), folder)


FIXABLE = [
    (rule, example)
    for rule in REGISTRY.sorted_rules()
    if rule.fixable
    for example in rule.examples
    if example.fires and example.fixed is not None
]


@pytest.mark.parametrize("rule, example", FIXABLE, ids=[f"{r.code}-{i}" for i, (r, _) in enumerate(FIXABLE)])
def test_fix_twice_changes_nothing_the_second_time(tmp_path, rule, example):
    # The example's files laid out on disk as `qa-lint explain` lints them (language folders, siblings).
    name, files = example_files(rule, example)
    for path, text in files.items():
        if text is not None:
            write(tmp_path / path, text.encode("utf-8", "surrogateescape"))
    overrides = {"source_language": example.source_language, **dict(example.settings)}
    if example.glossary is not None:
        glossary = write(tmp_path / "names.toml", example.glossary)
        overrides["rule_options"] = (("N004", {"glossary-file": str(glossary)}),)
    if REGISTRY.pack_folder[rule.code]:  # a desk's pack applies where a config names it
        write(tmp_path / "qa-lint.toml", f"rule-packs = [{json.dumps(str(REGISTRY.pack_folder[rule.code]))}]\n")
    select = (rule.code, *example.also_select)
    paths = [path for path, text in files.items() if text is not None]
    first = fix_in_memory(_linter(tmp_path, select, **overrides), paths, unsafe=True)
    assert not write_changes(first)
    assert (tmp_path / name).read_bytes().decode("utf-8") == example.fixed
    second = fix_in_memory(_linter(tmp_path, select, **overrides), paths, unsafe=True)
    assert second.changes == {} and second.fixes == 0


def test_fixed_files_keep_bom_line_endings_and_permissions(tmp_path):
    file = write(tmp_path / "fr" / "a.txt", codecs.BOM_UTF8 + "Texte.\r\nComment (0)\r\nFin.\r\n".encode())
    file.chmod(0o640)
    result = run_cli("check", "--fix", "--select", "B", ".", cwd=tmp_path)
    assert result.code == 0, result.stdout + result.stderr
    assert file.read_bytes() == codecs.BOM_UTF8 + b"Texte.\r\nFin.\r\n"
    assert stat.S_IMODE(file.stat().st_mode) == 0o640
    assert sorted(p.name for p in (tmp_path / "fr").iterdir()) == ["a.txt"]  # no temporary file left


def test_fixed_files_keep_their_encoding(tmp_path):
    utf16 = write(tmp_path / "fr" / "b.txt", codecs.BOM_UTF16_LE + "Texte.\nComment (0)\n".encode("utf-16-le"))
    write(tmp_path / "fa" / "qa-lint.toml", 'encoding = "cp1256"\n')
    legacy = write(tmp_path / "fa" / "c.txt", "متن خبر.\nنظر (0)\n".encode("cp1256"))
    result = run_cli("check", "--fix", "--select", "B", ".", cwd=tmp_path)
    assert result.code == 0, result.stdout + result.stderr
    assert utf16.read_bytes() == codecs.BOM_UTF16_LE + "Texte.\n".encode("utf-16-le")
    assert legacy.read_bytes() == "متن خبر.\n".encode("cp1256")


def test_fixes_apply_to_the_text_workers_linted_in_its_encoding(tmp_path, monkeypatch):
    # Linting runs in worker processes; each linted file comes back with its text, encoding and BOM.
    import qa_lint.run.linter as linter_module

    monkeypatch.setattr(linter_module, "PARALLEL_MIN_BYTES", 0)
    write(tmp_path / "fa" / "qa-lint.toml", 'encoding = "cp1256"\n')
    legacy = write(tmp_path / "fa" / "c.txt", "متن خبر.\r\nنظر (0)\r\n".encode("cp1256"))
    utf16 = write(tmp_path / "fr" / "b.txt", codecs.BOM_UTF16_LE + "Texte.\nComment (0)\n".encode("utf-16-le"))
    linter = Linter(REGISTRY, SettingsResolver({"select": ("B",)}), tmp_path, jobs=2)
    outcome = fix_in_memory(linter, ["fa", "fr"])
    checked = {d.path: (d.encoding, d.bom, d.text) for d in outcome.report.documents}
    assert checked == {
        "fa/c.txt": ("cp1256", False, "متن خبر.\r\n"),
        "fr/b.txt": ("utf-16-le", True, "Texte.\n"),
    }
    assert not write_changes(outcome)
    assert legacy.read_bytes() == "متن خبر.\r\n".encode("cp1256")
    assert utf16.read_bytes() == codecs.BOM_UTF16_LE + "Texte.\n".encode("utf-16-le")


def test_a_plain_check_keeps_no_text_per_file(tmp_path):
    write(tmp_path / "fr" / "a.txt", "Texte.\n")
    report = _linter(tmp_path, ("B",)).lint_paths(["."])
    assert [(d.path, d.encoding, d.bom, d.text) for d in report.documents] == [("fr/a.txt", "utf-8", False, None)]


def test_read_only_files_and_symbolic_links_stay_what_they_are(tmp_path):
    target = write(tmp_path / "store" / "fr" / "a.txt", "Texte.\nComment (0)\n")
    target.chmod(0o444)
    (tmp_path / "fr").mkdir()
    link = tmp_path / "fr" / "a.txt"
    link.symlink_to(target)
    result = run_cli("check", "--fix", "--select", "B", "fr", cwd=tmp_path)
    # A read-only file is reported, not forced: the run says so with exit status 2.
    assert result.code == 2, result.stdout + result.stderr
    assert "fr/a.txt: read-only file; not overwritten" in result.stderr
    assert link.is_symlink() and target.read_text(encoding="utf-8") == "Texte.\nComment (0)\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o444
    target.chmod(0o644)  # made writable, the fix goes through the link to the file
    assert run_cli("check", "--fix", "--select", "B", "fr", cwd=tmp_path).code == 0
    assert link.is_symlink() and target.read_text(encoding="utf-8") == "Texte.\n"


def test_a_file_changed_since_it_was_read_is_not_overwritten(tmp_path):
    file = write(tmp_path / "fr" / "a.txt", "Texte.\nComment (0)\n")
    outcome = fix_in_memory(_linter(tmp_path, ("B",)), ["."])
    assert outcome.fixes == 1
    file.write_text("Texte modifié entre-temps.\nComment (0)\n", encoding="utf-8")
    problems = write_changes(outcome)
    assert len(problems) == 1 and "changed on disk since it was read" in problems[0]
    assert file.read_text(encoding="utf-8") == "Texte modifié entre-temps.\nComment (0)\n"
    with pytest.raises(FixError):
        atomic_replace(file, b"something else", b"new")


def test_overlapping_fixes_are_resolved_in_text_order_and_unsafe_ones_wait_for_the_option(tmp_path):
    write(tmp_path / "qa-lint.toml", 'rule-packs = ["pack"]\nselect = ["X"]\n')
    write(tmp_path / "pack" / "x.toml", PACK)
    file = write(tmp_path / "a.txt", "lorem ipsum dolor\nipsum dolor\n")
    safe = run_cli("check", "--fix", "--format", "concise", ".", cwd=tmp_path)
    assert file.read_text(encoding="utf-8") == "A dolor\nipsum dolor\n"
    assert safe.code == 1 and "X002" in safe.stdout  # the unsafe fix is reported, not applied
    file.write_text("lorem ipsum dolor\nipsum dolor\n", encoding="utf-8")
    both = run_cli("check", "--fix", "--unsafe-fixes", ".", cwd=tmp_path)
    assert both.code == 0, both.stdout + both.stderr
    # X001 starts first, so it wins the overlap on line 1; the second pass finds no "ipsum dolor" left there.
    assert file.read_text(encoding="utf-8") == "A dolor\nB\n"


def test_unsafe_fixes_without_fix_or_diff_is_a_usage_error(tmp_path):
    write(tmp_path / "fr" / "a.txt", "Texte.\n")
    result = run_cli("check", "--unsafe-fixes", ".", cwd=tmp_path)
    assert result.code == 2 and "--unsafe-fixes goes with --fix or --diff" in result.stderr


def test_diff_prints_a_unified_diff_and_writes_nothing(tmp_path):
    file = write(tmp_path / "fr" / "a.txt", "Texte.\nComment (0)\nFin.")
    result = run_cli("check", "--diff", "--select", "B", ".", cwd=tmp_path)
    assert result.code == 1
    assert result.stdout == "--- a/fr/a.txt\n+++ b/fr/a.txt\n@@ -1,3 +1,2 @@\n Texte.\n-Comment (0)\n Fin.\n\\ No newline at end of file\n"
    assert file.read_text(encoding="utf-8") == "Texte.\nComment (0)\nFin."
    clean = run_cli("check", "--diff", "--select", "B002", ".", cwd=tmp_path)
    assert (clean.code, clean.stdout) == (0, "")


def test_fix_exit_status_follows_the_findings_left(tmp_path):
    write(tmp_path / "fr" / "a.txt", "Texte.\nComment (0)\n")
    assert run_cli("check", "--fix", "--select", "B", ".", cwd=tmp_path).code == 0
    write(tmp_path / "qa-lint.toml", 'rule-packs = ["pack"]\nselect = ["X"]\n')
    write(tmp_path / "pack" / "x.toml", PACK)
    write(tmp_path / "b.txt", "ipsum dolor\n")  # only an unsafe fix: left
    result = run_cli("check", "--fix", "--format", "json", ".", cwd=tmp_path)
    assert result.code == 1 and [f["code"] for f in result.json()] == ["X002"]


def test_stdin_is_linted_as_the_named_file(tmp_path):
    text = "Texte.\nComment (0)\n"
    result = run_cli("check", "--stdin-filename", "fr/new.txt", "--select", "B", "--format", "json", cwd=tmp_path, stdin=text)
    assert result.code == 1, result.stderr
    assert [(f["path"], f["code"], f["lang"]) for f in result.json()] == [("fr/new.txt", "B001", "fr")]
    fixed = run_cli("check", "--stdin-filename", "fr/new.txt", "--select", "B", "--fix", "--format", "concise", cwd=tmp_path, stdin=text)
    assert fixed.code == 0 and fixed.stdout == "Texte.\n"
    assert "All checks passed" in fixed.stderr
    assert not (tmp_path / "fr").exists()  # nothing written
    both = run_cli("check", "--stdin-filename", "a.txt", "a.txt", cwd=tmp_path, stdin=text)
    assert both.code == 2 and "name no paths" in both.stderr


def test_apply_fixes_takes_a_fix_unless_an_edit_overlaps_one_taken():
    """Against a plain reference: edits overlap when each starts before the other ends (an insertion
    only inside another edit); a fix is taken whole or not at all, in order of its first edit."""
    import random

    from qa_lint.fixes import apply_fixes
    from qa_lint.model import Category, Edit, Finding, Fix, Position, Severity

    def finding(edits):
        edits = tuple(Edit(Position(1, a + 1), Position(1, b + 1), c, a, b) for a, b, c in edits)
        return Finding("X001", "x", Category.SCRIPT, Severity.WARNING, "m", "x", Position(1, 1), Position(1, 2),
                       None, fix=Fix("f", edits))

    def reference(text, fixes):
        taken = []
        for edits in sorted(fixes, key=lambda edits: min(e[0] for e in edits)):
            edits = sorted(edits)
            clash = any(x[1] > y[0] for x, y in zip(edits, edits[1:])) or any(
                s < b and a < e for s, e, _ in edits for a, b, _ in taken)
            if not clash:
                taken.extend(edits)
        out, cursor = [], 0
        for a, b, c in sorted(taken, key=lambda t: (t[0], t[1])):
            out += [text[cursor:a], c]
            cursor = b
        return "".join(out) + text[cursor:], len(taken)

    rng = random.Random(7)
    text = "abcdefghijklmno"
    for _ in range(3000):
        fixes = [[(a, a + rng.choice((0, 0, 1, 2, 3)), rng.choice("XYZ")) for a in rng.sample(range(15), rng.randint(1, 3))]
                 for _ in range(rng.randint(1, 5))]
        got, _ = apply_fixes(text, [finding(edits) for edits in fixes])
        assert got == reference(text, fixes)[0], fixes


def test_fix_removes_a_glued_leftover_but_keeps_the_text_encoding_and_line_endings(tmp_path):
    """A stamp glued before the headline and an image label glued into a caption: only they go."""
    article = tmp_path / "fr" / "visite.txt"
    article.parent.mkdir()
    original = ("\ufeff date 2023-08 Hanoi (VNA) – Le président effectuera une visite.\r\n"
                "La cérémonie ảnh 1Les délégués posent pour une photo. Photo : VNA\r\n"
                "La visite a lieu en août.\r\n")
    article.write_bytes(original.encode("utf-8"))
    result = run_cli("check", "--fix", "--select", "B009,C009", "--format", "concise", ".", cwd=tmp_path)
    assert result.code == 0, result.stdout + result.stderr
    assert article.read_bytes().decode("utf-8") == (
        "\ufeffHanoi (VNA) – Le président effectuera une visite.\r\n"
        "La cérémonie Les délégués posent pour une photo. Photo : VNA\r\n"
        "La visite a lieu en août.\r\n"
    )
    again = run_cli("check", "--select", "B009,C009", "--format", "concise", ".", cwd=tmp_path)
    assert again.code == 0 and "All checks passed" in again.stdout, again.stdout
