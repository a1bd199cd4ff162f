"""A consignee described before it is named ("in the name of a fruit importer from Ghent, X"), the containers of
the sentence before held by "ils étaient déclarés au nom d'un importateur, X", and a firm's name cut at a hyphen."""

from __future__ import annotations

from nlp_support import relations


def shipped(ex) -> set[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return {(s.rstrip("."), t) for type_, s, t in relations(ex) if type_ == "SHIPPED_IN"}


def test_described_then_named(run) -> None:  # type: ignore[no-untyped-def]
    nl = run("De container, HASU6128470, stond op naam van een invoerder van fruit uit Gent, Gentse Tropen BV.", lang="nl")
    assert shipped(nl) == {("Gentse Tropen BV", "HASU6128470")}
    fr = run("Le conteneur MSCU1234566 était destiné à un grossiste de Rungis, Primeurs Azur SARL.", lang="fr")
    assert shipped(fr) == {("Primeurs Azur SARL", "MSCU1234566")}
    ex = run("Container MSKU1234565 was consigned to a fruit importer based in Kent, Weald Fresh Ltd.", lang="en")
    assert shipped(ex) == {("Weald Fresh Ltd", "MSKU1234565")}


def test_the_boxes_of_the_sentence_before(run) -> None:  # type: ignore[no-untyped-def]
    fr = run("Les deux conteneurs SUDU8301463 et TEMU3908620 sont arrivés à Montoir. Ils étaient déclarés au nom d'un "
             "importateur nantais, Loire Tropiques SAS, dont le président a été entendu.", lang="fr")
    assert shipped(fr) == {("Loire Tropiques SAS", "SUDU8301463"), ("Loire Tropiques SAS", "TEMU3908620")}
    ex = run("Officers opened container MSKU1234565 in Felixstowe. The container was consigned to a fruit importer in "
             "Kent, Weald Fresh Ltd.", lang="en")
    assert shipped(ex) == {("Weald Fresh Ltd", "MSKU1234565")}


def test_no_consignee_for_a_described_haulier_or_a_denial(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Container MSKU1234565 was collected by a haulier from Kent, Weald Transport Ltd.", lang="en")
    assert shipped(ex) == set()
    nl = run("De container HASU6128470 stond niet op naam van een invoerder uit Gent, Gentse Tropen BV.", lang="nl")
    assert shipped(nl) == set()
