"""Jobs "at the same terminal", French and Dutch ages between a name and its job, machine drivers (issue 16)."""

from __future__ import annotations

from nlp_support import relations


def test_a_job_at_the_same_terminal_is_at_the_terminal_named_before(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Kessler, a longshoreman at the Packer Avenue Marine Terminal, moved the containers. "
             "Maria Vidal worked as a checker at the same terminal.", lang="en")
    assert ("WORKS_AT", "Maria Vidal", "Packer Avenue Marine Terminal") in relations(ex)


def test_the_same_terminal_without_a_job_gives_nothing(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("The Santa Clara berthed at the Packer Avenue Marine Terminal. "
             "Maria Vidal was arrested at the same terminal two days later.", lang="en")
    assert not {r for r in relations(ex) if r[0] == "WORKS_AT" and r[1] == "Maria Vidal"}


def test_an_age_in_years_between_name_and_job_is_an_aside(run) -> None:  # type: ignore[no-untyped-def]
    found = relations(run("Sander K. (34 jaar), medewerker van Maasvlakte Stevedoring BV, werd veroordeeld.", lang="nl"))
    assert ("EMPLOYED_BY", "Sander K.", "Maasvlakte Stevedoring BV") in found


def test_a_straddle_carrier_driver_works_at_the_terminal(run) -> None:  # type: ignore[no-untyped-def]
    found = relations(run("A second man, Brent Holloway, 46, who drives a straddle carrier at the Brotherson Dock "
                          "terminal, kept watch.", lang="en"))
    assert ("WORKS_AT", "Brent Holloway", "Brotherson Dock") in found
