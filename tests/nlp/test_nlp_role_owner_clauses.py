"""Owners and heads of firms named in an object clause ("X, which Y owned"), with a possessive ("Y's firm, X")
or with two coordinated roles ("bestuurder en enig aandeelhouder van X")."""

from __future__ import annotations

from nlp_support import relations


def _firm_roles(found: set[tuple[str, str, str]]) -> set[tuple[str, str, str]]:
    return {r for r in found if r[0] in ("OWNS", "DIRECTOR_OF")}


def test_a_firm_in_an_object_clause_of_its_owner_or_head(run) -> None:  # type: ignore[no-untyped-def]
    cases = (("Saltmere Produce Ltd, which Colm Reddan owned, imported the fruit.", "en",
              ("OWNS", "Colm Reddan", "Saltmere Produce Ltd")),
             ("Saltmere Produce Ltd, which Colm Reddan ran from his home, imported the fruit.", "en",
              ("DIRECTOR_OF", "Colm Reddan", "Saltmere Produce Ltd")),
             ("La société Opale Logistique, que Gaël Ropars dirigeait depuis 2019, a importé les fruits.", "fr",
              ("DIRECTOR_OF", "Gaël Ropars", "Opale Logistique")),
             ("Polderfruit BV, waarvan Frank Aerts sinds 2018 directeur is, importeerde de bananen.", "nl",
              ("DIRECTOR_OF", "Frank Aerts", "Polderfruit BV")))
    for text, lang, relation in cases:
        assert relation in relations(run(text, lang=lang)), text
    visit = relations(run("Saltmere Produce Ltd, which Colm Reddan visited twice, imported the fruit.", lang="en"))
    assert not _firm_roles(visit)


def test_a_possessive_firm_and_coordinated_roles(run) -> None:  # type: ignore[no-untyped-def]
    cases = (("Colm Reddan's firm, Saltmere Produce Ltd, imported the fruit.", "en",
              {("OWNS", "Colm Reddan", "Saltmere Produce Ltd")}),
             ("Polderfruit BV, het bedrijf van Frank Aerts, importeerde de bananen.", "nl",
              {("OWNS", "Frank Aerts", "Polderfruit BV")}),
             ("Frank Aerts is bestuurder en enig aandeelhouder van Polderfruit BV.", "nl",
              {("OWNS", "Frank Aerts", "Polderfruit BV"), ("DIRECTOR_OF", "Frank Aerts", "Polderfruit BV")}))
    for text, lang, expected in cases:
        assert expected <= relations(run(text, lang=lang)), text
    lawyer = relations(run("Colm Reddan's lawyer, Saltmere Legal Ltd, issued a statement.", lang="en"))
    assert not _firm_roles(lawyer)
