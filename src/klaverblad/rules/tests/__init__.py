"""Tests of the klaverblad rules: YAML tests per measure (see `conftest.py`) and parameter checks.

A package, so that pytest and mypy name these modules `klaverblad.rules.tests.*` and they never
clash with modules of the same name under the project's top-level `tests/`.
"""
