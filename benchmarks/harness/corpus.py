"""The NTREX corpus: its files and lines per language, and reading and writing article lines."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent.parent
DEFAULT_CORPUS = REPO_ROOT.parent / "shared" / "corpus" / "ntrex"


def corpus_files(corpus: Path, recursive: bool = True) -> dict[str, list[Path]]:
    """Language folder -> its *.txt files, sorted (folders without any left out)."""
    by_lang: dict[str, list[Path]] = {}
    for folder in sorted(p for p in corpus.iterdir() if p.is_dir()):
        files = sorted(folder.rglob("*.txt") if recursive else folder.glob("*.txt"))
        if files:
            by_lang[folder.name] = files
    return by_lang


def corpus_lines(by_lang: Mapping[str, Iterable[Path]]) -> tuple[dict[str, int], int]:
    """Lines per language (undecodable bytes replaced) and the total bytes of the files."""
    lines: dict[str, int] = {}
    total_bytes = 0
    for lang, paths in by_lang.items():
        count = 0
        for path in paths:
            data = path.read_bytes()
            total_bytes += len(data)
            count += len(data.decode("utf-8", "replace").splitlines())
        lines[lang] = count
    return lines, total_bytes


def language_of(path: str, corpus: Path, cwd: Path | None = None) -> str:
    """The corpus language folder of a finding's path; a relative path is taken from `cwd`
    (default: this process's working folder, where qa-lint ran)."""
    resolved = Path(path)
    if not resolved.is_absolute():
        resolved = (cwd or Path.cwd()) / path
    try:
        parts = resolved.resolve().relative_to(corpus.resolve()).parts
    except ValueError:
        return "?"
    return parts[0] if len(parts) > 1 else "?"  # "?": outside the corpus, or in no language folder


def findings_per_language(findings: Iterable[dict], corpus: Path, cwd: Path | None = None) -> Counter:
    """How many findings fall in each corpus language folder (paths taken as `language_of` takes them)."""
    return Counter(language_of(finding["path"], corpus, cwd) for finding in findings)


def read_lines(path: Path) -> list[str]:
    """The file's lines, without the final newline."""
    text = path.read_text(encoding="utf-8").removesuffix("\n")
    return text.split("\n")  # qa-lint splits on \n, \r\n and \r; the corpus has only \n


def write_lines(path: Path, lines: list[str]) -> None:
    """Write `lines` with "\\n" endings, creating the folder if needed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8", newline="\n")


def source_line(path: str, number: int) -> str:
    """Line `number` (1-based) of the file at `path`, "" when it cannot be read."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return ""
    return lines[number - 1] if number <= len(lines) else ""
