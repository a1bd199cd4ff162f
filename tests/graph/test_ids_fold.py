"""Name folding: the keys and search terms that make "YILMAZ" and "Yılmaz" one name."""

import pytest

from graph.ids import entity_id, fold, name_key


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        ("Mehmet Yılmaz", "mehmet yilmaz"),
        ("MEHMET YILMAZ", "mehmet yilmaz"),
        ("İbrahim Çelik", "ibrahim celik"),
        ("Søren Jørgensen", "soren jorgensen"),
        ("Łukasz Wałęsa", "lukasz walesa"),
        ("Hafenstraße", "hafenstrasse"),
        ("Ægir Þórsson", "aegir thorsson"),
        ("Đorđe Petrović", "dorde petrovic"),
        ("  José\tMaría  ", "jose maria"),
    ],
)
def test_fold_removes_accents_and_special_latin_letters(raw: str, folded: str) -> None:
    assert fold(raw) == folded


def test_turkish_spellings_share_one_key() -> None:
    assert name_key("Mehmet Yılmaz") == name_key("MEHMET YILMAZ") == "mehmet-yilmaz"
    assert entity_id("PERSON", "Mehmet Yılmaz") == entity_id("PERSON", "Mehmet Yilmaz")
