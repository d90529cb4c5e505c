"""The review page: header, filters, overview (charts and counts), then each article group side by side.

Each group's side-by-side table sits in a `<template>` inside a `<details>`:
the browser parses it but builds and lays it out only when the group is
opened, so a page with a whole archive (thousands of files) stays quick.
"""

from __future__ import annotations

import base64
import hashlib
import os
from collections import Counter
from html import escape
from importlib import resources

from ... import __version__
from ...model import Category, Finding, Position, Severity
from .articles import Column, Group
from .marking import fix_html, line_html, marked_spans, text_html

SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)
# Small reports open every group; beyond this many, groups open on demand.
OPEN_GROUPS_UP_TO = 12


def _asset(name: str) -> str:
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


def _attr(value: str) -> str:
    return escape(value, quote=True)


def _lang(column_or_finding) -> str:
    return column_or_finding.lang or "und"


def render(groups: list[Group], files_checked: int, write) -> None:
    """Write the page through `write` (a stream's write), piece by piece."""
    script = _asset("report.js")
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    ids = _finding_ids(groups)
    findings = [f for g in groups for f in g.findings]
    title = f"qa-lint review: {_count(len(findings), 'finding')} in {_count(files_checked, 'file')}"
    # No network, no other script than ours: an article's text can never run or fetch anything.
    policy = f"default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-{digest}'"
    write(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>{_asset('report.css')}</style>\n"
        '<style id="qa-filter-style"></style>\n</head>\n<body>\n'
    )
    prefix, labels = labels_of(groups)
    under = f' under <span class="path">{escape(prefix)}</span>' if prefix else ""
    write(
        f"<header><h1>qa-lint review</h1><p class=\"totals\">{_count(len(findings), 'finding')} in "
        f"{_count(files_checked, 'file')}, {_count(len(groups), 'article group')}{under} · qa-lint {escape(__version__)}</p></header>\n"
    )
    write(_filters(findings, groups))
    write(_overview(groups, findings, labels))
    write('<section id="articles"><h2>Articles</h2>\n')
    write("<noscript><p>The articles are built by the page's own script when opened: allow it to see them "
          "(the overview above needs none).</p></noscript>\n")
    write('<p class="tools"><button type="button" data-action="open">Open all</button> '
          '<button type="button" data-action="close">Close all</button></p>\n')
    opened = len(groups) <= OPEN_GROUPS_UP_TO
    for number, (group, label) in enumerate(zip(groups, labels)):
        write(_group(number, group, label, ids, opened))
    write("</section>\n")
    write(f"<script>{script}</script>\n</body>\n</html>\n")


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


def _finding_ids(groups: list[Group]) -> dict[int, int]:
    """id(finding) -> its number on the page (`f12`)."""
    return {id(f): n for n, f in enumerate(f for g in groups for f in g.findings)}


def _filters(findings: list[Finding], groups: list[Group]) -> str:
    families = Counter(f.category.value for f in findings)
    severities = Counter(str(f.severity) for f in findings)
    languages = Counter(_lang(c) for g in groups for c in g.columns)
    found_in = Counter(_lang(f) for f in findings)

    def boxes(kind: str, values, counts) -> str:
        return "".join(
            f'<label><input type="checkbox" data-filter="{kind}" value="{_attr(v)}" checked> '
            f"{escape(v)} <small>{counts.get(v, 0)}</small></label>"
            for v in values
        )

    family_order = [c.value for c in Category.in_order(families)]
    return (
        '<nav id="filters" aria-label="Filters">\n'
        f"<fieldset><legend>Family</legend>{boxes('cat', family_order, families)}</fieldset>\n"
        f"<fieldset><legend>Severity</legend>{boxes('sev', [str(s) for s in SEVERITIES], severities)}</fieldset>\n"
        f"<fieldset><legend>Language</legend>{boxes('lang', sorted(languages), found_in)}</fieldset>\n"
        '<fieldset><legend>Articles</legend><label><input type="checkbox" data-filter="clean" checked> '
        "without findings</label></fieldset>\n"
        f'<p id="shown" aria-live="polite">{_count(len(findings), "finding")} shown</p>\n</nav>\n'
    )


def _bar_chart(title: str, rows: list[tuple[str, Counter]]) -> str:
    """A horizontal bar per row, stacked by severity, as inline SVG."""
    if not rows:
        return ""
    widest = max(sum(c.values()) for _, c in rows) or 1
    label_width, bar_width, height = 110, 260, 18
    parts = [
        f'<figure class="chart"><figcaption>{escape(title)}</figcaption>'
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{label_width + bar_width + 50}" '
        f'height="{height * len(rows) + 4}" aria-label="{_attr(title)}">'
    ]
    for index, (label, counts) in enumerate(rows):
        y = index * height + 2
        parts.append(f'<text x="{label_width - 6}" y="{y + 13}" text-anchor="end">{escape(label)}</text>')
        x = float(label_width)
        for severity in SEVERITIES:
            n = counts.get(str(severity), 0)
            if n:
                w = max(1.0, bar_width * n / widest)
                parts.append(
                    f'<rect class="sev-{severity}" x="{x:.1f}" y="{y}" width="{w:.1f}" height="{height - 4}">'
                    f"<title>{escape(label)}: {n} {severity}</title></rect>"
                )
                x += w
        parts.append(f'<text x="{x + 4:.1f}" y="{y + 13}">{sum(counts.values())}</text>')
    parts.append("</svg></figure>")
    return "".join(parts)


def _overview(groups: list[Group], findings: list[Finding], labels: list[str]) -> str:
    families = [c.value for c in Category.in_order({f.category for f in findings})]
    by_family: dict[str, Counter] = {}
    by_language: dict[str, Counter] = {}
    for f in findings:
        by_family.setdefault(f.category.value, Counter())[str(f.severity)] += 1
        by_language.setdefault(_lang(f), Counter())[str(f.severity)] += 1
    charts = (
        _bar_chart("Findings by family", [(k, by_family[k]) for k in families])
        + _bar_chart("Findings by language", sorted(by_language.items()))
    )
    legend = "".join(f'<span class="key sev-{s}">{s}</span>' for s in SEVERITIES)
    return (
        f'<section id="overview"><h2>Overview</h2><div class="charts">{charts}<p class="legend">{legend}</p></div>\n'
        + _matrix(groups, labels)
        + _counts(groups, labels, families)
        + "</section>\n"
    )


def _breakdown(found: list[Finding]) -> str:
    """'3 findings: 2 warning, 1 info; script 2, typography 1'."""
    severity = Counter(str(f.severity) for f in found)
    family = Counter(f.category.value for f in found)
    levels = ", ".join(f"{severity[str(s)]} {s}" for s in SEVERITIES if severity[str(s)])
    kinds = ", ".join(f"{family[c.value]} {c.value}" for c in Category.in_order(family))
    return f"{_count(len(found), 'finding')}: {levels}; {kinds}"


def _matrix(groups: list[Group], labels: list[str]) -> str:
    """One row per article group, one cell per language: its findings, coloured by the worst."""
    languages = sorted({_lang(c) for g in groups for c in g.columns})
    head = "<tr><th>article</th>" + "".join(f'<th data-lang="{_attr(l)}">{escape(l)}</th>' for l in languages) + "</tr>"
    rows = []
    for number, (group, label) in enumerate(zip(groups, labels)):
        cells = {}
        for column in group.columns:
            found = column.findings
            lang = _attr(_lang(column))
            if not found:
                cells[_lang(column)] = f'<td data-lang="{lang}" class="zero" title="no finding">0</td>'
                continue
            worst = max(f.severity for f in found)
            cells[_lang(column)] = (
                f'<td data-lang="{lang}" class="sev-{worst}" title="{_attr(_breakdown(found))}">'
                f'<a href="#g{number}">{len(found)}</a></td>'
            )
        clean = "" if group.findings else ' class="clean"'
        rows.append(
            f'<tr data-g="g{number}"{clean}><td><a href="#g{number}">{escape(label)}</a></td>'
            + "".join(cells.get(l, f'<td data-lang="{_attr(l)}"></td>') for l in languages) + "</tr>"
        )
    return (
        '<h3>Findings per article and language</h3><div class="scroll"><table class="matrix">'
        f"<thead>{head}</thead><tbody>\n" + "\n".join(rows) + "\n</tbody></table></div>\n"
    )


def _counts(groups: list[Group], labels: list[str], families: list[str]) -> str:
    """Per article group and language: findings by severity and by family, with a bar."""
    head = (
        "<tr><th>article</th><th>language</th><th>findings</th>"
        + "".join(f"<th>{s}</th>" for s in SEVERITIES)
        + "".join(f"<th>{escape(k)}</th>" for k in families)
        + "<th></th></tr>"
    )
    widest = max((len(c.findings) for g in groups for c in g.columns), default=0) or 1
    rows = []
    for number, (group, label) in enumerate(zip(groups, labels)):
        for position, column in enumerate(group.columns):
            found = column.findings
            severity = Counter(str(f.severity) for f in found)
            family = Counter(f.category.value for f in found)
            again = "" if position == 0 else ' class="again"'
            bar = "".join(
                f'<span class="sev-{s}" style="width:{100 * severity[str(s)] / widest:.1f}%"></span>'
                for s in SEVERITIES if severity[str(s)]
            )
            source = ' <small class="src">source</small>' if column.is_source else ""
            rows.append(
                f'<tr data-lang="{_attr(_lang(column))}"{"" if found else " class=clean"}>'
                f'<td><a{again} href="#g{number}">{escape(label)}</a></td>'
                f"<td>{escape(_lang(column))}{source}</td><td>{len(found) or ''}</td>"
                + "".join(f"<td>{severity[str(s)] or ''}</td>" for s in SEVERITIES)
                + "".join(f"<td>{family[k] or ''}</td>" for k in families)
                + f'<td class="bar">{bar}</td></tr>'
            )
    opened = " open" if len(groups) <= OPEN_GROUPS_UP_TO else ""
    return (
        f'<details class="counts"{opened}><summary>Counts by severity and family, per article and language</summary>'
        f'<table class="counts"><thead>{head}</thead><tbody>\n' + "\n".join(rows) + "\n</tbody></table></details>\n"
    )


def labels_of(groups: list[Group]) -> tuple[str, list[str]]:
    """(the folder every group is under, each group's key without it)."""
    keys = [g.key for g in groups]
    if len(keys) < 2:
        return "", keys
    prefix = os.path.commonprefix(keys)
    prefix = prefix[: prefix.rfind("/") + 1]
    return prefix, [k[len(prefix):] for k in keys]


def _direction(column: Column) -> str:
    lang = f' lang="{_attr(column.lang)}"' if column.lang else ""
    return f'{lang} dir="{"rtl" if column.rtl else "ltr"}"'


def _group(number: int, group: Group, label: str, ids: dict[int, int], opened: bool) -> str:
    found = group.findings
    severity = Counter(str(f.severity) for f in found)
    badges = "".join(f'<span class="badge sev-{s}">{severity[str(s)]}</span>' for s in SEVERITIES if severity[str(s)])
    languages = " ".join(escape(_lang(c)) for c in group.columns)
    clean = "" if found else " clean"
    head = "".join(_column_head(c, ids) for c in group.columns)
    spans = [_spans_by_line(c, ids) for c in group.columns]
    body = "".join(_row(line, group, spans, ids) for line in range(1, group.rows + 1))
    return (
        f'<details class="group{clean}" id="g{number}"{" open" if opened else ""}>'
        f'<summary><span class="key">{escape(label)}</span> <span class="langs">{languages}</span> {badges}</summary>\n'
        f'<template><div class="scroll"><table class="article" style="--columns:{len(group.columns)}">'
        f'<thead><tr><th class="ln">line</th>{head}</tr></thead><tbody>{body}</tbody></table></div></template>'
        "</details>\n"
    )


def _column_head(column: Column, ids: dict[int, int]) -> str:
    role = '<span class="src">source</span> ' if column.is_source else ""
    unreadable = '<p class="unread">The text could not be read.</p>' if column.lines is None else ""
    return (
        f'<th data-lang="{_attr(_lang(column))}"{_direction(column)}><span class="lang">{escape(_lang(column))}</span> '
        f'{role}<span class="path" dir="ltr">{escape(column.path)}</span>{unreadable}'
        f"{_finding_list(column.header, column, ids)}</th>"
    )


def _row(number: int, group: Group, spans: list[dict[int, list]], ids: dict[int, int]) -> str:
    cells = []
    for column, touching_lines in zip(group.columns, spans):
        lines = column.lines
        if lines is None or number > len(lines):
            cells.append(f'<td data-lang="{_attr(_lang(column))}" class="none"></td>')
            continue
        text = line_html(lines[number - 1], number, touching_lines.get(number, []))
        listed = _finding_list(column.by_line.get(number, []), column, ids)
        cells.append(f'<td data-lang="{_attr(_lang(column))}"{_direction(column)}><div class="text">{text}</div>{listed}</td>')
    return f'<tr><td class="ln">{number}</td>{"".join(cells)}</tr>'


def _spans_by_line(column: Column, ids: dict[int, int]) -> dict[int, list[tuple[int, Finding, Position, Position]]]:
    """Line number -> the marked spans that touch it; spans past the last line go to the last line."""
    last = len(column.lines or ())
    spans: dict[int, list] = {}
    for found in column.by_line.values():
        for f in found:
            for start, end in marked_spans(f):
                first = min(start.line, last)
                for n in range(first, min(max(end.line, first), last) + 1):
                    spans.setdefault(n, []).append((ids[id(f)], f, start, end))
    return spans


def _finding_list(found: list[Finding], column: Column, ids: dict[int, int]) -> str:
    if not found:
        return ""
    items = []
    for f in found:
        where = f"{f.start.line}:{f.start.column}"
        items.append(
            f'<li class="fd sev-{f.severity}" id="f{ids[id(f)]}" data-cat="{f.category.value}" '
            f'data-sev="{f.severity}" data-lang="{_attr(_lang(f))}"><span class="loc">{where}</span> '
            f'<b class="code" title="{_attr(f.name)}">{escape(f.code)}</b> <span class="sev">{f.severity}</span> '
            f'<span class="msg">{text_html(f.message)}</span>{fix_html(f, column.lines, column.rtl)}</li>'
        )
    return f'<ol class="fds" dir="ltr">{"".join(items)}</ol>'
