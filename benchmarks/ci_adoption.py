"""Baseline stability, fix idempotence and CI-format speed on the real corpus.

What it measures
----------------
It copies the NTREX corpus (``ntrex/<language>/<document>.txt``) and the
project's ``examples/`` into a temporary folder, runs every default rule, and:

1. baseline - writes a baseline (``--write-baseline``), inserts a line at the
   top of every other file (a headline added by an editor), runs again with
   ``--baseline`` and counts
   * reappeared - findings of the baseline reported again (any finding not on
     the inserted line 1); the target is 0;
   * stale - baseline entries that no longer matched (the target is 0: nothing
     was fixed);
2. fix - runs ``--fix`` twice and counts the files the second run changed
   (target 0) and the safe fixes left after the first (target 0);
3. formats - the wall time of one run over the whole copy in each CI format
   (sarif, github, gitlab, rdjson, rdjsonl, junit), and its throughput in MB/s
   with start-up.

The corpus has few findings today (it is clean professional translation), so
the examples and whatever the rule families report there make up the
baseline; the script says how many entries it had. Exit status 1 when a
target is missed, 2 when qa-lint fails. Deterministic: the same files get the
same inserted line on every run.

How to run it (from the repository root)
----------------------------------------
    python benchmarks/ci_adoption.py
    python benchmarks/ci_adoption.py --corpus /path/to/ntrex --qa-lint /path/to/qa-lint

Standard library only; the corpus is read at run time, never copied into the
repository.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from harness import EXIT_ERROR, REPO_ROOT, benchmark_parser, count_by_rule, parse_args, run_timed

FORMATS = ("sarif", "github", "gitlab", "rdjson", "rdjsonl", "junit")
INSERTED = "Update: this article was revised"


def run(command: list[str], cwd: Path) -> tuple[float, subprocess.CompletedProcess]:
    elapsed, done = run_timed(command, cwd)
    if done.returncode not in (0, 1):
        sys.stderr.write(f"qa-lint failed ({done.returncode}): {' '.join(command)}\n{done.stderr}")
        sys.exit(EXIT_ERROR)
    return elapsed, done


def digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*.txt"))}


def main(argv: list[str] | None = None) -> int:
    parser = benchmark_parser(__doc__)
    parser.add_argument("--select", default="ALL", help="rules to run (default: ALL, every default rule)")
    args, corpus, qa_lint = parse_args(parser, argv)
    check = ["check", "--select", args.select]
    missed = []
    with tempfile.TemporaryDirectory(prefix="qa-lint-ci-") as temporary:
        root = Path(temporary)
        shutil.copytree(corpus, root / "corpus", ignore=shutil.ignore_patterns("*.md", "LICENSE*"))
        shutil.copytree(REPO_ROOT / "examples", root / "examples", ignore=shutil.ignore_patterns("plugin"))
        for file in root.rglob("*.txt"):
            file.chmod(0o644)
        files = sorted(root.rglob("*.txt"))
        size = sum(f.stat().st_size for f in files)

        # 1. baseline
        _, done = run([*qa_lint, *check, "--format", "json", "."], root)
        before = json.loads(done.stdout)
        write_time, _ = run([*qa_lint, *check, "--write-baseline", "baseline.json", "."], root)
        for file in files[::2]:
            file.write_text(INSERTED + "\n" + file.read_text(encoding="utf-8"), encoding="utf-8")
        check_time, done = run([*qa_lint, *check, "--format", "json", "--baseline", "baseline.json", "."], root)
        reported = json.loads(done.stdout)
        reappeared = [f for f in reported if f["line"] != 1]
        stale = done.stderr.count("\n  ")
        print(f"rules: --select {args.select}")
        print(f"files {len(files)}, {size / 1e6:.2f} MB; findings before {len(before)} "
              f"(by rule: {count_by_rule(before)})")
        print(f"{'measure':<44} {'value':>8} {'target':>8}")
        print(f"{'baseline entries':<44} {len(before):>8}")
        print(f"{'lines inserted at the top of files':<44} {len(files[::2]):>8}")
        print(f"{'old findings reported again':<44} {len(reappeared):>8} {0:>8}")
        print(f"{'baseline entries left unmatched':<44} {stale:>8} {0:>8}")
        print(f"{'new findings on the inserted lines':<44} {len(reported) - len(reappeared):>8}")
        print(f"{'write-baseline run (s)':<44} {write_time:>8.2f}")
        print(f"{'check --baseline run (s)':<44} {check_time:>8.2f}")
        for finding in reappeared[:20]:
            print(f"  reappeared: {finding['path']}:{finding['line']}: {finding['code']} {finding['message']}")
        if reappeared:
            missed.append("old findings reappeared")
        if stale:
            missed.append("baseline entries went stale")

        # 2. fix twice
        fix_time, done = run([*qa_lint, *check, "--fix", "--format", "json", "."], root)
        left_safe = [f for f in json.loads(done.stdout) if f["fix"] and f["fix"]["applicability"] == "safe"]
        after_first = digest(root)
        run([*qa_lint, *check, "--fix", "--format", "json", "."], root)
        changed_again = [p for p, h in digest(root).items() if after_first[p] != h]
        print(f"{'--fix run (s)':<44} {fix_time:>8.2f}")
        print(f"{'safe fixes left after --fix':<44} {len(left_safe):>8} {0:>8}")
        print(f"{'files a second --fix changed':<44} {len(changed_again):>8} {0:>8}")
        if left_safe or changed_again:
            missed.append("--fix is not idempotent")

        # 3. formats
        print(f"\n{'format':<10} {'seconds':>8} {'MB/s':>8}")
        for name in FORMATS:
            elapsed, _ = run([*qa_lint, *check, "--format", name, "."], root)
            print(f"{name:<10} {elapsed:>8.2f} {size / 1e6 / elapsed:>8.2f}")
    if missed:
        print("\nMISSED: " + "; ".join(missed))
        return 1
    print("\nall targets met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
