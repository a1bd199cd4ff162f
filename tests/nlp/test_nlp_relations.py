"""Each relation pattern in EN and FR, cue words in NL, negation, co-mention, evidence."""

import pytest
from nlp_support import relations


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jan Peeters was employed by Scaldewerf Terminals NV.", ("EMPLOYED_BY", "Jan Peeters", "Scaldewerf Terminals NV")),
        ("Yann Le Goff, 46, is the managing director of Vasière Maritime Services SARL.",
         ("DIRECTOR_OF", "Yann Le Goff", "Vasière Maritime Services SARL")),
        ("Matthew Maritime Ltd owns the vessel Honmon.", ("OWNS", "Matthew Maritime Ltd", "Honmon")),
        ("Raffaele Imperiale, a senior member of the Camorra, fled.", ("MEMBER_OF", "Raffaele Imperiale", "Camorra")),
        ("Dirk Wouters and his brother Jan Peeters met.", ("FAMILY_OF", "Dirk Wouters", "Jan Peeters")),
        ("The container ship Sirius Trader, which is operated by Kestrelmoor Container Line, left.",
         ("OPERATES", "Kestrelmoor Container Line", "Sirius Trader")),
        ("The reefer Cape Lorraine had called at Antwerp in June.", ("CALLED_AT", "Cape Lorraine", "Antwerp")),
        ("Container TGHU 874512 6 was imported by Corran Fruit Ltd, a firm in Dover.",
         ("SHIPPED_IN", "Corran Fruit Ltd", "TGHU8745126")),
        ("Karim El Amrani uses +32 486 55 71 09.", ("HAS_PHONE", "Karim El Amrani", "+32486557109")),
        ("Tom Hendrickx can be reached at t.hendrickx@polderfreight.nl.",
         ("HAS_EMAIL", "Tom Hendrickx", "t.hendrickx@polderfreight.nl")),
        ("The money went to account BE94 0682 4719 3514, held by Jan Peeters.",
         ("HAS_ACCOUNT", "Jan Peeters", "BE94068247193514")),
        ("Ricardo Blom called Senna Kuipers twice.", ("CONTACTED", "Ricardo Blom", "Senna Kuipers")),
        ("Karim Haddad worked closely with Yann Le Goff.", ("ASSOCIATE_OF", "Karim Haddad", "Yann Le Goff")),
        ("Line 1: +32 477 81 22 09, used by MERTENS Koen", ("HAS_PHONE", "MERTENS Koen", "+32477812209")),
        ("Ruben Peeters, a crane operator in the port of Antwerp, was arrested.", ("WORKS_AT", "Ruben Peeters", "Antwerp")),
    ],
)
def test_english_patterns(run, text: str, expected: tuple[str, str, str]) -> None:  # type: ignore[no-untyped-def]
    found = relations(run(text, "en"))
    assert expected in found or (expected[0], expected[2], expected[1]) in found and expected[0] in (
        "FAMILY_OF", "CONTACTED", "ASSOCIATE_OF")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kévin Lemaire, salarié de Flandres Manutention SAS, a été entendu.",
         ("EMPLOYED_BY", "Kévin Lemaire", "Flandres Manutention SAS")),
        ("Romain Maréchal est le gérant de Transports Maréchal Frères SARL.",
         ("DIRECTOR_OF", "Romain Maréchal", "Transports Maréchal Frères SARL")),
        ("Le navire Trudy appartenait à Minship Shipmanagement.", ("OWNS", "Minship Shipmanagement", "Trudy")),
        ("Le vraquier Trudy était géré par Columbia Shipmanagement.", ("OPERATES", "Columbia Shipmanagement", "Trudy")),
        ("Mehdi Haddad, le cousin de Yanis Haddad, est membre de la bande.", ("FAMILY_OF", "Mehdi Haddad", "Yanis Haddad")),
        ("Le vraquier Trudy a été contrôlé à son arrivée à Rotterdam.", ("CALLED_AT", "Trudy", "Rotterdam")),
        ("Le conteneur MSCU 123456 6 a été importé par Primeurs du Nord SARL.",
         ("SHIPPED_IN", "Primeurs du Nord SARL", "MSCU1234566")),
        ("Le compte de Dunes Logistique SAS est le FR76 3000 4008 2300 0123 4567 819.",
         ("HAS_ACCOUNT", "Dunes Logistique SAS", "FR7630004008230001234567819")),
        ("Sofiane Delacourt a appelé Julien Maréchal.", ("CONTACTED", "Sofiane Delacourt", "Julien Maréchal")),
        ("Yanis Haddad, complice de Mehdi Lambert, a été interpellé.", ("ASSOCIATE_OF", "Yanis Haddad", "Mehdi Lambert")),
        ("Yanis Haddad est membre de la Mocro Maffia.", ("MEMBER_OF", "Yanis Haddad", "Mocro Maffia")),
        ("Kévin Lemaire travaille comme pointeur sur le port de Dunkerque.", ("WORKS_AT", "Kévin Lemaire", "Dunkirk")),
        ("Sofiane Delacourt utilise le +32 470 12 34 56.", ("HAS_PHONE", "Sofiane Delacourt", "+32470123456")),
    ],
)
def test_french_patterns(run, text: str, expected: tuple[str, str, str]) -> None:  # type: ignore[no-untyped-def]
    found = relations(run(text, "fr"))
    assert expected in found or (expected[0], expected[2], expected[1]) in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Milan Kasteleyn was bestuurder van Blauwhoeve Logistics BV.", ("DIRECTOR_OF", "Milan Kasteleyn", "Blauwhoeve Logistics BV")),
        ("Sander Kuijpers werkt als planner bij Maasvlakte Container Services B.V.",
         ("EMPLOYED_BY", "Sander Kuijpers", "Maasvlakte Container Services B.V.")),
        ("Sander Kuijpers werkt als boekhouder bij Kade 7 Holding B.V.",
         ("EMPLOYED_BY", "Sander Kuijpers", "Kade 7 Holding B.V.")),
        ("Ruben Kasteleyn is de broer van Milan Kasteleyn.", ("FAMILY_OF", "Ruben Kasteleyn", "Milan Kasteleyn")),
        ("Nordin Haddouchi belde Ruben Kasteleyn.", ("CONTACTED", "Nordin Haddouchi", "Ruben Kasteleyn")),
        ("Bilal Ouali werkte samen met Sander Kuijpers.", ("ASSOCIATE_OF", "Bilal Ouali", "Sander Kuijpers")),
        ("Het schip Maas Pioneer meerde aan in Vlissingen.", ("CALLED_AT", "Maas Pioneer", "Vlissingen")),
        ("Het vrachtschip Santa Brisa wordt uitgebaat door Andes Reefer Line S.A.",
         ("OPERATES", "Andes Reefer Line S.A.", "Santa Brisa")),
        ("Stijn Dewolfs gebruikt het nummer +32 484 27 65 03.", ("HAS_PHONE", "Stijn Dewolfs", "+32484276503")),
        ("De rekening BE90 7350 4128 7632 staat op naam van Stijn Dewolfs.",
         ("HAS_ACCOUNT", "Stijn Dewolfs", "BE90735041287632")),
        ("Container PAFU 441752 6 werd ingevoerd door Polderkust Import BV.",
         ("SHIPPED_IN", "Polderkust Import BV", "PAFU4417526")),
    ],
)
def test_dutch_cue_words(run, text: str, expected: tuple[str, str, str]) -> None:  # type: ignore[no-untyped-def]
    found = relations(run(text, "nl"))
    assert expected in found or (expected[0], expected[2], expected[1]) in found


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Jan Peeters was not employed by Scaldewerf Terminals NV.", "en"),
        ("Julien Maréchal n'était pas employé par Normandie Manutention SAS.", "fr"),
        ("Jordy Van Aken was geen bestuurder van Blauwhoeve Logistics BV.", "nl"),
    ],
)
def test_negation_gives_no_relation(run, text: str, lang: str) -> None:  # type: ignore[no-untyped-def]
    ex = run(text, lang)
    assert relations(ex, typed_only=False) == set()


def test_pronoun_subject_links_the_last_person(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Julien Maréchal a été entendu. Il travaille comme grutier chez Terminaux de l'Estuaire SAS.", "fr")
    # a firm employs, even a terminal operator (WORKS_AT is for ports, terminals and vessels)
    assert ("EMPLOYED_BY", "Julien Maréchal", "Terminaux de l'Estuaire SAS") in relations(ex)
    ex = run("Julien Maréchal a été entendu. Il est salarié de Normandie Transports SARL.", "fr")
    assert ("EMPLOYED_BY", "Julien Maréchal", "Normandie Transports SARL") in relations(ex)


def test_co_mention_is_the_weak_fallback_with_evidence(run) -> None:  # type: ignore[no-untyped-def]
    text = "Jan Peeters and Karim El Amrani were seen in Antwerp."
    ex = run(text, "en")
    weak = [r for r in ex.relations if r.type == "CO_MENTIONED"]
    assert weak
    ev = weak[0].evidence[0]
    assert ev.method == "cooccurrence" and ev.sentence == text
    assert ev.extractor.startswith("havengraph.") and "@" in ev.extractor
    assert text[ev.start:ev.end].startswith(("Jan", "Karim"))


def test_typed_relation_replaces_co_mention_and_keeps_span(run) -> None:  # type: ignore[no-untyped-def]
    text = "Police said that Jan Peeters was employed by Scaldewerf Terminals NV."
    ex = run(text, "en")
    rel = next(r for r in ex.relations if r.type == "EMPLOYED_BY")
    ev = rel.evidence[0]
    assert text[ev.start:ev.end] == "Jan Peeters was employed by Scaldewerf Terminals NV"
    assert ev.method in ("rule", "dependency") and 0 < ev.confidence <= 1
    assert not any(r.type == "CO_MENTIONED" and {r.source, r.target} == {rel.source, rel.target} for r in ex.relations)


def test_registry_record_lines(run) -> None:  # type: ignore[no-untyped-def]
    text = ("Name: Kaaiveld Logistics BV\nTelephone: +32 3 201 44 90\nDirector: BENALI Hakim, since 2017\n"
            "Shareholders: Benali Holding BV, 80 %\n")
    found = relations(run(text, "en"))
    assert ("DIRECTOR_OF", "BENALI Hakim", "Kaaiveld Logistics BV") in found
    assert ("OWNS", "Benali Holding BV", "Kaaiveld Logistics BV") in found
    assert ("HAS_PHONE", "Kaaiveld Logistics BV", "+3232014490") in found


def test_vessel_record_lines(run) -> None:  # type: ignore[no-untyped-def]
    text = "Vessel: CAPE LORRAINE, flag Liberia\nOperator: Ravensgate Feeder Lines Ltd\nVoyage: Guayaquil - Antwerp (BEANR)\n"
    found = relations(run(text, "en"))
    assert ("OPERATES", "Ravensgate Feeder Lines Ltd", "CAPE LORRAINE") in found
    assert ("CALLED_AT", "CAPE LORRAINE", "Antwerp") in found
