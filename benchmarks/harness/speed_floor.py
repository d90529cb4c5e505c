"""The floor of `benchmarks/speed.py`: find, read and decode every file a linter would check, nothing else.

Run as its own process (`python speed_floor.py FOLDER [--jobs N]`) so that it is timed exactly
as a qa-lint run is: interpreter start-up, walking the folder, reading the bytes and decoding
them as UTF-8 (undecodable bytes replaced), in one process or in a pool of N workers (the
parallel floor: what the pool's start-up and hand-offs cost before any rule runs). It prints
the number of characters decoded, so the work cannot be skipped. Standard library only.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

PATTERNS = ("*.txt", "*.md")  # what `qa-lint check FOLDER` walks for


def checked_files(folder: Path) -> list[str]:
    """The files under `folder` that qa-lint would check, sorted."""
    return sorted(str(path) for pattern in PATTERNS for path in folder.rglob(pattern) if path.is_file())


def decoded_length(path: str) -> int:
    with open(path, "rb") as handle:
        data = handle.read()
    return len(data.decode("utf-8-sig", "replace"))


def floor_command(folder: Path, jobs: int = 1) -> list[str]:
    """The command that measures the floor of `folder` with `jobs` processes."""
    return [sys.executable, os.path.abspath(__file__), str(folder), "--jobs", str(jobs)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--jobs", type=int, default=1, help="worker processes (1: none)")
    args = parser.parse_args(argv)
    files = checked_files(args.folder)
    if args.jobs > 1:
        import multiprocessing  # only the parallel floor pays for it

        with multiprocessing.Pool(args.jobs) as pool:
            # Chunks of files, as a linter's pool hands out work, rather than one message a file.
            total = sum(pool.imap_unordered(decoded_length, files, chunksize=max(1, len(files) // (args.jobs * 8))))
    else:
        total = sum(map(decoded_length, files))
    print(total)
    return 0


if __name__ == "__main__":
    sys.exit(main())
