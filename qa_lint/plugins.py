"""The plugin manager: built-ins are ordinary plugins, third parties come from entry points."""

from __future__ import annotations

import importlib
import os
import sys
from importlib.machinery import PathFinder

import pluggy

from . import hookspecs
from .errors import Terminated, UsageError

hookimpl = pluggy.HookimplMarker("qa_lint")

# Modules that implement qa-lint's hooks for what ships with it.
DEFAULT_PLUGINS = (
    "qa_lint.builtin_rules.plugin",
    "qa_lint.checktypes.plugin",
    "qa_lint.formats.plugin",
)

ENTRY_POINT_GROUP = "qa_lint"


def plugin_manager(load_entry_points: bool = True) -> pluggy.PluginManager:
    manager = pluggy.PluginManager("qa_lint")
    manager.add_hookspecs(hookspecs)
    for name in DEFAULT_PLUGINS:
        manager.register(importlib.import_module(name), name=name)
    if load_entry_points:
        _load_entry_points(manager)
    return manager


def _load_entry_points(manager: pluggy.PluginManager) -> None:
    """Load third-party plugins, failing fast with the plugin's name when one is broken.

    A broken plugin stops the run (exit 2) rather than being skipped: a CI step
    that silently lost a house-style plugin would pass text it should fail.
    """
    if not _may_declare_entry_points():
        return
    from importlib.metadata import entry_points

    for entry_point in entry_points(group=ENTRY_POINT_GROUP):
        if manager.get_plugin(entry_point.name) is not None:
            continue
        try:
            plugin = entry_point.load()
        except (KeyboardInterrupt, Terminated):
            raise
        except BaseException as error:  # noqa: BLE001 - any failure of foreign code, SystemExit(0) too
            raise UsageError(
                f"plugin {entry_point.name!r} ({entry_point.value}) failed to load: {describe(error)}"
            ) from None
        manager.register(plugin, name=entry_point.name)


def _may_declare_entry_points() -> bool:
    """Whether an installed distribution may declare a `qa_lint` entry point, read without importlib.metadata.

    Importing importlib.metadata and reading every distribution's metadata cost a fifth of a
    one-file run's start-up, and most installs have no plugin. The folders on `sys.path` are
    looked through as importlib.metadata looks through them (`*.dist-info` and `*.egg-info`
    entries, an `.egg` folder's `EGG-INFO`); what this cannot read as cheaply (a zip on the
    path, a finder of distributions besides the standard one) answers yes: the full query decides.
    """
    if any(hasattr(finder, "find_distributions") and finder is not PathFinder for finder in sys.meta_path):
        return True
    for entry in sys.path:
        folder = entry or "."
        try:
            names = os.listdir(folder)
        except NotADirectoryError:
            return True  # a zip or egg file: importlib.metadata reads inside it
        except OSError:
            continue  # a missing folder holds no distribution
        is_egg = os.path.basename(folder).lower().endswith(".egg")
        for name in names:
            low = name.lower()
            if low.endswith((".dist-info", ".egg-info")) or (is_egg and low == "egg-info"):
                if _declares_group(os.path.join(folder, name, "entry_points.txt")):
                    return True
    return False


def _declares_group(file: str) -> bool:
    """Whether an `entry_points.txt` has a `[qa_lint]` section, read as importlib.metadata reads it."""
    try:
        with open(file, encoding="utf-8", errors="replace") as lines:
            for line in lines:
                line = line.strip()
                if line.startswith("[") and line.endswith("]") and line.strip("[]") == ENTRY_POINT_GROUP:
                    return True
    except OSError:
        pass  # no entry points declared there (or an `.egg-info` file, which holds none)
    return False


def describe(error: BaseException) -> str:
    """`SystemExit: 0`, `RuntimeError: the message`: the error's class always, its text when it has one."""
    text = str(error)
    return f"{type(error).__name__}: {text}" if text else type(error).__name__
