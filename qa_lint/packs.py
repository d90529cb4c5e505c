"""Loading rule packs: folders of TOML files, each holding `[[rule]]` tables.

Files whose name starts with `_` hold shared language data (e.g.
`rules/names/_language-data.toml`) and are skipped. A pack file looks like
this (see `rules/` for real ones):

    [[rule]]
    code = "B001"
    name = "comment-counter"
    category = "boilerplate"
    type = "pattern"          # the check type, see qa_lint/checktypes/
    message = "..."
    what = "..."              # docs shown by `qa-lint explain`
    why = "..."
    patterns = ['...']
    [[rule.examples]]
    text = "Comment (0)"
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Iterable

from .checktypes.base import PackError, PackRule, RuleData

# Where the wheel puts the top-level `rules/` folder; a source checkout
# (editable install) has no copy there and reads `rules/` itself.
_INSTALLED_PACKS = Path(__file__).with_name("packs")
_SOURCE_PACKS = Path(__file__).resolve().parent.parent / "rules"


def builtin_pack_dir() -> Path:
    return _INSTALLED_PACKS if _INSTALLED_PACKS.is_dir() else _SOURCE_PACKS


def load_packs(folders: Iterable[Path], check_types: dict[str, type[PackRule]], prepare: bool = True) -> list[PackRule]:
    """The rules of every pack file in `folders`; `prepare=False` defers compiling to first use (built-in packs)."""
    rules: list[PackRule] = []
    for folder in folders:
        if not folder.is_dir():
            raise PackError(f"{folder}: rule pack folder not found")
        for file in sorted(folder.rglob("*.toml")):
            if file.name.startswith("_"):
                continue  # shared language data for check types and rules, not a pack
            label = file.relative_to(folder.parent).as_posix()
            rules.extend(load_pack_file(file, check_types, label=label, prepare=prepare))
    return rules


# Built-in pack files as parsed, by path, with the size and time they were read at: the registry
# and code reading a family's word lists (the language family reads the boilerplate labels)
# parse each once a process. Callers only read them; plugins' packs are not kept.
_BUILTIN_PARSED: dict[Path, tuple[tuple[int, int], dict]] = {}


def pack_tables(file: Path, label: str | None = None) -> list[dict]:
    """The `[[rule]]` tables of one pack file, as TOML gives them (not to be changed: they may be shared)."""
    label = label or str(file)
    try:
        document = _parse(file)
    except (OSError, UnicodeDecodeError) as error:
        raise PackError(f"{label}: cannot read rule pack: {error}") from None
    except tomllib.TOMLDecodeError as error:
        raise PackError(f"{label}: invalid TOML: {error}") from None
    unknown = sorted(set(document) - {"rule"})
    if unknown:
        raise PackError(f"{label}: unknown top-level key `{unknown[0]}` (a pack holds `[[rule]]` tables)")
    tables = document.get("rule", [])
    if not isinstance(tables, list) or not tables:
        raise PackError(f"{label}: no `[[rule]]` tables")
    return tables


def _parse(file: Path) -> dict:
    if not file.is_relative_to(builtin_pack_dir()):
        return tomllib.loads(file.read_text(encoding="utf-8-sig"))  # a BOM (Windows editors) is not a TOML error
    status = file.stat()
    version = (status.st_mtime_ns, status.st_size)
    kept = _BUILTIN_PARSED.get(file)
    if kept is None or kept[0] != version:
        kept = _BUILTIN_PARSED[file] = (version, tomllib.loads(file.read_text(encoding="utf-8-sig")))
    return kept[1]


def builtin_family_tables(family: str) -> list[dict]:
    """The `[[rule]]` tables of one family of the built-in packs (`rules/<family>/`), file by file:
    for code that reads a family's data (its word lists) without running its rules."""
    folder = builtin_pack_dir() / family
    return [
        table
        for file in sorted(folder.glob("*.toml"))
        if not file.name.startswith("_")
        for table in pack_tables(file, file.relative_to(folder.parent).as_posix())
    ]


def load_pack_file(file: Path, check_types: dict[str, type[PackRule]], label: str | None = None,
                   prepare: bool = True) -> list[PackRule]:
    """The rules of one pack file; `label` is how messages and `explain` name it."""
    label = label or str(file)
    tables = pack_tables(file, label)
    rules = []
    for number, table in enumerate(tables, start=1):
        data = RuleData(table, f"{label}: rule {table.get('code') or f'#{number}'}")
        type_name = data.take("type", str)
        check_type = check_types.get(type_name)
        if check_type is None:
            known = ", ".join(sorted(check_types))
            raise data.fail(f"unknown check type {type_name!r} (known: {known})")
        # Only built-in check types are asked to wait (built-in packs use no other): a plugin's
        # check type keeps the constructor it was written against.
        rules.append(check_type(data, origin=label) if prepare else check_type(data, origin=label, prepare=False))
    return rules
