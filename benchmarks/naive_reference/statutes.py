"""The wage statutes in the rulebook's order, which breaks ties in the best-statute choice
(RULEBOOK §3): sine, art60, twe, gesco, activa, activa_start, wep_plus, aanwervingsincentive,
dgv_zonder_werkervaring, maatwerk, vop."""

from __future__ import annotations

from benchmarks.naive_reference.facts import Statute
from benchmarks.naive_reference.statutes_activation import (
    AANWERVINGSINCENTIVE,
    ACTIVA,
    ACTIVA_START,
    DGV_ZONDER_WERKERVARING,
    SINE,
)
from benchmarks.naive_reference.statutes_decided import MAATWERK, VOP
from benchmarks.naive_reference.statutes_public import ART60, GESCO, TWE, WEP_PLUS

STATUTES: tuple[Statute, ...] = (
    SINE,
    ART60,
    TWE,
    GESCO,
    ACTIVA,
    ACTIVA_START,
    WEP_PLUS,
    AANWERVINGSINCENTIVE,
    DGV_ZONDER_WERKERVARING,
    MAATWERK,
    VOP,
)
BY_NAME = {statute.name: statute for statute in STATUTES}
REGULAR = "regular"
