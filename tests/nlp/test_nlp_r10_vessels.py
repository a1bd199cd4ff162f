"""Vessel relations of round 10: OWNS, OPERATES, SHIPPED_IN and CALLED_AT read from more sentence forms."""

from __future__ import annotations

from nlp_support import relations


def typed(ex, type_: str) -> set[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return {(s, t) for kind, s, t in relations(ex) if kind == type_}


def test_a_figure_with_a_comma_closes_no_apposition(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("The cargo came on the Tern Bay, a 4,200 teu feeder chartered by Gullwing Container Line for the season.",
             lang="en")
    assert typed(ex, "OPERATES") == {("Gullwing Container Line", "Tern Bay")}
    # the apposition still hides a firm named inside it from the cue after it
    ex = run("The cargo came on the Tern Bay, a 4,200 teu feeder of Gullwing Container Line, seized by Redmarsh "
             "Salvage Ltd.", lang="en")
    assert ("Redmarsh Salvage Ltd", "Tern Bay") not in typed(ex, "OPERATES")


def test_the_ship_with_modifiers_refers_to_the_last_named_ship(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Customs boarded the reefer Polar Finch at Dover. The 2,300 teu ship is owned by Skerry Holdings Ltd and "
             "managed by Kittiwake Ship Management Ltd in Hull.", lang="en")
    assert typed(ex, "OWNS") == {("Skerry Holdings Ltd", "Polar Finch")}
    assert typed(ex, "OPERATES") == {("Kittiwake Ship Management Ltd", "Polar Finch")}
    # "the other ship" is not the one named last
    ex = run("Customs boarded the reefer Polar Finch at Dover. The other ship is owned by Skerry Holdings Ltd.", lang="en")
    assert typed(ex, "OWNS") == set()


def test_the_container_is_the_texts_one_box_further_back(run) -> None:  # type: ignore[no-untyped-def]
    text = ("Dock staff flagged container SEGU4417381 on the night of 2 May. Two men were seen near the stack. "
            "Police arrested both of them the following week after weeks of surveillance of the quay and of a "
            "rented lorry that had been parked near the gate for several nights before the arrests took place. "
            "Their lawyer told the court that the evidence was thin and that the men had been hired for the night. "
            "The hearing was adjourned to June so that the defence could study the camera footage of the terminal, "
            "which runs to several hundred hours, and the logs of the gate where lorries check in and out. "
            "Both men were remanded in custody until then, and a third man is still sought by the police. "
            "The container was consigned to Brightwater Produce Ltd, a fruit wholesaler.")
    assert typed(run(text, lang="en"), "SHIPPED_IN") == {("Brightwater Produce Ltd", "SEGU4417381")}
    # with two numbers named earlier, "the container" does not say which
    two = text.replace("container SEGU4417381", "containers SEGU4417381 and TCLU1122334")
    assert typed(run(two, lang="en"), "SHIPPED_IN") == set()
    fr = ("Les douaniers ont ouvert le conteneur CAIU5502312 le 3 mars au terminal. Deux hommes ont été vus près de la "
          "pile pendant la nuit et ont été interpellés la semaine suivante après plusieurs jours de surveillance du "
          "quai et d'un camion de location garé près de l'entrée pendant des nuits entières avant les arrestations. "
          "Le conteneur était destiné à la société Vergers du Ponant SAS, dont le gérant a été entendu comme témoin.")
    assert typed(run(fr, lang="fr"), "SHIPPED_IN") == {("Vergers du Ponant SAS", "CAIU5502312")}


def test_a_box_declared_as_carrying_goods_for_a_firm(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Border officers examined container TRLU7741205 at the quay. The drugs were behind the doors of the "
             "container, which had been declared as carrying garden furniture for Heronsgate Imports Ltd of Leeds.", lang="en")
    assert typed(ex, "SHIPPED_IN") == {("Heronsgate Imports Ltd", "TRLU7741205")}
    ex = run("Container TRLU7741205 was declared as holding frozen peas for Heronsgate Imports Ltd of Leeds.", lang="en")
    assert typed(ex, "SHIPPED_IN") == {("Heronsgate Imports Ltd", "TRLU7741205")}
    # goods declared for a carrier's handling, not for a firm: no party
    ex = run("Container TRLU7741205 was declared as holding frozen peas for the third time.", lang="en")
    assert typed(ex, "SHIPPED_IN") == set()


def test_a_legal_form_before_a_name_that_holds_a_port(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Le conteneur était destiné à la SA Rotterdam Fresh Imports.", lang="fr")
    assert ("COMPANY", "SA Rotterdam Fresh Imports") in {(m.type, m.text) for m in ex.mentions}
    # a port after an article alone stays a port
    ex = run("Le navire est arrivé à la Rochelle puis à Rotterdam.", lang="fr")
    assert "Rotterdam" in {m.text for m in ex.mentions if m.type == "PORT"}


def test_a_legal_form_written_first_belongs_to_the_name(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("De container TCLU5521907 kwam aan in Antwerpen. Als ontvanger stond de bvba Meulemans Fruit op de "
             "papieren.", lang="nl")
    assert typed(ex, "SHIPPED_IN") == {("bvba Meulemans Fruit", "TCLU5521907")}
    ex = run("Le conteneur TCLU5521907 était destiné à la SA Brabant Primeurs.", lang="fr")
    assert typed(ex, "SHIPPED_IN") == {("SA Brabant Primeurs", "TCLU5521907")}
    # "sa" as a possessive before a name is no legal form
    ex = run("Il a appelé sa sœur Nadia Ferhat le lendemain.", lang="fr")
    assert not any(m.text.lower().startswith("sa ") for m in ex.mentions)


def test_the_ship_named_after_the_port_that_cargo_reached(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Agents say the container arrived at Port Everglades on the Coral Dunes in late May.", lang="en")
    assert typed(ex, "CALLED_AT") == {("Coral Dunes", "Port Everglades")}
    ex = run("The pallets were landed at Tilbury from the Kestrel Reach after a voyage from Santos.", lang="en")
    assert typed(ex, "CALLED_AT") == {("Kestrel Reach", "Tilbury"), ("Kestrel Reach", "Santos")}
    # a day, a country or a region after "on the" / "from the" is no ship
    ex = run("Duarte arrived in Rotterdam on the Monday and flew to Lisbon.", lang="en")
    assert {m.text for m in ex.mentions if m.type == "VESSEL"} == set()
    ex = run("The fruit arrived in Dover from the Caribbean last spring.", lang="en")
    assert {m.text for m in ex.mentions if m.type == "VESSEL"} == set()


def test_cargo_that_came_off_a_ship(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("They carried the bags out of a container that had come off the Silver Heron at the terminal.", lang="en")
    assert {m.text for m in ex.mentions if m.type == "VESSEL"} == {"Silver Heron"}
    ex = run("The boxes came off the Port Authority barge at dawn.", lang="en")
    assert {m.text for m in ex.mentions if m.type == "VESSEL"} == set()


def test_a_person_before_the_cargo_that_moved_did_not_move(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Brandt phoned Okafor the night before the container arrived at Felixstowe aboard the Coral Dunes.",
             lang="en")
    assert typed(ex, "CALLED_AT") == {("Coral Dunes", "Felixstowe")}
    # the person who travelled: no call of the ship
    ex = run("Okafor arrived at Felixstowe by train while the Coral Dunes lay at anchor.", lang="en")
    assert typed(ex, "CALLED_AT") == set()


def test_ports_listed_after_a_port_phrase(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("The Kestrel Reach had called at Callao and Papeete before berthing at Port Botany.", lang="en")
    assert {"Callao", "Papeete", "Port Botany"} <= {m.text for m in ex.mentions if m.type == "PORT"}
    assert ("Kestrel Reach", "Papeete") in typed(ex, "CALLED_AT")
    # a person named after "and" is no port of the list, though a port bears the given name
    ex = run("The Kestrel Reach had called at Callao and Nelson Ortega went ashore there.", lang="en")
    assert {m.text for m in ex.mentions if m.type == "PORT"} == {"Callao"}


def test_party_columns_of_a_table(run) -> None:  # type: ignore[no-untyped-def]
    text = ("Boxes opened at the quay:\n"
            "Container | Goods declared | Shipper | Consignee\n"
            "SEGU4417381 | tinned fruit | Hacienda Los Robles S.A. | Brightwater Produce Ltd\n"
            "TCLU1122331 | empty | none declared | none declared\n\n"
            "Both boxes came off the same ship.\n")
    assert typed(run(text, lang="en"), "SHIPPED_IN") == {("Hacienda Los Robles S.A.", "SEGU4417381"),
                                                         ("Brightwater Produce Ltd", "SEGU4417381")}
    ships = ("Vessel | Operator | Owner\n"
             "Coral Dunes | Gullwing Container Line Ltd | Skerry Holdings Ltd\n")
    ex = run(ships, lang="en")
    assert typed(ex, "OPERATES") == {("Gullwing Container Line Ltd", "Coral Dunes")}
    assert typed(ex, "OWNS") == {("Skerry Holdings Ltd", "Coral Dunes")}
    # a table without a container column ties no shipper to anything
    other = ("Defendant | Role | Employer\n"
             "Brandon Tillis | checker | Brightwater Produce Ltd\n")
    assert typed(run(other, lang="en"), "SHIPPED_IN") == set()


def test_a_firm_that_runs_the_terminal_named_before(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Officers searched a box at Kingfisher Quay in Hull. The driver, who worked for Humber Lift Ltd, which runs "
             "the quay, was arrested.", lang="en")
    assert ("Humber Lift Ltd", "Kingfisher Quay") in typed(ex, "OPERATES")
    ex = run("An employee of Thamesmouth Box Ltd, the company that runs the container berth at Tilbury, was charged.",
             lang="en")
    assert typed(ex, "OPERATES") == {("Thamesmouth Box Ltd", "Tilbury")}
    fr = run("Les dockers ont déchargé le conteneur au terminal des Caraïbes. Le terminal est exploité par la société "
             "Manutention Atlantique SAS.", lang="fr")
    assert typed(fr, "OPERATES") == {("Manutention Atlantique SAS", "terminal des Caraïbes")}
    # a city's port is not "the terminal"; a denied running gives nothing
    ex = run("The ship called at Rotterdam. Brightwater Produce Ltd, which runs the terminal, declined to comment.",
             lang="en")
    assert typed(ex, "OPERATES") == set()
    ex = run("Officers searched a box at Kingfisher Quay. Humber Lift Ltd, which no longer runs the quay, was not "
             "involved.", lang="en")
    assert typed(ex, "OPERATES") == set()


def test_the_consignee_after_the_ship_that_brought_the_box(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Agents examined container SEGU4417381, discharged from the Coral Dunes and consigned to Heronsgate "
             "Imports Ltd of Leeds.", lang="en")
    assert typed(ex, "SHIPPED_IN") == {("Heronsgate Imports Ltd", "SEGU4417381")}
    fr = run("Le conteneur SEGU4417381 a été déchargé du porte-conteneurs Coral Dunes, qui venait de Santos (Brésil), "
             "et était destiné à la société Vergers du Ponant SAS à Rennes.", lang="fr")
    assert typed(fr, "SHIPPED_IN") == {("Vergers du Ponant SAS", "SEGU4417381")}
    # the ship's operator after "and" is no consignee
    ex = run("Agents examined container SEGU4417381, discharged from the Coral Dunes and operated by Heronsgate "
             "Lines Ltd of Leeds.", lang="en")
    assert typed(ex, "SHIPPED_IN") == set()


def test_both_boxes_and_les_deux_unites_of_the_sentence_before(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Officers opened two containers, GESU3305125 and TRLU6641036. Both had been declared as frozen peas "
             "for Harlow Foods Ltd of Essex.", lang="en")
    assert typed(ex, "SHIPPED_IN") == {("Harlow Foods Ltd", "GESU3305125"), ("Harlow Foods Ltd", "TRLU6641036")}
    fr = run("Les douaniers ont ouvert les conteneurs CMAU8124901 et MSDU7729012. Les deux unités étaient destinées "
             "à la société Vergers du Ponant SAS, établie à Rennes.", lang="fr")
    assert typed(fr, "SHIPPED_IN") == {("Vergers du Ponant SAS", "CMAU8124901"),
                                       ("Vergers du Ponant SAS", "MSDU7729012")}
    # "both" of two people is no box
    ex = run("Officers opened container GESU3305125. Both men had worked for Harlow Foods Ltd of Essex.", lang="en")
    assert typed(ex, "SHIPPED_IN") == set()


def test_a_ship_registered_to_a_firm(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Officers searched the Nordic Tansy, a reefer managed by Fenmarsh Ship Management Ltd and registered to "
             "its sister company Fenmarsh Bulk Ltd in London.", lang="en")
    assert typed(ex, "OWNS") == {("Fenmarsh Bulk Ltd", "Nordic Tansy")}
    assert typed(ex, "OPERATES") == {("Fenmarsh Ship Management Ltd", "Nordic Tansy")}


def test_a_port_by_way_of_which_the_ship_came(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("The box reached Port Newark aboard the Coral Dunes from Guayaquil by way of Cartagena.", lang="en")
    assert ("Coral Dunes", "Cartagena") in typed(ex, "CALLED_AT")
    # a person's journey by way of a city is no call of the ship
    ex = run("Okafor flew to Lisbon by way of Madrid while the Coral Dunes lay at anchor.", lang="en")
    assert ("Coral Dunes", "Madrid") not in typed(ex, "CALLED_AT")


def test_the_owner_of_a_container(run) -> None:  # type: ignore[no-untyped-def]
    nl = run("Een van de containers, de TGHU8745126, was eigendom van de leasemaatschappij Boxlease Holland BV uit "
             "Rotterdam.", lang="nl")
    assert typed(nl, "OWNS") == {("Boxlease Holland BV", "TGHU8745126")}
    en = run("Container TGHU8745126 was owned by the leasing company Boxlease Holland BV of Rotterdam.", lang="en")
    assert typed(en, "OWNS") == {("Boxlease Holland BV", "TGHU8745126")}
    # a firm that only handled the box is no owner
    en = run("Container TGHU8745126 was handled by Boxlease Holland BV of Rotterdam.", lang="en")
    assert typed(en, "OWNS") == set()


def test_het_koelschip_refers_to_the_last_named_ship(run) -> None:  # type: ignore[no-untyped-def]
    nl = run("De sjorder werkte aan boord van de Frio Tansy in Vlissingen. Het koelschip wordt geëxploiteerd door "
             "Noordkaap Reefer Management BV uit Bremen.", lang="nl")
    assert typed(nl, "OPERATES") == {("Noordkaap Reefer Management BV", "Frio Tansy")}


def test_the_peruvian_sac_after_a_firms_name(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("The container SEGU4417381 was shipped by Frutas Chancay SAC of Callao and consigned to Heronsgate "
             "Imports Ltd of Leeds.", lang="en")
    assert ("COMPANY", "Frutas Chancay SAC") in {(m.type, m.text) for m in ex.mentions}
    assert ("Frutas Chancay SAC", "SEGU4417381") in typed(ex, "SHIPPED_IN")
    # a special agent in charge after an agency's acronym is no firm
    ex = run("HSI SAC Maria Lopez said the inquiry was over.", lang="en")
    assert not any(m.type == "COMPANY" for m in ex.mentions)


def test_a_box_of_the_same_exporter(run) -> None:  # type: ignore[no-untyped-def]
    text = ("Container SEGU4417381 was shipped by Frutas Chancay SAC of Callao and consigned to Heronsgate Imports Ltd "
            "of Leeds. A second box, TRLU7741205, shipped by the same Peruvian exporter, held only grapes.")
    ex = run(text, lang="en")
    assert ("Frutas Chancay SAC", "TRLU7741205") in typed(ex, "SHIPPED_IN")
    assert ("Heronsgate Imports Ltd", "TRLU7741205") not in typed(ex, "SHIPPED_IN")
    nl = run("Container SEGU4417381 werd verscheept door Bananera Machala S.A. en was bestemd voor Kempen Fruit BV. "
             "Een tweede container van dezelfde verzender, TRLU7741205, bevatte alleen bananen.", lang="nl")
    assert ("Bananera Machala S.A.", "TRLU7741205") in typed(nl, "SHIPPED_IN")
    # no firm named before with that role: nothing
    ex = run("A second box, TRLU7741205, shipped by the same exporter, held only grapes.", lang="en")
    assert typed(ex, "SHIPPED_IN") == set()
