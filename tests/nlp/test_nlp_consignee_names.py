"""A container in the name of its importer, on its way to a firm, or its consignee named on the paperwork."""

from __future__ import annotations

from nlp_support import relations


def shipped(ex) -> set[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return {(s.rstrip("."), t) for type_, s, t in relations(ex) if type_ == "SHIPPED_IN"}


def test_in_the_name_of(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Container TGHU8345120, imported in the name of Brightwater Foods Ltd, held 400 kg of cocaine.", lang="en")
    assert shipped(ex) == {("Brightwater Foods Ltd", "TGHU8345120")}
    fr = run("Le conteneur TCNU4827190, importé au nom de la société Fruits du Levant SAS, contenait de la cocaïne.",
             lang="fr")
    assert shipped(fr) == {("Fruits du Levant SAS", "TCNU4827190")}
    nl = run("Container CAIU5512340, op naam van Fruithandel Westland BV, bevatte 300 kilo cocaïne.", lang="nl")
    assert shipped(nl) == {("Fruithandel Westland BV", "CAIU5512340")}


def test_on_its_way_to_a_firm(run) -> None:  # type: ignore[no-untyped-def]
    fr = run("Le conteneur MSCU1234566, à destination de la société Primeurs Azur SARL, a été saisi au Havre.", lang="fr")
    assert shipped(fr) == {("Primeurs Azur SARL", "MSCU1234566")}
    nl = run("Container MSKU1234565 met bestemming Groenteland Import BV werd in Vlissingen gescand.", lang="nl")
    assert shipped(nl) == {("Groenteland Import BV", "MSKU1234565")}
    # a port is no consignee
    fr = run("Le conteneur MSCU1234566, à destination de Rotterdam, a été contrôlé par Paul Girard.", lang="fr")
    assert shipped(fr) == set()


def test_role_first_then_the_company(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("The consignee of container TGHU8345120 was the company Brightwater Foods Ltd.", lang="en")
    assert shipped(ex) == {("Brightwater Foods Ltd", "TGHU8345120")}
    fr = run("Le destinataire du conteneur TCNU4827190 était la société Fruits du Levant SAS.", lang="fr")
    assert shipped(fr) == {("Fruits du Levant SAS", "TCNU4827190")}
    nl = run("De ontvanger van container CAIU5512340 was het bedrijf Fruithandel Westland BV.", lang="nl")
    assert shipped(nl) == {("Fruithandel Westland BV", "CAIU5512340")}


def test_named_on_the_paperwork(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Brightwater Foods Ltd was named as consignee on the bill of lading for container TGHU8345120.", lang="en")
    assert shipped(ex) == {("Brightwater Foods Ltd", "TGHU8345120")}
    ex = run("Harlow Imports Ltd appeared as shipper in the manifest of container MSKU1234565.", lang="en")
    assert shipped(ex) == {("Harlow Imports Ltd", "MSKU1234565")}
    ex = run("Harlow Imports Ltd was not the consignee on the manifest of container MSKU1234565.", lang="en")
    assert shipped(ex) == set()
    ex = run("Container TGHU8345120 was not registered in the name of Brightwater Foods Ltd.", lang="en")
    assert shipped(ex) == set()
