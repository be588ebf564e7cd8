"""The Streamlit dashboard on a hand-made published file (AppTest)."""

from __future__ import annotations

import json
import os
import sys
from datetime import date, datetime
from pathlib import Path

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from opvangmonitor.paden import DASHBOARD_APP

sys.path.insert(0, str(DASHBOARD_APP.parent))
import opmaak  # noqa: E402
from app_openen import open_app  # noqa: E402
from gepubliceerd_bouwen import (  # noqa: E402
    GEMEENTEN_RIJNSTREEK, INDICATORTABELLEN, gebruik, gepubliceerd_bestand, vul,
)

PEILDATUM = date(2026, 9, 30)
KWARTALEN = [  # label, start, eind
    ("2025 K4", date(2025, 10, 1), date(2025, 12, 31)),
    ("2026 K1", date(2026, 1, 1), date(2026, 3, 31)),
    ("2026 K2", date(2026, 4, 1), date(2026, 6, 30)),
    ("2026 K3", date(2026, 7, 1), date(2026, 9, 30)),
]
HALFJAREN = [
    ("2025 H2", date(2025, 7, 1), date(2025, 12, 31)),
    ("2026 H1", date(2026, 1, 1), date(2026, 6, 30)),
    ("2026 H2", date(2026, 7, 1), date(2026, 12, 31)),
]
JAREN = [("2025", date(2025, 1, 1), date(2025, 12, 31)), ("2026", date(2026, 1, 1), date(2026, 12, 31))]

# Totals per indicator, in the order of the periods above.
TOTALEN = {
    "kwartaal": {"D.1.1": [40, 45, 1234, 1250], "D.1.2": [10, 12, 15, 9], "D.1.3": [5, 8, 7, 7]},
    "halfjaar": {"D.1.1": [60, 1300, 1280], "D.1.2": [20, 27, 9], "D.1.3": [9, 15, 7]},
    "jaar": {"D.1.1": [70, 1500], "D.1.2": [22, 36], "D.1.3": [9, 22]},
}
# (periode_type, periode_start, indicator, dimensie, waarde, teller)
DIMENSIES = [
    ("kwartaal", date(2026, 7, 1), "D.1.1", "gemeente_herkomst", "GM0484", 1000),
    ("kwartaal", date(2026, 7, 1), "D.1.1", "gemeente_herkomst", "GM1884", 200),
    ("kwartaal", date(2026, 7, 1), "D.1.1", "gemeente_herkomst", "Onbekend", 50),
    ("kwartaal", date(2026, 7, 1), "D.1.2", "gemeente_herkomst", "GM0484", 7),
    ("kwartaal", date(2026, 7, 1), "D.1.2", "gemeente_herkomst", "GM1884", 2),
    ("kwartaal", date(2026, 7, 1), "D.1.3", "gemeente_herkomst", "GM0484", 7),
    ("kwartaal", date(2026, 7, 1), "D.1.3", "status", "voorlopig", 7),
    ("kwartaal", date(2026, 4, 1), "D.1.1", "gemeente_herkomst", "GM0484", 1100),
    ("kwartaal", date(2026, 4, 1), "D.1.1", "gemeente_herkomst", "GM0569", 134),
    ("halfjaar", date(2026, 7, 1), "D.1.1", "geslacht", "Man", 700),
    ("halfjaar", date(2026, 7, 1), "D.1.1", "geslacht", "Vrouw", 580),
]


def maak_gepubliceerd(pad: Path, d111_k3: float = 1250) -> None:
    """A published file as the lead's publish step makes it, with known rows."""
    tmp = pad.with_name(pad.name + ".nieuw")
    tmp.unlink(missing_ok=True)
    with gepubliceerd_bestand(
        tmp,
        (*INDICATORTABELLEN, "config.regio_indicatorfamilies"),
        regios=[("rijnstreek", "Rijnstreek"), ("valleiregio", "Valleiregio")],
        gemeenten=GEMEENTEN_RIJNSTREEK,
    ) as con:
        vul(con, "config.regio_indicatorfamilies", [("rijnstreek", "D"), ("valleiregio", "HF")])
        vul(con, "marts.indicatoren", indicatorrijen(d111_k3))
        for ptype, periodes in (("kwartaal", KWARTALEN), ("halfjaar", HALFJAREN), ("jaar", JAREN)):
            for regio in ("rijnstreek", "valleiregio"):
                vul(con, "marts.dim_periode", [(regio, ptype, start, eind, label, PEILDATUM) for label, start, eind in periodes])
    os.replace(tmp, pad)


def indicatorrijen(d111_k3: float) -> list[list]:
    rijen = []
    for ptype, periodes in (("kwartaal", KWARTALEN), ("halfjaar", HALFJAREN), ("jaar", JAREN)):
        for indicator, waarden in TOTALEN[ptype].items():
            for (label, start, eind), w in zip(periodes, waarden):
                if (ptype, label, indicator) == ("kwartaal", "2026 K3", "D.1.1"):
                    w = d111_k3
                rijen.append(["rijnstreek", indicator, "", ptype, start, eind, "", "", w, None, w, "aantal", None, None])
    eind_van = {(t, start): eind for t, ps in (("kwartaal", KWARTALEN), ("halfjaar", HALFJAREN)) for _, start, eind in ps}
    for ptype, start, indicator, dim, waarde, n in DIMENSIES:
        eind = eind_van[(ptype, start)]
        rijen.append(["rijnstreek", indicator, "", ptype, start, eind, dim, waarde, n, None, n, "aantal", None, None])
    # Another region without D indicators must not be offered on this page.
    rijen.append(["valleiregio", "HF.1", "", "kwartaal", KWARTALEN[0][1], KWARTALEN[0][2], "", "", 3, 4, 75.0, "percentage", 75, "voldoet"])
    return rijen


@pytest.fixture
def gepubliceerd(tmp_path, monkeypatch) -> Path:
    pad = tmp_path / "wh.gepubliceerd.duckdb"
    maak_gepubliceerd(pad)
    return gebruik(pad, monkeypatch)


def start(pagina: str | None = "decentrale_opvang", **params) -> AppTest:
    return open_app(pagina, **params)


def tegels(at: AppTest) -> list[tuple[str, str, str | None]]:
    return [(m.label, m.value, m.delta) for m in at.metric]


def figuren(at: AppTest) -> dict[str, dict]:
    """Plotly figures on the page by title."""
    uit = {}
    for el in at.get("plotly_chart"):
        fig = json.loads(el.proto.spec)
        uit[fig["layout"]["title"]["text"]] = fig
    return uit


def reeksen(fig: dict) -> dict[str, tuple[list, list]]:
    return {t["name"]: (t["x"], t["y"]) for t in fig["data"]}


def test_standaard_laatste_kwartaal(gepubliceerd):
    at = start()
    assert at.title[0].value == "Decentrale opvang"
    # valleiregio has no D rows: only offered on pages with its indicators
    assert at.sidebar.selectbox(key="staat_regio").options == ["Rijnstreek"]
    assert at.sidebar.selectbox(key="staat_periodetype").options == ["Kwartaal", "Halfjaar", "Jaar"]
    assert at.sidebar.selectbox(key="staat_periode").value == "2026-07-01"
    assert at.query_params["periode"] == "2026-07-01"
    assert tegels(at) == [
        ("Unieke cliënten decentrale opvang (D.1.1)", "1.250", "+16 t.o.v. 2026 K2"),
        ("Instroom decentrale opvang (D.1.2)", "9", "-6 t.o.v. 2026 K2"),
        ("Uitstroom decentrale opvang (D.1.3)", "7", "0 t.o.v. 2026 K2"),
    ]
    figs = figuren(at)
    trend = reeksen(figs["Unieke cliënten decentrale opvang (D.1.1) per kwartaal"])
    assert trend["Unieke cliënten decentrale opvang (D.1.1)"] == (
        ["2025 K4", "2026 K1", "2026 K2", "2026 K3"], [40, 45, 1234, 1250]
    )
    assert figs["Unieke cliënten decentrale opvang (D.1.1) per kwartaal"]["layout"]["separators"] == ",."
    uitsplitsing = reeksen(figs["Unieke cliënten decentrale opvang (D.1.1) naar gemeente van herkomst, 2026 K3"])
    assert uitsplitsing == {
        "Unieke cliënten decentrale opvang (D.1.1)": (["Alphen aan den Rijn", "Kaag en Braassem", "Onbekend"], [1000, 200, 50])
    }
    trendtabel, tabel = at.dataframe[0].value, at.dataframe[1].value
    assert trendtabel.values.tolist()[-1] == ["2026 K3", "1.250", "–", "1.250", "–", "–"]
    assert list(tabel.columns) == ["Gemeente van herkomst", "Teller", "Noemer", "Waarde", "Norm", "Status"]
    assert tabel.values.tolist() == [
        ["Alphen aan den Rijn", "1.000", "–", "1.000", "–", "–"],
        ["Kaag en Braassem", "200", "–", "200", "–", "–"],
        ["Onbekend", "50", "–", "50", "–", "–"],
    ]
    assert any("1 juli 2026 t/m 30 september 2026" in m.value for m in at.markdown)
    assert at.caption[-1].value == "Gepubliceerd op 23 november 2026 om 14:05 · peildatum regio: 30 september 2026"


def test_kleine_aantallen_onderdrukt(gepubliceerd):
    at = start()
    at.selectbox(key="decentrale_opvang_indicator").select("D.1.2|").run()
    tabel = at.dataframe[1].value
    # 7 and 2 of a total of 9: the 2 is "<5", and the 7 is hidden too ("x"), else 9 - 7 reveals it
    assert tabel.values.tolist() == [
        ["Alphen aan den Rijn", "x", "–", "x", "–", "–"],
        ["Kaag en Braassem", "<5", "–", "<5", "–", "–"],
    ]


def test_andere_periode_en_dimensie(gepubliceerd):
    at = start()
    at.sidebar.selectbox(key="staat_periode").select("2026-04-01").run()
    assert at.query_params["periode"] == "2026-04-01"
    assert tegels(at)[0] == ("Unieke cliënten decentrale opvang (D.1.1)", "1.234", "+1.189 t.o.v. 2026 K1")
    figs = figuren(at)
    assert reeksen(figs["Unieke cliënten decentrale opvang (D.1.1) naar gemeente van herkomst, 2026 K2"]) == {
        "Unieke cliënten decentrale opvang (D.1.1)": (["Alphen aan den Rijn", "Nieuwkoop"], [1100, 134])
    }
    at.sidebar.selectbox(key="staat_periode").select("2026-07-01").run()
    at.selectbox(key="decentrale_opvang_indicator").select("D.1.3|").run()
    assert at.selectbox(key="decentrale_opvang_dimensie").options == ["Gemeente van herkomst", "Status"]
    at.selectbox(key="decentrale_opvang_dimensie").select("status").run()
    assert reeksen(figuren(at)["Uitstroom decentrale opvang (D.1.3) naar status, 2026 K3"]) == {
        "Uitstroom decentrale opvang (D.1.3)": (["voorlopig"], [7])
    }


def test_ander_periodetype(gepubliceerd):
    at = start()
    at.sidebar.selectbox(key="staat_periodetype").select("halfjaar").run()
    # 2026-07-01 (the chosen quarter) lies in 2026 H2
    assert at.sidebar.selectbox(key="staat_periode").value == "2026-07-01"
    assert tegels(at) == [
        ("Unieke cliënten decentrale opvang (D.1.1)", "1.280", "-20 t.o.v. 2026 H1"),
        ("Instroom decentrale opvang (D.1.2)", "9", "-18 t.o.v. 2026 H1"),
        ("Uitstroom decentrale opvang (D.1.3)", "7", "-8 t.o.v. 2026 H1"),
    ]
    figs = figuren(at)
    assert reeksen(figs["Unieke cliënten decentrale opvang (D.1.1) per halfjaar"])[
        "Unieke cliënten decentrale opvang (D.1.1)"
    ] == (["2025 H2", "2026 H1", "2026 H2"], [60, 1300, 1280])
    at.selectbox(key="decentrale_opvang_dimensie").select("geslacht").run()
    assert reeksen(figuren(at)["Unieke cliënten decentrale opvang (D.1.1) naar geslacht, 2026 H2"]) == {
        "Unieke cliënten decentrale opvang (D.1.1)": (["Man", "Vrouw"], [700, 580])
    }

    at.sidebar.selectbox(key="staat_periodetype").select("jaar").run()
    assert tegels(at)[0] == ("Unieke cliënten decentrale opvang (D.1.1)", "1.500", "+1.430 t.o.v. 2025")
    at.sidebar.selectbox(key="staat_periode").select("2025-01-01").run()
    assert tegels(at)[0] == ("Unieke cliënten decentrale opvang (D.1.1)", "70", "")  # no earlier year: no delta
    assert any("Geen uitsplitsingen" in i.value for i in at.info)


def test_keuze_uit_link_en_ongeldige_link(gepubliceerd):
    at = start(regio="rijnstreek", periodetype="halfjaar", periode="2026-01-01")
    assert tegels(at)[0] == ("Unieke cliënten decentrale opvang (D.1.1)", "1.300", "+1.240 t.o.v. 2025 H2")
    at = start(None, regio="nergens", periodetype="week", periode="gisteren")  # on Overzicht
    assert [w.value for w in at.warning] == [
        "Regio 'nergens' uit de link bestaat niet; Rijnstreek wordt getoond.",
        "Soort periode 'week' uit de link bestaat niet; kwartaal wordt getoond.",
        "Periode 'gisteren' uit de link bestaat niet; 2026 K3 wordt getoond.",
    ]
    assert at.query_params["regio"] == "rijnstreek"
    at.switch_page("paginas/decentrale_opvang.py").run()
    assert not at.warning
    assert tegels(at)[0][1] == "1.250"


def test_geen_bestand_of_leeg_bestand(tmp_path, monkeypatch):
    pad = tmp_path / "ontbreekt.duckdb"
    monkeypatch.setenv("OPVANGMONITOR_GEPUBLICEERD", str(pad))
    at = start(None)
    assert at.title[0].value == "Overzicht"
    assert at.info[0].value.startswith("Nog geen gegevens gepubliceerd. Voer een load uit: `opvangmonitor run")
    assert not at.metric and not at.get("plotly_chart")

    duckdb.connect(str(pad)).close()  # a database without tables
    at = start()
    assert at.info[0].value.startswith("Nog geen gegevens gepubliceerd.")


def test_geen_open_verbinding_en_nieuwe_publicatie_gelezen(gepubliceerd):
    at = start()
    assert tegels(at)[0][1] == "1.250"
    # Nothing keeps the file open: it can be opened read-write in this process ...
    con = duckdb.connect(str(gepubliceerd))
    con.execute("SELECT count(*) FROM marts.indicatoren").fetchone()
    con.close()
    # ... and replaced atomically; the next rerun reads the new publication.
    maak_gepubliceerd(gepubliceerd, d111_k3=2345.5)
    at.run()
    assert tegels(at)[0][:2] == ("Unieke cliënten decentrale opvang (D.1.1)", "2.345,5")


def test_over_pagina(gepubliceerd):
    at = start("over")
    assert at.title[0].value == "Over de Opvangmonitor"
    assert at.caption[-1].value == "Gepubliceerd op 23 november 2026 om 14:05"


def test_opmaak():
    assert opmaak.getal(1234567.5) == "1.234.567,5"
    assert opmaak.getal(1234567) == "1.234.567"
    assert opmaak.getal(-3.25, 2) == "-3,25"
    assert opmaak.getal(float("nan")) == "–"
    assert opmaak.verschil(16) == "+16"
    assert opmaak.verschil(-1189.0) == "-1.189"
    assert opmaak.verschil(0) == "0"
    assert opmaak.datum(date(2026, 9, 30)) == "30 september 2026"
    assert opmaak.datum(datetime(2026, 3, 1, 12)) == "1 maart 2026"
    assert opmaak.tijdstip(datetime(2026, 11, 23, 9, 5)) == "23 november 2026 om 09:05"
    assert opmaak.dimensie_waarde("uitstroom_gemeente", "GM0484", {"GM0484": "Alphen aan den Rijn"}) == (
        "Alphen aan den Rijn"
    )
    assert opmaak.dimensie_waarde("geslacht", "GM0484", {"GM0484": "x"}) == "GM0484"
    assert opmaak.dimensie_label("uitstroom_ggd") == "Uitstroom (GGD-categorie)"
