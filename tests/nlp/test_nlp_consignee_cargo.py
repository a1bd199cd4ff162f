"""The cargo of the container named in the sentence before, on its way to a firm; the goods declared between
the box and its consignee."""

from __future__ import annotations

from nlp_support import relations


def shipped(ex) -> set[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return {(s.rstrip("."), t) for type_, s, t in relations(ex) if type_ == "SHIPPED_IN"}


def test_the_cargo_of_the_box_before(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Dogs found cocaine in container FSCU9473169. The cover cargo, dried fruit, was destined for the company "
             "Riverside Foods Ltd.", lang="en")
    assert shipped(ex) == {("Riverside Foods Ltd", "FSCU9473169")}
    fr = run("La cocaïne a été découverte dans le conteneur TRLU5163800. La marchandise de couverture, des fruits secs, "
             "était destinée à la société Provence Primeurs SAS.", lang="fr")
    assert shipped(fr) == {("Provence Primeurs SAS", "TRLU5163800")}
    fr = run("Les douaniers ont ouvert le conteneur MSCU1234566. Le chargement officiel avait été commandé par la "
             "société Azur Fleurs SARL.", lang="fr")
    assert shipped(fr) == {("Azur Fleurs SARL", "MSCU1234566")}


def test_dutch_cleared_in_the_name_of(run) -> None:  # type: ignore[no-untyped-def]
    nl = run("De Douane trof cocaïne aan in container SUDU5920382. De container was ingeklaard op naam van Agrofrut "
             "Handel B.V., een handelsonderneming.", lang="nl")
    assert shipped(nl) == {("Agrofrut Handel B.V", "SUDU5920382")}
    nl = run("De Douane controleerde container MSKU1234565. De container stond op naam van Groenland Handel BV.",
             lang="nl")
    assert shipped(nl) == {("Groenland Handel BV", "MSKU1234565")}


def test_declared_goods_between_box_and_consignee(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("A reefer container, CGMU4472190, declared as frozen avocado pulp and consigned to Sierra Verde Produce Co.,"
             " was discharged at night.", lang="en")
    assert shipped(ex) == {("Sierra Verde Produce Co", "CGMU4472190")}
    ex = run("Container TGHU4820160, described as ceramic tiles and shipped to Harbourline Tiles Ltd, was scanned.",
             lang="en")
    assert shipped(ex) == {("Harbourline Tiles Ltd", "TGHU4820160")}


def test_no_consignee_for_an_inspector_or_a_denial(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Dogs found cocaine in container FSCU9473169. The cargo was inspected by officer Dana Whitfield.", lang="en")
    assert shipped(ex) == set()
    fr = run("Les douaniers ont ouvert le conteneur TRLU5163800. La marchandise n'était pas destinée à la société "
             "Provence Primeurs SAS.", lang="fr")
    assert shipped(fr) == set()
