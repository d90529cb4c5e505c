"""Reading the files a configuration names (configs, glossaries, baselines, `.gitignore`), writing reports.

Only regular files are read: a FIFO opened the ordinary way blocks until
someone writes to it, so a run would hang forever. The file is opened without
blocking and checked with `fstat` on the open descriptor (no race with a
rename between a check and the open). Path probes treat a path the system
cannot even look up (too long, a loop) as absent instead of raising. Reports
and baselines are written whole or not at all.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import time
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, Iterator

# Settings files are small; a bigger one is a mistake (or /dev/zero behind a link).
MAX_SETTINGS_FILE = 50_000_000


class NotReadable(Exception):
    """The file could not be read; the message says why, in a user's words."""


def read_regular_file(path: Path | str, limit: int = MAX_SETTINGS_FILE) -> bytes:
    """The bytes of `path`, which must be a regular file (links followed) of at most `limit` bytes."""
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as error:
        raise NotReadable(error.strerror or str(error)) from None
    except ValueError:  # a NUL in the path
        raise NotReadable("not a valid path (it holds a NUL character)") from None
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            kind = "a folder" if stat.S_ISDIR(info.st_mode) else "a FIFO, socket or device"
            raise NotReadable(f"not a regular file ({kind})")
        if info.st_size > limit:
            raise NotReadable(f"{info.st_size:,} bytes, over the limit of {limit:,}")
        chunks, size = [], 0
        while chunk := os.read(descriptor, max(info.st_size + 1 - size, 65536)):
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:
                raise NotReadable(f"over the limit of {limit:,} bytes")
        return b"".join(chunks)
    except OSError as error:
        raise NotReadable(error.strerror or str(error)) from None
    finally:
        os.close(descriptor)


def file_kind(path: Path) -> str | None:
    """"file", "folder", "other" (FIFO, socket, device) or None (absent, or a path too long to look up)."""
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return None
    return "file" if stat.S_ISREG(mode) else "folder" if stat.S_ISDIR(mode) else "other"


def is_file(path: Path) -> bool:
    """`Path.is_file`, but False (not an error) for a path too long to look up."""
    try:
        return path.is_file()
    except OSError:
        return False


def exists(path: Path) -> bool:
    """`Path.exists`, but False (not an error) for a path too long to look up."""
    try:
        return path.exists()
    except OSError:
        return False


# -- writing: a file is replaced whole or not at all --------------------------

# `.NAME.XXXXXXXX.qa-lint`: the temporary file `atomic_output` renames over NAME.
TEMPORARY_SUFFIX = ".qa-lint"
_TEMPORARY = re.compile(r"\.(?P<name>.+)\.[a-z0-9_]{8}\.qa-lint\Z")
# A run killed mid-write leaves its temporary file; one this old belongs to no live run.
STALE_AFTER_SECONDS = 15 * 60


@contextmanager
def atomic_output(path: Path | str, mode: int | None = None) -> Iterator[BinaryIO]:
    """A binary stream whose bytes replace `path` only once all were written (a temporary file, then a rename).

    A failed or interrupted write leaves `path` as it was and no temporary file.
    The file keeps its permissions (new ones get `mode`, default 0o666 less the
    umask). Links are written through. A device or FIFO (`-o /dev/stdout`) is
    written in place: it cannot be replaced.
    """
    kind = file_kind(Path(path))  # before resolving links: /dev/stdout resolves to a pipe's pseudo-name
    if kind == "folder":
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    if kind == "other":
        with open(path, "wb") as handle:
            yield handle
        return
    target = Path(os.path.realpath(path))
    if kind == "file":
        mode = stat.S_IMODE(os.stat(target).st_mode)
    elif mode is None:
        mask = os.umask(0)
        os.umask(mask)
        mode = 0o666 & ~mask
    import tempfile  # 10 ms to import, for runs that write a file only

    remove_stale_temporaries(target.parent, {target.name})
    descriptor, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=TEMPORARY_SUFFIX)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise


def remove_stale_temporaries(folder: Path, names: set[str], now: float | None = None) -> int:
    """Delete the temporary files of `names` in `folder` that a killed run left (old ones only)."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    limit = (time.time() if now is None else now) - STALE_AFTER_SECONDS
    removed = 0
    for entry in entries:
        match = _TEMPORARY.match(entry.name)
        if match is None or match.group("name") not in names:
            continue
        try:
            if entry.is_file(follow_symlinks=False) and entry.stat(follow_symlinks=False).st_mtime < limit:
                os.unlink(entry.path)
                removed += 1
        except OSError:
            continue  # another run removed it, or the folder is read-only: harmless
    return removed
