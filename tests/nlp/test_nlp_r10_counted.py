"""A body counted after its members were named one by one: "Les six personnes ont été mises en examen", "All three
were charged". The count must be exactly the people named as suspects before it."""

from __future__ import annotations

from nlp_support import relations


def co_accused(ex) -> set[frozenset[str]]:  # type: ignore[no-untyped-def]
    return {frozenset((s, t)) for ty, s, t in relations(ex) if ty == "CO_ACCUSED"}


def test_a_counted_body_pairs_the_people_named_before(run) -> None:  # type: ignore[no-untyped-def]
    text = ("Les douaniers ont découvert la cocaïne dans un conteneur de mangues. Le docker Cédric Lanoë l'avait sorti "
            "du terminal. Un chauffeur, Yanis Berrada, devait le conduire à Nantes. Le financement passait par Gaëlle "
            "Morvan. Les trois personnes ont été mises en examen vendredi.")
    pairs = co_accused(run(text, lang="fr"))
    assert pairs == {frozenset(p) for p in (("Cédric Lanoë", "Yanis Berrada"), ("Cédric Lanoë", "Gaëlle Morvan"),
                                             ("Yanis Berrada", "Gaëlle Morvan"))}


def test_an_officer_and_a_cleared_man_are_not_counted(run) -> None:  # type: ignore[no-untyped-def]
    text = ("Detective Sergeant Laura Finch led the search at Tilbury. A crane driver, Owen Price, had moved the box. "
            "His friend Jack Doyle collected it. Martin Hale, a neighbour, was released without charge. "
            "The two men were charged on Monday.")
    assert co_accused(run(text, lang="en")) == {frozenset(("Owen Price", "Jack Doyle"))}


def test_a_count_that_does_not_match_pairs_no_one(run) -> None:  # type: ignore[no-untyped-def]
    text = ("A crane driver, Owen Price, had moved the box. His friend Jack Doyle collected it. Sam Reid drove the van. "
            "The two men were charged on Monday.")
    assert not co_accused(run(text, lang="en"))


def test_a_date_before_the_first_subject_of_a_gapped_sentence(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Owen Price and Jack Doyle met at the dock. On 3 June 2024 Price was sentenced to nine years and Doyle to six "
             "years.", lang="en")
    assert frozenset(("Owen Price", "Jack Doyle")) in co_accused(ex)


def test_dutch_staan_terecht_around_a_list(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Sinds maandag staan Ruud Kamp (41) en Sven Mol (35) terecht in Middelburg.", lang="nl")
    assert frozenset(("Ruud Kamp", "Sven Mol")) in co_accused(ex)
    ex = run("Volgens Ruud Kamp en Sven Mol staat de rechter terecht stil bij de feiten.", lang="nl")
    assert not co_accused(ex)


def test_a_counting_sentence_with_its_own_list_and_a_relative_named_before(run) -> None:  # type: ignore[no-untyped-def]
    text = ("A straddle driver, Dirk Mertens, moved the box. He used the phone of his brother Tom Mertens. Ivo Smets "
            "paid him. The three men were charged on Monday: Ivo Smets, Dirk Mertens and Rik Aerts.")
    pairs = co_accused(run(text, lang="en"))
    assert not {p for p in pairs if "Tom Mertens" in p}
    assert frozenset(("Ivo Smets", "Rik Aerts")) in pairs
