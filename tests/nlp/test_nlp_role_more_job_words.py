"""Job and manager nouns beyond the port trades: analysts, clerks, managing members, gérants de fait."""

from __future__ import annotations

from nlp_support import relations


def test_office_jobs_at_a_firm_are_employment(run) -> None:  # type: ignore[no-untyped-def]
    cases = (("Ines Barlow, a compliance analyst at Northgate Freight Ltd, gave evidence on Tuesday.", "en",
              ("EMPLOYED_BY", "Ines Barlow", "Northgate Freight Ltd")),
             ("Priya Nand, 29, a logistics coordinator with Saltmarsh Shipping Ltd, was not charged.", "en",
              ("EMPLOYED_BY", "Priya Nand", "Saltmarsh Shipping Ltd")),
             ("Claire Vasseur, secrétaire de la société Opale Transit, a été entendue mardi.", "fr",
              ("EMPLOYED_BY", "Claire Vasseur", "Opale Transit")),
             ("Sven Dierickx, monteur bij Scheldekraan NV, werd verhoord.", "nl",
              ("EMPLOYED_BY", "Sven Dierickx", "Scheldekraan NV")))
    for text, lang, relation in cases:
        assert relation in relations(run(text, lang=lang)), text


def test_managing_members_and_de_facto_managers_direct_their_firm(run) -> None:  # type: ignore[no-untyped-def]
    cases = (("Lorna Pike was the managing member of Eastbay Customs Brokerage LLC.", "en",
              ("DIRECTOR_OF", "Lorna Pike", "Eastbay Customs Brokerage LLC")),
             ("Omar Haddad, gérant de fait de la société Azur Négoce, a été placé en détention.", "fr",
              ("DIRECTOR_OF", "Omar Haddad", "Azur Négoce")),
             ("Frank Aerts, gedelegeerd bestuurder van Polderfruit NV, werd gedagvaard.", "nl",
              ("DIRECTOR_OF", "Frank Aerts", "Polderfruit NV")))
    for text, lang, relation in cases:
        assert relation in relations(run(text, lang=lang)), text


def test_a_role_of_someone_else_is_not_given(run) -> None:  # type: ignore[no-untyped-def]
    found = relations(run("Ines Barlow told the analyst at Northgate Freight Ltd that she had no idea.", lang="en"))
    assert not {r for r in found if r[0] == "EMPLOYED_BY" and r[1] == "Ines Barlow"}
    found = relations(run("Lorna Pike was not the managing member of Eastbay Customs Brokerage LLC.", lang="en"))
    assert not {r for r in found if r[0] == "DIRECTOR_OF"}
