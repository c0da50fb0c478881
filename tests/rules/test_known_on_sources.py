"""The dates from which values were known that a public source gives (docs/as-known-on.md,
"When a value was known"), on both sides of each date: the act or announcement that made the
value public, earlier or later than its date of effect."""

from __future__ import annotations

from datetime import date

from klaverblad.rules import baseline_system
from klaverblad.rules.known_on import known_from, system_as_known_on
from tests.rules.test_known_on import value_in

BASE = baseline_system()


def test_the_exchange_value_of_2007_was_known_from_the_ministers_of_24_november_2006() -> None:
    # news.belgium.be/nl/dienstencheques-17 (24 November 2006): the federal part per cheque
    # falls from 14.30 to 13.30; with the user price of 6.70 the company gets
    # 6.70 + 13.30 = 20.00 from 2007-01-01 instead of 6.70 + 14.30 = 21.00.
    path = "dienstencheque.inruilwaarde"
    assert value_in(system_as_known_on(BASE, date(2006, 11, 24)), path, "2007-01") == 20.0
    assert value_in(system_as_known_on(BASE, date(2006, 11, 23)), path, "2007-01") == 21.0


def test_the_leefloon_of_april_2007_was_known_from_the_royal_decree_of_15_march_2007() -> None:
    # KB 15 March 2007 moved the 2 % rise of 1 October 2007 to 1 April 2007:
    # 859.31 x 1.02 = 876.50 (876.4962 rounded).
    path = "art60.leefloon_cat3"
    assert value_in(system_as_known_on(BASE, date(2007, 3, 15)), path, "2007-04") == 876.5
    assert value_in(system_as_known_on(BASE, date(2007, 3, 14)), path, "2007-04") == 859.31


def test_tijdelijke_werkervaring_was_known_from_the_flemish_decision_of_23_december_2016() -> None:
    # BVR 23 December 2016 (BS 9 February 2017), in force 2017-01-01: on 22 December 2016
    # the measure did not exist yet (window closed, amounts unknown).
    known = system_as_known_on(BASE, date(2016, 12, 23))
    assert value_in(known, "twe.start_window", "2017-01") is True
    assert value_in(known, "twe.inspanningsvergoeding", "2017-01") == 250.0
    assert value_in(known, "twe.compensatievergoeding", "2017-01") == 195.0
    before = system_as_known_on(BASE, date(2016, 12, 22))
    assert value_in(before, "twe.start_window", "2017-01") is False
    assert value_in(before, "twe.compensatievergoeding", "2017-01") is None


def test_the_leefloon_of_october_2006_stays_assumed_known_from_its_date_of_effect() -> None:
    # Its 1 % rise was decided in 2004 (KB 3 September 2004) but its 2 % indexation only when
    # the pivot index was passed in September 2006, a day no source gives: the value as a
    # whole is known from 2006-10-01, assumed.
    value = {at.instant_str: at for at in BASE.parameters.art60.leefloon_cat3.values_list}
    assert known_from(value["2006-10-01"]).assumed
