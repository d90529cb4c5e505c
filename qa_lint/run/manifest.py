"""The run manifest: a whole run's findings, served again while nothing it read has changed.

A run's key covers the engine fingerprint, the working folder, the paths
given, and for every file found its path, its settings and its stamp
(size, modification and change times in nanoseconds, inode). When the key
matches a stored run, no file is read, hashed or linted and no run-wide
rule reduces again: the finished findings are served as stored.

Stamps are trusted only when they are older than the run by more than
`RACY_NS`. A file written within one timestamp granule of being read (coarse
clocks, file systems with 1-2 s times) can change again without its stamp
changing; a run that saw such a file stores no manifest entry, and the next
run falls back to the content-keyed entries of each article group. The change
time cannot be set by `os.utime`, so a same-size edit that restores the
modification time still changes the stamp.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

# Younger stamps than this (relative to the run's start) may hide a later same-granule write.
RACY_NS = 2_000_000_000

Stamp = tuple[int, int, int, int]


def stamp(file: Path | str) -> Stamp | None:
    """(size, mtime_ns, inode, ctime_ns) of `file`, or None when it cannot be looked up."""
    try:
        info = os.stat(file)
    except (OSError, ValueError):
        return None
    return (info.st_size, info.st_mtime_ns, info.st_ino, info.st_ctime_ns)


def trusted(found: Stamp | None, started_ns: int) -> bool:
    """Whether a later write to the file is bound to change `found` (see the module's docstring)."""
    return found is not None and max(found[1], found[3]) < started_ns - RACY_NS


def run_key(fingerprint: str, header: Iterable[str], files: Iterable[tuple[str, str, int, Stamp | None]],
            settings: Iterable[str]) -> str:
    """A key from the run's `header` strings, its (display path, file, settings index, stamp) entries in order,
    and the distinct `settings` strings the indexes point into (each hashed once, not once per file)."""
    digest = hashlib.blake2b(f"run\0{fingerprint}".encode(), digest_size=20)
    for part in header:
        digest.update(part.encode("utf-8", "surrogateescape") + b"\0")
    digest.update("".join([f"{display}\0{file}\0{index}\0{found}\0" for display, file, index, found in files])
                  .encode("utf-8", "surrogateescape"))
    digest.update(b"\0settings\0")
    for part in settings:
        digest.update(part.encode("utf-8", "surrogateescape") + b"\0")
    return digest.hexdigest()


def key_of_run(fingerprint: str, cwd: Path, paths: list[str], findings: Iterable, jobs: Iterable,
               settings_repr: Callable[[Any], str], started_ns: int) -> tuple[str, bool]:
    """(key, whether every stamp is trusted) of a planned run: the working folder, the `paths` given,
    the plan's own `findings` (paths missing), and each job's file, settings and stamp, in order.

    A folder's files share one settings object: its `settings_repr` is keyed once, its files by its index.
    """
    header = [os.fspath(cwd), *paths, "\0", *(repr(finding) for finding in findings)]
    indexes: dict[int, int] = {}
    distinct: list[str] = []
    entries = []
    trusted_all = True
    for job in jobs:
        index = indexes.get(id(job.settings))
        if index is None:
            index = indexes[id(job.settings)] = len(distinct)
            distinct.append(settings_repr(job.settings))
        file = os.fspath(job.target.file)
        found = stamp(file)
        trusted_all = trusted_all and trusted(found, started_ns)
        entries.append((job.target.display, file, index, found))
    return run_key(fingerprint, header, entries, distinct), trusted_all
