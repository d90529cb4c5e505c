"""Widget labels of another language: a line made of them is told apart, and only the rules whose labels
the line holds have their patterns compiled."""

from __future__ import annotations

from qa_lint.builtin_rules.language import ui_strings
from qa_lint.builtin_rules.language.ui_strings import ui_language


def test_a_counter_in_another_language_is_that_languages_widget():
    assert ui_language("Comment (0)", "fr", ("fr", "en")) == "en"
    assert ui_language("Commentaires (0)", "fr", ("fr", "en")) is None
    assert ui_language("Le ministre a parlé.", "fr", ("fr", "en")) is None


def test_only_the_rules_whose_labels_are_in_the_line_are_compiled():
    ui_strings._pattern.cache_clear()
    ui_language("12 345", "fr", ("fr", "en"))
    assert ui_strings._pattern.cache_info().currsize == 0
    ui_language("Comment (0)", "fr", ("fr", "en"))
    compiled = ui_strings._pattern.cache_info().currsize
    rules = len(ui_strings._sources("fr")) + len(ui_strings._sources("en"))
    assert 0 < compiled < rules
