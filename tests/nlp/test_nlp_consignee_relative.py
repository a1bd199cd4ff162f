"""The party inside a relative clause about the container, its verb after it; a broker who cleared the box on
behalf of another is none of its shippers."""

from __future__ import annotations

from nlp_support import relations


def shipped(ex) -> set[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return {(s.rstrip("."), t) for type_, s, t in relations(ex) if type_ == "SHIPPED_IN"}


def test_party_inside_the_relative_clause(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Officers opened container MSKU1234565, which Harlow Imports Ltd had ordered in March.", lang="en")
    assert shipped(ex) == {("Harlow Imports Ltd", "MSKU1234565")}
    nl = run("De douane opende container SEGU2088474, die door Cacao Guayas Export S.A. was verzonden.", lang="nl")
    assert shipped(nl) == {("Cacao Guayas Export S.A", "SEGU2088474")}
    fr = run("Les douaniers ont ouvert le conteneur MSCU1234566, que la société Primeurs Azur SARL avait commandé.",
             lang="fr")
    assert shipped(fr) == {("Primeurs Azur SARL", "MSCU1234566")}


def test_no_shipper_for_a_broker_or_a_denial(run) -> None:  # type: ignore[no-untyped-def]
    nl = run("Het ging om container CXDU2047190, die door Rijnmond Douaneservice BV was ingeklaard namens de "
             "ontvanger.", lang="nl")
    assert shipped(nl) == set()
    ex = run("Officers opened container MSKU1234565, which Harlow Imports Ltd had never ordered.", lang="en")
    assert shipped(ex) == set()
    nl = run("De douane controleerde container MSKU1234565. Die was door Delta Douanezaken BV ingeklaard namens "
             "Groenland Handel BV.", lang="nl")
    assert ("Delta Douanezaken BV", "MSKU1234565") not in shipped(nl)
