"""The measure `gesco_regularisatie` as data (RULEBOOK v1.2 §4.1; see
`klaverblad.rules.measure_spec`): the entered grant that took over the GESCO premium, leaf I,
Vlaams. Its window depends on the promoter's legal form (the `grant` metadata of its
parameters): from 2015-04-01 for a gemeente, ocmw or intercommunale, from 2016-01-01 for the
others; `paid` names both, so the catalogue shows the earliest opening."""

from __future__ import annotations

from klaverblad.messages import N_
from klaverblad.rules.measure_spec import Measure

MEASURE = Measure(
    "gesco_regularisatie",
    "Regularisatie van de GESCO's (entered grant)",
    "I",
    "Vlaams",
    "gesco_regularisatie",
    reference="vlaanderen.be — regularisatiepremies contingentgesco's; decreetscvw.fov.be",
    # Read for the promoter: `valid_lokaal_bestuur` for a gemeente, OCMW or intercommunale
    # (the `by_employer` metadata of valid.yaml).
    paid=("gesco_regularisatie.valid",),
    words=(
        N_("value.measure_gesco_regularisatie"),
        N_("measure_label.gesco_regularisatie"),
        N_("measures.how_gesco_regularisatie"),
    ),
)
