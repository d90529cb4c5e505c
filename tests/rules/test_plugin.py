"""Third-party plugins: the example plugin in `examples/plugin`, registered by hand and installed for real.

The installed tests build real wheels with pip and install them with
`--target` into a folder of the test's own, put on `PYTHONPATH` of a
`python -m qa_lint` subprocess: `importlib.metadata` finds their entry points
there exactly as in site-packages, and the shared virtual environment (which
other tests may be using at the same time) is never changed.
"""

from __future__ import annotations

import importlib.util
import json
import os
import pickle
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from qa_lint.config import SettingsResolver
from qa_lint.run.linter import Linter
from qa_lint.examples import run_example
from qa_lint.model import Category
from qa_lint.plugins import plugin_manager
from qa_lint.registry import Registry
from qa_lint.rule import Scope

from conftest import run_cli

REPO = Path(__file__).resolve().parents[2]
PLUGIN_DIR = REPO / "examples" / "plugin"
PLUGIN_MODULE = "qa_lint_example_plugin"


# -- helpers ----------------------------------------------------------------------


def _load_plugin_module():
    """Import examples/plugin/qa_lint_example_plugin.py without installing it."""
    spec = importlib.util.spec_from_file_location(PLUGIN_MODULE, PLUGIN_DIR / f"{PLUGIN_MODULE}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def plugin_registry() -> Registry:
    manager = plugin_manager(load_entry_points=False)
    manager.register(_load_plugin_module(), name="example")
    return Registry(manager=manager)


def _article(root: Path, counts: dict[str, int]) -> None:
    """One article in sibling language folders: `{"fa/a.txt": 10}` -> 10 paragraphs separated by blank lines."""
    for relative, count in counts.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\n\n".join(f"Paragraphe numéro {n}." for n in range(1, count + 1)) + "\n", encoding="utf-8")


def _lint(registry: Registry, root: Path, monkeypatch, **overrides) -> list:
    monkeypatch.chdir(root)
    report = Linter(registry, SettingsResolver(overrides), root).lint_paths([str(root)])
    assert not report.internal_errors, report.internal_errors
    return [f for f in report.findings if f.code == "X101"]


def _pip_install(source: Path, target: Path) -> Path:
    """Build `source` into a wheel and install it, without dependencies, into `target`."""
    result = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-compile",
         "--disable-pip-version-check", "--target", str(target), str(source)],
        capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, f"pip could not install {source}:\n{result.stdout}\n{result.stderr}"
    return target


def _qa_lint(site: Path, *args: str, cwd: Path):
    """`python -m qa_lint ARGS` with the plugins installed in `site` importable."""
    pythonpath = os.pathsep.join([str(site), *filter(None, [os.environ.get("PYTHONPATH")])])
    return run_cli(*args, cwd=cwd, env={"PYTHONPATH": pythonpath})


# -- the plugin registered by hand --------------------------------------------------


def test_registered_rule_is_listed_with_its_identity(plugin_registry):
    rule = plugin_registry.get("X101")
    assert plugin_registry.get("paragraph-count-mismatch") is rule
    assert rule.scope is Scope.GROUP
    assert (rule.category.value, str(rule.severity)) == ("structure", "info")
    assert rule.origin == "plugin qa-lint-example-plugin"
    assert rule.what and rule.why
    assert rule.summary.startswith("Reports a translation whose number of non-blank lines")
    # Built-ins are still there next to it.
    assert {"B001", "B007", "F004"} <= set(plugin_registry.rules)


def test_a_category_is_one_object_per_name_and_stays_one_through_pickle():
    assert Category("structure") is Category("structure")
    assert pickle.loads(pickle.dumps(Category.NAMES)) is Category.NAMES
    assert Category.in_order(["structure", "file", "names"]) == ["names", "file", "structure"]
    with pytest.raises(ValueError, match="is not a valid Category"):
        Category.builtin("structure")  # rule packs name a built-in family


def test_rule_examples_fire_in_their_article_group_and_not_on_a_group_of_one(plugin_registry):
    rule = plugin_registry.get("X101")
    [firing] = [example for example in rule.examples if example.fires]
    assert [f.code for f in run_example(rule, firing)] == ["X101"]
    for example in rule.examples:
        assert bool(run_example(rule, example)) is example.fires
        assert example.group or not example.fires  # alone, a translation has nothing to be compared with


def test_two_files_without_a_known_original_are_both_reported(plugin_registry, tmp_path, monkeypatch):
    _article(tmp_path, {"fa/a.txt": 10, "fr/a.txt": 3})
    findings = _lint(plugin_registry, tmp_path, monkeypatch)
    assert [(f.path, f.start.line, f.start.column) for f in findings] == [("fa/a.txt", 1, 1), ("fr/a.txt", 1, 1)]
    assert "siblings: fr/a.txt (3)" in findings[0].message
    assert findings[1].message.startswith("3 non-blank lines, 54% fewer than the group's median of 6.5")


def test_with_a_source_language_only_the_translation_is_reported(plugin_registry, tmp_path, monkeypatch):
    _article(tmp_path, {"fa/a.txt": 10, "fr/a.txt": 3, "vi/a.txt": 9})
    findings = _lint(plugin_registry, tmp_path, monkeypatch, source_language="fa")
    assert [f.path for f in findings] == ["fr/a.txt"]
    assert findings[0].message == (
        "3 non-blank lines, 70% fewer than the original's 10; siblings: fa/a.txt (original, 10), vi/a.txt (9)"
    )


def test_the_median_is_not_moved_by_the_outlier(plugin_registry, tmp_path, monkeypatch):
    _article(tmp_path, {"de/a.txt": 10, "fa/a.txt": 10, "fr/a.txt": 3, "vi/a.txt": 11})
    findings = _lint(plugin_registry, tmp_path, monkeypatch)
    assert [f.path for f in findings] == ["fr/a.txt"]
    assert "siblings: de/a.txt (10), fa/a.txt (10), vi/a.txt (11)" in findings[0].message


def test_language_suffix_layout_and_longer_translations(plugin_registry, tmp_path, monkeypatch):
    _article(tmp_path, {"320388.fa.txt": 5, "320388.fr.txt": 9, "other.fr.txt": 1})
    findings = _lint(plugin_registry, tmp_path, monkeypatch, source_language="fa")
    assert [f.path for f in findings] == ["320388.fr.txt"]
    assert findings[0].message.startswith("9 non-blank lines, 80% more than the original's 5")


@pytest.mark.parametrize(
    "counts",
    [
        {"fa/a.txt": 10, "fr/a.txt": 8},  # 20%: within the tolerance
        {"fa/a.txt": 2, "fr/a.txt": 1},  # 50%, but a single line
        {"fa/a.txt": 10, "fr/b.txt": 3},  # different articles
        {"fa/a.txt": 10},  # nothing to compare with
    ],
)
def test_no_finding(plugin_registry, tmp_path, monkeypatch, counts):
    _article(tmp_path, counts)
    assert _lint(plugin_registry, tmp_path, monkeypatch) == []


def test_empty_translation_is_left_to_f004(plugin_registry, tmp_path, monkeypatch):
    _article(tmp_path, {"fa/a.txt": 10, "vi/a.txt": 10})
    (tmp_path / "fr").mkdir()
    (tmp_path / "fr" / "a.txt").write_text("\n", encoding="utf-8")
    assert _lint(plugin_registry, tmp_path, monkeypatch) == []


def test_rule_can_be_ignored_like_a_builtin(plugin_registry, tmp_path, monkeypatch):
    _article(tmp_path, {"fa/a.txt": 10, "fr/a.txt": 3})
    assert _lint(plugin_registry, tmp_path, monkeypatch, ignore=("X",)) == []


def test_the_plugins_own_category_selects_and_ignores_its_rule(plugin_registry, tmp_path, monkeypatch):
    _article(tmp_path, {"fa/a.txt": 10, "fr/a.txt": 3})
    (tmp_path / "fr" / "b.txt").write_text("Commentaires (0)\n", encoding="utf-8")  # a B finding, outside `structure`
    monkeypatch.chdir(tmp_path)
    report = Linter(plugin_registry, SettingsResolver({"select": ("structure",)}), tmp_path).lint_paths([str(tmp_path)])
    assert {(f.code, f.category) for f in report.findings} == {("X101", "structure")}
    assert _lint(plugin_registry, tmp_path, monkeypatch, ignore=("structure",)) == []


# -- the plugin installed for real ------------------------------------------------------


@pytest.fixture(scope="module")
def installed_site(tmp_path_factory) -> Path:
    return _pip_install(PLUGIN_DIR, tmp_path_factory.mktemp("example-plugin-site"))


def test_installed_plugin_rule_is_listed(installed_site, tmp_path):
    result = _qa_lint(installed_site, "rules", cwd=tmp_path)
    assert result.code == 0, result.stderr
    line = next(line for line in result.stdout.splitlines() if line.startswith("X101"))
    assert "paragraph-count-mismatch" in line and "info" in line

    result = _qa_lint(installed_site, "rules", "--format", "json", cwd=tmp_path)
    described = {rule["code"]: rule for rule in json.loads(result.stdout)}
    assert described["X101"]["scope"] == "group"
    assert described["X101"]["origin"] == "plugin qa-lint-example-plugin"

    result = _qa_lint(installed_site, "explain", "X101", cwd=tmp_path)
    assert result.code == 0, result.stderr
    assert "## Why is this bad?" in result.stdout


def test_installed_plugin_reports_the_short_translation(installed_site, tmp_path):
    (tmp_path / "fa").mkdir()
    (tmp_path / "fr").mkdir()
    (tmp_path / "fa" / "a.txt").write_text("".join(f"خط شماره {n}.\n" for n in range(1, 11)), encoding="utf-8")
    (tmp_path / "fr" / "a.txt").write_text("Un.\nDeux.\nTrois.\n", encoding="utf-8")

    result = _qa_lint(installed_site, "check", "--format", "json", "--source-language", "fa", ".", cwd=tmp_path)
    # X101 is `info`: reported, but below the default --fail-on (warning).
    assert result.code == 0, result.stderr
    findings = [f for f in json.loads(result.stdout) if f["code"] == "X101"]
    assert [(f["path"], f["line"], f["severity"]) for f in findings] == [("fr/a.txt", 1, "info")]
    assert "3 non-blank lines" in findings[0]["message"] and "fa/a.txt (original, 10)" in findings[0]["message"]

    failing = _qa_lint(installed_site, "check", "--fail-on", "info", "--source-language", "fa", ".", cwd=tmp_path)
    assert failing.code == 1
    assert "fr/a.txt:1:1: X101" in failing.stdout


def test_broken_plugin_stops_the_run_with_its_name(tmp_path, tmp_path_factory):
    source = tmp_path / "broken-plugin"
    source.mkdir()
    (source / "pyproject.toml").write_text(
        textwrap.dedent(
            """\
            [build-system]
            requires = ["hatchling>=1.24"]
            build-backend = "hatchling.build"

            [project]
            name = "qa-lint-broken-plugin"
            version = "0.0.1"

            [project.entry-points.qa_lint]
            broken = "qa_lint_broken_plugin"

            [tool.hatch.build.targets.wheel]
            only-include = ["qa_lint_broken_plugin.py"]
            """
        ),
        encoding="utf-8",
    )
    (source / "qa_lint_broken_plugin.py").write_text(
        'raise RuntimeError("the house-style plugin is broken")\n', encoding="utf-8"
    )
    site = _pip_install(source, tmp_path_factory.mktemp("broken-plugin-site"))
    work = tmp_path / "work"
    work.mkdir()
    (work / "a.fr.txt").write_text("Bonjour.\n", encoding="utf-8")

    for args in (("check", "."), ("rules",), ("explain", "B001")):
        result = _qa_lint(site, *args, cwd=work)
        assert result.code == 2, (args, result.stdout, result.stderr)
        assert "Traceback" not in result.stderr
        assert result.stderr.strip() == (
            "qa-lint: error: plugin 'broken' (qa_lint_broken_plugin) failed to load: "
            "RuntimeError: the house-style plugin is broken"
        )
