"""Never crashes on content: arbitrary text and bytes through reading, every rule, every format and `--fix`.

The whole pipeline runs in process on bytes handed to the linter as if they
were files (`Linter.sources`), so hypothesis can try hundreds of inputs a
second. Any exception, any rule crash (the engine records those instead of
raising), any output that its own format cannot parse back, and any fix that
does not settle is a failure. Inputs that once broke something are kept as
files in `tests/robustness/fuzz_regressions/` and replayed by `test_fuzz_regressions`.

Profiles: `ci` (the default, a modest budget) and `long`, a deeper run:

    QA_LINT_FUZZ=long .venv/bin/pytest tests/robustness/test_robustness_content.py -q
"""

from __future__ import annotations

import io
import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from qa_lint.config import SettingsResolver
from qa_lint.run.linter import Linter
from qa_lint.fixing import fix_in_memory
from qa_lint.reading import InputProblem, decode
from qa_lint.registry import Registry

settings.register_profile(
    "ci", max_examples=60, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "long", max_examples=5000, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
settings.load_profile(os.environ.get("QA_LINT_FUZZ", "ci"))

REGRESSIONS = Path(__file__).with_name("fuzz_regressions")
REGISTRY = Registry(load_entry_points=False)
# Every rule, the opt-in ones too, with an original language so group rules compare.
OVERRIDES = {
    "extend_select": tuple(rule.code for rule in REGISTRY.rules.values() if rule.opt_in),
    "source_language": "en",
}
CWD = Path("/nonexistent-qa-lint-fuzz").resolve()  # nothing is read from or written to disk
LANGUAGES = ("fa", "fr", "ar", "ru", "en", "zh", "ja", "ko", "vi", "hi", "de", "es", "km", "lo", "ur", "el")

# Text that wakes rules up: leftovers, captions, quotes, names, digits, invisible and bidi characters.
FRAGMENTS = (
    "Comment (0)", "نظر (0)", "Đọc thêm:", "Tags: ", "(Photo : Dinh Hoa)", "(عکس: VNA)", "（图：新华社）",
    "| légende |", "|", "« ", " »", "«", "»", "“", "”", "\"", "'", "(", ")", "[", "]", "{", "}",
    "Phan Anh Son", "فان آنه سون", "Фан Ань Шон", "Nguyễn Văn Anh", "Maison-Blanche", "Maison Blanche",
    "می کند", "می‌کند", "ي", "ك", "ی", "ک", "١٢٣", "۱۲۳", "123", "٫", "،", "؛", "؟", " ,", " .", ".", ",",
    "\u200c", "\u200d", "\u200b", "\u2060", "\ufeff", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e",
    "\u2066", "\u2067", "\u2068", "\u2069", "\u200e", "\u200f", "\u061c", "\ufffd", "\ue000", "\U0010fffd",
    "e\u0301", "\u0627\u064b", "\u0301\u0301\u0301", "Ã©", "Ã", "â€™", "Ð¿", "\x01", "\x7f", "\x85",
    "\u2028", "\u2029", "\r", "\n", "\r\n", "\n\n\n\n\n", "\t", "  ", "\u00a0", "\u202f", "https://a.vn/x",
    "<!-- qa-lint: ignore B001 -->", "<!-- qa-lint: ignore-file S -->", "<!-- qa-lint: ignore", "-->",
    "nous nous", "die die", "the the", "𝔸𝕓𝕔", "👩‍👩‍👧", "🇻🇳", "ﷺ", "ǅ", "İ", "ß", "ﬁ",
)

_characters = st.characters(codec="utf-8")  # every plane; no surrogates, which UTF-8 cannot hold
text_strategy = st.lists(
    st.one_of(
        st.sampled_from(FRAGMENTS),
        st.text(_characters, max_size=20),
        st.builds(lambda piece, times: piece * times, st.sampled_from(FRAGMENTS), st.integers(1, 300)),
    ),
    max_size=40,
).map("".join)

ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "utf-32")


def lint(files: dict[str, bytes]):
    """Lint `files` (path -> bytes): (report, fix outcome); every output format is written and parsed back."""
    linter = Linter(REGISTRY, SettingsResolver(dict(OVERRIDES)), CWD)
    for path, data in files.items():
        linter.sources.given[CWD / path] = data
    report = linter.lint_paths(list(files))
    assert not report.internal_errors, report.internal_errors[0]
    for name in sorted(REGISTRY.formats):
        stream = io.StringIO()
        REGISTRY.formats[name](REGISTRY, color=True).write(report, stream)
        parse_output(name, stream.getvalue())
    check_positions(report, files)

    fixer = Linter(REGISTRY, SettingsResolver(dict(OVERRIDES)), CWD)
    for path, data in files.items():
        fixer.sources.given[CWD / path] = data
    outcome = fix_in_memory(fixer, list(files), unsafe=True)
    assert not outcome.report.internal_errors, outcome.report.internal_errors[0]
    assert outcome.converged, "fixes kept changing the text"
    return report, outcome


def parse_output(name: str, output: str) -> None:
    """Machine-readable formats must stay readable whatever the text held."""
    if name in ("json", "sarif", "rdjson", "gitlab"):
        json.loads(output)
    elif name in ("jsonl", "rdjsonl"):
        for line in output.split("\n")[:-1]:  # JSON Lines end records with \n only (U+2028 and NEL are text)
            json.loads(line)
    elif name == "junit":
        ET.fromstring(output)


def check_positions(report, files: dict[str, bytes]) -> None:
    """Every finding points inside its file: lines exist, columns fit them, ends do not precede starts."""
    for finding in report.findings:
        if finding.category.value == "file":
            continue
        text = decode(files[finding.path])[0]
        lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        for where in (finding.start, finding.end):
            assert 1 <= where.line <= len(lines) + 1, (finding.code, where)
            if where.line <= len(lines):
                assert 1 <= where.column <= len(lines[where.line - 1]) + 1, (finding.code, where)
        assert (finding.start.line, finding.start.column) <= (finding.end.line, finding.end.column), finding.code


@settings(max_examples=settings().max_examples * 2)
@given(text=text_strategy, lang=st.sampled_from(LANGUAGES), encoding=st.sampled_from(ENCODINGS))
@example(text="", lang="fa", encoding="utf-8")
@example(text=" \t\n\u3000\n", lang="fr", encoding="utf-8")
@example(text="Comment (0)", lang="fr", encoding="utf-8")  # no final newline
@example(text="x" * 200_000, lang="en", encoding="utf-8")  # one very long line
def test_any_text_in_any_language(text, lang, encoding):
    lint({f"{lang}/article.txt": text.encode(encoding)})


@settings(max_examples=max(10, settings().max_examples // 2))  # each example is up to eight files
@given(texts=st.lists(text_strategy, min_size=2, max_size=4), langs=st.permutations(LANGUAGES))
def test_any_article_group(texts, langs):
    """Translations of one article (group rules) and one run (run-wide rules) together."""
    files = {f"{lang}/article.txt": text.encode("utf-8") for lang, text in zip(langs, texts)}
    files.update({f"{lang}/other.md": text[::-1].encode("utf-8") for lang, text in zip(langs, texts)})
    lint(files)


@given(data=st.binary(max_size=2000), lang=st.sampled_from(LANGUAGES))
@example(data=b"\xed\xa0\x80 lone surrogate, CESU-8 style\n", lang="fr")
@example(data=b"\xff\xfe\x00\xd8 x\x00", lang="fr")  # UTF-16 with a lone high surrogate
@example(data=b"\xef\xbb\xbf", lang="fa")  # a BOM and nothing else
@example(data=b"\xc3", lang="fa")  # a truncated sequence at the end
def test_any_bytes(data, lang):
    """Bytes that are not text get a `file` finding, never an exception."""
    report, _ = lint({f"{lang}/article.txt": data})
    try:
        decode(data)
    except InputProblem as problem:
        reporting = [rule.code for rule in REGISTRY.sorted_rules() if rule.reports_problem == problem.kind]
        assert [f.code for f in report.findings] == reporting


def test_language_detected_from_text():
    """No language in the path: detection runs on whatever the file holds."""
    for text in ("", "\u200f\u200f", "١٢٣٤", "Comment (0)\n", "e\u0301" * 50, "🇻🇳" * 10, "Как дела? " * 5):
        lint({"article.txt": (text or "x").encode("utf-8")})


def test_fix_settles_for_a_form_written_many_times():
    """A Persian article typed on an Arabic keyboard: one word form, twelve times."""
    _, outcome = lint({"fa/article.txt": "او يك كتاب خرید.\n".encode("utf-8") * 12})
    assert outcome.converged


def regression_inputs() -> list[Path]:
    return sorted(path for path in REGRESSIONS.iterdir() if path.is_file() and path.name != "README.md")


@pytest.mark.parametrize("path", regression_inputs(), ids=lambda path: path.name)
def test_fuzz_regressions(path):
    """The nastiest inputs found so far, in an Arabic-script, a Latin and a Cyrillic language."""
    data = path.read_bytes()
    for lang in ("fa", "fr", "ru"):
        lint({f"{lang}/{path.stem}.txt": data, f"en/{path.stem}.txt": b"Source text.\n"})
