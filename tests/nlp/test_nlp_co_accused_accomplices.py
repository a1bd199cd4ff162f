"""An accomplice sentenced in the same sentence is CO_ACCUSED, never also ASSOCIATE_OF; an accomplice
named without any charge stays ASSOCIATE_OF."""

from __future__ import annotations

import pytest
from nlp_support import relations

from nlp.components.accomplice_settling import settle_accomplices
from nlp.components.relations import RelationHit


def _types(ex, a: str, b: str) -> set[str]:  # type: ignore[no-untyped-def]
    return {t for t, s, o in relations(ex) if {s, o} == {a, b}}


@pytest.mark.parametrize(("lang", "text", "a", "b"), [
    ("fr", "Karim Benhadj a été condamné à douze ans de prison ; son complice Julien Morel, à huit ans.",
     "Karim Benhadj", "Julien Morel"),
    ("en", "Gavin Price was jailed for eleven years; his accomplice Rory Nash was jailed for seven.",
     "Gavin Price", "Rory Nash"),
])
def test_accomplice_sentenced_alongside_is_only_co_accused(run, lang: str, text: str, a: str, b: str) -> None:  # type: ignore[no-untyped-def]
    assert _types(run(text, lang), a, b) == {"CO_ACCUSED"}


def test_accomplice_without_a_charge_stays_an_associate(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Gavin Price met buyers in Antwerp with his accomplice Rory Nash.", "en")
    assert "CO_ACCUSED" not in _types(ex, "Gavin Price", "Rory Nash")


def _hit(type_: str, src: tuple[int, int], tgt: tuple[int, int], s_start: int, s_end: int) -> RelationHit:
    return RelationHit(type_, src, tgt, s_start, s_end, s_start, s_end, "rule", 0.7)


def test_settling_keeps_an_associate_of_another_sentence() -> None:
    a, b = (0, 5), (40, 45)
    co = _hit("CO_ACCUSED", a, b, 0, 60)
    same = _hit("ASSOCIATE_OF", b, a, 0, 60)
    other = _hit("ASSOCIATE_OF", b, a, 61, 120)
    third = _hit("ASSOCIATE_OF", a, (70, 75), 0, 60)
    assert settle_accomplices([co, same, other, third]) == [co, other, third]
