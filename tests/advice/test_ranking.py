"""The need ranking (RULEBOOK §8): scores, ranks, shifts and the budget split, computed by hand.

The main case, three municipalities (rates in percent):

    name  youth  general
    A     30     6
    B     20     12
    C     10     12
    means 20     10

With weights 0.5/0.5 the scores are
    A = 0.5 × 30/20 + 0.5 × 6/10  = 0.75 + 0.30 = 1.05
    B = 0.5 × 20/20 + 0.5 × 12/10 = 0.50 + 0.60 = 1.10
    C = 0.5 × 10/20 + 0.5 × 12/10 = 0.25 + 0.60 = 0.85     (sum 3: the mean score is 1)
so the need ranking is B, A, C while youth unemployment alone ranks A, B, C.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from klaverblad.advice.ranking import (
    largest_remainder,
    rank_municipalities,
    ranking_to_dict,
)
from klaverblad.advice.ranking_input import (
    MunicipalityRow,
    RankingInputError,
    Weights,
    parse_budget,
    parse_weights,
    read_csv_text,
    read_weight,
)
from klaverblad.model import number_reader
from klaverblad.model.limits import DOCUMENT_BYTES, RANKING_ROWS
from klaverblad.model.number_reader import NumberError

HEADER = "municipality,youth_unemployment_rate,general_unemployment_rate"


def row(name: str, youth: str, general: str, population: int | None = None) -> MunicipalityRow:
    return MunicipalityRow(
        line=0,
        municipality=name,
        youth_unemployment_rate=Decimal(youth),
        general_unemployment_rate=Decimal(general),
        population=population,
    )


THREE = [row("A", "30", "6"), row("B", "20", "12"), row("C", "10", "12")]


def problems(text: str) -> list[str]:
    with pytest.raises(RankingInputError) as caught:
        read_csv_text(text, source="r.csv")
    return caught.value.lines()


def test_general_unemployment_lifts_b_above_a_who_leads_on_youth_alone() -> None:
    ranking = rank_municipalities(THREE, Weights())
    assert [
        (item.municipality, item.score, item.rank, item.youth_rank, item.shift)
        for item in ranking.rows
    ] == [
        ("B", Fraction(110, 100), 1, 2, 1),  # rises one place: youth rank 2 − rank 1
        ("A", Fraction(105, 100), 2, 1, -1),  # falls one place: 1 − 2
        ("C", Fraction(85, 100), 3, 3, 0),
    ]
    assert (ranking.youth_mean, ranking.general_mean) == (20, 10)


def test_a_budget_is_split_in_proportion_to_the_score_and_sums_exactly() -> None:
    # 1 000 € = 100 000 cents; shares score/3:
    # B 100 000 × 1.10/3 = 36 666.67 → 36 666, remainder 0.67
    # A 100 000 × 1.05/3 = 35 000.00 → 35 000, remainder 0
    # C 100 000 × 0.85/3 = 28 333.33 → 28 333, remainder 0.33
    # floors sum to 99 999: the one cent left goes to the largest remainder, B.
    ranking = rank_municipalities(THREE, Weights(), budget_cents=100_000)
    assert [(item.municipality, item.allocation_cents) for item in ranking.rows] == [
        ("B", 36_667),
        ("A", 35_000),
        ("C", 28_333),
    ]


def test_with_a_population_the_split_follows_score_times_population() -> None:
    # need A 1.05 × 2000 = 2100, B 1.10 × 1000 = 1100, C 0.85 × 1000 = 850; total 4050
    # A 100 000 × 2100/4050 = 51 851.85 → 51 851 (0.85)
    # B 100 000 × 1100/4050 = 27 160.49 → 27 160 (0.49)
    # C 100 000 ×  850/4050 = 20 987.65 → 20 987 (0.65)
    # floors sum to 99 998: two cents, to A (0.85) and C (0.65). The ranks stay by score.
    rows = [row("A", "30", "6", 2000), row("B", "20", "12", 1000), row("C", "10", "12", 1000)]
    ranking = rank_municipalities(rows, Weights(), budget_cents=100_000)
    assert ranking.by_population
    assert [(item.municipality, item.allocation_cents) for item in ranking.rows] == [
        ("B", 27_160),
        ("A", 51_852),
        ("C", 20_988),
    ]


def test_equal_remainders_give_the_cent_to_the_better_rank_not_the_first_name() -> None:
    # means 10 and 5: Zele = 0.5 × 15/10 + 0.5 × 7.5/5 = 1.5, Aalst = 0.5 × 0.5 + 0.5 × 0.5 = 0.5
    # 10 cents: Zele 10 × 1.5/2 = 7.5 → 7, Aalst 10 × 0.5/2 = 2.5 → 2; one cent left, both
    # remainders 0.5: Zele has rank 1 and gets it.
    rows = [row("Aalst", "5", "2.5"), row("Zele", "15", "7.5")]
    ranking = rank_municipalities(rows, Weights(), budget_cents=10)
    assert [(item.municipality, item.allocation_cents) for item in ranking.rows] == [
        ("Zele", 8),
        ("Aalst", 2),
    ]


def test_equal_scores_rank_by_name_and_the_leftover_cents_follow_that_order() -> None:
    # three equal scores of 1; 2 cents / 3 = 0.67 each → 0, two cents left: to ranks 1 and 2.
    rows = [row("Cc", "10", "5"), row("aa", "10", "5"), row("Bb", "10", "5")]
    ranking = rank_municipalities(rows, Weights(), budget_cents=2)
    assert [(item.municipality, item.rank, item.youth_rank) for item in ranking.rows] == [
        ("aa", 1, 1),
        ("Bb", 2, 2),
        ("Cc", 3, 3),
    ]
    assert [item.allocation_cents for item in ranking.rows] == [1, 1, 0]


def test_largest_remainder_hands_out_exactly_the_total() -> None:
    # 100 / 3 = 33.33 each; the one cent left goes to the lowest priority number (index 1).
    assert largest_remainder(100, [Fraction(1)] * 3, [2, 1, 3]) == [33, 34, 33]
    assert largest_remainder(0, [Fraction(1), Fraction(3)], [1, 2]) == [0, 0]


def test_youth_weight_one_reproduces_the_youth_only_ranking() -> None:
    ranking = rank_municipalities(THREE, parse_weights("youth=1,general=0"))
    assert [(item.municipality, item.shift) for item in ranking.rows] == [
        ("A", 0),
        ("B", 0),
        ("C", 0),
    ]


def test_general_weight_one_ties_b_and_c_and_breaks_the_tie_by_name() -> None:
    # general only: A 6/10 = 0.6, B 12/10 = 1.2, C 1.2 → B (name before C), C, A
    ranking = rank_municipalities(THREE, parse_weights("youth=0,general=1"))
    assert [
        (item.municipality, item.rank, item.youth_rank, item.shift) for item in ranking.rows
    ] == [
        ("B", 1, 2, 1),
        ("C", 2, 3, 1),
        ("A", 3, 1, -2),
    ]


def test_the_json_rounds_scores_to_six_decimals_and_leaves_money_null_without_a_budget() -> None:
    # means 15 and 10: B = 0.5 × 10/15 + 0.5 × 15/10 = 13/12 = 1.0833…, A = 11/12 = 0.9166…
    rows = [row("A", "20", "5"), row("B", "10", "15")]
    assert ranking_to_dict(rank_municipalities(rows, Weights())) == {
        "schema": "klaverblad.rank/1",
        "weights": {"youth": 0.5, "general": 0.5},
        "budget": None,
        "rows": [
            {
                "municipality": "B",
                "score": 1.083333,
                "rank": 1,
                "youth_rank": 2,
                "shift": 1,
                "allocation": None,
            },
            {
                "municipality": "A",
                "score": 0.916667,
                "rank": 2,
                "youth_rank": 1,
                "shift": -1,
                "allocation": None,
            },
        ],
    }


def test_the_json_writes_the_budget_and_allocations_as_money_strings() -> None:
    result = ranking_to_dict(rank_municipalities(THREE, Weights(), budget_cents=100_000))
    assert result["budget"] == "1000.00"
    assert [item["allocation"] for item in result["rows"]] == ["366.67", "350.00", "283.33"]


def test_a_belgian_excel_export_with_semicolons_decimal_commas_and_a_bom_is_read() -> None:
    text = (
        "\ufeff# illustrative\n"
        "Municipality;Youth_Unemployment_Rate;general_unemployment_rate;population\n"
        "\n"
        "Gent;18,5;9,7 %;265000\n"
        ";;;\n"
        "Sint-Niklaas ; 15 ; 7,25;80000\n"
    )
    rows = read_csv_text(text, source="r.csv")
    assert [
        (item.line, item.municipality, item.youth_unemployment_rate, item.general_unemployment_rate)
        for item in rows
    ] == [
        (4, "Gent", Decimal("18.5"), Decimal("9.7")),
        (6, "Sint-Niklaas", Decimal("15"), Decimal("7.25")),
    ]
    assert [item.population for item in rows] == [265000, 80000]


def test_a_semicolon_csv_writes_its_numbers_the_dutch_way() -> None:
    text = (
        "municipality;youth_unemployment_rate;general_unemployment_rate;population\n"
        "Gent;12,5;9.5;265.000\n"
        "Aalst;15;7,25;25.000\n"
    )
    rows = read_csv_text(text, source="r.csv")
    assert [(r.youth_unemployment_rate, r.general_unemployment_rate) for r in rows] == [
        (Decimal("12.5"), Decimal("9.5")),
        (Decimal("15"), Decimal("7.25")),
    ]
    assert [r.population for r in rows] == [265000, 25000]


def test_a_comma_csv_writes_its_numbers_the_english_way() -> None:
    text = f'{HEADER},population\nGent,12.5,"9,5",25000\nAalst,15,7.25,"25,000"\n'
    rows = read_csv_text(text, source="r.csv")
    assert [(r.youth_unemployment_rate, r.general_unemployment_rate) for r in rows] == [
        (Decimal("12.5"), Decimal("9.5")),
        (Decimal("15"), Decimal("7.25")),
    ]
    assert [r.population for r in rows] == [25000, 25000]


def test_a_population_with_a_decimal_or_a_foreign_grouping_is_refused() -> None:
    text = (
        "municipality;youth_unemployment_rate;general_unemployment_rate;population\n"
        "Gent;12;9;25,5\nAalst;15;7;1,234.5\n"
    )
    assert problems(text) == [
        "r.csv: line 2, column population: '25,5' is not a whole number",
        "r.csv: line 3, column population: '1,234.5' can be read in more than one way: "
        "did you mean 1234.5?",
    ]


def test_every_bad_value_names_its_line_and_column() -> None:
    text = (
        f"{HEADER},population\n"
        "Gent,18.5,abc,1000\n"
        "Aalst,-3,,0\n"
        "gent,5,5,12\n"
        ",5,101,12.5\n"
        "Brugge,5,5,12,extra\n"
    )
    assert problems(text) == [
        "r.csv: line 2, column general_unemployment_rate: 'abc' is not a number",
        "r.csv: line 3, column youth_unemployment_rate: '-3' is negative; a rate is a percentage,"
        " 0 to 100",
        "r.csv: line 3, column general_unemployment_rate: is missing",
        "r.csv: line 3, column population: '0' must be more than 0",
        "r.csv: line 4, column municipality: 'gent' is already on line 2",
        "r.csv: line 5, column municipality: is missing",
        "r.csv: line 5, column general_unemployment_rate: '101' is more than 100; a rate is a "
        "percentage",
        "r.csv: line 5, column population: '12.5' is not a whole number",
        "r.csv: line 6: has 5 values but the header has 4 columns",
    ]


def test_unknown_duplicated_and_missing_columns_are_named_in_the_header_line() -> None:
    assert problems("# note\nmunicipality,youth_unemployment_rate,colour,Municipality\n") == [
        "r.csv: line 2, column colour: is not a known column; the columns are municipality, "
        "youth_unemployment_rate, general_unemployment_rate and optionally population",
        "r.csv: line 2, column municipality: is given twice",
        "r.csv: line 2, column general_unemployment_rate: is required but missing from the header",
    ]


def test_an_empty_file_and_a_header_without_rows_are_refused() -> None:
    assert problems("\n# only a comment\n")[0].startswith("r.csv: is empty: expected a header")
    assert problems(HEADER + "\n") == ["r.csv: has a header but no municipality lines"]


def test_a_rate_that_is_zero_everywhere_cannot_be_normalised() -> None:
    assert problems(f"{HEADER}\nA,0,5\nB,0,7\n") == [
        "r.csv: column youth_unemployment_rate: every value is 0, so the mean is 0 and the rates "
        "cannot be divided by it"
    ]


@pytest.mark.parametrize(
    ("text", "weights"),
    [
        (None, Weights(Fraction(1, 2), Fraction(1, 2))),
        ("youth=0.7,general=0.3", Weights(Fraction(7, 10), Fraction(3, 10))),
        ("general=0,3,youth=0,7", Weights(Fraction(7, 10), Fraction(3, 10))),  # decimal commas
        ("youth=0,7;general=0,3", Weights(Fraction(7, 10), Fraction(3, 10))),
        ("Youth = 1/3, general = 2/3", Weights(Fraction(1, 3), Fraction(2, 3))),
        # 0.3333333333 + 0.666666666 = 0.9999999993: 7e-10 from 1, inside the 1e-9 tolerance
        (
            "youth=0.3333333333,general=0.666666666",
            Weights(Fraction("0.3333333333"), Fraction("0.666666666")),
        ),
    ],
)
def test_weights_are_read_exactly(text: str | None, weights: Weights) -> None:
    assert parse_weights(text) == weights


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        ("youth=0.5", ["--weights: general is missing; give both, e.g. youth=0.7,general=0.3"]),
        # 0.5 + 0.499999998 = 0.999999998: 2e-9 from 1, outside the tolerance
        (
            "youth=0.5,general=0.499999998",
            ["--weights: youth + general = 0.999999998; the weights must sum to 1"],
        ),
        ("youth=0.6,general=0.6", ["--weights: youth + general = 1.2; the weights must sum to 1"]),
        (
            "youth=1.2,general=-0.2",
            ["--weights: general: '-0.2' is negative; a weight is 0 or more"],
        ),
        (
            "youth=0.5,adults=0.5,general=x",
            [
                "--weights: 'adults' is not a weight; the weights are youth and general",
                "--weights: general: 'x' is not a number",
            ],
        ),
        (
            "youth=0.5,youth=0.5",
            [
                "--weights: youth is given twice",
                "--weights: general is missing; give both, e.g. youth=0.7,general=0.3",
            ],
        ),
        (
            "half",
            [
                "--weights: 'half' is not name=value, e.g. youth=0.5",
                "--weights: youth is missing; give both, e.g. youth=0.7,general=0.3",
                "--weights: general is missing; give both, e.g. youth=0.7,general=0.3",
            ],
        ),
    ],
)
def test_bad_weights_say_what_is_wrong(text: str, lines: list[str]) -> None:
    with pytest.raises(RankingInputError) as caught:
        parse_weights(text)
    assert caught.value.lines() == lines


@pytest.mark.parametrize(
    ("text", "cents"),
    [
        (None, None),
        ("25000", 2_500_000),
        ("25000,50", 2_500_050),
        ("25000.5", 2_500_050),
        ("0", 0),
        (" 7.05 ", 705),
    ],
)
def test_a_budget_is_read_as_cents(text: str | None, cents: int | None) -> None:
    assert parse_budget(text) == cents


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("12.345", "--budget: '12.345' has more than 2 decimals"),
        ("25.000,00", "--budget: '25.000,00' is not an amount in euros, e.g. 25000 or 25000,50"),
        ("-5", "--budget: '-5' is negative; the budget is 0 or more"),
        ("abc", "--budget: 'abc' is not an amount in euros, e.g. 25000 or 25000,50"),
    ],
)
def test_a_bad_budget_says_what_is_wrong(text: str, line: str) -> None:
    with pytest.raises(RankingInputError) as caught:
        parse_budget(text)
    assert caught.value.lines() == [line]


def test_a_weight_with_a_huge_exponent_is_refused_without_computing_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Fraction("1e10000000") took 5.9 s: the bounded reader refuses the text before it.
    real = number_reader.Decimal

    def guarded(value: object = "0", *args: object) -> Decimal:
        assert "1e10000000" not in str(value), "the weight was converted"
        return real(value, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(number_reader, "Decimal", guarded)
    with pytest.raises(RankingInputError) as refused:
        parse_weights("youth=1e10000000,general=0")
    assert refused.value.lines() == [
        "--weights: youth: '1e10000000' is not a number: write digits only, without an exponent"
    ]


def test_weights_may_be_bounded_fractions() -> None:
    assert read_weight("1/3") == Fraction(1, 3)
    assert read_weight("0,25") == Fraction(1, 4)
    for bad in ("1e5", "1/1e5", "9" * 41, "1/0", "nan", "inf"):
        with pytest.raises(NumberError):
            read_weight(bad)


def test_the_budget_is_money_up_to_999_999_999_99() -> None:
    assert parse_budget("999999999,99") == 99_999_999_999
    for huge in ("1000000000", "9" * 30, "9" * 500):
        with pytest.raises(RankingInputError) as refused:
            parse_budget(huge)
        assert refused.value.problems[0].source == "--budget"


def test_reading_stops_at_the_first_row_past_the_limit() -> None:
    rows = "".join(f"M{n},10,5\n" for n in range(RANKING_ROWS + 1))
    # Lines after the limit are never parsed: a broken line there is not reported.
    with pytest.raises(RankingInputError) as refused:
        read_csv_text(f'{HEADER}\n{rows}"broken\n', source="r.csv")
    assert refused.value.lines() == [
        f"r.csv: line {RANKING_ROWS + 2}: has more than {RANKING_ROWS} municipality lines, the "
        "most a ranking takes; split the file"
    ]
    assert len(read_csv_text(f"{HEADER}\n{rows[: rows.rindex('M')]}", source="r.csv")) == (
        RANKING_ROWS
    )


def test_a_csv_text_larger_than_a_document_is_refused_before_it_is_read() -> None:
    with pytest.raises(RankingInputError) as refused:
        read_csv_text(HEADER + "\n" + "#" * DOCUMENT_BYTES, source="r.csv")
    assert refused.value.lines() == ["r.csv: is larger than 1 MB"]


def test_numbers_of_the_csv_go_through_the_bounded_reader() -> None:
    with pytest.raises(RankingInputError) as refused:
        read_csv_text(f"{HEADER}\nA,1e999999,5\nB,{'1' * 45},5\n", source="r.csv")
    assert refused.value.lines() == [
        "r.csv: line 2, column youth_unemployment_rate: '1e999999' is not a number: write "
        "digits only, without an exponent",
        "r.csv: line 3, column youth_unemployment_rate: "
        f"'{'1' * 40}…' (45 characters) is too long for a number",
    ]
