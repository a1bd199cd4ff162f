"""CO_ACCUSED lists whose members carry a crew or job role before the name, and firms named as employers."""

from __future__ import annotations

import pytest
from nlp_support import relations


def _pairs(ex) -> set[frozenset[str]]:  # type: ignore[no-untyped-def]
    return {frozenset(r[1:]) for r in relations(ex) if r[0] == "CO_ACCUSED"}


def _all(*names: str) -> set[frozenset[str]]:
    return {frozenset((a, b)) for x, a in enumerate(names) for b in names[x + 1:]}


@pytest.mark.parametrize(("lang", "text", "names"), [
    ("en", "Ramiro Solis was indicted together with the ship's bosun, Wilmer Acosta, and the cook, Feliciano Brito.",
     ("Ramiro Solis", "Wilmer Acosta", "Feliciano Brito")),
    ("en", "Prosecutors named the two men as Captain Henrik Saari, a Finnish national who has commanded the Elbe Star "
           "since 2022, and chief officer Goran Petrovic. Both were charged with importing narcotics.",
     ("Henrik Saari", "Goran Petrovic")),
    ("nl", "De Koninklijke Marechaussee heeft de kapitein van het schip, Taras Melnyk, en de eerste stuurman, Arturs "
           "Ozols, aangehouden op verdenking van de invoer van cocaïne.", ("Taras Melnyk", "Arturs Ozols")),
])
def test_roles_before_listed_names(run, lang: str, text: str, names: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    assert _all(*names) <= _pairs(run(text, lang))


def test_employer_firm_is_no_co_accused(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("A diver employed by Ostend firm Kustduik Services BVBA, Kristof Lemmens, had been arrested on suspicion "
             "of helping to retrieve the drugs.", "en")
    assert not any("Kustduik Services BVBA" in pair for pair in _pairs(ex))


def test_questioned_after_a_role_is_not_charged(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Police arrested Ramiro Solis and questioned the cook, Feliciano Brito, who was released. Ramiro Solis "
             "was charged, and the cook, Feliciano Brito, was released without charge.", "en")
    assert frozenset({"Ramiro Solis", "Feliciano Brito"}) not in _pairs(ex)


@pytest.mark.parametrize(("lang", "text", "firm", "person"), [
    ("fr", "Le gérant de la société Agrumes Verts, destinataire déclaré de la cargaison, Paul Morand, a également été "
           "placé en garde à vue.", "Agrumes Verts", "Paul Morand"),
    ("nl", "De zaakvoerder van het importbedrijf Fruithandel Oost BV, Youssef B., wordt ook als verdachte aangemerkt.",
     "Fruithandel Oost BV", "Youssef B."),
])
def test_firm_of_a_role_is_no_co_accused(run, lang: str, text: str, firm: str, person: str) -> None:  # type: ignore[no-untyped-def]
    assert frozenset({firm, person}) not in _pairs(run(text, lang))


def test_cleared_of_all_charges_is_no_charge(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Kieran Vance, 29, was a driver with Eastgate Haulage Ltd. Vance's cousin, Declan Vance, who also worked as "
             "a driver, was cleared of all charges.", "en")
    assert frozenset({"Kieran Vance", "Declan Vance"}) not in _pairs(ex)


@pytest.mark.parametrize(("lang", "text", "kin", "person"), [
    ("en", "The son of Derek Shawcross, Liam Shawcross, was arrested at the port.", "Derek Shawcross", "Liam Shawcross"),
    ("fr", "Le fils de Karim Benhadi, Rachid Benhadi, a été interpellé.", "Karim Benhadi", "Rachid Benhadi"),
    ("nl", "De zoon van Jan de W., Kees de W., werd aangehouden.", "Jan de W.", "Kees de W."),
])
def test_whose_kin_is_no_co_accused(run, lang: str, text: str, kin: str, person: str) -> None:  # type: ignore[no-untyped-def]
    ex = run(text, lang)
    assert frozenset({kin, person}) not in _pairs(ex)
    assert frozenset({kin, person}) in {frozenset(r[1:]) for r in relations(ex) if r[0] == "FAMILY_OF"}
