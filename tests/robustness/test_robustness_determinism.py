"""Deterministic: the same input gives byte-identical output across runs, hash seeds, job counts and the cache.

The input is the examples folder, the fuzz regressions (hostile content) and
an article group, so ordering across files, groups and run-wide rules is
exercised. Hash seeds change the order of every set and dict built from
strings; a finding order or JSON key order that depended on them would show.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import EXAMPLES, run_cli, write

REGRESSIONS = Path(__file__).with_name("fuzz_regressions")


@pytest.fixture(scope="module")
def tree(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("determinism")
    shutil.copytree(EXAMPLES, root / "examples", ignore=shutil.ignore_patterns("plugin"))
    for n, path in enumerate(sorted(p for p in REGRESSIONS.iterdir() if p.suffix == ".txt")):
        for lang in ("fa", "fr"):
            write(root / "hostile" / lang / f"{n:02d}-{path.name}", path.read_bytes())
    for lang, text in {"fr": "Phan Anh Son.\nPhan Ahn Son.\n", "vi": "Phan Anh Son.\n", "fa": "فان آنه سون.\n"}.items():
        write(root / "group" / lang / "a.txt", text)
    return root


def run(tree: Path, output_format: str, *options: str, seed: str = "0") -> str:
    result = run_cli(
        "check", "--format", output_format, "--exit-zero", "--source-language", "vi", *options, ".",
        cwd=tree, env={"PYTHONHASHSEED": seed},
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result.stdout


def test_same_bytes_across_seeds_job_counts_and_the_cache(tree, tmp_path):
    reference = run(tree, "json", "--no-cache", "--jobs", "1", seed="0")
    assert reference.startswith("[\n  {")
    assert run(tree, "json", "--no-cache", "--jobs", "2", seed="12345") == reference
    cache = str(tmp_path / "cache")
    assert run(tree, "json", "--cache-dir", cache, seed="7") == reference  # cold cache
    assert run(tree, "json", "--cache-dir", cache, "--jobs", "2", seed="99") == reference  # warm


@pytest.mark.parametrize("output_format", ["sarif", "full"])  # the other formats print the same ordered findings
def test_other_formats_same_bytes_across_seeds_and_job_counts(tree, output_format):
    reference = run(tree, output_format, "--no-cache", "--jobs", "1", seed="0")
    assert reference.strip()
    assert run(tree, output_format, "--no-cache", "--jobs", "2", seed="4242") == reference


def test_order_of_paths_on_the_command_line_does_not_matter(tree):
    forward = run_cli("check", "--format", "json", "--no-cache", "--exit-zero", "examples", "hostile", "group", cwd=tree)
    backward = run_cli("check", "--format", "json", "--no-cache", "--exit-zero", "group", "hostile", "examples", cwd=tree)
    assert forward.stdout == backward.stdout and forward.stdout.startswith("[")
