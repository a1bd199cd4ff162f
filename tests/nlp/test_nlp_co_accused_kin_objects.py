"""Relatives listed together as the objects of a sentence ("sentenced A and his nephew B"), in all three
languages, and a day named between the verb and its objects ("a condamné mardi A et B")."""

from __future__ import annotations

import pytest
from nlp_support import relations


def _types(ex, a: str, b: str) -> set[str]:  # type: ignore[no-untyped-def]
    return {t for t, s, o in relations(ex) if {s, o} == {a, b}}


@pytest.mark.parametrize(("lang", "text", "a", "b"), [
    ("fr", "Le tribunal a condamné Jean-Yves Morel, 58 ans, et son neveu Erwan Morel, 31 ans, à neuf et sept ans.",
     "Jean-Yves Morel", "Erwan Morel"),
    ("fr", "Le tribunal a condamné Jean-Yves Morel et son oncle Tanguy Morel à neuf ans.", "Jean-Yves Morel", "Tanguy Morel"),
    ("en", "Police arrested Gavin Price and his brother-in-law Rory Nash at the port.", "Gavin Price", "Rory Nash"),
    ("nl", "De rechtbank veroordeelde Mohamed B. en zijn zwager Yassin K. tot zes jaar.", "Mohamed B.", "Yassin K."),
])
def test_relatives_charged_together_are_co_accused_and_kin(run, lang: str, text: str, a: str, b: str) -> None:  # type: ignore[no-untyped-def]
    assert {"CO_ACCUSED", "FAMILY_OF"} <= _types(run(text, lang), a, b)


@pytest.mark.parametrize(("lang", "text", "a", "b"), [
    ("fr", "Le tribunal correctionnel a condamné mardi Jean-Yves Morel, 58 ans, et Erwan Morel, 31 ans, à neuf ans.",
     "Jean-Yves Morel", "Erwan Morel"),
    ("en", "The judge sentenced on Tuesday Gavin Price, 41, and Rory Nash, 35, to nine years.", "Gavin Price", "Rory Nash"),
])
def test_a_day_between_the_verb_and_its_objects(run, lang: str, text: str, a: str, b: str) -> None:  # type: ignore[no-untyped-def]
    assert "CO_ACCUSED" in _types(run(text, lang), a, b)


def test_a_relative_who_is_not_charged_is_no_co_accused(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Gavin Price and his mother Ann Price, who was not charged, spoke to police.", "en")
    assert "CO_ACCUSED" not in _types(ex, "Gavin Price", "Ann Price")
