"""Configuration, rule-pack and plugin errors: a clear message naming the source, exit 2, never a traceback.

`test_bad_input.py` covers one example of each kind of config mistake; this
file covers every setting's wrong type, unknown codes wherever codes are
accepted, rule options, malformed rule packs, and broken plugins.

Broken-plugin policy (also in the README's "Guarantees"):
- a plugin that fails to load, or whose registration hook raises or returns
  something that is not a rule, stops the run before anything is linted: exit 2
  with the plugin's name. A CI step that silently lost a house-style plugin
  would pass text it should fail.
- a rule (built-in or plugin) that raises while checking loses only its own
  findings for that article: every other rule and file is still checked, the
  crash is printed with the rule's code and a short traceback, and the exit
  status is 2, so the run cannot pass as clean.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from conftest import run_cli, write
from qa_lint.config import SettingsResolver
from qa_lint.run.linter import Linter
from qa_lint.errors import UsageError
from qa_lint.registry import Registry


def lint_with_config(tmp_path: Path, config: str | bytes, name: str = "qa-lint.toml"):
    write(tmp_path / name, config)
    write(tmp_path / "fr" / "a.txt", "Comment (0)\n")
    return run_cli("check", "--format", "concise", ".", cwd=tmp_path)


def config_error(tmp_path: Path, config: str | bytes) -> str:
    """The message linting under `config` stops with, in process (the CLI prints it and exits 2)."""
    write(tmp_path / "qa-lint.toml", config)
    write(tmp_path / "fr" / "a.txt", "Comment (0)\n")
    with pytest.raises(UsageError) as error:
        Linter(Registry(load_entry_points=False), SettingsResolver({}), tmp_path).lint_paths(["."])
    return str(error.value)


@pytest.mark.parametrize(
    "config, message",
    [
        # wrong types, setting by setting
        ('per-file-ignores = ["B001"]\n', "`per-file-ignores` must be a table of glob = [codes]"),
        ('[per-file-ignores]\n"a/**" = "B001"\n', "`per-file-ignores.'a/**'` must be a list of strings"),
        ('per-language-ignores = 1\n', "`per-language-ignores` must be a table of language = [codes]"),
        ('rule-options = 3\n', "`rule-options` must hold one table per rule code"),
        ('severity = "error"\n', "`severity` must be a table of code"),
        ('[severity]\nB001 = 3\n', "`severity`: unknown severity '3'"),
        ('language-map = ["fa"]\n', "`language-map` must be a table of glob"),
        ('include = "*.txt"\n', "`include` must be a list of strings"),
        ('exclude = [1, 2]\n', "`exclude` must be a list of strings"),
        ('extend-exclude = "drafts"\n', "`extend-exclude` must be a list of strings"),
        ('respect-gitignore = "yes"\n', "`respect-gitignore` must be true or false"),
        ('fail-on = 3\n', "`fail-on`: unknown severity '3'"),
        ('max-file-size = true\n', "`max-file-size` must be a positive number of bytes"),
        ('max-file-size = "10MB"\n', "`max-file-size` must be a positive number of bytes"),
        ('max-file-size = 0\n', "`max-file-size` must be a positive number of bytes"),
        ('encoding = 8\n', "`encoding` must be a string"),
        ('rule-packs = "pack"\n', "`rule-packs` must be a list of strings"),
        ('source-language = 7\n', "`source-language`: 7 is not a language tag"),
        ('[[select]]\n', "`select` must be a list of strings"),
        # unknown codes, wherever codes are accepted
        ('ignore = ["Q9"]\n', "unknown rule code or prefix 'Q9'"),
        ('extend-select = ["ZZZ"]\n', "unknown rule code or prefix 'ZZZ'"),
        ('select = ["ALL", "b001"]\n', "unknown rule code or prefix 'b001'"),
        ('[per-file-ignores]\n"a/**" = ["Q9"]\n', "per-file-ignores 'a/**': unknown rule code or prefix 'Q9'"),
        ('[per-language-ignores]\nfa = ["Q9"]\n', "per-language-ignores 'fa': unknown rule code or prefix 'Q9'"),
        ('[per-language-ignores]\nklingon = ["B001"]\n', "'klingon' is not a language tag"),
        ('[severity]\nQ9 = "error"\n', "severity: unknown rule code or prefix 'Q9'"),
        ('[language-map]\n"x/**" = "zz-top"\n', "`language-map.'x/**'`: 'zz-top' is not a language tag"),
        # rule options
        ('[rule-options.Q999]\nx = 1\n', "rule-options: unknown rule code 'Q999'"),
        ('[rule-options.B001]\nx = 1\n', "rule-options.B001: rule B001 takes no options (found `x`)"),
        ('[rule-options.B007]\nmax-blank-lines = "two"\n', "rule-options.B007: `max-blank-lines` must be a whole number"),
        ('[rule-options.B007]\nmax-blank-lines = true\n', "rule-options.B007: `max-blank-lines` must be a whole number"),
        ('[rule-options.S005]\nfa = ["martian"]\n', "rule-options.S005: `fa`: unknown digit system 'martian'"),
        ('[rule-options.S011]\nreport = 5\n', "rule-options.S011: `report` must be one of"),
        ('[rule-options.N004]\nglossary-file = "missing.toml"\n', "rule-options.N004: cannot read names glossary"),
        # the file itself
        (b'select = ["B001"]\n\xff\n', "configuration is not valid UTF-8"),
        ('select = ["B001"]\nselect = ["B002"]\n', "invalid TOML"),
    ],
)
def test_every_config_mistake_is_named(tmp_path, config, message):
    error = config_error(tmp_path, config)
    assert error.startswith(str(tmp_path / "qa-lint.toml")) and message in error, error


@pytest.mark.parametrize(
    "config, message",
    [
        ('max-file-size = "10MB"\n', "`max-file-size` must be a positive number of bytes"),
        ('[per-language-ignores]\nfa = ["Q9"]\n', "per-language-ignores 'fa': unknown rule code or prefix 'Q9'"),
        ('[rule-options.B007]\nmax-blank-lines = "two"\n', "rule-options.B007: `max-blank-lines` must be a whole number"),
    ],
)
def test_config_mistake_through_the_command_line(tmp_path, config, message):
    result = lint_with_config(tmp_path, config)
    assert result.code == 2, (result.stdout, result.stderr)
    assert result.stderr.startswith("qa-lint: error: ") and "qa-lint.toml" in result.stderr, result.stderr
    assert message in result.stderr and "Traceback" not in result.stderr
    assert result.stdout == ""  # nothing linted with a half-understood configuration


def test_pyproject_table_of_the_wrong_type(tmp_path):
    result = lint_with_config(tmp_path, '[tool]\nqa-lint = 3\n', name="pyproject.toml")
    assert result.code == 2 and "pyproject.toml: [tool.qa-lint]: must be a table" in result.stderr, result.stderr


def test_config_saved_with_a_byte_order_mark_is_read(tmp_path):
    """Windows editors may save UTF-8 with a BOM; the settings in it still apply."""
    result = lint_with_config(tmp_path, b'\xef\xbb\xbfignore = ["B001", "L"]\n')
    assert "Traceback" not in result.stderr and result.code == 0, result.stderr


def test_config_option_pointing_to_a_folder(tmp_path):
    (tmp_path / "conf").mkdir()
    result = run_cli("check", "--config", "conf", ".", cwd=tmp_path)
    assert result.code == 2 and "configuration file not found" in result.stderr


def test_mistake_in_a_nested_config_names_that_file(tmp_path):
    write(tmp_path / "qa-lint.toml", 'select = ["B"]\n')
    write(tmp_path / "vendor" / "qa-lint.toml", 'ignore = ["B999"]\n')
    write(tmp_path / "vendor" / "fr" / "a.txt", "Bonjour.\n")
    result = run_cli("check", ".", cwd=tmp_path)
    assert result.code == 2
    assert "vendor/qa-lint.toml: unknown rule code or prefix 'B999'" in result.stderr, result.stderr


# -- rule packs ----------------------------------------------------------------------

RULE = """\
[[rule]]
code = "X001"
name = "x-thing"
category = "boilerplate"
type = "pattern"
message = "m"
what = "w"
why = "y"
patterns = ["foo"]
[[rule.examples]]
text = "foo\\n"
[[rule.examples]]
text = "bar\\n"
fires = false
"""


@pytest.mark.parametrize(
    "pack, message",
    [
        (RULE.replace('"X001"', '"B001"'), "pack/x.toml: rule code B001 is already used by 'comment-counter'"),
        (RULE + RULE, "pack/x.toml: rule code X001 is already used by 'x-thing' (pack/x.toml)"),
        (RULE.replace('"X001"', '"x1"'), "pack/x.toml: rule code 'x1' must be 1-4 capital letters then 1-4 digits"),
        (RULE.replace('"x-thing"', '"X_Thing"'), "pack/x.toml: rule X001 name 'X_Thing' must be kebab-case"),
        (RULE.replace('"pattern"', '"patern"'), "pack/x.toml: rule X001: unknown check type 'patern'"),
        (RULE.replace('"boilerplate"', '"weather"'), "pack/x.toml: rule X001: `category`: 'weather' is not a valid"),
        (RULE.replace('type = "pattern"', "type = 3"), "pack/x.toml: rule X001: `type` must be str, not int"),
        (RULE.replace('["foo"]', '["f("]'), "pack/x.toml: rule X001: invalid pattern 'f('"),
        (RULE.replace('patterns', 'languages = ["klingon"]\npatterns'), "`languages` holds an unknown language tag: 'klingon'"),
        (RULE.replace('patterns', 'where = "middle"\npatterns'), "`where` must be one of anywhere, tail, head; found 'middle'"),
        (RULE.replace('fires = false', 'fires = false\nbogus = 1'), "rule X001, example 2: unknown key `bogus`"),
        (RULE.replace('["foo"]', '["{verb} foo"]\n[rule.sets]\nverb = []'), "a pattern uses {verb} but the rule has no `sets.verb`"),
        (RULE.replace('["foo"]', '["foo"]\n[rule.sets]\ntokens = ["a"]'), "`sets.tokens`: a set name is lower-case letters"),
        (RULE.replace('["foo"]', '["foo"]\n[rule.sets]\nverb = [3]'), "`sets.verb` must hold lists of non-empty strings"),
        (RULE.replace('fires = false\n', '').replace('text = "bar\\n"\n', 'text = "foo bar\\n"\n'), "needs at least one example that fires and one that does not"),
        (RULE + "[other]\na = 1\n", "pack/x.toml: unknown top-level key `other`"),
        ("rule = 3\n", "pack/x.toml: no `[[rule]]` tables"),
        ("", "pack/x.toml: no `[[rule]]` tables"),
        ("[[rule]]\n", "pack/x.toml: rule #1: missing required key `type`"),
        ("[[rule\n", "pack/x.toml: invalid TOML"),
        ((RULE + "# \xff\n").encode("latin-1"), "pack/x.toml: cannot read rule pack"),
    ],
)
def test_malformed_rule_pack_is_named(tmp_path, pack, message):
    write(tmp_path / "pack" / "x.toml", pack)
    error = config_error(tmp_path, 'rule-packs = ["pack"]\n')
    assert message in error, error


def test_malformed_rule_pack_through_the_command_line(tmp_path):
    write(tmp_path / "pack" / "x.toml", RULE.replace('"pattern"', '"patern"'))
    result = lint_with_config(tmp_path, 'rule-packs = ["pack"]\n')
    assert result.code == 2 and result.stdout == "" and "Traceback" not in result.stderr
    assert result.stderr.startswith("qa-lint: error: malformed rule pack: pack/x.toml: rule X001: unknown check type 'patern'")


def test_word_sets_combine_and_match_persian_joined_any_way(tmp_path):
    """A user pack's named word sets: one pattern, verbs x prepositions x brands; ZWNJ, space or nothing."""
    pack = RULE.replace('["foo"]', '["{verb}\\\\s+{prep}\\\\s+{brand}"]\n[rule.sets]\n'
                        'verb = ["اشتراک‌گذاری", "Teilen"]\nprep = ["در", "auf"]\nbrand = ["تلگرام", "X"]')
    pack = pack.replace('text = "foo\\n"', 'text = "Teilen auf X\\n"').replace('text = "bar\\n"', 'text = "Teilen\\n"')
    write(tmp_path / "pack" / "x.toml", pack)
    for name, text in (("a", "اشتراک‌گذاری در تلگرام"), ("b", "اشتراک گذاری در تلگرام"), ("c", "اشتراکگذاری در تلگرام"),
                       ("d", "اشتراک‌گذاري در تلگرام"), ("e", "اشتراک در تلگرام")):
        write(tmp_path / "fa" / f"{name}.txt", text + "\n")
    result = lint_with_config(tmp_path, 'rule-packs = ["pack"]\nselect = ["X001"]\n')
    reported = {line.split(":")[0] for line in result.stdout.splitlines() if "X001" in line}
    assert reported == {"fa/a.txt", "fa/b.txt", "fa/c.txt", "fa/d.txt"}, result.stdout + result.stderr


def test_rule_pack_saved_with_a_byte_order_mark_is_read(tmp_path):
    write(tmp_path / "pack" / "x.toml", b"\xef\xbb\xbf" + RULE.encode("utf-8"))
    write(tmp_path / "fr" / "b.txt", "foo\n")
    result = lint_with_config(tmp_path, 'rule-packs = ["pack"]\n')
    assert "fr/b.txt:1:1: X001" in result.stdout, result.stderr


# -- plugins ---------------------------------------------------------------------------
# A plugin is "installed" by putting a module and its dist-info (with the entry
# point) on PYTHONPATH: importlib.metadata finds it exactly as in site-packages.

PLUGIN_HEAD = '''
from qa_lint.model import Category
from qa_lint.plugins import hookimpl
from qa_lint.rule import Example, Rule


class Plugged(Rule):
    """## What it does
    A test rule.

    ## Why is this bad?
    It is a test.
    """

    code = "X900"
    name = "plugged-rule"
    category = Category.BOILERPLATE
    examples = (Example("crash\\n", lang="fr"), Example("calm\\n", lang="fr", fires=False))
'''


def install_plugin(site: Path, body: str) -> dict[str, str]:
    write(site / "qa_lint_testplugin.py", textwrap.dedent(PLUGIN_HEAD) + textwrap.dedent(body))
    info = site / "qa_lint_testplugin-0.1.dist-info"
    write(info / "METADATA", "Metadata-Version: 2.1\nName: qa-lint-testplugin\nVersion: 0.1\n")
    write(info / "entry_points.txt", "[qa_lint]\ntestplugin = qa_lint_testplugin\n")
    return {"PYTHONPATH": str(site)}


def lint_with_plugin(tmp_path: Path, body: str, *args: str):
    env = install_plugin(tmp_path / "site", body)
    work = tmp_path / "work"
    write(work / "fr" / "a.txt", "Comment (0)\ncrash\n")
    write(work / "fr" / "b.txt", "Comment (0)\n")
    return run_cli(*(args or ("check", "--format", "concise", "--select", "B001,X", ".")), cwd=work, env=env)


def test_rule_that_raises_loses_only_its_own_findings(tmp_path):
    result = lint_with_plugin(tmp_path, '''
        class Crashing(Plugged):
            def check(self, doc):
                if "crash" in doc.text:
                    raise ZeroDivisionError("the plugin divided by zero")
                return ()

        @hookimpl
        def qa_lint_register_rules():
            return [Crashing()]
    ''')
    assert result.code == 2, result.stderr
    # The built-in rule still reports both files, the crashing rule's other file is still checked.
    assert "fr/a.txt:1:1: B001" in result.stdout and "fr/b.txt:1:1: B001" in result.stdout
    assert "qa-lint: internal error: rule X900 (plugged-rule) crashed" in result.stderr
    assert "ZeroDivisionError: the plugin divided by zero" in result.stderr
    assert "1 rule crashed" in result.stderr


def test_rule_that_yields_garbage_is_treated_like_a_crash(tmp_path):
    result = lint_with_plugin(tmp_path, '''
        class Garbage(Plugged):
            def check(self, doc):
                yield None

        @hookimpl
        def qa_lint_register_rules():
            return [Garbage()]
    ''')
    assert result.code == 2 and "Traceback (most recent call last)" not in result.stderr.split("internal error")[0]
    assert "fr/b.txt:1:1: B001" in result.stdout
    assert "rule X900 (plugged-rule)" in result.stderr


@pytest.mark.parametrize(
    "body, message",
    [
        ('''
            @hookimpl
            def qa_lint_register_rules():
                raise RuntimeError("no rules today")
        ''', "plugin 'testplugin' failed in qa_lint_register_rules: RuntimeError: no rules today"),
        ('''
            @hookimpl
            def qa_lint_register_rules():
                return ["not a rule"]
        ''', "plugin 'testplugin' registered 'not a rule', which is not a qa_lint.rule.Rule"),
        ('''
            class Clash(Plugged):
                code = "B001"

            @hookimpl
            def qa_lint_register_rules():
                return [Clash()]
        ''', "rule code B001 is already used by 'plugged-rule' (plugin testplugin)"),
        ('''
            @hookimpl
            def qa_lint_register_rule_packs():
                return ["/nonexistent/qa-lint-pack"]
        ''', "malformed rule pack: /nonexistent/qa-lint-pack: rule pack folder not found"),
        ('''
            @hookimpl
            def qa_lint_register_formats():
                raise KeyError("fmt")
        ''', "plugin 'testplugin' failed in qa_lint_register_formats: KeyError: 'fmt'"),
    ],
)
def test_broken_plugin_registration_stops_the_run_with_its_name(tmp_path, body, message):
    for args in (("check", "."), ("rules",)):
        result = lint_with_plugin(tmp_path, body, *args)
        assert result.code == 2, (args, result.stdout, result.stderr)
        assert message in result.stderr, result.stderr
        assert "Traceback" not in result.stderr and result.stdout == ""


def test_working_plugin_runs_next_to_the_built_ins(tmp_path):
    """The control for the tests above: the same installation trick with a sound plugin."""
    result = lint_with_plugin(tmp_path, '''
        class Finder(Plugged):
            def check(self, doc):
                start = doc.text.find("crash")
                if start >= 0:
                    yield self.finding(doc, start, start + 5, "a crash")

        @hookimpl
        def qa_lint_register_rules():
            return [Finder()]
    ''')
    assert result.code == 1, result.stderr
    assert "fr/a.txt:2:1: X900 [warning] a crash" in result.stdout and "fr/b.txt:1:1: B001" in result.stdout
