"""A message to a person whose content follows the name: "X told Y which gate to use", "X liet Y weten welke
containers", "X prévenait Y quand le conteneur arrivait"; no contact for testimony to a judge."""

from __future__ import annotations

from nlp_support import relations


def contacts(ex) -> set[frozenset[str]]:  # type: ignore[no-untyped-def]
    return {frozenset((s, t)) for type_, s, t in relations(ex) if type_ == "CONTACTED"}


def test_content_after_the_person(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Messages showed Scott Renner telling Kieran Dolan which gate to use.", lang="en")
    assert contacts(ex) == {frozenset(("Scott Renner", "Kieran Dolan"))}
    ex = run("Dean Foxley instructed Mark Rowe to move the container to row 14.", lang="en")
    assert contacts(ex) == {frozenset(("Dean Foxley", "Mark Rowe"))}
    nl = run("Ilias Bakkali liet Kevin Verlinden weten welke containers hij moest volgen.", lang="nl")
    assert contacts(nl) == {frozenset(("Ilias Bakkali", "Kevin Verlinden"))}
    fr = run("Youssef Amrane prévenait Kévin Lemoire quand le conteneur arrivait.", lang="fr")
    assert contacts(fr) == {frozenset(("Youssef Amrane", "Kévin Lemoire"))}


def test_no_contact_for_testimony(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("The witness Tom Reyna told Judge Ann Pike that he was afraid.", lang="en")
    assert contacts(ex) == set()
    ex = run("Dean Foxley never told Mark Rowe which gate to use.", lang="en")
    assert contacts(ex) == set()
