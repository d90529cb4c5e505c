"""Reporting a word form once per document: the option and the counting behind it.

A Persian article typed without zero-width non-joiners, or on an Arabic
keyboard, has the same fault in hundreds of places; one finding per distinct
word form (at its first occurrence, with the count) keeps the report readable.
`[rule-options.CODE] report = "every"` asks for every occurrence instead.
"""

from __future__ import annotations

from collections import Counter
from typing import Any, Callable, Iterable, Iterator, TypeVar

T = TypeVar("T")
REPORT_CHOICES = ("first", "every")


def validate_report_option(
    code: str, options: dict[str, Any], extra: Iterable[str] = (), choices: tuple[str, ...] = REPORT_CHOICES
) -> None:
    for key, value in options.items():
        if key == "report":
            if value not in choices:
                raise ValueError(f"`report` must be one of {', '.join(choices)}, not {value!r}")
        elif key not in extra:
            allowed = ", ".join(f"`{k}`" for k in ("report", *extra))
            raise ValueError(f"unknown option `{key}` ({code} takes {allowed})")


def once_per_form(items: list[T], key: Callable[[T], str], every: bool) -> Iterator[tuple[T, int]]:
    """(item, occurrences of its form in the document): each item, or only each form's first."""
    counts = Counter(key(item) for item in items)
    seen: set[str] = set()
    for item in items:
        form = key(item)
        if every:
            yield item, 1
        elif form not in seen:
            seen.add(form)
            yield item, counts[form]


def times(count: int) -> str:
    """" (12 times in this file)" or nothing."""
    return f" ({count} times in this file)" if count > 1 else ""
