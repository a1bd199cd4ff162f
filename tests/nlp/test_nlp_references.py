"""References across sentences, possessives, clause tails, lists; public bodies, groups and countries."""

import pytest
from nlp_support import mentions, relations

SYMMETRIC = ("FAMILY_OF", "CONTACTED", "ASSOCIATE_OF")


def _has(found: set[tuple[str, str, str]], expected: tuple[str, str, str]) -> bool:
    flipped = (expected[0], expected[2], expected[1])
    return expected in found or (expected[0] in SYMMETRIC and flipped in found)


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # a subject pronoun stands for the first person of the previous sentence, not the last
        ("en", "Marco Visser is the cousin of Pieter Smit. Later that night he phoned Lotte Bakker.",
         ("CONTACTED", "Marco Visser", "Lotte Bakker")),
        ("fr", "Hugo Marchand est le frère de Paul Girard. Le 3 mai, il a appelé Inès Robert depuis le 06 12 34 56 78.",
         ("HAS_PHONE", "Hugo Marchand", "+33612345678")),
        ("nl", "Sven Janssens is de neef van Wim Claes. Op 2 mei belde hij Ruben Mertens.",
         ("CONTACTED", "Sven Janssens", "Ruben Mertens")),
        # "stated that he ...": the subject of the same sentence
        ("en", "Heard on Monday, Marco Visser stated that he knows Lotte Bakker from school.",
         ("ASSOCIATE_OF", "Marco Visser", "Lotte Bakker")),
        # possessives before a relation noun
        ("en", "Marco Visser was questioned. His employer lists his mobile number as +31 6 55512345.",
         ("HAS_PHONE", "Marco Visser", "+31655512345")),
        ("en", "Marco Visser was questioned again. He said that his brother-in-law, Daan Kok, drove the truck.",
         ("FAMILY_OF", "Marco Visser", "Daan Kok")),
        ("fr", "Hugo Marchand a été entendu. Les virements arrivaient sur le compte FR76 3000 6000 0112 3456 7890 189, "
               "ouvert à son nom.", ("HAS_ACCOUNT", "Hugo Marchand", "FR7630006000011234567890189")),
        ("nl", "Sven Janssens werd verhoord. Zijn eigen nummer staat in zijn gsm als +32 470 99 88 77.",
         ("HAS_PHONE", "Sven Janssens", "+32470998877")),
        # Dutch verb-final relative clause, read through the clause after the mention
        ("nl", "Wim Claes is bestuurder van Dokzicht Holding BV, waarvan hij ook alle aandelen bezit.",
         ("OWNS", "Wim Claes", "Dokzicht Holding BV")),
        ("fr", "Paul Girard est le gérant de Littoral Négoce SARL, dont Inès Robert détient un tiers des parts.",
         ("OWNS", "Inès Robert", "Littoral Négoce SARL")),
        # "belongs to A and B": the cue holds for both listed owners
        ("en", "The quay is run by Scheldt Box Terminal NV, a firm that belongs to Verhaven Holding NV and "
               "Oostdok Invest NV.", ("OWNS", "Oostdok Invest NV", "Scheldt Box Terminal NV")),
        # a gang named once, then "its leader"
        ("en", "Prosecutors describe a network known as the Harbour Wolves. They say that Karel Dekker met its "
               "presumed leader, Rik Mulder, in May.", ("MEMBER_OF", "Rik Mulder", "Harbour Wolves")),
        # a definite description stands for the port named before
        ("en", "The seizure took place in the port of Zeebrugge. Tom Wouters, a crane operator in the port, was "
               "arrested.", ("WORKS_AT", "Tom Wouters", "Zeebrugge")),
        ("fr", "Le conteneur a été saisi au port de Dunkerque. Luc Fabre, lui aussi docker sur le port, a été interpellé.",
         ("WORKS_AT", "Luc Fabre", "Dunkirk")),
        # a ship is "she" in English
        ("en", "Drugs were found on the MV Aurora Tide. She was escorted into Rotterdam on Monday.",
         ("CALLED_AT", "Aurora Tide", "Rotterdam")),
        # a list of ports after one call cue
        ("en", "The vessel Nordkap Star had called at Santos, Brazil, on 2 May and at Algeciras, Spain, on 20 May.",
         ("CALLED_AT", "Nordkap Star", "Algeciras")),
    ],
)
def test_reference_patterns(run, lang: str, text: str, expected: tuple[str, str, str]) -> None:  # type: ignore[no-untyped-def]
    found = relations(run(text, lang))
    assert _has(found, expected), found


@pytest.mark.parametrize(
    ("lang", "text", "unexpected"),
    [
        ("en", "Marco Visser was questioned. He was not employed by Dokzicht Holding BV.",
         ("EMPLOYED_BY", "Marco Visser", "Dokzicht Holding BV")),
        ("nl", "Wim Claes is bestuurder van Dokzicht Holding BV, waarvan hij geen aandelen bezit.",
         ("OWNS", "Wim Claes", "Dokzicht Holding BV")),
        ("fr", "Hugo Marchand a été entendu. Il ne connaît pas Inès Robert.", ("ASSOCIATE_OF", "Hugo Marchand", "Inès Robert")),
        # an object pronoun is not the subject of its own clause
        ("fr", "Julien Petit indique que Hugo Marchand l'a appelé vers 22 heures.",
         ("CONTACTED", "Hugo Marchand", "Hugo Marchand")),
    ],
)
def test_negated_or_reflexive_statements_give_no_relation(run, lang: str, text: str,  # type: ignore[no-untyped-def]
                                                          unexpected: tuple[str, str, str]) -> None:
    assert not _has(relations(run(text, lang)), unexpected)


def test_object_pronoun_is_the_other_person(run) -> None:  # type: ignore[no-untyped-def]
    found = relations(run("Julien Petit indique que Hugo Marchand l'a appelé vers 22 heures.", "fr"))
    assert _has(found, ("CONTACTED", "Julien Petit", "Hugo Marchand"))


@pytest.mark.parametrize(
    ("lang", "text", "names"),
    [
        ("en", "The Antwerp Public Prosecutor's Office and the National Crime Agency worked together.",
         {"Antwerp Public Prosecutor's Office", "National Crime Agency"}),
        ("en", "Prosecutor Anna Smit told the Central Narcotics Brigade of the Policía Nacional.",
         {"Central Narcotics Brigade"}),
        ("fr", "Le parquet de Dunkerque a saisi la police judiciaire de Nantes.",
         {"parquet de Dunkerque", "police judiciaire de Nantes"}),
        ("nl", "De federale politie en het parket van Antwerpen leidden het onderzoek.",
         {"federale politie", "parket van Antwerpen"}),
        ("nl", "Hij is lid van De Havenwachters, zegt de aanklager.", {"Havenwachters"}),
        ("fr", "Le réseau dit « les Trois Quais » importait la cocaïne.", {"Trois Quais"}),
    ],
)
def test_public_bodies_and_groups(run, lang: str, text: str, names: set[str]) -> None:  # type: ignore[no-untyped-def]
    assert names <= mentions(run(text, lang), "ORGANIZATION")


def test_titles_and_people_stay_outside_agency_names(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Prosecutor Anna Smit and Europol's executive director spoke.", "en")
    assert "Anna Smit" in mentions(ex, "PERSON")
    assert not any("Anna" in name or "director" in name for name in mentions(ex, "ORGANIZATION"))


@pytest.mark.parametrize(
    ("lang", "text", "names"),
    [
        ("en", "The fruit came from Paraguay and the Marshall Islands company shipped it to the UAE.",
         {"Paraguay", "Marshall Islands", "UAE"}),
        ("fr", "La cocaïne venait d'Amérique latine et transitait par les Pays-Bas.", {"Amérique latine", "Pays-Bas"}),
        ("nl", "De lading kwam uit Zuid-Amerika en ging naar Duitsland en Spanje.", {"Zuid-Amerika", "Duitsland", "Spanje"}),
    ],
)
def test_country_and_region_names(run, lang: str, text: str, names: set[str]) -> None:  # type: ignore[no-untyped-def]
    assert names <= mentions(run(text, lang), "LOCATION")


def test_an_initial_that_does_not_fit_keeps_a_surname_apart(run):
    # R. Kasteleyn is not Milan Kasteleyn: the call is not given to Milan
    ex = run("Stijn Dewolfs called Milan Kasteleyn on Monday. On Friday R. Kasteleyn called Dewolfs again.", lang="en")
    found = relations(ex)
    assert ("CONTACTED", "Milan Kasteleyn", "Stijn Dewolfs") not in found
    assert ("CONTACTED", "R. Kasteleyn", "Stijn Dewolfs") in found
    # an initial that fits still joins the full name
    same = run("Milan Kasteleyn was arrested. M. Kasteleyn called Stijn Dewolfs from the cell.", lang="en")
    assert ("CONTACTED", "Milan Kasteleyn", "Stijn Dewolfs") in relations(same)
