"""The geometry of the diverging bar chart (report/diverging_bars.py): each bar's length is
proportional to its amount, the zero line sits where 0 falls on the axis, gains go right and
losses left, the largest gain on top; with many items only the largest are drawn and the
rest counted. The axis runs from LEFT = 8 to RIGHT = 392 (384 units; report/svg_units.py);
every position below is worked out by hand from that."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from klaverblad.report.diverging_bars import (
    LESS,
    MORE,
    ROW_HEIGHT,
    Item,
    diverging_bars,
    drawn,
)
from klaverblad.report.svg_units import LEFT, RIGHT, axis_x


def words(cents: int) -> str:
    return f"{cents:+d}"


def test_a_gain_three_times_a_loss_is_three_times_as_long_and_the_zero_line_is_a_quarter_in() -> (
    None
):
    # Axis from −100 € to +300 €: 400 € over 384 units, so 0.96 unit per euro; 0 lies
    # 100 × 0.96 = 96 units right of LEFT: 8 + 96 = 104.
    chart = diverging_bars(
        [Item("a", "A", 300_00), Item("b", "B", -100_00)], words, "test", limit=8
    )
    assert chart.zero_x == pytest.approx(104.0)
    gain, loss = chart.bars
    # The gain: from the zero line 300 × 0.96 = 288 units to the right, to RIGHT = 392.
    assert (gain.x, gain.width) == (pytest.approx(104.0), pytest.approx(288.0))
    assert gain.x + gain.width == pytest.approx(RIGHT)
    # The loss: 100 × 0.96 = 96 units, ending at the zero line, so starting at LEFT.
    assert (loss.x, loss.width) == (pytest.approx(LEFT), pytest.approx(96.0))
    assert loss.x + loss.width == pytest.approx(chart.zero_x)
    assert (gain.kind, gain.colour, loss.kind, loss.colour) == ("more", MORE, "less", LESS)
    assert (gain.amount, loss.amount) == ("+30000", "-10000")


def test_with_gains_only_the_zero_line_is_at_the_left_edge() -> None:
    # Axis 0 .. 200 €: 384 / 200 = 1.92 unit per euro; 50 € is 96 units long.
    chart = diverging_bars([Item("a", "A", 50_00), Item("b", "B", 200_00)], words, "test")
    assert chart.zero_x == LEFT
    assert [(bar.key, bar.x, bar.width) for bar in chart.bars] == [
        ("b", LEFT, pytest.approx(384.0)),
        ("a", LEFT, pytest.approx(96.0)),
    ]


def test_with_losses_only_the_zero_line_is_at_the_right_edge() -> None:
    # Axis −80 € .. 0: 384 / 80 = 4.8 units per euro; −20 € is 96 units left of RIGHT.
    chart = diverging_bars([Item("a", "A", -20_00), Item("b", "B", -80_00)], words, "test")
    assert chart.zero_x == RIGHT
    small, large = chart.bars
    assert (small.key, small.x, small.width) == ("a", pytest.approx(296.0), pytest.approx(96.0))
    assert (large.key, large.x, large.width) == ("b", pytest.approx(LEFT), pytest.approx(384.0))


def test_the_largest_gain_is_on_top_and_the_largest_loss_at_the_bottom() -> None:
    items = [
        Item("c", "C", -5_00),
        Item("a", "A", 1_00),
        Item("z", "Z", 0),
        Item("d", "D", -50_00),
        Item("b", "B", 7_00),
    ]
    chart = diverging_bars(items, words, "test")
    assert [bar.key for bar in chart.bars] == ["b", "a", "c", "d"]
    assert [bar.top for bar in chart.bars] == [0, ROW_HEIGHT, 2 * ROW_HEIGHT, 3 * ROW_HEIGHT]
    assert chart.height == 4 * ROW_HEIGHT
    # The item without a change is not drawn; the table lists it.
    assert chart.hidden == 1


def test_with_many_items_only_the_largest_gains_and_losses_are_drawn() -> None:
    # Five gains of 1..5 € and five losses of −1..−5 €, two drawn either way: +5, +4, −4, −5;
    # the other six are counted as not drawn.
    items = [Item(f"g{n}", f"G{n}", n * 100) for n in range(1, 6)]
    items += [Item(f"l{n}", f"L{n}", -n * 100) for n in range(1, 6)]
    chart = diverging_bars(items, words, "test", limit=2)
    assert [bar.cents for bar in chart.bars] == [500, 400, -400, -500]
    assert chart.hidden == 6


def test_a_change_of_one_cent_is_still_a_visible_bar() -> None:
    chart = diverging_bars([Item("a", "A", 1000_00), Item("b", "B", -1)], words, "test")
    loss = chart.bars[1]
    assert loss.width == 1.0 and loss.x + loss.width == pytest.approx(chart.zero_x)


def test_nothing_changes_nothing_is_drawn() -> None:
    chart = diverging_bars([Item("a", "A", 0)], words, "test")
    assert (chart.bars, chart.hidden, chart.zero_x) == ([], 1, LEFT)


def test_a_long_label_is_squeezed_and_a_very_long_one_cut() -> None:
    # 380 units of room from TEXT_X = 12 at 8 units a character: 47 characters fit; up to
    # int(47.5 × 1.25) = 59 are squeezed; a longer one is cut to 58 and "…".
    fits, squeezed, cut = (
        Item("f", "x" * 47, 1),
        Item("s", "x" * 59, 2),
        Item("c", "x" * 80, 3),
    )
    bars = {bar.key: bar for bar in diverging_bars([fits, squeezed, cut], words, "t").bars}
    assert (bars["f"].label, bars["f"].text_length) == ("x" * 47, None)
    assert (bars["s"].label, bars["s"].text_length) == ("x" * 59, 380.0)
    assert (bars["c"].label, bars["c"].text_length) == ("x" * 58 + "…", 380.0)


def test_the_position_of_an_amount_on_an_empty_axis_is_the_left_edge() -> None:
    assert axis_x(0, 0, 0) == LEFT


@given(st.lists(st.integers(-(10**9), 10**9), min_size=1, max_size=30))
def test_every_bar_is_proportional_to_its_amount_and_touches_the_zero_line(
    amounts: list[int],
) -> None:
    items = [Item(str(n), str(n), cents) for n, cents in enumerate(amounts)]
    chart = diverging_bars(items, words, "test")
    assert chart.hidden == len(items) - len(chart.bars)
    assert chart.hidden == sum(1 for c in amounts if c == 0) + max(
        0, sum(1 for c in amounts if c > 0) - 8
    ) + max(0, sum(1 for c in amounts if c < 0) - 8)
    if not chart.bars:
        return
    low = min(0, *(bar.cents for bar in chart.bars))
    high = max(0, *(bar.cents for bar in chart.bars))
    per_cent = (RIGHT - LEFT) / (high - low)
    for bar in chart.bars:
        assert bar.width == pytest.approx(max(abs(bar.cents) * per_cent, 1.0))
        if bar.cents > 0:
            assert bar.x == pytest.approx(chart.zero_x)
        else:
            assert bar.x + bar.width == pytest.approx(chart.zero_x)
        assert bar.x >= LEFT - 1.0 and bar.x + bar.width <= RIGHT + 1.0
    assert [bar.cents for bar in chart.bars] == sorted(
        (bar.cents for bar in chart.bars), reverse=True
    )
    assert [item.key for item in drawn(items)] == [bar.key for bar in chart.bars]
