"""Role, kinship and voyage frames of issue 16 (second round): each fires on one sentence and not on a near miss."""

from __future__ import annotations

from nlp_support import relations

from nlp.faithfulness import unfaithful


def test_a_description_right_before_a_name_names_that_person(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("De beklaagde Kurt D. is bestuurder van Scheldezicht BVBA. "
             "De beklaagde Jonas P. werkte als kraanman in de haven van Antwerpen. "
             "Hij was werknemer van Noordkaai Stevedoring NV.", lang="nl")
    found = relations(ex)
    assert ("WORKS_AT", "Jonas P.", "Antwerp") in found
    assert ("EMPLOYED_BY", "Jonas P.", "Noordkaai Stevedoring NV") in found
    assert not {r for r in found if r[1] == "Kurt D." and r[2] in ("Antwerpen", "Noordkaai Stevedoring NV")}


def test_a_pronoun_right_before_a_name_still_refers(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Noah Ouali is de broer van Bilal Ouali. Op 19 juni belde hij Sander Kuijpers om de ploeg te waarschuwen.",
             lang="nl")
    assert ("CONTACTED", "Noah Ouali", "Sander Kuijpers") in relations(ex)


def test_a_kin_noun_before_a_name_ties_the_two_and_keeps_the_role_with_the_subject(run) -> None:  # type: ignore[no-untyped-def]
    nl = run("De vader van Jonas P., Marc P., was eigenaar van het transportbedrijf Polder Trucking BV.", lang="nl")
    found = relations(nl)
    assert ("FAMILY_OF", "Marc P.", "Jonas P.") in found or ("FAMILY_OF", "Jonas P.", "Marc P.") in found
    assert ("OWNS", "Marc P.", "Polder Trucking BV") in {(t, s, o.rstrip(".")) for t, s, o in found}
    assert not {r for r in found if r[0] == "OWNS" and r[1] == "Jonas P."}
    lawyer = run("The lawyer of Jonas Peeters, Marc Dubois, owned Polder Trucking BV.", lang="en")
    assert not {r for r in relations(lawyer) if r[0] == "FAMILY_OF"}
    assert not {r for r in relations(lawyer) if r[0] == "OWNS" and r[1] == "Jonas Peeters"}


def test_a_role_of_the_vessel_named_before_goes_to_that_ship(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Salas Mena served as chief engineer of the M/V Ocean Tern. "
             "The master of the vessel, Captain Oleg Varga, was not charged.", lang="en")
    assert ("WORKS_AT", "Oleg Varga", "Ocean Tern") in relations(ex)
    assert unfaithful(ex) == []
    lawyer = run("Salas Mena served as chief engineer of the M/V Ocean Tern. "
                 "The lawyer of the vessel's owner, Oleg Varga, made a statement.", lang="en")
    assert ("WORKS_AT", "Oleg Varga", "Ocean Tern") not in relations(lawyer)


def test_owned_by_after_and_is_passive(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Salas Mena served as chief engineer of the M/V Ocean Tern, a bulk carrier operated by Halvorsen Bulk "
             "Shipping AS and owned by Vesterhav Holding Ltd.", lang="en")
    found = relations(ex)
    assert not {r for r in found if r[0] == "OWNS" and r[1] == "Salas Mena"}
    assert {r for r in found if r[0] == "OWNS" and r[2] == "Ocean Tern"}


def test_a_relative_clause_gives_the_ports_of_its_own_ship(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Police searched the MV Ocean Tern, which had sailed from Paranaguá and Santos, and the MV Celtic Arrow.",
             lang="en")
    found = relations(ex)
    assert {("CALLED_AT", "Ocean Tern", "Paranaguá"), ("CALLED_AT", "Ocean Tern", "Santos")} <= found
    assert not {r for r in found if r[0] == "CALLED_AT" and r[1] == "Celtic Arrow"}
    boarded = run("The MV Celtic Arrow, which Ilie Bratu boarded in Rotterdam, and the MV Ocean Tern were searched.",
                  lang="en")
    assert not {r for r in relations(boarded) if r[0] == "CALLED_AT"}
    nl = run("Het betrof het schip Cala Palma, dat vanuit Santos naar Rotterdam voer, en het schip Nordic Kestrel.",
             lang="nl")
    assert ("CALLED_AT", "Cala Palma", "Santos") in relations(nl)
    assert not {r for r in relations(nl) if r[1] == "Nordic Kestrel"}


def test_dutch_berthing_and_a_separable_operating_verb(run) -> None:  # type: ignore[no-untyped-def]
    nl = run("Het vrachtschip Santa Rita legde aan aan het Deurganckdok. De rederij Andes Reefer Lines baat het schip uit.",
             lang="nl")
    assert {("CALLED_AT", "Santa Rita", "Deurganckdok"), ("OPERATES", "Andes Reefer Lines", "Santa Rita")} <= relations(nl)
    other = run("Het vrachtschip Santa Rita legde aan aan het Deurganckdok. De rederij Andes Reefer Lines baat de kantine uit.",
                lang="nl")
    assert not {r for r in relations(other) if r[0] == "OPERATES"}


def test_a_job_named_with_its_firm(run) -> None:  # type: ignore[no-untyped-def]
    en = run("The third man, Jerome Whitt, drove a tractor-trailer for Pelican Drayage Inc.", lang="en")
    assert ("EMPLOYED_BY", "Jerome Whitt", "Pelican Drayage Inc.") in relations(en)
    never = run("The third man, Jerome Whitt, never drove for Pelican Drayage Inc.", lang="en")
    assert not {r for r in relations(never) if r[0] == "EMPLOYED_BY"}
    fr = run("Le prévenu Yannick Morel était agent de maîtrise chez Fos Portuaire SAS. "
             "Karim Benali est le gérant de fait de la société Provence Import Négoce.", lang="fr")
    assert {("EMPLOYED_BY", "Yannick Morel", "Fos Portuaire SAS"),
            ("DIRECTOR_OF", "Karim Benali", "Provence Import Négoce")} <= relations(fr)
    nl = run("De zaakvoerder van het importbedrijf Tropenfruit Handel BV, Youssef A., is verdachte.", lang="nl")
    assert ("DIRECTOR_OF", "Youssef A.", "Tropenfruit Handel BV") in relations(nl)


def test_agencies_working_together_are_no_associates(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("The Australian Border Force worked alongside the AFP on the investigation.", lang="en")
    assert not {r for r in relations(ex) if r[0] == "ASSOCIATE_OF"}
    people = run("Dean Kovac worked alongside Huy Tran to move the container out of the terminal.", lang="en")
    assert {r for r in relations(people) if r[0] == "ASSOCIATE_OF"}


def test_contacts_with_a_named_man_and_with_each_other(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Police allege Dean Kovac contacted a man named Huy Tran through an encrypted app.", lang="en")
    assert ("CONTACTED", "Dean Kovac", "Huy Tran") in relations(ex) or ("CONTACTED", "Huy Tran", "Dean Kovac") in \
        relations(ex)
    both = run("Dean Kovac and Huy Tran called each other eleven times that night.", lang="en")
    assert {r for r in relations(both) if r[0] == "CONTACTED"}
    arrested = run("Dean Kovac and Huy Tran were arrested at the terminal that night.", lang="en")
    assert not {r for r in relations(arrested) if r[0] == "CONTACTED"}


def test_a_carrier_named_with_its_ship_and_a_terminal_with_its_operator(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("The Ocean Tern, a Maersk container ship, docked at Philadelphia.", lang="en")
    assert ("OPERATES", "Maersk", "Ocean Tern") in relations(ex)
    fr = run("Le navire Belle Ondine, de la compagnie Armement Levantin, a accosté au Havre. "
             "Le terminal de France, exploité par la société Générale de Manutention Portuaire, a été fouillé.", lang="fr")
    assert {("OPERATES", "Armement Levantin", "Belle Ondine"),
            ("OPERATES", "Générale de Manutention Portuaire", "terminal de France")} <= relations(fr)
    seat = run("The Ocean Tern docked at Philadelphia, where Maersk has an office.", lang="en")
    assert not {r for r in relations(seat) if r[0] == "OPERATES"}


def test_a_job_written_with_its_employer_as_a_modifier_and_a_past_one(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Marcus Penn, 44, a Coastal Stevedoring employee, was arrested.", lang="en")
    assert ("EMPLOYED_BY", "Marcus Penn", "Coastal Stevedoring") in relations(ex)
    past = run("Gary Hume was formerly employed by Coastal Stevedoring LLC.", lang="en")  # annotated as a job too
    assert ("EMPLOYED_BY", "Gary Hume", "Coastal Stevedoring LLC") in relations(past)
    now = run("Gary Hume was employed by Coastal Stevedoring LLC.", lang="en")
    assert ("EMPLOYED_BY", "Gary Hume", "Coastal Stevedoring LLC") in relations(now)


def test_a_vessel_leaving_a_port_is_a_call_beside_another_ship(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("The MSC Leandra departed from Santos on 2 May while the MSC Ocean Tern stayed at anchor.", lang="en")
    assert ("CALLED_AT", "MSC Leandra", "Santos") in relations(ex)
    assert not {r for r in relations(ex) if r[0] == "CALLED_AT" and r[1] == "MSC Ocean Tern"}
    nl = run("Het schip Santa Rita vertrok uit Guayaquil terwijl het schip Maersk Lirio bleef liggen.", lang="nl")
    assert ("CALLED_AT", "Santa Rita", "Guayaquil") in relations(nl)
    person = run("Jansen departed from Santos on 2 May while the MSC Ocean Tern stayed at anchor.", lang="en")
    assert not {r for r in relations(person) if r[0] == "CALLED_AT"}


def test_a_relative_clause_belongs_to_the_person_named_last(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("The trailer was collected by Brophy and a second man, Stephen Kiely, a haulier from Naas who runs "
             "Kiely Freight Ltd in Naas.", lang="en")
    found = relations(ex)
    assert ("DIRECTOR_OF", "Stephen Kiely", "Kiely Freight Ltd") in found
    assert not {r for r in found if r[1] == "Brophy" and r[0] == "DIRECTOR_OF"}


def test_a_member_after_another_role_and_of_a_branch(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("One of the men, Anthony Ruggiero, is a longshoreman and a member of Local 1804 of the International "
             "Longshoremen's Association.", lang="en")
    found = relations(ex)
    assert ("MEMBER_OF", "Anthony Ruggiero", "Local 1804") in found
    assert ("MEMBER_OF", "Anthony Ruggiero", "International Longshoremen's Association") in found
    visitor = run("Anthony Ruggiero is a longshoreman and a visitor of the International Longshoremen's Association.",
                  lang="en")
    assert not {r for r in relations(visitor) if r[0] == "MEMBER_OF"}


def test_an_officer_of_a_body_written_as_an_acronym(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Detective Chief Superintendent Seamus Boland of the GNDOCB said the investigation was continuing.", lang="en")
    assert ("EMPLOYED_BY", "Seamus Boland", "GNDOCB") in relations(ex)
    plain = run("Seamus Boland of the GNDOCB said the investigation was continuing.", lang="en")
    assert not {r for r in relations(plain) if r[0] == "EMPLOYED_BY"}


def test_kin_after_l_apostrophe_and_a_named_terminal(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("L'oncle de Ludovic Hamel, Gérard Hamel, est le gérant de la société Hamel Transports. "
             "Le second, Anthony Lecoq, travaille comme pointeur au terminal Porte Océane.", lang="fr")
    found = relations(ex)
    assert {("FAMILY_OF", "Gérard Hamel", "Ludovic Hamel"), ("DIRECTOR_OF", "Gérard Hamel", "Hamel Transports"),
            ("WORKS_AT", "Anthony Lecoq", "terminal Porte Océane")} <= found
    assert not {r for r in found if r[1] == "Ludovic Hamel" and r[0] == "DIRECTOR_OF"}
    nl = run("Kevin V. werkte al twaalf jaar voor het stuwadoorsbedrijf Scheldeport NV.", lang="nl")
    assert ("EMPLOYED_BY", "Kevin V.", "Scheldeport NV") in relations(nl)


def test_a_firm_noun_before_an_unknown_name_refers_to_no_earlier_firm(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Dali occupait un poste de cariste chez Seine Terminaux. "
             "Sofia Benali, employée de la société Trans-Fret, a été placée en garde à vue.", lang="fr")
    assert not {r for r in relations(ex) if r[1] == "Sofia Benali" and r[2] == "Seine Terminaux"}
    ref = run("Police searched Baytide Freight LLC. The company employed Sam Cole.", lang="en")
    assert ("EMPLOYED_BY", "Sam Cole", "Baytide Freight LLC") in relations(ref)


def test_the_port_of_a_job_named_after_the_employer(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Liam Corbett, 36, from Ipswich, worked for Border Force at the Trinity Terminal.", lang="en")
    assert {("EMPLOYED_BY", "Liam Corbett", "Border Force"), ("WORKS_AT", "Liam Corbett", "Trinity Terminal")} <= \
        relations(ex)
    nl = run("Jeroen B. werd dinsdag aangehouden. Hij werkte als kraanmachinist bij ECT in de haven van Rotterdam.",
             lang="nl")
    assert ("WORKS_AT", "Jeroen B.", "Rotterdam") in relations(nl)
    seat = run("Liam Corbett sued Border Force in Felixstowe.", lang="en")
    assert not {r for r in relations(seat) if r[0] == "WORKS_AT"}


def test_calls_between_two_named_parties(run) -> None:  # type: ignore[no-untyped-def]
    en = run("Investigators intercepted dozens of encrypted messages between Darren Holt and Koen Mertens.", lang="en")
    assert {r for r in relations(en) if r[0] == "CONTACTED"}
    fr = run("Les écoutes téléphoniques entre Karim Benali et Yannick Morel ont été versées au dossier.", lang="fr")
    assert {r for r in relations(fr) if r[0] == "CONTACTED"}
    nl = run("De politie onderschepte berichten tussen Dennis K. en Youssef A.", lang="nl")
    assert {r for r in relations(nl) if r[0] == "CONTACTED"}
    dispute = run("The court heard evidence about a dispute between Darren Holt and Koen Mertens.", lang="en")
    assert not {r for r in relations(dispute) if r[0] == "CONTACTED"}


def test_a_port_city_naming_an_authority_or_a_home_town_is_no_call(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("The MV Ocean Tern sailed from Santos in May; Antwerp prosecutors later questioned its crew.", lang="en")
    found = relations(ex)
    assert ("CALLED_AT", "Ocean Tern", "Santos") in found
    assert not {r for r in found if r[0] == "CALLED_AT" and r[2].startswith("Antwerp")}
    home = run("The MV Ocean Tern sailed in May with Jan Smit, 45, of Rotterdam, on board as cook.", lang="en")
    assert not {r for r in relations(home) if r[0] == "CALLED_AT" and r[2] == "Rotterdam"}


def test_an_official_whose_title_follows_the_name_or_the_body(run) -> None:  # type: ignore[no-untyped-def]
    ex = run('"This case shows the threat," said Ricky Patel, the Special Agent in Charge of HSI Newark. '
             "Europol's Executive Director Catherine De Bolle said ports were targeted.", lang="en")
    assert {("EMPLOYED_BY", "Ricky Patel", "HSI Newark"), ("EMPLOYED_BY", "Catherine De Bolle", "Europol")} <= relations(ex)
    kin = run("Jan Claes, the brother of a Europol analyst, was arrested.", lang="en")
    assert not {r for r in relations(kin) if r[0] == "EMPLOYED_BY"}


def test_served_as_a_crew_role_and_the_sole_partner(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Ivan Petrov, who served as captain of the MV Ocean Tern, was arrested.", lang="en")
    assert ("WORKS_AT", "Ivan Petrov", "Ocean Tern") in relations(ex)
    fr = run("Jean Roche est l'unique associé de la société Roche Logistique.", lang="fr")
    assert ("OWNS", "Jean Roche", "Roche Logistique") in relations(fr)
    guest = run("Ivan Petrov, who served as a guest aboard the MV Ocean Tern, was arrested.", lang="en")
    assert not {r for r in relations(guest) if r[0] == "WORKS_AT"}


def test_who_hauls_or_collects_a_box_did_not_ship_it(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("On 4 March, Whitt picked up container MSKU7329143 at the terminal. "
             "Container MSKU7329143 was collected by Pelican Drayage Inc.", lang="en")
    assert not {r for r in relations(ex) if r[0] == "SHIPPED_IN"}
    nl = run("Container MSKU7329143 werd opgehaald door Van Dijk Transport BV.", lang="nl")
    assert not {r for r in relations(nl) if r[0] == "SHIPPED_IN"}
    importer = run("Container MSKU7329143 was imported by Tropical Harvest LLC.", lang="en")
    assert {r for r in relations(importer) if r[0] == "SHIPPED_IN" and r[1] == "Tropical Harvest LLC"}


def test_a_table_row_or_a_route_line_gives_its_ship_the_ports(run) -> None:  # type: ignore[no-untyped-def]
    table = "Vessel\tPort of loading\tPort of discharge\nMSC Leandra\tCartagena\tSavannah\n"
    found = relations(run(table, lang="en"))
    assert {("CALLED_AT", "MSC Leandra", "Cartagena"), ("CALLED_AT", "MSC Leandra", "Savannah")} <= found
    route = relations(run("Route of the MV Ocean Tern: Santos – Algeciras – Antwerp.", lang="en"))
    assert {("CALLED_AT", "Ocean Tern", "Algeciras"), ("CALLED_AT", "Ocean Tern", "Antwerp")} <= route
    crew = relations(run("Name\tHome town\tVessel\nJan Smit\tRotterdam\tMSC Leandra\n", lang="en"))
    assert not {r for r in crew if r[0] == "CALLED_AT"}


def test_a_firm_before_a_job_and_a_name(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("DP World employee Mark Hale was charged on Monday.", lang="en")
    assert ("EMPLOYED_BY", "Mark Hale", "DP World") in relations(ex)
    visitor = run("DP World visitor Mark Hale was charged on Monday.", lang="en")
    assert not {r for r in relations(visitor) if r[0] == "EMPLOYED_BY"}


def test_the_job_of_the_first_defendant_of_a_list_stays_his(run) -> None:  # type: ignore[no-untyped-def]
    en = run("Three men were charged: Wade Lorimer, 41, a crane operator employed by Harbor Lift LLC, "
             "Curtis Nye and Dale Ambrose.", lang="en")
    jobs = {r for r in relations(en) if r[0] == "EMPLOYED_BY"}
    assert jobs == {("EMPLOYED_BY", "Wade Lorimer", "Harbor Lift LLC")}
    fr = run("Trois hommes ont été mis en examen : Julien Marchal, 41 ans, cariste employé par la société "
             "Flandres Manutention SAS, Karim Benali et Olivier Roussel.", lang="fr")
    assert {r for r in relations(fr) if r[0] == "EMPLOYED_BY"} == {
        ("EMPLOYED_BY", "Julien Marchal", "Flandres Manutention SAS")}
    # a home town between the name and the job is still the first defendant's aside
    town = run("Wade Lorimer, 44, of Elizabeth, a checker employed by Harbor Lift LLC, Curtis Nye, 51, of Bayonne, "
               "and Dale Ambrose were sentenced to prison.", lang="en")
    assert {r for r in relations(town) if r[0] == "EMPLOYED_BY"} == {("EMPLOYED_BY", "Wade Lorimer", "Harbor Lift LLC")}
    # the role first and the person after it still reads as before
    ship = run("The second officer of the MSC Tamsin, Ivo Radic, was arrested.", lang="en")
    assert ("WORKS_AT", "Ivo Radic", "MSC Tamsin") in relations(ship)
