"""Readings that gave a fact to the wrong end: a job of "his wife" given to him, a ship read as a body the second time
it is named, a sentence's first word taken into a name after an initial, a firm listed with its director as co-accused
when only the director was convicted."""

from __future__ import annotations

from nlp_support import mentions, relations


def test_the_job_of_a_relative_is_not_the_possessors(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Henk van O. is bestuurder van Waalkade Transport B.V. Zijn vrouw werkte bij Waalkade Transport als "
             "boekhouder.", lang="nl")
    rels = relations(ex)
    assert ("DIRECTOR_OF", "Henk van O.", "Waalkade Transport B.V.") in rels
    assert not {r for r in rels if r[0] in ("EMPLOYED_BY", "WORKS_AT") and r[1] == "Henk van O."}
    ex = run("Tom Baker was arrested in Hull. His brother worked for Humber Freight Ltd.", lang="en")
    assert not {r for r in relations(ex) if r[0] == "EMPLOYED_BY"}
    ex = run("Tom Baker was arrested in Hull. He worked for Humber Freight Ltd.", lang="en")
    assert ("EMPLOYED_BY", "Tom Baker", "Humber Freight Ltd.") in relations(ex)


def test_a_ship_named_again_stays_a_ship(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("The feeder vessel Punta Salinas left San Juan on May 2. Felix Ortega, a deckhand of the Punta Salinas "
             "who later pleaded guilty, testified at trial.", lang="en")
    assert "Punta Salinas" in mentions(ex, "VESSEL")
    assert "Punta Salinas" not in mentions(ex, "ORGANIZATION")
    assert not {r for r in relations(ex) if r[0] == "EMPLOYED_BY"}


def test_a_stop_word_after_an_initial_opens_the_next_sentence(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("De berichten werden gewisseld met Karel de B. Ook e-mails vanaf het adres info@dokzicht.nl zitten in het "
             "dossier.", lang="nl")
    assert "Karel de B." in mentions(ex, "PERSON")
    assert not {m for m in mentions(ex, "PERSON") if "Ook" in m}


def test_a_firm_whose_director_was_convicted_is_not_co_accused(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("The pallets had been declared by Harbourgate Produce Ltd, a fruit importer whose director, Neil Sutton, "
             "52, was among those convicted.", lang="en")
    rels = relations(ex)
    assert ("DIRECTOR_OF", "Neil Sutton", "Harbourgate Produce Ltd") in rels
    assert not {r for r in rels if r[0] == "CO_ACCUSED"}
    ex = run("La marchandise était déclarée par Azur Primeurs SARL, une société de négoce dont le gérant, Lucien "
             "Barthe, a été condamné.", lang="fr")
    assert ("DIRECTOR_OF", "Lucien Barthe", "Azur Primeurs SARL") in relations(ex)


def test_a_singular_role_after_a_list_is_the_last_names(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("The three men were charged on Friday: Joris Maes, Pieter Baert and Karim Lahlou, a lorry driver for "
             "Polderweg Transport BV.", lang="en")
    jobs = {r for r in relations(ex) if r[0] == "EMPLOYED_BY"}
    assert jobs == {("EMPLOYED_BY", "Karim Lahlou", "Polderweg Transport BV")}
    ex = run("Joris Maes and Karim Lahlou, both lorry drivers for Polderweg Transport BV, were charged.", lang="en")
    assert {("EMPLOYED_BY", "Joris Maes", "Polderweg Transport BV"),
            ("EMPLOYED_BY", "Karim Lahlou", "Polderweg Transport BV")} <= relations(ex)


def test_whose_director_past_a_place(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("The consignee was Kaaidok Logistics BV, a forwarding firm based in Kallo whose director, Wout Verbeke, 48, "
             "was arrested.", lang="en")
    assert ("DIRECTOR_OF", "Wout Verbeke", "Kaaidok Logistics BV") in relations(ex)


def test_suspects_named_by_initials_with_an_age(run) -> None:  # type: ignore[no-untyped-def]
    text = ("Les personnes concernées sont :\n- K.D. (41 ans), gérant de Polder Fruit SRL ;\n- J.V. (29 ans), frère de "
            "K.D.\nSelon l'enquête, K.D. donnait ses instructions à J.V. par Sky ECC.")
    ex = run(text, lang="fr")
    assert {"K.D.", "J.V."} <= mentions(ex, "PERSON")
    assert not {m for m in mentions(ex) if m[1] in ("K.D.", "J.V.") and m[0] != "PERSON"}
    # initials without an age anywhere are left alone (an abbreviation, a firm's initials)
    ex = run("Le rapport cite la S.A. et le B.V. sans plus de détails.", lang="fr")
    assert not mentions(ex, "PERSON")


def test_the_name_inside_a_kin_aside_is_no_subject(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Yanis Amrani, the brother of Karim Amrani, a driver for Fos Haulage Ltd, was arrested.", lang="en")
    assert ("EMPLOYED_BY", "Karim Amrani", "Fos Haulage Ltd") not in relations(ex)
    ex = run("Karim Amrani, a driver for Fos Haulage Ltd, was arrested.", lang="en")
    assert ("EMPLOYED_BY", "Karim Amrani", "Fos Haulage Ltd") in relations(ex)
