"""`--format html`: the review page, read as a browser would read it.

The page is parsed back (html.parser) to check what an editor sees: every
finding listed and marked where it sits, text escaped, right-to-left columns,
the source column, the fix as a diff, nothing fetched from anywhere. The last
tests open it in headless Chromium (skipped, with the reason, when there is
none): the screenshot must not be blank and must show marked findings, and
the DOM after the page's script ran must hold them.
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
import shutil
import struct
import subprocess
import zlib
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qa_lint.formats.html_report.marking import line_html
from qa_lint.model import Category, Finding, Position, Severity

from conftest import ROOT, run_cli, write


class Page(HTMLParser):
    """Elements as (tag, attributes, inside a template?) and the text outside tags, per element id."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str], bool]] = []
        self.scripts: list[str] = []
        self._templates = 0
        self._stack: list[tuple[str, dict]] = []
        self.text_of: dict[str, str] = {}  # id -> text inside it
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attributes = {k: v or "" for k, v in attrs}
        self.elements.append((tag, attributes, self._templates > 0))
        if tag == "template":
            self._templates += 1
        if tag not in ("meta", "input", "br", "link", "img"):
            self._stack.append((tag, attributes))

    def handle_endtag(self, tag):
        if tag == "template":
            self._templates -= 1
        while self._stack:
            open_tag, _ = self._stack.pop()
            if open_tag == tag:
                break

    def handle_data(self, data):
        if self._stack and self._stack[-1][0] == "script":
            self.scripts.append(data)
        for _, attributes in self._stack:
            if "id" in attributes:
                self.text_of[attributes["id"]] = self.text_of.get(attributes["id"], "") + data

    def find(self, tag: str, **wanted) -> list[dict[str, str]]:
        return [a for t, a, _ in self.elements if t == tag and all(a.get(k.replace("_", "-")) == v for k, v in wanted.items())]


def html_report(*args: str, cwd: Path | str = ROOT) -> tuple[str, list[dict]]:
    """The html report and the json findings of one run."""
    page = run_cli("check", *args, "--format", "html", "--no-cache", cwd=cwd)
    assert page.code in (0, 1), page.stderr
    findings = run_cli("check", *args, "--format", "json", "--no-cache", cwd=cwd)
    return page.stdout, findings.json()


def test_examples_every_finding_listed_and_marked():
    text, findings = html_report("examples/")
    page = Page(text)
    items = page.find("li")
    assert len([i for i in items if "fd" in i.get("class", "")]) == len(findings) > 10
    listed = {(i["data-cat"], i["data-sev"], i["data-lang"]) for i in items if "fd" in i.get("class", "")}
    assert listed == {(f["category"], f["severity"], f["lang"]) for f in findings}
    ids = {i["id"] for i in items if "fd" in i.get("class", "")}
    marks = page.find("mark")
    assert marks and all(set(m["data-f"].split()) <= ids for m in marks)
    marked = {name for m in marks for name in m["data-f"].split()}
    assert marked == ids  # every finding on a line is marked somewhere (none here is about a whole file)
    # each finding's message is the text of its list item
    messages = sorted(f["message"] for f in findings)
    assert sorted(page.text_of[i].split(" ", 3)[3].split("fix (")[0] for i in ids) == messages


def test_fix_shown_as_deleted_and_inserted_text(tmp_path):
    write(tmp_path / "fr" / "a.txt", "Le président est arrivé , puis il a parlé.\n")
    text, findings = html_report("fr/a.txt", "--select", "T001", cwd=tmp_path)
    assert [f["code"] for f in findings] == ["T001"]
    diff = re.search(r'<code class="diff">(.*?)</code>', text).group(1)
    assert "arrivé<del>" in diff and "</ins> puis il" in diff
    deleted = re.search(r"<del>(.*?)</del>", diff).group(1)
    inserted = re.search(r"<ins>(.*?)</ins>", diff).group(1)
    assert "␣" in deleted and re.sub(r"<[^>]+>", "", deleted).endswith(",")  # the deleted space is visible
    assert inserted == ","


def test_article_text_is_escaped_and_nothing_is_fetched(tmp_path):
    hostile = (
        '<script>alert(1)</script> <img src=x onerror="alert(2)"> </template></details>'
        '<b id="pwned">x</b> &amp; "quotes" \'single\' <!-- comment\n'
    )
    write(tmp_path / "fr" / "<i>story</i>.txt", hostile + "Il a dit ,   bonjour.\n")
    write(tmp_path / "en" / "<i>story</i>.txt", "He said , hello.\n")
    text, findings = html_report(".", cwd=tmp_path)
    assert findings
    page = Page(text)
    assert [t for t, _, _ in page.elements].count("script") == 1
    assert not page.find("img") and not page.find("b", id="pwned") and not page.find("i")
    assert "alert(1)" not in "".join(page.scripts)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text and "&lt;i&gt;story&lt;/i&gt;.txt" in text
    # no network and no other file: no src, no external link, no CSS url(), no @import
    assert not [a for _, a, _ in page.elements if "src" in a]
    assert not [a for t, a, _ in page.elements if t == "a" and not a.get("href", "#").startswith("#")]
    assert "url(" not in text and "@import" not in text
    # the content security policy allows exactly the page's own script
    policy = page.find("meta", **{"http_equiv": "Content-Security-Policy"})[0]["content"]
    digest = base64.b64encode(hashlib.sha256(page.scripts[0].encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in policy and "default-src 'none'" in policy


def test_source_column_first_and_right_to_left_columns():
    text, _ = html_report("examples/", "--source-language", "fr")
    page = Page(text)
    heads = [a for t, a, inside in page.elements if t == "th" and "data-lang" in a and inside]  # the articles' columns
    group = [a["data-lang"] for a in heads if a["data-lang"] in ("fa", "fr")]
    assert group == ["fr", "fa"]  # the source first
    assert {a["data-lang"]: a["dir"] for a in heads} == {"en": "ltr", "fr": "ltr", "fa": "rtl"}
    cells = [a for t, a, _ in page.elements if t == "td" and a.get("data-lang") == "fa" and "dir" in a]
    assert cells and all(a["dir"] == "rtl" and a["lang"] == "fa" for a in cells)
    # without --source-language, the first language of the group is the source column
    default = Page(html_report("examples/")[0])
    assert [a["data-lang"] for t, a, inside in default.elements
            if t == "th" and inside and a.get("data-lang") in ("fa", "fr")] == ["fa", "fr"]


def test_files_without_findings_are_shown_and_big_reports_open_groups_on_demand(tmp_path):
    for n in range(15):
        write(tmp_path / "fr" / f"{n:02}.txt", f"Article {n} , texte.\n" if n % 2 else f"Article {n}, texte.\n")
        write(tmp_path / "de" / f"{n:02}.txt", f"Artikel {n}, Text.\n")
    text, findings = html_report(".", "--select", "T001", cwd=tmp_path)
    page = Page(text)
    groups = [a for a in page.find("details") if "group" in a["class"].split()]
    assert len(groups) == 15 and not [g for g in groups if "open" in g]
    assert len([g for g in groups if "clean" in g["class"].split()]) == 15 - len(findings)
    # every file has its column and every line its row, inside the group's template
    heads = [a for t, a, inside in page.elements if t == "th" and "data-lang" in a and inside]
    assert len(heads) == 30
    rows = [a for t, a, inside in page.elements if t == "tr" and a.get("data-lang")]  # the overview table
    assert len(rows) == 30


def test_unreadable_file_has_a_column_with_its_finding(tmp_path):
    write(tmp_path / "fr" / "a.txt", b"caf\xe9 ,\n")
    write(tmp_path / "de" / "a.txt", "Kaffee.\n")
    result = run_cli("check", ".", "--format", "html", "--no-cache", cwd=tmp_path)
    assert result.code == 2 and "Traceback" not in result.stderr
    page = Page(result.stdout)
    assert "The text could not be read." in result.stdout
    assert [i["data-cat"] for i in page.find("li") if "fd" in i.get("class", "")] == ["file"]


def test_page_shows_the_text_as_linted_after_fix_and_from_standard_input(tmp_path):
    write(tmp_path / "fr" / "a.txt", "Bonjour , monde.\n")
    fixed = run_cli("check", ".", "--fix", "--select", "T001", "--format", "html", "--no-cache", cwd=tmp_path)
    assert fixed.code == 0, fixed.stderr
    assert '<div class="text">Bonjour, monde.</div>' in fixed.stdout and not Page(fixed.stdout).find("mark")
    piped = run_cli("check", "--stdin-filename", "fr/b.txt", "--select", "T001", "--format", "html", "--no-cache",
                    cwd=tmp_path, stdin="Salut , toi.\n")
    assert piped.code == 1, piped.stderr
    marks = Page(piped.stdout).find("mark")
    assert len(marks) == 1 and "T001" in marks[0]["title"] and ">Salut<mark" in piped.stdout


def test_same_page_from_worker_processes_and_from_the_cache(tmp_path):
    """The files' languages come back from workers (and the cache) with their findings: same bytes."""
    for lang, text in (("fr", "Bonjour , monde.\n"), ("fa", "سلام ، دنیا.\n"), ("de", "Hallo, Welt.\n")):
        for n in range(3):
            write(tmp_path / lang / f"{n}.txt", text)
    parallel = {"QA_LINT_PARALLEL_MIN_BYTES": "0"}
    one = run_cli("check", ".", "--format", "html", "--jobs", "1", "--no-cache", cwd=tmp_path)
    two = run_cli("check", ".", "--format", "html", "--jobs", "2", "--no-cache", cwd=tmp_path, env=parallel)
    cold = run_cli("check", ".", "--format", "html", "--cache-dir", str(tmp_path / "c"), cwd=tmp_path)
    warm = run_cli("check", ".", "--format", "html", "--cache-dir", str(tmp_path / "c"), cwd=tmp_path)
    assert one.code == two.code == cold.code == warm.code == 1
    assert one.stdout == two.stdout == cold.stdout == warm.stdout
    assert 'dir="rtl"' in one.stdout and one.stdout.count('class="fd ') == 6


def _finding(start: tuple[int, int], end: tuple[int, int], code: str = "X001") -> Finding:
    return Finding(code, "x", Category.TYPOGRAPHY, Severity.WARNING, "m", "a.txt",
                   Position(*start), Position(*end), "fr")


def _spans(*findings: Finding):
    return [(n, f, f.start, f.end) for n, f in enumerate(findings)]


def _strip(markup: str) -> str:
    return re.sub(r"<[^>]+>", "", markup)


def test_overlapping_spans_are_cut_at_every_edge():
    line = "abcdefghij"
    markup = line_html(line, 1, _spans(_finding((1, 2), (1, 6)), _finding((1, 4), (1, 9))))
    assert _strip(markup) == line
    assert re.findall(r'data-f="([^"]+)"[^>]*>([^<]*)<', markup) == [("f0", "bc"), ("f0 f1", "de"), ("f1", "fgh")]


def test_empty_spans_are_points_and_spans_over_lines_mark_each_line():
    point = line_html("abc", 1, _spans(_finding((1, 2), (1, 2))))
    assert re.search(r'a<mark class="f sev-warning pt" data-f="f0"[^>]*></mark>bc', point)
    over = _finding((1, 3), (3, 2))
    assert _strip(line_html("abcd", 1, _spans(over))) == "abcd" and ">cd</mark>" in line_html("abcd", 1, _spans(over))
    assert 'class="f sev-warning pt nl"' in line_html("", 2, _spans(over))  # a blank line inside the span: "↵"
    assert ">x</mark>yz" in line_html("xyz", 3, _spans(over))
    deleted_line = _finding((1, 1), (2, 1))  # a whole line with its terminator
    assert "<mark" not in line_html("next", 2, _spans(deleted_line))
    past_end = _finding((5, 1), (5, 1))  # placed on the last line, at its end
    assert line_html("abc", 2, _spans(past_end)).startswith("abc<mark")


def test_invisible_characters_of_a_span_are_named_and_reordering_controls_always():
    stray = line_html("خیمه\u200c شب", 1, _spans(_finding((1, 5), (1, 6))))
    assert ">ZWNJ</span></mark>" in stray
    word = line_html("می\u200cکند", 1, _spans(_finding((1, 1), (1, 6))))
    assert "ZWNJ" not in word and "\u200c" in word  # correct Persian inside a longer span is shown as written
    assert ">RLO</span>" in line_html("a\u202eb", 1, [])  # an override would reorder the page
    assert line_html("(\u200fسلام)", 1, []) == "(\u200fسلام)"  # a direction mark is the writer's: as written


def test_the_wheel_ships_the_page_assets(tmp_path):
    """A built wheel holds the CSS and script, and the page written from it inlines them."""
    import sys
    import zipfile

    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--disable-pip-version-check",
         "--wheel-dir", str(tmp_path / "dist"), str(ROOT)],
        capture_output=True, text=True, timeout=300,
    )
    assert built.returncode == 0, built.stderr[-2000:]
    wheel = next((tmp_path / "dist").glob("qa_lint-*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        assert {"qa_lint/formats/html_report/report.css", "qa_lint/formats/html_report/report.js"} <= names
        archive.extractall(tmp_path / "site")
    work = write(tmp_path / "work" / "fr" / "a.txt", "Bonjour , monde.\n").parent.parent
    page = run_cli("check", ".", "--format", "html", "--no-cache", cwd=work, env={"PYTHONPATH": str(tmp_path / "site")})
    assert page.code == 1, page.stderr
    css = (ROOT / "qa_lint/formats/html_report/report.css").read_text(encoding="utf-8")
    script = (ROOT / "qa_lint/formats/html_report/report.js").read_text(encoding="utf-8")
    assert f"<style>{css}</style>" in page.stdout and f"<script>{script}</script>" in page.stdout


def test_writing_a_line_with_many_findings_is_not_quadratic():
    """4x the findings on one line must cost well under 16x the time (the project's 4x -> < 10x bound)."""
    import io
    import time
    from types import SimpleNamespace

    from qa_lint.formats.html_report import HtmlFormat

    def seconds(n: int) -> float:
        line = "mot , " * n
        found = [_finding((1, 6 * k + 4), (1, 6 * k + 6)) for k in range(n)]
        report = SimpleNamespace(findings=found, documents=[], read_text=lambda path: line + "\n", files_checked=1)
        best = float("inf")
        for _ in range(3):
            start = time.perf_counter()
            HtmlFormat(None).write(report, io.StringIO())
            best = min(best, time.perf_counter() - start)
        return best

    small, large = seconds(3000), seconds(12000)
    assert large < 10 * small, (small, large)


class _Fragment(HTMLParser):
    """A marked line parsed back: its tags, and its text with each named character (`span.cp`) restored."""

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.text: list[str] = []
        self._in_token = 0
        self.feed(markup)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        attributes = dict(attrs)
        if tag == "span" and attributes.get("class") == "cp":
            self.text.append(chr(int(attributes["title"][2:], 16)))
            self._in_token += 1

    def handle_endtag(self, tag):
        if tag == "span" and self._in_token:
            self._in_token -= 1

    def handle_data(self, data):
        if not self._in_token:
            self.text.append(data)


_lines = st.text(st.characters(codec="utf-8", exclude_characters="\r\n"), max_size=40) | st.sampled_from(
    ["<script>x</script>", "a\u200cb <b>c</b>", "\u202eabc&amp;", " \u00a0 ", "</mark></span>\"'"]
)


@settings(max_examples=150, deadline=None)
@given(line=_lines, cuts=st.lists(st.tuples(st.integers(0, 45), st.integers(0, 45)), max_size=6))
def test_any_line_with_any_spans_reads_back_as_written(line, cuts):
    """Whatever the text and spans, the markup holds only marks and name tokens, and its text is the line."""
    found = [_finding((1, 1 + min(a, b)), (1, 1 + max(a, b))) for a, b in cuts]
    parsed = _Fragment(line_html(line, 1, _spans(*found)))
    assert parsed.tags <= {"mark", "span"}
    assert "".join(parsed.text) == line


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(text=st.text(st.characters(codec="utf-8"), max_size=200) | st.sampled_from(
    ["Comment (0)\n<script>alert(1)</script>\n", "| (عکس: VNA) |\n\n\n\n", "a\r\nb\rc\u2028d\x85e"]))
def test_the_page_of_any_file_has_no_element_from_the_text(text):
    from types import SimpleNamespace

    from qa_lint.config import SettingsResolver
    from qa_lint.run.linter import Linter
    from qa_lint.formats.html_report import HtmlFormat
    from qa_lint.registry import Registry

    registry = REGISTRY_FOR_PAGES.setdefault("registry", Registry(load_entry_points=False))
    linter = Linter(registry, SettingsResolver({}), Path("/nonexistent-qa-lint-html"))
    linter.sources.given[Path("/nonexistent-qa-lint-html/fr/a.txt")] = text.encode("utf-8", "surrogatepass")
    linter.sources.given[Path("/nonexistent-qa-lint-html/fa/a.txt")] = text.encode("utf-8", "surrogatepass")
    report = linter.lint_paths(["fr/a.txt", "fa/a.txt"])
    stream = SimpleNamespace(parts=[], write=lambda part: stream.parts.append(part))
    HtmlFormat(registry).write(report, stream)
    page = Page("".join(stream.parts))
    allowed = {"html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "p", "span", "nav",
               "fieldset", "legend", "label", "input", "small", "section", "div", "figure", "figcaption", "svg",
               "text", "rect", "table", "thead", "tbody", "tr", "th", "td", "a", "details", "summary", "template",
               "button", "mark", "ol", "li", "b", "code", "del", "ins", "script", "noscript"}
    assert {t for t, _, _ in page.elements} <= allowed
    assert [t for t, _, _ in page.elements].count("script") == 1
    marks = [m for m in page.find("mark")]
    items = {a["id"] for a in page.find("li") if "fd" in a.get("class", "")}
    assert len(items) == len(report.findings)
    assert all(set(m["data-f"].split()) <= items for m in marks)


REGISTRY_FOR_PAGES: dict = {}


# -- in a real browser ----------------------------------------------------------------------------

CHROMIUM = next((shutil.which(name) for name in ("chromium", "chromium-browser", "google-chrome") if shutil.which(name)), None)
# CI sets QA_LINT_REQUIRE_CHROMIUM where it could install Chromium: there a missing browser fails.
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None and not os.environ.get("QA_LINT_REQUIRE_CHROMIUM"),
    reason="no Chromium on PATH (apt-get install chromium; .ci/run installs it when run as root)",
)


def chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    assert CHROMIUM, "QA_LINT_REQUIRE_CHROMIUM is set but no Chromium is on PATH"
    return subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
         f"--user-data-dir={tmp_path / 'profile'}", *args],
        capture_output=True, timeout=120,
    )


def png_pixels(data: bytes) -> tuple[int, int, list[bytes], int]:
    """(width, height, rows, bytes per pixel) of an 8-bit non-interlaced RGB(A) PNG, as Chromium writes them."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    chunks, offset = {}, 8
    while offset < len(data):
        length, kind = struct.unpack(">I4s", data[offset : offset + 8])
        chunks.setdefault(kind, []).append(data[offset + 8 : offset + 8 + length])
        offset += 12 + length
    width, height, depth, color, _, _, interlace = struct.unpack(">IIBBBBB", chunks[b"IHDR"][0])
    assert depth == 8 and color in (2, 6) and interlace == 0
    size = 3 if color == 2 else 4
    raw = zlib.decompress(b"".join(chunks[b"IDAT"]))
    stride = width * size
    low, high = int.from_bytes(b"\x7f" * stride, "big"), int.from_bytes(b"\x80" * stride, "big")
    rows, previous = [], bytes(stride)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)]
        if kind == 2:  # "up": add the row above byte by byte, all bytes at once without carries
            a, b = int.from_bytes(line, "big"), int.from_bytes(previous, "big")
            line = (((a & low) + (b & low)) ^ ((a ^ b) & high)).to_bytes(stride, "big")
        elif kind in (1, 3, 4):
            line = _unfilter(kind, bytearray(line), previous, size)
        rows.append(line)
        previous = line
    return width, height, rows, size


def _unfilter(kind: int, line: bytearray, previous: bytes, size: int) -> bytes:
    """PNG filters "sub" (1), "average" (3) and "paeth" (4): each byte depends on the one decoded before it."""
    for x in range(len(line)):
        left = line[x - size] if x >= size else 0
        if kind == 1:
            line[x] = (line[x] + left) & 255
            continue
        up = previous[x]
        if kind == 3:
            line[x] = (line[x] + ((left + up) >> 1)) & 255
            continue
        corner = previous[x - size] if x >= size else 0
        pa, pb, pc = abs(up - corner), abs(left - corner), abs(left + up - 2 * corner)
        line[x] = (line[x] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 255
    return bytes(line)


@needs_chromium
def test_examples_report_in_headless_chromium(tmp_path):
    report = tmp_path / "report.html"
    result = run_cli("check", "examples/", "--format", "html", "-o", str(report), "--no-cache")
    assert result.code == 1, result.stderr
    findings = run_cli("check", "examples/", "--format", "json", "--no-cache").json()

    shot = tmp_path / "shot.png"
    done = chromium(tmp_path, f"--screenshot={shot}", "--window-size=1280,2400", report.as_uri())
    assert shot.exists(), done.stderr.decode(errors="replace")[-2000:]
    width, height, rows, size = png_pixels(shot.read_bytes())
    assert (width, height) == (1280, 2400)
    pixels = [row[i : i + 3] for row in rows[::4] for i in range(0, len(row), 4 * size)]  # every 4th pixel each way
    background = max(set(pixels), key=pixels.count)
    ink = sum(1 for p in pixels if p != background)
    assert ink > len(pixels) * 0.05, f"the page looks blank: {ink} of {len(pixels)} pixels differ from the background"
    # marked findings: the warning highlight (#fff0c2) and its underline (#e08600) are on screen
    assert pixels.count(bytes((0xFF, 0xF0, 0xC2))) > 50 and bytes((0xE0, 0x86, 0x00)) in pixels

    dom = chromium(tmp_path, "--dump-dom", report.as_uri())
    page = Page(dom.stdout.decode("utf-8"))
    body = page.find("body")[0]
    assert body.get("data-ready") == "1", "the page's script did not run"
    rendered = [a for t, a, inside in page.elements if t == "mark" and not inside]
    assert {n for m in rendered for n in m["data-f"].split()} == {f"f{n}" for n in range(len(findings))}
    groups = [a for a in page.find("details") if "group" in a["class"].split()]
    assert len(groups) == 2 and all(a.get("data-rendered") == "1" for a in groups)


@needs_chromium
def test_filters_from_the_link_hide_findings_in_chromium(tmp_path):
    report = tmp_path / "report.html"
    assert run_cli("check", "examples/", "--format", "html", "-o", str(report), "--no-cache").code == 1
    dom = chromium(tmp_path, "--dump-dom", report.as_uri() + "#hide=info,fa")
    page = Page(dom.stdout.decode("utf-8"))
    items = [a for t, a, inside in page.elements if t == "li" and "fd" in a.get("class", "") and not inside]
    assert items
    hidden = {a["data-sev"] for a in items if "hidden" in a} | {a["data-lang"] for a in items if "hidden" in a}
    shown = [a for a in items if "hidden" not in a]
    assert shown and all(a["data-sev"] != "info" and a["data-lang"] != "fa" for a in shown)
    assert {"info", "fa"} <= hidden
    assert '[data-lang="fa"]{display:none}' in dom.stdout.decode("utf-8")
    # the counts follow the filters: the total shown, and the matrix cell of the French article
    findings = run_cli("check", "examples/", "--format", "json", "--no-cache").json()
    kept = [f for f in findings if f["severity"] != "info" and f["lang"] != "fa"]
    assert f"{len(kept)} of {len(findings)} findings shown" in page.text_of["shown"]
    french = [f for f in kept if f["lang"] == "fr"]
    cell = re.search(r'<td data-lang="fr" class="sev-\w+[^"]*" title="[^"]*"><a href="#g1">(\d+)</a>', dom.stdout.decode("utf-8"))
    assert cell and int(cell.group(1)) == len(french) > 0


@pytest.mark.skipif(not os.environ.get("QA_LINT_UPDATE_SCREENSHOT") or CHROMIUM is None,
                    reason="set QA_LINT_UPDATE_SCREENSHOT=1 (with Chromium) to redraw docs/html-report.png")
def test_redraw_the_readme_screenshot(tmp_path):
    report = tmp_path / "report.html"
    run_cli("check", "examples/", "--format", "html", "-o", str(report), "--no-cache")
    target = ROOT / "docs" / "html-report.png"
    target.parent.mkdir(exist_ok=True)
    chromium(tmp_path, f"--screenshot={target}", "--window-size=1200,1700", report.as_uri())
    assert target.stat().st_size < 300_000


@needs_chromium
def test_big_report_renders_only_the_linked_group_in_chromium(tmp_path):
    for n in range(15):
        write(tmp_path / "fr" / f"{n:02}.txt", f"Article {n} , texte.\n")
    report = tmp_path / "report.html"
    assert run_cli("check", ".", "--format", "html", "-o", str(report), "--no-cache", cwd=tmp_path).code == 1
    page = Page(chromium(tmp_path, "--dump-dom", report.as_uri() + "#g3").stdout.decode("utf-8"))
    rendered = [a["id"] for a in page.find("details") if a.get("data-rendered") == "1"]
    assert rendered == ["g3"]
    marks = [a for t, a, inside in page.elements if t == "mark" and not inside]
    assert [m["data-f"] for m in marks] == ["f3"]
