"""Configuration: `[tool.qa-lint]` in pyproject.toml, or `qa-lint.toml` / `.qa-lint.toml`.

The file closest to a linted path wins (no merging between files, as in ruff);
command-line options override it. Paths and globs in a file are relative to
the folder that holds it.
"""

from __future__ import annotations

import difflib
import functools
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .errors import UsageError
from .files import NotReadable, file_kind, read_regular_file
from .languages import normalize_tag
from .model import Severity

# Searched in each folder in this order; pyproject.toml counts only with a [tool.qa-lint] table.
CONFIG_NAMES = (".qa-lint.toml", "qa-lint.toml", "pyproject.toml")

DEFAULT_INCLUDE = ("*.txt", "*.md")
DEFAULT_MAX_FILE_SIZE = 10_000_000


@dataclass(frozen=True)
class Settings:
    root: Path  # the folder globs are relative to
    file: Path | None = None  # the config file these came from, if any
    select: tuple[str, ...] = ("ALL",)
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # Primary language subtag -> selectors turned off for documents in it.
    per_language_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # Rule code -> that rule's own settings (`[rule-options.S004]`); each rule documents its keys.
    rule_options: tuple[tuple[str, dict], ...] = ()
    severity: tuple[tuple[str, Severity], ...] = ()
    language_map: tuple[tuple[str, str], ...] = ()
    lang: str | None = None  # forced by --lang
    source_language: str | None = None
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = ()
    extend_exclude: tuple[str, ...] = ()
    rule_packs: tuple[Path, ...] = ()
    fail_on: Severity = Severity.WARNING
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    encoding: str = "utf-8"
    respect_gitignore: bool = True
    require_files: bool = False  # a run that finds no file to check is an error (exit 2), not a warning
    cache_dir: Path | None = None  # the result cache; default `.qa-lint-cache` beside the config
    # Keys whose value came from the command line, so they beat every file.
    overridden: frozenset[str] = field(default=frozenset(), compare=False)

    @property
    def where(self) -> str:
        return str(self.file) if self.file else "command line"


def _strings(key: str, value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise UsageError(f"{where}: `{key}` must be a list of strings")
    return tuple(value)


def _parse_table(table: dict[str, Any], root: Path, where: str) -> dict[str, Any]:
    """Validate a `[tool.qa-lint]` table into Settings field values."""
    values: dict[str, Any] = {}
    for key, value in table.items():
        try:
            _parse_setting(key, value, root, where, values)
        except UsageError:
            raise
        except (TypeError, ValueError, AttributeError, LookupError, OverflowError, RecursionError) as error:
            # The one place a value of an unexpected shape ends up: name the setting, never a traceback.
            raise UsageError(f"{where}: `{key}`: invalid value ({error})") from None
    return values


def _parse_setting(key: str, value: Any, root: Path, where: str, values: dict[str, Any]) -> None:
    """Validate one setting into `values` (Settings field name -> value)."""
    if key in ("select", "extend-select", "ignore", "include", "exclude", "extend-exclude"):
        values[key.replace("-", "_")] = _strings(key, value, where)
    elif key == "per-file-ignores":
        if not isinstance(value, dict):
            raise UsageError(f"{where}: `per-file-ignores` must be a table of glob = [codes]")
        values["per_file_ignores"] = tuple(
            (glob, _strings(f"per-file-ignores.{glob!r}", codes, where)) for glob, codes in value.items()
        )
    elif key == "per-language-ignores":
        if not isinstance(value, dict):
            raise UsageError(f"{where}: `per-language-ignores` must be a table of language = [codes]")
        values["per_language_ignores"] = tuple(
            (_language(f"per-language-ignores.{lang!r}", lang, where).split("-")[0],
             _strings(f"per-language-ignores.{lang!r}", codes, where))
            for lang, codes in value.items()
        )
    elif key == "rule-options":
        if not isinstance(value, dict) or not all(isinstance(v, dict) for v in value.values()):
            raise UsageError(f"{where}: `rule-options` must hold one table per rule code ([rule-options.B007])")
        # Options named `...-file` are paths, relative to this config's folder.
        values["rule_options"] = tuple(
            (code, {k: str((root / v).resolve()) if k.endswith("-file") and isinstance(v, str) else v
                    for k, v in options.items()})
            for code, options in value.items()
        )
    elif key == "severity":
        if not isinstance(value, dict):
            raise UsageError(f"{where}: `severity` must be a table of code = \"error\"|\"warning\"|\"info\"")
        try:
            values["severity"] = tuple((code, Severity.parse(str(level))) for code, level in value.items())
        except ValueError as error:
            raise UsageError(f"{where}: `severity`: {error}") from None
    elif key == "language-map":
        if not isinstance(value, dict):
            raise UsageError(f"{where}: `language-map` must be a table of glob = \"language tag\"")
        values["language_map"] = tuple((glob, _language(f"language-map.{glob!r}", tag, where)) for glob, tag in value.items())
    elif key == "source-language":
        values["source_language"] = _language(key, value, where)
    elif key == "rule-packs":
        folders = tuple((root / folder).resolve() for folder in _strings(key, value, where))
        for given, folder in zip(value, folders, strict=True):
            if not folder.is_dir():
                raise UsageError(f"{where}: `rule-packs`: rule pack folder {given!r} not found ({folder})")
        values["rule_packs"] = folders
    elif key == "fail-on":
        try:
            values["fail_on"] = Severity.parse(str(value))
        except ValueError as error:
            raise UsageError(f"{where}: `fail-on`: {error}") from None
    elif key == "max-file-size":
        if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
            raise UsageError(f"{where}: `max-file-size` must be a positive number of bytes")
        values["max_file_size"] = value
    elif key == "encoding":
        if not isinstance(value, str):
            raise UsageError(f"{where}: `encoding` must be a string such as \"utf-8\"")
        values["encoding"] = text_encoding(value, f"{where}: `encoding`")
    elif key == "cache-dir":
        if not isinstance(value, str):
            raise UsageError(f"{where}: `cache-dir` must be a folder path")
        values["cache_dir"] = (root / value).resolve()
    elif key in ("respect-gitignore", "require-files"):
        if not isinstance(value, bool):
            raise UsageError(f"{where}: `{key}` must be true or false")
        values[key.replace("-", "_")] = value
    else:
        close = difflib.get_close_matches(key, KNOWN_KEYS, n=1)
        hint = f" (did you mean `{close[0]}`?)" if close else ""
        raise UsageError(f"{where}: unknown setting `{key}`{hint}")


KNOWN_KEYS = (
    "select", "extend-select", "ignore", "per-file-ignores", "per-language-ignores", "rule-options",
    "severity", "language-map",
    "source-language", "include", "exclude", "extend-exclude", "rule-packs", "fail-on",
    "max-file-size", "encoding", "respect-gitignore", "cache-dir", "require-files",
)


def _language(key: str, value: Any, where: str) -> str:
    tag = normalize_tag(value, strict=False) if isinstance(value, str) else None
    if tag is None:
        raise UsageError(f"{where}: `{key}`: {value!r} is not a language tag (try e.g. \"fa\", \"fr-CA\", \"vie\")")
    return tag


# Text codecs in name only: they encode host names (idna rejects labels over 63 characters).
_NOT_FOR_TEXT = frozenset({"idna", "punycode"})


def text_encoding(name: str, where: str) -> str:
    """`name` if it is a text encoding; base64, rot13, zlib, hex and the like turn bytes into bytes."""
    import codecs

    try:
        info = codecs.lookup(name)
    except LookupError:
        raise UsageError(f"{where}: unknown encoding {name!r}") from None
    if not getattr(info, "_is_text_encoding", True) or info.name in _NOT_FOR_TEXT:
        raise UsageError(f"{where}: {name!r} is not a text encoding (try \"utf-8\", \"cp1256\", \"latin-1\")")
    return name


def read_toml(path: Path, what: str) -> dict[str, Any]:
    """A TOML document from a regular file; UsageError `PATH: what ...` on any failure."""
    try:
        # A BOM (Windows editors) is not a TOML error.
        return tomllib.loads(read_regular_file(path).decode("utf-8-sig"))
    except NotReadable as error:
        raise UsageError(f"{path}: cannot read {what}: {error}") from None
    except UnicodeDecodeError:
        raise UsageError(f"{path}: {what} is not valid UTF-8") from None
    except tomllib.TOMLDecodeError as error:
        raise UsageError(f"{path}: invalid TOML: {error}") from None
    except RecursionError:
        raise UsageError(f"{path}: invalid TOML: nested too deeply") from None


def load_file(path: Path) -> Settings | None:
    """Settings from one file; None for a pyproject.toml without [tool.qa-lint]."""
    document = read_toml(path, "configuration")
    if path.name == "pyproject.toml":
        tool = document.get("tool", {})
        if not isinstance(tool, dict):
            raise UsageError(f"{path}: `tool` must be a table ([tool.qa-lint])")
        if "qa-lint" not in tool:
            return None
        table, where = tool["qa-lint"], f"{path}: [tool.qa-lint]"
    else:
        table, where = document, str(path)
    if not isinstance(table, dict):
        raise UsageError(f"{where}: must be a table")
    root = path.parent.resolve()
    return Settings(root=root, file=path, **_parse_table(table, root, where))


@functools.lru_cache(maxsize=None)
def find_config(folder: Path) -> Path | None:
    """The closest configuration file at or above `folder`."""
    for candidate_folder in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            candidate = candidate_folder / name
            kind = file_kind(candidate)
            if kind == "other":  # a FIFO would block the run; a device is no configuration
                raise UsageError(f"{candidate}: cannot read configuration: not a regular file (a FIFO, socket or device)")
            if kind == "file" and (name != "pyproject.toml" or load_file(candidate) is not None):
                return candidate
    return None


class SettingsResolver:
    """Settings for any folder: its closest config file, then the command line on top."""

    def __init__(self, overrides: dict[str, Any], config_file: Path | None = None) -> None:
        self.overrides = overrides
        self.config_file = config_file
        self.forced = self._load(config_file.resolve()) if config_file else None
        self._by_file: dict[Path | None, Settings] = {}
        self._by_folder: dict[Path, Settings] = {}  # every file of a folder asks: resolve it once

    @staticmethod
    def _load(path: Path) -> Settings:
        if file_kind(path) in (None, "folder"):
            raise UsageError(f"{path}: configuration file not found")
        return load_file(path) or Settings(root=path.parent, file=path)

    def for_folder(self, folder: Path) -> Settings:
        settings = self._by_folder.get(folder)
        if settings is None:
            path = None if self.forced else find_config(folder.resolve())
            if path not in self._by_file:
                base = self.forced or (self._load(path) if path else Settings(root=Path.cwd().resolve()))
                self._by_file[path] = self._apply_overrides(base)
            settings = self._by_folder[folder] = self._by_file[path]
        return settings

    def _apply_overrides(self, base: Settings) -> Settings:
        changes = dict(self.overrides)
        # Command-line --ignore/--extend-select add to the file's lists, as in ruff.
        if "ignore" in changes:
            changes["ignore"] = base.ignore + tuple(changes["ignore"])
        if "extend_select" in changes:
            changes["extend_select"] = base.extend_select + tuple(changes["extend_select"])
        return replace(base, overridden=frozenset(changes), **changes)

    def all_settings(self) -> list[Settings]:
        return list(self._by_file.values())
