"""Employment read from payrolls and hiring verbs, and from a role written before a name with the firm after it."""

from __future__ import annotations

from nlp_support import mentions, relations


def _jobs(found: set[tuple[str, str, str]]) -> set[tuple[str, str, str]]:
    return {r for r in found if r[0] in ("EMPLOYED_BY", "WORKS_AT", "DIRECTOR_OF")}


def test_payrolls_and_hiring_verbs(run) -> None:  # type: ignore[no-untyped-def]
    cases = (("Colm Reddan was on the payroll of Liffey Freight Ltd until March.", "en",
              ("EMPLOYED_BY", "Colm Reddan", "Liffey Freight Ltd")),
             ("Bram Veenstra stond sinds 2020 op de loonlijst van Scheldekaai Stevedoring NV.", "nl",
              ("EMPLOYED_BY", "Bram Veenstra", "Scheldekaai Stevedoring NV")),
             ("Gaël Ropars, embauché par la société Iroise Transports en 2018, a été interpellé.", "fr",
              ("EMPLOYED_BY", "Gaël Ropars", "Iroise Transports")),
             ("Gaël Ropars, salarié depuis 2015 de la société Iroise Transports, a été interpellé.", "fr",
              ("EMPLOYED_BY", "Gaël Ropars", "Iroise Transports")))
    for text, lang, relation in cases:
        assert relation in relations(run(text, lang=lang)), text
    denied = relations(run("Colm Reddan was never on the payroll of Liffey Freight Ltd, his lawyer said.", lang="en"))
    assert not _jobs(denied)


def test_a_role_before_the_name_and_the_firm_after_it(run) -> None:  # type: ignore[no-untyped-def]
    cases = (("De havenarbeider Jan de Wit van Maasstad Stevedoring BV werd aangehouden.", "nl",
              ("EMPLOYED_BY", "Jan de Wit", "Maasstad Stevedoring BV")),
             ("Crane operator Liam Carver of Harwich Lashing Ltd was charged on Friday.", "en",
              ("EMPLOYED_BY", "Liam Carver", "Harwich Lashing Ltd")),
             ("Le gérant Paul Fabre, de la société Azur Fret, a été placé en garde à vue.", "fr",
              ("DIRECTOR_OF", "Paul Fabre", "Azur Fret")))
    for text, lang, relation in cases:
        assert relation in relations(run(text, lang=lang)), text
    assert "Jan de Wit" in mentions(run("De havenarbeider Jan de Wit van Maasstad Stevedoring BV werd aangehouden.",
                                        lang="nl"), "PERSON")
    lawyer = relations(run("The lawyer Liam Carver of Harwich Legal Ltd said nothing.", lang="en"))
    assert not _jobs(lawyer)
