"""Reporting a word form once per document: the option and the counting behind it.

A Persian article typed without zero-width non-joiners, or on an Arabic
keyboard, has the same fault in hundreds of places; one finding per distinct
word form (at its first occurrence, with the count, and a fix for every
occurrence) keeps the report readable.
`[rule-options.CODE] report = "every"` asks for every occurrence instead.
"""

from __future__ import annotations

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


def once_per_form(items: list[T], key: Callable[[T], str], every: bool) -> Iterator[tuple[T, list[T]]]:
    """(item, every item of its form): each item alone, or each form's first with all of the form's
    items, so that its fix repairs them all in one pass."""
    if every:
        yield from ((item, [item]) for item in items)
        return
    by_form: dict[str, list[T]] = {}
    for item in items:
        by_form.setdefault(key(item), []).append(item)
    for group in by_form.values():  # dicts keep insertion order: forms in order of first occurrence
        yield group[0], group


def times(count: int) -> str:
    """" (12 times in this file)" or nothing."""
    return f" ({count} times in this file)" if count > 1 else ""
