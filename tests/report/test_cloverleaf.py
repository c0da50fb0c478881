"""The four-leaf chart: areas proportional to the amounts, accessible, self-contained."""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET

import pytest

from klaverblad.report.cloverleaf import (
    FAINT,
    FILL,
    INK,
    TEXT,
    cloverleaf_svg,
    leaf_table_rows,
)

SVG = "{http://www.w3.org/2000/svg}"
BIK_LEAVES = {"I": 1840000, "II": 6111319, "III": 2940000, "IV": 4176000}


def circles(svg: str) -> list[ET.Element]:
    return list(ET.fromstring(svg).iter(f"{SVG}circle"))


def area(circle: ET.Element) -> float:
    return math.pi * float(circle.attrib["r"]) ** 2


def contrast(colour: str, background: str = "#FFFFFF") -> float:
    def luminance(value: str) -> float:
        channels = [int(value[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    high, low = sorted((luminance(colour), luminance(background)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize(
    "leaves",
    [BIK_LEAVES, {"I": 1, "II": 4, "III": 9, "IV": 16}, {"I": 5, "II": 5, "III": 5, "IV": 5}],
)
def test_each_leaf_area_is_proportional_to_its_amount(leaves: dict[str, int]) -> None:
    drawn = {c.attrib["data-leaf"]: c for c in circles(cloverleaf_svg(leaves, "nl"))}
    assert set(drawn) == set(leaves)
    ratios = [area(drawn[leaf]) / cents for leaf, cents in leaves.items()]
    assert max(ratios) == pytest.approx(min(ratios), rel=1e-9)
    for leaf, cents in leaves.items():
        assert int(drawn[leaf].attrib["data-cents"]) == cents


def test_leaves_do_not_overlap_and_stay_inside_the_picture() -> None:
    root = ET.fromstring(cloverleaf_svg(BIK_LEAVES, "nl"))
    _, _, width, height = (float(v) for v in root.attrib["viewBox"].split())
    shapes = [
        (float(c.attrib["cx"]), float(c.attrib["cy"]), float(c.attrib["r"]))
        for c in root.iter(f"{SVG}circle")
    ]
    for x, y, r in shapes:
        assert x - r >= 0 and y - r >= 0 and x + r <= width and y + r <= height
    for index, (x1, y1, r1) in enumerate(shapes):
        for x2, y2, r2 in shapes[index + 1 :]:
            assert math.hypot(x1 - x2, y1 - y2) >= r1 + r2 - 1e-9


def test_a_zero_leaf_is_a_faint_outline_and_takes_no_area() -> None:
    svg = cloverleaf_svg({"I": 0, "II": 100, "III": 0, "IV": 50}, "nl")
    root = ET.fromstring(svg)
    empty = [c for c in root.iter(f"{SVG}circle") if c.attrib["class"] == "leaf-empty"]
    assert sorted(c.attrib["data-leaf"] for c in empty) == ["I", "III"]
    assert all(c.attrib["fill"] == "none" and c.attrib["stroke"] == FAINT for c in empty)
    assert "geen bedrag" in svg


def test_all_zero_leaves_still_give_a_valid_chart() -> None:
    svg = cloverleaf_svg({"I": 0, "II": 0, "III": 0, "IV": 0}, "en")
    assert len([c for c in circles(svg) if c.attrib["class"] == "leaf-empty"]) == 4
    assert "no amount" in svg


def test_title_and_desc_say_every_amount_in_nl_be_money() -> None:
    root = ET.fromstring(cloverleaf_svg(BIK_LEAVES, "nl"))
    assert root.attrib["role"] == "img"
    title = root.find(f"{SVG}title")
    desc = root.find(f"{SVG}desc")
    assert title is not None and title.text
    assert desc is not None and desc.text
    assert root.attrib["aria-labelledby"] == f"{title.attrib['id']} {desc.attrib['id']}"
    for amount in ("€\xa018.400,00", "€\xa061.113,19", "€\xa029.400,00", "€\xa041.760,00"):
        assert amount in desc.text
    assert "II werkgelegenheid" in desc.text
    assert "evenredig" in desc.text
    labels = " ".join(t.text or "" for t in root.iter(f"{SVG}text"))
    assert "IV andere beleidsdomeinen" in labels and "€\xa041.760,00" in labels


def test_english_names() -> None:
    svg = cloverleaf_svg(BIK_LEAVES, "en")
    assert "I socio-economic" in svg and "IV other policy domains" in svg
    assert "€18,400.00" in svg


def test_no_scripts_and_no_external_resources() -> None:
    svg = cloverleaf_svg(BIK_LEAVES, "nl")
    lowered = svg.lower()
    for forbidden in ("<script", "href", "http://", "https://", "url(", "<image", "onload"):
        if forbidden == "http://":
            # The only URL is the SVG namespace itself.
            assert lowered.count("http://") == 1 and "http://www.w3.org/2000/svg" in svg
            continue
        assert forbidden not in lowered


def test_colours_meet_wcag_aa_contrast() -> None:
    assert all(contrast(colour) >= 3 for colour in FILL.values())  # graphics, 1.4.11
    assert all(contrast(colour) >= 4.5 for colour in (*TEXT.values(), INK, FAINT))  # text


def test_leaf_table_rows_give_names_amounts_and_shares() -> None:
    rows = leaf_table_rows(BIK_LEAVES, "nl")
    assert [row.leaf for row in rows] == ["I", "II", "III", "IV"]
    assert rows[1].name == "II werkgelegenheid"
    assert rows[1].amount == "€\xa061.113,19"
    assert rows[1].share == "40,6%"
    assert [row.share for row in leaf_table_rows({}, "nl")] == ["0,0%"] * 4
