"""Rules written in Python, one package a family (names, caption, script, language,
numbers, typography, boilerplate, file); `plugin` registers them all.

Rules that are data (patterns, word lists) live in the rule packs under `rules/`.
"""
