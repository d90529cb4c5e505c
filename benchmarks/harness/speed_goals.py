"""The verdicts of `benchmarks/speed.py`: each goal met or missed, and where the all-rules CPU goes."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .speed_run import Run

GOAL_FOLDER_MBPS = 15.0
GOAL_ONE_PROCESS_MBPS = 7.5
GOAL_CACHED_MBPS = 100.0
GOAL_ONE_FILE_S = 0.150
GOAL_PEAK_MB = 400.0


@dataclass
class Goal:
    name: str
    value: str  # the measured figure, or why there is none
    met: bool | None  # None: not measured in this run

    def line(self) -> str:
        mark = "SKIP" if self.met is None else "OK  " if self.met else "MISS"
        return f"{mark} {self.name}: {self.value}"


def _throughput(name: str, run: Run | None, goal: float) -> Goal:
    if run is None:
        return Goal(f"{name}, at least {goal:g} MB/s", "not measured", None)
    return Goal(f"{name}, at least {goal:g} MB/s", f"{run.mbps:.2f} MB/s ({run.label})", run.mbps >= goal)


def goals(runs: Mapping[str, Run], where: str, one_file: Mapping[str, Run], qa_lint_runs: list[Run]) -> list[Goal]:
    """The five goals of the speed issue, judged on the folder `where` ("scale" or "corpus").

    `runs` maps "<where>/<what>" to its run; `one_file` the cold start-up runs by language;
    `qa_lint_runs` every run of qa-lint whose peak memory counts.
    """
    found = [
        _throughput("a folder, default settings", runs.get(f"{where}/default"), GOAL_FOLDER_MBPS),
        _throughput("a folder, one process", runs.get(f"{where}/jobs1"), GOAL_ONE_PROCESS_MBPS),
        _throughput("a folder, cached re-run", runs.get(f"{where}/cached"), GOAL_CACHED_MBPS),
    ]
    name = f"one file cold, at most {GOAL_ONE_FILE_S * 1000:.0f} ms (median)"
    if one_file:
        slowest = max(one_file.values(), key=lambda run: run.wall)
        shown = ", ".join(f"{lang} {run.wall * 1000:.0f} ms" for lang, run in one_file.items())
        found.append(Goal(name, shown, slowest.wall <= GOAL_ONE_FILE_S))
    else:
        found.append(Goal(name, "not measured", None))
    name = f"peak memory, at most {GOAL_PEAK_MB:.0f} MB"
    if qa_lint_runs:
        largest = max(qa_lint_runs, key=lambda run: run.peak_mb)
        found.append(Goal(name, f"{largest.peak_mb:.0f} MB ({largest.label})", largest.peak_mb <= GOAL_PEAK_MB))
    else:
        found.append(Goal(name, "not measured", None))
    return found


def print_shares(all_rules: Run, engine: Run, families: Mapping[str, Run]) -> None:
    """Each family's CPU beyond the engine's, as a share of what all rules add to it (one process)."""
    work = all_rules.cpu - engine.cpu
    print(f"Where the CPU goes ({all_rules.label}: {all_rules.cpu:.2f} s; start-up and engine alone, "
          f"no rule selected: {engine.cpu:.2f} s, so the rules add {work:.2f} s):")
    total = 0.0
    for family, run in sorted(families.items(), key=lambda item: -item[1].cpu):
        own = run.cpu - engine.cpu
        total += own
        share = f"{100 * own / work:5.1f}%" if work > 0 else "    -"
        print(f"  {family:<12} {run.cpu:7.2f} s alone, {own:7.2f} s beyond the engine, {share} of the rules' CPU")
    if work > 0:
        print(f"  the families alone add up to {total:.2f} s, {100 * total / work:.0f}% of the rules' CPU "
              "(over 100%: work each family repeats alone; under: what rules cost together beyond their sum)")
