"""The pre-commit hook in `.pre-commit-hooks.yaml`, run for real with `pre-commit run`.

pre-commit builds the hook's environment from a git repository at a revision:
it installs qa-lint (and its dependencies, from the package index) into a
fresh virtual environment, as any user of the hook gets it. It only sees
committed files, so the tests snapshot this working tree (tracked and
untracked files, minus what .gitignore excludes) into a temporary repository
and commit it there: the hook under test is the one in the working tree, and
the real repository's index is never touched. The project's
`.pre-commit-config.yaml` names that repository and commit, as a user's does;
the environment is built once and shared by the tests (`try-repo` built a new
one for every run: 40 s each on a loaded machine).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

# The first run builds a virtual environment and installs qa-lint into it:
# about 6-7 s here, with or without pip's cache, so the tests are not marked slow.
pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="pre-commit needs git, which is not installed")

# Variables that would point git at another repository than the one in cwd.
_GIT_LOCATION = ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_CEILING_DIRECTORIES")


@pytest.fixture(scope="module")
def env(tmp_path_factory) -> dict[str, str]:
    """A hermetic environment: pre-commit's store and git's global config in temporary folders."""
    home = tmp_path_factory.mktemp("pre-commit-env")
    gitconfig = home / "gitconfig"
    gitconfig.write_text(
        "[user]\n\tname = qa-lint tests\n\temail = tests@qa-lint.invalid\n"
        "[init]\n\tdefaultBranch = main\n[commit]\n\tgpgsign = false\n",
        encoding="utf-8",
    )
    environment = {key: value for key, value in os.environ.items() if key not in _GIT_LOCATION}
    environment.update(
        PRE_COMMIT_HOME=str(home / "pre-commit-home"),
        GIT_CONFIG_GLOBAL=str(gitconfig),
        GIT_CONFIG_NOSYSTEM="1",
        NO_COLOR="1",
    )
    return environment


def _git(env: dict[str, str], cwd: Path, *args: str) -> str:
    result = subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, f"git {' '.join(args)} failed in {cwd}:\n{result.stdout}\n{result.stderr}"
    return result.stdout


def _init_repo(env: dict[str, str], path: Path) -> None:
    _git(env, path, "init", "--quiet")
    _git(env, path, "config", "user.name", "qa-lint tests")
    _git(env, path, "config", "user.email", "tests@qa-lint.invalid")


def _working_tree_files() -> list[str]:
    """This checkout's files as they are now: tracked and untracked, minus the ignored."""
    if (REPO / ".git").exists() and shutil.which("git"):
        listing = subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=REPO, capture_output=True, check=True, timeout=60,
        ).stdout.decode("utf-8", "surrogateescape")
        return sorted({name for name in listing.split("\0") if name and (REPO / name).is_file()})
    # Not a git checkout (an unpacked sdist): everything but caches and environments.
    skipped = {".git", ".venv", "venv", "__pycache__", ".pytest_cache", ".qa-lint-cache", "build", "dist"}
    return sorted(
        path.relative_to(REPO).as_posix()
        for path in REPO.rglob("*")
        if path.is_file() and not skipped.intersection(path.relative_to(REPO).parts)
    )


@pytest.fixture(scope="module")
def hook_repo(env, tmp_path_factory) -> Path:
    """A committed snapshot of this working tree: what pre-commit installs the hook from."""
    snapshot = tmp_path_factory.mktemp("qa-lint-snapshot")
    for name in _working_tree_files():
        target = snapshot / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO / name, target, follow_symlinks=False)
    assert (snapshot / ".pre-commit-hooks.yaml").is_file()
    _init_repo(env, snapshot)
    _git(env, snapshot, "add", "--all")
    _git(env, snapshot, "commit", "--quiet", "--no-verify", "-m", "snapshot of the working tree")
    return snapshot


@pytest.fixture
def project(env, tmp_path) -> Path:
    """A repository of translations, where a user would commit."""
    root = tmp_path / "articles"
    root.mkdir()
    _init_repo(env, root)
    return root


def _run_hook(env: dict[str, str], hook_repo: Path, project: Path, *files: str) -> subprocess.CompletedProcess:
    revision = _git(env, hook_repo, "rev-parse", "HEAD").strip()
    (project / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {json.dumps(str(hook_repo))}\n    rev: {revision}\n    hooks:\n      - id: qa-lint\n",
        encoding="utf-8",
    )
    _git(env, project, "add", "--all")
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "qa-lint", "--color", "never", "--files", *files],
        cwd=project, env=env, capture_output=True, text=True, encoding="utf-8", timeout=900,
    )


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_hook_fails_on_a_comment_counter(env, hook_repo, project):
    _write(project / "fr" / "a.txt", "Le ministre a souligné la coopération entre les deux pays.\nComment (0)\n")
    result = _run_hook(env, hook_repo, project, "fr/a.txt")
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "qa-lint" in output and "Failed" in output, output
    assert "fr/a.txt:2:1: B001" in output, output


def test_hook_passes_a_clean_file_and_skips_other_file_types(env, hook_repo, project):
    _write(project / "fr" / "a.txt", "Le ministre a souligné la coopération entre les deux pays.\n")
    # Not a .txt or .md file: the hook's `files` pattern keeps it away from qa-lint,
    # which would otherwise report the counter in it.
    _write(project / "export.csv", "text\nComment (0)\n")
    result = _run_hook(env, hook_repo, project, "fr/a.txt", "export.csv")
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "Passed" in output, output
    assert "B001" not in output, output


def test_hook_with_only_the_persian_seed_staged_reports_its_name_variant(env, hook_repo, project):
    # pre-commit passes the staged file alone: no French translation beside it names the person.
    seed = REPO / "examples" / "fa" / "vufo-mofa-coordination.txt"
    _write(project / "fa" / seed.name, seed.read_text(encoding="utf-8"))
    result = _run_hook(env, hook_repo, project, f"fa/{seed.name}")
    output = result.stdout + result.stderr
    assert f"fa/{seed.name}:15:14: N006" in output, output
    assert "فان آنه سون" in output, output
