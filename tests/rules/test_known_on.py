"""The rules as known on a date (`rules/known_on.py`, docs/as-known-on.md): a value is known
from its `known_from` (the date its source was published or decided) or, without one, from its
own date of effect (assumed); a system as known on a date drops every value not yet known."""

from __future__ import annotations

from datetime import date, timedelta

import numpy
import pytest
from openfisca_core.parameters import Parameter

from klaverblad.model.months import parse_month
from klaverblad.rules import baseline_system
from klaverblad.rules.by_month import leaf, value_at_month
from klaverblad.rules.known_on import (
    KNOWN_FROM,
    KnownOnError,
    as_known_on,
    known_from,
    leaves,
    parse_day,
    system_as_known_on,
)
from klaverblad.rules.reforms import REFORMS, reformed_system

BASE = baseline_system()


def value_in(system: object, path: str, month: str) -> object:
    return value_at_month(leaf(system.parameters, path), parse_month(month))  # type: ignore[attr-defined]


def every_leaf() -> list[tuple[str, Parameter]]:
    found = dict(leaves(BASE.parameters))
    for name in REFORMS:
        found.update(dict(leaves(reformed_system((name,)).parameters)))
    return sorted(found.items())


def test_a_date_before_a_change_ignores_it() -> None:
    # The leefloon (cat. 3) rose from 834.14 to 859.31 on 2006-10-01, a date no source of the
    # repo dates before: on 30 September 2006 the 834.14 was still all one knew, also for
    # October.
    then = system_as_known_on(BASE, date(2006, 9, 30))
    assert value_in(then, "art60.leefloon_cat3", "2006-10") == 834.14
    assert value_in(then, "art60.leefloon_cat3", "2024-06") == 834.14
    assert value_in(BASE, "art60.leefloon_cat3", "2006-10") == 859.31


def test_a_date_after_a_change_includes_it() -> None:
    then = system_as_known_on(BASE, date(2006, 10, 1))
    assert value_in(then, "art60.leefloon_cat3", "2006-10") == 859.31
    # ... but not the next one, of 2007-04-01 (876.50).
    assert value_in(then, "art60.leefloon_cat3", "2007-04") == 859.31


def test_a_value_announced_before_its_date_of_effect_is_included_once_known() -> None:
    # The dienstencheque at € 10 from 2025-01-01 was announced in October 2024 (known_from
    # 2024-10-31): known on 1 November 2024, not on 30 October.
    path = "dienstencheque.gebruikersprijs"
    assert value_in(system_as_known_on(BASE, date(2024, 11, 1)), path, "2025-01") == 10.0
    assert value_in(system_as_known_on(BASE, date(2024, 10, 30)), path, "2025-01") == 9.0


def test_a_value_published_before_its_date_of_effect_is_included_once_published() -> None:
    # The user price of 6.70 from 2005-01-01: KB of 10 November 2004, published in the
    # Belgisch Staatsblad of 19 November 2004 (known_from); before that, 6.20 continued.
    path = "dienstencheque.gebruikersprijs"
    assert value_in(system_as_known_on(BASE, date(2004, 11, 19)), path, "2005-01") == 6.7
    assert value_in(system_as_known_on(BASE, date(2004, 11, 18)), path, "2005-01") == 6.2


def test_a_value_without_known_from_is_known_from_its_date_of_effect_and_marked_assumed() -> None:
    values = {at.instant_str: at for at in BASE.parameters.art60.leefloon_cat3.values_list}
    assert known_from(values["2006-10-01"]).day == date(2006, 10, 1)
    assert known_from(values["2006-10-01"]).assumed
    window = BASE.parameters.maatwerk.start_window.values_list[-1]
    assert known_from(window).day == date(2022, 1, 14)  # decree of 14 January 2022
    assert not known_from(window).assumed


def test_a_measure_decided_later_does_not_exist_then() -> None:
    # Individueel maatwerk (in force 2023-07-01, decided 2022-01-14) on 30 June 2006: its
    # window is closed, its amounts unknown (null, never a silent amount).
    then = system_as_known_on(BASE, date(2006, 6, 30))
    window = then.parameters.maatwerk.start_window.values_list
    assert [(at.instant_str, at.value) for at in window] == [("2023-07-01", False)]
    assert value_in(then, "maatwerk.start_window", "2024-01") is False
    assert value_in(then, "maatwerk.begeleidingspremie_vast.initial_amount", "2024-01") is None
    # A list (what a voucher allows) is empty: nothing is allowed.
    assert (
        value_in(
            system_as_known_on(BASE, date(2003, 1, 1)), "dienstencheque.allowed_kinds", "2004-01"
        )
        == []
    )


def test_the_rules_of_today_are_left_as_they_are() -> None:
    before = [at.instant_str for at in BASE.parameters.art60.leefloon_cat3.values_list]
    system_as_known_on(BASE, date(2006, 6, 30))
    assert [at.instant_str for at in BASE.parameters.art60.leefloon_cat3.values_list] == before
    assert as_known_on(BASE) is None


def test_the_system_of_a_date_is_built_once_and_knows_its_date() -> None:
    first = system_as_known_on(BASE, date(2006, 6, 30))
    assert system_as_known_on(BASE, date(2006, 6, 30)) is first
    assert as_known_on(first) == date(2006, 6, 30)


@pytest.mark.parametrize("text", ["2006-13-01", "30/06/2006", "2006-6-30", "", "tomorrow"])
def test_a_bad_date_is_refused_with_its_form(text: str) -> None:
    with pytest.raises(KnownOnError, match="YYYY-MM-DD"):
        parse_day(text)


def test_a_date_after_today_is_refused() -> None:
    with pytest.raises(KnownOnError, match="after today"):
        parse_day((date.today() + timedelta(days=1)).isoformat())


@pytest.mark.parametrize(("path", "parameter"), every_leaf())
def test_every_known_from_is_a_sourced_date_not_after_today(
    path: str, parameter: Parameter
) -> None:
    # On a value, never on the leaf (a leaf's metadata is every value's).
    assert KNOWN_FROM not in (parameter.metadata or {}), path
    for at in parameter.values_list:
        metadata = at.metadata or {}
        if KNOWN_FROM not in metadata:
            continue
        day = date.fromisoformat(str(metadata[KNOWN_FROM]))
        assert day <= date.today(), (path, at.instant_str)
        # Known before or on its date of effect (decided before in force), never decades off.
        assert day <= date.fromisoformat(at.instant_str) + timedelta(days=366), at.instant_str
        assert metadata.get("known_from_grade") in ("H", "M", "L"), (path, at.instant_str)
        references = metadata.get("known_from_reference")
        assert references and all(str(r.get("title", "")).strip() for r in references)


def test_values_with_a_source_date_exist() -> None:
    given = [
        (path, at.instant_str)
        for path, parameter in every_leaf()
        for at in parameter.values_list
        if not known_from(at).assumed
    ]
    assert ("activa.start_window", "2002-01-01") in given
    assert ("dienstencheque.gebruikersprijs", "2025-01-01") in given
    assert len(given) >= 30
    assert numpy.all([isinstance(p, str) for p, _ in given])
