"""An Irish county written "Co Wexford" / "Co. Cork" / "County Kerry" is a place, not a person, and no co-accused."""

from __future__ import annotations

import pytest
from nlp_support import mentions, relations


@pytest.mark.parametrize(("text", "county"), [
    ("Declan Furlong (46), with an address at Ballycogley, Co Wexford, and Piotr Nowak (34) were both charged.",
     "Co Wexford"),
    ("Seamus Daly, of Midleton, Co. Cork, was remanded in custody.", "Co. Cork"),
    ("Gardaí searched a farm in County Kerry and arrested Cathal Moran.", "County Kerry"),
])
def test_county_is_a_place(run, text: str, county: str) -> None:
    ex = run(text, lang="en")
    assert county not in mentions(ex, "PERSON")
    assert not any(county in r[1:] for r in relations(ex) if r[0] == "CO_ACCUSED")
