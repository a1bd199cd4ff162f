"""Names that gazetteers or headlines take apart: a surname that is a town, a given name that is a
country, headline words read as firms, a headline's first word read as a place."""

from __future__ import annotations

from nlp_support import mentions, relations


def _pairs(ex) -> set[frozenset[str]]:  # type: ignore[no-untyped-def]
    return {frozenset(r[1:]) for r in relations(ex) if r[0] == "CO_ACCUSED"}


def test_given_name_then_town_is_a_person(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Corey Houston, 38, of Galveston, and Dwayne Mercer, 45, were sentenced on Friday.", "en")
    assert {"Corey Houston", "Dwayne Mercer"} <= mentions(ex, "PERSON")
    assert "Houston" not in mentions(ex, "LOCATION")
    assert frozenset({"Corey Houston", "Dwayne Mercer"}) in _pairs(ex)


def test_town_alone_stays_a_place(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("The cocaine was unloaded in Houston and taken to a warehouse in Galveston.", "en")
    assert "Houston" in mentions(ex, "LOCATION") | mentions(ex, "PORT")
    assert not mentions(ex, "PERSON")


def test_country_word_opening_a_listed_name(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Rusland Ochoa Vega, Ignacio Barrera and Tomas Quiroga were indicted on Tuesday.", "en")
    assert "Rusland Ochoa Vega" in mentions(ex, "PERSON")
    assert "Rusland" not in mentions(ex, "LOCATION")
    assert frozenset({"Rusland Ochoa Vega", "Tomas Quiroga"}) in _pairs(ex)


def test_country_after_a_preposition_is_no_name(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("The containers came from Colombia. Ignacio Barrera was arrested on Tuesday.", "en")
    assert "Colombia" in mentions(ex, "LOCATION")
    assert "Colombia Ignacio Barrera" not in mentions(ex, "PERSON")


def test_headline_words_are_no_firm(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Haulage Firm Director Sentenced for Cocaine Importation\n\nSAVANNAH - A haulier was sentenced "
             "today. Blue Ridge Haulage LLC was also fined.", "en")
    firms = mentions(ex, "COMPANY") | mentions(ex, "ORGANIZATION")
    assert not any("Sentenced" in f for f in firms)
    assert "Blue Ridge Haulage LLC" in mentions(ex, "COMPANY")


def test_numbered_port_headline_and_sentence_terms(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Four Port Workers Charged in Smuggling Case\n\nThe defendants face 120 months in prison.", "en")
    found = {text for _type, text in mentions(ex)}
    assert "Four Port" not in found
    assert "120 months" not in found


def test_headline_word_is_no_place_but_a_town_is(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Démantèlement d'un réseau au port de Marseille\n\nMarseille accueille le procès lundi.", "fr")
    assert "Démantèlement" not in mentions(ex, "LOCATION")
    assert "Marseille" in mentions(ex, "LOCATION") | mentions(ex, "PORT")


def test_paternal_surname_alone_later_is_the_person(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("A jury found Andrés Ochoa Ruiz and Felipe Medina Lugo guilty on Monday. Both Ochoa and Medina worked as "
             "deckhands. Ochoa and Medina face ten years in prison.", "en")
    assert {"Ochoa", "Medina"} <= mentions(ex, "PERSON")
    assert "Medina" not in mentions(ex, "LOCATION")


def test_hyphenated_surname_alone_later_is_the_person(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Paul Berthier a sorti le conteneur du terminal ; Miguel Sánchez-Ortiz a transporté la marchandise.\n"
             "Berthier et Sánchez-Ortiz sont condamnés chacun à six ans d'emprisonnement.", "fr")
    assert "Sánchez-Ortiz" in mentions(ex, "PERSON")
    assert frozenset({"Paul Berthier", "Miguel Sánchez-Ortiz"}) in _pairs(ex)


def test_middle_given_name_is_no_surname(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Christopher Vincent Hale was arrested. Vincent Street was closed by the police.", "en")
    assert "Vincent" not in mentions(ex, "PERSON")


def test_town_name_before_an_age_is_a_surname(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("The indictment names Dominic Ferraro, 46, of Bayonne, and Blaine Trowbridge, 58, of Jersey City. "
             "Trowbridge owns a freight forwarder.", "en")
    assert {"Blaine Trowbridge", "Trowbridge"} <= mentions(ex, "PERSON")
    assert frozenset({"Dominic Ferraro", "Blaine Trowbridge"}) in _pairs(ex)


def test_town_after_a_place_word_before_a_number_stays_a_town(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("The vessel sailed from Santos to Rotterdam, 12 days after loading. Officers at the Port of Felixstowe, "
             "2 miles away, were told.", "en")
    assert not mentions(ex, "PERSON")


def test_hyphenated_given_name_read_as_a_body_is_a_person(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Jean-Baptiste Morel, 37, and Omar Vidal Soto, 49, entered their pleas before the judge.", "en")
    assert "Jean-Baptiste Morel" in mentions(ex, "PERSON")
    assert "Jean-Baptiste Morel" not in mentions(ex, "ORGANIZATION")
    assert frozenset({"Jean-Baptiste Morel", "Omar Vidal Soto"}) in _pairs(ex)


def test_surname_read_as_a_ship_is_the_person(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Omar Vidal Soto served aboard the M/V Coral Sextant. Vidal Soto, the ship's chief engineer, hid the bags.",
             "en")
    assert "Vidal Soto" in mentions(ex, "PERSON")
    assert "Vidal Soto" not in mentions(ex, "VESSEL")
    assert "Coral Sextant" in mentions(ex, "VESSEL")


def test_plea_headline_words_are_no_person(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Two Mariners Plead Guilty in Cocaine Importation Scheme\n\nTwo seamen pleaded guilty on Monday.", "en")
    found = {text for _type, text in mentions(ex)}
    assert not any("Guilty" in t or "Scheme" in t for t in found)


def test_surname_before_a_generational_suffix_is_propagated(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("The indictment names Raymond Castellano Jr., 41, of Newark. Castellano worked as a yard tractor driver.",
             "en")
    assert {"Raymond Castellano Jr.", "Castellano"} <= mentions(ex, "PERSON")
    assert "Jr" not in mentions(ex, "PERSON")


def test_unknown_two_word_place_with_an_age_is_a_person(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("The defendants, Dimitrios Papadakis, 51, and Stelios Georgiou, 46, were convicted.", "en")
    assert "Stelios Georgiou" in mentions(ex, "PERSON")
    assert frozenset({"Dimitrios Papadakis", "Stelios Georgiou"}) in _pairs(ex)


def test_known_town_before_a_number_stays_a_town(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("The lorry left Jersey City, 40, miles away, at dawn.", "en")
    assert "Jersey City" not in mentions(ex, "PERSON")


def test_balkan_and_romanian_names_in_a_dutch_list(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Bogdan Ilinca en Radu Constantin werden dinsdag aangehouden.", "nl")
    assert {"Bogdan Ilinca", "Radu Constantin"} <= mentions(ex, "PERSON")
    assert frozenset({"Bogdan Ilinca", "Radu Constantin"}) in _pairs(ex)


def test_unknown_name_listed_after_a_person(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Tariq Nasser and Omid Rahimi were convicted of importing cocaine.", "en")
    assert "Omid Rahimi" in mentions(ex, "PERSON")
    assert frozenset({"Tariq Nasser", "Omid Rahimi"}) in _pairs(ex)


def test_body_listed_after_a_person_is_no_person(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Tariq Nasser and Border Force officers were at the quay when the ship docked.", "en")
    assert not any(name.startswith("Border") for name in mentions(ex, "PERSON"))


def test_headline_words_before_a_terminal_are_cut(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Savannah Man Sentenced for Cocaine Trafficking Through Garden City Terminal\n\nA man was sentenced.", "en")
    ports = mentions(ex, "PORT") | mentions(ex, "LOCATION")
    assert not any("Through" in p for p in ports)
