"""Shippers, consignees and importers named with a role noun are SHIPPED_IN their container."""

from __future__ import annotations

from nlp_support import relations


def shipped(ex) -> set[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return {(s, t) for type_, s, t in relations(ex) if type_ == "SHIPPED_IN"}


def test_the_role_as_a_predicate(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Corran Fruit Ltd was the consignee of container CAIU5512340.", lang="en")
    assert shipped(ex) == {("Corran Fruit Ltd", "CAIU5512340")}
    ex = run("Bellwater Produce LLC was listed as the importer of containers MSCU6602193 and TGHU8745126.", lang="en")
    assert shipped(ex) == {("Bellwater Produce LLC", "MSCU6602193"), ("Bellwater Produce LLC", "TGHU8745126")}


def test_the_role_before_the_container_and_after_the_party(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("The consignee of container CAIU5512340 was Harrowline Foods Ltd.", lang="en")
    assert {s.rstrip(".") for s, _ in shipped(ex)} == {"Harrowline Foods Ltd"}
    ex = run("The bill of lading for container CAIU5512340 named Harrowline Foods Ltd as consignee.", lang="en")
    assert shipped(ex) == {("Harrowline Foods Ltd", "CAIU5512340")}


def test_french_and_dutch_roles(run) -> None:  # type: ignore[no-untyped-def]
    fr = run("La société Primeurs du Nord SARL était le destinataire du conteneur CAIU5512340.", lang="fr")
    assert shipped(fr) == {("Primeurs du Nord SARL", "CAIU5512340")}
    nl = run("Polderkust Import BV was de ontvanger van container CAIU5512340.", lang="nl")
    assert shipped(nl) == {("Polderkust Import BV", "CAIU5512340")}


def test_no_role_no_negation_no_broker(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Harrowline Foods Ltd was not the consignee of container CAIU5512340.", lang="en")
    assert shipped(ex) == set()
    ex = run("Customs broker Mara Lenz cleared container CAIU5512340 at the terminal.", lang="en")
    assert shipped(ex) == set()
    # the consignee of one box is not the shipper of the next one named after another party
    ex = run("Corran Fruit Ltd was the consignee of container CAIU5512340 and Delmar Haulage Ltd moved MSCU6602193.",
             lang="en")
    assert shipped(ex) == {("Corran Fruit Ltd", "CAIU5512340")}


def test_the_ship_that_carried_a_box_is_not_its_shipper(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Bellwater Produce LLC imported container MSCU6602193, which was discharged from the MSC Leandra "
             "at Port Newark.", lang="en")
    assert shipped(ex) == {("Bellwater Produce LLC", "MSCU6602193")}
    # the ship stays beside the box as a weak co-mention
    assert ("CO_MENTIONED", "MSC Leandra", "MSCU6602193") in relations(ex, typed_only=False) \
        or ("CO_MENTIONED", "MSCU6602193", "MSC Leandra") in relations(ex, typed_only=False)


def test_the_container_of_the_sentence_before(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Officers examined container CAIU7742153 at Rosslare Europort. The container was declared as holding "
             "frozen vegetables consigned to Slanehill Produce Ltd, a company based in Enniscorthy.", lang="en")
    assert shipped(ex) == {("Slanehill Produce Ltd", "CAIU7742153")}
    nl = run("De douane vond de cocaïne in container TRHU6028391. Als ontvanger van de lading stond Veldkoorn "
             "Import BV op de vrachtbrief.", lang="nl")
    assert shipped(nl) == {("Veldkoorn Import BV", "TRHU6028391")}


def test_a_role_alone_after_several_boxes_or_before_a_director(run) -> None:  # type: ignore[no-untyped-def]
    # which of the three boxes the consignee received is not said
    ex = run("Officers examined containers CAIU7742153, MSCU6602193 and TGHU8745126. They were shipped to the "
             "consignee Zandhoek Fruit BV, Rotterdam.", lang="en")
    assert shipped(ex) == set()
    fr = run("Les douaniers ont ouvert le conteneur CMAU5093382. Le dirigeant de la société destinataire, Jean-Marc "
             "Delavigne, président de Nord Primeurs SAS, a été entendu.", lang="fr")
    assert ("Jean-Marc Delavigne", "CMAU5093382") not in shipped(fr)


def test_parties_labelled_with_their_role_after_the_box(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("1. ONEU1160925 – shipper Frutas del Rio S.A.S., Santa Marta; consignee Greenfold Produce Ltd, Spalding; "
             "declared fresh bananas.", lang="en")
    assert {p for p, box in shipped(ex) if box == "ONEU1160925"} >= {"Greenfold Produce Ltd"}
    fr = run("- CMAU5093382 : expéditeur Agroexport Costa Verde S.A., destinataire Nord Primeurs Alimentaire SAS, "
             "déclaré « bananes fraîches » ;", lang="fr")
    assert ("Nord Primeurs Alimentaire SAS", "CMAU5093382") in shipped(fr)


def test_the_buyer_of_the_drugs_is_no_consignee(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Officers examined container CAIU7742153 at Rosslare. The buyer was Dean Farrow, a dealer from Dublin.",
             lang="en")
    assert shipped(ex) == set()
