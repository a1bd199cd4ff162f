"""Person names as court captions, registry lines and sentencing reports write them."""

from __future__ import annotations

from nlp_support import mentions


def _entity_names(ex, type_: str = "PERSON") -> set[str]:  # noqa: ANN001
    return {e.name for e in ex.entities if e.type == type_}


def test_capitals_names_in_a_caption_are_persons_but_the_state_is_not(run) -> None:
    ex = run("UNITED STATES OF AMERICA, Appellee, v. ORLAN FESCUE and GARY HOLT, Appellants.\n\n"
             "The jury found that both men moved cocaine through the terminal.", lang="en")
    persons = mentions(ex, "PERSON")
    assert {"ORLAN FESCUE", "GARY HOLT"} <= persons
    assert not any("UNITED" in p or "AMERICA" in p for p in persons)


def test_a_caps_heading_without_a_party_is_no_person(run) -> None:
    ex = run("CUSTOMS SEIZURE REPORT\n\nOfficers searched a reefer box at the quay on Monday.", lang="en")
    assert not mentions(ex, "PERSON")


def test_a_party_role_is_cut_from_the_name(run) -> None:
    ex = run("Appellants Wilson Mora and Teodoro Quint say the search of the vessel was unlawful.", lang="en")
    persons = mentions(ex, "PERSON")
    assert "Wilson Mora" in persons
    assert not any(p.startswith("Appellant") for p in persons)


def test_dutch_and_french_roles_are_cut_too(run) -> None:
    nl = run("Gedaagden Joris Verhaegen en Sanne Visser werkten bij de terminal in de haven.", lang="nl")
    assert "Joris Verhaegen" in mentions(nl, "PERSON")
    assert not any(p.startswith("Gedaagde") for p in mentions(nl, "PERSON"))


def test_registry_line_with_a_comma(run) -> None:
    ex = run("VONNIS\n\nverdachte: DE WIT, Pieter, geboren te Rotterdam.\n\nPieter de Wit werkte als planner.",
             lang="nl")
    persons = mentions(ex, "PERSON")
    assert "DE WIT, Pieter" in persons
    assert not {"DE WIT", "Pieter", "VONNIS"} & persons


def test_surname_that_is_also_a_place_joins_the_full_name(run) -> None:
    ex = run("Gary Holt and Martin Pike unloaded the reefer at Felixstowe. Holt and Pike each face ten years "
             "in prison. Later, Holt lost his appeal.", lang="en")
    assert "Holt" in mentions(ex, "PERSON")
    assert _entity_names(ex) == {"Gary Holt", "Martin Pike"}


def test_surname_used_as_a_place_stays_out(run) -> None:
    ex = run("Gary Holt was arrested at the quay. The lorry had been loaded in Holt the day before.", lang="en")
    assert _entity_names(ex) == {"Gary Holt"}
    assert mentions(ex, "PERSON") == {"Gary Holt"}


def test_a_capitals_name_is_found_again_in_running_text(run) -> None:
    ex = run("ORLAN FESCUE, Appellant.\n\nAppellant Orlan Fescue drove the van from the quay.\n\n"
             "Fescue argues that the stop was unlawful.", lang="en")
    assert {"ORLAN FESCUE", "Orlan Fescue", "Fescue"} <= mentions(ex, "PERSON")
    assert _entity_names(ex) == {"Orlan Fescue"}


def test_hyphenated_surname_in_a_french_registry_line(run) -> None:
    ex = run("PRÉVENUS :\nM. SÁNCHEZ-ORTIZ Miguel, né le 21 août 1981, chauffeur routier.", lang="fr")
    assert "SÁNCHEZ-ORTIZ Miguel" in mentions(ex, "PERSON")


def test_names_after_titles_of_several_words(run) -> None:
    fr = run("Le dossier a été confié à la juge d'instruction Hortense Lagarde, à Marseille.", lang="fr")
    assert "Hortense Lagarde" in mentions(fr, "PERSON")
    nl = run("Vragen van het lid Brinkhorst (D66) over de controle van containers in de haven.", lang="nl")
    assert "Brinkhorst" in mentions(nl, "PERSON")


def test_the_republic_of_a_prosecutor_is_no_person(run) -> None:
    ex = run("Le procureur de la République de Rennes a requis la détention des deux dockers.", lang="fr")
    assert not any("République" in p for p in mentions(ex, "PERSON"))


def test_the_master_named_after_his_ship_is_a_person(run) -> None:
    ex = run("Le capitaine du navire, Andrés Paredes, n'est pas mis en cause.", lang="fr")
    assert "Andrés Paredes" in mentions(ex, "PERSON")
    assert not mentions(ex, "VESSEL")


def test_particle_surname_opening_a_sentence(run) -> None:
    ex = run("Het parket verdenkt Stefan van den Berg-Hoogland (45) van invoer. Van den Berg-Hoogland werkte als "
             "planner op de Maasvlakte.", lang="nl")
    assert "Van den Berg-Hoogland" in mentions(ex, "PERSON")
    assert "Berg-Hoogland" not in mentions(ex, "PERSON")


def test_a_titled_name_that_goes_on_is_left_to_the_model(run) -> None:
    ex = run("Le dossier est suivi par la juge d'instruction Hortense R. Lagarde depuis mars.", lang="fr")
    assert "Hortense" not in mentions(ex, "PERSON")
