"""A sentence that counts the suspects it charges, then a sentence that names them with asides
between the names ("Het gaat om A (38), die ..., B (31), die ..., en drie mannen: C, D en E"):
the count is the proof that the named people are the ones charged."""

from __future__ import annotations

import pytest
from nlp_support import relations


def _pairs(ex) -> set[frozenset[str]]:  # type: ignore[no-untyped-def]
    return {frozenset(r[1:]) for r in relations(ex) if r[0] == "CO_ACCUSED"}


def _all(*names: str) -> set[frozenset[str]]:
    return {frozenset((a, b)) for x, a in enumerate(names) for b in names[x + 1:]}


NL = ("De politie heeft maandag vier verdachten aangehouden. Het gaat om Dennis Verkerk (41) uit Schiedam, die als "
      "planner bij een terminal werkte, Sandra Mulder (36), die bij de douane werkte, en twee mannen uit Delft: "
      "Youssef Amrani (25) en Kevin Bakker (29).")
EN = ("Police arrested three suspects on Monday. They are Gavin Price, 41, who worked as a crane driver at the "
      "terminal, Rory Nash, 35, a haulier, and Tom Baird, 29.")


@pytest.mark.parametrize(("lang", "text", "names"), [
    ("nl", NL, ("Dennis Verkerk", "Sandra Mulder", "Youssef Amrani", "Kevin Bakker")),
    ("en", EN, ("Gavin Price", "Rory Nash", "Tom Baird")),
])
def test_counted_suspects_named_with_asides(run, lang: str, text: str, names: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    assert _all(*names) <= _pairs(run(text, lang))


def test_a_count_that_does_not_match_pairs_nobody_across_the_asides(run) -> None:  # type: ignore[no-untyped-def]
    # five counted, four named: one of them may be someone else (the count is no proof)
    ex = run(NL.replace("vier verdachten", "vijf verdachten"), "nl")
    assert frozenset(("Dennis Verkerk", "Kevin Bakker")) not in _pairs(ex)


def test_naming_without_a_charge_before_pairs_nobody(run) -> None:  # type: ignore[no-untyped-def]
    text = ("De rechtbank hoorde maandag vier getuigen. Het gaat om Dennis Verkerk (41), die als planner werkte, "
            "Sandra Mulder (36), Youssef Amrani (25) en Kevin Bakker (29).")
    assert not _pairs(run(text, "nl"))
