"""A run does not hold every file's bytes until the end: each group's files are read again when it is linted."""

from __future__ import annotations

import os

import pytest

from qa_lint.config import SettingsResolver
from qa_lint.registry import Registry
from qa_lint.run import linter as linter_module
from qa_lint.run.linter import Linter
from qa_lint.run.sources import Sources
from qa_lint.run.workers import IN_FLIGHT_PER_WORKER, map_in_workers

from conftest import write


def _archive(root, groups: int = 4):
    for n in range(groups):
        write(root / "fr" / f"{n}.txt", f"Article {n}. Kim Jong-un a parlé.\nComment (0)\n")
        write(root / "de" / f"{n}.txt", f"Artikel {n}. Kim Jong-un sprach.\n")


def _linter(root, **options) -> Linter:
    return Linter(Registry(load_entry_points=False), SettingsResolver({}), root, **options)


def test_a_group_is_read_when_it_is_linted_not_all_before(tmp_path, monkeypatch):
    _archive(tmp_path)
    monkeypatch.chdir(tmp_path)
    events: list[tuple[str, str]] = []
    read, lint_unit = Sources.read, Linter.lint_unit

    def reading(self, job):
        events.append(("read", job.target.display))
        return read(self, job)

    def linting(self, files):
        events.append(("lint", files[0][0].display))
        return lint_unit(self, files)

    monkeypatch.setattr(Sources, "read", reading)
    monkeypatch.setattr(Linter, "lint_unit", linting)
    report = _linter(tmp_path).lint_paths(["."])
    assert report.files_checked == 8
    linted = [path for kind, path in events if kind == "lint"]
    assert linted == ["de/0.txt", "de/1.txt", "de/2.txt", "de/3.txt"]
    # After the look-up reads, each group's two files are read again right before it is linted.
    tail = events[events.index(("read", "de/3.txt")) + 2:]
    assert tail == [event for n in range(4) for event in
                    (("read", f"de/{n}.txt"), ("read", f"fr/{n}.txt"), ("lint", f"de/{n}.txt"))]


def test_a_file_changed_after_the_look_up_is_cached_as_linted(tmp_path, monkeypatch):
    """The cache key is made of the bytes linted: the bytes of the look-up would get another file's findings."""
    _archive(tmp_path, groups=2)
    monkeypatch.chdir(tmp_path)
    cache = tmp_path / "cache"
    edited = (tmp_path / "fr" / "1.txt").resolve()
    read, reads = Sources.read, {}

    def editing(self, job):
        data = read(self, job)
        if job.target.file == edited:
            reads[edited] = reads.get(edited, 0) + 1
            if reads[edited] == 2:  # edited between the look-up and the lint
                edited.write_text("Article 1. Kim Jong-un a parlé.\n", encoding="utf-8")
                data = read(self, job)
        return data

    monkeypatch.setattr(Sources, "read", editing)
    first = _linter(tmp_path, cache_dir=cache).lint_paths(["."])
    assert ("fr/1.txt", "B001") not in {(f.path, f.code) for f in first.findings}
    monkeypatch.setattr(Sources, "read", read)
    fresh = _linter(tmp_path).lint_paths(["."])
    served = _linter(tmp_path, cache_dir=cache).lint_paths(["."])
    assert [f.fingerprint for f in served.findings] == [f.fingerprint for f in fresh.findings]
    # The content first looked up was never linted, so the cache does not claim to know it.
    write(edited, "Article 1. Kim Jong-un a parlé.\nComment (0)\n")
    again = _linter(tmp_path, cache_dir=cache).lint_paths(["."])
    assert ("fr/1.txt", "B001") in {(f.path, f.code) for f in again.findings}


def _noop() -> None:
    pass


@pytest.mark.skipif(not hasattr(os, "fork"), reason="fork start method")
def test_workers_take_batches_only_a_few_ahead():
    taken: list[int] = []

    def batches():
        for n in range(40):
            taken.append(n)
            yield [n]

    seen = []
    for result in map_in_workers(len, batches(), 2, _noop, (), len):
        seen.append((result, len(taken)))
    assert [result for result, _ in seen] == [1] * 40
    assert max(count - done for done, (_, count) in enumerate(seen)) <= IN_FLIGHT_PER_WORKER * 2


def test_workers_unavailable_lint_the_batches_left_here(monkeypatch, capsys):
    import multiprocessing

    def no_pool(*args, **kwargs):
        raise OSError(12, "Cannot allocate memory")

    monkeypatch.setattr(multiprocessing, "get_all_start_methods", no_pool)
    assert list(map_in_workers(len, iter([[1], [1, 2]]), 2, _noop, (), lambda batch: -len(batch))) == [-1, -2]
    assert "worker processes unavailable" in capsys.readouterr().err


def test_in_workers_is_handed_the_planned_groups(tmp_path, monkeypatch):
    _archive(tmp_path)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(linter_module, "PARALLEL_MIN_BYTES", 0)
    handed = []

    def in_process(parent, work, planned):
        handed.append([[job.target.display for job in unit] for unit in planned])
        for files in work:
            yield parent.lint_unit(files)

    monkeypatch.setattr(linter_module, "_in_workers", in_process)
    report = _linter(tmp_path, jobs=2).lint_paths(["."])
    assert report.files_checked == 8
    assert handed == [[[f"de/{n}.txt", f"fr/{n}.txt"] for n in range(4)]]
