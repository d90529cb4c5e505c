"""What plain `--fix` changes on real text: no name, no source line, and what it does change, per rule.

What it measures
----------------
It copies the NTREX corpus and the project's ``examples/`` into a temporary
folder, lists the findings of every default rule (``--format json``), runs
``qa-lint check --fix`` (safe fixes only, as the pre-commit hook does) and
compares every file line by line with its copy:

* names changed - a line still there whose capitalised words (names, in
  scripts with capitals) or, in scripts without capitals, whose words differ
  once spaces, punctuation, invisible characters and letter forms a safe fix
  may normalise (Arabic ي ك in Persian, lookalike letters, NFC) are set
  aside; the target is 0;
* source lines deleted - a deleted line holding a web address or starting
  with a source label ("Source", "منبع", "Nguồn", ...); the target is 0;
* per rule: its findings, how many have a safe fix (applied), how many an
  unsafe one (left for ``--unsafe-fixes``), and the lines the fixes changed
  and deleted.

Exit status 1 when a target is missed, 2 when qa-lint fails.

How to run it (from the repository root)
----------------------------------------
    python benchmarks/fix_safety.py
    python benchmarks/fix_safety.py --corpus /path/to/ntrex --qa-lint /path/to/qa-lint

Standard library only; the corpus is read at run time, never copied into the
repository.
"""

from __future__ import annotations

import difflib
import json
import re
import shutil
import sys
import tempfile
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

from harness import REPO_ROOT, benchmark_parser, check_exit, parse_args, run_timed

# A source or attribution line: a web address, or a source label opening the line.
SOURCE_LINE = re.compile(
    r"https?://|www\.|^\W*(?:source|sources|nguồn|منبع|المصدر|источник|fuente|quelle|来源|出典|출처|स्रोत)\b",
    re.IGNORECASE,
)
WORD = re.compile(r"[^\W\d_]+")
# Letter forms a safe fix normalises: Arabic yeh and kaf in Persian, Latin lookalikes in Cyrillic and back.
FOLDED = str.maketrans({"ي": "ی", "ك": "ک", "ى": "ی", "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "х": "x"})


def fold(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    text = "".join(c for c in text if unicodedata.category(c) != "Cf")
    return text.translate(FOLDED)


def is_cased(text: str) -> bool:
    return any(c.isupper() for c in text)


def names_differ(before: str, after: str) -> bool:
    """Whether the names (capitalised words), or for scripts without capitals the words, of a line changed."""
    a, b = fold(before), fold(after)
    if is_cased(a) or is_cased(b):
        return Counter(w for w in WORD.findall(a) if w[0].isupper()) != Counter(w for w in WORD.findall(b) if w[0].isupper())
    return WORD.findall(a) != WORD.findall(b)


def main(argv: list[str] | None = None) -> int:
    parser = benchmark_parser(__doc__)
    parser.add_argument("--unsafe-fixes", action="store_true",
                        help="run --fix --unsafe-fixes instead, to see what the targets catch")
    args, corpus, qa_lint = parse_args(parser, argv)
    with tempfile.TemporaryDirectory(prefix="qa-lint-fix-safety-") as temporary:
        root = Path(temporary)
        shutil.copytree(corpus, root / "corpus", ignore=shutil.ignore_patterns("*.md", "LICENSE*"))
        shutil.copytree(REPO_ROOT / "examples", root / "examples", ignore=shutil.ignore_patterns("plugin"))
        for file in root.rglob("*.txt"):
            file.chmod(0o644)
        files = sorted(root.rglob("*.txt"))
        before = {f: f.read_text(encoding="utf-8").splitlines() for f in files}

        _, done = run_timed([*qa_lint, "check", "--format", "json", "--exit-zero", "--no-cache", "."], root)
        check_exit(done, "check", (0,))
        findings = json.loads(done.stdout)
        per_rule: dict[str, Counter] = defaultdict(Counter)
        fixed_at: dict[tuple[str, int], set[str]] = defaultdict(set)  # (path, line) -> rules with a safe fix there
        for f in findings:
            per_rule[f["code"]]["findings"] += 1
            if f["fix"]:
                per_rule[f["code"]][f["fix"]["applicability"]] += 1
                if f["fix"]["applicability"] == "safe":
                    for edit in f["fix"]["edits"]:
                        for line in range(edit["line"], edit["end_line"] + 1):
                            fixed_at[(f["path"], line)].add(f["code"])

        fix = ["--fix", "--unsafe-fixes"] if args.unsafe_fixes else ["--fix"]
        if args.unsafe_fixes:  # what the fix run applies is then every fix
            for f in findings:
                for edit in (f["fix"] or {}).get("edits", ()):
                    for line in range(edit["line"], edit["end_line"] + 1):
                        fixed_at[(f["path"], line)].add(f["code"])
        seconds, done = run_timed([*qa_lint, "check", *fix, "--exit-zero", "--no-cache", "--format", "concise", "."], root)
        check_exit(done, "check --fix", (0,))

        names_changed, sources_deleted, text_deleted = [], [], []
        changed_files = 0
        for file in files:
            old, new = before[file], file.read_text(encoding="utf-8").splitlines()
            if old == new:
                continue
            changed_files += 1
            path = file.relative_to(root).as_posix()
            matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
            for tag, i1, i2, j1, j2 in matcher.get_opcodes():
                if tag == "equal":
                    continue
                block = set().union(*(fixed_at.get((path, n + 1), set()) for n in range(i1, i2))) or {"?"}

                def rules_at(index: int) -> set[str]:
                    """The rules with a safe fix on this line, else on the changed block around it."""
                    return fixed_at.get((path, index + 1)) or block

                pairs = list(zip(old[i1:i2], new[j1:j2]))
                for offset, (line_before, line_after) in enumerate(pairs):
                    rules = rules_at(i1 + offset)
                    for code in rules:
                        per_rule[code]["lines changed"] += 1
                    if names_differ(line_before, line_after):
                        names_changed.append((path, line_before, line_after, rules))
                for index in range(i1 + len(pairs), i2):
                    gone, rules = old[index], rules_at(index)
                    for code in rules:
                        per_rule[code]["lines deleted"] += 1
                    if SOURCE_LINE.search(gone.strip()):
                        sources_deleted.append((path, gone, rules))
                    elif gone.strip():
                        text_deleted.append((path, gone, rules))

    print(f"files {len(files)}, changed by --fix {changed_files}; --fix run {seconds:.2f} s")
    print(f"{'rule':<6} {'findings':>9} {'safe fix':>9} {'unsafe':>7} {'lines changed':>14} {'lines deleted':>14}")
    for code in sorted(per_rule):
        row = per_rule[code]
        print(f"{code:<6} {row['findings']:>9} {row['safe']:>9} {row['unsafe']:>7} "
              f"{row['lines changed']:>14} {row['lines deleted']:>14}")
    print(f"\n{'measure':<30} {'value':>6} {'target':>7}")
    print(f"{'names changed':<30} {len(names_changed):>6} {0:>7}")
    print(f"{'source lines deleted':<30} {len(sources_deleted):>6} {0:>7}")
    print(f"{'other non-blank lines deleted':<30} {len(text_deleted):>6}")
    for path, gone, rules in text_deleted[:20]:
        print(f"  deleted ({', '.join(sorted(rules))}) {path}: {gone[:120]}")
    for path, line_before, line_after, rules in names_changed[:20]:
        print(f"  name changed ({', '.join(sorted(rules))}) {path}:\n    - {line_before[:120]}\n    + {line_after[:120]}")
    for path, gone, rules in sources_deleted[:20]:
        print(f"  source line deleted ({', '.join(sorted(rules))}) {path}: {gone[:120]}")
    return 1 if names_changed or sources_deleted else 0


if __name__ == "__main__":
    sys.exit(main())
