"""Rules written in Python, one module a rule (or a family of tightly related ones).

Rules that are data (patterns, word lists) live in the rule packs under `rules/`.
"""
