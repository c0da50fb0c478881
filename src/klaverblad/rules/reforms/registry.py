"""Named reforms and generic parameter changes, validated before anything is built."""

from __future__ import annotations

import functools
import re
import threading
import weakref
from collections import OrderedDict
from dataclasses import dataclass
from decimal import Decimal

import numpy
from openfisca_core import periods
from openfisca_core.parameters import Parameter, ParameterNode
from openfisca_core.reforms import Reform
from openfisca_core.taxbenefitsystems import TaxBenefitSystem

from klaverblad.model.echo import echo
from klaverblad.model.number_reader import NumberError, read_decimal
from klaverblad.rules.by_month import leaf, month_of_instant, values_at_months
from klaverblad.rules.reforms.lde_koppeling_sine import LdeKoppelingSine
from klaverblad.rules.reforms.sine_uitbreiding import SineUitbreiding
from klaverblad.rules.system import baseline_system, use_float64

REFORMS: dict[str, type[Reform]] = {
    "sine-uitbreiding": SineUitbreiding,
    "lde-koppeling-sine": LdeKoppelingSine,
}
CHANGE_PATTERN = re.compile(r"^(?P<path>[a-z0-9_.]+)=(?P<value>[^@]+)@(?P<month>\d{4}-\d{2})$")


class ReformError(ValueError):
    """A reform or parameter change that cannot be applied; the message says why."""


# Rulebook v1.2 renamed two SINE components (CONTRACT §3): a `--set` path with an old name is
# accepted as the new one for one version (dropped in v1.3), and the command says so.
RENAMED_IN_V1_2 = {
    "rsz_vermindering": "doelgroepvermindering",
    "activeringsuitkering": "herinschakelingsuitkering",
}


def current_path(path: str) -> str:
    """`path` with the v1.1 SINE component names replaced by their v1.2 names."""
    parts = path.split(".")
    return ".".join(RENAMED_IN_V1_2.get(part, part) for part in parts)


@dataclass(frozen=True)
class ParameterChange:
    """`--set PATH=VALUE@YYYY-MM`: the parameter takes VALUE from the first day of that month.
    `typed_path` is the path as typed when it used a v1.1 name (an alias of `path`)."""

    path: str
    value: float | bool
    month: str
    typed_path: str | None = None

    @property
    def deprecation(self) -> str | None:
        """The one line a command prints on standard error for a v1.1 name, else None."""
        if self.typed_path is None:
            return None
        return (
            f"warning: --set {self.typed_path} uses a component name of rulebook v1.1; "
            f"it is read as {self.path} (the old name is dropped in v1.3)"
        )

    @property
    def label(self) -> str:
        return f"set:{self.path}={self.value}@{self.month}"

    def changes_nothing(self, system: TaxBenefitSystem) -> bool:
        """True when the parameter already has this value from that month on."""
        parameter = leaf(system.parameters, self.path)
        start = month_of_instant(f"{self.month}-01")
        later = [month_of_instant(at.instant_str) for at in parameter.values_list]
        months = sorted({start, *(m for m in later if m > start)})
        in_force = values_at_months(parameter, numpy.array(months))
        return all(value == self.value for value in in_force)


def _parameter(path: str) -> Parameter:
    try:
        found = leaf(baseline_system().parameters, path)
    except (KeyError, AttributeError):
        raise ReformError(f"{echo(path)} is not a parameter (see `klaverblad measures`)") from None
    return found


def parse_change(text: str) -> ParameterChange:
    """Parse and validate `PATH=VALUE@YYYY-MM`; the value must suit the parameter's kind and is
    read by the bounded number reader (no exponent, NaN or Infinity, at most 30 digits; a
    decimal point or comma)."""
    match = CHANGE_PATTERN.match(text.strip())
    if not match:
        raise ReformError(f"{echo(text)} is not of the form PARAMETER=VALUE@YYYY-MM")
    typed, raw, month = match.group("path"), match.group("value").strip(), match.group("month")
    path = current_path(typed)
    alias = typed if path != typed else None
    if not 1 <= int(month[5:]) <= 12:
        raise ReformError(f"'{month}' is not a month in the form YYYY-MM")
    parameter = _parameter(path)
    current = [at.value for at in parameter.values_list if at.value is not None]
    if current and all(isinstance(value, bool) for value in current):
        if raw.lower() not in ("true", "false"):
            raise ReformError(f"{path} is true or false, not {echo(raw)}")
        return ParameterChange(path, raw.lower() == "true", month, alias)
    if current and not all(isinstance(value, int | float) for value in current):
        raise ReformError(f"{path} is a list; only numbers and booleans can be changed")
    try:
        number = read_decimal(raw, decimal_comma=True)
    except NumberError as error:
        why = str(error).partition(" is not a number: ")[2] or str(error)
        raise ReformError(f"{echo(raw)} is not a number for {path}: {why}") from None
    unit = (parameter.metadata or {}).get("unit")
    if unit == "currency-EUR" and number != number.quantize(Decimal("0.01")):
        raise ReformError(f"{path} is an amount in euros: at most 2 decimals, not {echo(raw)}")
    return ParameterChange(path, float(number), month, alias)


def _change_reform(change: ParameterChange) -> type[Reform]:
    start = periods.instant(f"{change.month}-01")

    def modify(parameters: ParameterNode) -> ParameterNode:
        leaf(parameters, change.path).update(start=start, value=change.value)
        return parameters

    def apply(self: Reform) -> None:
        self.modify_parameters(modifier_function=modify)
        use_float64(self)

    return type("ParameterChangeReform", (Reform,), {"name": change.label, "apply": apply})


# The systems `system_with_changes` built, per base system (while it lives) and changes: the
# most recently used `WITH_CHANGES_KEPT` per base system (each holds a whole parameter tree).
_WITH_CHANGES: weakref.WeakKeyDictionary[
    TaxBenefitSystem, OrderedDict[tuple[ParameterChange, ...], TaxBenefitSystem]
] = weakref.WeakKeyDictionary()
_WITH_CHANGES_LOCK = threading.Lock()
WITH_CHANGES_KEPT = 8


def system_with_changes(
    system: TaxBenefitSystem, changes: tuple[ParameterChange, ...]
) -> TaxBenefitSystem:
    """`system` (the baseline or a reform) with the parameter changes applied in order, kept
    for the next plans that ask for the same (building one deep-copies the parameter tree)."""
    with _WITH_CHANGES_LOCK:
        known = _WITH_CHANGES.setdefault(system, OrderedDict())
        if changes in known:
            known.move_to_end(changes)
            return known[changes]
    changed = system
    for change in changes:
        changed = _change_reform(change)(changed)
    with _WITH_CHANGES_LOCK:
        known[changes] = changed
        while len(known) > WITH_CHANGES_KEPT:
            known.popitem(last=False)
    return changed


@functools.lru_cache(maxsize=32)
def reformed_system(
    names: tuple[str, ...] = (), changes: tuple[ParameterChange, ...] = ()
) -> TaxBenefitSystem:
    """The baseline with the named reforms, then the parameter changes, applied in order."""
    system: TaxBenefitSystem = baseline_system()
    for name in names:
        if name not in REFORMS:
            known = ", ".join(REFORMS)
            raise ReformError(f"'{name}' is not a reform; known reforms: {known}")
        system = REFORMS[name](system)
    for change in changes:
        system = _change_reform(change)(system)
    return system
