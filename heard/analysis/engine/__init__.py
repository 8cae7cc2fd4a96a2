"""The analysis engine: plain Python, no Django. Records in (`records`), results out.

A linter contract (`[tool.importlinter]` in pyproject.toml) keeps this package free of Django and
of the rest of `heard`, so that it runs alone: in worker processes, in benchmarks, and on data
exported from other tools.
"""
