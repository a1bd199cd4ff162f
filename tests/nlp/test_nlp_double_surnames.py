"""A later mention by both surnames of a given name and two surnames ("Quiñones Vélez" after "Andrés Quiñones
Vélez") is one mention of that person, not two."""

from __future__ import annotations

import pytest
from nlp_support import mentions


@pytest.mark.parametrize(("lang", "text", "short"), [
    ("en", "Andrés Quiñones Vélez, 44, was arrested in San Juan. Quiñones Vélez had worked as a crane operator.",
     "Quiñones Vélez"),
    ("en", "Agents arrested Julio Restrepo Villa at the terminal on Monday. Later that day Restrepo Villa admitted the "
           "smuggling.", "Restrepo Villa"),
    ("fr", "Carlos Peralta Ruiz a été interpellé au Havre. Selon les enquêteurs, Peralta Ruiz recevait les codes.",
     "Peralta Ruiz"),
])
def test_double_surname(run, lang: str, text: str, short: str) -> None:
    people = mentions(run(text, lang=lang), "PERSON")
    assert short in people
    assert not set(short.split()) & people
