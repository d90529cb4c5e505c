"""The plugin manager: built-ins are ordinary plugins, third parties come from entry points."""

from __future__ import annotations

import importlib

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


def describe(error: BaseException) -> str:
    """`SystemExit: 0`, `RuntimeError: the message`: the error's class always, its text when it has one."""
    text = str(error)
    return f"{type(error).__name__}: {text}" if text else type(error).__name__
