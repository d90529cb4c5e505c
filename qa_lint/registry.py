"""Everything plugins contribute, collected once: rules, check types, formats."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from .checktypes.base import PackError, PackRule
from .errors import Terminated, UsageError
from .formats import Format
from .packs import builtin_pack_dir, load_packs
from .plugins import DEFAULT_PLUGINS, describe, plugin_manager
from .model import Category
from .rule import Rule

_CODE = re.compile(r"^[A-Z]{1,4}[0-9]{1,4}$")
_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class Registry:
    def __init__(self, load_entry_points: bool = True, manager=None) -> None:
        self.manager = manager or plugin_manager(load_entry_points)
        self.check_types = {}
        for plugin, batch in self._call("qa_lint_register_check_types"):
            for check_type in batch:
                _expect_class(plugin, "check type", check_type, PackRule)
                self.check_types[check_type.type_name] = check_type
        self.formats: dict[str, type[Format]] = {}
        for plugin, batch in self._call("qa_lint_register_formats"):
            for format_class in batch:
                _expect_class(plugin, "format", format_class, Format)
                self.formats[format_class.name] = format_class
        self.rules: dict[str, Rule] = {}
        # Rule code -> the extra pack folder it came from (None: always available).
        self.pack_folder: dict[str, Path | None] = {}
        for plugin, batch in self._call("qa_lint_register_rules"):
            for rule in batch:
                if not isinstance(rule, Rule):
                    raise UsageError(f"plugin {plugin!r} registered {rule!r}, which is not a qa_lint.rule.Rule")
                if plugin not in DEFAULT_PLUGINS and rule.origin == Rule.origin:
                    rule.origin = f"plugin {plugin}"
            self._add(batch, None)
        plugin_packs = [Path(folder) for _, batch in self._call("qa_lint_register_rule_packs") for folder in batch]
        builtin = builtin_pack_dir()
        shipped = self._load([f for f in plugin_packs if f == builtin], prepare=False)
        for rule in shipped:
            rule.time_limited = False  # proven linear by qa-lint's own tests; a timeout costs each match
        self._add(shipped, None)
        self._add(self._load([f for f in plugin_packs if f != builtin]), None)
        self._extra_loaded: set[Path] = set()

    def _call(self, hook_name: str) -> list[tuple[str, list]]:
        """Each plugin's answer to a hook, so that a failing plugin is named, not shown as a traceback."""
        answers = []
        for impl in reversed(getattr(self.manager.hook, hook_name).get_hookimpls()):
            try:
                answer = impl.function()
                if answer is None:
                    continue
                if isinstance(answer, (str, bytes)) or not isinstance(answer, Iterable):
                    raise UsageError(
                        f"plugin {impl.plugin_name!r} returned {type(answer).__name__} from {hook_name}; "
                        "a list was expected"
                    )
                answers.append((impl.plugin_name, list(answer)))
            except (KeyboardInterrupt, Terminated, UsageError):
                raise
            except BaseException as error:  # noqa: BLE001 - foreign code, SystemExit too
                raise UsageError(f"plugin {impl.plugin_name!r} failed in {hook_name}: {describe(error)}") from None
        return answers

    def _load(self, folders: Iterable[Path], prepare: bool = True):
        try:
            return load_packs(folders, self.check_types, prepare)
        except PackError as error:
            raise UsageError(f"malformed rule pack: {error}") from None

    def add_pack_folders(self, folders: Iterable[Path]) -> None:
        """Rule packs named in configuration; their rules apply where that config applies."""
        for folder in folders:
            if folder not in self._extra_loaded:
                self._extra_loaded.add(folder)
                self._add(self._load([folder]), folder)

    def extra_pack_folders(self) -> list[Path]:
        return sorted(self._extra_loaded)

    def _add(self, rules: Iterable[Rule], folder: Path | None) -> None:
        for rule in rules:
            where = getattr(rule, "origin", "a plugin")
            if not _CODE.match(rule.code or ""):
                raise UsageError(f"{where}: rule code {rule.code!r} must be 1-4 capital letters then 1-4 digits")
            if not _NAME.match(rule.name or ""):
                raise UsageError(f"{where}: rule {rule.code} name {rule.name!r} must be kebab-case")
            if not isinstance(rule.category, Category):
                try:
                    rule.category = Category(rule.category)  # a plugin may name its category as a plain string
                except ValueError as error:
                    raise UsageError(f"{where}: rule {rule.code} category: {error}") from None
            if rule.code in self.rules:
                other = self.rules[rule.code]
                raise UsageError(
                    f"{where}: rule code {rule.code} is already used by {other.name!r} ({other.origin})"
                )
            self.rules[rule.code] = rule
            self.pack_folder[rule.code] = folder

    def sorted_rules(self) -> list[Rule]:
        return [self.rules[code] for code in sorted(self.rules, key=_code_key)]

    def get(self, code: str) -> Rule:
        rule = self.rules.get(code.upper())
        if rule is None:
            by_name = {r.name: r for r in self.rules.values()}
            rule = by_name.get(code.lower())
        if rule is None:
            raise UsageError(f"unknown rule {code!r} (see `qa-lint rules`)")
        return rule


def _expect_class(plugin: str, what: str, value, base: type) -> None:
    if not (isinstance(value, type) and issubclass(value, base)):
        raise UsageError(
            f"plugin {plugin!r} registered {value!r} as a {what}, which is not a subclass of "
            f"{base.__module__}.{base.__qualname__}"
        )


def _code_key(code: str) -> tuple[str, int]:
    letters = code.rstrip("0123456789")
    return letters, int(code[len(letters) :])
