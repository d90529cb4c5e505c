"""benchmarks/speed.py: its floor, its verdicts, and a small run of it as a user runs it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))

from harness.speed_floor import floor_command  # noqa: E402
from harness.speed_goals import GOAL_PEAK_MB, goals  # noqa: E402
from harness.speed_run import Run  # noqa: E402
from harness.speed_textlint import count_messages  # noqa: E402


def small_corpus(root: Path) -> Path:
    corpus = root / "ntrex"
    (corpus / "fra").mkdir(parents=True)
    (corpus / "arb").mkdir()
    (corpus / "fra" / "story.txt").write_text("Le maire a parlé.\nIl a dit oui.\n", encoding="utf-8")
    (corpus / "arb" / "story.txt").write_text("قال رئيس البلدية.\n", encoding="utf-8")
    return corpus


def test_the_floor_reads_what_qa_lint_checks_and_decodes_it(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_bytes("\ufeffé\n".encode())  # BOM left out, é one character
    (tmp_path / "a" / "two.md").write_bytes(b"ab\xff")  # undecodable byte: one replacement character
    (tmp_path / "a" / "notes.json").write_text("not checked", encoding="utf-8")
    for jobs in (1, 2):
        done = subprocess.run(floor_command(tmp_path, jobs), capture_output=True, text=True, check=True)
        assert done.stdout.strip() == "5"


def run(label: str, wall: float, megabytes: float = 54.0, peak: float = 100.0) -> Run:
    return Run(label, wall, wall, peak, 0, megabytes, 1000)


def test_goals_are_met_missed_or_not_measured():
    runs = {"scale/default": run("pool", 3.0), "scale/jobs1": run("one", 10.0)}  # 18 MB/s and 5.4 MB/s
    one_file = {"fra": run("fra", 0.12, 0.001), "arb": run("arb", 0.16, 0.001)}
    big = run("big", 1.0, peak=GOAL_PEAK_MB + 1)
    judged = goals(runs, "scale", one_file, [runs["scale/jobs1"], big])
    verdicts = {goal.name.split(",")[1].strip(): goal for goal in judged}
    assert verdicts["default settings"].met is True
    assert verdicts["one process"].met is False
    assert verdicts["cached re-run"].met is None and verdicts["cached re-run"].line().startswith("SKIP")
    assert verdicts["at most 150 ms (median)"].met is False  # the Arabic file is over, the French one not
    assert "arb 160 ms" in verdicts["at most 150 ms (median)"].value
    assert verdicts["at most 400 MB"].met is False and "(big)" in verdicts["at most 400 MB"].value


def test_textlint_findings_are_its_messages():
    output = json.dumps([{"filePath": "a.txt", "messages": [{}, {}]}, {"filePath": "b.txt", "messages": []}])
    assert count_messages(output.encode()) == 2


def test_a_small_run_prints_every_row_and_exits_by_its_goals(tmp_path):
    corpus = small_corpus(tmp_path)
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "speed.py"), "--corpus", str(corpus),
                           "--no-scale", "--only", "floor,families,startup", "--runs", "1"],
                          capture_output=True, text=True, cwd=ROOT, check=False)
    assert done.returncode in (0, 1), done.stderr
    out = done.stdout
    for row in ("corpus, floor: read + decode ", "corpus, qa-lint default rules, --jobs 1 ",
                "corpus, qa-lint --select names ", "corpus, qa-lint no rule (engine) ",
                "one file fra/story.txt, cold, median of 1 ", "one file arb/story.txt, cached, median of 1 "):
        assert row in out
    assert "corpus, qa-lint default rules " not in out  # the rules part was not asked for
    assert "Where the CPU goes" in out and "% of the rules' CPU" in out
    assert ("MISS " in out) == (done.returncode == 1)
    assert not list(tmp_path.rglob(".qa-lint-cache"))  # nothing written beside the corpus


def test_an_unknown_part_is_a_usage_error(tmp_path):
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "speed.py"), "--corpus",
                           str(small_corpus(tmp_path)), "--only", "floor,speed"], capture_output=True, text=True,
                          check=False)
    assert done.returncode == 2 and "unknown part(s) for --only: speed" in done.stderr
