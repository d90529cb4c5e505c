"""Article groups: the files that are translations of one article.

Two layouts are recognised, as translator output folders come in both:

* sibling language folders with the same file name: `fa/320388.txt`, `fr/320388.txt`;
* one base name with language suffixes: `320388.fa.txt`, `320388.fr.txt`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from .document import Document
from .languages import normalize_tag, primary, strip_language_suffix


@dataclass(slots=True)
class ArticleGroup:
    key: str  # e.g. "examples/*/vufo.txt"
    documents: list[Document]
    source_language: str | None = None

    @property
    def source(self) -> Document | None:
        """The original, when the configured source language is among the files."""
        if not self.source_language:
            return None
        wanted = primary(self.source_language)
        return next((d for d in self.documents if primary(d.lang) == wanted), None)

    @property
    def translations(self) -> list[Document]:
        source = self.source
        return [d for d in self.documents if d is not source]

    def siblings(self, doc: Document) -> list[Document]:
        return [d for d in self.documents if d is not doc]


def group_key(path: str) -> str | None:
    """The key shared by all translations of the article at `path` (a normalised display path), or None."""
    folder, slash, name = path.rpartition("/")
    base = strip_language_suffix(name)
    if base is not None:
        return base if folder in ("", ".") and not path.startswith("/") else f"{folder}/{base}"
    return _folder_group(folder, name) if folder else None


def _folder_group(folder: str, name: str) -> str | None:
    # Strings, not paths: an archive has tens of thousands of files, and PurePosixPath is slow.
    parent, _, language_folder = folder.rpartition("/")
    if language_folder in ("", ".", "..") or not normalize_tag(language_folder):
        return None
    if parent in ("", "."):
        return f"/*/{name}" if folder.startswith("/") else f"*/{name}"
    return f"{parent}/*/{name}"


def build_groups(documents: Iterable[Document], source_language: str | None) -> list[ArticleGroup]:
    """Group documents by article; every document lands in exactly one group."""
    groups: dict[str, ArticleGroup] = {}
    for doc in documents:
        key = group_key(doc.path) or doc.path
        group = groups.setdefault(key, ArticleGroup(key, [], source_language))
        group.documents.append(doc)
    return [groups[key] for key in sorted(groups)]
