"""The result cache: what linting one article group gave, keyed by everything it depends on.

A key covers the files' bytes and paths, the settings that apply to each, the
rule set (codes, severities, where each rule comes from, the rule packs' text)
and qa-lint itself (its version and the modification times of its modules, so
an edited checkout never serves stale results). Run-wide rules cache their
per-document map step here and always reduce afresh, so they stay correct.

Entries live under `<cache-dir>/v2/`, written atomically: a marker, a checksum
of the payload, then the payload (a pickle). An entry that is not a regular
file, lacks the marker, fails the checksum, does not unpickle (truncated, too
big: MemoryError, OverflowError) or unpickles to something other than a
result is a miss, never an error: a cache only saves time. The folder holds
a `.gitignore` so it is never committed.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import stat
import sys
import tempfile
from pathlib import Path
from typing import Any, Callable, Iterable

from .. import __version__

_FORMAT = "v2"
_MARKER = b"qa-lint result cache entry v2\n"
_CHECKSUM_SIZE = 16
# Open without following a link, and without blocking on a FIFO put where an entry should be.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)


def engine_fingerprint(rules: Iterable[Any], pack_files: Iterable[Path]) -> str:
    """Everything outside the files and their settings that findings depend on."""
    rules = list(rules)
    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"{__version__}\0{sys.version_info[:2]}".encode())
    for rule in rules:
        digest.update(f"{rule.code}\0{rule.name}\0{rule.severity}\0{rule.origin}\0{type(rule).__qualname__}\0".encode())
    for file in sorted(set(pack_files)):
        try:
            digest.update(file.read_bytes())
        except OSError:
            digest.update(str(file).encode())
    package = Path(__file__).parent.parent  # every module of qa_lint, not only this folder
    # and the module of each plugin's rule: a plugin edited in place changes its findings
    plugins = {getattr(sys.modules.get(type(rule).__module__), "__file__", None) for rule in rules}
    for module in sorted(package.rglob("*.py")) + sorted(Path(file) for file in plugins - {None}):
        try:
            digest.update(f"{module}\0{module.stat().st_mtime_ns}".encode())
        except OSError:
            continue
    return digest.hexdigest()


class ResultCache:
    def __init__(self, folder: Path, fingerprint: str, valid: Callable[[Any], bool] = lambda value: True) -> None:
        self.folder = folder / _FORMAT
        self.fingerprint = fingerprint
        self.valid = valid  # what an entry must unpickle to, checked before it is served
        self.memory: dict[str, Any] = {}  # this run's entries: `--fix` re-lints many times
        self.hits = 0

    def key(self, parts: Iterable[tuple[str, str, bytes]]) -> str:
        """A key from (path, settings, content) triples; order matters."""
        digest = hashlib.blake2b(self.fingerprint.encode(), digest_size=20)
        for path, settings, content in parts:
            digest.update(path.encode("utf-8", "surrogateescape") + b"\0" + settings.encode("utf-8", "surrogateescape"))
            digest.update(hashlib.blake2b(content, digest_size=16).digest())
        return digest.hexdigest()

    def _file(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.pickle"

    def get(self, key: str) -> Any | None:
        if key in self.memory:
            self.hits += 1
            return self.memory[key]
        value = self._read(self._file(key))
        if value is None:
            return None
        self.memory[key] = value
        self.hits += 1
        return value

    def _read(self, file: Path) -> Any | None:
        data = _read_regular_file(file)
        if data is None or not data.startswith(_MARKER):
            return None
        checksum = data[len(_MARKER) : len(_MARKER) + _CHECKSUM_SIZE]
        payload = memoryview(data)[len(_MARKER) + _CHECKSUM_SIZE :]
        if hashlib.blake2b(payload, digest_size=_CHECKSUM_SIZE).digest() != checksum:
            return None
        try:
            value = _loads(payload)
            return value if self.valid(value) else None
        except Exception:  # noqa: BLE001 - MemoryError, OverflowError, RecursionError, a renamed class: a miss
            return None

    def put(self, key: str, value: Any) -> None:
        self.memory[key] = value
        file = self._file(key)
        try:
            payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:  # noqa: BLE001 - a result that cannot be stored is only not cached
            return
        checksum = hashlib.blake2b(payload, digest_size=_CHECKSUM_SIZE).digest()
        try:
            file.parent.mkdir(parents=True, exist_ok=True)
            self._mark_folder()
            _write_atomically(file, (_MARKER, checksum, payload))
        except OSError:
            pass  # a cache that cannot be written (full disk, read-only) only costs time

    def _mark_folder(self) -> None:
        ignore = self.folder.parent / ".gitignore"
        if not ignore.exists():
            _write_atomically(ignore, (b"# Written by qa-lint: its result cache.\n*\n",))


def _loads(payload) -> Any:
    """`pickle.loads` with the cyclic collector paused: a run's entry is tens of thousands of new
    objects, none of them garbage, and collections triggered while they are made only walk them."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        return pickle.loads(payload)
    finally:
        if collecting:
            gc.enable()


def _read_regular_file(file: Path) -> bytes | None:
    try:
        descriptor = os.open(file, _OPEN_FLAGS)
    except OSError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            return None
        with os.fdopen(descriptor, "rb", closefd=False) as handle:
            return handle.read()
    except OSError:
        return None
    finally:
        os.close(descriptor)


def _write_atomically(file: Path, chunks: Iterable[bytes]) -> None:
    """Write a temporary file beside `file`, then rename it over; on any failure, remove it."""
    handle, temporary = tempfile.mkstemp(dir=file.parent, prefix=".tmp-")
    try:
        with os.fdopen(handle, "wb") as out:
            for chunk in chunks:
                out.write(chunk)
        os.replace(temporary, file)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise
