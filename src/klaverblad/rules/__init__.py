"""The klaverblad rules as an OpenFisca country package (RULEBOOK §1–3)."""

from klaverblad.rules.system import (
    CountryTaxBenefitSystem,
    KlaverbladTaxBenefitSystem,
    baseline_system,
)

__all__ = ["CountryTaxBenefitSystem", "KlaverbladTaxBenefitSystem", "baseline_system"]
