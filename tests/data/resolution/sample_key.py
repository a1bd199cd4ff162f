"""Who is who in the sample case (Operation SILVER HERON), transcribed from ``ingest/sample_case/CAST.md``.

``NAMES`` maps each entity (type, canonical) to the surface forms the case files use for it; a
form listed with file numbers is only that entity in those files (``"Kasteleyn"`` is Ruben in 06
and 11 and Milan in 25, and nobody else). ``FACTS`` are the identifier and relation facts of the
cast key, with the files that state them; ``build.py`` turns them into neighbours.

Agencies keep one canonical name per language, as in the extraction gold (``Douane française``,
``Dutch Customs``): linking translations of an agency's name is the gazetteer's job, not the
resolver's.
"""

from __future__ import annotations

# (type, canonical) -> [surface form | (surface form, {file numbers})]
NAMES: dict[tuple[str, str], list[str | tuple[str, set[int]]]] = {
    ("PERSON", "Ruben Kasteleyn"): ["Ruben Kasteleyn", "R. Kasteleyn", "KASTELEYN Ruben", ("Kasteleyn", {6, 11}),
                                    "de Kapitein", ("Ruben", {9}), "R.K."],
    ("PERSON", "Milan Kasteleyn"): ["Milan Kasteleyn", "M. Kasteleyn", "KASTELEYN Milan", ("Kasteleyn", {25}),
                                   ("Milan", {9, 15, 23}), "M.K."],
    ("PERSON", "Nordin Haddouchi"): ["Nordin Haddouchi", "N. Haddouchi", "HADDOUCHI Nordin", "Haddouchi",
                                    ("Nordin", {3, 15}), "N.H."],
    ("PERSON", "Stijn Dewolfs"): ["Stijn Dewolfs", "S. Dewolfs", "DEWOLFS Stijn", "Dewolfs", ("Stijn", {9, 15}), "S.D."],
    ("PERSON", "Jeroen Bakkenes"): ["Jeroen Bakkenes", "J. Bakkenes", "BAKKENES Jeroen", "Bakkenes",
                                   ("Jeroen", {1, 11, 17, 18})],
    ("PERSON", "Esteban Laínez Montero"): ["Esteban Laínez Montero", "Esteban Lainez Montero", "E. Lainez",
                                          "M. Laínez", "LAÍNEZ MONTERO Esteban", ("Esteban", {1, 6})],
    ("PERSON", "Kenneth Lauwers"): ["Kenneth Lauwers", "K. Lauwers", "LAUWERS Kenneth", "Lauwers", "K.L."],
    ("PERSON", "Wendy Peirsman"): ["Wendy Peirsman", "W. Peirsman", "PEIRSMAN Wendy", "Peirsman", ("W.", {11, 16})],
    ("PERSON", "Jordy Van Aken"): ["Jordy Van Aken", "J. Van Aken", "VAN AKEN Jordy", "Van Aken"],
    ("PERSON", "Pieter-Jan Rombouts"): ["Pieter-Jan Rombouts", "P.-J. Rombouts", "Rombouts"],
    ("PERSON", "Nathalie Dierickx"): ["Nathalie Dierickx", "N. Dierickx"],
    ("PERSON", "Lotte Verbiest"): ["Lotte Verbiest", "L. Verbiest", "Verbiest"],
    ("PERSON", "Els Vanhoutte"): ["Els Vanhoutte", "E. Vanhoutte", "Vanhoutte"],
    ("PERSON", "Bram Goossens"): ["Bram Goossens", "B. Goossens"],
    ("PERSON", "Hilde Sels"): ["Hilde Sels", "H. Sels"],
    ("PERSON", "Julien Marchal"): ["Julien Marchal", "J. Marchal"],
    ("PERSON", "Camille Roussel"): ["Camille Roussel", "C. Roussel"],
    ("PERSON", "Ruud Hoogendijk"): ["Ruud Hoogendijk", "R. Hoogendijk"],
    ("COMPANY", "Blauwhoeve Logistics BV"): ["Blauwhoeve Logistics BV", "BLAUWHOEVE LOGISTICS BV",
                                            "BLAUWHOEVE LOGISTICS", "Blauwhoeve Logistics", "Blauwhoeve"],
    ("COMPANY", "Hoverkade Terminals NV"): ["Hoverkade Terminals NV", "HOVERKADE TERMINALS NV", "Hoverkade"],
    ("COMPANY", "Pacifico Austral Shipping S.A."): ["Pacifico Austral Shipping S.A.", "Pacifico Austral Shipping",
                                                   "Pacifico Austral"],
    ("COMPANY", "Westerlijn Container Lines BV"): ["Westerlijn Container Lines BV", "Westerlijn Container Lines",
                                                  "Westerlijn"],
    ("COMPANY", "Agroexport Las Palmeras S.A."): ["Agroexport Las Palmeras S.A.", "Agroexport Las Palmeras",
                                                 "Agroexport"],
    ("COMPANY", "Mariscos del Golfo S.A."): ["Mariscos del Golfo S.A."],
    ("COMPANY", "Oostkaai Import BV"): ["Oostkaai Import BV"],
    ("COMPANY", "Lemaire Transports SA"): ["Lemaire Transports SA"],
    ("COMPANY", "Vanbrabant Expeditie NV"): ["Vanbrabant Expeditie NV"],
    ("VESSEL", "Santa Brisa"): ["Santa Brisa", "SANTA BRISA"],
    ("VESSEL", "Marlin Horizon"): ["Marlin Horizon", "MARLIN HORIZON"],
    ("ORGANIZATION", "Zeeslang group"): ["Zeeslang group", "groupe Zeeslang", "Zeeslang-groep"],
    ("ORGANIZATION", "De Scheldebode"): ["De Scheldebode"],
    ("ORGANIZATION", "Federal Judicial Police Antwerp"): ["FEDERAL JUDICIAL POLICE ANTWERP"],
    ("ORGANIZATION", "Federale Gerechtelijke Politie Antwerpen"): ["federale gerechtelijke politie Antwerpen",
                                                                  "FGP Antwerpen"],
    ("ORGANIZATION", "Police judiciaire fédérale d'Anvers"): ["police judiciaire fédérale d'Anvers", "PJF Anvers"],
    ("ORGANIZATION", "DJSOC"): ["DJSOC"],
    ("ORGANIZATION", "Belgian Customs"): ["BELGIAN CUSTOMS"],
    ("ORGANIZATION", "Douane belge"): ["douane belge"],
    ("ORGANIZATION", "Dutch Customs"): ["Dutch Customs"],
    ("ORGANIZATION", "Douane Rotterdam Haven"): ["DOUANE ROTTERDAM HAVEN"],
    ("ORGANIZATION", "Douane française"): ["DOUANE FRANÇAISE", "douane française"],
    ("ORGANIZATION", "Public Prosecutor's Office Antwerp"): ["Public Prosecutor's Office in Antwerp",
                                                            "PUBLIC PROSECUTOR'S OFFICE ANTWERP"],
    ("ORGANIZATION", "Parket van Antwerpen"): ["Parket Antwerpen"],
    ("ORGANIZATION", "Parquet d'Anvers"): ["parquet d'Anvers"],
    ("ORGANIZATION", "Parquet fédéral"): ["PARQUET FÉDÉRAL", "Parquet fédéral"],
    ("ORGANIZATION", "Antwerp Criminal Court"): ["Antwerp Criminal Court"],
}

BLAUWHOEVE = ("COMPANY", "Blauwhoeve Logistics BV")
ADDRESS = "ADDRESS:Lindenhofdreef 41, 2600 Berchem"

# (entity, neighbour, files): an identifier ("PHONE:+32...") or another entity of the key.
FACTS: list[tuple[tuple[str, str], str | tuple[str, str], set[int]]] = [
    (("PERSON", "Ruben Kasteleyn"), "PHONE:+32468207135", {1, 5, 6}),
    (("PERSON", "Milan Kasteleyn"), "PHONE:+32470184492", {5, 9, 15}),
    (("PERSON", "Jordy Van Aken"), "PHONE:+32470184492", {5}),
    (("PERSON", "Jordy Van Aken"), "PHONE:+32484276503", {9, 15}),
    (BLAUWHOEVE, "PHONE:+32470184492", {2, 5, 7, 8}),
    (("PERSON", "Nordin Haddouchi"), "PHONE:+32486510927", {1, 14}),
    (("PERSON", "Nordin Haddouchi"), "PHONE:+31628741903", {20}),
    (("PERSON", "Jeroen Bakkenes"), "PHONE:+31641507736", {20}),
    (("PERSON", "Jeroen Bakkenes"), "PHONE:+31628741903", {20}),
    (("PERSON", "Stijn Dewolfs"), "PHONE:+32495336084", {1, 5, 9}),
    (("PERSON", "Kenneth Lauwers"), "PHONE:+32477632518", {14, 16}),
    (("PERSON", "Kenneth Lauwers"), "PHONE:+32465901357", {11, 16}),
    (("PERSON", "Wendy Peirsman"), "PHONE:+32479128840", {16, 21}),
    (("PERSON", "Wendy Peirsman"), "PHONE:+32465901357", {16, 21}),
    (("PERSON", "Esteban Laínez Montero"), "PHONE:+593994126083", {6, 20}),
    (("COMPANY", "Agroexport Las Palmeras S.A."), "PHONE:+59342601188", {7}),
    (("COMPANY", "Agroexport Las Palmeras S.A."), "EMAIL:e.lainez@laspalmeras-export.ec", {7}),
    (BLAUWHOEVE, "EMAIL:ops@blauwhoeve-logistics.be", {2, 4}),
    (("PERSON", "Milan Kasteleyn"), "EMAIL:ops@blauwhoeve-logistics.be", {9, 25}),
    (("PERSON", "Stijn Dewolfs"), "EMAIL:stijn.dewolfs@kantoor-dewolfs.be", {9, 23}),
    (BLAUWHOEVE, "IBAN:BE90735041287632", {8, 26}),
    (("PERSON", "Stijn Dewolfs"), "IBAN:BE90735041287632", {8, 22}),
    (BLAUWHOEVE, ADDRESS, {2, 7, 8}),
    (("PERSON", "Stijn Dewolfs"), ADDRESS, {2, 8}),
    (("PERSON", "Kenneth Lauwers"), ("COMPANY", "Hoverkade Terminals NV"), {3, 4, 14, 17, 26}),
    (("PERSON", "Wendy Peirsman"), ("COMPANY", "Hoverkade Terminals NV"), {4, 16, 21, 26}),
    (("PERSON", "Pieter-Jan Rombouts"), ("COMPANY", "Hoverkade Terminals NV"), {3}),
    (("PERSON", "Jordy Van Aken"), BLAUWHOEVE, {2, 4, 14, 15, 22, 26}),
    (("PERSON", "Milan Kasteleyn"), BLAUWHOEVE, {2, 4, 25}),
    (("COMPANY", "Pacifico Austral Shipping S.A."), ("VESSEL", "Santa Brisa"), {7, 10, 12}),
    (("COMPANY", "Westerlijn Container Lines BV"), ("VESSEL", "Marlin Horizon"), {18, 19}),
    (("PERSON", "Milan Kasteleyn"), ("PERSON", "Ruben Kasteleyn"), {1, 5, 24, 26}),
    (("PERSON", "Ruben Kasteleyn"), ("ORGANIZATION", "Zeeslang group"), {1, 22, 26}),
    (("PERSON", "Nordin Haddouchi"), ("ORGANIZATION", "Zeeslang group"), {1}),
    (("PERSON", "Stijn Dewolfs"), ("ORGANIZATION", "Zeeslang group"), {1, 22, 23}),
    (("PERSON", "Milan Kasteleyn"), ("ORGANIZATION", "Zeeslang group"), {25}),
    (("PERSON", "Jeroen Bakkenes"), ("ORGANIZATION", "Zeeslang group"), {20}),
    (("PERSON", "Esteban Laínez Montero"), ("ORGANIZATION", "Zeeslang group"), {22}),
    (("PERSON", "Nordin Haddouchi"), ("PERSON", "Ruben Kasteleyn"), {6, 11}),
    (("PERSON", "Ruben Kasteleyn"), ("PERSON", "Milan Kasteleyn"), {5, 9}),
    (("PERSON", "Milan Kasteleyn"), ("PERSON", "Stijn Dewolfs"), {5, 9, 23}),
    (("PERSON", "Milan Kasteleyn"), ("PERSON", "Jordy Van Aken"), {9, 25}),
    (("PERSON", "Ruben Kasteleyn"), ("PERSON", "Stijn Dewolfs"), {23}),
    (("PERSON", "Nordin Haddouchi"), ("PERSON", "Esteban Laínez Montero"), {6}),
    (("PERSON", "Wendy Peirsman"), ("PERSON", "Nordin Haddouchi"), {11, 16}),
    (("PERSON", "Lotte Verbiest"), BLAUWHOEVE, {9}),
    (("PERSON", "Lotte Verbiest"), ("ORGANIZATION", "De Scheldebode"), {9, 23}),
    (("PERSON", "Nordin Haddouchi"), ("PERSON", "Kenneth Lauwers"), {11, 16}),
    (("PERSON", "Jeroen Bakkenes"), ("PERSON", "Nordin Haddouchi"), {11, 20}),
    (("PERSON", "Jeroen Bakkenes"), ("PERSON", "Esteban Laínez Montero"), {18, 20}),
    (("PERSON", "Jeroen Bakkenes"), ("PERSON", "Ruben Kasteleyn"), {20}),
]

# identifiers carried by an entity's mention in the files that print them next to its name
IDENTIFIERS: list[tuple[tuple[str, str], dict[str, str], set[int]]] = [
    (("VESSEL", "Santa Brisa"), {"IMO": "9471381"}, {7, 10, 12}),
    (("VESSEL", "Marlin Horizon"), {"IMO": "9526071"}, {18, 19}),
    (("VESSEL", "Marlin Horizon"), {"MMSI": "244690118"}, {18}),
    (BLAUWHOEVE, {"VAT": "BE0798437187"}, {2, 7, 8, 26}),
]
