"""Crew named by their rank work aboard the ship of the story (issue 16)."""

from __future__ import annotations

from nlp_support import relations


def test_ranks_before_and_after_names_tie_the_crew_to_the_one_ship(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Customs officers searched the bulk carrier Baltic Wren at Zeebrugge on Monday. "
             "The second engineer, Oleksiy Marchenko, was questioned and released. "
             "Two members of the crew, the ship's electrician, Rodel Dizon, and an ordinary seaman, "
             "Janis Ozols, were charged.", lang="en")
    found = relations(ex)
    for name in ("Oleksiy Marchenko", "Rodel Dizon"):
        assert ("WORKS_AT", name, "Baltic Wren") in found


def test_a_bare_rank_in_a_list_of_defendants_does_not_guess_the_ship(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("The bulk carrier Baltic Wren was searched at Zeebrugge.\n"
             "Defendants - Oleksiy Marchenko, second officer, charged on 3 May with importation.", lang="en")
    assert ("WORKS_AT", "Oleksiy Marchenko", "Baltic Wren") not in relations(ex)


def test_with_two_ships_in_the_story_a_rank_alone_names_none(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Customs searched the bulk carrier Baltic Wren and the trawler Morning Star off the coast. "
             "The second engineer, Oleksiy Marchenko, was questioned and released.", lang="en")
    assert not {r for r in relations(ex) if r[0] == "WORKS_AT"}


def test_dutch_ranks_with_als_distribute_to_the_ship_of_the_sentence(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Pavlo D. was als tweede stuurman en Ruben T. als matroos aangemonsterd op de bulkcarrier Noorderlicht. "
             "Marco van der L. was lasser bij een werf in Schiedam.", lang="nl")
    found = relations(ex)
    assert ("WORKS_AT", "Pavlo D.", "Noorderlicht") in found
    assert ("WORKS_AT", "Ruben T.", "Noorderlicht") in found
    assert not {r for r in found if r[1] == "Marco van der L." and r[0] == "WORKS_AT"}


def test_the_master_of_the_ship_named_by_a_noun_and_no_crew_aboard_a_person(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("De bulkcarrier Noorderlicht werd in Vlissingen doorzocht. De Koninklijke Marechaussee heeft de "
             "kapitein van het schip, Pavlo D., en de eerste stuurman, Arturs K., aangehouden.", lang="nl")
    found = relations(ex)
    assert not {r for r in found if r[0] == "WORKS_AT" and r[2] in ("Pavlo D.", "Arturs K.")}


def test_crew_who_served_aboard_a_ship_after_a_list_with_ages(run) -> None:  # type: ignore[no-untyped-def]
    found = relations(run("Ivan Petrov, 37, and Oleg Sidorov, 49, who served aboard the M/V Coral Meridian, entered "
                          "their pleas.", lang="en"))
    assert ("WORKS_AT", "Ivan Petrov", "Coral Meridian") in found
    assert ("WORKS_AT", "Oleg Sidorov", "Coral Meridian") in found
    found = relations(run("Ivan Petrov, 37, and Oleg Sidorov, 49, who never served aboard the M/V Coral Meridian, "
                          "entered their pleas.", lang="en"))
    assert not {r for r in found if r[0] == "WORKS_AT"}


def test_the_crew_of_a_ship_named_before_the_list(run) -> None:  # type: ignore[no-untyped-def]
    for text, lang, names in (
            ("De bemanning van de Coral Meridian, Ivan P. en Oleg S., werd aangehouden.", "nl", ("Ivan P.", "Oleg S.")),
            ("The crew of the Coral Meridian, Ivan Petrov and Oleg Sidorov, were arrested.", "en",
             ("Ivan Petrov", "Oleg Sidorov"))):
        found = relations(run(text, lang=lang))
        for name in names:
            assert ("WORKS_AT", name, "Coral Meridian") in found


def test_a_guest_aboard_is_no_crew(run) -> None:  # type: ignore[no-untyped-def]
    found = relations(run("Ivan Petrov, who sailed as a guest aboard the MV Coral Meridian, was arrested.", lang="en"))
    assert not {r for r in found if r[0] == "WORKS_AT"}
