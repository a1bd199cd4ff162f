"""SHIPPED_IN from a firm "listed as importer of container X", a shipper and a consignee joined by "and",
"avait pour expéditeur la société Y", "stond op naam van Y" and "ingeklaard namens de ontvanger, Y";
the broker who cleared the box is none of them."""

from __future__ import annotations

from nlp_support import relations


def shipped(ex) -> set[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return {(s, t) for ty, s, t in relations(ex) if ty == "SHIPPED_IN"}


def test_listed_as_importer_and_a_coordinated_consignee(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Omar Saleh, a director of Northgate Ceramics Ltd, the company listed as importer of container "
             "MSKU1234565, was charged.", lang="en")
    assert ("Northgate Ceramics Ltd", "MSKU1234565") in shipped(ex)
    ex = run("The container, numbered MSKU1234565, was shipped by Frutas del Pacifico S.A. of Guayaquil and "
             "consigned to Solent Fruit Ltd, a Hampshire importer.", lang="en")
    assert ("Solent Fruit Ltd", "MSKU1234565") in shipped(ex)


def test_french_avait_pour_expediteur(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Le conteneur MSKU1234565, chargé de bananes, avait pour expéditeur la société Frutas del "
             "Pacifico S.A.", lang="fr")
    assert any(t == "MSKU1234565" and s.startswith("Frutas") for s, t in shipped(ex))


def test_dutch_on_behalf_of_the_consignee_not_the_broker(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Het ging om container MSKU1234565, die door Haven Douane Service BV was ingeklaard namens de "
             "ontvanger, Noordzee Staal BV.", lang="nl")
    assert ("Noordzee Staal BV", "MSKU1234565") in shipped(ex)
    assert ("Haven Douane Service BV", "MSKU1234565") not in shipped(ex)
