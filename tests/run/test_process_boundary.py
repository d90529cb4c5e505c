"""Everything that crosses a process boundary survives pickle: worker hand-overs and cache entries.

Two generic checks: every exception class qa-lint defines, built from its own
signature, round-trips with its state; and a lint of a tree holding every
kind of input problem and finding, with each batch and each result sent
through pickle as workers do, gives the same report as a lint in process,
while every qa-lint object seen on the way round-trips on its own.
"""

from __future__ import annotations

import dataclasses
import importlib
import inspect
import io
import os
import pickle
import pkgutil
import shutil
from pathlib import Path

import pytest

import qa_lint
from conftest import EXAMPLES, run_cli, write
from qa_lint.run import linter as run_linter
from qa_lint.config import SettingsResolver
from qa_lint.run.linter import Linter
from qa_lint.registry import Registry


def _modules():
    for info in pkgutil.walk_packages(qa_lint.__path__, "qa_lint."):
        if info.name.endswith("__main__"):
            continue
        yield importlib.import_module(info.name)


def _exception_classes() -> list[type[BaseException]]:
    found = {
        cls
        for module in _modules()
        for _, cls in inspect.getmembers(module, inspect.isclass)
        if issubclass(cls, BaseException) and cls.__module__.startswith("qa_lint")
    }
    return sorted(found, key=lambda cls: f"{cls.__module__}.{cls.__qualname__}")


def _placeholder(parameter: inspect.Parameter, index: int):
    annotation = str(parameter.annotation)
    if "int" in annotation:
        return 40 + index
    return f"value {index} of {parameter.name}"


def _build(cls: type[BaseException]) -> BaseException:
    parameters = [
        p for p in inspect.signature(cls.__init__).parameters.values()
        if p.name != "self" and p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
    ]
    # Every parameter, optional ones too, with a value unlike its default: a lost one shows.
    if not parameters:  # Exception's own (*args)
        return cls("a message")
    return cls(*(_placeholder(p, i) for i, p in enumerate(parameters)))


def _state(value):
    """What an object holds, compared after a round trip (exceptions have no `==`)."""
    if isinstance(value, BaseException):
        return (type(value), value.args, str(value), sorted(vars(value).items()))
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return (type(value), tuple(_state(getattr(value, f.name)) for f in dataclasses.fields(value)))
    if callable(value):  # the report's text reader: a closure over this run, never sent anywhere
        return callable
    if isinstance(value, (list, tuple)):
        return (type(value), tuple(_state(v) for v in value))
    if isinstance(value, dict):
        return (type(value), tuple((k, _state(v)) for k, v in value.items()))
    return value


def test_the_package_defines_the_exceptions_this_test_knows_of():
    names = {cls.__name__ for cls in _exception_classes()}
    assert {"InputProblem", "UsageError", "PackError", "FixError", "GlossaryError"} <= names


@pytest.mark.parametrize("cls", _exception_classes(), ids=lambda cls: cls.__qualname__)
def test_every_exception_round_trips_through_pickle(cls):
    error = _build(cls)
    for protocol in (2, pickle.HIGHEST_PROTOCOL):
        again = pickle.loads(pickle.dumps(error, protocol=protocol))
        assert _state(again) == _state(error)


class _RecordingPickler(pickle.Pickler):
    """A pickler that notes one object of each qa-lint type it writes."""

    def __init__(self, stream, seen: dict[type, object]) -> None:
        super().__init__(stream, protocol=pickle.HIGHEST_PROTOCOL)
        self.seen = seen

    def reducer_override(self, obj):
        if type(obj).__module__.startswith("qa_lint") and not isinstance(obj, type):
            self.seen.setdefault(type(obj), obj)
        return NotImplemented


def _through_pickle(value, seen: dict[type, object]):
    stream = io.BytesIO()
    _RecordingPickler(stream, seen).dump(value)
    return pickle.loads(stream.getvalue())


def every_problem_tree(root: Path) -> None:
    """Articles with findings of every kind, and one file for each way reading can fail."""
    shutil.copytree(EXAMPLES, root, dirs_exist_ok=True)
    (root / "qa-lint.toml").write_text(
        "max-file-size = 4000\n" + (EXAMPLES / "qa-lint.toml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    write(root / "de" / "big.txt", "Der Präsident besuchte die Hauptstadt.\n" * 200)  # F005
    write(root / "de" / "latin1.txt", "Caf\xe9\n".encode("latin-1"))  # F002
    write(root / "de" / "binary.txt", b"\x00\x01abc")  # F003
    write(root / "de" / "empty.txt", "")  # F004
    write(root / "de" / "good.txt", "Comment (0)\nLa Chine et le Vietnam.\n")
    if os.name == "posix":
        (root / "de" / "loop.txt").symlink_to("loop.txt")  # F001
        os.mkfifo(root / "de" / "pipe.txt")  # F001


def test_a_lint_through_pickle_gives_the_same_report(tmp_path, monkeypatch):
    every_problem_tree(tmp_path)
    monkeypatch.chdir(tmp_path)

    def linter():
        return Linter(Registry(load_entry_points=False), SettingsResolver({}), tmp_path)

    direct = linter().lint_paths(["."])
    seen: dict[type, object] = {}

    def in_pickling_workers(parent, work, planned):
        run_linter._WORKER = linter()  # what a spawned worker builds
        try:
            for files in work:
                for result in run_linter._lint_batch(_through_pickle([files], seen)):
                    yield _through_pickle(result, seen)
        finally:
            run_linter._WORKER = None

    monkeypatch.setattr(run_linter, "_in_workers", in_pickling_workers)
    monkeypatch.setattr(run_linter, "PARALLEL_MIN_BYTES", 0)
    crossed = Linter(Registry(load_entry_points=False), SettingsResolver({}), tmp_path, jobs=2).lint_paths(["."])

    assert _state(crossed) == _state(direct)
    assert {f.code for f in direct.findings} >= {"F002", "F003", "F004", "F005", "B001"}
    names = {cls.__name__ for cls in seen}
    assert {"Target", "Settings", "InputProblem", "UnitResult", "Finding", "Position", "RunItem"} <= names
    for value in seen.values():
        assert _state(pickle.loads(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))) == _state(value), value


def test_read_problems_beside_big_groups_in_real_workers(tmp_path):
    """The pool with default jobs, a group over the size where workers start, and bad files beside it."""
    write(tmp_path / "fr" / "a.txt", "Le président a visité la capitale.\n" * 12000)
    write(tmp_path / "fr" / "b.txt", "Le ministre a visité la ville.\nComment (0)\n" * 6000)
    write(tmp_path / "fr" / "c.txt", "Comment (0)\n")
    (tmp_path / "qa-lint.toml").write_text("max-file-size = 450000\n", encoding="utf-8")
    write(tmp_path / "fr" / "big.txt", "a" * 450_001)
    if os.name == "posix":
        os.mkfifo(tmp_path / "fr" / "pipe.txt")
        (tmp_path / "fr" / "loop.txt").symlink_to("loop.txt")
    result = run_cli("check", "--no-cache", "--format", "concise", "--select", "B001,F", ".", cwd=tmp_path,
                     env={"QA_LINT_PARALLEL_MIN_BYTES": "512000"})
    assert "Traceback" not in result.stderr and result.code == 2, result.stderr
    assert "fr/big.txt:1:1: F005" in result.stdout
    assert "fr/c.txt:1:1: B001" in result.stdout
    assert result.stdout.count("fr/b.txt:") == 6000
