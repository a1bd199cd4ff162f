"""Cities and municipalities (GeoNames gazetteer) as LOCATION, with the ambiguity guards."""

from __future__ import annotations

from nlp_support import mentions


def test_small_towns_and_districts_en(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("The courier drove from Ekeren to Kapellen and slept in Spijkenisse.", lang="en")
    assert {"Ekeren", "Kapellen", "Spijkenisse"} <= mentions(ex, "LOCATION")
    assert not mentions(ex, "PERSON") & {"Ekeren", "Kapellen", "Spijkenisse"}


def test_hyphenated_town_nl_without_model(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("De verdachte reed van Sint-Niklaas naar Deurne en woont te Zwijndrecht.", lang="nl")
    assert {"Sint-Niklaas", "Deurne", "Zwijndrecht"} <= mentions(ex, "LOCATION")


def test_french_exonym(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Le prévenu a été interpellé à Gand puis transféré à Luik.", lang="fr")
    assert {"Gand", "Luik"} <= mentions(ex, "LOCATION")


def test_word_like_names_need_a_cue(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("The meeting took place in Best. It goes without saying that Best practice was ignored.", lang="en")
    locations = [m for m in ex.mentions if m.type == "LOCATION"]
    assert [m.text for m in locations] == ["Best"] and locations[0].start == ex.document.text.index("Best")
    ex = run("Hij woont te Goes. Goes is een stad in Zeeland.", lang="nl")
    assert [m.start for m in ex.mentions if m.text == "Goes" and m.type == "LOCATION"] == [13]


def test_place_name_as_first_name_is_not_a_place(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Mons Kallentoft met the broker. Later Milan Kasteleyn called. Milan: \"The boat is ready.\"", lang="en")
    assert "Mons" not in mentions(ex, "LOCATION") and "Milan" not in mentions(ex, "LOCATION")
    assert "Milan Kasteleyn" in mentions(ex, "PERSON")
    ex = run("De feiten werden gepleegd in Mons. Mons Verbeke ontkent alles.", lang="nl")
    assert [m.start for m in ex.mentions if m.text == "Mons" and m.type == "LOCATION"] == [29]


def test_surname_from_a_place_stays_in_the_person(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("De bestuurder is Jan van Buren; hij woont in Hoboken.", lang="nl")
    assert "Buren" not in mentions(ex, "LOCATION") and "Hoboken" in mentions(ex, "LOCATION")


def test_port_gazetteer_wins_and_firm_names_stay_whole(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("The MV Santa Brisa docked in the port of Antwerp. Kapellen Logistics BV rented a shed in Kapellen.",
             lang="en")
    assert "Antwerp" in mentions(ex, "PORT")
    assert "Kapellen Logistics BV" in mentions(ex, "COMPANY")
    assert [m.text for m in ex.mentions if m.type == "LOCATION"] == ["Kapellen"]


def test_court_named_by_its_seat_nl(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Het hoger beroep diende bij het gerechtshof Den Haag.", lang="nl")
    assert "gerechtshof Den Haag" in mentions(ex, "ORGANIZATION")


def test_firm_first_word_and_technical_acronyms(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Blauwhoeve Logistics BV was founded in Berchem. Blauwhoeve rented a unit. "
             "Police seized a prepaid SIM card.", lang="en")
    assert "Blauwhoeve" in mentions(ex, "COMPANY")
    assert "SIM" not in {m.text for m in ex.mentions}
    assert "Police" not in mentions(ex, "LOCATION")
