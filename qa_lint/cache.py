"""The result cache: what linting one article group gave, keyed by everything it depends on.

A key covers the files' bytes and paths, the settings that apply to each, the
rule set (codes, severities, where each rule comes from, the rule packs' text)
and qa-lint itself (its version and the modification times of its modules, so
an edited checkout never serves stale results). Run-wide rules cache their
per-document map step here and always reduce afresh, so they stay correct.

Entries are pickles under `<cache-dir>/v1/`, written atomically; an unreadable
entry is a miss. The folder holds a `.gitignore` so it is never committed.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from pathlib import Path
from typing import Any, Iterable

from . import __version__

_FORMAT = "v1"


def engine_fingerprint(rules: Iterable[Any], pack_files: Iterable[Path]) -> str:
    """Everything outside the files and their settings that findings depend on."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"{__version__}\0{sys.version_info[:2]}".encode())
    for rule in rules:
        digest.update(f"{rule.code}\0{rule.name}\0{rule.severity}\0{rule.origin}\0{type(rule).__qualname__}\0".encode())
    for file in sorted(set(pack_files)):
        try:
            digest.update(file.read_bytes())
        except OSError:
            digest.update(str(file).encode())
    package = Path(__file__).parent
    for module in sorted(package.rglob("*.py")):
        try:
            digest.update(f"{module}\0{module.stat().st_mtime_ns}".encode())
        except OSError:
            continue
    return digest.hexdigest()


class ResultCache:
    def __init__(self, folder: Path, fingerprint: str) -> None:
        self.folder = folder / _FORMAT
        self.fingerprint = fingerprint
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
        try:
            with open(self._file(key), "rb") as handle:
                value = pickle.load(handle)
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError, ValueError):
            return None
        self.memory[key] = value
        self.hits += 1
        return value

    def put(self, key: str, value: Any) -> None:
        self.memory[key] = value
        file = self._file(key)
        try:
            file.parent.mkdir(parents=True, exist_ok=True)
            self._mark_folder()
            handle, temporary = tempfile.mkstemp(dir=file.parent, prefix=".tmp-")
            with os.fdopen(handle, "wb") as out:
                pickle.dump(value, out, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, file)
        except OSError:
            pass  # a cache that cannot be written only costs time

    def _mark_folder(self) -> None:
        ignore = self.folder.parent / ".gitignore"
        if not ignore.exists():
            ignore.write_text("# Written by qa-lint: its result cache.\n*\n", encoding="utf-8")
