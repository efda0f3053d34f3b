"""The radicals some PDF fonts print in place of ordinary characters, and the data that maps them."""

from __future__ import annotations

import tomllib
import unicodedata
from importlib import resources

from budgetacct.reader.pdf_layout import normalize_glyph_text


def _data() -> dict[str, str]:
    text = resources.files("budgetacct.reader").joinpath("data", "radicals.toml").read_text(encoding="utf-8")
    radicals: dict[str, str] = tomllib.loads(text)["radicals"]
    return radicals


def test_every_listed_radical_is_a_supplement_radical_standing_for_one_ideograph() -> None:
    data = _data()
    assert len(data) == 94
    for code, char in data.items():
        radical = chr(int(code, 16))
        assert 0x2E80 <= ord(radical) <= 0x2EFF, code
        assert unicodedata.name(radical).startswith("CJK RADICAL "), code
        assert len(char) == 1 and unicodedata.name(char).startswith("CJK UNIFIED IDEOGRAPH-"), code
        # NFKC leaves these as printed: that is why they are listed.
        assert unicodedata.normalize("NFKC", radical) == radical, code


def test_listed_radicals_read_as_their_ideographs() -> None:
    assert normalize_glyph_text("\u2ed4\u2ecb\u2ee5\u2ec8") == "门车鱼讠"  # ⻔⻋⻥⻈
    assert normalize_glyph_text("\u2e9f\u2ef3") == "母龟"  # the two NFKC maps itself
    assert normalize_glyph_text("\u2e80") == "\u2e80"  # ⺀ stands for no whole character
