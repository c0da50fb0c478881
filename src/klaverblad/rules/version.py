"""The rules version a plan reports: the package version plus a digest of the parameters in
force in the system used, so two plans with the same version used the same numbers."""

from __future__ import annotations

import hashlib
from importlib.metadata import PackageNotFoundError, version

from openfisca_core.parameters import Parameter, ParameterNode
from openfisca_core.taxbenefitsystems import TaxBenefitSystem

_DIGEST_ATTRIBUTE = "_klaverblad_rules_digest"


def _leaves(node: ParameterNode) -> list[Parameter]:
    found: list[Parameter] = []
    for child in node.children.values():
        found += _leaves(child) if isinstance(child, ParameterNode) else [child]
    return found


def parameters_digest(system: TaxBenefitSystem) -> str:
    digest = hashlib.sha256()
    for parameter in sorted(_leaves(system.parameters), key=lambda p: p.name):
        for at in parameter.values_list:
            digest.update(f"{parameter.name}@{at.instant_str}={at.value!r};".encode())
    return digest.hexdigest()[:12]


def rules_version(system: TaxBenefitSystem) -> str:
    """'0.1.0+params.1a2b3c4d5e6f', computed once per system."""
    # Read the instance's own attribute: a Reform forwards unknown attributes to its baseline,
    # whose digest would be wrong for the reformed parameters.
    cached: str | None = vars(system).get(_DIGEST_ATTRIBUTE)
    if cached is None:
        try:
            package = version("klaverblad")
        except PackageNotFoundError:
            package = "0+unknown"
        cached = f"{package}+params.{parameters_digest(system)}"
        setattr(system, _DIGEST_ATTRIBUTE, cached)
    return cached
