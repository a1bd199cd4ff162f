"""Domain entities: vessels, ports, firms, persons (full pipeline, models loaded once)."""

from nlp_support import mentions


def test_vessel_prefixes_and_cues_en(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Officers boarded the MV Matthew off Cork. The bulk carrier MT Castlemore stayed. "
             "Cocaine was found aboard the Ocean Star.", "en")
    assert {"Matthew", "Castlemore", "Ocean Star"} <= mentions(ex, "VESSEL")


def test_vessel_cues_fr_and_nl(run) -> None:  # type: ignore[no-untyped-def]
    fr = run("La drogue était cachée à bord du Trudy, arrivé au port de Dunkerque.", "fr")
    assert "Trudy" in mentions(fr, "VESSEL")
    nl = run("De cocaïne zat aan boord van de Maas Pioneer toen het schip in Vlissingen aankwam.", "nl")
    assert "Maas Pioneer" in mentions(nl, "VESSEL")


def test_vessel_keyed_by_nearby_imo(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("The reefer Santa Brisa (IMO 9471381) was searched. Later the Santa Brisa left.", "en")
    vessels = [e for e in ex.entities if e.type == "VESSEL"]
    assert [v.entity_id for v in vessels] == ["vessel:imo:9471381"]
    assert [m.entity_id for m in ex.mentions if m.type == "VESSEL"] == ["vessel:imo:9471381"] * 2


def test_carrier_brand_stays_in_vessel_name_but_not_for_the_line(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("The container ship MSC Gayane is operated by Maersk Line.", "en")
    assert "MSC Gayane" in mentions(ex, "VESSEL")
    assert "Maersk Line" not in mentions(ex, "VESSEL")


def test_port_aliases_share_one_locode(run) -> None:  # type: ignore[no-untyped-def]
    ids = set()
    for text, lang in (("The container arrived in the port of Antwerp.", "en"),
                       ("Le conteneur est arrivé au port d'Anvers.", "fr"),
                       ("De container kwam aan in de haven van Antwerpen.", "nl")):
        ex = run(text, lang)
        ids |= {m.entity_id for m in ex.mentions if m.type == "PORT"}
    assert ids == {"port:BEANR"}


def test_port_vs_place_by_context(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Il est domicilié au Havre. Le conteneur a été déchargé sur le port du Havre.", "fr")
    assert ("LOCATION", "Havre") in mentions(ex) or "Havre" not in mentions(ex, "LOCATION")
    assert "Havre" in mentions(ex, "PORT")


def test_company_legal_forms_and_role_words(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Zeebrugge Logistics BVBA hired trucks from Transports Maréchal Frères SARL and Elbwerder Logistik GmbH.", "en")
    assert {"Zeebrugge Logistics BVBA", "Transports Maréchal Frères SARL", "Elbwerder Logistik GmbH"} <= mentions(ex, "COMPANY")
    ex = run("De goederen werden verstuurd door Blauwhoeve Logistics voor rekening van Kade 7 Holding B.V.", "nl")
    assert {"Blauwhoeve Logistics", "Kade 7 Holding B.V."} <= mentions(ex, "COMPANY")


def test_agencies_are_organizations(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("The operation was led by Europol and the Hamburg Customs Investigation Office.", "en")
    orgs = mentions(ex, "ORGANIZATION")
    assert "Europol" in orgs and "Hamburg Customs Investigation Office" in orgs
    assert "Hamburg" not in mentions(ex, "PORT")


def test_dutch_persons_without_model(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Jordy Van Aken is bestuurder. Verdachte Tarik B. werkte samen met mevrouw Peeters.\n"
             "Bestuurder   KASTELEYN Milan    sinds 2023", "nl")
    persons = mentions(ex, "PERSON")
    assert {"Jordy Van Aken", "Tarik B.", "Peeters", "KASTELEYN Milan"} <= persons


def test_short_name_joins_the_full_name(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Jan Peeters works at the terminal. Later Peeters was arrested.", "en")
    ids = {m.entity_id for m in ex.mentions if m.type == "PERSON"}
    assert ids == {"person:jan-peeters"}
    person = next(e for e in ex.entities if e.entity_id == "person:jan-peeters")
    assert "Peeters" in person.aliases


def test_identifier_nodes_become_entities_with_validity(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Container MSKU 123456 7 and phone +32 470 12 34 56 were noted.", "en")
    by_type = {e.type: e for e in ex.entities}
    assert by_type["CONTAINER"].entity_id == "container:MSKU1234567"
    assert by_type["CONTAINER"].properties["valid"] is False
    assert by_type["PHONE"].entity_id == "phone:+32470123456"
    assert by_type["PHONE"].properties["valid"] is True
    assert all(i.entity_id for i in ex.identifiers)
