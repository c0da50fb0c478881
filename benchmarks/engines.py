"""The implementations under test, with the same signature.

`run_openfisca(data, horizon)` builds one design-C simulation (a `worker` per person, a
`worker_month` row per person and month), computes the four amount variables with the sentinel
period and returns them as (n, months) grids. `run_numpy` is the hand-written baseline. Both
read the same `benchmarks.dataset` population: the inputs in `WORKER_INPUTS`, among them the
v1.2 `gesco_post` and the `recognised_<name>` flags that pick the SINE transition case.

`run_engine(name, ...)` also knows what-if variants of the OpenFisca run, to measure the
suggestions of the profile without touching `src/` (names joined with '+'):
- `openfisca+dense`: `klaverblad.rules.dated.by_month` replaced, for the run only, by a lookup
  that indexes a dense month range (`month - first`) instead of sorting every row's month with
  `numpy.unique` at each `in_force` / `at_start` call;
- `openfisca+codes`: enumerations passed to `set_input` as integer codes instead of names
  (the conversion from names is timed too);
- `openfisca+chunk=K`: K people per simulation, results written into preallocated grids, with a
  `gc.collect()` between chunks (a simulation is a reference cycle: without it, the chunks'
  caches pile up until the cyclic collector happens to run).
"""

from __future__ import annotations

import contextlib
import gc
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import numpy

from benchmarks import numpy_baseline
from benchmarks.dataset import WORKER_INPUTS, Population
from klaverblad.plan import situation
from klaverblad.rules import baseline_system, dated
from klaverblad.rules.by_month import ParametersByMonth, by_month
from klaverblad.rules.variables.inputs import Diploma, LegalForm, Status

SENTINEL = "1000-01"
AMOUNTS = numpy_baseline.AMOUNTS


@dataclass
class Run:
    grids: dict[str, numpy.ndarray]
    build_seconds: float = 0.0
    compute_seconds: float = 0.0
    simulation: Any = field(default=None, repr=False)


ENUMS = {"status": Status, "diploma": Diploma, "legal_form": LegalForm}


def enum_codes(names: numpy.ndarray, enum: Any) -> numpy.ndarray:
    """Names of an OpenFisca enum -> its int16 indices (declaration order)."""
    codes = numpy.zeros(names.shape, dtype=numpy.int16)
    for member in enum:
        codes[names == member.name] = member.index
    return codes


def build_simulation(
    data: Population, horizon: numpy.ndarray, codes: bool = False, openfisca: bool = False
) -> Any:
    """The product's own builder (`klaverblad.plan.situation`: the lean evaluator), so the
    benchmark times the path a plan takes; with `openfisca`, OpenFisca's own `Simulation`."""
    n = len(data["fte"])
    first = int(horizon[0].astype("datetime64[M]").astype(numpy.int64)) + 1970 * 12
    inputs = {name: data[name] for name in WORKER_INPUTS}
    if codes:
        inputs.update({name: enum_codes(data[name], enum) for name, enum in ENUMS.items()})
    build = situation.openfisca_simulation if openfisca else situation.build_simulation
    return build(baseline_system(), inputs, situation.Grid.rectangle(n, first, len(horizon)))


def run_openfisca(
    data: Population, horizon: numpy.ndarray, keep: bool = False, codes: bool = False
) -> Run:
    """Build + compute + pull the four amounts as (n, months) float64 arrays."""
    started = time.perf_counter()
    simulation = build_simulation(data, horizon, codes)
    built = time.perf_counter()
    shape = (len(data["fte"]), len(horizon))
    grids = {name: simulation.calculate(name, SENTINEL).reshape(shape) for name in AMOUNTS}
    done = time.perf_counter()
    return Run(grids, built - started, done - built, simulation if keep else None)


def run_numpy(data: Population, horizon: numpy.ndarray, keep: bool = False) -> Run:
    started = time.perf_counter()
    grids = numpy_baseline.compute(data, horizon)
    return Run(grids, 0.0, time.perf_counter() - started)


def dense_by_month(tree: Any, month_index: numpy.ndarray) -> ParametersByMonth:
    """`by_month` without the sort: month indexes of a plan span a short range."""
    if month_index.size == 0:
        return by_month(tree, month_index)
    first = int(month_index.min())
    span = int(month_index.max()) - first + 1
    if span > 100_000:
        return by_month(tree, month_index)
    months = numpy.arange(first, first + span, dtype=numpy.int64)
    return ParametersByMonth(tree, months, (month_index - first).reshape(-1))


@contextlib.contextmanager
def dense_months() -> Iterator[None]:
    original = dated.by_month
    dated.by_month = dense_by_month
    try:
        yield
    finally:
        dated.by_month = original


def run_engine(name: str, data: Population, horizon: numpy.ndarray, keep: bool = False) -> Run:
    if name == "numpy":
        return run_numpy(data, horizon, keep)
    base, *options = name.split("+")
    if base != "openfisca" or any(
        o not in ("dense", "codes") and not o.startswith("chunk=") for o in options
    ):
        raise ValueError(f"unknown engine {name!r}")
    chunk = next((int(o.removeprefix("chunk=")) for o in options if o.startswith("chunk=")), 0)
    patch = dense_months() if "dense" in options else contextlib.nullcontext()
    with patch:
        n = len(data["fte"])
        if not chunk or chunk >= n:
            return run_openfisca(data, horizon, keep, codes="codes" in options)
        started = time.perf_counter()
        grids = {name: numpy.empty((n, len(horizon))) for name in AMOUNTS}
        build = 0.0
        last = None
        for first in range(0, n, chunk):
            part = {key: value[first : first + chunk] for key, value in data.items()}
            last = None
            # A Simulation and its populations refer to each other: without a collection its
            # cached arrays outlive the chunk, and the peak is that of the whole batch.
            gc.collect()
            keep_this = keep and first + chunk >= n
            last = run_openfisca(part, horizon, keep_this, codes="codes" in options)
            build += last.build_seconds
            for amount, grid in grids.items():
                grid[first : first + chunk] = last.grids[amount]
            last.grids.clear()
        elapsed = time.perf_counter() - started
        return Run(grids, build, elapsed - build, last.simulation if last else None)
