"""Printing results: ratios, findings per rule, the per-language noise table."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping


def ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def fmt(value: float | None) -> str:
    """A ratio to three decimals, "-" when there is none."""
    return "-" if value is None else f"{value:.3f}"


def count_by_rule(findings: Iterable[dict]) -> str:
    """Findings per rule code, sorted by code: "B001 2, B004 1"."""
    return ", ".join(f"{code} {n}" for code, n in sorted(Counter(f["code"] for f in findings).items()))


def print_language_table(lines: Mapping[str, int], per_lang: Mapping[str, int],
                         files: Mapping[str, int] | None = None) -> dict[str, float]:
    """Per language: (files,) lines, findings and findings per 1,000 lines, then a total row.

    Rows are the languages of `lines`, `files` and `per_lang` (findings per language), sorted.
    Returns each row's findings per 1,000 lines.
    """
    header = f"{'language':<9}" + (f" {'files':>6}" if files is not None else "") + \
        f" {'lines':>7} {'findings':>9} {'per 1k lines':>13}"
    print(header)
    print("-" * len(header))
    rates: dict[str, float] = {}
    for lang in sorted(set(lines) | set(files or ()) | set(per_lang)):
        n_lines, n = lines.get(lang, 0), per_lang.get(lang, 0)
        rates[lang] = 1000 * n / n_lines if n_lines else 0.0
        shown_files = f" {files.get(lang, 0):>6}" if files is not None else ""
        print(f"{lang:<9}{shown_files} {n_lines:>7} {n:>9} {rates[lang]:>13.2f}")
    print("-" * len(header))
    all_lines, total = sum(lines.values()), sum(per_lang.values())
    shown_files = f" {sum(files.values()):>6}" if files is not None else ""
    print(f"{'total':<9}{shown_files} {all_lines:>7} {total:>9} {1000 * total / max(all_lines, 1):>13.2f}")
    return rates
