"""Dutch clause frames for jobs, holders, operators and contacts, read by the frames themselves."""

from __future__ import annotations

from functools import cache

from nlp.components.dutch_frames import frame_readings
from nlp.pipeline import build_pipeline


@cache
def _dutch():  # type: ignore[no-untyped-def]
    return build_pipeline("nl")


def frames(text: str) -> set[tuple[str, str, str]]:
    doc = _dutch()(text)
    return {(type_, text[a.target_start:a.target_end], text[b.target_start:b.target_end])
            for type_, a, b, *_ in frame_readings(doc)}


def test_job_in_a_verb_final_relative_clause() -> None:
    assert ("EMPLOYED_BY", "Johan Verhoef", "Rotterdam Stevedoring BV") in frames(
        "Volgens het OM heeft Johan Verhoef (44) uit Schiedam, die als kraanmachinist bij Rotterdam Stevedoring BV "
        "werkte, de container verplaatst.")
    found = frames("Stijn Verhulst, die sinds 2019 als straddlecarrierchauffeur voor Antwerp Quay Stevedores NV op "
                   "het Deurganckdok werkte, reed de container weg.")
    assert {("EMPLOYED_BY", "Stijn Verhulst", "Antwerp Quay Stevedores NV"),
            ("WORKS_AT", "Stijn Verhulst", "Deurganckdok")} <= found
    assert ("EMPLOYED_BY", "Gerrit Lodewijk", "Brabant Frigo VOF") in frames(
        "Gerrit Lodewijk, een vrachtwagenchauffeur die voor Brabant Frigo VOF reed, werd opgepakt.")


def test_job_in_an_apposition_or_a_main_clause() -> None:
    assert ("EMPLOYED_BY", "Marleen de Bruin", "Haventrans Logistics BV") in frames(
        "Marleen de Bruin, in dienst van Haventrans Logistics BV, werd verhoord.")
    assert ("DIRECTOR_OF", "Thomas Peeters", "Scheldepoort Trading BVBA") in frames(
        "Thomas Peeters, zaakvoerder van Scheldepoort Trading BVBA, werd opgepakt.")
    assert ("WORKS_AT", "Bart Mertens", "Waaslandhaven") in frames("Bart Mertens werkte als dokwerker in de Waaslandhaven.")


def test_job_near_misses() -> None:
    assert not frames("Henk Mulder, die niet bij Delta Cargo BV werkte, werd gehoord.")
    assert not frames("Johan Verhoef, die bij Delta Cargo BV langsging, werd gezien.")
    assert not frames("Volgens woordvoerder Pieter Claes, die bij Antwerp Quay Stevedores NV werkt, is de man ontslagen.")
    # the role after a second person is that person's
    found = frames("Anna de Vries, de vrouw van Kees de Vries, directeur van Hollandia Fruit BV, werd gehoord.")
    assert not {r for r in found if r[1] == "Anna de Vries"}


def test_holders_of_numbers_and_accounts() -> None:
    found = frames("Uit de gegevens van het telefoonnummer +31 6 48127730, dat in gebruik was bij Sander Wijnen, "
                   "blijkt dat hij berichten stuurde.")
    assert ("HAS_PHONE", "Sander Wijnen", "+31 6 48127730") in found
    found = frames("De rekening BE04 0682 5147 3901, die op naam van Bart Verbiest staat, wordt verbeurdverklaard.")
    assert ("HAS_ACCOUNT", "Bart Verbiest", "BE04 0682 5147 3901") in found
    found = frames("Het e-mailadres jan.smit@postvak.nl werd gebruikt door Jan Smit.")
    assert ("HAS_EMAIL", "Jan Smit", "jan.smit@postvak.nl") in found
    assert not frames("Het nummer +31 6 12345678 stond niet op naam van Johan Verhoef.")
    assert not frames("Het nummer +31 6 12345678 was in gebruik bij advocaat Eva Smits.")


def test_operators_of_ships_and_terminals() -> None:
    found = frames("De lading kwam met de Nordic Star (IMO 9312456). Het schip, dat door Koelvaart Rederij BV uit "
                   "Rotterdam wordt beheerd, voer naar Vlissingen.")
    assert ("OPERATES", "Koelvaart Rederij BV", "Nordic Star") in found
    found = frames("De container werd gelost aan de Amazonehaven, waar Delta Kade Terminals B.V. een terminal exploiteert.")
    assert ("OPERATES", "Delta Kade Terminals B.V.", "Amazonehaven") in found
    found = frames("Het koelschip Frio Mistral (IMO 9340271) meerde aan. Het schip, dat door Kustvaart Scheldemond BV "
                   "werd bevracht, lag twee dagen aan de kade.")
    assert ("OPERATES", "Kustvaart Scheldemond BV", "Frio Mistral") in found
    # two ships just named: "het schip" is either
    two = frames("De Nordic Star en de Frio Mistral lagen aan de kade. Het schip, dat door Koelvaart Rederij BV wordt "
                 "beheerd, vertrok.")
    assert not {r for r in two if r[0] == "OPERATES"}


def test_contacts_in_v2_and_verb_final_order() -> None:
    assert ("CONTACTED", "Ilias Bakkali", "Kevin Vos") in frames(
        "Op ontsleutelde berichten is te lezen hoe Ilias Bakkali (27) uit Borgerhout Kevin Vos telkens liet weten "
        "welke containers hij moest volgen.")
    assert ("CONTACTED", "Johan Verhoef", "Bart Stam") in frames("Johan Verhoef stuurde op 3 mei elf berichten naar Bart Stam.")
    assert ("CONTACTED", "Sandra Kok", "Tim Bos") in frames(
        "Uit de tap blijkt dat Sandra Kok in die week bijna dagelijks met Tim Bos belde.")
    assert not frames("Johan Verhoef belde de broer van Bart Stam.")
    assert not frames("Johan Verhoef had geen contact met Bart Stam.")
    assert not frames("Johan Verhoef belde de politie over Bart Stam.")


def test_contacts_past_an_inserted_clause() -> None:
    assert ("CONTACTED", "Dennis Kramer", "Ricardo Smit") in frames(
        "Uit berichten blijkt dat Dennis Kramer (41) uit Spijkenisse, die als planner bij Delta Terminals BV werkte, "
        "de pincode van de container via een versleutelde telefoon doorstuurde naar Ricardo Smit.")
    assert ("CONTACTED", "Ilias Bakkali", "Kevin Vos") in frames(
        "Op berichten is te lezen hoe Ilias Bakkali (27) uit Borgerhout, volgens het parket de leider van de ploeg, "
        "Kevin Vos telkens liet weten welke containers hij moest volgen.")
    assert ("CONTACTED", "Bart Stam", "Ahmed Bakkali") in frames(
        "Bart Stam werd herhaaldelijk gebeld door de tweede beklaagde, Ahmed Bakkali.")
    # the person inside an apposition is not the caller, nor the kin or lawyer of the one called
    assert not frames("Johan Verhoef, de broer van Bart Stam, belde met Tim Bos.")
    assert not frames("Uit de tap blijkt dat Johan Verhoef met de broer van Bart Stam belde.")
    assert not frames("Uit de tap blijkt dat Johan Verhoef de advocaat van Bart Stam belde.")


def test_shippers_named_after_a_container() -> None:
    assert ("SHIPPED_IN", "Maas Fruit Import BV", "MSKU1234565") in frames(
        "De container MSKU1234565 was geadresseerd aan Maas Fruit Import BV uit Venlo.")
    found = frames("De container, HASU6128470, stond op naam van een invoerder van fruit uit Gent, Ghent Tropical Fruit BV.")
    assert any(r[0] == "SHIPPED_IN" and r[1].startswith("Ghent Tropical Fruit") and r[2] == "HASU6128470" for r in found)
    assert ("SHIPPED_IN", "Cacao Guayas Export S.A.", "SEGU2088474") in frames(
        "De chauffeur reed de container SEGU2088474 weg. In die container, die door Cacao Guayas Export S.A. was "
        "verzonden, werden nadien 312 kilogram cocaïne aangetroffen.")
    assert ("SHIPPED_IN", "Agrofrut Import B.V.", "SUDU5920382") in frames(
        "De Douane trof cocaïne aan in container SUDU5920382. De container was ingeklaard op naam van Agrofrut Import "
        "B.V., een handelsonderneming zonder personeel.")


def test_shipper_near_misses() -> None:
    assert not frames("De container MSKU1234565 was niet geadresseerd aan Maas Fruit Import BV.")
    # the customs agent who cleared the box is not its shipper
    assert not frames("De container MSKU1234565 werd ingeklaard door expediteur Rijnmond Cargo Control BV.")
    # two boxes just named: "de container" is either
    assert not frames("De containers MSKU1234565 en TGHU1234567 kwamen aan. De container was ingeklaard op naam van "
                      "Agrofrut Import B.V.")


def test_ship_calls_in_its_own_clauses() -> None:
    found = frames("Het betrof het schip Cala Palma, dat vanuit Santos naar Rotterdam voer.")
    assert {("CALLED_AT", "Cala Palma", "Santos"), ("CALLED_AT", "Cala Palma", "Rotterdam")} <= found
    found = frames("Het bulkschip Sierra Morena (IMO 9477024) lag stil. Het schip, dat wordt beheerd door Thalassa Bulk "
                   "Management Ltd uit Limassol, vertrok op 11 februari uit Puerto Bolívar in Colombia.")
    assert {("CALLED_AT", "Sierra Morena", "Puerto Bolívar"),
            ("OPERATES", "Thalassa Bulk Management Ltd", "Sierra Morena")} <= found
    found = frames("De Río Paraná Express meerde aan. Het schip, dat door Hanse Südatlantik GmbH wordt geëxploiteerd, had "
                   "onderweg in Algeciras aangelegd en meerde op 9 april aan bij de Calandkade Container Terminal.")
    assert ("CALLED_AT", "Río Paraná Express", "Algeciras") in found


def test_ship_call_near_misses() -> None:
    assert not frames("De Frio Mistral, die nooit in Vlissingen is geweest, ligt in Santos.")
    assert not frames("De Frio Mistral, die door de Douane in Vlissingen werd gecontroleerd, bleef liggen.")


def test_kin_before_a_list_or_an_apposition() -> None:
    assert ("FAMILY_OF", "Ahmed Bakkali", "Youssef Bakkali") in frames(
        "De broers Ahmed Bakkali en Youssef Bakkali werden vrijdag opgepakt.")
    assert ("FAMILY_OF", "Bart Stam", "Luc Stam") in frames(
        "Bart Stam (45), diens broer Luc Stam (42) en Tim Bos werden opgepakt.")
    found = frames("De gebroeders Sander Kok en Tim Kok en hun neef Bart Stam werden veroordeeld.")
    assert ("FAMILY_OF", "Sander Kok", "Tim Kok") in found


def test_kin_belongs_to_its_own_conjunct() -> None:
    found = frames("Johan Verhoef, zijn broer Bart Verhoef en Tim Bos werden opgepakt.")
    assert ("FAMILY_OF", "Johan Verhoef", "Bart Verhoef") in found
    assert not {r for r in found if r[0] == "FAMILY_OF" and "Tim Bos" in r}
    assert not {r for r in frames("De gebroeders Sander Kok en Tim Kok en hun neef Bart Stam werden veroordeeld.")
                if r[0] == "FAMILY_OF" and "Bart Stam" in r}
    assert not frames("Volgens Bart Stam, zijn advocaat Eva Smits, is hij onschuldig.")


def test_identifiers_held_by_the_subject() -> None:
    found = frames("Uit onderzoek blijkt dat Waalhaven Expeditie & Logistiek B.V. ruim 3,1 miljoen euro ontving op haar "
                   "rekening NL22 ABNA 0417 7362 90.")
    assert ("HAS_ACCOUNT", "Waalhaven Expeditie & Logistiek B.V.", "NL22 ABNA 0417 7362 90") in found
    found = frames("Sandra Kok belde die avond vanaf haar eigen telefoonnummer +31 6 12345678.")
    assert ("HAS_PHONE", "Sandra Kok", "+31 6 12345678") in found
    found = frames("Volgens de FIOD verstuurde Bart Stam de facturen via zijn e-mailadres b.stam@havenpost.nl.")
    assert ("HAS_EMAIL", "Bart Stam", "b.stam@havenpost.nl") in found
    assert not frames("Volgens advocaat Eva Smits was haar telefoonnummer +31 6 12345678 afgeschermd.")
    assert not frames("Bart Stam gebruikte niet zijn telefoonnummer +31 6 12345678.")


def test_money_sent_is_no_contact() -> None:
    found = frames("Johan Verhoef stuurde geld naar Bart Stam, op zijn rekening NL22 ABNA 0417 7362 90.")
    assert not {r for r in found if r[0] == "CONTACTED"}
    assert ("CONTACTED", "Johan Verhoef", "Bart Stam") in frames("Johan Verhoef stuurde op 3 mei elf berichten naar Bart Stam.")


def test_a_role_of_someone_named_by_a_noun() -> None:
    assert not frames("Tim Bos, de zoon van de eigenaar van Hollandia Fruit BV, werd gehoord.")
    assert not frames("Sandra Kok, een collega van de planner bij Delta Cargo BV, werd verhoord.")
    found = frames("Ruben Dierckx (31) uit Beveren, straddlecarrierchauffeur bij Kallo Quay Services NV op de terminal "
                   "van de haven van Antwerpen, werd opgepakt.")
    assert ("EMPLOYED_BY", "Ruben Dierckx", "Kallo Quay Services NV") in found


def test_a_role_before_the_name_with_the_firm_of_the_sentence_before() -> None:
    found = frames("Als ontvanger stond Sluiskil Fresh Import BV vermeld. De 56-jarige directeur van dat bedrijf, "
                   "Maarten Dekker, werd in zijn woning aangehouden.")
    assert ("DIRECTOR_OF", "Maarten Dekker", "Sluiskil Fresh Import BV") in found
    found = frames("De lading was voor Hollandia Fruit BV uit Venlo. Zaakvoerder Wim Verstraeten (55) zweeg.")
    assert ("DIRECTOR_OF", "Wim Verstraeten", "Hollandia Fruit BV") in found
    found = frames("Sander Wijnen was als sjorder werkzaam bij Zeeuwse Stuwadoors B.V.\nGoossens, kraanmachinist bij "
                   "hetzelfde bedrijf, zette de tassen op de kade. Bart Goossens werd ook veroordeeld.")
    assert ("EMPLOYED_BY", "Goossens", "Zeeuwse Stuwadoors B.V.") in found


def test_role_before_near_misses() -> None:
    # two firms just named: "Zaakvoerder" could head either
    assert not frames("Als ontvanger stond Sluiskil Fresh Import BV vermeld, maar ook Delta Cargo BV. "
                      "Zaakvoerder Wim Verstraeten zweeg.")
    assert not frames("De zoon van de directeur van Hollandia Fruit BV, Tim Bos, werd gehoord.")
    assert not {r for r in frames("Het bedrijf Hollandia Fruit BV kreeg een boete. Directeur Tim Bos van Delta Cargo BV "
                                  "reageerde niet.") if r[2] == "Hollandia Fruit BV"}
    # the relative clause after "de echtgenote van P" is the wife's
    assert not frames("Sluiskil Fresh Import BV werd doorzocht. De echtgenote van Maarten Dekker, die mede-eigenaar van "
                      "het bedrijf is, wordt niet vervolgd.")


def test_job_with_a_copula_and_a_port_after_the_employer() -> None:
    assert ("EMPLOYED_BY", "Dennis Kramer", "Noordzee Logistics BV") in frames(
        "Het gaat om Dennis Kramer (38), die planner was bij Noordzee Logistics BV, en Tim Bos.")
    found = frames("De man, Stijn Vanacker, die al tien jaar als havenarbeider bij stuwadoor Noordkaai Stevedoring NV in "
                   "de haven van Zeebrugge aan de slag is, reed de container weg.")
    assert ("WORKS_AT", "Stijn Vanacker", "Zeebrugge") in found
    assert ("DIRECTOR_OF", "Tim Bos", "Hollandia Fruit BV") in frames(
        "Tim Bos, die zaakvoerder is van Hollandia Fruit BV, zweeg.")
    assert not frames("Tim Bos, die planner was bij Noordzee Logistics BV, woont in de haven van Zeebrugge.") - {
        ("EMPLOYED_BY", "Tim Bos", "Noordzee Logistics BV")}


def test_contacts_through_a_named_channel() -> None:
    assert ("CONTACTED", "Johan Verhoef", "Bart Stam") in frames("Johan Verhoef communiceerde via Sky ECC met Bart Stam.")
    assert ("CONTACTED", "Sandra Kok", "Tim Bos") in frames("Sandra Kok belde die week via WhatsApp met Tim Bos.")
    assert ("CONTACTED", "Ahmed Bakkali", "Youssef Amrani") in frames(
        "Ahmed Bakkali stuurde via Signal berichten naar Youssef Amrani.")
    assert not {r for r in frames("Johan Verhoef belde Delta Cargo BV over Bart Stam.") if r[0] == "CONTACTED"}


def test_a_number_on_the_subjects_own_name() -> None:
    found = frames("Uit onderschepte berichten blijkt dat Priscilla Koolhoven contact had met Orlando Martis via het "
                   "nummer 06-28417359, dat op haar naam stond.")
    assert ("HAS_PHONE", "Priscilla Koolhoven", "06-28417359") in found
    assert ("HAS_PHONE", "Johan Verhoef", "+31 6 12345678") in frames(
        "Johan Verhoef belde met Bart Stam via het nummer +31 6 12345678, dat op zijn naam stond.")
    assert ("HAS_ACCOUNT", "Sandra Kok", "NL22 ABNA 0417 7362 90") in frames(
        "Sandra Kok ontving het geld op de rekening NL22 ABNA 0417 7362 90, die op haar eigen naam stond.")
    assert not frames("Volgens advocaat Eva Smits belde Tim Bos met het nummer +31 6 12345678, dat op zijn naam stond.")
    assert not frames("De politie vond bij Tim Bos een telefoon met het nummer +31 6 12345678, dat niet op zijn naam stond.")


def test_a_plural_clause_holds_for_every_conjunct() -> None:
    found = frames("De dokwerkers Johan Verhoef en Bart Stam, die bij Delta Cargo BV werkten, werden opgepakt.")
    assert {("EMPLOYED_BY", "Johan Verhoef", "Delta Cargo BV"), ("EMPLOYED_BY", "Bart Stam", "Delta Cargo BV")} <= found
    found = frames("Johan Verhoef en Bart Stam, beiden werkzaam bij Delta Cargo BV, werden opgepakt.")
    assert ("EMPLOYED_BY", "Johan Verhoef", "Delta Cargo BV") in found
    found = frames("Sandra Kok, Tim Bos en Ahmed Bakkali, alle drie in dienst van Noordkaai Stevedoring NV, zijn ontslagen.")
    assert ("EMPLOYED_BY", "Sandra Kok", "Noordkaai Stevedoring NV") in found
    # a singular verb: the clause is the last conjunct's only
    found = frames("Johan Verhoef en Bart Stam, die bij Delta Cargo BV werkte, werden opgepakt.")
    assert ("EMPLOYED_BY", "Johan Verhoef", "Delta Cargo BV") not in found


def test_flemish_and_payroll_words_of_a_job() -> None:
    assert ("EMPLOYED_BY", "Luis Ferreira", "Andes Reefer Line S.A.") in frames(
        "De kapitein, Luis Ferreira, staat op de loonlijst van Andes Reefer Line S.A.")
    assert ("EMPLOYED_BY", "Kevin Janssens", "Noordkaai Stevedoring NV") in frames(
        "Kevin Janssens, die sinds 2015 als dokwerker tewerkgesteld is bij Noordkaai Stevedoring NV, werd opgepakt.")
    assert ("EMPLOYED_BY", "Kevin Janssens", "Noordkaai Stevedoring NV") in frames(
        "Kevin Janssens was in 2019 aangeworven bij Noordkaai Stevedoring NV.")
    assert not frames("Kevin Janssens staat niet op de loonlijst van Noordkaai Stevedoring NV.")


def test_operators_in_a_main_clause_passive() -> None:
    assert ("OPERATES", "Delta Kade Terminals BV", "Amazonehaven") in frames(
        "De Amazonehaven wordt sinds 2015 door Delta Kade Terminals BV geëxploiteerd.")
    assert ("OPERATES", "Moerdijk Cargo BV", "Waalhaven") in frames(
        "De Waalhaven werd tot 2020 door Moerdijk Cargo BV uitgebaat.")
    assert not frames("De Amazonehaven werd door Delta Kade Terminals BV gecontroleerd.")
    assert not frames("De Amazonehaven wordt niet door Delta Kade Terminals BV geëxploiteerd.")


def test_a_city_is_a_workplace_only_as_a_port() -> None:
    assert not frames("Johan Verhoef werkte in Rotterdam.")
    assert ("WORKS_AT", "Johan Verhoef", "Rotterdam") in frames("Johan Verhoef werkte in de haven van Rotterdam.")
    assert ("WORKS_AT", "Johan Verhoef", "Rotterdam") in frames("Johan Verhoef werkte als stuwadoor in Rotterdam.")
    assert ("WORKS_AT", "Johan Verhoef", "Waalhaven") in frames("Johan Verhoef werkte op de Waalhaven.")


def test_shipper_after_other_words_and_another_box() -> None:
    found = frames("De container MSKU1234565 was afkomstig uit Ecuador en bestemd voor Maas Fruit Import BV.")
    assert any(r[0] == "SHIPPED_IN" and r[1].startswith("Maas Fruit Import BV") for r in found)
    assert ("SHIPPED_IN", "Banano Sol S.A.", "MSKU1234565") in frames(
        "De container MSKU1234565 werd volgens de Douane verscheept door Banano Sol S.A.")
    assert not frames("De container MSKU1234565 stond naast een container die bestemd was voor Maas Fruit Import BV.")


def test_members_of_a_group() -> None:
    assert ("MEMBER_OF", "Johan Verhoef", "Kadewachters-bende") in frames(
        "Johan Verhoef, volgens het OM de leider van de Kadewachters-bende, werd opgepakt.")
    assert ("MEMBER_OF", "Johan Verhoef", "Mocro Maffia") in frames(
        "Johan Verhoef maakte volgens justitie deel uit van de Mocro Maffia.")
    assert ("MEMBER_OF", "Bart Stam", "Mocro Maffia") in frames("Bart Stam, die lid was van de Mocro Maffia, werd aangehouden.")
    assert not frames("Johan Verhoef, de leider van het onderzoeksteam van de politie, gaf toelichting.")
    assert not frames("Johan Verhoef was geen lid van de Hells Angels.")


def test_the_callers_number() -> None:
    found = frames("Rachid El Amrani belde hem om 21 uur op zijn gsm-nummer 0470/12.34.56, vanaf het Nederlandse nummer "
                   "+31 6 12345678.")
    assert ("HAS_PHONE", "Rachid El Amrani", "+31 6 12345678") in found
    assert ("HAS_PHONE", "Rachid El Amrani", "0470/12.34.56") not in found  # "zijn" is the person called
    assert ("HAS_PHONE", "Johan Verhoef", "+31 6 12345678") in frames(
        "Johan Verhoef belde Bart Stam op 3 mei vanaf het nummer +31 6 12345678.")
    assert ("HAS_PHONE", "Sandra Kok", "+31 6 87654321") in frames(
        "Sandra Kok sms'te die nacht vanaf een Belgisch nummer +31 6 87654321.")
    assert not {r for r in frames("Johan Verhoef werd gebeld door Bart Stam vanaf het nummer +31 6 12345678.")
                if r[0] == "HAS_PHONE"}
    assert not frames("Johan Verhoef belde hem op zijn nummer +31 6 12345678.")


def test_a_source_is_not_the_caller() -> None:
    found = frames("Volgens Johan Verhoef belde Bart Stam met Tim Bos.")
    assert ("CONTACTED", "Bart Stam", "Tim Bos") in found
    assert not {r for r in found if "Johan Verhoef" in r}
    assert not frames("Volgens Johan Verhoef belde Bart Stam met de politie.")


def test_a_source_has_no_job_of_the_clause() -> None:
    assert not frames("Volgens Johan Verhoef werkte hij als planner bij Delta Cargo BV.")
    assert ("EMPLOYED_BY", "Johan Verhoef", "Delta Cargo BV") in frames(
        "Johan Verhoef werkte als planner bij Delta Cargo BV in Gent.")
