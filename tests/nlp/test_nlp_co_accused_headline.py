"""CO_ACCUSED across the sentences of a release whose headline or lead counts the defendants."""

from __future__ import annotations

from nlp_support import relations


def _pairs(ex) -> set[frozenset[str]]:  # type: ignore[no-untyped-def]
    return {frozenset(r[1:]) for r in relations(ex) if r[0] == "CO_ACCUSED"}


def _all(*names: str) -> set[frozenset[str]]:
    return {frozenset((a, b)) for x, a in enumerate(names) for b in names[x + 1:]}


RELEASE = ("{head}\n\nBRUNSWICK, Ga. - {lead}\n\nWarren Fitch, 41, of Kingsland, was sentenced to 120 months in prison. "
           "Leon Okafor, 35, of Brunswick, received 96 months. Simon Pratt, 29, of Darien, was sentenced to 60 months.\n\n"
           "U.S. District Judge Alma Reyes imposed the sentences.")


def test_headline_count_pairs_defendants_of_separate_sentences(run) -> None:  # type: ignore[no-untyped-def]
    ex = run(RELEASE.format(head="Three Longshoremen Sentenced in Cocaine Scheme",
                            lead="Federal prosecutors said the men removed cocaine from containers."), "en")
    assert _all("Warren Fitch", "Leon Okafor", "Simon Pratt") <= _pairs(ex)
    assert not any("Alma Reyes" in pair for pair in _pairs(ex))


def test_lead_count_pairs_them_too(run) -> None:  # type: ignore[no-untyped-def]
    ex = run(RELEASE.format(head="Port Cocaine Scheme",
                            lead="Three longshoremen were sentenced this week for removing cocaine from containers."), "en")
    assert _all("Warren Fitch", "Leon Okafor", "Simon Pratt") <= _pairs(ex)


def test_count_that_differs_pairs_nobody(run) -> None:  # type: ignore[no-untyped-def]
    ex = run(RELEASE.format(head="Two Longshoremen Sentenced in Cocaine Scheme",
                            lead="Federal prosecutors said the men removed cocaine from containers."), "en")
    assert not _pairs(ex) & _all("Warren Fitch", "Leon Okafor", "Simon Pratt")


def test_count_of_goods_is_no_count_of_people(run) -> None:  # type: ignore[no-untyped-def]
    ex = run(RELEASE.format(head="Three Containers of Cocaine Lead to Sentences",
                            lead="Federal prosecutors said the men removed cocaine from containers."), "en")
    assert not _pairs(ex) & _all("Warren Fitch", "Leon Okafor", "Simon Pratt")


def test_dutch_headline(run) -> None:  # type: ignore[no-untyped-def]
    text = ("Twee havenarbeiders veroordeeld voor uithalen cocaïne\n\nRuud Verbeek (52) kreeg zes jaar cel. "
            "Said Amrani (33) werd veroordeeld tot vier jaar.")
    assert frozenset({"Ruud Verbeek", "Said Amrani"}) in _pairs(run(text, "nl"))


def test_headline_counts_one_more_after_and_a(run) -> None:  # type: ignore[no-untyped-def]
    ex = run(RELEASE.format(head="Two Longshoremen and a Truck Driver Sentenced in Cocaine Scheme",
                            lead="Federal prosecutors said the men removed cocaine from containers."), "en")
    assert _all("Warren Fitch", "Leon Okafor", "Simon Pratt") <= _pairs(ex)


def test_both_were_charged_counts_the_two_named_before(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Warren Fitch was arrested at the port on Monday. Leon Okafor was detained at his home in Grays. Both were "
             "charged with importing cocaine.", "en")
    assert frozenset({"Warren Fitch", "Leon Okafor"}) in _pairs(ex)


def test_body_count_that_differs_from_the_people_charged(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Warren Fitch was arrested at the port on Monday. Leon Okafor was detained at his home. Simon Pratt was "
             "arrested later. All two were charged with importing cocaine.", "en")
    assert not _pairs(ex) & _all("Warren Fitch", "Leon Okafor", "Simon Pratt")


def test_counts_that_disagree_pair_nobody(run) -> None:  # type: ignore[no-untyped-def]
    ex = run(RELEASE.format(head="Two Longshoremen Sentenced in Cocaine Scheme",
                            lead="All three were sentenced on Friday."), "en")
    assert not _pairs(ex) & _all("Warren Fitch", "Leon Okafor", "Simon Pratt")
