"""A role whose place is "the company" / "l'entreprise" / "het bedrijf": the one firm named before in the sentence."""

from __future__ import annotations

from nlp_support import relations


def test_a_role_at_the_company_named_before(run) -> None:  # type: ignore[no-untyped-def]
    cases = (("Mark Dale, 58, director of Dale Freight Ltd, and his son Kevin Dale, 31, an employee of the company, "
              "were charged.", "en", ("EMPLOYED_BY", "Kevin Dale", "Dale Freight Ltd")),
             ("Alain Guérin, gérant de la société Guérin Frères Logistique SARL, et son fils Kévin Guérin, salarié de "
              "l'entreprise comme chauffeur, sont soupçonnés.", "fr",
              ("EMPLOYED_BY", "Kévin Guérin", "Guérin Frères Logistique SARL")),
             ("Jan de Wit (58), directeur van Wit Transport BV, en zijn zoon Kees de Wit (31), werknemer van het bedrijf, "
              "werden aangehouden.", "nl", ("EMPLOYED_BY", "Kees de Wit", "Wit Transport BV")))
    for text, lang, relation in cases:
        assert relation in relations(run(text, lang=lang)), text


def test_the_company_after_two_firms_or_without_a_role_names_none(run) -> None:  # type: ignore[no-untyped-def]
    two = relations(run("Mark Dale, director of Dale Freight Ltd, sold goods to Hale Foods Ltd, and Kevin Dale, an employee "
                        "of the company, was charged.", lang="en"))
    assert not {r for r in two if r[0] == "EMPLOYED_BY" and r[1] == "Kevin Dale"}
    visit = relations(run("Mark Dale, director of Dale Freight Ltd, and Kevin Dale, who visited the company, were charged.",
                          lang="en"))
    assert not {r for r in visit if r[0] == "EMPLOYED_BY"}
