"""Jobs told in a clause after the port ("where he worked"), on "the quays" of a port named before,
through "his employer, X", and by "the man" named again."""

from __future__ import annotations

from nlp_support import relations


def _jobs(found: set[tuple[str, str, str]]) -> set[tuple[str, str, str]]:
    return {r for r in found if r[0] in ("EMPLOYED_BY", "WORKS_AT")}


def test_a_job_in_a_where_clause_after_the_port(run) -> None:  # type: ignore[no-untyped-def]
    cases = (("Ellis Varney, 29, was detained at the Port of Hull, where he worked as a forklift driver.", "en",
              ("WORKS_AT", "Ellis Varney", "Hull")),
             ("Tessa Molenaar werd opgepakt in de haven van Vlissingen, waar zij als planner werkte.", "nl",
              ("WORKS_AT", "Tessa Molenaar", "Vlissingen")),
             ("Malik Ferhat a été interpellé sur le port de Sète, où il travaillait comme cariste.", "fr",
              ("WORKS_AT", "Malik Ferhat", "Sète")))
    for text, lang, relation in cases:
        assert relation in relations(run(text, lang=lang)), text
    visit = relations(run("Ellis Varney, 29, was detained at the Port of Hull, where officers searched his car.", lang="en"))
    assert not _jobs(visit)


def test_a_job_on_the_quays_of_the_port_named_before(run) -> None:  # type: ignore[no-untyped-def]
    cases = (("Officers arrested Ellis Varney at the Port of Hull. He worked as a lasher on the quays.", "en",
              ("WORKS_AT", "Ellis Varney", "Hull")),
             ("Nils Haas was detained at the Port of Tilbury on Monday. He had worked on the docks for years.", "en",
              ("WORKS_AT", "Nils Haas", "Tilbury")),
             ("Malik Ferhat a été interpellé au port de Sète. Il travaillait comme docker sur les quais.", "fr",
              ("WORKS_AT", "Malik Ferhat", "Sète")))
    for text, lang, relation in cases:
        assert relation in relations(run(text, lang=lang)), text
    walk = relations(run("Officers arrested Ellis Varney at the Port of Hull. He walked along the quays at night.",
                         lang="en"))
    assert not _jobs(walk)


def test_his_employer_and_the_man_stand_for_the_person_named_before(run) -> None:  # type: ignore[no-untyped-def]
    cases = (("Ellis Varney was arrested at the Port of Hull. His employer, Humber Lashing Ltd, said it was shocked.", "en",
              ("EMPLOYED_BY", "Ellis Varney", "Humber Lashing Ltd")),
             ("Tessa Molenaar werd dinsdag aangehouden. Haar werkgever, Sloe Stuwadoors BV, wilde niet reageren.", "nl",
              ("EMPLOYED_BY", "Tessa Molenaar", "Sloe Stuwadoors BV")),
             ("Sander Mol werd aangehouden in Antwerpen. De man was werkzaam bij Kaai Zeven NV.", "nl",
              ("EMPLOYED_BY", "Sander Mol", "Kaai Zeven NV")),
             ("Malik Ferhat a été interpellé mardi. L'homme travaillait pour la société Thau Manutention.", "fr",
              ("EMPLOYED_BY", "Malik Ferhat", "Thau Manutention")))
    for text, lang, relation in cases:
        assert relation in relations(run(text, lang=lang)), text
    other = relations(run("Ellis Varney was arrested on Monday. The man who sold him the van worked for Humber Lashing "
                          "Ltd, police said.", lang="en"))
    assert not _jobs(other)


def test_a_job_at_the_terminal_named_before(run) -> None:  # type: ignore[no-untyped-def]
    cases = (("Rory Fenwick and Dale Price were arrested at the Kingfisher Terminal. Both men worked at the terminal.",
              "en", {("WORKS_AT", "Rory Fenwick", "Kingfisher Terminal"), ("WORKS_AT", "Dale Price", "Kingfisher Terminal")}),
             ("De container werd gelost aan de Delta Terminal in Rotterdam. Jan de Wit werkte als planner op de terminal.",
              "nl", {("WORKS_AT", "Jan de Wit", "Delta Terminal")}),
             ("Officers searched the Kingfisher Terminal on Monday. Dale Price had worked as a checker at the terminal "
              "since 2016.", "en", {("WORKS_AT", "Dale Price", "Kingfisher Terminal")}))
    for text, lang, expected in cases:
        assert expected <= relations(run(text, lang=lang)), text
    # no terminal was named: the city's port is not "the terminal"
    found = relations(run("The container arrived in Baltimore. Dale Price worked as a checker at the terminal.", lang="en"))
    assert not _jobs(found)


def test_a_job_au_port_named_before(run) -> None:  # type: ignore[no-untyped-def]
    cases = ("Malik Ferhat a été interpellé sur le port de Sète mardi. Il travaillait au port depuis 2010.",
             "Malik Ferhat a été interpellé sur le port de Sète mardi. Il était grutier au port.",
             "Les enquêteurs ont arrêté Malik Ferhat au port de Sète. Ce docker travaillait au port depuis dix ans.")
    for text in cases:
        assert ("WORKS_AT", "Malik Ferhat", "Sète") in relations(run(text, lang="fr")), text
    visit = relations(run("Malik Ferhat a été interpellé sur le port de Sète mardi. Il s'est rendu au port le lendemain.",
                          lang="fr"))
    assert not _jobs(visit)
