"""Any way a plugin can fail, at import or in a hook, is one message naming it and exit 2: never a silent green run.

The plugins are installed as an installer leaves them (a module beside a
`.dist-info` folder declaring the `qa_lint` entry point), found through
PYTHONPATH by the CLI run as a subprocess.
"""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest

from conftest import run_cli, write


def install(site: Path, source: str) -> Path:
    write(site / "qa_lint_failing_plugin.py", textwrap.dedent(source))
    info = site / "qa_lint_failing_plugin-0.0.1.dist-info"
    write(info / "METADATA", "Metadata-Version: 2.1\nName: qa-lint-failing-plugin\nVersion: 0.0.1\n")
    write(info / "entry_points.txt", "[qa_lint]\nfailing = qa_lint_failing_plugin\n")
    return site


def run_with(site: Path, *args: str, cwd: Path):
    pythonpath = os.pathsep.join([str(site), *filter(None, [os.environ.get("PYTHONPATH")])])
    return run_cli(*args, cwd=cwd, env={"PYTHONPATH": pythonpath})


AT_IMPORT = {
    "SystemExit(0)": ("raise SystemExit(0)\n", "failed to load: SystemExit: 0"),
    "SystemExit()": ("import sys\nsys.exit()\n", "failed to load: SystemExit"),
    "BaseException": ("raise BaseException('plugin gave up')\n", "failed to load: BaseException: plugin gave up"),
    "GeneratorExit": ("raise GeneratorExit\n", "failed to load: GeneratorExit"),
}

HOOK = """\
import pluggy
hookimpl = pluggy.HookimplMarker("qa_lint")

@hookimpl
def {hook}():
    {body}
"""

IN_A_HOOK = {
    "rules-int": ("qa_lint_register_rules", "return 42",
                  "plugin 'failing' returned int from qa_lint_register_rules; a list was expected"),
    "rules-str": ("qa_lint_register_rules", "return 'X101'",
                  "plugin 'failing' returned str from qa_lint_register_rules; a list was expected"),
    "rule-category-not-a-name": (
        "qa_lint_register_rules",
        "from qa_lint.rule import Rule; return [type('R', (Rule,), {'code': 'X1', 'name': 'x', 'category': 'Big Data'})()]",
        "plugin failing: rule X1 category: 'Big Data' is not a valid Category (a lowercase name such as 'dates')",
    ),
    "formats-exit": ("qa_lint_register_formats", "raise SystemExit(0)",
                     "plugin 'failing' failed in qa_lint_register_formats: SystemExit: 0"),
    "generator-raises": ("qa_lint_register_rule_packs", "yield from (1 / 0 for _ in [1])",
                         "plugin 'failing' failed in qa_lint_register_rule_packs: ZeroDivisionError: division by zero"),
    "format-not-a-class": ("qa_lint_register_formats", "return ['json']",
                           "plugin 'failing' registered 'json' as a format, which is not a subclass of qa_lint.formats.Format"),
    "check-type-not-a-class": ("qa_lint_register_check_types", "return [3]",
                               "plugin 'failing' registered 3 as a check type, which is not a subclass of "
                               "qa_lint.checktypes.base.PackRule"),
}


@pytest.fixture
def work(tmp_path) -> Path:
    write(tmp_path / "work" / "fr" / "a.txt", "Comment (0)\n")
    return tmp_path / "work"


@pytest.mark.parametrize("case", AT_IMPORT)
def test_a_plugin_failing_at_import_stops_the_run(tmp_path, work, case):
    source, expected = AT_IMPORT[case]
    site = install(tmp_path / "site", source)
    result = run_with(site, "check", ".", cwd=work)
    assert (result.code, result.stdout) == (2, "")
    assert result.stderr == f"qa-lint: error: plugin 'failing' (qa_lint_failing_plugin) {expected}\n"


@pytest.mark.parametrize("case", IN_A_HOOK)
def test_a_plugin_failing_in_a_hook_stops_the_run(tmp_path, work, case):
    hook, body, expected = IN_A_HOOK[case]
    site = install(tmp_path / "site", HOOK.format(hook=hook, body=body))
    for args in (("check", "."), ("rules",)):
        result = run_with(site, *args, cwd=work)
        assert (result.code, result.stdout) == (2, ""), result.stderr
        assert result.stderr == f"qa-lint: error: {expected}\n"


def test_a_working_plugin_installed_the_same_way_loads(tmp_path, work):
    """The installation above is a real one: a plugin that works is used."""
    source = HOOK.format(hook="qa_lint_register_formats", body="return [Marker]") + textwrap.dedent("""
        from qa_lint.formats import Format

        class Marker(Format):
            name = "marker"

            def write(self, report, stream):
                stream.write(f"{len(report.findings)} finding(s)\\n")
        """)
    site = install(tmp_path / "site", source)
    result = run_with(site, "check", "--format", "marker", ".", cwd=work)
    assert result.code == 1 and result.stdout.endswith(" finding(s)\n"), result.stderr
