"""Entity and relation forms of real case texts (indictments, sentencing releases, court opinions)."""

from __future__ import annotations

from nlp_support import mentions, relations


def test_amounts_numbers_addresses_and_lines_are_not_entities(run) -> None:
    ex = run("Officers seized EUR 96,000 in cash at 14 Harbour Road, Dublin. Detective Garda John Murphy, badge "
             "number 4471, led Line 1 of the operation. Case No. 2:21-cr-00345 was opened.", lang="en")
    texts = {m.text for m in ex.mentions}
    assert "John Murphy" in mentions(ex, "PERSON")
    for junk in ("EUR 96,000", "14 Harbour Road", "Line 1", "Detective Garda", "Case No. 2:21-cr-00345"):
        assert not any(junk in t or t in junk.split() for t in texts if t not in ("Dublin",)), junk


def test_court_opinion_boilerplate_is_not_a_person(run) -> None:
    ex = run("Plaintiff-Appellee v. Ricardo Gomez, Defendant-Appellant.\n\nI. Background\n\n"
             "The Court relied on 345 F. Supp. 2d 118 in its reading.", lang="en")
    assert mentions(ex, "PERSON") == {"Ricardo Gomez"}


def test_suffixes_and_hyphenated_surnames_stay_in_the_name(run) -> None:
    ex = run("Judge Harvey Bartle III heard the case of Carlos C. Sánchez-Ortiz and Eduardo Rivera Jr. in Philadelphia.",
             lang="en")
    assert {"Harvey Bartle III", "Carlos C. Sánchez-Ortiz", "Eduardo Rivera Jr."} <= mentions(ex, "PERSON")


def test_law_firms_and_carriers_are_companies(run) -> None:
    ex = run("The importer was advised by Hill, Betts & Nash LLP. Containers carried by Hapag-Lloyd and Maersk were "
             "searched, and Sky Global sold the handsets.", lang="en")
    assert {"Hill, Betts & Nash LLP", "Hapag-Lloyd", "Maersk", "Sky Global"} <= mentions(ex, "COMPANY")
    assert not mentions(ex, "PERSON")


def test_terminals_piers_and_basins_are_ports(run) -> None:
    ex = run("The MSC Gayane lay at the Packer Avenue Marine Terminal. Another ship docked at Pier 15 in San Juan, and "
             "a third at the Deurganckdok near the Waaslandhaven.", lang="en")
    assert {"Packer Avenue Marine Terminal", "Pier 15", "Deurganckdok", "Waaslandhaven"} <= mentions(ex, "PORT")
    assert "Juan" not in mentions(ex, "PERSON")
    nl = run("De Noordkaai Stevedoring BV en Polderhaven Logistics huren een loods aan de Waalhaven.", lang="nl")
    assert {"Noordkaai Stevedoring BV", "Polderhaven Logistics"} <= mentions(nl, "COMPANY")
    assert mentions(nl, "PORT") == {"Waalhaven"}


def test_vessel_names_lose_a_trailing_weekday_or_crew_word(run) -> None:
    ex = run("Agents boarded the MSC Gayane Thursday. An MSC Gayane Crew Member was held.", lang="en")
    assert mentions(ex, "VESSEL") == {"MSC Gayane"}


def test_co_defendants_listed_together_are_co_accused(run) -> None:
    ex = run("Juan Perez-Lopez, 41, of Carolina, Carlos C. Sánchez-Ortiz and Eduardo Rivera Jr. were indicted by a "
             "federal grand jury on Oct. 12, 2021.", lang="en")
    assert relations(ex) == {("CO_ACCUSED", "Juan Perez-Lopez", "Carlos C. Sánchez-Ortiz"),
                             ("CO_ACCUSED", "Juan Perez-Lopez", "Eduardo Rivera Jr."),
                             ("CO_ACCUSED", "Carlos C. Sánchez-Ortiz", "Eduardo Rivera Jr.")} or {
        frozenset(r[1:]) for r in relations(ex)} == {frozenset(p) for p in [
            ("Juan Perez-Lopez", "Carlos C. Sánchez-Ortiz"), ("Juan Perez-Lopez", "Eduardo Rivera Jr."),
            ("Carlos C. Sánchez-Ortiz", "Eduardo Rivera Jr.")]}
    fr = run("Karim Benali, Kévin Lemaire et la société Flandres Manutention SAS ont été mis en examen mardi.", lang="fr")
    assert {frozenset(r[1:]) for r in relations(fr) if r[0] == "CO_ACCUSED"} >= {
        frozenset(("Karim Benali", "Kévin Lemaire"))}
    nl = run("Op vrijdag werden Tarik Bouzid en Sven De Clercq door de rechtbank veroordeeld.", lang="nl")
    assert {frozenset(r[1:]) for r in relations(nl) if r[0] == "CO_ACCUSED"} == {
        frozenset(("Tarik Bouzid", "Sven De Clercq"))}


def test_people_named_apart_or_in_unrelated_lists_are_not_co_accused(run) -> None:
    ex = run("Ann Peeters and Jan Claes visited the terminal. Later, Tom Dubois told Eva Martens that he was arrested.",
             lang="en")
    assert not {r for r in relations(ex) if r[0] == "CO_ACCUSED"}


def _pairs(ex, type_: str) -> set[frozenset[str]]:
    return {frozenset(r[1:]) for r in relations(ex) if r[0] == type_}


def test_co_accused_in_bullets_sentence_lists_and_along_with(run) -> None:
    fr = run("Cinq personnes ont été inculpées :\n- Anouar E.M., 31 ans ;\n- Bilal E.M., 28 ans ;\n- Dirk Verstraeten.\n",
             lang="fr")
    assert _pairs(fr, "CO_ACCUSED") == {frozenset(p) for p in [("Anouar E.M.", "Bilal E.M."),
                                                                ("Anouar E.M.", "Dirk Verstraeten"),
                                                                ("Bilal E.M.", "Dirk Verstraeten")]}
    sentenced = run("Le tribunal a condamné Kevin Delattre à six ans d'emprisonnement, Samir Boukhari à quatre ans et "
                    "Marie-Laure T. Vandamme à trois ans avec sursis.", lang="fr")
    assert len(_pairs(sentenced, "CO_ACCUSED")) == 3
    along = run("Dock worker Liam Byrne was sentenced along with Sean Keane, a truck driver employed by Keane Haulage Ltd.",
                lang="en")
    assert _pairs(along, "CO_ACCUSED") == {frozenset(("Liam Byrne", "Sean Keane"))}
    assert ("EMPLOYED_BY", "Sean Keane", "Keane Haulage Ltd.") in relations(along)
    # a list under a heading that charges nobody is no co-accused list
    plain = run("Attendees:\n- Anouar E.M.\n- Bilal E.M.\n", lang="fr")
    assert not _pairs(plain, "CO_ACCUSED")


def test_role_appositions_tie_people_to_terminals_vessels_and_firms(run) -> None:
    en = run("Marcus Delgado, 41, of Philadelphia, a longshoreman at the Packer Avenue Marine Terminal, was charged. "
             "The second officer of the MSC Gayane, Ivan Durasevic, pleaded guilty.", lang="en")
    assert ("WORKS_AT", "Marcus Delgado", "Packer Avenue Marine Terminal") in relations(en)
    assert ("WORKS_AT", "Ivan Durasevic", "MSC Gayane") in relations(en)
    fr = run("Oleksandr Bondarenko, Ramón E. Quiñones-Vera et Pedro Quiñones, membres d'équipage du Sierra Nevada Star, "
             "ont été mis en examen.", lang="fr")
    crew = {r[1] for r in relations(fr) if r[0] == "WORKS_AT" and r[2] == "Sierra Nevada Star"}
    assert crew == {"Oleksandr Bondarenko", "Ramón E. Quiñones-Vera", "Pedro Quiñones"}
    assert len(_pairs(fr, "CO_ACCUSED")) == 3
    nl = run("Drie medewerkers van Kaaiveld Logistics BV: Anouk de R. (31), Henk van D. (58) en Kevin B. (35).", lang="nl")
    assert {r[1] for r in relations(nl) if r[0] == "EMPLOYED_BY"} == {"Anouk de R.", "Henk van D.", "Kevin B."}


def test_works_at_a_firm_is_employment(run) -> None:
    ex = run("Hugo Ferrandi, cariste employé par Méditerranée Terminaux SAS au terminal de Mourepiane, est poursuivi.",
             lang="fr")
    assert ("EMPLOYED_BY", "Hugo Ferrandi", "Méditerranée Terminaux SAS") in relations(ex)
    assert ("WORKS_AT", "Hugo Ferrandi", "terminal de Mourepiane") in relations(ex)
    assert not {r for r in relations(ex) if r[0] == "WORKS_AT" and r[2] == "Méditerranée Terminaux SAS"}


def test_us_and_irish_name_forms_and_legal_forms_after_a_comma(run) -> None:
    ex = run("Colleen M. Pratt-Odom, 44, and Alvin T. McCray, Jr., were indicted. Garda Diarmuid Ó Ceallacháin gave "
             "evidence. Blum Caribbean Freight, LLC and Westerland Reederei GmbH & Co. KG used Maersk A/S.", lang="en")
    assert {"Colleen M. Pratt-Odom", "Alvin T. McCray, Jr.", "Diarmuid Ó Ceallacháin"} <= mentions(ex, "PERSON")
    assert {"Blum Caribbean Freight, LLC", "Westerland Reederei GmbH & Co. KG", "Maersk A/S"} <= mentions(ex, "COMPANY")
    assert _pairs(ex, "CO_ACCUSED") == {frozenset(("Colleen M. Pratt-Odom", "Alvin T. McCray, Jr."))}


def test_a_seaport_after_a_port_call_is_a_port(run) -> None:
    ex = run("The vessel was bound for the Port of New York and New Jersey via Balboa, Panama, after calling at Kingston. "
             "Cargo went from Felixstowe's Trinity Terminal to Rosslare Europort and Port Botany.", lang="en")
    assert {"New York and New Jersey", "Balboa", "Kingston", "Trinity Terminal", "Rosslare Europort",
            "Port Botany"} <= mentions(ex, "PORT")
    assert "Panama" in mentions(ex, "LOCATION")


def test_every_port_of_a_voyage_sentence_is_called_at(run) -> None:
    ex = run("The container ship Maersk Cabo Verde sailed from Cartagena and Kingston before discharging at the Trinity "
             "Terminal. The MV Westerland Hope, registered in Liberia, docked at the Seagirt Marine Terminal after a voyage "
             "to Jamaica.", lang="en")
    called = {r[2] for r in relations(ex) if r[0] == "CALLED_AT"}
    assert called == {"Cartagena", "Kingston", "Trinity Terminal", "Seagirt Marine Terminal"}
    nl = run("Het containerschip Santa Cruz Reefer kwam uit Guayaquil en meerde op 4 april aan in Rotterdam.", lang="nl")
    assert {r[2] for r in relations(nl) if r[0] == "CALLED_AT"} == {"Guayaquil", "Rotterdam"}


def test_indictment_lists_with_semicolons_kin_and_alongside(run) -> None:
    ex = run("A federal grand jury returned an indictment charging Curtis W. Landry, 51, of Gulfport; his cousins André M. "
             "Thibodeaux, 47, and Marcel Thibodeaux, 44, both of Biloxi; and Hector Salgado, 39.", lang="en")
    assert len(_pairs(ex, "CO_ACCUSED")) == 6
    ex = run("Arben Krasniqi, 34, and his brother Ilir Krasniqi, 29, both of Southampton, were charged alongside Gary "
             "Pennington, 45, a lasher at Southampton Container Terminals, and Lewis O'Driscoll-Hart, 27, a driver for "
             "Solent Cold Chain Ltd.", lang="en")
    assert len(_pairs(ex, "CO_ACCUSED")) == 6
    # each member's own apposition holds for that member only
    assert ("EMPLOYED_BY", "Lewis O'Driscoll-Hart", "Solent Cold Chain Ltd.") in relations(ex)
    assert not {r for r in relations(ex) if r[0] == "EMPLOYED_BY" and r[1] == "Gary Pennington"}


def test_officials_are_employed_by_their_body(run) -> None:
    ex = run("Detective Sergeant Karen Doyle of the Australian Federal Police said the men would face court. NCA Branch "
             "Commander Rachel Onslow welcomed the result. Border Force officer Mark Ellery found the drugs.", lang="en")
    employed = {(r[1], r[2]) for r in relations(ex) if r[0] == "EMPLOYED_BY"}
    assert employed == {("Karen Doyle", "Australian Federal Police"), ("Rachel Onslow", "NCA"),
                        ("Mark Ellery", "Border Force")}
    gang = run("Detective Karen Doyle of the Kinahan cartel was named.", lang="en")
    assert not {r for r in relations(gang) if r[0] == "EMPLOYED_BY"}


def test_people_of_a_sentencing_sentence_are_co_accused_but_not_the_judge(run) -> None:
    fr = run("Parmi les trois Havrais poursuivis, Mohamed Mellal a été condamné à vingt ans, Karim Djemel à treize ans et "
             "Youssef Sardi à dix ans par la juge Claire Morel.", lang="fr")
    accused = _pairs(fr, "CO_ACCUSED")
    assert frozenset(("Mohamed Mellal", "Karim Djemel")) in accused
    assert not any("Claire Morel" in pair for pair in accused)
    alias = run("Police arrested a man in Dubai identified as Edin Gacanin, known as Tito.", lang="en")
    assert not _pairs(alias, "CO_ACCUSED")
    one = run("Yanis Haddad, complice de Mehdi Lambert, a été interpellé.", lang="fr")
    assert not _pairs(one, "CO_ACCUSED")


def test_abbreviations_do_not_end_sentences() -> None:
    from nlp.components.common import sentence_starts
    from nlp.pipeline import build_pipeline

    nlp = build_pipeline("en", model=False)
    doc = nlp("The ship arrived on Oct. 12, 2021, at Pier 5. It left in Oct. Police then acted. See 345 F. Supp. 2d 118 "
              "(D. Mass. 2004). United States v. Gomez was cited.")
    bounds = sentence_starts(doc) + [len(doc)]
    sentences = [doc[a:b].text for a, b in zip(bounds, bounds[1:], strict=False)]
    assert sentences == ["The ship arrived on Oct. 12, 2021, at Pier 5.", "It left in Oct.", "Police then acted.",
                         "See 345 F. Supp. 2d 118 (D. Mass. 2004).", "United States v. Gomez was cited."]


def test_a_pronoun_with_a_role_ties_its_person(run) -> None:
    ex = run("Marc Verlinden was arrested on Tuesday. He is a crane operator at the Churchilldok.", lang="en")
    assert ("WORKS_AT", "Marc Verlinden", "Churchilldok") in relations(ex)
    rel = next(r for r in ex.relations if r.type == "WORKS_AT")
    assert rel.properties["resolved"][0]["antecedent"] == [0, len("Marc Verlinden")]


def test_group_verbs_over_the_parse_distribute_over_conjuncts(run) -> None:
    ex = run("Tom Dubois, who runs a bar in Hull, and Eva Martens were later charged by the Crown Prosecution Service.",
             lang="en")
    assert _pairs(ex, "CO_ACCUSED") == {frozenset(("Tom Dubois", "Eva Martens"))}
    rule = next(r for r in ex.relations if r.type == "CO_ACCUSED").evidence[0]
    assert rule.method == "rule"
    fr = run("La police a interpellé Karim Benali et Kevin Lemaire.", lang="fr")
    assert _pairs(fr, "CO_ACCUSED") == {frozenset(("Karim Benali", "Kevin Lemaire"))}


def test_dutch_list_with_diens_zoon(run) -> None:
    ex = run("De politie heeft Anouk de R. (31), Henk van D. (58) en diens zoon Jesse van D. (27) aangehouden.", lang="nl")
    assert len(_pairs(ex, "CO_ACCUSED")) == 3


def test_firms_with_double_names_and_port_companies_and_ships_named_by_what_they_do(run) -> None:
    ex = run("On 4 March the Coral Mistral sailed from Puerto Cortes. The Amber Tide, a Liberian-flagged reefer, was "
             "searched. Transports Lemaire-Dubois SA and Lockton-Harwell Marine Ltd hired Peel Ports and Ballymore Fresh "
             "Produce Limited, Co. Cork.", lang="en")
    assert {"Coral Mistral", "Amber Tide"} <= mentions(ex, "VESSEL")
    assert {"Transports Lemaire-Dubois SA", "Lockton-Harwell Marine Ltd", "Peel Ports",
            "Ballymore Fresh Produce Limited"} <= mentions(ex, "COMPANY")


def test_saints_are_places_and_officers_work_at_their_port(run) -> None:
    ex = run("Odane Blackwood and Romario Grant, both of St Catherine, were charged.", lang="en")
    assert "St Catherine" not in mentions(ex, "PERSON")
    assert _pairs(ex, "CO_ACCUSED") == {frozenset(("Odane Blackwood", "Romario Grant"))}
    officer = run("Border Force officer Mark Ellery, who works at the Port of Felixstowe, found the drugs.", lang="en")
    assert ("EMPLOYED_BY", "Mark Ellery", "Border Force") in relations(officer)
    # an official works at the port of the posting (issue 16): a tie to the place, not a network tie
    assert ("WORKS_AT", "Mark Ellery", "Felixstowe") in relations(officer)


def test_parts_of_a_port_are_keyed_to_its_locode(run) -> None:
    ex = run("The vessel docked at Pier 15 of the Port of San Juan. Later it moved to the Deurganckdok in Antwerp.",
             lang="en")
    ports = {e.name: e for e in ex.entities if e.type == "PORT"}
    assert ports["Pier 15"].properties["part_of"] == ports["San Juan"].identifiers["LOCODE"]
    assert ports["Deurganckdok"].properties["part_of"] == "BEANR"
    assert ports["Pier 15"].entity_id != ports["San Juan"].entity_id


def test_co_before_a_legal_form_does_not_end_the_sentence(run) -> None:
    """ "GmbH & Co. KG" is one firm's name: the ship's operator and its port stay in one sentence; a firm
    ending in "Co." before a new sentence still ends it."""
    ex = run("The MV Elbe Falke, managed by Reederei Brandt GmbH & Co. KG, sailed from Santos to Hamburg.", lang="en")
    assert ("CALLED_AT", "Elbe Falke", "Santos") in relations(ex)
    assert ("OPERATES", "Reederei Brandt GmbH & Co. KG", "Elbe Falke") in relations(ex)
    two = run("Dana Whitlock worked for Harbor Rigging Co. She was arrested at the terminal in Newark.", lang="en")
    evidence = {ev.sentence for r in two.relations for ev in r.evidence}
    assert not any("Harbor Rigging" in s and "arrested" in s for s in evidence)
