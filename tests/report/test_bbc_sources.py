"""The sources of the multi-year plan's codes, in the words of each output's language
(report/bbc_sources.py): the web page, the terminal table and the workbook share them."""

from __future__ import annotations

import pytest

from klaverblad.locale import Language
from klaverblad.report.bbc_mapping import MAPPING, Code
from klaverblad.report.bbc_sources import Sources, cell_text, source_title


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_source_of_the_mapping_has_a_title_in_each_language(language: Language) -> None:
    for key in MAPPING.sources:
        assert source_title(key, language)


def test_sources_are_numbered_in_the_order_the_codes_name_them() -> None:
    sources = Sources("nl")
    jeugd = MAPPING.by_id("paid_leaf_IV_jeugd")
    # 0750 first (the BBC 2013 list: 1), then the account whose name Politeia gives (2).
    assert cell_text(sources.cell(jeugd.beleidsveld), "nl") == "0750 Jeugd [1]"
    assert cell_text(sources.cell(jeugd.account), "nl") == (
        "Toegestane werkingssubsidies (te kiezen door de financiële dienst) [2]"
    )
    none = Code(code=None, name_nl=None)
    assert cell_text(sources.cell(none), "en") == "to be chosen by the financial service"
    assert [item.number for item in sources.items()] == [1, 2]
