"""Dutch: the firm named after a verb-final relative clause about the ship ("de rederij die de X exploiteert, Y");
the port columns of a Dutch record."""

from __future__ import annotations

from nlp_support import relations


def operates(ex) -> set[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return {(s, t) for type_, s, t in relations(ex) if type_ == "OPERATES"}


def test_operator_after_the_relative_clause(run) -> None:  # type: ignore[no-untyped-def]
    nl = run("De rederij die het schip Zeearend beheert, Polder Shipping BV, werkte mee aan het onderzoek.", lang="nl")
    assert operates(nl) == {("Polder Shipping BV", "Zeearend")}
    nl = run("Het bedrijf dat het koelschip Noordster exploiteert, Scheldemond Rederij B.V., is niet vervolgd.", lang="nl")
    assert operates(nl) == {("Scheldemond Rederij B.V.", "Noordster")}
    nl = run("De charteraar die het vrachtschip Morgenzon charterde, Baltic Lines BV, gaf geen commentaar.", lang="nl")
    assert operates(nl) == {("Baltic Lines BV", "Morgenzon")}


def test_no_operator_for_a_crew_member_or_a_denial(run) -> None:  # type: ignore[no-untyped-def]
    nl = run("De kapitein die het schip Zeearend bestuurde, Jan de Boer, werd gehoord.", lang="nl")
    assert operates(nl) == set()
    nl = run("De rederij die het schip Zeearend niet meer beheert, Polder Shipping BV, werkte mee.", lang="nl")
    assert operates(nl) == set()


def test_dutch_record_ports(run) -> None:  # type: ignore[no-untyped-def]
    nl = run("Container: MSKU1234565\nSchip: Zeearend\nLaadhaven: Santos\nLoshaven: Rotterdam", lang="nl")
    calls = {(s, t) for type_, s, t in relations(nl) if type_ == "CALLED_AT"}
    assert calls == {("Zeearend", "Santos"), ("Zeearend", "Rotterdam")}
