"""Downloads (dashboards/export.py) and the page Rapportage Bijlage IV: Dutch CSV, Excel,
the Bijlage IV workbook read back with openpyxl, on a hand-built published file and on
the generated demo data."""

from __future__ import annotations

import io
import sys
from datetime import date, datetime
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from openpyxl import load_workbook
from streamlit.testing.v1 import AppTest

from opvangmonitor.paden import DASHBOARD_APP

sys.path.insert(0, str(DASHBOARD_APP.parent))
import export  # noqa: E402
import gegevens  # noqa: E402
import onderdrukking as o  # noqa: E402
from app_openen import open_app  # noqa: E402
from gepubliceerd_bouwen import GEMEENTEN_RIJNSTREEK, gebruik, gepubliceerd_bestand, vul  # noqa: E402

AAN = o.Instellingen()
H1 = (date(2025, 1, 1), date(2025, 6, 30), "2025 H1")
JAAR = (date(2025, 1, 1), date(2025, 12, 31), "2025")

# (indicator, variant, dimensie, dimensie_waarde, teller, noemer, waarde, eenheid, norm, status)
RIJEN_H1 = [
    ("A.2.1", "", "", "", 12, 80, 15.0, "percentage", None, None),
    ("B.1.1", "", "", "", 30, 40, 75.0, "percentage", 90, "voldoet niet"),
    ("C.1.1", "", "", "", 2, None, 2, "aantal", None, None),
    ("D.1.1", "", "", "", 20, None, 20, "aantal", None, None),
    ("D.1.1", "", "gemeente_herkomst", "GM0484", 9, None, 9, "aantal", None, None),
    ("D.1.1", "", "gemeente_herkomst", "GM1884", 3, None, 3, "aantal", None, None),
    ("D.1.1", "", "gemeente_herkomst", "GM0569", 8, None, 8, "aantal", None, None),
    ("D.1.4", "gemiddelde", "", "", 84, 7, 12.0, "dagen", None, None),
    ("D.1.4", "mediaan", "", "", None, 7, 10.0, "dagen", None, None),
    ("E.1.1", "", "", "", 1075936.08, None, 1075936.08, "euro", None, None),
    ("BZ.1", "", "", "", 50, 100, 50.0, "percentage", None, None),  # not in Bijlage IV
]
RIJEN_JAAR = [("D.1.1", "", "", "", 31, None, 31, "aantal", None, None)]


def maak_gepubliceerd(pad: Path) -> None:
    with gepubliceerd_bestand(
        pad,
        regios=[("rijnstreek", "Rijnstreek")],
        gemeenten=GEMEENTEN_RIJNSTREEK,
    ) as con:
        for ptype, (start, eind, label), rijen in (("halfjaar", H1, RIJEN_H1), ("jaar", JAAR, RIJEN_JAAR)):
            vul(con, "marts.dim_periode", [("rijnstreek", ptype, start, eind, label, date(2026, 9, 30))])
            vul(con, "marts.indicatoren", [["rijnstreek", r[0], r[1], ptype, start, eind, *r[2:]] for r in rijen])


@pytest.fixture
def gepubliceerd(tmp_path, monkeypatch) -> Path:
    pad = tmp_path / "wh.gepubliceerd.duckdb"
    maak_gepubliceerd(pad)
    return gebruik(pad, monkeypatch)


def blad(wb, naam: str) -> list[tuple]:
    return [tuple(r) for r in wb[naam].iter_rows(values_only=True)]


def zoek_rij(rijen: list[tuple], eerste: str, tweede=None) -> tuple:
    gevonden = [r for r in rijen if r[0] == eerste and (tweede is None or r[2] == tweede)]
    assert len(gevonden) == 1, (eerste, rijen)
    return gevonden[0]


# ------------------------------------------------------------------ CSV and Excel


def onderdrukte_rijen() -> pd.DataFrame:
    df = pd.DataFrame(
        [r for r in RIJEN_H1 if r[0] in ("D.1.1", "A.2.1")],
        columns=["indicator", "variant", "dimensie", "dimensie_waarde", "teller", "noemer", "waarde", "eenheid", "norm", "status"],
    )
    df.insert(2, "periode_start", pd.Timestamp("2025-01-01"))
    return o.onderdruk(df, AAN)


def test_csv_nederlands_en_onderdrukt():
    data = export.csv_bytes(onderdrukte_rijen())
    assert data.startswith(b"\xef\xbb\xbf")
    regels = data.decode("utf-8-sig").split("\r\n")
    assert regels[0] == (
        "Indicator;Variant;Begin periode;Dimensie;Waarde dimensie;Teller;Noemer;Waarde;Eenheid;Norm;Status;Afgeschermd"
    )
    assert regels[1] == "A.2.1;;2025-01-01;;;12;80;15;percentage;;;nee"
    assert regels[2] == "D.1.1;;2025-01-01;;;20;;20;aantal;;;nee"
    assert regels[3:6] == [
        "D.1.1;;2025-01-01;gemeente_herkomst;GM0484;9;;9;aantal;;;nee",
        "D.1.1;;2025-01-01;gemeente_herkomst;GM1884;<5;;<5;aantal;;;ja",
        "D.1.1;;2025-01-01;gemeente_herkomst;GM0569;x;;x;aantal;;;ja",
    ]
    assert export.csv_bytes(pd.DataFrame({"bedrag": [1234.5, 0.25], "wanneer": [datetime(2026, 1, 2, 3, 4), None]})).decode(
        "utf-8-sig"
    ).split("\r\n")[1:3] == ["1234,5;2026-01-02 03:04:00", "0,25;"]
    # A table as shown on a page: its Dutch numbers become numbers again, codes stay text.
    getoond = pd.DataFrame({"Gemeente": ["0484", "Alphen"], "Aantal": ["1.234", "<5"], "Percentage": ["66,7", "–"]})
    assert export.csv_bytes(getoond).decode("utf-8-sig").split("\r\n")[:3] == [
        "Gemeente;Aantal;Percentage", "0484;1234;66,7", "Alphen;<5;–"
    ]


def test_excel_getallen_datums_en_afgeschermde_tekst():
    naam = "Decentrale opvang naar gemeente van herkomst 2025 H1"
    data = export.excel_bytes({naam: onderdrukte_rijen(), "Kort": pd.DataFrame({"n": [1]})})
    wb = load_workbook(io.BytesIO(data))
    assert wb.sheetnames == [naam[:31].rstrip(), "Kort"]
    rijen = blad(wb, wb.sheetnames[0])
    assert rijen[0][:8] == ("Indicator", "Variant", "Begin periode", "Dimensie", "Waarde dimensie", "Teller", "Noemer", "Waarde")
    assert rijen[1][:8] == ("A.2.1", None, datetime(2025, 1, 1), None, None, 12, 80, 15)
    assert rijen[4][5:8] == ("<5", None, "<5")
    assert rijen[5][5:8] == ("x", None, "x")
    cel = wb[wb.sheetnames[0]]["C2"]
    assert cel.is_date and cel.number_format == "d-m-yyyy"
    assert isinstance(wb[wb.sheetnames[0]]["F2"].value, int)
    getoond = pd.DataFrame({"Code": ["D.1.1", "0484"], "Aantal": ["1.234.567", "<5"], "Waarde": ["66,7", "12"]})
    wb = load_workbook(io.BytesIO(export.excel_bytes({"t": getoond})))
    assert blad(wb, "t") == [("Code", "Aantal", "Waarde"), ("D.1.1", 1234567, 66.7), ("0484", "<5", 12)]


def test_bladnamen_en_bestandsnamen():
    assert export.bladnaam("A/B: [test]?") == "A B   test"
    bestaand = {"Titelblad"}
    assert export.bladnaam("titelblad", bestaand) == "titelblad (2)"
    assert len(export.bladnaam("x" * 40, {"x" * 31})) == 31
    assert export.bestandsnaam("decentrale opvang 2025 H1", "csv") == "opvangmonitor_decentrale_opvang_2025_H1.csv"
    assert export.bestandsnaam("cliënten/gemeente", "xlsx") == "opvangmonitor_clienten_gemeente.xlsx"


def test_rapport_en_uiterste_datum():
    assert export.rapport("halfjaar", date(2025, 1, 1)) == ("halfjaarrapportage", date(2025, 7, 31))
    assert export.rapport("jaar", date(2025, 1, 1)) == ("eindverantwoording", date(2026, 3, 31))
    assert export.rapport("halfjaar", date(2025, 7, 1)) == ("tussenrapportage", None)
    assert export.rapport("kwartaal", date(2025, 4, 1)) == ("tussenrapportage", None)


# ------------------------------------------------------------------ the Bijlage IV workbook


def test_bijlage_iv_werkboek_halfjaar(gepubliceerd):
    b = gegevens.bron()
    data = export.bijlage_iv_werkboek(b, "rijnstreek", "halfjaar", date(2025, 1, 1), AAN)
    wb = load_workbook(io.BytesIO(data))
    assert wb.sheetnames == [
        "Titelblad",
        "A Zelfredzaamheid en heropende",
        "B Tijdigheid en klanttevredenhe",
        "C Klachten en bezwaren",
        "D Decentrale opvang en briefadr",
        "E Kosten",
    ]
    assert all(len(n) <= 31 for n in wb.sheetnames)
    titel = dict((r[0], r[1]) for r in blad(wb, "Titelblad")[2:] if r[0])
    assert titel["Rapportage"] == "Halfjaarrapportage 2025 H1"
    assert titel["Regio"] == "Rijnstreek"
    assert titel["Periode"] == "1 januari 2025 t/m 30 juni 2025"
    assert titel["Peildatum"] == "30 september 2026"
    assert titel["Gepubliceerd op"] == "23 november 2026 om 14:05"
    assert titel["Uiterlijk in te dienen"] == "31 juli 2025"
    assert titel["Kleine aantallen"].startswith("Aantallen van 1 t/m 4 staan als '<5'")
    assert "jaarlijks" in titel["B en C"]

    d = blad(wb, wb.sheetnames[4])
    assert d[0][0] == "D Decentrale opvang en briefadressen — Rijnstreek, 2025 H1"
    kop = d.index(tuple(export.INDICATORKOPPEN))
    assert kop == 2
    assert zoek_rij(d, "D.1.1")[:7] == ("D.1.1", "Unieke cliënten decentrale opvang", None, 20, "aantal", 20, None)
    # D.1.4: n = 7 < 10: the mean and median are hidden, their n is shown.
    assert zoek_rij(d, "D.1.4", "gemiddelde")[3:7] == ("–", "dagen", "–", 7)
    # The dimension table: 3 -> '<5', 8 -> 'x' (else 20 - 9 - 8 = 3), names for codes.
    i = [r[0] for r in d].index("D.1.1 Unieke cliënten decentrale opvang naar gemeente van herkomst")
    assert d[i + 1][:4] == ("Gemeente van herkomst", "Waarde", "Teller", "Noemer")
    assert d[i + 2 : i + 5] == [
        ("Alphen aan den Rijn", 9, 9, None, None, None, None, None, None),
        ("Kaag en Braassem", "<5", "<5", None, None, None, None, None, None),
        ("Nieuwkoop", "x", "x", None, None, None, None, None, None),
    ]
    a = blad(wb, wb.sheetnames[1])
    assert zoek_rij(a, "A.2.1")[3:7] == (15, "percentage", 12, 80)
    bb = blad(wb, wb.sheetnames[2])
    assert bb[1][0] == "Bijlage IV vraagt deze indicatoren jaarlijks; hier ter informatie over 2025 H1."
    assert zoek_rij(bb, "B.1.1")[3:9] == (75, "percentage", 30, 40, 90, "voldoet niet")
    assert zoek_rij(blad(wb, wb.sheetnames[3]), "C.1.1")[3] == "<5"
    assert zoek_rij(blad(wb, wb.sheetnames[5]), "E.1.1")[3] == pytest.approx(1075936.08)
    assert not any("BZ.1" in str(r[0]) for n in wb.sheetnames for r in blad(wb, n))


def test_bijlage_iv_werkboek_jaar_en_exact(gepubliceerd):
    b = gegevens.bron()
    wb = load_workbook(io.BytesIO(export.bijlage_iv_werkboek(b, "rijnstreek", "jaar", date(2025, 1, 1), AAN)))
    titel = dict((r[0], r[1]) for r in blad(wb, "Titelblad")[2:] if r[0])
    assert titel["Rapportage"] == "Eindverantwoording 2025"
    assert titel["Uiterlijk in te dienen"] == "31 maart 2026"
    assert "B en C" not in titel
    assert blad(wb, wb.sheetnames[1])[2][0] == "Geen gegevens voor deze periode."
    assert zoek_rij(blad(wb, wb.sheetnames[4]), "D.1.1")[3] == 31

    exact = o.Instellingen(aan=False)
    wb = load_workbook(io.BytesIO(export.bijlage_iv_werkboek(b, "rijnstreek", "halfjaar", date(2025, 1, 1), exact)))
    assert zoek_rij(blad(wb, wb.sheetnames[3]), "C.1.1")[3] == 2
    assert zoek_rij(blad(wb, wb.sheetnames[4]), "D.1.4", "gemiddelde")[3] == 12
    with pytest.raises(ValueError, match="Geen kwartaal vanaf 1 januari 2025 voor regio rijnstreek"):
        export.bijlage_iv_inhoud(b, "rijnstreek", "kwartaal", date(2025, 1, 1), AAN)


# ------------------------------------------------------------------ the page


def start_pagina() -> AppTest:
    return open_app("rapportage")


def downloads(at: AppTest) -> list:
    return [el.proto for el in at.get("download_button")]


def test_pagina_rapportage(gepubliceerd):
    at = start_pagina()
    assert at.title[0].value == "Rapportage Bijlage IV"
    assert at.radio(key="rapportage_soort").value == "halfjaarrapportage"
    assert at.selectbox(key="rapportage_jaar_halfjaarrapportage").options == ["2025"]
    knop = downloads(at)[-1]
    assert knop.label == "Download Bijlage IV (Excel)"
    assert any("Halfjaarrapportage 2025 H1" in m.value for m in at.markdown)
    totalen = {df.value.iloc[0, 0][0]: df.value for df in at.dataframe if "Code" in df.value.columns}
    d = totalen["D"]
    assert d[d["Code"] == "D.1.1"][["Waarde", "Teller"]].values.tolist() == [["20", "20"]]
    assert totalen["C"]["Waarde"].tolist() == ["<5"]
    assert not at.sidebar.toggle  # no exact figures without OPVANGMONITOR_EXACTE_CIJFERS=1
    at.selectbox(key="rapportage_uitsplitsing").select(
        "D.1.1 Unieke cliënten decentrale opvang naar gemeente van herkomst"
    ).run()
    assert at.dataframe[-1].value.values.tolist() == [
        ["Alphen aan den Rijn", "9", "9", "–"],
        ["Kaag en Braassem", "<5", "<5", "–"],
        ["Nieuwkoop", "x", "x", "–"],
    ]
    at.radio(key="rapportage_soort").set_value("eindverantwoording").run()
    assert any("Eindverantwoording 2025" in m.value for m in at.markdown)
    assert at.caption[-1].value == "Gepubliceerd op 23 november 2026 om 14:05 · peildatum regio: 30 september 2026"


def test_pagina_exacte_cijfers_alleen_als_toegestaan(gepubliceerd, monkeypatch):
    monkeypatch.setenv(o.ENV_EXACTE_CIJFERS, "1")
    at = start_pagina()
    assert [t.label for t in at.sidebar.toggle] == ["Exacte cijfers tonen"]
    assert at.sidebar.toggle[0].value is False
    totalen = {df.value.iloc[0, 0][0]: df.value for df in at.dataframe if "Code" in df.value.columns}
    assert totalen["C"]["Waarde"].tolist() == ["<5"]
    at.sidebar.toggle[0].set_value(True).run()
    totalen = {df.value.iloc[0, 0][0]: df.value for df in at.dataframe if "Code" in df.value.columns}
    assert totalen["C"]["Waarde"].tolist() == ["2"]


def test_pagina_zonder_gegevens(tmp_path, monkeypatch):
    monkeypatch.setenv("OPVANGMONITOR_GEPUBLICEERD", str(tmp_path / "ontbreekt.duckdb"))
    at = start_pagina()
    assert at.info[0].value.startswith("Nog geen gegevens gepubliceerd.")
    assert not downloads(at)


# ------------------------------------------------------------------ on generated data


@pytest.mark.traag
def test_bijlage_iv_op_demo_gegevens(demo_publicatie, monkeypatch):
    pad = demo_publicatie["gepubliceerd"]
    monkeypatch.setenv("OPVANGMONITOR_GEPUBLICEERD", str(pad))
    con = duckdb.connect(str(pad), read_only=True)
    try:
        d111, jaar = con.execute(
            "SELECT teller, year(periode_start) FROM marts.indicatoren WHERE regio = 'rijnstreek' "
            "AND indicator = 'D.1.1' AND periode_type = 'halfjaar' AND month(periode_start) = 1 AND dimensie = '' "
            "AND teller >= 5 ORDER BY periode_start DESC LIMIT 1"
        ).fetchone()
        klein = con.execute(
            "SELECT count(*) FROM marts.indicatoren WHERE regio = 'rijnstreek' AND periode_type = 'halfjaar' "
            "AND periode_start = make_date(?, 1, 1) AND split_part(indicator, '.', 1) IN ('A','B','C','D','E') "
            "AND eenheid = 'aantal' AND noemer IS NULL AND teller BETWEEN 1 AND 4",
            [jaar],
        ).fetchone()[0]
    finally:
        con.close()
    b = gegevens.bron()
    wb = load_workbook(io.BytesIO(export.bijlage_iv_werkboek(b, "rijnstreek", "halfjaar", date(jaar, 1, 1), AAN)))
    assert [n[:2] for n in wb.sheetnames] == ["Ti", "A ", "B ", "C ", "D ", "E "]
    d = blad(wb, wb.sheetnames[4])
    assert zoek_rij(d, "D.1.1")[3] == int(d111)
    cellen = [c for n in wb.sheetnames[1:] for r in blad(wb, n) for c in r]
    # Every small count of the mart became '<5'; no integer cell of a count is 1..4 … checked
    # per sheet through the texts: at least as many '<5' as small counts in the mart.
    assert cellen.count("<5") >= klein
    assert "Uitsplitsingen" in cellen
