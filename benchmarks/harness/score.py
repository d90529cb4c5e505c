"""Scoring planted defects per rule: recall, precision on the plants, and the target verdict."""

from __future__ import annotations

from .report import fmt, ratio


def meets_target(recall: float | None, precision: float | None, min_recall: float, min_precision: float) -> bool:
    """A rule with no plant fails (recall None); a rule with no finding has nothing imprecise (precision None)."""
    return (recall or 0.0) >= min_recall and (precision if precision is not None else 1.0) >= min_precision


def rule_table_header(name_width: int = 0) -> str:
    """The header of the per-rule table, with a rule-name column `name_width` wide if any."""
    name = f" {'name':<{name_width}}" if name_width else ""
    return (f"{'rule':<5}{name} {'langs':>5} {'planted':>7} {'detected':>8} {'recall':>7} "
            f"{'findings':>8} {'on plant':>8} {'precision':>9}  status")


def rule_row(rule: str, langs: int, planted: int, detected: int, findings: int, on_plant: int,
             min_recall: float, min_precision: float, name: str = "", name_width: int = 0) -> tuple[str, bool]:
    """One rule's row of the table and whether it meets the target."""
    recall, precision = ratio(detected, planted), ratio(on_plant, findings)
    ok = meets_target(recall, precision, min_recall, min_precision)
    label = f"{rule:<5}" + (f" {name:<{name_width}}" if name_width else "")
    return (f"{label} {langs:>5} {planted:>7} {detected:>8} {fmt(recall):>7} {findings:>8} "
            f"{on_plant:>8} {fmt(precision):>9}  {'ok' if ok else 'BELOW TARGET'}"), ok


def print_verdict(failed: bool, min_recall: float, min_precision: float) -> None:
    """The closing line: which target a rule missed, or that every rule met it."""
    if failed:
        print(f"FAIL: a rule is below the target (recall >= {min_recall}, precision >= {min_precision})")
    else:
        print(f"OK: every rule meets recall >= {min_recall} and precision >= {min_precision}")
