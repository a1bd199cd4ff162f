"""French managers named after their firm: "dont X est le gérant", "La gérante de la SAS Y, Mme X" (issue 16)."""

from __future__ import annotations

from nlp_support import relations


def test_dont_x_est_le_gerant_makes_x_the_manager(run) -> None:  # type: ignore[no-untyped-def]
    found = relations(run("Le loyer était payé par la SARL Opale Marée Primeurs, dont Yanis Berrada est le gérant "
                          "depuis 2019.", lang="fr"))
    assert ("DIRECTOR_OF", "Yanis Berrada", "SARL Opale Marée Primeurs") in found


def test_a_negated_dont_clause_gives_no_manager(run) -> None:  # type: ignore[no-untyped-def]
    found = relations(run("Le loyer était payé par la SARL Opale Marée Primeurs, dont Yanis Berrada n'est pas le "
                          "gérant.", lang="fr"))
    assert not {r for r in found if r[0] == "DIRECTOR_OF"}


def test_a_civil_title_before_the_name_keeps_the_role_apposition(run) -> None:  # type: ignore[no-untyped-def]
    found = relations(run("La présidente de la SAS Boulogne Marée, Mme Hélène Vasseur, a été entendue.", lang="fr"))
    assert ("DIRECTOR_OF", "Hélène Vasseur", "SAS Boulogne Marée") in found
