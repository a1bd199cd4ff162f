"""Two roles held together over one firm: director and owner (issue 16)."""

from __future__ import annotations

from nlp_support import relations


def test_a_dutch_manager_and_sole_shareholder_directs_and_owns(run) -> None:  # type: ignore[no-untyped-def]
    for text in ("Kevin B. is zaakvoerder en enige aandeelhouder van Fruithandel Zuid BV.",
                 "Kevin B. is directeur-eigenaar van Fruithandel Zuid BV."):
        found = relations(run(text, lang="nl"))
        assert ("DIRECTOR_OF", "Kevin B.", "Fruithandel Zuid BV") in found
        assert ("OWNS", "Kevin B.", "Fruithandel Zuid BV") in found


def test_an_english_director_and_shareholder_directs_and_owns(run) -> None:  # type: ignore[no-untyped-def]
    found = relations(run("Mark Hale, a director and sole shareholder of Swift Freight Ltd, was arrested.", lang="en"))
    assert {("DIRECTOR_OF", "Mark Hale", "Swift Freight Ltd"), ("OWNS", "Mark Hale", "Swift Freight Ltd")} <= found


def test_a_french_partner_in_a_firm_is_its_owner_not_its_accomplice(run) -> None:  # type: ignore[no-untyped-def]
    found = relations(run("Karim T., gérant et associé unique de la SARL Provence Fret, a été condamné.", lang="fr"))
    assert ("OWNS", "Karim T.", "SARL Provence Fret") in found
    assert ("DIRECTOR_OF", "Karim T.", "SARL Provence Fret") in found
    assert not {r for r in found if r[0] == "ASSOCIATE_OF"}


def test_a_dutch_employee_until_his_arrest_is_employed(run) -> None:  # type: ignore[no-untyped-def]
    found = relations(run("Kevin B. was tot zijn aanhouding in dienst van Hutchison Ports.", lang="nl"))
    assert ("EMPLOYED_BY", "Kevin B.", "Hutchison Ports") in found
    found = relations(run("Kevin B. was nooit in dienst van Hutchison Ports.", lang="nl"))
    assert not {r for r in found if r[0] == "EMPLOYED_BY"}


def test_a_ship_described_as_owned_by_a_firm(run) -> None:  # type: ignore[no-untyped-def]
    found = relations(run("Diego Molina was the second officer of the Santa Lucia, a bulk carrier owned by Naviera "
                          "Austral S.A.S., when the drugs were found.", lang="en"))
    assert any(r[0] == "OWNS" and r[1].startswith("Naviera Austral") and r[2] == "Santa Lucia" for r in found)
    assert not any(r[0] == "OWNS" and r[1] == "Diego Molina" for r in found)
