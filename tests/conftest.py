"""Hypothesis profiles for the property-based tests (tests/plan/test_invariants.py, the bad
input tests and schemathesis).

- `ci` (the default): a bounded, reproducible run — 50 examples per test, derandomized (the
  same examples on every machine and run), no deadline (a first plan loads the rules), no
  example database written into the checkout.
- `dev`: a longer random search on a developer's machine, its example database in the
  system's temporary directory (not the checkout), so that a failure found once is replayed
  first next time.

Choose one with `HYPOTHESIS_PROFILE=dev .venv/bin/pytest tests/plan/test_invariants.py`.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis.database import DirectoryBasedExampleDatabase

settings.register_profile(
    "ci",
    max_examples=50,
    deadline=None,
    derandomize=True,
    database=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "dev",
    max_examples=500,
    deadline=None,
    database=DirectoryBasedExampleDatabase(Path(tempfile.gettempdir()) / "klaverblad-hypothesis"),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
