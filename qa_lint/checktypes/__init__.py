"""Check types: the behaviours rule packs choose with `type = "..."` (Vale's split:
behaviour in code, rules as data)."""
