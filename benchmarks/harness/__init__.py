"""What the benchmark scripts share: the corpus, running qa-lint, and report helpers.

Scripts run as `python benchmarks/NAME.py`, so this package imports as `harness`.
"""

from .cli import benchmark_parser, parse_args, qa_lint_command
from .corpus import (DEFAULT_CORPUS, REPO_ROOT, corpus_files, corpus_lines, findings_per_language, language_of, read_lines,
                     source_line, write_lines)
from .plant import planting_folder
from .report import count_by_rule, fmt, print_language_table, ratio
from .run import EXIT_ERROR, check_exit, median_time, parse_jsonl, run_qa_lint, run_timed
from .score import meets_target, print_verdict, rule_row, rule_table_header

__all__ = [
    "DEFAULT_CORPUS", "EXIT_ERROR", "REPO_ROOT", "benchmark_parser", "check_exit", "corpus_files", "corpus_lines",
    "count_by_rule", "findings_per_language", "fmt", "language_of", "median_time", "meets_target", "parse_args", "parse_jsonl",
    "planting_folder", "print_language_table", "print_verdict", "qa_lint_command", "ratio", "read_lines", "rule_row",
    "rule_table_header", "run_qa_lint", "run_timed", "source_line", "write_lines",
]
