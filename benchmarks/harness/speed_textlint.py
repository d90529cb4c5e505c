"""textlint beside qa-lint in `benchmarks/speed.py`: a pinned textlint and one trivial rule, set up at run time.

npm installs textlint into a temporary folder (nothing is written into the repository, no
node_modules there); the rule is a local file loaded with `--rulesdir`: it reports two spaces
in a row inside a text node, so it visits every node of every file and does next to nothing
else. textlint reads .txt files with its built-in text plugin and .md with its markdown plugin.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

TEXTLINT_VERSION = "15.8.0"  # pinned: the comparison must not drift with npm's latest

TRIVIAL_RULE = """\
// Two spaces in a row inside a text node: one indexOf per node, the least a rule can do.
module.exports = function (context) {
  const { Syntax, RuleError, report, getSource, locator } = context;
  return {
    [Syntax.Str](node) {
      const text = getSource(node);
      for (let at = text.indexOf("  "); at !== -1; at = text.indexOf("  ", at + 2)) {
        report(node, new RuleError("two spaces in a row", { padding: locator.range([at, at + 2]) }));
      }
    },
  };
};
"""


def install_textlint(into: Path) -> tuple[list[str] | None, str]:
    """The command that runs textlint with the trivial rule (None when it cannot be had) and what happened."""
    npm = shutil.which("npm")
    if npm is None:
        return None, "npm not found"
    folder = into / "textlint"
    rules = folder / "rules"
    rules.mkdir(parents=True)
    (rules / "two-spaces.js").write_text(TRIVIAL_RULE, encoding="utf-8")
    try:
        done = subprocess.run([npm, "install", "--no-audit", "--no-fund", "--no-package-lock", "--silent",
                               f"textlint@{TEXTLINT_VERSION}"], cwd=folder, capture_output=True, text=True,
                              timeout=300, check=False)
    except subprocess.TimeoutExpired:
        return None, "npm install took over 5 minutes (no network?)"
    binary = folder / "node_modules" / ".bin" / "textlint"
    if done.returncode != 0 or not binary.exists():
        last = (done.stderr.strip().splitlines() or ["no message"])[-1]
        return None, f"npm install textlint@{TEXTLINT_VERSION} failed ({last})"
    return [str(binary), "--no-textlintrc", "--rulesdir", str(rules), "--format", "json"], \
        f"textlint {TEXTLINT_VERSION} with one local rule ({rules / 'two-spaces.js'})"


def count_messages(output: bytes) -> int:
    """Findings of a `textlint --format json` run: the messages of every file."""
    return sum(len(result.get("messages", ())) for result in json.loads(output or b"[]"))
