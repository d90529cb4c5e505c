"""S009 (mojibake) on ftfy's own real-world test cases: detection, exact repair, false alarms.

What it measures
----------------
ftfy's source distribution ships `tests/test_cases.json`: strings collected from
Twitter and the Common Crawl, each with the text ftfy should make of it
("fixed", or "fixed-encoding" for the encoding repair alone). This script
downloads that sdist from PyPI at run time (`pip download --no-binary`), writes
each case as one file and runs `qa-lint check --select S009` on them, then
`--fix --unsafe-fixes` on a copy. Nothing of the cases is kept in the project.

* damaged   - cases whose encoding repair changes the text (expected != original);
* detected  - damaged cases with an S009 finding;
* exact     - damaged cases whose fixed file equals the expected repair;
* safe exact - of those, repaired by safe fixes alone (`--fix` without `--unsafe-fixes`);
* unchanged - cases to leave alone (original == expected); false alarm: an S009 finding on one.

Cases only HTML entities, curly quotes, ligatures or width tell apart are not
mojibake: they are left out of "damaged" when their encoding repair changes
nothing. The script exits with 1 when false alarms exceed 2% of the unchanged
cases.

How to run it (from the repository root, with network access to PyPI)
----------------------------------------------------------------------
    python benchmarks/mojibake_ftfy.py
    python benchmarks/mojibake_ftfy.py --sdist /path/to/ftfy-6.3.1.tar.gz --show
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

from harness import check_exit, parse_jsonl, qa_lint_command, ratio, fmt, run_timed

VERSION = "6.3.1"


def download_sdist(folder: Path) -> Path:
    command = [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--no-binary", ":all:",
               f"ftfy=={VERSION}", "-d", str(folder)]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"could not download ftfy {VERSION}'s sdist:\n{done.stderr}")
    return next(folder.glob("ftfy-*.tar.gz"))


def read_cases(sdist: Path) -> list[dict]:
    with tarfile.open(sdist) as archive:
        member = next(m for m in archive.getmembers() if m.name.endswith("tests/test_cases.json"))
        return json.load(archive.extractfile(member))  # type: ignore[arg-type]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sdist", type=Path, help="ftfy's sdist, instead of downloading it")
    parser.add_argument("--qa-lint", dest="qa_lint", help="the qa-lint executable to run")
    parser.add_argument("--show", action="store_true", help="list every miss and false alarm")
    args = parser.parse_args(argv)
    command = qa_lint_command(args.qa_lint)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        cases = read_cases(args.sdist or download_sdist(root))
        texts = root / "cases"
        texts.mkdir()
        for index, case in enumerate(cases):
            (texts / f"case{index:03}.txt").write_text(case["original"] + "\n", encoding="utf-8", newline="")
        base = [*command, "check", "--no-cache", "--jobs", "1", "--exit-zero", "--select", "S009"]
        elapsed, done = run_timed([*base, "--format", "jsonl", str(texts)])
        check_exit(done, "qa-lint check", (0,))
        flagged = {Path(f["path"]).name for f in parse_jsonl(done.stdout)}
        fixed = {}
        for mode, extra in (("safe", []), ("all", ["--unsafe-fixes"])):
            copy = root / mode
            shutil.copytree(texts, copy)
            check_exit(run_timed([*base, "--fix", *extra, "--format", "jsonl", str(copy)])[1], "qa-lint --fix", (0,))
            fixed[mode] = {p.name: p.read_text(encoding="utf-8").removesuffix("\n") for p in copy.iterdir()}

    damaged = detected = exact = safe_exact = unchanged = alarms = 0
    notes = []
    for index, case in enumerate(cases):
        name = f"case{index:03}.txt"
        want = case.get("fixed-encoding", case["fixed"])
        label = case["label"]
        if want == case["original"]:
            unchanged += 1
            if name in flagged:
                alarms += 1
                notes.append(f"  false alarm  {label}: {case['original']!r} -> {fixed['all'][name]!r}")
            continue
        damaged += 1
        detected += name in flagged
        exact += fixed["all"][name] == want
        safe_exact += fixed["safe"][name] == want
        if fixed["all"][name] != want:
            how = "missed" if name not in flagged else "inexact"
            notes.append(f"  {how:<12} {label}: {case['original']!r} -> {fixed['all'][name]!r}, want {want!r}")

    print(f"ftfy {VERSION} test cases: {len(cases)} ({damaged} damaged, {unchanged} to leave alone); "
          f"check in {elapsed:.1f} s")
    print(f"detected      {detected}/{damaged} = {fmt(ratio(detected, damaged))}")
    print(f"exact repair  {exact}/{damaged} = {fmt(ratio(exact, damaged))} "
          f"(safe fixes alone: {safe_exact}/{damaged} = {fmt(ratio(safe_exact, damaged))})")
    print(f"false alarms  {alarms}/{unchanged} = {fmt(ratio(alarms, unchanged))}")
    if args.show:
        print("\n".join(notes))
    return 1 if alarms > 0.02 * unchanged else 0


if __name__ == "__main__":
    sys.exit(main())
