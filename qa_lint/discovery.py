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
from .selection import globs_matcher

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
    return globs_matcher(settings.exclude + settings.extend_exclude)(relative)


def is_included(file: Path, settings: Settings, relative: str | None = None) -> bool:
    relative = relative or relative_to_root(file, settings)
    return globs_matcher(settings.include)(relative)


def discover(
    paths: list[str], settings_for: Callable[[Path], Settings], cwd: Path
) -> tuple[list[Target], list[MissingPath]]:
    _real_folder.cache_clear()  # folders and links may have changed since an earlier run in this process
    # Keyed by the path as a string: one-to-one with the Path (its canonical form), and hashed for free.
    targets: dict[str, Target] = {}
    missing: list[MissingPath] = []
    gitignore = GitIgnore()
    folder = os.fspath(cwd)
    cwd_prefix = folder if folder.endswith(os.sep) else folder + os.sep  # as display_path has it
    for given in paths:
        path = Path(os.path.normpath(cwd / given))
        if not os.path.lexists(path):
            missing.append(MissingPath(Path(given).as_posix(), "no such file or folder"))
        elif path.is_dir():
            unreadable: list[OSError] = []
            for text, file, relative in _walk(path, settings_for, gitignore, unreadable.append):
                if text not in targets:
                    # display_path, on the string: a walked file is under the folder walked
                    display = text[len(cwd_prefix) :].replace(os.sep, "/") if text.startswith(cwd_prefix) else None
                    targets[text] = Target(file, display if display else display_path(file, cwd), False, relative)
            for error in unreadable:  # reported as F001, so the run says some files were not linted
                where = display_path(Path(error.filename), cwd) if error.filename else Path(given).as_posix()
                missing.append(MissingPath(where, f"cannot read the folder: {error.strerror or error}"))
        else:
            targets[os.fspath(path)] = Target(path, display_path(path, cwd), True)
    return sorted(targets.values(), key=_by_display), missing


def _by_display(target: Target) -> str:
    return target.display


# A folder's child as a Path without parsing its name again (pathlib's own walk does this);
# `folder / name` where this Python's pathlib has no such helper. Names from a listing hold no separator.
_child = getattr(Path, "_make_child_relpath", None) or Path.joinpath


def _walk(
    top: Path, settings_for: Callable[[Path], Settings], gitignore: GitIgnore, onerror: Callable[[OSError], None]
) -> Iterator[tuple[str, Path, str]]:
    """(path as a string, as a Path, relative to its settings' root) of each file kept, as `os.walk` finds them."""
    for folder, here, subfolders, files in _listings(os.fspath(top), top, onerror):
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
        # What every file of the folder shares, worked out once (an archive holds thousands per folder):
        # relative_to_root with the folder resolved once, only a link resolved on its own.
        real_base, root = os.path.join(_real_folder(folder), ""), os.fspath(settings.root)
        root_prefix = root if root.endswith(os.sep) else root + os.sep
        # join(real folder, name) starts with the root's prefix exactly when the folder's part does (no name holds a separator)
        relative_base = real_base[len(root_prefix) :].replace(os.sep, "/") if real_base.startswith(root_prefix) else None
        ignores = gitignore.chain(here) if settings.respect_gitignore else []
        include = globs_matcher(settings.include)
        exclude = globs_matcher(settings.exclude + settings.extend_exclude)
        base = os.path.join(folder, "")
        for name in sorted(files):
            if files[name]:  # a link: resolved on its own
                real = os.path.realpath(base + name)
                relative = real[len(root_prefix) :].replace(os.sep, "/") if real.startswith(root_prefix) else name
            else:
                relative = name if relative_base is None else relative_base + name
            if not include(relative) or exclude(relative):
                continue
            file = _child(here, name)
            if ignores and gitignore.ignored_by(ignores, file, False):
                continue
            yield base + name, file, relative


def _listings(top: str, here: Path, onerror: Callable[[OSError], None]):
    """`os.walk(top, onerror=onerror)` (top-down, folder links listed but not followed), on `os.scandir`.

    Yields (folder, its Path, subfolder names the caller may prune, {file name: whether it is a link});
    the link test comes from the listing (`DirEntry.is_symlink`), not a `lstat` per file.
    """
    subfolders, files = [], {}
    try:
        listing = os.scandir(top)
    except OSError as error:
        onerror(error)
        return
    with listing:
        while True:
            try:
                try:
                    entry = next(listing)
                except StopIteration:
                    break
            except OSError as error:
                onerror(error)
                return
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                subfolders.append(entry.name)
            else:
                try:
                    files[entry.name] = entry.is_symlink()
                except OSError:
                    files[entry.name] = False
    yield top, here, subfolders, files
    for name in subfolders:
        path = os.path.join(top, name)
        if not os.path.islink(path):
            yield from _listings(path, here / name, onerror)
