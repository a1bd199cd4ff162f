"""One job clause that names both the employer and the place of the work."""

from __future__ import annotations

from nlp_support import relations


def test_a_job_clause_with_a_place_and_an_employer_gives_both(run) -> None:  # type: ignore[no-untyped-def]
    cases = (("Owen Marsh worked at the Kingfisher Terminal for Tern Quay Services Ltd, the contractor.", "en",
              ("EMPLOYED_BY", "Owen Marsh", "Tern Quay Services Ltd")),
             ("Rita Colley drove a reach stacker at the Port of Tilbury for Estuary Box Handling Ltd, the court heard.",
              "en", ("EMPLOYED_BY", "Rita Colley", "Estuary Box Handling Ltd")),
             ("Het gaat om Ruud Verbeek (44), die als sjorder bij Waalkade Stuwadoors BV op de Beatrixhaven werkte.",
              "nl", ("EMPLOYED_BY", "Ruud Verbeek", "Waalkade Stuwadoors BV")),
             ("Hugo Lemaire travaillait au port de Dunkerque pour la société Flandre Manutention, selon l'enquête.", "fr",
              ("EMPLOYED_BY", "Hugo Lemaire", "Flandre Manutention")))
    for text, lang, relation in cases:
        assert relation in relations(run(text, lang=lang)), text


def test_a_place_named_with_someone_else_gives_no_job(run) -> None:  # type: ignore[no-untyped-def]
    found = relations(run("Owen Marsh met Lena Price at the Kingfisher Terminal for Tern Quay Services Ltd, the court heard.",
                          lang="en"))
    assert not {r for r in found if r[0] in ("EMPLOYED_BY", "WORKS_AT") and r[1] == "Owen Marsh"}
    negated = relations(run("Owen Marsh never worked at the Kingfisher Terminal for Tern Quay Services Ltd, the court heard.",
                            lang="en"))
    assert not {r for r in negated if r[0] in ("EMPLOYED_BY", "WORKS_AT")}
