"""Dutch clause frames (nlp.components.dutch_frames): each frame on three sentences of its own and a near miss."""

from __future__ import annotations

from functools import cache

from nlp_support import relations

from nlp.components.dutch_frames import frame_readings
from nlp.pipeline import build_pipeline


@cache
def _dutch():  # type: ignore[no-untyped-def]
    return build_pipeline("nl")


def frame_hits(text: str) -> set[tuple[str, str, str]]:
    """What the Dutch frames alone add: ``(type, source text, target text)``."""
    doc = _dutch()(text)
    return {(type_, text[a.target_start:a.target_end], text[b.target_start:b.target_end])
            for type_, a, b, *_ in frame_readings(doc)}


def _typed(run, text: str) -> set[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    return relations(run(text, lang="nl"))


def _accused(found: set[tuple[str, str, str]]) -> set[frozenset[str]]:
    return {frozenset(r[1:]) for r in found if r[0] == "CO_ACCUSED"}


def test_a_demand_distributed_over_tegen_items(run) -> None:  # type: ignore[no-untyped-def]
    found = _accused(_typed(run, "Het parket vorderde acht jaar tegen Kevin Vos, zes jaar tegen Ilias Bakkali en "
                                 "vijf jaar tegen Ruben Dierckx."))
    assert {frozenset(p) for p in (("Kevin Vos", "Ilias Bakkali"), ("Kevin Vos", "Ruben Dierckx"),
                                   ("Ilias Bakkali", "Ruben Dierckx"))} <= found
    found = _accused(_typed(run, "Gisteren eiste de officier van justitie tien jaar cel tegen Marco Visser en "
                                 "zeven jaar tegen Sandra Kok."))
    assert frozenset(("Marco Visser", "Sandra Kok")) in found
    found = _accused(_typed(run, "In hoger beroep vorderde de advocaat-generaal vier jaar tegen de 41-jarige "
                                 "Johan Verhoef, drie jaar tegen Bas Dekker en twee jaar tegen Tim Bos."))
    assert frozenset(("Bas Dekker", "Tim Bos")) in found


def test_an_acquittal_in_a_demand_list_is_left_out(run) -> None:  # type: ignore[no-untyped-def]
    found = _accused(_typed(run, "Het OM eiste zes jaar tegen Johan Verhoef, vier jaar tegen Marleen de Bruin "
                                 "en vrijspraak tegen Henk Mulder."))
    assert frozenset(("Johan Verhoef", "Marleen de Bruin")) in found
    assert not {p for p in found if "Henk Mulder" in p}
    lone = _accused(_typed(run, "Het OM eiste zes jaar tegen Johan Verhoef. Rechter Anna Smit doet op 3 mei uitspraak."))
    assert not lone


def test_lines_of_suspects_with_their_penalties(run) -> None:  # type: ignore[no-untyped-def]
    found = _accused(_typed(run, "De eisen op een rij:\n- Dennis Kramer: 8 jaar cel\n- Ricardo Smit: 7 jaar cel\n"
                                 "- Mourad El Amrani: 3 jaar cel\n"))
    assert frozenset(("Dennis Kramer", "Mourad El Amrani")) in found
    found = _accused(_typed(run, "Straffen:\n• Bram Peeters – 240 uur werkstraf\n• Ahmed Bakkali – 30 maanden\n"))
    assert frozenset(("Bram Peeters", "Ahmed Bakkali")) in found
    found = _accused(_typed(run, "Overzicht\n1. Thomas Janssens (39): zes jaar\n2. Luc Wouters (52): vier jaar\n"
                                 "3. Sofie Claes (28): vrijspraak\n"))
    assert frozenset(("Thomas Janssens", "Luc Wouters")) in found
    assert not {p for p in found if "Sofie Claes" in p}


def test_a_defendant_and_samen_met(run) -> None:  # type: ignore[no-untyped-def]
    judgment = ("Vonnis\n\nin de strafzaak tegen\n\nSander Wijnen,\ngeboren te Goes.\n\n"
                "Verdachte was in die periode als sjorder werkzaam bij Zeeuwse Stuwadoors B.V.\n"
                "De rechtbank stelt vast dat verdachte samen met zijn medeverdachte Bart Goossens heeft gehandeld. "
                "Het telefoonnummer +31 6 48127730 was in gebruik bij verdachte.")
    found = _typed(run, judgment)
    assert ("EMPLOYED_BY", "Sander Wijnen", "Zeeuwse Stuwadoors B.V.") in found
    assert frozenset(("Sander Wijnen", "Bart Goossens")) in _accused(found)
    assert ("HAS_PHONE", "Sander Wijnen", "+31648127730") in {(t, s, o.replace(" ", "")) for t, s, o in found}
    found = _accused(_typed(run, "Peter Smits werd op 3 maart samen met Jan Claes en Lars Maes aangehouden in Gent."))
    assert frozenset(("Peter Smits", "Lars Maes")) in found
    found = _accused(_typed(run, "Volgens de rechtbank heeft Ahmed Bakkali samen met Youssef Amrani de cocaïne "
                                 "uit de container gehaald en is dat medeplegen bewezen."))
    assert frozenset(("Ahmed Bakkali", "Youssef Amrani")) in found


def test_samen_met_near_misses() -> None:
    assert not frame_hits("Peter Smits werd samen met Jan Claes vrijgesproken van medeplegen.")
    assert not frame_hits("Rechercheur Eva Smits heeft samen met Tom Wouters de verdachte aangehouden.")
    assert not frame_hits("Verdachte Jan Claes werd niet samen met Peter Smits vervolgd.")
    assert not frame_hits("Advocaat Eva Smits ging samen met Tom Wouters naar de rechtbank.")
    # the charge is another clause's: "woonde samen met B, die werd aangehouden"
    assert not frame_hits("Johan Verhoef woonde samen met Bart Stam, die vorige week werd aangehouden.")
    assert not frames_accused("Johan Verhoef en Bart Stam waren getuige toen Tim Bos werd aangehouden.")
    # two defendants in two judgments: "verdachte" has no single antecedent
    two = ("in de strafzaak tegen Sander Wijnen\n\nin de strafzaak tegen Bart Goossens\n\n"
           "Verdachte was werkzaam bij Zeeuwse Stuwadoors B.V.")
    assert not frame_hits(two)


def test_a_list_charged_together() -> None:
    found = frames_accused("Bij huiszoekingen zijn donderdag drie mensen opgepakt. Het gaat om de havenarbeiders "
                           "Bart Claes (41) en Kristof Wuyts (35) en om Dirk Van den Broeck (58), zaakvoerder van "
                           "het expeditiebedrijf Scheldt Forwarding BVBA.")
    assert {frozenset(("Bart Claes", "Dirk Van den Broeck")), frozenset(("Kristof Wuyts", "Dirk Van den Broeck"))} <= found
    found = frames_accused("Ook Roy Verhage (30), die als sjorder bij Scaldia Fruit Terminal BV werkte, en Anil Ramdin "
                           "(41) uit Rotterdam zijn aangehouden.")
    assert frozenset(("Roy Verhage", "Anil Ramdin")) in found
    found = frames_accused("Johan Verhoef, Bart Stam en Tim Bos werden dinsdag in Antwerpen opgepakt.")
    assert frozenset(("Johan Verhoef", "Tim Bos")) in found
    assert not frames_accused("Johan Verhoef en Bart Stam zijn niet aangehouden.")
    assert not frames_accused("Bij huiszoekingen zijn drie mensen verhoord. Het gaat om Bart Claes en Kristof Wuyts.")
    assert not frames_accused("Rechter Anna Smit en griffier Bart Stam zijn aangewezen.")


def frames_accused(text: str) -> set[frozenset[str]]:
    return {frozenset(r[1:]) for r in frame_hits(text) if r[0] == "CO_ACCUSED"}


def test_plural_subjects_and_demands_after_tegen_de_role() -> None:
    assert frozenset(("Kevin Kok", "Tim Zwart")) in frames_accused(
        "Tegen de vermeende organisatoren Kevin Kok en Tim Zwart werd om tien jaar cel gevraagd.")
    assert frozenset(("Nabil Tahiri", "Jamal Tahiri")) in frames_accused(
        "Havenarbeiders Nabil Tahiri en Jamal Tahiri staan in Antwerpen terecht.")
    assert frozenset(("Ahmed Bakkali", "Youssef Bakkali")) in frames_accused(
        "De broers Ahmed Bakkali en Youssef Bakkali werden vrijdag opgepakt.")
    assert not frames_accused("Volgens de advocaten Eva Smits en Tom Wouters zijn de verdachten ten onrechte aangehouden.")
    assert not frames_accused("De rechercheurs Johan Verhoef en Bart Stam hebben de man aangehouden.")
    assert not frames_accused("Johan Verhoef en Bart Stam hebben de man aangehouden.")


def test_no_relation_for_a_firm_read_with_its_nationality(run) -> None:  # type: ignore[no-untyped-def]
    text = ("De Ostria Spirit meerde aan. Het schip, dat door het Griekse Kalamaki Bulk Carriers S.A. wordt "
            "geëxploiteerd, lag in de Waalhaven.")
    found = _typed(run, text)
    assert not {r for r in found if r[0] == "OPERATES" and r[1].startswith("Griekse")}


def test_penalties_given_clause_by_clause() -> None:
    assert frozenset(("Johan Verhoef", "Bart Stam")) in frames_accused(
        "De rechtbank legde Johan Verhoef zes jaar cel op en Bart Stam vier jaar.")
    found = frames_accused("Johan Verhoef kreeg zes jaar cel, Bart Stam vier jaar en Tim Bos werd vrijgesproken.")
    assert frozenset(("Johan Verhoef", "Bart Stam")) in found
    assert not {p for p in found if "Tim Bos" in p}
    assert frozenset(("Marco Visser", "Andre Kok")) in frames_accused(
        "Marco Visser krijgt zeven jaar en Andre Kok zes jaar.")
    assert not frames_accused("Johan Verhoef kreeg zes jaar cel. Rechter Bart Stam was streng.")


def test_charge_nouns_and_plural_detention() -> None:
    assert frozenset(("Johan Verhoef", "Bart Stam")) in frames_accused(
        "De rechter-commissaris verlengde de voorlopige hechtenis van Johan Verhoef en Bart Stam.")
    assert frozenset(("Sandra Kok", "Tim Bos")) in frames_accused(
        "De zaak tegen Sandra Kok en Tim Bos wordt in mei behandeld.")
    assert frozenset(("Johan Verhoef", "Bart Stam")) in frames_accused(
        "Johan Verhoef (41) en Bart Stam (35) zitten sinds dinsdag in voorarrest.")
    assert frozenset(("Ahmed Bakkali", "Youssef Amrani")) in frames_accused(
        "Ahmed Bakkali en Youssef Amrani moeten zich volgende maand verantwoorden voor de rechtbank.")
    assert not frames_accused("De advocaat van Johan Verhoef en Bart Stam vroeg uitstel.")
    assert not frames_accused("De getuigenis van Johan Verhoef en Bart Stam was belastend.")
    assert not frames_accused("De zaak tegen Johan Verhoef en Bart Stam werd geseponeerd.")


def test_unmarked_and_table_lines_of_suspects() -> None:
    found = frames_accused("Strafeisen\nDennis Kramer (41): 8 jaar cel\nRicardo Smit (28): 7 jaar cel\n")
    assert frozenset(("Dennis Kramer", "Ricardo Smit")) in found
    found = frames_accused("Overzicht:\n| Bart Stam | 41 | 6 jaar |\n| Tim Bos | 33 | 4 jaar |\n| Sandra Kok | 29 | vrijspraak |\n")
    assert frozenset(("Bart Stam", "Tim Bos")) in found
    assert not {p for p in found if "Sandra Kok" in p}
    # a transcript: speakers who mention years are no suspects of one case
    assert not frames_accused("Johan Verhoef: ik werk daar al 3 jaar en weet van niets.\nBart Stam: ik ook, al 5 jaar.\n")


def test_demands_voor_each_defendant() -> None:
    assert frozenset(("Johan Verhoef", "Bart Stam")) in frames_accused(
        "Het OM eiste zes jaar cel voor Johan Verhoef en vier jaar voor Bart Stam.")
    assert frozenset(("Sandra Kok", "Tim Bos")) in frames_accused(
        "De officier vorderde dertig maanden voor Sandra Kok en twee jaar voor Tim Bos.")
    assert frozenset(("Ahmed Bakkali", "Youssef Amrani")) in frames_accused(
        "Voor Ahmed Bakkali en Youssef Amrani eiste het parket vijf jaar cel.")
    assert not frames_accused("Het OM eiste vier jaar voor Tim Bos, die berichten stuurde voor Sandra Kok.")
    assert not frames_accused("De rechtbank legde vijf jaar op aan Tim Bos, die voor Sandra Kok werkte.")


def test_another_case_in_the_sentence() -> None:
    assert not frames_accused("Johan Verhoef kreeg zes jaar cel, net als Bart Stam vier jaar eerder.")
    assert not frames_accused("Het OM eiste zes jaar tegen Johan Verhoef; in een andere zaak eiste het vier jaar tegen "
                              "Bart Stam.")


def test_the_defendant_of_a_belgian_judgment_or_a_header_line() -> None:
    found = frame_hits("Vonnis\n\nBeklaagde: Kevin Janssens, geboren te Gent.\n\n"
                       "Beklaagde was sinds 2018 als dokwerker tewerkgesteld bij Noordkaai Stevedoring NV.")
    assert ("EMPLOYED_BY", "Kevin Janssens", "Noordkaai Stevedoring NV") in found
    found = frame_hits("Verdachte: Sander Wijnen\n\nDe verdachte was als planner werkzaam bij Delta Cargo BV in Gent.")
    assert ("EMPLOYED_BY", "Sander Wijnen", "Delta Cargo BV") in found
    # numbered defendants: "verdachte" alone names none of them
    assert not frame_hits("Verdachte 1: Sander Wijnen\nVerdachte 2: Bart Goossens\n\n"
                          "Verdachte was als planner werkzaam bij Delta Cargo BV.")


def test_numbered_defendants_of_an_indictment() -> None:
    text = ("Verdachte 1: Sander Wijnen, geboren te Goes\nVerdachte 2: Bart Goossens, geboren te Breda\n\n"
            "Verdachte 2 was als kraanmachinist werkzaam bij Zeeuwse Stuwadoors B.V. in Vlissingen.\n"
            "Aan verdachte 1 wordt ten laste gelegd dat hij samen met Tim Bos cocaïne heeft ingevoerd.")
    found = frame_hits(text)
    assert ("EMPLOYED_BY", "Bart Goossens", "Zeeuwse Stuwadoors B.V.") in found
    assert ("CO_ACCUSED", "Sander Wijnen", "Tim Bos") in found
    assert not {r for r in found if r[0] == "EMPLOYED_BY" and r[1] == "Sander Wijnen"}
    # one number, two names: no reading
    assert not frame_hits("Verdachte 1: Sander Wijnen\nVerdachte 1: Bart Goossens\n\n"
                          "Verdachte 1 was als planner werkzaam bij Delta Cargo BV in Gent.")


def test_a_list_line_whose_name_was_not_read_keeps_the_list() -> None:
    text = ("De eisen op een rij:\n- Dennis Kramer: 8 jaar cel\n- Ricardo Smit: 7 jaar cel\n"
            "- peter-jan de w.: 6 jaar cel\n- Mourad El Amrani: 3 jaar cel\n")
    assert frozenset(("Dennis Kramer", "Mourad El Amrani")) in frames_accused(text)
    # a line without a penalty ends the list
    text = ("Eisen:\n- Dennis Kramer: 8 jaar cel\n- Ricardo Smit: 7 jaar cel\n- verder geen eisen\n\n"
            "Getuigen:\n- Mourad El Amrani: 3 jaar bij het bedrijf\n")
    assert not {p for p in frames_accused(text) if "Mourad El Amrani" in p}


def test_lists_of_witnesses_or_staff_with_years() -> None:
    assert not frames_accused("Getuigen:\n- Bart Stam: 3 jaar\n- Tim Bos: 5 jaar\n")
    assert not frames_accused("Overzicht:\n- Bart Stam: 3 jaar in dienst\n- Tim Bos: 5 jaar in dienst\n")
