"""An i2 chart carries each dated relation's first date on its chart item, so the notebook can order it in time."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from dated_network import ANNA, BERT, CAS, DIRK, PHONE, dated_network

from graph.i2_anx import to_anx
from graph.store import open_store


def test_dated_links_carry_their_first_date_and_undated_ones_none(tmp_path):
    store = open_store(f"sqlite:///{tmp_path / 'dated.db'}")
    store.write_many(dated_network())
    chart = ET.fromstring(to_anx(store.subgraph([ANNA, BERT, CAS, DIRK, PHONE])))
    store.close()
    links = {(i.find("Link").get("End1Id"), i.find("Link").get("End2Id")): i
             for i in chart.iter("ChartItem") if i.find("Link") is not None}
    call = links[(ANNA, BERT)]
    assert (call.get("DateSet"), call.get("DateTime"), call.get("TimeSet")) == ("true", "2023-05-02T00:00:00", "false")
    assert links[(CAS, DIRK)].get("DateTime") == "2023-04-01T00:00:00"  # the earliest of its two calls
    phone = links[(ANNA, PHONE)]
    assert phone.get("DateSet") == "false" and phone.get("DateTime") is None
