"""Who holds a number or an address, and who called whom: the holder is the person the sentence gives it to,
not a relative or employer named inside a noun phrase, not the party called, not every name of a list."""

from __future__ import annotations

import pytest
from nlp_support import relations


def holders(ex) -> set[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return {(s, t) for ty, s, t in relations(ex) if ty in ("HAS_PHONE", "HAS_EMAIL", "HAS_ACCOUNT")}


def contacts(ex) -> set[frozenset[str]]:  # type: ignore[no-untyped-def]
    return {frozenset((s, t)) for ty, s, t in relations(ex) if ty == "CONTACTED"}


@pytest.mark.parametrize(("text", "lang", "subject"), [
    ("Lotte Verbeke, the sister of Joris Maes, used +32 478 61 20 33 for the calls.", "en", "Lotte Verbeke"),
    ("Lotte Verbeke, the lawyer of Joris Maes, used +32 478 61 20 33.", "en", "Lotte Verbeke"),
    ("The cousin of Joris Maes used +32 478 61 20 33 to reach the crane driver.", "en", None),
    ("Lotte Verbeke, la sœur de Joris Maes, utilisait le +32 478 61 20 33.", "fr", "Lotte Verbeke"),
    ("Lotte Verbeke, de zus van Joris Maes, gebruikte het nummer +32 478 61 20 33.", "nl", "Lotte Verbeke"),
])
def test_a_name_inside_a_kin_or_role_phrase_holds_nothing(run, text, lang, subject) -> None:  # type: ignore[no-untyped-def]
    found = holders(run(text, lang=lang))
    assert not {pair for pair in found if pair[0] == "Joris Maes"}, text
    if subject:
        assert (subject, "+32478612033") in found, text


@pytest.mark.parametrize(("text", "lang"), [
    ("Lotte Verbeke e-mailed Joris Maes from l.verbeke@havenpost.be.", "en"),
    ("Lotte Verbeke met Joris Maes, using +32 478 61 20 33.", "en"),
    ("Lotte Verbeke a rencontré Joris Maes, utilisant le +32 478 61 20 33.", "fr"),
])
def test_the_party_called_does_not_hold_the_callers_identifier(run, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert not {pair for pair in holders(run(text, lang=lang)) if pair[0] == "Joris Maes"}, text


def test_a_number_after_a_list_of_names_is_the_last_ones(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Officers identified Lotte Verbeke, Joris Maes and Ward Lenaerts (+32 478 61 20 33).", lang="en")
    assert holders(ex) == {("Ward Lenaerts", "+32478612033")}
    ex = run("Officers identified Lotte Verbeke, Joris Maes, Ward Lenaerts, tel. +32 478 61 20 33.", lang="en")
    assert not {pair for pair in holders(ex) if pair[0] != "Ward Lenaerts"}


def test_near_misses_keep_their_holders(run) -> None:  # type: ignore[no-untyped-def]
    # the subject's own number, a relative clause on the person met, a firm's number in brackets after a job
    ex = run("Lotte Verbeke e-mailed Joris Maes at j.maes@havenpost.be.", lang="en")
    assert ("Joris Maes", "j.maes@havenpost.be") in holders(ex)
    ex = run("Lotte Verbeke met Joris Maes, who used +32 478 61 20 33.", lang="en")
    assert ("Joris Maes", "+32478612033") in holders(ex)
    ex = run("Lotte Verbeke, a planner at Scheldeband BV (tel. +31 10 455 22 10), was arrested.", lang="en")
    assert holders(ex) == {("Scheldeband BV", "+31104552210")}
    ex = run("Suspects: Lotte Verbeke (+32 478 61 20 33), Joris Maes (+32 471 99 88 77).", lang="en")
    assert holders(ex) == {("Lotte Verbeke", "+32478612033"), ("Joris Maes", "+32471998877")}


@pytest.mark.parametrize(("text", "lang"), [
    ("Bram Wouters gave Sien Claeys instructions about the reefer.", "en"),
    ("Bram Wouters had regular contact with Sien Claeys.", "en"),
    ("Bram Wouters is alleged to have phoned Sien Claeys twice.", "en"),
    ("Bram Wouters reached Sien Claeys by phone.", "en"),
    ("Bram Wouters answered a call from Sien Claeys.", "en"),
    ("Bram Wouters used Signal to contact Sien Claeys.", "en"),
    ("Bram Wouters exchanged Sky ECC messages with Sien Claeys.", "en"),
    ("Bram Wouters donnait ses consignes à Sien Claeys par téléphone.", "fr"),
    ("Bram Wouters avait des contacts fréquents avec Sien Claeys.", "fr"),
    ("Bram Wouters s'est entretenu au téléphone avec Sien Claeys.", "fr"),
    ("Bram Wouters avait alerté Sien Claeys la veille du contrôle.", "fr"),
    ("Bram Wouters a passé trois appels à Sien Claeys.", "fr"),
    ("Bram Wouters correspondait avec Sien Claeys via une messagerie cryptée.", "fr"),
    ("Bram Wouters a envoyé à Sien Claeys les codes de sortie.", "fr"),
    ("Bram Wouters a utilisé Telegram pour contacter Sien Claeys.", "fr"),
    ("Bram Wouters gaf Piet Kools aanwijzingen over de container.", "nl"),
    ("Bram Wouters wisselde WhatsApp-berichten uit met Piet Kools.", "nl"),
    ("Bram Wouters waarschuwde Piet Kools voor de controle.", "nl"),
    ("Bram Wouters zou Piet Kools hebben gebeld.", "nl"),
    ("Bram Wouters gebruikte Sky ECC om Piet Kools berichten te sturen.", "nl"),
    ("Bram Wouters heeft de pincodes aan Piet Kools doorgegeven.", "nl"),
])
def test_contact_frames(run, text, lang) -> None:  # type: ignore[no-untyped-def]
    other = "Piet Kools" if "Piet Kools" in text else "Sien Claeys"
    assert frozenset(("Bram Wouters", other)) in contacts(run(text, lang=lang)), text


@pytest.mark.parametrize(("text", "lang"), [
    ("Bram Wouters gave Sien Claeys 5,000 euros in cash.", "en"),
    ("Bram Wouters gave Sien Claeys a lift to the terminal.", "en"),
    ("Bram Wouters had no contact with Sien Claeys.", "en"),
    ("Bram Wouters is said to have known Sien Claeys since school.", "en"),
    ("Bram Wouters reached Sien Claeys's house by car.", "en"),
    ("Bram Wouters a donné 5 000 euros à Sien Claeys.", "fr"),
    ("Bram Wouters n'a jamais été en contact avec Sien Claeys.", "fr"),
    ("Bram Wouters a envoyé à Piet Kools 3 000 euros en espèces.", "fr"),
    ("Bram Wouters gaf Piet Kools 5000 euro.", "nl"),
    ("Bram Wouters zou Piet Kools hebben betaald.", "nl"),
    ("Bram Wouters heeft het geld aan Piet Kools doorgegeven.", "nl"),
    ("Bram Wouters gebruikte de auto van Piet Kools om de container op te halen.", "nl"),
])
def test_near_miss_contact_frames(run, text, lang) -> None:  # type: ignore[no-untyped-def]
    other = "Piet Kools" if "Piet Kools" in text else "Sien Claeys"
    ex = run(text, lang=lang)
    assert other in {e.name for e in ex.entities}, text  # the pair is read, the frame is not a contact
    assert frozenset(("Bram Wouters", other)) not in contacts(ex), text


@pytest.mark.parametrize(("text", "lang"), [
    # a plural subject in the next sentence
    ("Bram Wouters and Piet Kools were arrested on Monday. The two men had spoken by phone the day before.", "en"),
    ("Bram Wouters and Piet Kools were arrested on Monday. They had exchanged messages for weeks.", "en"),
    ("Bram Wouters et Piet Kools ont été interpellés lundi. Les deux hommes s'étaient téléphoné la veille.", "fr"),
    ("Bram Wouters en Piet Kools werden maandag opgepakt. Beide mannen stonden met elkaar in contact.", "nl"),
    # a relative clause, an accusation
    ("Bram Wouters, who had called Piet Kools twice, was arrested.", "en"),
    ("Bram Wouters is accused of calling Piet Kools to warn him.", "en"),
    ("Bram Wouters est soupçonné d'avoir appelé Piet Kools.", "fr"),
    ("Bram Wouters wordt ervan verdacht Piet Kools te hebben gebeld.", "nl"),
    # the other party named with a kin or role noun, or a pair typed otherwise
    ("Bram Wouters and his cousin Piet Kools spoke by phone almost daily.", "en"),
    ("Co-defendants Bram Wouters and Piet Kools exchanged messages about the container.", "en"),
    ("Bram Wouters texted his associate Piet Kools the container number.", "en"),
    ("Bram Wouters phoned his contact Piet Kools at the terminal.", "en"),
    ("Bram Wouters et son cousin Piet Kools se téléphonaient tous les jours.", "fr"),
    ("Bram Wouters a appelé son complice Piet Kools deux fois.", "fr"),
    ("Bram Wouters belde zijn neef Piet Kools op de dag van de inbeslagname.", "nl"),
    ("Bram Wouters en zijn neef Piet Kools hadden dagelijks contact.", "nl"),
    # the phone as the source, call data
    ("Bram Wouters was arrested. Messages found on Wouters's phone showed he texted Piet Kools that night.", "en"),
    ("Call data put Bram Wouters in touch with Piet Kools.", "en"),
])
def test_contact_subjects_and_references(run, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert frozenset(("Bram Wouters", "Piet Kools")) in contacts(run(text, lang=lang)), text


@pytest.mark.parametrize(("text", "lang"), [
    ("Bram Wouters and Piet Kools were arrested on Monday. They were in contact with a broker in Rotterdam.", "en"),
    ("Bram Wouters and Piet Kools were arrested on Monday. They were questioned by detectives.", "en"),
    ("Bram Wouters and Piet Kools were arrested on Monday. They had never spoken by phone.", "en"),
    ("Bram Wouters is accused of helping Piet Kools.", "en"),
    ("Bram Wouters est soupçonné d'avoir aidé Piet Kools.", "fr"),
    ("Bram Wouters wordt ervan verdacht Piet Kools te hebben betaald.", "nl"),
    ("Bram Wouters drove his cousin Piet Kools to the terminal.", "en"),
    ("Bram Wouters stuurde zijn neef Piet Kools naar de terminal.", "nl"),
])
def test_near_miss_contact_subjects(run, text, lang) -> None:  # type: ignore[no-untyped-def]
    ex = run(text, lang=lang)
    assert "Piet Kools" in {e.name for e in ex.entities}, text
    assert frozenset(("Bram Wouters", "Piet Kools")) not in contacts(ex), text


@pytest.mark.parametrize(("text", "lang", "ident"), [
    ("Agents seized a phone with the number +32 478 61 20 33, which Bram Wouters concedes is his.", "en", "+32478612033"),
    ("The line +32 478 61 20 33, which investigators attributed to Bram Wouters, was tapped.", "en", "+32478612033"),
    ("A Belgian number (+32 478 61 20 33) attributed to Bram Wouters called the terminal.", "en", "+32478612033"),
    ("Bram Wouters's mobile phone, number +32 478 61 20 33, was seized.", "en", "+32478612033"),
    ("Bram Wouters was reachable at +32 478 61 20 33.", "en", "+32478612033"),
    ("Bram Wouters used a prepaid SIM card with the number +32 478 61 20 33.", "en", "+32478612033"),
    ("Bram Wouters was the subscriber of +32 478 61 20 33.", "en", "+32478612033"),
    ("Bram Wouters admitted that +32 478 61 20 33 was his number.", "en", "+32478612033"),
    ("Bram Wouters had given +32 478 61 20 33 as his contact number.", "en", "+32478612033"),
    ("Le numéro +32 478 61 20 33 appartenait à Bram Wouters.", "fr", "+32478612033"),
    ("Bram Wouters a reconnu que le +32 478 61 20 33 était son numéro.", "fr", "+32478612033"),
    ("Bram Wouters maakte gebruik van het e-mailadres bw1984@protonmail.com.", "nl", "bw1984@protonmail.com"),
])
def test_holder_frames(run, text, lang, ident) -> None:  # type: ignore[no-untyped-def]
    assert ("Bram Wouters", ident) in holders(run(text, lang=lang)), text


@pytest.mark.parametrize(("text", "lang"), [
    ("Bram Wouters denied that +32 478 61 20 33 was his number.", "en"),
    ("Bram Wouters told police that +32 478 61 20 33 was his brother's number.", "en"),
    ("Bram Wouters was the brother of the subscriber of +32 478 61 20 33.", "en"),
    ("Bram Wouters a nié que le +32 478 61 20 33 était son numéro.", "fr"),
])
def test_near_miss_holder_frames(run, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert not {pair for pair in holders(run(text, lang=lang)) if pair[0] == "Bram Wouters"}, text


@pytest.mark.parametrize(("text", "lang", "holder", "ident"), [
    ("Investigators linked the number +32 478 61 20 33 to Bram Wouters.", "en", "Bram Wouters", "+32478612033"),
    ("Detectives traced the e-mail address bw1984@protonmail.com to Bram Wouters.", "en", "Bram Wouters",
     "bw1984@protonmail.com"),
    ("Les enquêteurs ont attribué le numéro +32 478 61 20 33 à Bram Wouters.", "fr", "Bram Wouters", "+32478612033"),
    ("De politie koppelde het nummer +32 478 61 20 33 aan Piet Kools.", "nl", "Piet Kools", "+32478612033"),
])
def test_identifier_tied_to_holder(run, text, lang, holder, ident) -> None:  # type: ignore[no-untyped-def]
    assert (holder, ident) in holders(run(text, lang=lang)), text


@pytest.mark.parametrize(("text", "lang"), [
    ("Investigators could not link the number +32 478 61 20 33 to Bram Wouters.", "en"),
    ("Piet Kools forwarded the number +32 478 61 20 33 to Bram Wouters.", "en"),
    ("Piet Kools gave the number +32 478 61 20 33 to Bram Wouters.", "en"),
    ("Piet Kools a envoyé le numéro +32 478 61 20 33 à Bram Wouters.", "fr"),
])
def test_an_identifier_handed_on_has_no_holder(run, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert not holders(run(text, lang=lang)), text


@pytest.mark.parametrize(("text", "lang", "wrong"), [
    ("Bram Wouters received the money on account BE71 0961 2345 6769, held by his mother.", "en", "Bram Wouters"),
    ("Bram Wouters stuurde Piet Kools het nummer +32 478 61 20 33.", "nl", "Piet Kools"),
    ("Bram Wouters stuurde Piet Kools het nummer +32 478 61 20 33.", "nl", "Bram Wouters"),
])
def test_an_identifier_held_or_handed_elsewhere(run, text, lang, wrong) -> None:  # type: ignore[no-untyped-def]
    assert not {pair for pair in holders(run(text, lang=lang)) if pair[0] == wrong}, text


def test_dutch_inversion_keeps_the_senders_number(run) -> None:  # type: ignore[no-untyped-def]
    # near miss: the verb before the subject, the number after "vanaf" is the sender's
    ex = run("Volgens de politie stuurde Bram Wouters vanaf het nummer +32 478 61 20 33 berichten naar Piet Kools.", lang="nl")
    assert ("Bram Wouters", "+32478612033") in holders(ex)


def test_a_possessive_after_a_new_subject_is_not_the_first_ones(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Bram Wouters used a prepaid number, +593 98 555 2147, to send Piet Kools the berthing time, and "
             "Piet Kools replied from his own phone, +32 478 55 01 92.", lang="en")
    assert ("Bram Wouters", "+32478550192") not in holders(ex)
    assert ("Bram Wouters", "+593985552147") in holders(ex)
    assert frozenset(("Bram Wouters", "Piet Kools")) in contacts(ex)
    # near miss: the possessive goes back to the object pronoun of the new clause
    ex = run("Over die avond verklaart Bram Wouters: Piet Kools belde hem op zijn gsm-nummer 0470/12.34.56.", lang="nl")
    assert ("Piet Kools", "+32470123456") not in holders(ex)


@pytest.mark.parametrize(("text", "lang"), [
    ("Les enquêteurs ont reconstitué des appels entre le portable de Bram Wouters et un numéro surinamais, "
     "le +597 855 2391, dans la nuit.", "fr"),
    ("Investigators found calls between Bram Wouters and a Surinamese number, +597 855 2391.", "en"),
])
def test_a_number_coordinated_with_a_name_is_not_his(run, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert ("Bram Wouters", "+5978552391") not in holders(run(text, lang=lang)), text


@pytest.mark.parametrize(("text", "lang", "pair"), [
    ("The prosecution will allege that Bram Wouters and Piet Kools met twice at a cafe.", "en", ("Bram Wouters", "Piet Kools")),
    ("Volgens het parket wisselde Bram Wouters via Sky ECC honderden berichten uit met Piet Kools.", "nl",
     ("Bram Wouters", "Piet Kools")),
    ("Piet Kools werkte als kraanmachinist. Op zijn telefoon trof de recherche berichten aan die hij via een versleutelde "
     "app uitwisselde met Bilal Mansour.", "nl", ("Piet Kools", "Bilal Mansour")),
    ("Bilal Mansour gaf via berichten instructies aan de uithalers Dion Verbeek en Kerem Yilmaz.", "nl",
     ("Bilal Mansour", "Kerem Yilmaz")),
    ("Nordine Benali échangeait par ailleurs avec Loïc Perrin au moyen d'une messagerie chiffrée.", "fr",
     ("Nordine Benali", "Loïc Perrin")),
    ("Jordan Vial et Mehdi Ait-Ouali se sont rencontrés à plusieurs reprises.", "fr", ("Jordan Vial", "Mehdi Ait-Ouali")),
])
def test_exchanges_and_meetings(run, text, lang, pair) -> None:  # type: ignore[no-untyped-def]
    assert frozenset(pair) in contacts(run(text, lang=lang)), text


def test_a_meeting_with_someone_else_is_no_contact_between_the_two(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Bram Wouters and Piet Kools met with a broker in Brisbane.", lang="en")
    assert frozenset(("Bram Wouters", "Piet Kools")) not in contacts(ex)


@pytest.mark.parametrize(("text", "lang", "holder", "ident"), [
    ("The two lines exchanged messages with a Houston number, +1 713 555 0172, that agents attribute to Bram Wouters.",
     "en", "Bram Wouters", "+17135550172"),
    ("The records cover +1 787 555 0126, a number that a subscriber form showed was registered to Bram Wouters.",
     "en", "Bram Wouters", "+17875550126"),
    ("That number called +1 809 555 0190, a Dominican line the government tied to Bram Wouters.",
     "en", "Bram Wouters", "+18095550190"),
    ("Piet Kools carried a second phone registered to Westway Fresh Ltd, 07700 900761.",
     "en", "Westway Fresh Ltd", "07700900761"),
    ("Il utilisait une ligne ouverte au nom de la société Kwelderland SARL, le 06 23 81 44 56.",
     "fr", "Kwelderland SARL", "+33623814456"),
])
def test_attributing_asides(run, text, lang, holder, ident) -> None:  # type: ignore[no-untyped-def]
    assert (holder, ident) in holders(run(text, lang=lang)), text


def test_an_attribution_denied_gives_no_holder(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Piet Kools called +32 478 61 20 33, a line that investigators could not attribute to Bram Wouters.", lang="en")
    assert not {pair for pair in holders(ex) if pair[0] == "Bram Wouters"}
    ex = run("Piet Kools called a phone registered to Westway Fresh Ltd, then +44 7700 900761.", lang="en")
    assert not {pair for pair in holders(ex) if pair[0] == "Westway Fresh Ltd"}


@pytest.mark.parametrize(("text", "lang", "holder", "ident"), [
    ("Een gsm-nummer dat de speurders aan Kristof Van Damme koppelden, 0471 62 18 35, belde geregeld met Bart Claes.",
     "nl", "Kristof Van Damme", "+32471621835"),
    ("A number that agents attribute to Bram Wouters, +32 478 61 20 33, called the terminal.",
     "en", "Bram Wouters", "+32478612033"),
    ("Serge Monrose aurait reçu des courriels depuis l'adresse logistique.caraibe971@gmail.com, que les enquêteurs "
     "attribuent à son neveu, Dylan Monrose.", "fr", "Dylan Monrose", "logistique.caraibe971@gmail.com"),
    ("La ligne de Yannick Le Goff avait été en contact avec celle de Nordine Benali, le 07 61 25 48 09.",
     "fr", "Nordine Benali", "+33761254809"),
])
def test_relative_attributions(run, text, lang, holder, ident) -> None:  # type: ignore[no-untyped-def]
    assert (holder, ident) in holders(run(text, lang=lang)), text


@pytest.mark.parametrize(("text", "lang", "wrong"), [
    ("Serge Monrose aurait reçu des courriels depuis l'adresse logistique.caraibe971@gmail.com, que les enquêteurs "
     "attribuent à son neveu, Dylan Monrose.", "fr", "Serge Monrose"),
    ("Bram Wouters received calls from +32 478 61 20 33.", "en", "Bram Wouters"),
    ("Een gsm-nummer dat de speurders niet aan Kristof Van Damme konden koppelen, 0471 62 18 35, belde met Bart Claes.",
     "nl", "Kristof Van Damme"),
])
def test_a_receiver_or_a_denied_tie_holds_nothing(run, text, lang, wrong) -> None:  # type: ignore[no-untyped-def]
    assert not {pair for pair in holders(run(text, lang=lang)) if pair[0] == wrong}, text


@pytest.mark.parametrize(("text", "lang"), [
    ("Bram Wouters had met Piet Kools at a cafe in Santo Domingo.", "en"),
    ("Bram Wouters a rencontré Piet Kools dans un café.", "fr"),
    ("Bram Wouters ontmoette Piet Kools in een café.", "nl"),
])
def test_a_meeting_is_a_contact_not_an_association(run, text, lang) -> None:  # type: ignore[no-untyped-def]
    found = relations(run(text, lang=lang))
    assert ("CONTACTED", "Bram Wouters", "Piet Kools") in found, text
    assert not {r for r in found if r[0] == "ASSOCIATE_OF"}, text


def test_knowing_someone_is_still_an_association(run) -> None:  # type: ignore[no-untyped-def]
    # near miss on the other side: knowing and friendship keep ASSOCIATE_OF
    found = relations(run("Bram Wouters has known Piet Kools since school.", lang="en"))
    assert ("ASSOCIATE_OF", "Bram Wouters", "Piet Kools") in found


@pytest.mark.parametrize(("text", "lang", "firm"), [
    ("Dwight Mabry, a crane operator employed by Galveston Bay Stevedores Inc., calls Rigoberto Salcido.", "en",
     "Galveston Bay Stevedores Inc."),
    ("Dwight Mabry, who works for Galveston Bay Stevedores Inc., called Rigoberto Salcido twice.", "en",
     "Galveston Bay Stevedores Inc."),
    ("Jordan Vial, chauffeur chez Transports Vial SARL, a appelé Mehdi Ait-Ouali.", "fr", "Transports Vial SARL"),
])
def test_a_firm_in_an_apposition_does_not_call(run, text, lang, firm) -> None:  # type: ignore[no-untyped-def]
    assert not {pair for pair in contacts(run(text, lang=lang)) if firm in pair}, text


def test_a_firm_as_subject_still_calls(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Galveston Bay Stevedores Inc., a terminal firm, called Rigoberto Salcido twice.", lang="en")
    assert frozenset(("Galveston Bay Stevedores Inc.", "Rigoberto Salcido")) in contacts(ex)
    ex = run("Dwight Mabry, a crane operator employed by Galveston Bay Stevedores Inc., calls Rigoberto Salcido.", lang="en")
    assert frozenset(("Dwight Mabry", "Rigoberto Salcido")) in contacts(ex)


def test_calls_from_the_owners_phone(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Jurors saw records of calls placed from Bram Wouters's phone, +32 478 61 20 33, to Piet Kools.", lang="en")
    assert frozenset(("Bram Wouters", "Piet Kools")) in contacts(ex)
    assert ("Bram Wouters", "+32478612033") in holders(ex)
    ex = run("Daarop zijn berichten gevonden die Youssef Rachidi volgens de FIOD wisselde met Marcel de Groot.", lang="nl")
    assert frozenset(("Youssef Rachidi", "Marcel de Groot")) in contacts(ex)
    # near miss: no calls at all
    ex = run("Jurors saw no calls from Bram Wouters's phone to Piet Kools.", lang="en")
    assert frozenset(("Bram Wouters", "Piet Kools")) not in contacts(ex)
