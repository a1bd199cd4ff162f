"""Given names of the port cities' communities found by the Dutch name rule (no statistical model for Dutch)."""

from __future__ import annotations

import pytest
from nlp_support import mentions


@pytest.mark.parametrize("name", ["Rick Stoop", "Kenzo Verbiest", "Okke Hoekstra", "Gerrit-Jan Lodder", "Mert Kaya",
                                  "Jairzinho Martina", "Sytse Bosma", "Oussama Haddou", "Piotr Nowak", "Declan Furlong"])
def test_given_names_found(run, name: str) -> None:
    assert name in mentions(run(f"{name} werd dinsdag in de haven aangehouden.", lang="nl"), "PERSON")


@pytest.mark.parametrize("text", [
    "Can Border Force officers search every container?",
    "Harm reduction workers visited the port.",
    "Marine Traffic data showed the ship in Barry Docks.",
])
def test_common_words_are_no_given_names(run, text: str) -> None:
    assert not mentions(run(text, lang="en"), "PERSON") & {"Can Border", "Harm", "Marine Traffic", "Barry Docks"}
