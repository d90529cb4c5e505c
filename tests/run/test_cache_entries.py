"""A cache entry is served only when it is intact and holds a result; anything else is a miss, never an error.

Entries are tampered with on disk between two CLI runs: the second run must
give exactly what a run without the cache gives, promptly, without a
traceback. Writing never leaves temporary files behind, even on a full disk.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from pathlib import Path

import pytest

from conftest import run_cli, write
from qa_lint.run import cache as cache_module
from qa_lint.run.cache import ResultCache
from qa_lint.run.linter import UnitResult


def articles(root: Path) -> Path:
    for name in ("a", "b", "c"):
        write(root / "fr" / f"{name}.txt", f"Article {name}. Kim Jong-un a parlé.\nComment (0)\n")
    return root


def entries(root: Path) -> list[Path]:
    return sorted((root / ".qa-lint-cache").rglob("*.pickle"))


def entry(payload: bytes) -> bytes:
    """An entry as the cache writes one: marker, checksum, payload."""
    return cache_module._MARKER + hashlib.blake2b(payload, digest_size=cache_module._CHECKSUM_SIZE).digest() + payload


def _unit_with_bad_findings() -> bytes:
    return pickle.dumps(UnitResult(findings=[1, 2]))  # right class, wrong contents


TAMPERED = {
    "an int": lambda data: entry(pickle.dumps(3)),
    "a list": lambda data: entry(pickle.dumps([1, 2, 3])),
    "a result holding ints": lambda data: entry(_unit_with_bad_findings()),
    "MemoryError on unpickle": lambda data: entry(b"\x80\x05\x8e" + (2**62).to_bytes(8, "little")),
    "OverflowError on unpickle": lambda data: entry(b"\x80\x05\x8e" + (2**63 + 5).to_bytes(8, "little")),
    "truncated": lambda data: data[: len(data) // 2],
    "one byte changed": lambda data: data[:-10] + bytes([data[-10] ^ 1]) + data[-9:],
    "no marker (a bare pickle)": lambda data: data[len(cache_module._MARKER) + cache_module._CHECKSUM_SIZE :],
    "empty": lambda data: b"",
}


@pytest.mark.parametrize("case", TAMPERED)
def test_a_bad_entry_is_a_miss(tmp_path, case):
    articles(tmp_path)
    fresh = run_cli("check", "--format", "json", ".", cwd=tmp_path)
    assert fresh.code == 1 and len(entries(tmp_path)) == 3
    for file in entries(tmp_path):
        file.write_bytes(TAMPERED[case](file.read_bytes()))
    again = run_cli("check", "--format", "json", ".", cwd=tmp_path)
    assert (again.code, again.stdout, again.stderr) == (fresh.code, fresh.stdout, fresh.stderr)
    # The misses were linted and written back as good entries.
    assert run_cli("check", "--format", "json", ".", cwd=tmp_path).stdout == fresh.stdout
    assert all(file.read_bytes().startswith(cache_module._MARKER) for file in entries(tmp_path))


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs")
def test_a_fifo_where_an_entry_should_be_is_not_opened(tmp_path):
    articles(tmp_path)
    fresh = run_cli("check", "--format", "json", ".", cwd=tmp_path)
    for file in entries(tmp_path):
        file.unlink()
        os.mkfifo(file)  # reading one would block forever
    again = run_cli("check", "--format", "json", ".", cwd=tmp_path)
    assert (again.code, again.stdout, again.stderr) == (fresh.code, fresh.stdout, fresh.stderr)


def test_every_entry_check_in_process(tmp_path):
    store = ResultCache(tmp_path, "fingerprint", UnitResult.well_formed)
    good = UnitResult(files_checked=1)
    store.put("k" * 40, good)
    assert ResultCache(tmp_path, "fingerprint", UnitResult.well_formed).get("k" * 40) == good
    file = store._file("k" * 40)
    original = file.read_bytes()
    for case, tamper in TAMPERED.items():
        file.write_bytes(tamper(original))
        assert ResultCache(tmp_path, "fingerprint", UnitResult.well_formed).get("k" * 40) is None, case
    file.unlink()
    file.symlink_to(tmp_path / "elsewhere.pickle")  # entries are never links
    (tmp_path / "elsewhere.pickle").write_bytes(original)
    assert ResultCache(tmp_path, "fingerprint", UnitResult.well_formed).get("k" * 40) is None


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="/dev/full stands for a full disk")
def test_a_full_disk_leaves_no_temporary_file(tmp_path, monkeypatch):
    real_mkstemp = tempfile.mkstemp

    def mkstemp_on_a_full_disk(*args, **kwargs):
        handle, path = real_mkstemp(*args, **kwargs)
        os.close(handle)
        return os.open("/dev/full", os.O_WRONLY), path  # every write: ENOSPC

    store = ResultCache(tmp_path, "fingerprint", UnitResult.well_formed)
    monkeypatch.setattr(tempfile, "mkstemp", mkstemp_on_a_full_disk)
    store.put("k" * 40, UnitResult(files_checked=1, internal_errors=["x" * 100_000]))
    monkeypatch.undo()
    left = [p.name for p in tmp_path.rglob("*") if p.is_file()]
    assert left == [], left
    assert ResultCache(tmp_path, "fingerprint", UnitResult.well_formed).get("k" * 40) is None


if sys.platform == "win32":  # pragma: no cover
    pytestmark = pytest.mark.skip("POSIX file types")
