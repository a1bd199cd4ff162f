"""Holders of phones, e-mail addresses and accounts named by a noun before them, in lists of contact
details and in "Contact:" record lines."""

from __future__ import annotations

from nlp_support import relations


def held(ex) -> set[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    return {r for r in relations(ex) if r[0] in ("HAS_PHONE", "HAS_EMAIL", "HAS_ACCOUNT")}


def test_the_noun_of_the_identifier_before_its_holder(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Payments left from the account of Kwelderhoek Fruit Import BV, NL41 INGB 0007 3918 46.", lang="en")
    assert held(ex) == {("HAS_ACCOUNT", "Kwelderhoek Fruit Import BV", "NL41INGB0007391846")}
    ex = run("The phone number of Dean Farrow, +44 7911 123456, was found in the car.", lang="en")
    assert held(ex) == {("HAS_PHONE", "Dean Farrow", "+447911123456")}


def test_a_list_of_contact_details_after_a_colon(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Il remet les coordonnées de Meridia Reefer Lines Ltd : téléphone satellite +870 773 912 445, "
             "adresse ops@meridia-reefer.com.cy.", lang="fr")
    assert held(ex) == {("HAS_PHONE", "Meridia Reefer Lines Ltd", "+870773912445"),
                        ("HAS_EMAIL", "Meridia Reefer Lines Ltd", "ops@meridia-reefer.com.cy")}


def test_a_number_of_someone_else_is_not_the_holders(run) -> None:  # type: ignore[no-untyped-def]
    # the noun must name the identifier's kind: an account noun does not give a phone
    ex = run("The account of Dean Farrow, +44 7911 123456, was closed.", lang="en")
    assert held(ex) == set()
    ex = run("It was not the phone of Dean Farrow, +44 7911 123456, that rang.", lang="en")
    assert held(ex) == set()


def test_contact_record_line(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Name: Polderzicht Logistics\nContact: +32 9 234 56 78 — admin@polderzicht-logistics.be\n", lang="en")
    assert held(ex) == {("HAS_PHONE", "Polderzicht Logistics", "+3292345678"),
                        ("HAS_EMAIL", "Polderzicht Logistics", "admin@polderzicht-logistics.be")}


def test_used_by_in_the_passive(run) -> None:  # type: ignore[no-untyped-def]
    intro = "Dean Farrow and Tom Byrne were charged. "
    ex = run(intro + "The number +44 7911 123456 was used by Farrow to arrange the pickup.", lang="en")
    assert held(ex) == {("HAS_PHONE", "Dean Farrow", "+447911123456")}
    ex = run(intro + "The address d.farrow77@protonmail.com, which was created by Farrow, received the codes.", lang="en")
    assert held(ex) == {("HAS_EMAIL", "Dean Farrow", "d.farrow77@protonmail.com")}
    ex = run(intro + "The number +44 7911 123456 was not used by Farrow.", lang="en")
    assert held(ex) == set()


def test_accounts_held_and_possessed(run) -> None:  # type: ignore[no-untyped-def]
    intro = "Dean Farrow and Tom Byrne were charged. "
    ex = run(intro + "Farrow's bank account (GB29 NWBK 6016 1331 9268 19) received the money.", lang="en")
    assert held(ex) == {("HAS_ACCOUNT", "Dean Farrow", "GB29NWBK60161331926819")}
    ex = run(intro + "Farrow held an account at a Dublin bank, GB29 NWBK 6016 1331 9268 19, for the payments.", lang="en")
    assert held(ex) == {("HAS_ACCOUNT", "Dean Farrow", "GB29NWBK60161331926819")}
    ex = run(intro + "Farrow paid Byrne from the account GB29 NWBK 6016 1331 9268 19.", lang="en")
    assert ("HAS_ACCOUNT", "Tom Byrne", "GB29NWBK60161331926819") not in held(ex)
