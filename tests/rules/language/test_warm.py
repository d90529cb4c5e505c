"""lingua's models load once, in the parent, before workers fork: no worker loads them again."""

from __future__ import annotations

import subprocess
import sys

import pytest

from qa_lint.builtin_rules.language.warm import detector_sets, warm_detectors
from qa_lint.rule import PlannedGroup

linux_fork = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="forks, and reads /proc/self/status")
# Loading the models of two languages takes about 90 MB; a worker that loads none grows by far less.
LOADED_MB = 40


def test_the_detectors_asked_for_are_those_of_languages_sharing_a_script():
    group = PlannedGroup(("fa", "fr", "ar-EG", "ru"), "en")
    assert detector_sets([group]) == {("ar", "fa"), ("en", "fr")}
    assert detector_sets([PlannedGroup(("ru",), "en"), PlannedGroup((), None)]) == set()  # Cyrillic has no rival


# In a fresh process (this one may have loaded models already): how much a forked worker's memory grows
# while it detects French and English, before and after the parent warmed the detectors.
WORKER_GROWTH = """
import multiprocessing
from qa_lint import detect
from qa_lint.builtin_rules.language.warm import warm_detectors
from qa_lint.rule import PlannedGroup

def rss_mb():
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS")) / 1024

def growth(_):
    before = rss_mb()
    detect.confidences("Le conseil municipal a ouvert une nouvelle ligne de bac lundi.", ("en", "fr"))
    detect.spans("The council opened a new ferry line. Le conseil a ouvert une nouvelle ligne.", ("en", "fr"))
    return rss_mb() - before

def in_worker():
    with multiprocessing.get_context("fork").Pool(1) as pool:
        return pool.map(growth, [None])[0]

cold = in_worker()
warm_detectors([PlannedGroup(("fr", "en"), "en")])
print(cold, in_worker())
"""


@linux_fork
def test_a_worker_forked_after_warming_loads_no_model():
    result = subprocess.run([sys.executable, "-c", WORKER_GROWTH], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    cold, warmed = map(float, result.stdout.split())
    assert cold > LOADED_MB  # the measurement sees a worker loading the models itself
    assert warmed < LOADED_MB


def test_warming_compiles_the_widget_label_patterns_of_the_languages_in_play():
    from qa_lint.builtin_rules.language import ui_strings

    ui_strings._pattern.cache_clear()
    warm_detectors([PlannedGroup(("ru",), "en")])  # no detector to warm: lingua is not needed
    compiled = ui_strings._pattern.cache_info().currsize
    assert compiled == len(ui_strings._sources("ru")) + len(ui_strings._sources("en")) > 2  # every rule's, of both
