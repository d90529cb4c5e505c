"""Running rules over files: plan -> sources -> rules -> finish, with workers and a result cache.

- `plan.py`: which files, under which settings and rules, in which article groups.
- `sources.py`: a file's bytes (on disk or given) decoded into a document with its language.
- `rules.py`: the only caller of a rule's `check`, `check_group`, `map_document` and `reduce`.
- `finish.py`: suppression comments, sorting and fingerprints.
- `linter.py`: `Linter`, which runs these steps per article group, in process or in workers.
- `workers.py`: worker processes that die with the run; `cache.py`: the result cache.
- `manifest.py`: a whole run keyed by its files' stamps, served when nothing changed.
- `served.py`: the report a format wrote for such a run, kept and written again.
"""
