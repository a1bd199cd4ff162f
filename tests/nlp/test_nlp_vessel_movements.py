"""Ships named without a type noun: an article, a name and a movement ("the Cala Rosa made a port
call at ..."), a naming word after a type noun, and plural type nouns before a list of names."""

from __future__ import annotations

from nlp_support import mentions, relations


def test_a_name_that_moves_is_a_ship_and_gets_its_ports(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("The Corvina Star made a port call at Algeciras and was diverted to Sines.", lang="en")
    assert mentions(ex, "VESSEL") == {"Corvina Star"}
    found = relations(ex)
    assert ("CALLED_AT", "Corvina Star", "Algeciras") in found
    assert ("CALLED_AT", "Corvina Star", "Sines") in found


def test_a_movement_after_a_comma_or_in_a_clause_about_it(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("The Halden Breeze, inbound from Callao, was searched at the Port of Tilbury.", lang="en")
    assert ("CALLED_AT", "Halden Breeze", "Callao") in relations(ex)
    ex = run("Officers searched the Tamsin Rove while it was moored at Fremantle.", lang="en")
    assert mentions(ex, "VESSEL") == {"Tamsin Rove"}
    assert ("CALLED_AT", "Tamsin Rove", "Fremantle") in relations(ex)


def test_naming_words_and_plural_type_nouns(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("The cocaine was found on a vessel named Corvina Star after it berthed at Algeciras.", lang="en")
    assert mentions(ex, "VESSEL") == {"Corvina Star"}
    assert "Corvina Star" not in mentions(ex, "PERSON")
    ex = run("The vessels Arctic Wren and Polar Hollow both called at Halifax.", lang="en")
    assert mentions(ex, "VESSEL") == {"Arctic Wren", "Polar Hollow"}


def test_cargo_words_name_the_ship(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("The drugs were transhipped onto the Grande Velino in Valencia.", lang="en")
    assert mentions(ex, "VESSEL") == {"Grande Velino"}
    ex = run("Cocaine hidden in the sea chest of the Maria Tessel was found by divers.", lang="en")
    assert mentions(ex, "VESSEL") == {"Maria Tessel"}


def test_bodies_places_and_families_that_move_are_no_ships(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("The Border Force arrived at the scene and the Coast Guard sailed out. The Panama Canal transited "
             "traffic. The Quinn brothers sailed to Spain. The National Crime Agency arrived later.", lang="en")
    assert mentions(ex, "VESSEL") == set()


def test_french_and_dutch_names_that_move(run) -> None:  # type: ignore[no-untyped-def]
    fr = run("La Marie Galvane a fait escale à Dakar. La Police Nationale est arrivée à Marseille.", lang="fr")
    assert mentions(fr, "VESSEL") == {"Marie Galvane"}
    assert ("CALLED_AT", "Marie Galvane", "Dakar") in relations(fr)
    # "de" before a port in French is a preposition, not the article of a ship's name
    fr = run("Le porte-conteneurs Belle Arvine, en provenance de Kingston, avait accosté au Havre.", lang="fr")
    assert "Kingston" not in mentions(fr, "VESSEL")
    nl = run("De Nordic Havik, komende uit Guayaquil, meerde aan in Antwerpen.", lang="nl")
    assert mentions(nl, "VESSEL") == {"Nordic Havik"}
    assert ("CALLED_AT", "Nordic Havik", "Guayaquil") in relations(nl)


def test_a_name_without_article_that_berths(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Ocean Harrow berthed at Vigo on 3 May.", lang="en")
    assert ("CALLED_AT", "Ocean Harrow", "Vigo") in relations(ex)
    # people dock and moor their boats: no ship without a ship-only verb
    ex = run("Dean Fox docked his boat at Howth.", lang="en")
    assert mentions(ex, "VESSEL") == set()


def test_the_port_of_loading_before_the_ship_and_stated_ports_of_call(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("The cocaine was loaded in Guayaquil onto the MSC Anvila, which transhipped it in Algeciras to the "
             "feeder Nordic Wren bound for Dublin.", lang="en")
    found = relations(ex)
    assert ("CALLED_AT", "MSC Anvila", "Guayaquil") in found
    assert ("CALLED_AT", "Nordic Wren", "Guayaquil") not in found
    ex = run("The Seaboard Grace's last port of call was Kingston, Jamaica.", lang="en")
    assert ("CALLED_AT", "Seaboard Grace", "Kingston") in relations(ex)
    ex = run("The X-Press Irela's voyage took it from Callao to Balboa.", lang="en")
    assert {("CALLED_AT", "X-Press Irela", "Callao"), ("CALLED_AT", "X-Press Irela", "Balboa")} <= relations(ex)


def test_a_name_the_french_parser_splits_stays_whole(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("La saisie a été réalisée à bord du porte-conteneurs Marisela Express dans le port du Havre.", lang="fr")
    assert mentions(ex, "VESSEL") == {"Marisela Express"}


def test_a_ship_name_ending_and_french_calls(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Le conteneur avait été chargé à Moín sur le Bonara Reefer. Le navire avait touché Rotterdam avant "
             "de remonter vers Le Havre.", lang="fr")
    assert mentions(ex, "VESSEL") == {"Bonara Reefer"}
    found = relations(ex)
    assert {("CALLED_AT", "Bonara Reefer", "Moín"), ("CALLED_AT", "Bonara Reefer", "Rotterdam")} <= found


def test_a_firms_seat_is_no_port_of_call(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Het schip Sierra Morava, dat wordt beheerd door Thalassa Bulk Management Ltd uit Limassol, vertrok op "
             "11 februari uit Puerto Bolívar.", lang="nl")
    found = relations(ex)
    assert ("CALLED_AT", "Sierra Morava", "Puerto Bolívar") in found
    assert ("CALLED_AT", "Sierra Morava", "Limassol") not in found


def test_provenance_record_lines(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Navire : Ostrova Trader (IMO 9218636)\nProvenance : Guayaquil (Équateur), avec escales à Cartagena "
             "puis à Anvers.\n", lang="fr")
    found = {(t, s, o) for t, s, o in relations(ex) if t == "CALLED_AT"}
    assert {o for _, _, o in found} >= {"Guayaquil", "Cartagena"}
    assert "Équateur" not in {o for _, _, o in found}


def test_arrival_words_make_a_port_and_a_place_after_a_call_phrase(run) -> None:  # type: ignore[no-untyped-def]
    fr = run("Le navire CMA CGM Tarn est arrivé de Santos au Havre.", lang="fr")
    assert ("CALLED_AT", "CMA CGM Tarn", "Le Havre") in relations(fr) or ("CALLED_AT", "CMA CGM Tarn", "Havre") in relations(fr)
    ex = run("MV Atlantic Egret, loaded in Moín and transhipped at Algeciras, docked at Ocean Pier on 14 August.",
             lang="en")
    assert ("CALLED_AT", "Atlantic Egret", "Ocean Pier") in relations(ex)
    # a country after a call phrase is no port of call
    ex = run("The Atlantic Egret arrived in Spain on 14 August.", lang="en")
    assert not {r for r in relations(ex) if r[0] == "CALLED_AT"}


def test_a_number_subscribed_to_someone(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Agents in San Juan said the number (787) 555-0319, subscribed to Jose Rivera, was seized.", lang="en")
    assert ("HAS_PHONE", "Jose Rivera", "+17875550319") in relations(ex)


def test_ship_names_under_a_vessel_column(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("| Vessel | Last port | Arrival port | Date |\n| MSC Lenora | Cartagena | Port Newark | 3 March |\n"
             "| Cala Pinta | Santos | Algeciras | 9 March |\n", lang="en")
    assert mentions(ex, "VESSEL") == {"MSC Lenora", "Cala Pinta"}
    found = relations(ex)
    assert {("CALLED_AT", "MSC Lenora", "Port Newark"), ("CALLED_AT", "Cala Pinta", "Algeciras")} <= found
    assert ("CALLED_AT", "MSC Lenora", "Algeciras") not in found
    # a key-value record line is no table: "Master   Ivan Petrov" is no ship
    ex = run("Vessel      Nordic Kite\nMaster      Ivan Petrov\n", lang="en")
    assert "Ivan Petrov" not in mentions(ex, "VESSEL")


def test_a_ship_boarded_or_searched_at_a_port(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("The MSC Lenora was boarded by Border Force officers at Felixstowe on 3 May.", lang="en")
    assert ("CALLED_AT", "MSC Lenora", "Felixstowe") in relations(ex)
    ex = run("The MSC Lenora was not searched at Felixstowe.", lang="en")
    assert not {r for r in relations(ex) if r[0] == "CALLED_AT"}


def test_a_registry_port_before_the_name(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("The Hamburg-registered Elbe Tramper sailed from Bremerhaven to Vigo.", lang="en")
    assert mentions(ex, "VESSEL") == {"Elbe Tramper"}
    found = relations(ex)
    assert ("CALLED_AT", "Elbe Tramper", "Bremerhaven") in found
    assert ("CALLED_AT", "Elbe Tramper", "Hamburg") not in found


def test_dutch_came_from(run) -> None:  # type: ignore[no-untyped-def]
    nl = run("De Douane trof de drugs aan in container TRHU6028391, die met het containerschip Rio Verde Express uit "
             "Paranaguá was gekomen.", lang="nl")
    assert ("CALLED_AT", "Rio Verde Express", "Paranaguá") in relations(nl)


def test_parties_of_a_case_are_no_ships(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("The Defendant arrived at the port of Miami. The Government sailed on.", lang="en")
    assert mentions(ex, "VESSEL") == set()
    ex = run("Between January and March, the Nordic Teal made the crossing from Turbo to Antwerp.", lang="en")
    assert ("CALLED_AT", "Nordic Teal", "Antwerp") in relations(ex)


def test_officers_who_call_and_newspapers_are_no_ships(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Detective Sergeant Byrne called at the house on Monday.", lang="en")
    assert mentions(ex, "VESSEL") == set()
    ex = run("According to the Sunday Express, the drugs came from Colombia.", lang="en")
    assert mentions(ex, "VESSEL") == set()
