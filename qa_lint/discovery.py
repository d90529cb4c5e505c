"""Finding the files to lint under the paths a user names.

Walking a folder skips version-control and tool folders, virtual
environments, what `.gitignore` files ignore, and the config's `exclude`;
it keeps what matches `include`. A file named explicitly is always linted.
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

from .config import Settings
from .files import exists
from .gitignore import GitIgnore
from .selection import path_matches

# Folders never walked into (names, at any depth).
SKIPPED_FOLDERS = frozenset({
    ".git", ".hg", ".svn", ".bzr", ".jj", ".tox", ".nox", ".venv", "venv", ".direnv",
    "__pycache__", ".mypy_cache", ".pytest_cache", ".ruff_cache", ".qa-lint-cache",
    "node_modules", "site-packages", "__pypackages__", ".eggs", ".idea", ".vscode",
})


@dataclass(frozen=True, slots=True)
class Target:
    file: Path  # absolute, symlinks not resolved
    display: str  # what the user sees: relative to the working folder where possible
    explicit: bool  # named on the command line
    relative: str | None = None  # under its settings' root, when the walk worked it out


@dataclass(frozen=True, slots=True)
class MissingPath:
    display: str
    reason: str


def display_path(path: Path, cwd: Path) -> str:
    text, folder = os.fspath(path), os.fspath(cwd)
    if text == folder:
        return "."
    prefix = folder if folder.endswith(os.sep) else folder + os.sep
    if text.startswith(prefix):  # a string prefix, not Path.relative_to: called for every file
        return text[len(prefix) :].replace(os.sep, "/")
    return path.as_posix()


def relative_to_root(file: Path, settings: Settings) -> str:
    """`file`'s path under the config's root (where globs start), symbolic links resolved; else its name."""
    real = _realpath(os.fspath(file))
    root = os.fspath(settings.root)
    prefix = root if root.endswith(os.sep) else root + os.sep
    if real.startswith(prefix):
        return real[len(prefix) :].replace(os.sep, "/")
    return file.name


def _realpath(path: str) -> str:
    # realpath, not Path.resolve: a symbolic-link loop must not end the run (Python 3.11 raises).
    # A file's folder is resolved once for all its files (an archive holds thousands per folder).
    if os.path.islink(path):
        return os.path.realpath(path)
    folder, name = os.path.split(path)
    return os.path.join(_real_folder(folder), name)


@functools.lru_cache(maxsize=4096)
def _real_folder(folder: str) -> str:
    return os.path.realpath(folder)


def is_excluded(file: Path, settings: Settings, relative: str | None = None) -> bool:
    relative = relative or relative_to_root(file, settings)
    return any(path_matches(g, relative) for g in settings.exclude + settings.extend_exclude)


def is_included(file: Path, settings: Settings, relative: str | None = None) -> bool:
    relative = relative or relative_to_root(file, settings)
    return any(path_matches(g, relative) for g in settings.include)


def discover(
    paths: list[str], settings_for: Callable[[Path], Settings], cwd: Path
) -> tuple[list[Target], list[MissingPath]]:
    _real_folder.cache_clear()  # folders and links may have changed since an earlier run in this process
    targets: dict[Path, Target] = {}
    missing: list[MissingPath] = []
    gitignore = GitIgnore()
    for given in paths:
        path = Path(os.path.normpath(cwd / given))
        if not os.path.lexists(path):
            missing.append(MissingPath(Path(given).as_posix(), "no such file or folder"))
        elif path.is_dir():
            unreadable: list[OSError] = []
            for file, relative in _walk(path, settings_for, gitignore, unreadable.append):
                targets.setdefault(file, Target(file, display_path(file, cwd), False, relative))
            for error in unreadable:  # reported as F001, so the run says some files were not linted
                where = display_path(Path(error.filename), cwd) if error.filename else Path(given).as_posix()
                missing.append(MissingPath(where, f"cannot read the folder: {error.strerror or error}"))
        else:
            targets[path] = Target(path, display_path(path, cwd), True)
    return sorted(targets.values(), key=lambda t: t.display), missing


def _walk(
    top: Path, settings_for: Callable[[Path], Settings], gitignore: GitIgnore, onerror: Callable[[OSError], None]
) -> Iterator[tuple[Path, str]]:
    for folder, subfolders, files in os.walk(top, onerror=onerror):
        here = Path(folder)
        settings = settings_for(here)
        kept = []
        for name in sorted(subfolders):
            sub = here / name
            if name in SKIPPED_FOLDERS or exists(sub / "pyvenv.cfg"):
                continue
            if is_excluded(sub, settings) or (settings.respect_gitignore and gitignore.ignored(sub, True)):
                continue
            kept.append(name)
        subfolders[:] = kept
        # What every file of the folder shares, worked out once (an archive holds thousands per folder).
        real_here, root = _real_folder(folder), os.fspath(settings.root)
        root_prefix = root if root.endswith(os.sep) else root + os.sep
        ignores = gitignore.chain(here) if settings.respect_gitignore else []
        for name in sorted(files):
            path = os.path.join(folder, name)
            # relative_to_root, with the folder resolved once: only a link is resolved on its own
            real = os.path.realpath(path) if os.path.islink(path) else os.path.join(real_here, name)
            relative = real[len(root_prefix) :].replace(os.sep, "/") if real.startswith(root_prefix) else name
            if not _matches_any(settings.include, relative) or _matches_any(settings.exclude + settings.extend_exclude, relative):
                continue
            file = here / name
            if ignores and gitignore.ignored_by(ignores, file, False):
                continue
            yield file, relative


def _matches_any(globs: tuple[str, ...], relative: str) -> bool:
    return any(path_matches(glob, relative) for glob in globs)
