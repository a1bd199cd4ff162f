"""Frames of issue 16 on case-text phrasing: each with a sentence where it fires and one where it must not."""

from __future__ import annotations

from nlp_support import mentions, relations

from nlp.faithfulness import unfaithful


def test_a_noun_before_a_name_describes_it_and_refers_to_no_earlier_firm(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Sébastien Hue est le gérant de la société Seine Transit Services. "
             "Nadia Ferrah était employée par la société Normandie Fret Express.", lang="fr")
    found = relations(ex)
    assert ("EMPLOYED_BY", "Nadia Ferrah", "Normandie Fret Express") in found
    assert ("EMPLOYED_BY", "Nadia Ferrah", "Seine Transit Services") not in found


def test_the_firm_after_a_management_verb_with_its_noun(run) -> None:  # type: ignore[no-untyped-def]
    fr = run("Jordan Castel était employé par la société Phocée Manutention. "
             "Il était en contact avec Farid Lounes, qui dirige la société Calanques Logistique.", lang="fr")
    assert ("DIRECTOR_OF", "Farid Lounes", "Calanques Logistique") in relations(fr)
    assert not {r for r in relations(fr) if r[0] == "DIRECTOR_OF" and r[2] == "Phocée Manutention"}
    en = run("Omar Reyes, who runs the company Baytide Freight LLC, was arrested.", lang="en")
    assert ("DIRECTOR_OF", "Omar Reyes", "Baytide Freight LLC") in relations(en)


def test_a_surname_alone_is_the_person_named_before_not_a_place(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Police allege Mitchell Trang, 31, moved the container. "
             "Trang's associate, Ahmed Saleh, 45, was arrested at his home.", lang="en")
    assert "Trang" in mentions(ex, "PERSON") and "Trang" not in mentions(ex, "LOCATION")
    assert ("ASSOCIATE_OF", "Ahmed Saleh", "Mitchell Trang") in relations(ex)
    place = run("Jorge Medina was arrested on Monday. The ship had sailed from Medina in May.", lang="en")
    assert "Medina" not in mentions(place, "PERSON")


def test_a_possessive_co_defendant_is_co_accused(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Hector Villanueva was sentenced today to 121 months. "
             "Villanueva's co-defendant, Rosa Imbert, was sentenced last week.", lang="en")
    assert ("CO_ACCUSED", "Hector Villanueva", "Rosa Imbert") in relations(ex)
    lawyer = run("Hector Villanueva was sentenced today to 121 months. "
                 "Villanueva's lawyer, Rosa Imbert, said he would appeal.", lang="en")
    assert not {r for r in relations(lawyer) if "Rosa Imbert" in r}


def test_a_counted_list_after_an_arrest_is_co_accused(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Gardaí arrested three men: Declan Farrelly, 34, Noel Cassidy, 41, and Wiktor Nowak, 29.", lang="en")
    assert {("CO_ACCUSED", "Declan Farrelly", "Wiktor Nowak"), ("CO_ACCUSED", "Noel Cassidy", "Wiktor Nowak")} <= \
        relations(ex)
    heard = run("The court heard from three witnesses: Declan Farrelly, Noel Cassidy and Wiktor Nowak.", lang="en")
    assert not {r for r in relations(heard) if r[0] == "CO_ACCUSED"}


def test_its_director_is_the_last_firm_with_the_antecedent_recorded(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Police searched the offices of Brakeland Shipping BV in Rotterdam. Its managing director is Pieter Vanhove.",
             lang="en")
    assert ("DIRECTOR_OF", "Pieter Vanhove", "Brakeland Shipping BV") in relations(ex)
    rel = next(r for r in ex.relations if r.type == "DIRECTOR_OF")
    assert rel.properties["resolved"] and unfaithful(ex) == []
    other = run("Police searched the offices of Brakeland Shipping BV and questioned Europol. Its director is Pieter Vanhove.",
                lang="en")
    assert not {r for r in relations(other) if r[0] == "DIRECTOR_OF"}
    fr = run("Les enquêteurs ont perquisitionné la société Flandres Primeurs SAS. Son gérant, Thierry Vanacker, a été "
             "interpellé.", lang="fr")
    assert ("DIRECTOR_OF", "Thierry Vanacker", "Flandres Primeurs SAS") in relations(fr)
    nl = run("De politie doorzocht het pand van Kade Logistiek BV. Haar zaakvoerder is Marloes de Ruiter.", lang="nl")
    assert ("DIRECTOR_OF", "Marloes de Ruiter", "Kade Logistiek BV") in relations(nl)


def test_a_reference_across_a_wrapped_line_still_resolves(run) -> None:  # type: ignore[no-untyped-def]
    # reports keep the line breaks of their page: "Its managing\ndirector is X" is the same sentence
    ex = run("The container was booked by Noordkust Forwarding NV, a freight forwarder in Brugge. Its managing\n"
             "director is Pieter Vanhove.", lang="en")
    assert ("DIRECTOR_OF", "Pieter Vanhove", "Noordkust Forwarding NV") in relations(ex)
    assert unfaithful(ex) == []
    # the place named after the firm is its seat, not the owner of the role
    assert not {r for r in relations(ex) if r[0] == "DIRECTOR_OF" and r[2] != "Noordkust Forwarding NV"}


def test_an_official_named_after_the_short_name_of_the_force(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("ABF Superintendent Kylie Morrow said the container was examined at Port Botany.", lang="en")
    assert ("EMPLOYED_BY", "Kylie Morrow", "ABF") in relations(ex)


def test_a_role_after_as_and_a_home_town_aside(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Keller was working as a crane driver for DP World at London Gateway when he was arrested.", lang="en")
    assert ("EMPLOYED_BY", "Keller", "DP World") in relations(ex)
    member = run("Keller, 41, of Elizabeth, a member of the International Longshoremen's Association Local 1235, "
                 "pleaded guilty.", lang="en")
    assert ("MEMBER_OF", "Keller", "International Longshoremen's Association Local 1235") in relations(member)
    assert "Elizabeth" in mentions(member, "LOCATION") and "Elizabeth" not in mentions(member, "PERSON")
    fired = run("Keller was not working as a crane driver for DP World.", lang="en")
    assert not {r for r in relations(fired) if r[0] == "EMPLOYED_BY"}


def test_terminal_operators_employ_and_officials_work_at_their_port(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Keller worked for Maher Terminals as a straddle carrier operator.", lang="en")
    assert "Maher Terminals" in mentions(ex, "COMPANY")
    assert ("EMPLOYED_BY", "Keller", "Maher Terminals") in relations(ex)
    officer = run("Keller, a CBP officer assigned to the Port of Miami, accepted bribes.", lang="en")
    assert ("WORKS_AT", "Keller", "Miami") in relations(officer)


def test_a_name_never_ends_on_a_lower_case_word(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("U.S. District Judge Susan Wigenton sentenced Brian Keller to 120 months and Tony Ruiz to 97 months.",
             lang="en")
    assert "Tony Ruiz" in mentions(ex, "PERSON")
    assert ("CO_ACCUSED", "Brian Keller", "Tony Ruiz") in relations(ex)
    assert not {r for r in relations(ex) if "Susan Wigenton" in r}


def test_a_flag_adjective_or_a_boarding_names_the_ship(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("The Liberian-flagged Nordic Star, owned by Helios Bulk Shipping S.A., left Santos bound for Rotterdam.",
             lang="en")
    assert "Nordic Star" in mentions(ex, "VESSEL")
    found = relations(ex)
    assert {("OWNS", "Helios Bulk Shipping S.A.", "Nordic Star"), ("CALLED_AT", "Nordic Star", "Santos"),
            ("CALLED_AT", "Nordic Star", "Rotterdam")} <= found
    assert ("OWNS", "Nordic Star", "Helios Bulk Shipping S.A.") not in found
    boarded = run("Officers boarded the Sea Falcon after it anchored off Cork Harbour.", lang="en")
    assert "Sea Falcon" in mentions(boarded, "VESSEL")
    plain = run("The Liberian-flagged bulk carrier was searched.", lang="en")
    assert not mentions(plain, "VESSEL")


def test_a_firm_and_its_owner_charged_together_but_not_a_role_apposition(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Bayline Freight LLC and its owner, Helen Roark, were charged with money laundering.", lang="en")
    assert {("OWNS", "Helen Roark", "Bayline Freight LLC"), ("CO_ACCUSED", "Bayline Freight LLC", "Helen Roark")} <= \
        relations(ex)
    nl = run("De zaakvoerder van Kade Logistiek BV, Jan de Vries, werd opgepakt.", lang="nl")
    assert ("DIRECTOR_OF", "Jan de Vries", "Kade Logistiek BV") in relations(nl)
    assert not {r for r in relations(nl) if r[0] == "CO_ACCUSED"}


def test_dutch_sentences_of_each_after_a_finite_verb(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("De rechtbank veroordeelde Jan de Vries tot zes jaar en Pieter Bakker tot vier jaar.", lang="nl")
    assert ("CO_ACCUSED", "Jan de Vries", "Pieter Bakker") in relations(ex)
    heard = run("De rechtbank hoorde Jan de Vries en daarna de getuige Pieter Bakker.", lang="nl")
    assert not {r for r in relations(heard) if r[0] == "CO_ACCUSED"}


def test_a_stop_word_surname_and_a_firm_that_only_names_a_role(run) -> None:  # type: ignore[no-untyped-def]
    fr = run("Karim Bensaïd, Ludovic Marchal et Sébastien Hue ont été condamnés à des peines de quatre à huit ans.",
             lang="fr")
    assert ("CO_ACCUSED", "Ludovic Marchal", "Sébastien Hue") in relations(fr)
    nl = run("De zaakvoerder van Kade Logistiek BV, Jan de Vries, en zijn neef Pieter de Vries werden aangehouden.",
             lang="nl")
    assert ("CO_ACCUSED", "Jan de Vries", "Pieter de Vries") in relations(nl)
    assert not {r for r in relations(nl) if r[0] == "CO_ACCUSED" and "Kade Logistiek BV" in r}


def test_negatives_the_uncharged_the_boarder_and_a_shared_surname(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Robert Fenn was not charged, but Tina Shaw and Lee Grant were charged with money laundering.", lang="en")
    assert {r for r in relations(ex) if r[0] == "CO_ACCUSED"} == {("CO_ACCUSED", "Lee Grant", "Tina Shaw")}
    boarded = run("Officers searched the vessel Cala Verde, which Jan Peeters boarded at Antwerp.", lang="en")
    assert not {r for r in relations(boarded) if "Jan Peeters" in r}
    kin = run("Hilde Moerman runs Blauwhoeve Logistics BV. Gustaaf Moerman, a docker at the Port of Antwerp, was "
              "arrested. Moerman was employed by Kaaiveld NV.", lang="en")
    found = relations(kin)
    assert ("WORKS_AT", "Gustaaf Moerman", "Antwerp") in found
    assert not {r for r in found if r[1] == "Hilde Moerman" and r[0] != "DIRECTOR_OF"}
    assert unfaithful(kin) == []


def test_a_conjoined_verb_shares_its_subject_and_a_party_label_after_mp(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("The consignee, Costa Verde Imports BV, is registered in Rotterdam and managed by Pieter Jansen.", lang="en")
    assert ("DIRECTOR_OF", "Pieter Jansen", "Costa Verde Imports BV") in relations(ex)
    negated = run("Pieter Jansen left Blue Reef Trading Ltd and was not employed by Maersk.", lang="en")
    assert not {r for r in relations(negated) if r[0] == "EMPLOYED_BY"}
    mp = run("Written question. (Asked by Jane Holloway MP, Labour.)", lang="en")
    assert ("MEMBER_OF", "Jane Holloway", "Labour") in relations(mp)
    body = run("Jane Holloway MP, Europol and the NCA attended the hearing.", lang="en")
    assert not {r for r in relations(body) if r[0] == "MEMBER_OF"}


def test_dutch_anonymised_suspects_and_contact_with(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Bob Z. uit Ridderkerk heeft contact gehad met Kevin K. via een versleutelde telefoon.", lang="nl")
    assert ("CONTACTED", "Bob Z.", "Kevin K.") in relations(ex)
    anon = run("Verdachte Aris S. werkte in de haven. De lading werd in Antwerpen N. gelost.", lang="nl")
    assert "Aris S." in mentions(anon, "PERSON") and not {m for m in mentions(anon, "PERSON") if "Antwerpen" in m}
    none = run("Bob Z. uit Ridderkerk heeft geen contact gehad met Kevin K.", lang="nl")
    assert not {r for r in relations(none) if r[0] == "CONTACTED"}


def test_a_firm_named_after_its_noun(run) -> None:  # type: ignore[no-untyped-def]
    nl = run("Aris S. werkte als havenmedewerker bij containerbedrijf Progeco Holland.", lang="nl")
    assert "Progeco Holland" in mentions(nl, "COMPANY") and "Holland" not in mentions(nl, "LOCATION")
    assert ("EMPLOYED_BY", "Aris S.", "Progeco Holland") in relations(nl)
    en = run("Keller was a driver for the trucking company Delmar Transport in Camden.", lang="en")
    assert ("EMPLOYED_BY", "Keller", "Delmar Transport") in relations(en)
    assert not mentions(run("Het bedrijf In de periode werd gesloten.", lang="nl"), "COMPANY")


def test_aliases_in_quotes_including_and_a_role_of_someone_else(run) -> None:  # type: ignore[no-untyped-def]
    ex = run('The indictment charges José Luis Pérez Rodríguez, 44, a/k/a "El Gordo," of Carolina; Ana M. Colón-Vega, 37, '
             "of Bayamón; and Edwin Ríos-Ayala, 33, of San Juan.", lang="en")
    assert len({r for r in relations(ex) if r[0] == "CO_ACCUSED"}) == 3
    including = run("Police arrested 14 suspects, including Ridouan T., Mohamed El A. and Jordi V.", lang="en")
    assert ("CO_ACCUSED", "Mohamed El A.", "Ridouan T.") in relations(including)
    other = run("Those charged include checker Anthony Russo, and the owner of Pier Trucking LLC, Salvatore Amato.",
                lang="en")
    assert ("OWNS", "Salvatore Amato", "Pier Trucking LLC") in relations(other)
    assert ("OWNS", "Anthony Russo", "Pier Trucking LLC") not in relations(other)
