"""`python -m qa_lint` works like `qa-lint`."""

from .cli import run

if __name__ == "__main__":
    run()
