"""Calls and messages: exchanged messages, contact kept, messages sent, and two parties that contacted
each other as the subject of one verb. CONTACTED is symmetric; a third party after "with" is not
contacted by the other subject, and a negation blocks the frame."""

from __future__ import annotations

from nlp_support import relations

INTRO = "Sean Walsh, Tom Byrne and Mark Hale were charged. "


def contacts(ex) -> set[frozenset[str]]:  # type: ignore[no-untyped-def]
    return {frozenset((s, t)) for type_, s, t in relations(ex) if type_ == "CONTACTED"}


def test_messages_exchanged_and_sent(run) -> None:  # type: ignore[no-untyped-def]
    ex = run(INTRO + "Walsh exchanged more than 200 encrypted messages with Byrne in May.", lang="en")
    assert contacts(ex) == {frozenset(("Sean Walsh", "Tom Byrne"))}
    ex = run(INTRO + "Hale sent a series of encrypted messages to Byrne about the container.", lang="en")
    assert contacts(ex) == {frozenset(("Mark Hale", "Tom Byrne"))}
    ex = run(INTRO + "Hale received several calls from Walsh that night.", lang="en")
    assert contacts(ex) == {frozenset(("Mark Hale", "Sean Walsh"))}


def test_two_subjects_of_a_reciprocal_verb(run) -> None:  # type: ignore[no-untyped-def]
    ex = run(INTRO + "Walsh and Byrne spoke by telephone almost daily.", lang="en")
    assert contacts(ex) == {frozenset(("Sean Walsh", "Tom Byrne"))}
    ex = run(INTRO + "Police said Walsh and Byrne were in contact throughout the week.", lang="en")
    assert contacts(ex) == {frozenset(("Sean Walsh", "Tom Byrne"))}


def test_a_third_party_after_with_and_a_negation(run) -> None:  # type: ignore[no-untyped-def]
    ex = run(INTRO + "Walsh and Byrne were in contact with Hale for months.", lang="en")
    assert frozenset(("Sean Walsh", "Tom Byrne")) not in contacts(ex)
    assert frozenset(("Sean Walsh", "Mark Hale")) in contacts(ex)
    ex = run(INTRO + "Walsh and Byrne were never in contact, the court found.", lang="en")
    assert contacts(ex) == set()


def test_french_and_dutch(run) -> None:  # type: ignore[no-untyped-def]
    fr = run("Yanis Haddad est membre de la bande. Il a échangé plus de deux cents messages chiffrés avec "
             "Kévin Lemaire entre mars et août.", lang="fr")
    assert contacts(fr) == {frozenset(("Yanis Haddad", "Kévin Lemaire"))}
    nl = run("Dennis K. en Youssef A. hadden volgens het OM meerdere keren contact met elkaar.", lang="nl")
    assert contacts(nl) == {frozenset(("Dennis K.", "Youssef A."))}
    nl = run("Klopt het dat Hassan K. contact had met Ricardo Tjon?", lang="nl")
    assert contacts(nl) == {frozenset(("Hassan K.", "Ricardo Tjon"))}


def test_passing_on_by_message(run) -> None:  # type: ignore[no-untyped-def]
    fr = run("L'analyse des messages a montré que Reda El K. transmettait à Mehdi B. les numéros des conteneurs.",
             lang="fr")
    assert contacts(fr) == {frozenset(("Reda El K.", "Mehdi B."))}
    nl = run("Nabil A. (36) gaf via versleutelde berichten aan Kenan D. door welke containers hij moest halen.",
             lang="nl")
    assert contacts(nl) == {frozenset(("Nabil A.", "Kenan D."))}


def test_messages_from_one_to_the_other(run) -> None:  # type: ignore[no-untyped-def]
    ex = run(INTRO + "Investigators recovered messages from Walsh to Byrne about the container.", lang="en")
    assert contacts(ex) == {frozenset(("Sean Walsh", "Tom Byrne"))}
    ex = run(INTRO + "Walsh used EncroChat to communicate with Byrne.", lang="en")
    assert frozenset(("Sean Walsh", "Tom Byrne")) in contacts(ex)
    ex = run(INTRO + "Walsh's messages to Byrne were read in court.", lang="en")
    assert contacts(ex) == {frozenset(("Sean Walsh", "Tom Byrne"))}
    # a letter of the court is no contact between the two
    ex = run(INTRO + "The judge read a report from Walsh's probation officer to the court.", lang="en")
    assert contacts(ex) == set()


def test_a_number_used_to_call_and_dutch_inversion(run) -> None:  # type: ignore[no-untyped-def]
    ex = run(INTRO + "Hale used the number +44 7911 123456 to call Walsh when the bags were ready.", lang="en")
    assert frozenset(("Mark Hale", "Sean Walsh")) in contacts(ex)
    nl = run("Volgens het OM stuurde Ricardo V. vanaf het nummer 06-41829375 berichten naar Youssef el H. over de "
             "container.", lang="nl")
    assert contacts(nl) == {frozenset(("Ricardo V.", "Youssef el H."))}
    nl = run("Volgens het OM stuurde Ricardo V. geen berichten naar Youssef el H.", lang="nl")
    assert contacts(nl) == set()


def test_two_subjects_in_contact_with_someone_else(run) -> None:  # type: ignore[no-untyped-def]
    ex = run(INTRO + "Walsh and Byrne were in close contact with police throughout the week.", lang="en")
    assert contacts(ex) == set()
    ex = run(INTRO + "Walsh and Byrne phoned on 3 May.", lang="en")
    assert contacts(ex) == set()
