"""A person named again by a job at the head of a sentence, and two people named again together."""

from __future__ import annotations

from nlp_support import relations


def _jobs(found: set[tuple[str, str, str]]) -> set[tuple[str, str, str]]:
    return {r for r in found if r[0] in ("EMPLOYED_BY", "WORKS_AT", "DIRECTOR_OF", "MEMBER_OF", "OWNS")}


def test_a_job_phrase_stands_for_the_one_person_named_before(run) -> None:  # type: ignore[no-untyped-def]
    cases = (("Officers detained Rory Fenwick at his flat on Monday. The longshoreman had worked at the Port of Tilbury "
              "since 2015.", "en", ("WORKS_AT", "Rory Fenwick", "Tilbury")),
             ("Nadia Oakes was remanded in custody. The lorry driver worked for Kestrel Haulage Ltd in Grays.", "en",
              ("EMPLOYED_BY", "Nadia Oakes", "Kestrel Haulage Ltd")),
             ("Bram Veenstra werd vorige week opgepakt. De dokwerker was werkzaam bij Scheldekaai Stevedoring NV.", "nl",
              ("EMPLOYED_BY", "Bram Veenstra", "Scheldekaai Stevedoring NV")),
             ("Yannick Morvan a été placé en détention provisoire. Le grutier travaillait pour la société "
              "Atlantique Manutention.", "fr", ("EMPLOYED_BY", "Yannick Morvan", "Atlantique Manutention")))
    for text, lang, relation in cases:
        assert relation in relations(run(text, lang=lang)), text


def test_a_job_phrase_after_two_people_or_after_a_judge_names_nobody(run) -> None:  # type: ignore[no-untyped-def]
    two = relations(run("Rory Fenwick and Dale Price were detained. The longshoreman worked for Kestrel Haulage Ltd in Grays.",
                        lang="en"))
    assert not _jobs(two)
    judge = relations(run("Judge Miriam Kells adjourned the hearing. The docker worked at the Port of Tilbury.",
                          lang="en"))
    assert not _jobs(judge)
    inside = relations(run("Rory Fenwick was detained. Police said that the longshoreman worked for Kestrel Haulage Ltd in Grays.",
                           lang="en"))
    assert not _jobs(inside)


def test_both_men_stands_for_the_two_people_named_before(run) -> None:  # type: ignore[no-untyped-def]
    cases = (("Rory Fenwick and Dale Price were arrested in Essex. Both men worked at the Port of Tilbury.", "en",
              "Rory Fenwick", "Dale Price", "WORKS_AT", "Tilbury"),
             ("Nadia Oakes and Tom Iles appeared in court on Friday. The pair worked for Kestrel Haulage Ltd in Grays.", "en",
              "Nadia Oakes", "Tom Iles", "EMPLOYED_BY", "Kestrel Haulage Ltd"),
             ("Bram Veenstra en Joost Dijkman werden opgepakt. Beide mannen werkten bij Scheldekaai Stevedoring NV.", "nl",
              "Bram Veenstra", "Joost Dijkman", "EMPLOYED_BY", "Scheldekaai Stevedoring NV"),
             ("Yannick Morvan et Loïc Tanguy ont été interpellés. Les deux hommes travaillaient pour la société "
              "Atlantique Manutention.", "fr", "Yannick Morvan", "Loïc Tanguy", "EMPLOYED_BY", "Atlantique Manutention"))
    for text, lang, first, second, type_, place in cases:
        found = relations(run(text, lang=lang))
        assert {(type_, first, place), (type_, second, place)} <= found, text


def test_both_men_after_three_people_or_with_a_negation_names_nobody(run) -> None:  # type: ignore[no-untyped-def]
    three = relations(run("Rory Fenwick, Dale Price and Sam Hurst were arrested. Both men worked for Kestrel Haulage Ltd in Grays.",
                          lang="en"))
    assert not _jobs(three)
    negated = relations(run("Rory Fenwick and Dale Price were arrested. Both men were not employed by Kestrel Haulage Ltd in Grays.",
                            lang="en"))
    assert not _jobs(negated)
    # "They" may be the officers of the sentence before: no plural pronoun is read
    officers = relations(run("Officers from Essex Police arrested Rory Fenwick and Dale Price. They work for Essex Police "
                             "and led the raid.", lang="en"))
    assert not _jobs(officers)


def test_a_past_job_is_read_as_a_job(run) -> None:  # type: ignore[no-untyped-def]
    cases = (("Colm Reddan was previously employed by Liffey Freight Ltd before his arrest.", "en",
              ("EMPLOYED_BY", "Colm Reddan", "Liffey Freight Ltd")),
             ("Wouter Smits was voorheen werkzaam bij Kanaalzone Logistiek BV in Terneuzen.", "nl",
              ("EMPLOYED_BY", "Wouter Smits", "Kanaalzone Logistiek BV")),
             ("Gaël Ropars avait auparavant travaillé pour la société Iroise Transports à Brest.", "fr",
              ("EMPLOYED_BY", "Gaël Ropars", "Iroise Transports")))
    for text, lang, relation in cases:
        assert relation in relations(run(text, lang=lang)), text
    denied = relations(run("Colm Reddan was never employed by Liffey Freight Ltd, the court heard.", lang="en"))
    assert not _jobs(denied)


def test_a_job_phrase_after_someone_else_was_brought_in_names_nobody(run) -> None:  # type: ignore[no-untyped-def]
    cases = (("Rory Fenwick told officers he had met a stranger in Grays. The man worked for Kestrel Haulage Ltd in Grays.",
              "en"),
             ("Bram Veenstra verklaarde dat hij een onbekende man had gesproken. De man werkte bij Scheldekaai Stevedoring NV.",
              "nl"),
             ("Yannick Morvan a dit avoir rencontré un homme au port. L'homme travaillait pour la société Atlantique "
              "Manutention.", "fr"))
    for text, lang in cases:
        assert not _jobs(relations(run(text, lang=lang))), text
