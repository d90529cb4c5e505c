"""Whether a change left every finding as it was: the corpus and examples, byte for byte.

A speed change must not change what qa-lint reports. This script runs
``qa-lint check --no-cache --format json --exit-zero <corpus> examples`` from the
repository root in three variants and saves or compares the outputs:

* ``default``: the default rules;
* ``all``: ``--select ALL,N002`` (every rule, the opt-in ones too);
* ``optin-en``: ``--select ALL,N002,D002,D004 --source-language en``.

How to run it (from the repository root)
----------------------------------------
    python benchmarks/same_findings.py --save /tmp/before      # before the change
    python benchmarks/same_findings.py --against /tmp/before   # after it: exit 1 on any difference
    python benchmarks/same_findings.py --against /tmp/before --extra "--jobs 1"

``--extra`` adds options to every run (``--jobs 1``, an executor): the output must
not depend on them. The corpus is passed as an absolute path and the examples as
``examples``, so outputs made in two checkouts of the repository compare equal.
Standard library only; the outputs stay outside the repository.
"""

from __future__ import annotations

import shlex
import subprocess
import sys
import time
from pathlib import Path

from harness import EXIT_ERROR, REPO_ROOT, benchmark_parser, parse_args

VARIANTS: dict[str, list[str]] = {
    "default": [],
    "all": ["--select", "ALL,N002"],
    "optin-en": ["--select", "ALL,N002,D002,D004", "--source-language", "en"],
}


def run_variant(command: list[str], corpus: Path, options: list[str]) -> tuple[bytes, float]:
    """The JSON output of one variant and its wall-clock seconds; exits on a failed run."""
    args = [*command, "check", "--no-cache", "--format", "json", "--exit-zero", *options,
            str(corpus), "examples"]
    started = time.perf_counter()
    done = subprocess.run(args, cwd=REPO_ROOT, capture_output=True, check=False)
    if done.returncode != 0:
        sys.exit(f"{shlex.join(args)} exited {done.returncode}:\n{done.stderr.decode(errors='replace')}")
    return done.stdout, time.perf_counter() - started


def count(output: bytes) -> int:
    """How many findings a JSON output holds (each has one "code" key)."""
    return output.count(b'"code":')


def first_difference(before: bytes, after: bytes) -> str:
    """The first line that differs, both ways, for the report."""
    old, new = before.decode().splitlines(), after.decode().splitlines()
    for number, (a, b) in enumerate(zip(old, new), start=1):
        if a != b:
            return f"line {number}:\n  before: {a.strip()[:200]}\n  after:  {b.strip()[:200]}"
    return f"one output is longer: {len(old)} lines before, {len(new)} after"


def main(argv: list[str] | None = None) -> int:
    parser = benchmark_parser(__doc__)
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--save", type=Path, help="write the outputs into this folder")
    mode.add_argument("--against", type=Path, help="compare with the outputs saved in this folder")
    parser.add_argument("--extra", default="", help="options added to every run, as one shell-quoted string")
    parser.add_argument("--only", choices=sorted(VARIANTS), action="append", help="run only these variants")
    args, corpus, command = parse_args(parser, argv)
    extra = shlex.split(args.extra)
    folder = args.save or args.against
    if args.against and not folder.is_dir():
        parser.error(f"no saved outputs in {folder}")
    if args.save:
        folder.mkdir(parents=True, exist_ok=True)
    different = 0
    for name in args.only or VARIANTS:
        output, seconds = run_variant(command, corpus, [*VARIANTS[name], *extra])
        saved = folder / f"{name}.json"
        if args.save:
            saved.write_bytes(output)
            print(f"{name:9} saved {saved} ({count(output)} findings, {seconds:.1f} s)")
        elif not saved.is_file():
            print(f"{name:9} no saved output {saved}: skipped")
        elif saved.read_bytes() == output:
            print(f"{name:9} identical ({count(output)} findings, {seconds:.1f} s)")
        else:
            different += 1
            print(f"{name:9} DIFFERENT: {first_difference(saved.read_bytes(), output)}")
    return 1 if different else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.exit(EXIT_ERROR)
