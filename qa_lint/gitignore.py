"""`.gitignore` files: git's rules, matched in time linear in the path, a bad line skipped with a warning.

`pathspec` turns each line into a regular expression exactly as git reads it
(negation, anchoring, `**`). On a backtracking engine a pattern such as
`*a*a*a*a*a*a*b` takes time growing as a name's length to the power of its
stars (hours for a 255-character name), so the expressions run on RE2
(`google-re2`), which never backtracks. A line git would reject or that
does not compile (`[z-a]`) is skipped with one warning naming the file and
line; the file's other patterns still apply, as in git.
"""

from __future__ import annotations

import functools
import sys
from pathlib import Path

from .files import NotReadable, exists, is_file, read_regular_file

# Without RE2, time grows as len(name) ** stars: with three, a 255-character name takes 3 ms (four: 0.2 s).
_MAX_STARS_WITHOUT_RE2 = 3
# Warnings already printed in this process: `--fix` walks the tree once per pass.
_warned: set[tuple[str, int]] = set()


def warn(file: Path, number: int, message: str) -> None:
    if (str(file), number) not in _warned:
        _warned.add((str(file), number))
        sys.stderr.write(f"qa-lint: warning: {file}:{number}: {message}\n")


def parse(file: Path, text: str):
    """A GitIgnoreSpec of the lines of `text` that are valid patterns."""
    import pathspec  # only when a .gitignore exists: 30 ms to import
    from pathspec.patterns.gitignore.spec import GitIgnoreSpecPattern

    backend = _backend()
    patterns = []
    for number, line in enumerate(text.splitlines(), 1):
        if backend != "re2" and line.replace("**", "").count("*") > _MAX_STARS_WITHOUT_RE2:
            warn(file, number, f"pattern {line[:80]!r} has too many `*` to match in bounded time "
                               "without google-re2; ignored")
            continue
        try:
            patterns.append(GitIgnoreSpecPattern(line))
        except Exception as error:  # noqa: BLE001 - re.error, ValueError: whatever one line raises
            shown = line if len(line) <= 80 else line[:77] + "..."
            reason = getattr(error, "msg", None) or "not a git pattern"  # re.error's message without its position
            warn(file, number, f"invalid pattern {shown!r} ({reason}); ignored")
    return pathspec.GitIgnoreSpec(patterns, backend=backend)


@functools.cache
def _backend() -> str:
    try:
        import re2  # noqa: F401 - pathspec's linear-time backend
    except ImportError:  # a platform without a google-re2 wheel: the same results, unbounded time
        return "simple"
    return "re2"


class GitIgnore:
    """`.gitignore` files from the repository root down, read lazily and cached."""

    def __init__(self) -> None:
        self._specs: dict[Path, object | None] = {}
        self._chains: dict[Path, list[tuple[Path, object]]] = {}

    def _spec(self, folder: Path):
        if folder not in self._specs:
            file = folder / ".gitignore"
            spec = None
            if is_file(file):
                try:
                    spec = parse(file, read_regular_file(file).decode("utf-8", "replace"))
                except NotReadable as error:
                    warn(file, 0, f"cannot read it ({error}); its patterns are not applied")
            self._specs[folder] = spec
        return self._specs[folder]

    def chain(self, folder: Path) -> list[tuple[Path, object]]:
        """The `.gitignore` specs that apply in `folder`: its own and its parents' up to the repository root."""
        if folder not in self._chains:
            spec = self._spec(folder)
            own = [(folder, spec)] if spec is not None else []
            at_root = exists(folder / ".git") or folder.parent == folder
            self._chains[folder] = own + ([] if at_root else self.chain(folder.parent))
        return self._chains[folder]

    def ignored(self, path: Path, is_dir: bool) -> bool:
        return self.ignored_by(self.chain(path.parent), path, is_dir)

    @staticmethod
    def ignored_by(chain: list[tuple[Path, object]], path: Path, is_dir: bool) -> bool:
        """Whether the specs of `chain` (`chain(path.parent)`, asked once per folder) ignore `path`."""
        for folder, spec in chain:
            relative = path.relative_to(folder).as_posix() + ("/" if is_dir else "")
            if spec.match_file(relative):
                return True
        return False
