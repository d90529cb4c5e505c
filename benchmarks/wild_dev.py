"""Recall and noise of every family on real scraped translated-news pages (the wild-dev set).

Runs the set's own scorer (`score.py`, beside its hand-made marks) on this
checkout's qa-lint and checks the targets: recall >= 0.9 in every family
with marks, and at most one finding per clean page. Exit status 1 when a
target is missed, 2 when the set or qa-lint cannot be run.

    python benchmarks/wild_dev.py [--wild-dev ../shared/corpus/wild-dev] [--qa-lint PATH]
"""

from __future__ import annotations

import argparse
import json
import shlex
import subprocess
import sys
from pathlib import Path

from harness import EXIT_ERROR, REPO_ROOT, qa_lint_command

DEFAULT_SET = REPO_ROOT.parent / "shared" / "corpus" / "wild-dev"
RECALL_TARGET = 0.9
NOISE_PER_CLEAN_PAGE = 1.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--wild-dev", type=Path, default=DEFAULT_SET, help=f"the set's folder (default: {DEFAULT_SET})")
    parser.add_argument("--qa-lint", dest="qa_lint", help="the qa-lint executable to run")
    args = parser.parse_args(argv)
    scorer = args.wild_dev.resolve() / "score.py"
    if not scorer.is_file():
        parser.error(f"scorer not found: {scorer}")
    # The scorer runs the command from its own folder: give it an absolute qa-lint.
    command = [str(Path(part).resolve()) if i == 0 and Path(part).exists() else part
               for i, part in enumerate(qa_lint_command(args.qa_lint))]
    lint = shlex.join(command) + " check --format json --exit-zero --no-cache {dir}"
    done = subprocess.run([sys.executable, str(scorer), "--lint", lint, "--json"], capture_output=True, text=True)
    if done.returncode != 0:
        sys.stderr.write(done.stderr)
        return EXIT_ERROR
    result = json.loads(done.stdout)
    missed = []
    print(f"{'family':<12} {'marked':>6} {'found':>6} {'recall':>7} {'noise':>6}")
    total_noise = 0
    for family, row in result["categories"].items():
        total_noise += row["noise"]
        print(f"{family:<12} {row['gold']:>6} {row['found']:>6} {row['recall']:>7.3f} {row['noise']:>6}")
        if row["gold"] and row["recall"] < RECALL_TARGET:
            missed.append(f"{family} recall {row['recall']:.3f} < {RECALL_TARGET}")
    pages = result["clean_documents"]
    print(f"\n{result['documents']} pages, {pages} clean: {total_noise} findings on clean pages")
    if pages and total_noise / pages > NOISE_PER_CLEAN_PAGE:
        missed.append(f"{total_noise} findings on {pages} clean pages")
    for line in missed:
        print(f"target missed: {line}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
