"""A list item of name, age, job and employer written between commas ("A, 41, crane operator, X Ltd; B, ...")."""

from __future__ import annotations

from nlp_support import relations


def test_a_bare_job_and_employer_in_a_list_item(run) -> None:  # type: ignore[no-untyped-def]
    cases = (("Charged: Kyle Dunmore, 41, crane operator, Thamesport Handling Ltd; Nina Ashe, 36, clerk, Estuary Agency Ltd; no pleas.",
              "en", {("EMPLOYED_BY", "Kyle Dunmore", "Thamesport Handling Ltd"),
                     ("EMPLOYED_BY", "Nina Ashe", "Estuary Agency Ltd")}),
             ("Poursuivis : Hervé Quéméner, 52 ans, grutier, Iroise Manutention SAS ; Yannick Le Du, 33 ans, chauffeur, "
              "Transports Le Du SARL.", "fr", {("EMPLOYED_BY", "Hervé Quéméner", "Iroise Manutention SAS")}),
             ("Verdachten: Gijs Tromp (44), sjorder, Botlek Lashing BV; Ayoub Amrani (29), chauffeur, Maas Trucking BV.",
              "nl", {("EMPLOYED_BY", "Gijs Tromp", "Botlek Lashing BV")}))
    for text, lang, expected in cases:
        found = relations(run(text, lang=lang))
        assert expected <= found, text
        assert not {r for r in found if r[0] == "CO_ACCUSED" and any(f in r for _t, _p, f in expected)}, text


def test_a_list_item_without_a_job_gives_no_employer(run) -> None:  # type: ignore[no-untyped-def]
    found = relations(run("Charged: Kyle Dunmore, 41, of Grays, and Thamesport Handling Ltd; Nina Ashe, 36, of Tilbury.",
                          lang="en"))
    assert not {r for r in found if r[0] == "EMPLOYED_BY"}
    found = relations(run("Witnesses: Kyle Dunmore, 41, lawyer, Thamesport Handling Ltd; Nina Ashe, 36, judge.", lang="en"))
    assert not {r for r in found if r[0] == "EMPLOYED_BY" and r[1] == "Nina Ashe"}
