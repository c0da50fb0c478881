"""What each computed amount was computed from, recorded while the simulation runs.

Formulas read dated parameters only through `at_start` / `in_force` (`rules.dated`), and other
variables only through OpenFisca's `simulation.calculate`. A `ProvenanceRecorder` takes the
place of the simulation's tracer: it sees every variable a formula asks for (also when the
answer comes from the cache) and, through `dated`, every parameter leaf the formula reads and
whether it reads it at the worker's start month or at the row's own month. Formulas are
vectorised, so every branch runs and what a variable depends on does not depend on the data:
one record per simulation serves every person in it.

`recorder.provenance(variable, system, apart)` is the transitive closure for one variable: the
parameters it and everything it asks for read (its own reads first), and the input variables
(the facts of the file) it used. The variables `apart` (a statute's eligibility and its
conditions, which an explanation gives as conditions met) are not entered: what only they read
is kept separately (`condition_parameters`). Explanations read this record instead of a list
kept by hand.

Example:
    >>> from klaverblad.rules import baseline_system
    >>> from klaverblad.model import load_initiative
    >>> from klaverblad.plan.situation import Grid, build_simulation, calculate, worker_inputs
    >>> initiative = load_initiative("examples/bik-klusjesdienst.yaml")
    >>> system = baseline_system()
    >>> inputs = worker_inputs(initiative, initiative.people[:1])
    >>> simulation = build_simulation(system, inputs, Grid.rectangle(1, 24072, 1))
    >>> recorder = record_provenance(simulation)
    >>> _ = calculate(simulation, "art60_staatstoelage")
    >>> record = recorder.provenance("art60_staatstoelage", system, ("art60_eligible",))
    >>> ParameterRead("art60.leefloon_cat3", MONTH) in record.parameters
    True
    >>> record.condition_parameters
    (ParameterRead(path='art60.start_window', read_at='start'),)
    >>> "status" in record.inputs
    True
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal, Protocol

from openfisca_core.tracers import SimpleTracer

ReadAt = Literal["start", "month"]
# `at_start`: the value in force at the worker's start month; `in_force`: at the row's month.
START: ReadAt = "start"
MONTH: ReadAt = "month"


@dataclass(frozen=True)
class ParameterRead:
    """A parameter leaf (dotted path) a formula read, and at which month it read it."""

    path: str
    read_at: ReadAt


@dataclass(frozen=True)
class Provenance:
    """What `variable` was computed from: parameter reads (the variable's own first, then
    those of the variables it asked for, in the order it asked), those read only through the
    variables set apart (the conditions), and the input variables of both."""

    variable: str
    parameters: tuple[ParameterRead, ...]
    inputs: tuple[str, ...]
    condition_parameters: tuple[ParameterRead, ...] = ()

    @property
    def paths(self) -> tuple[str, ...]:
        """The parameter paths read, each once."""
        return tuple(dict.fromkeys(read.path for read in self.parameters))


class Traced(Protocol):
    """What runs the formulas and tells a tracer each call: OpenFisca's `Simulation`, or the
    plan's lean `Evaluator` (`plan.evaluator`)."""

    tracer: Any


class ProvenanceRecorder(SimpleTracer):
    """OpenFisca's simple tracer (the stack its cycle check needs) that also records, per
    variable, the variables it asked for and the parameters its formula read."""

    def __init__(self) -> None:
        super().__init__()
        # Ordered sets (dicts of None): the order in which each formula asked and read.
        self._asks: defaultdict[str, dict[str, None]] = defaultdict(dict)
        self._reads: defaultdict[str, dict[ParameterRead, None]] = defaultdict(dict)
        self._closures: dict[tuple[str, tuple[str, ...]], Provenance] = {}

    def record_calculation_start(self, variable: Any, period: Any) -> None:
        """An edge from the variable being computed to the one it asks for (a cached answer
        too), then the frame `SimpleTracer` pushes. Once per call, never per element."""
        stack = self._stack
        if stack:
            self._asks[stack[-1]["name"]][variable] = None
        stack.append({"name": variable, "period": period})

    def reader(self, read_at: ReadAt) -> Callable[[str], None] | None:
        """A callback recording parameter reads for the variable being computed now."""
        if not self._stack:
            return None
        reads = self._reads[self._stack[-1]["name"]]

        def record(path: str) -> None:
            reads[ParameterRead(path, read_at)] = None

        return record

    def _closure(self, roots: list[str], apart: frozenset[str]) -> tuple[list[str], list[str]]:
        """The variables reached from `roots`, depth first in the order each formula asked,
        not entering those in `apart`; and those of `apart` it met, in the order met."""
        order: list[str] = []
        met: dict[str, None] = {}
        seen: set[str] = set()
        pending = list(reversed(roots))
        while pending:
            name = pending.pop()
            if name in apart:
                met[name] = None
                continue
            if name in seen:
                continue
            seen.add(name)
            order.append(name)
            asked = self._asks.get(name, {})
            pending.extend(reversed([n for n in asked if n not in seen]))
        return order, list(met)

    def _reads_of(self, names: list[str]) -> dict[ParameterRead, None]:
        reads = self._reads
        return dict.fromkeys(read for name in names if name in reads for read in reads[name])

    def provenance(self, variable: str, system: Any, apart: tuple[str, ...] = ()) -> Provenance:
        """The closure of `variable` over what it asked for; the variables `apart` that it
        asked for are followed separately (computed once per variable)."""
        key = (variable, apart)
        known = self._closures.get(key)
        if known is not None:
            return known
        own, met = self._closure([variable], frozenset(apart))
        parameters = self._reads_of(own)
        conditions, _ = self._closure(met, frozenset(own))
        condition_parameters = [r for r in self._reads_of(conditions) if r not in parameters]
        inputs = tuple(
            name
            for name in dict.fromkeys([*own, *conditions])
            if name in system.variables and system.variables[name].is_input_variable()
        )
        record = Provenance(variable, tuple(parameters), inputs, tuple(condition_parameters))
        self._closures[key] = record
        return record


def record_provenance(simulation: Traced) -> ProvenanceRecorder:
    """Install a recorder as `simulation`'s tracer, before anything is calculated (what was
    calculated before would be known only by its value)."""
    tracer = simulation.tracer
    if isinstance(tracer, ProvenanceRecorder):
        return tracer
    if tracer is not None and tracer.stack:
        raise RuntimeError("record_provenance: install the recorder between calculations")
    recorder = ProvenanceRecorder()
    simulation.tracer = recorder
    return recorder


def reader_of(simulation: Traced, read_at: ReadAt) -> Callable[[str], None] | None:
    """The parameter-read callback for the formula `simulation` is computing, if recording."""
    tracer = simulation.tracer
    return tracer.reader(read_at) if isinstance(tracer, ProvenanceRecorder) else None
