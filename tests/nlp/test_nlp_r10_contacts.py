"""Who holds a number or an address, and who called whom: the holder is the person the sentence gives it to,
not a relative or employer named inside a noun phrase, not the party called, not every name of a list."""

from __future__ import annotations

import pytest
from nlp_support import relations


def holders(ex) -> set[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return {(s, t) for ty, s, t in relations(ex) if ty in ("HAS_PHONE", "HAS_EMAIL", "HAS_ACCOUNT")}


def contacts(ex) -> set[frozenset[str]]:  # type: ignore[no-untyped-def]
    return {frozenset((s, t)) for ty, s, t in relations(ex) if ty == "CONTACTED"}


@pytest.mark.parametrize(("text", "lang", "subject"), [
    ("Lotte Verbeke, the sister of Joris Maes, used +32 478 61 20 33 for the calls.", "en", "Lotte Verbeke"),
    ("Lotte Verbeke, the lawyer of Joris Maes, used +32 478 61 20 33.", "en", "Lotte Verbeke"),
    ("The cousin of Joris Maes used +32 478 61 20 33 to reach the crane driver.", "en", None),
    ("Lotte Verbeke, la sœur de Joris Maes, utilisait le +32 478 61 20 33.", "fr", "Lotte Verbeke"),
    ("Lotte Verbeke, de zus van Joris Maes, gebruikte het nummer +32 478 61 20 33.", "nl", "Lotte Verbeke"),
])
def test_a_name_inside_a_kin_or_role_phrase_holds_nothing(run, text, lang, subject) -> None:  # type: ignore[no-untyped-def]
    found = holders(run(text, lang=lang))
    assert not {pair for pair in found if pair[0] == "Joris Maes"}, text
    if subject:
        assert (subject, "+32478612033") in found, text


@pytest.mark.parametrize(("text", "lang"), [
    ("Lotte Verbeke e-mailed Joris Maes from l.verbeke@havenpost.be.", "en"),
    ("Lotte Verbeke met Joris Maes, using +32 478 61 20 33.", "en"),
    ("Lotte Verbeke a rencontré Joris Maes, utilisant le +32 478 61 20 33.", "fr"),
])
def test_the_party_called_does_not_hold_the_callers_identifier(run, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert not {pair for pair in holders(run(text, lang=lang)) if pair[0] == "Joris Maes"}, text


def test_a_number_after_a_list_of_names_is_the_last_ones(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Officers identified Lotte Verbeke, Joris Maes and Ward Lenaerts (+32 478 61 20 33).", lang="en")
    assert holders(ex) == {("Ward Lenaerts", "+32478612033")}
    ex = run("Officers identified Lotte Verbeke, Joris Maes, Ward Lenaerts, tel. +32 478 61 20 33.", lang="en")
    assert not {pair for pair in holders(ex) if pair[0] != "Ward Lenaerts"}


def test_near_misses_keep_their_holders(run) -> None:  # type: ignore[no-untyped-def]
    # the subject's own number, a relative clause on the person met, a firm's number in brackets after a job
    ex = run("Lotte Verbeke e-mailed Joris Maes at j.maes@havenpost.be.", lang="en")
    assert ("Joris Maes", "j.maes@havenpost.be") in holders(ex)
    ex = run("Lotte Verbeke met Joris Maes, who used +32 478 61 20 33.", lang="en")
    assert ("Joris Maes", "+32478612033") in holders(ex)
    ex = run("Lotte Verbeke, a planner at Scheldeband BV (tel. +31 10 455 22 10), was arrested.", lang="en")
    assert holders(ex) == {("Scheldeband BV", "+31104552210")}
    ex = run("Suspects: Lotte Verbeke (+32 478 61 20 33), Joris Maes (+32 471 99 88 77).", lang="en")
    assert holders(ex) == {("Lotte Verbeke", "+32478612033"), ("Joris Maes", "+32471998877")}
