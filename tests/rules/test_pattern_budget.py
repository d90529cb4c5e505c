"""A rule-pack pattern that backtracks without bound costs its rule that one file, never the run.

`(a|a)+$` against forty a's and a "!" takes 2^40 steps. The rule is reported
as having given up on that file (exit 2, a message naming the pattern and the
line), its other files and every other rule are checked as usual.
"""

from __future__ import annotations

import textwrap
import time
from pathlib import Path

import pytest

from conftest import run_cli, write
from qa_lint.checktypes.base import PatternBudget

RUNAWAY = "(a|a)+$"
PACK = """\
[[rule]]
code = "H900"
name = "runaway-{kind}"
category = "typography"
type = "{kind}"
message = "matched {{match}}"
what = "A pattern that backtracks."
why = "To test the time budget."
{keys}

[[rule.examples]]
text = "aa\\n"

[[rule.examples]]
text = "bb\\n"
fires = false
"""
KEYS = {
    "pattern": f'match = "search"\npatterns = [{RUNAWAY!r}]',
    "substitution": f'[rule.swap]\n{RUNAWAY!r} = "b"'.replace("'", '"'),
}


def tree(root: Path, kind: str) -> Path:
    write(root / "qa-lint.toml", 'rule-packs = ["pack"]\n')
    write(root / "pack" / "runaway.toml", PACK.format(kind=kind, keys=KEYS[kind]))
    write(root / "fr" / "a.txt", "Comment (0)\n" + "a" * 40 + "!\n")
    write(root / "fr" / "b.txt", "Comment (0)\naa\n")
    return root


@pytest.mark.parametrize("kind", KEYS)
def test_a_runaway_pattern_gives_up_on_that_file_only(tmp_path, kind):
    tree(tmp_path, kind)
    started = time.monotonic()
    result = run_cli("check", "--no-cache", "--format", "concise", ".", cwd=tmp_path)
    elapsed = time.monotonic() - started
    assert result.code == 2 and "Traceback" not in result.stderr, result.stderr
    # The rule's other file, and the other rules on this one, are checked.
    assert "fr/b.txt:2:1: H900" in result.stdout
    assert "fr/a.txt:1:1: B001" in result.stdout and "fr/b.txt:1:1: B001" in result.stdout
    assert "fr/a.txt:2:1: H900" not in result.stdout
    assert (
        f"qa-lint: internal error: rule H900 (runaway-{kind}) gave up on fr/a.txt: pattern '(a|a)+$' ran over the "
        f"{PatternBudget.SECONDS + 56 * PatternBudget.PER_CHARACTER:.1f} s this rule may take on the file, at line 2"
    ) in result.stderr
    assert "Traceback" not in result.stderr
    assert elapsed < 60  # the budget, with room for a loaded machine (the regex module checks the clock coarsely)


def test_the_budget_grows_with_the_text():
    class Doc:
        path, text = "x", "a" * 1_000_000

    assert PatternBudget(Doc()).seconds == pytest.approx(PatternBudget.SECONDS + 5.0)
