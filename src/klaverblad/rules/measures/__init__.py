"""One folder per measure: `spec.py` (the measure as data, `MEASURE`), and where it has them
`variables.py` (its OpenFisca formulas), `parameters/` (its dated YAML values, mounted at the
node named after the folder) and `tests.yaml` (its OpenFisca rule cases).

The two lists below are the measures' only registration: the order of the wage statutes breaks
ties in the best-statute choice (RULEBOOK §3); the initiative-level measures (§4) follow in the
order the catalogue lists them. `tests/rules/test_measure_folders.py` checks that every folder
is listed once and that the model's statute names equal `STATUTE_NAMES`.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from klaverblad.rules.measure_spec import Measure

MEASURES_DIRECTORY = Path(__file__).resolve().parent

STATUTE_NAMES: tuple[str, ...] = (
    "sine",
    "art60",
    "twe",
    "gesco",
    "activa",
    "activa_start",
    "wep_plus",
    "aanwervingsincentive",
    "dgv_zonder_werkervaring",
    "maatwerk",
    "vop",
)
INITIATIVE_MEASURE_NAMES: tuple[str, ...] = (
    "dienstencheque",
    "pwa",
    "wijk_werken",
    "klantbijdrage",
    "beleidsdomein",
    "lde",
    "swp",
    "lde_tijdelijke_vergoeding",
    "ald_werkingssubsidie",
    "gesco_regularisatie",
    "lokaal_actieplan",
    "art60_verhoogd",
    "overig",
)
MEASURE_NAMES: tuple[str, ...] = STATUTE_NAMES + INITIATIVE_MEASURE_NAMES


def spec_of(name: str) -> Measure:
    """The measure of folder `name`, as its `spec.py` states it."""
    module = importlib.import_module(f"{__name__}.{name}.spec")
    measure: Measure = module.MEASURE
    return measure


def folder_of(name: str) -> Path:
    return MEASURES_DIRECTORY / name


def measure_words(prefix: str) -> tuple[str, ...]:
    """The message ids with `prefix` that the measures own (`Measure.words`), in order."""
    return tuple(
        word for name in MEASURE_NAMES for word in spec_of(name).words if word.startswith(prefix)
    )
