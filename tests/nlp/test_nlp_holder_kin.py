"""A number or address "of his brother" is the brother's, not the holder of "his": the possessive before a kin
noun names whose relative is meant, and the one who calls or writes to it does not hold it."""

from __future__ import annotations

import pytest
from nlp_support import relations


def holders(ex) -> set[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return {(s, t) for ty, s, t in relations(ex) if ty in ("HAS_PHONE", "HAS_EMAIL", "HAS_ACCOUNT")}


@pytest.mark.parametrize(("text", "lang"), [
    ("Ruben Claes sent a text message to +32 485 12 34 56, the number of his cousin Wim Claes.", "en"),
    ("Ruben Claes called +32 485 12 34 56, the mobile of his brother Wim Claes.", "en"),
    ("Ruben Claes used +32 485 12 34 56, the phone of his wife Ann Peeters, to call the broker.", "en"),
    ("Ruben Claes wrote to ann.claes@mailbox.be, the address of his sister Ann Claes.", "en"),
    ("Ruben Claes wrote to ann.claes@mailbox.be, the address of his sister.", "en"),
    ("Ruben Claes appelle le +32 485 12 34 56, le numéro de son frère Wim Claes.", "fr"),
    ("Ruben Claes belde naar +32 485 12 34 56, het nummer van zijn broer Wim Claes.", "nl"),
])
def test_a_relatives_number_is_not_given_to_the_one_who_uses_it(run, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert not {pair for pair in holders(run(text, lang=lang)) if pair[0] == "Ruben Claes"}, text


def test_the_owners_own_number_still_reads(run) -> None:  # type: ignore[no-untyped-def]
    # near misses on the other side: the possessive before a thing noun, and the number of a named person
    ex = run("Ruben Claes called the broker from his mobile, +32 485 12 34 56.", lang="en")
    assert holders(ex) == {("Ruben Claes", "+32485123456")}
    ex = run("Investigators traced +32 485 12 34 56, the number of Wim Claes, to a shop in Deurne.", lang="en")
    assert holders(ex) == {("Wim Claes", "+32485123456")}
