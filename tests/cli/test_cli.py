"""The command line as users run it: `python -m qa_lint ...` in a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import EXAMPLES, run_cli, write

FIELDS = {
    "code", "name", "category", "severity", "message", "path", "line", "column",
    "end_line", "end_column", "lang", "fix", "fingerprint",
}
CATEGORIES = {"names", "boilerplate", "script", "caption", "language", "typography", "numbers", "file"}


def test_examples_report_every_seeded_leftover_with_positions():
    result = run_cli("check", "examples/", "--format", "json")
    assert result.code == 1, result.stderr
    findings = result.json()
    got = {(f["path"], f["line"], f["column"], f["code"]) for f in findings}
    fa = "examples/fa/vufo-mofa-coordination.txt"
    fr = "examples/fr/vufo-mofa-coordination.txt"
    assert (fa, 28, 1, "B001") in got  # نظر (0)
    assert (fr, 16, 1, "B001") in got  # Comment (0)
    assert (fa, 22, 1, "B007") in got  # the blank-line run at the end
    assert (fa, 21, 1, "B008") in got  # منبع: https://...
    assert (fr, 15, 1, "B008") in got  # Source : https://...
    by_key = {(f["path"], f["line"], f["code"]): f for f in findings}
    counter = by_key[(fa, 28, "B001")]
    assert (counter["end_line"], counter["end_column"]) == (28, 8)  # "نظر (0)" is 7 code points
    assert counter["lang"] == "fa" and by_key[(fr, 16, "B001")]["lang"] == "fr"
    assert counter["fix"]["edits"][0]["content"] == ""
    for finding in findings:
        assert FIELDS <= set(finding)
        assert finding["category"] in CATEGORIES
        assert finding["severity"] in {"error", "warning", "info"}
        assert len(finding["fingerprint"]) == 16


def test_clean_article_passes(tmp_path):
    result = run_cli("check", "examples/en/harbour-ferry.txt")
    assert result.code == 0, result.stdout
    assert "All checks passed" in result.stdout


def test_jsonl_has_one_finding_per_line():
    json_findings = run_cli("check", "examples/", "--format", "json").json()
    lines = run_cli("check", "examples/", "--format", "jsonl").stdout.splitlines()
    assert [json.loads(line) for line in lines] == json_findings


def test_concise_and_full_formats():
    concise = run_cli("check", "examples/fr", "--format", "concise", "--select", "B001")
    assert concise.stdout.splitlines()[0] == (
        "examples/fr/vufo-mofa-coordination.txt:16:1: B001 [warning] [*] "
        "Comment counter left over from the web page: “Comment (0)”; delete the line"
    )
    full = run_cli("check", "examples/fr", "--select", "B001")
    assert "16 | Comment (0)\n   | ^^^^^^^^^^^\n" in full.stdout
    assert "= fix: Delete the line" in full.stdout


def test_output_file(tmp_path):
    out = tmp_path / "report.json"
    result = run_cli("check", "examples/", "--format", "json", "--output-file", str(out))
    assert result.stdout == ""
    assert json.loads(out.read_text(encoding="utf-8")) == run_cli("check", "examples/", "--format", "json").json()


def test_exit_status_follows_fail_on_and_exit_zero():
    # Only info findings (B008): below the default failing level.
    assert run_cli("check", "examples/", "--select", "B008").code == 0
    assert run_cli("check", "examples/", "--select", "B008", "--fail-on", "info").code == 1
    assert run_cli("check", "examples/", "--exit-zero").code == 0
    assert run_cli("check", "examples/", "--fail-on", "error").code == 0
    bad = run_cli("check", "examples/", "--fail-on", "fatal")
    assert bad.code == 2 and "unknown severity 'fatal'" in bad.stderr


def test_select_and_ignore_accept_codes_prefixes_and_categories():
    def codes(*args):
        return {f["code"] for f in run_cli("check", "examples/", "--format", "json", *args).json()}

    assert codes("--select", "B001") == {"B001"}
    assert codes("--select", "B00", "--ignore", "B001,B008") == {"B007"}
    assert codes("--select", "boilerplate", "--ignore", "B007") == {"B001", "B008"}
    assert "H001" in codes() and "H001" not in codes("--ignore", "names")
    # The more specific selector wins.
    assert codes("--select", "B001", "--ignore", "B") == {"B001"}


def test_unknown_rule_code_is_a_usage_error():
    result = run_cli("check", "examples/", "--select", "Z999")
    assert result.code == 2
    assert "unknown rule code or prefix 'Z999'" in result.stderr
    assert "Traceback" not in result.stderr


def test_statistics_prints_the_table_alone():
    result = run_cli("check", "examples/", "--statistics")
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["count", "code", "--fix", "unsafe", "name"]
    rows = {line.split()[1]: line.split() for line in lines[1:]}
    assert rows["B001"] == ["2", "B001", "2", "-", "comment-counter"]
    assert rows["B008"] == ["2", "B008", "-", "2", "source-url-line"]  # unsafe: a desk may keep it
    assert len(rows) == len(lines) - 1  # one row per rule, and nothing else: no report, no summary
    assert "|" not in result.stdout and "Found" not in result.stdout
    as_json = run_cli("check", "examples/", "--statistics", "--format", "json").json()
    assert {"code": "B001", "name": "comment-counter", "count": 2, "fixable": 2, "unsafe_fixable": 0} in as_json


def test_rules_lists_builtins_and_configured_packs():
    text = run_cli("rules").stdout
    assert "B001  comment-counter" in text and "boilerplate" in text
    listed = run_cli("rules", "--format", "json").json()
    by_code = {r["code"]: r for r in listed}
    assert by_code["B007"]["fixable"] is True and by_code["B008"]["severity"] == "info"
    assert by_code["F004"]["category"] == "file"
    # Run inside examples/, the house-style pack from its config is listed too.
    assert "H001" in {r["code"] for r in run_cli("rules", "--format", "json", cwd=EXAMPLES).json()}


def test_explain_shows_docs_example_and_correction():
    text = run_cli("explain", "B001").stdout
    assert text.startswith("B001 comment-counter")
    for part in ("## What it does", "## Why is this bad?", "## Example", "Comment (0)", "Corrected by --fix:", "Not reported:"):
        assert part in text
    assert run_cli("explain", "blank-line-run").stdout.startswith("B007 blank-line-run")
    unknown = run_cli("explain", "Q123")
    assert unknown.code == 2 and "unknown rule 'Q123'" in unknown.stderr


def test_console_script_and_module_agree():
    script = Path(sys.executable).with_name("qa-lint")
    exe = script if script.exists() else None
    module = run_cli("--version")
    assert module.code == 0 and module.stdout.startswith("qa-lint ")
    if exe:
        direct = subprocess.run([str(exe), "--version"], capture_output=True, text=True)
        assert direct.stdout == module.stdout


def test_default_path_is_the_current_folder(tmp_path):
    write(tmp_path / "fr" / "a.txt", "Bonjour.\nComment (0)\n")
    result = run_cli("check", "--format", "concise", cwd=tmp_path)
    assert result.code == 1
    assert result.stdout.startswith("fr/a.txt:2:1: B001")


def test_unknown_format_is_a_usage_error():
    result = run_cli("check", "examples/", "--format", "xml")
    assert result.code == 2 and "unknown format 'xml'" in result.stderr


def test_python_dash_m_runs_without_arguments_showing_help():
    result = subprocess.run([sys.executable, "-m", "qa_lint"], capture_output=True, text=True)
    assert "check" in result.stdout + result.stderr


def test_jsonl_keeps_one_finding_per_line_whatever_the_text(tmp_path):
    # U+2028 and NEL are legal inside JSON strings but split lines for line-based readers.
    write(tmp_path / "fr" / "a.txt", "Texte.\nLire aussi : un titre\u2028en deux\x85parties\n")
    result = run_cli("check", "--format", "jsonl", "--select", "B003", ".", cwd=tmp_path)
    lines = result.stdout.splitlines()
    assert len(lines) == 1, result.stdout
    assert "un titre\u2028en deux\x85parties" in json.loads(lines[0])["message"]
