"""qa-lint: a linter for translated news articles."""

__version__ = "0.1.0"
