"""Bounded time: no rule is quadratic in line or document length, no regex backtracks catastrophically.

Each rule runs on adversarial text (long runs of what its patterns look for,
and near-misses of its own examples repeated on one line) at two sizes; the
larger, four times the smaller, must take less than ten times as long (a
quadratic rule takes sixteen). Small absolute times are ignored: they are
noise. The full-size measurements (a 5 MB single line, 50 MB of short lines,
100,000 files, peak memory) are in `benchmarks/robustness.py`; the smaller
versions here keep CI within its budget.

Times are CPU seconds of this process (or of the `qa-lint` process and its
workers), not wall-clock: on a loaded machine another process's turn on the CPU
is not this code's cost. A case that looks slow is measured again, best of five,
before it counts (unless it is more than three times past the bound): one
unlucky run is not a quadratic rule.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Callable

import pytest

from conftest import run_cli, write
from qa_lint.document import Document
from qa_lint.registry import Registry
from qa_lint.rule import RunItem, Scope

REGISTRY = Registry(load_entry_points=False)
RULES = [rule for rule in REGISTRY.sorted_rules() if rule.scope is not Scope.GROUP]

# What rules look for, as long runs: brackets, quotes, leftovers, names, digits, invisible characters.
PIECES = {
    "fr": ["a", " ", "(", "« ", "»", "“", "\"", "Comment ", "| ", "http://x.", "1,", "Phan ", "Phan Anh ", "A",
           "Ab ", "e\u0301", "Ã©", "Ã", "—", ". ", " .", ",", "\n\n", "<!-- ", "(Photo: ", "Tags: a, ", "the the ",
           "\u200b", "a\u200b", "\u00ad", "\u202e", "\t", "ab-", "Phan-",
           "\u0301\u0323", "e\u0323\u0301\u0302"],  # one cluster of mixed marks, one base with many
    "fa": ["می ", "ها ", "\u200c", "\u200c ", ".\u200c", "۱٫", "١", "،", "فان ", "آنه ", "«", "ي", "(عکس: "],
}
SMALL, FACTOR, RATIO, NOISE = 2000, 4, 10.0, 0.03


def cpu_seconds(work: Callable[[], object]) -> float:
    started = time.process_time()
    work()
    return time.process_time() - started


def child_cpu_seconds() -> float:
    """CPU time of the finished child processes so far (`qa-lint` runs and their workers)."""
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_cli_cpu(*args, cwd) -> tuple:
    """`run_cli`, and the CPU seconds the run took (the process and the workers it waited for)."""
    before = child_cpu_seconds()
    result = run_cli(*args, cwd=cwd)
    return result, child_cpu_seconds() - before


def check_seconds(rule, text: str, lang: str) -> float:
    doc = Document(path=f"{lang}/a.txt", file=Path("/nonexistent") / lang / "a.txt", text=text, lang=lang)
    if rule.scope is Scope.DOCUMENT:
        return cpu_seconds(lambda: list(rule.check(doc)))
    return cpu_seconds(lambda: list(rule.reduce([RunItem(doc.path, doc.lang, rule.map_document(doc))])))


def best_of(rule, text: str, lang: str, runs: int = 2) -> float:
    return min(check_seconds(rule, text, lang) for _ in range(runs))


def grows_too_fast(small: float, large: float) -> bool:
    return large > NOISE and large > RATIO * max(small, 1e-4)


def worth_measuring_again(small: float, large: float) -> bool:
    """Slow-looking, but not so far past the bound that a quieter run could bring it back."""
    return grows_too_fast(small, large) and large < 3 * RATIO * max(small, 1e-4)


def near_misses(rule) -> list[tuple[str, str]]:
    """The rule's own examples without their last character, repeated: what its regexes almost match."""
    found = []
    for example in rule.examples:
        line = example.text.split("\n")[0]
        if len(line) > 2:
            found.append((example.lang or "fr", line[:-1] + " "))
    return found[:4]


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.code)
def test_rule_time_grows_linearly(rule):
    slow = []
    cases = [(lang, piece) for lang, pieces in PIECES.items() for piece in pieces] + near_misses(rule)
    for lang, piece in cases:
        repeats = max(1, SMALL // len(piece))
        small = best_of(rule, piece * repeats, lang)
        large = best_of(rule, piece * repeats * FACTOR, lang)
        if worth_measuring_again(small, large):
            small = best_of(rule, piece * repeats, lang, runs=5)
            large = best_of(rule, piece * repeats * FACTOR, lang, runs=5)
        if grows_too_fast(small, large):
            slow.append(f"{piece!r} ({lang}): {small:.3f}s -> {large:.3f}s")
    assert not slow, f"{rule.code} grows faster than linearly on: " + "; ".join(slow)


def test_mojibake_candidates_do_not_backtrack():
    """A long run of Windows-1252 lookalikes with no UTF-8 pair once took quadratic time (S009)."""
    rule = REGISTRY.get("S009")
    assert best_of(rule, "»" * 200_000 + "\n", "fr", runs=1) < 2.0
    assert best_of(rule, "Ã" * 200_000 + "\n", "fr", runs=1) < 2.0


def test_one_cluster_of_a_million_marks():
    """S010 on one line that is one grapheme of mixed combining marks: CPython's NFC orders marks by
    insertion sort, and that line took minutes."""
    rule = REGISTRY.get("S010")
    text = "e" + "\u0301\u0323" * 500_000 + "\n"
    assert best_of(rule, text, "fr", runs=1) < 10.0


def test_long_single_line_through_the_command_line(tmp_path):
    """200 KB on one line in two languages: linted in seconds, with a JSON report."""
    sentence_fr = "Le ministre a dit « oui » à la Maison-Blanche , puis à la Maison Blanche. "
    sentence_fa = "وزیر امور خارجه گفت که این همکاری ادامه می یابد و «فان آنه سون» آن را تایید کرد. "
    write(tmp_path / "fr" / "long.txt", sentence_fr * (200_000 // len(sentence_fr.encode())))
    write(tmp_path / "fa" / "long.txt", sentence_fa * (200_000 // len(sentence_fa.encode())))
    result, elapsed = run_cli_cpu("check", "--format", "json", "--exit-zero", ".", cwd=tmp_path)
    assert result.code == 0 and "Traceback" not in result.stderr, result.stderr
    assert "fr/long.txt" in {f["path"] for f in result.json()}
    assert elapsed < 60, f"{elapsed:.1f}s for 400 KB"


def test_oversized_file_is_a_finding_not_a_stall(tmp_path):
    write(tmp_path / "qa-lint.toml", "max-file-size = 1_000_000\n")
    write(tmp_path / "fr" / "huge.txt", b"Bonjour.\n" * 400_000)  # 3.6 MB
    write(tmp_path / "fr" / "small.txt", "Comment (0)\n")
    result, elapsed = run_cli_cpu("check", "--format", "concise", ".", cwd=tmp_path)
    assert elapsed < 20
    assert result.code == 2
    assert "fr/huge.txt:1:1: F005 [error] file is 3,600,000 bytes, over the limit of 1,000,000" in result.stdout
    assert "fr/small.txt:1:1: B001" in result.stdout


def test_many_files_in_a_deep_tree(tmp_path):
    """2,000 files in 400 folders (the 100,000-file run is in the benchmark)."""
    for n in range(2000):
        write(tmp_path / "fr" / f"d{n % 20:02d}" / f"e{n % 400:03d}" / f"{n:05d}.txt", "Bonjour.\n")
    write(tmp_path / "fr" / "d00" / "e000" / "leftover.txt", "Comment (0)\n")
    result, elapsed = run_cli_cpu("check", "--format", "concise", ".", cwd=tmp_path)
    assert elapsed < 60
    assert result.code == 1, result.stderr
    assert "Found 2 findings in 1 file (2,001 checked)." in result.stdout.splitlines(), result.stdout


@pytest.mark.parametrize("run", ["«", "“", "„", "《", "a-", "ي", "x.", "\"(", "@"])
def test_language_masking_is_linear(run):
    """The language rules blank URLs, e-mail addresses and quoted titles first; openers never closed
    and very long words once made that quadratic."""
    from qa_lint.builtin_rules.language.words import mask

    text = run * (100_000 // len(run))
    assert min(cpu_seconds(lambda: mask(text)) for _ in range(2)) < 1.0
    assert len(mask(text)) == len(text)


GROUP_RULES = [rule for rule in REGISTRY.sorted_rules() if rule.scope is Scope.GROUP]
# Alternating languages on one line: the language rules cut it into many runs (once quadratic in L001-L004).
MIXED = (
    "Le ministre a dit que la coopération entre les deux pays continue. "
    "The minister said that the cooperation between the two countries will continue. "
)


def group_seconds(rule, repeats: int) -> float:
    from qa_lint.groups import build_groups

    docs = [
        Document(path="fr/a.txt", file=Path("/nonexistent/fr/a.txt"), text=MIXED * repeats + "\n", lang="fr"),
        Document(path="en/a.txt", file=Path("/nonexistent/en/a.txt"), text="The minister said so.\n", lang="en"),
    ]
    return cpu_seconds(lambda: [list(rule.check_group(group)) for group in build_groups(docs, "en")])


@pytest.mark.parametrize("rule", GROUP_RULES, ids=lambda rule: rule.code)
def test_group_rule_time_grows_linearly(rule):
    group_seconds(rule, 5)  # load detectors and data first
    small = min(group_seconds(rule, 100) for _ in range(2))
    large = min(group_seconds(rule, 100 * FACTOR) for _ in range(2))
    if worth_measuring_again(small, large):
        small = min(group_seconds(rule, 100) for _ in range(5))
        large = min(group_seconds(rule, 100 * FACTOR) for _ in range(5))
    assert not grows_too_fast(small, large), f"{rule.code}: {small:.3f}s -> {large:.3f}s"


@pytest.mark.skipif(not Path("/proc/self/maps").exists(), reason="counts Linux memory mappings")
def test_small_files_read_cost_no_memory_mapping_each(tmp_path):
    """Reading with the 10 MB limit as the size once left one mapped page per file: 65,000 files
    kept in memory hit the system's limit of mappings (MemoryError, workers unable to start)."""
    from qa_lint.reading import read_bytes

    for n in range(2000):
        (tmp_path / f"{n}.txt").write_text("Le ministre a rencontré la délégation.\n", encoding="utf-8")

    def mappings() -> int:
        with open("/proc/self/maps") as handle:
            return sum(1 for _ in handle)

    before = mappings()
    kept = [read_bytes(path, 10_000_000) for path in sorted(tmp_path.iterdir())]
    assert len(kept) == 2000 and mappings() - before < 200
