"""dashboards/contracten.py: pending cases, the Housing First stoplicht list, the Amersfoort
MO.1 report and the nachtopvang prestatielevering MO.6, on a hand-built published file
(exact figures known) and on the generated demo data."""

from __future__ import annotations

import io
import json
import sys
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import duckdb
import pytest
from openpyxl import load_workbook
from streamlit.testing.v1 import AppTest

from opvangmonitor.paden import DASHBOARD_APP

DASHBOARDS = str(DASHBOARD_APP.parent)
sys.path.insert(0, DASHBOARDS)
import contracten  # noqa: E402
import gegevens  # noqa: E402
from onderdrukking import Instellingen  # noqa: E402
from staat import Keuze  # noqa: E402
from gepubliceerd_bouwen import INDICATORTABELLEN, gebruik, gepubliceerd_bestand, vul  # noqa: E402

PEIL_VALLEI = date(2025, 9, 30)
PEIL_AMERSFOORT = date(2025, 12, 31)
K3 = Keuze("valleiregio", "kwartaal", date(2025, 7, 1), date(2025, 9, 30))
K4 = Keuze("amersfoort", "kwartaal", date(2025, 10, 1), date(2025, 12, 31))
AAN = Instellingen()  # suppression on (the default)
UIT = Instellingen(aan=False)  # exact figures

# hf_stoplicht on the region's peildatum: (persoon_key, start, weken, licht, datum licht, >104 weken)
STOPLICHT = [
    ("p_rood_52", date(2024, 10, 1), 52, "rood", date(2025, 9, 1), False),
    ("p_rood_729", PEIL_VALLEI - timedelta(days=729), 104, "rood", date(2025, 8, 15), True),
    ("p_groen_728", PEIL_VALLEI - timedelta(days=728), 104, "groen", date(2025, 9, 10), False),
    *[(f"p_groen_{i}", date(2025, 1, i), 38, "groen", date(2025, 9, 2), False) for i in range(1, 7)],
    ("p_oranje_1", date(2025, 2, 1), 34, "oranje", date(2025, 9, 3), False),
    ("p_oranje_2", date(2025, 3, 1), 30, "oranje", date(2025, 9, 4), False),
    ("p_geen", date(2025, 9, 1), 4, None, None, False),
]

# mo1_personen, amersfoort 2025 K4: (onderdeel, locatie, persoon_key, gemeente, start, eind, maanden, perspectief)
MO1 = (
    [("A Centrale opvang (24-uurs verblijf)", "De Haven (L1)", f"a{i}", "GM0307", date(2025, 8, i + 1), None, 4.0, "Zelfstandig wonen")
     for i in range(9)]
    + [("A Centrale opvang (24-uurs verblijf)", "De Haven (L1)", f"b{i}", "GM0308", date(2025, 11, i + 1), None, 1.0, "Begeleid wonen")
       for i in range(3)]
    + [("B Nachtopvang", "Nachtopvang Oost (L2)", f"c{i}", "GM0307", date(2025, 10, i + 1), date(2025, 12, 1), 2.0, None)
       for i in range(6)]
    + [("B Nachtopvang", "Nachtopvang Oost (L2)", f"d{i}", None, date(2024, 10, i + 1), None, 14.0, "Onbekend")
       for i in range(2)]
    + [("C Doorstroomwoning", "Villa (L3)", f"e{i}", "GM0307", date(2025, 3, i + 1), None, 9.0, "Zelfstandig wonen")
       for i in range(5)]
)  # fmt: skip

# MO.6 month rows (amersfoort, 2025 K4): maand, persoonsdagen, dagen, norm, status
MO6 = [
    ("2025-10", 248, 31, 10, "voldoet niet"),
    ("2025-11", 600, 30, 20, "voldoet"),
    ("2025-12", 651, 31, 20, "voldoet"),
]


def klasse(maanden: float) -> str:
    """The mart's verblijfsduur class (seed mo_verblijfsduur_klassen)."""
    return "< 3 maanden" if maanden < 3 else "3–6 maanden" if maanden < 6 else "6–12 maanden" if maanden < 12 else "12 maanden of langer"


def maak_gepubliceerd(pad: Path, met_marts: bool = True) -> None:
    extra = ("marts.indicatoren_openstaand", "marts.hf_stoplicht", "marts.mo1_personen") if met_marts else ()
    with gepubliceerd_bestand(
        pad,
        (*INDICATORTABELLEN, "marts.datakwaliteit_leveringen", *extra),
        regios=[("valleiregio", "Valleiregio"), ("amersfoort", "Regio Amersfoort")],
        gemeenten=[("GM0307", "Amersfoort"), ("GM0308", "Baarn")],
    ) as con:
        con.execute(
            "INSERT INTO marts.datakwaliteit_leveringen (aanbieder_code, aanbieder_naam) VALUES ('valleizorg', 'Valleizorg B.V.')"
        )
        for regio, peil in (("valleiregio", PEIL_VALLEI), ("amersfoort", PEIL_AMERSFOORT)):
            vul(con, "marts.dim_periode", [(regio, "kwartaal", date(2025, 7, 1), date(2025, 9, 30), "2025 K3", peil),
                                           (regio, "kwartaal", date(2025, 10, 1), date(2025, 12, 31), "2025 K4", peil)])  # fmt: skip
        rijen = [
            ["valleiregio", "HF.5", "", "kwartaal", K3.periode_start, K3.periode_eind, "", "", 6, 8, 75.0, "percentage", None, None],
            ["amersfoort", "MO.6", "", "kwartaal", K4.periode_start, K4.periode_eind, "", "", 1499, 92, 1499 / 92, "aantal",
             (10 * 31 + 20 * 61) / 92, "voldoet niet"],
        ]
        for maand, dagen_bezet, dagen, norm, status in MO6:
            rijen.append(["amersfoort", "MO.6", "", "kwartaal", K4.periode_start, K4.periode_eind, "maand", maand,
                          dagen_bezet, dagen, dagen_bezet / dagen, "aantal", norm, status])  # fmt: skip
        vul(con, "marts.indicatoren", rijen)
        if not met_marts:
            return
        vul(con, "marts.indicatoren_openstaand",
            [["valleiregio", "HF.5", "", "kwartaal", K3.periode_start, K3.periode_eind, 3],
             ["valleiregio", "GZ.2", "", "kwartaal", K3.periode_start, K3.periode_eind, 0],
             ["valleiregio", "HF.5", "", "kwartaal", date(2025, 4, 1), date(2025, 6, 30), 7]])  # fmt: skip
        con.executemany(
            "INSERT INTO marts.hf_stoplicht (regio, peildatum, aanbieder_code, persoon_key, traject_start, weken_lopend, "
            "laatste_stoplicht, laatste_stoplicht_datum, langer_dan_104_weken, maximum_dagen) "
            "VALUES ('valleiregio', ?, 'valleizorg', ?, ?, ?, ?, ?, ?, 728)",
            [[PEIL_VALLEI, *r] for r in STOPLICHT]
            # an older peildatum: not listed
            + [[date(2025, 6, 30), "p_oud", date(2024, 1, 1), 78, "rood", date(2025, 6, 1), False]],
        )
        vul(con, "marts.mo1_personen",
            [["amersfoort", "kwartaal", K4.periode_start, K4.periode_eind, o, loc, p, g, s, m, klasse(m), e, u]
             for o, loc, p, g, s, e, m, u in MO1])  # fmt: skip


@pytest.fixture
def gepubliceerd(tmp_path, monkeypatch) -> Path:
    pad = tmp_path / "wh.gepubliceerd.duckdb"
    maak_gepubliceerd(pad)
    return gebruik(pad, monkeypatch)


def _script(dashboards: str, functie: str, keuze: tuple, exact: bool) -> None:
    import sys

    sys.path.insert(0, dashboards)
    import contracten
    import gegevens
    import onderdrukking
    import staat

    b = gegevens.bron()
    k = staat.Keuze(*keuze)
    inst = onderdrukking.Instellingen(aan=not exact)
    if functie == "stoplicht":
        contracten.toon_stoplicht_lijst(b, k, inst)
    elif functie == "mo1":
        contracten.toon_mo1(b, k, inst)
    elif functie == "mo6":
        contracten.toon_nachtopvang_prestatie(b, k, inst)


def toon(functie: str, keuze: Keuze, exact: bool = False, query: dict | None = None) -> AppTest:
    at = AppTest.from_function(
        _script,
        args=(DASHBOARDS, functie, (keuze.regio, keuze.periode_type, keuze.periode_start, keuze.periode_eind), exact),
        default_timeout=30,
    )
    for k, v in (query or {}).items():
        at.query_params[k] = v
    at.run()
    assert not at.exception, at.exception
    return at


# AppTest exposes no key of a st.dataframe: tables are found by their order on the page.


def knoppen(at: AppTest) -> list[str]:
    return [k.proto.label for k in at.get("download_button")]


# ------------------------------------------------------------------ pending cases


def test_openstaand(gepubliceerd):
    b = gegevens.bron()
    assert contracten.openstaand(b, K3, "HF.5") == 3
    assert contracten.openstaand(b, K3, "GZ.2") == 0
    assert contracten.openstaand(b, K3, "MO.3") is None  # no row
    assert contracten.openstaand(b, K4, "HF.5") is None  # another region/period
    assert contracten.openstaand_tekst(3) == "3 nog binnen termijn (niet in de noemer)"
    assert contracten.openstaand_tekst(3, AAN) == "<5 nog binnen termijn (niet in de noemer)"
    assert contracten.openstaand_tekst(3, UIT) == "3 nog binnen termijn (niet in de noemer)"
    assert contracten.openstaand_tekst(0, AAN) == "0 nog binnen termijn (niet in de noemer)"
    assert contracten.openstaand_tekst(1234, AAN) == "1.234 nog binnen termijn (niet in de noemer)"
    assert contracten.openstaand_tekst(None) is None


def test_zonder_nieuwe_marts(tmp_path, monkeypatch):
    """An older publication without the contract marts: messages, no errors."""
    pad = tmp_path / "oud.duckdb"
    maak_gepubliceerd(pad, met_marts=False)
    gebruik(pad, monkeypatch)
    assert contracten.openstaand(gegevens.bron(), K3, "HF.5") is None
    at = toon("stoplicht", K3)
    assert "marts.hf_stoplicht" in at.info[0].value
    at = toon("mo1", K4)
    assert "marts.mo1_personen" in at.info[0].value


# ------------------------------------------------------------------ stoplicht


def test_stoplicht_afgeschermd(gepubliceerd):
    at = toon("stoplicht", K3)
    assert [(m.label, m.value) for m in at.metric] == [
        ("Groen", "7"), ("Oranje", "<5"), ("Rood", "<5"), ("Geen stoplicht", "<5"), ("Totaal", "12"),
    ]  # fmt: skip
    assert any("30 september 2025" in c.value for c in at.caption)
    assert at.warning[0].value == (
        "Lopende trajecten langer dan de maximale duur van Housing First (104 weken): <5."
    )
    # no person-level list while small numbers are suppressed
    assert not at.dataframe
    assert any("alleen zichtbaar met exacte cijfers" in i.value for i in at.info)
    assert knoppen(at) == ["Download CSV", "Download Excel"]  # the counts only


def test_stoplicht_exact(gepubliceerd):
    at = toon("stoplicht", K3, exact=True)
    assert [m.value for m in at.metric] == ["7", "2", "2", "1", "12"]
    assert at.warning[0].value.endswith(": 1.")
    rood = at.dataframe[0].value
    assert list(rood.columns) == [
        "Pseudoniem", "Aanbieder", "Start traject", "Weken lopend", "Laatste stoplicht",
        "Datum laatste stoplicht", "Langer dan maximum",
    ]  # fmt: skip
    assert rood.values.tolist() == [
        ["p_rood_729", "Valleizorg B.V.", "2 oktober 2023", "104", "Rood", "15 augustus 2025", "ja"],
        ["p_rood_52", "Valleizorg B.V.", "1 oktober 2024", "52", "Rood", "1 september 2025", "nee"],
    ]  # the older peildatum's p_oud is not listed
    lang = at.dataframe[1].value
    assert lang["Pseudoniem"].tolist() == ["p_rood_729"]  # 728 days is not past 104 weeks
    assert knoppen(at) == ["Download CSV", "Download Excel"] * 3


def test_stoplicht_lijst_download_heeft_datums(gepubliceerd):
    b = gegevens.bron()
    df = contracten.stoplicht_gegevens(b, "valleiregio")
    lijst = contracten.trajectlijst(df[df["laatste_stoplicht"] == "rood"], contracten.aanbiedernamen(b))
    import export

    ws = load_workbook(io.BytesIO(export.excel_bytes({"Rode trajecten": lijst}))).active
    assert ws.title == "Rode trajecten"
    assert [c.value for c in ws[1]][:3] == ["Pseudoniem", "Aanbieder", "Start traject"]
    assert ws["C2"].value.date() == date(2023, 10, 2) and ws["C2"].number_format == "d-m-yyyy"
    assert contracten.stoplicht_telling(df)["Trajecten"].tolist() == [7, 2, 2, 1]


# ------------------------------------------------------------------ MO.1


def test_mo1_kruistabel_afgeschermd(gepubliceerd):
    at = toon("mo1", K4)
    assert at.caption[0].value.startswith("Personen die in 2025 K4 in een onderdeel verbleven")
    tabel = at.dataframe[0].value
    assert list(tabel.columns) == ["Onderdeel", "Locatie", "Amersfoort", "Baarn", "Onbekend", "Totaal personen"]
    # Baarn 3 and Onbekend 2 are '<5'; the row totals would reveal them, so the next
    # smallest cell of each row is hidden too ('x').
    assert tabel.values.tolist() == [
        ["A Centrale opvang (24-uurs verblijf)", "De Haven (L1)", "x", "<5", "0", "12"],
        ["B Nachtopvang", "Nachtopvang Oost (L2)", "x", "0", "<5", "8"],
        ["C Doorstroomwoning", "Villa (L3)", "5", "0", "0", "5"],
    ]
    assert "Download personenlijst (Excel)" not in knoppen(at)
    assert len(at.dataframe) == 1  # the table only, no person list
    assert any("alleen zichtbaar met exacte cijfers" in i.value for i in at.info)


def test_mo1_exact_en_uitsplitsing(gepubliceerd):
    at = toon("mo1", K4, exact=True)
    assert at.dataframe[0].value.values.tolist() == [
        ["A Centrale opvang (24-uurs verblijf)", "De Haven (L1)", "9", "3", "0", "12"],
        ["B Nachtopvang", "Nachtopvang Oost (L2)", "6", "0", "2", "8"],
        ["C Doorstroomwoning", "Villa (L3)", "5", "0", "0", "5"],
    ]
    at.selectbox(key="mo1_uitsplitsing").select("verblijfsduur").run()
    tabel = at.dataframe[0].value
    assert list(tabel.columns)[2:] == [
        "< 3 maanden", "3–6 maanden", "6–12 maanden", "12 maanden of langer", "Totaal personen",
    ]  # fmt: skip
    assert tabel.values.tolist()[1] == ["B Nachtopvang", "Nachtopvang Oost (L2)", "6", "0", "0", "2", "8"]
    personen = at.dataframe[1].value
    assert len(personen) == 25
    d0 = personen[personen["Pseudoniem"] == "d0"].iloc[0].tolist()
    assert d0 == ["d0", "B Nachtopvang", "Nachtopvang Oost (L2)", "Onbekend", "1 oktober 2024", "–", "14", "Onbekend"]
    assert "Download personenlijst (Excel)" in knoppen(at)


def test_mo1_gemeentefilter(gepubliceerd):
    at = toon("mo1", K4, exact=True, query={"gemeente": "GM0308"})
    assert at.dataframe[0].value.values.tolist() == [
        ["A Centrale opvang (24-uurs verblijf)", "De Haven (L1)", "3", "3"],
    ]
    assert any("Baarn (filter van de kaart)" in c.value for c in at.caption)


def test_mo1_excel_terug_gelezen(gepubliceerd):
    b = gegevens.bron()
    lijst = contracten.mo1_personenlijst(contracten.mo1_gegevens(b, K4), gegevens.gemeentenamen(b))
    wb = load_workbook(io.BytesIO(contracten.mo1_excel(lijst, "Personen 2025 K4", [("Regio", "Regio Amersfoort")])))
    assert wb.sheetnames == ["Personen 2025 K4", "Toelichting"]
    ws = wb["Personen 2025 K4"]
    assert [c.value for c in ws[1]] == [
        "Pseudoniem", "Onderdeel", "Locatie", "Gemeente van herkomst", "Startdatum", "Einddatum",
        "Maanden verblijf", "Uitstroomperspectief",
    ]  # fmt: skip
    rijen = {r[0]: r for r in ws.iter_rows(min_row=2, values_only=True)}
    assert len(rijen) == 25
    c0 = rijen["c0"]
    assert c0[:4] == ("c0", "B Nachtopvang", "Nachtopvang Oost (L2)", "Amersfoort")
    assert c0[4].date() == date(2025, 10, 1) and c0[5].date() == date(2025, 12, 1)
    assert c0[6:] == (2, "Onbekend")  # no uitstroomperspectief delivered
    assert rijen["b2"][3] == "Baarn" and rijen["b2"][5] is None and rijen["b2"][7] == "Begeleid wonen"
    cel = next(c for c in ws["E"][1:] if c.value is not None)
    assert cel.number_format == "d-m-yyyy"
    assert [c.value for c in wb["Toelichting"][2]] == ["Regio", "Regio Amersfoort"]


# ------------------------------------------------------------------ MO.6


def test_mo6_maanden_tegen_contract(gepubliceerd):
    at = toon("mo6", K4)
    figuren = {json.loads(f.proto.spec)["layout"]["title"]["text"]: json.loads(f.proto.spec) for f in at.get("plotly_chart")}
    fig = figuren["Bezette plekken nachtopvang per maand, 2025 K4"]
    reeks = {t["name"]: (t["x"], t["y"], t["type"]) for t in fig["data"]}
    maanden = ["oktober 2025", "november 2025", "december 2025"]
    assert reeks["Gemiddeld bezette plekken"] == (maanden, [8.0, 20.0, 21.0], "bar")
    assert reeks["Gecontracteerde plekken"] == (maanden, [10, 20, 20], "scatter")  # winter 20, October 10
    assert fig["layout"]["xaxis"]["title"]["text"] == "Maand"
    assert fig["layout"]["yaxis"]["title"]["text"] == "Plekken"
    tabel = at.dataframe[0].value
    assert tabel.values.tolist() == [
        ["oktober 2025", "8,0", "10", "voldoet niet", "248", "31"],
        ["november 2025", "20,0", "20", "voldoet", "600", "30"],
        ["december 2025", "21,0", "20", "voldoet", "651", "31"],
    ]
    # (10×31 + 20×61) / 92 = 16,63 contracted places on average over the quarter
    assert any(
        c.value == "Gemiddeld over 2025 K4: 16,3 bezette plekken (gecontracteerd gemiddeld 16,6)." for c in at.caption
    )


def test_mo6_geen_rijen(gepubliceerd):
    at = toon("mo6", replace(K3, regio="amersfoort"))
    assert at.info[0].value == "Geen cijfers voor de nachtopvang (MO.6) in 2025 K3."


# ------------------------------------------------------------------ demo data


@pytest.mark.traag
def test_demo_publicatie(demo_publicatie, monkeypatch):
    monkeypatch.setenv("OPVANGMONITOR_GEPUBLICEERD", str(demo_publicatie["gepubliceerd"]))
    b = gegevens.bron()
    aanwezig = gegevens.tabellen(b)
    ontbreekt = {contracten.STOPLICHT_TABEL, contracten.MO1_TABEL, contracten.OPENSTAAND_TABEL} - aanwezig
    if ontbreekt:
        pytest.skip(f"de dbt-marts bestaan nog niet: {', '.join(sorted(ontbreekt))}")
    con = duckdb.connect(str(demo_publicatie["gepubliceerd"]), read_only=True)
    try:
        regio, peil, rood = con.execute(
            "SELECT regio, peildatum, count(*) FILTER (WHERE laatste_stoplicht = 'rood') FROM marts.hf_stoplicht "
            "GROUP BY ALL ORDER BY peildatum DESC LIMIT 1"
        ).fetchone()
        mo1 = con.execute(
            "SELECT regio, periode_type, periode_start, periode_eind, count(DISTINCT persoon_key) AS n "
            "FROM marts.mo1_personen WHERE periode_type = 'kwartaal' GROUP BY ALL ORDER BY n DESC, periode_start LIMIT 1"
        ).fetchone()
        mo6 = con.execute(
            "SELECT regio, periode_start, periode_eind, dimensie_waarde, waarde, norm FROM marts.indicatoren "
            "WHERE indicator = 'MO.6' AND periode_type = 'jaar' AND dimensie = 'maand' ORDER BY periode_start, dimensie_waarde"
        ).df()
    finally:
        con.close()
    # stoplicht: exact, the red list has every red trajectory of the region's peildatum
    at = toon("stoplicht", Keuze(regio, "kwartaal", date(peil.year, 1, 1), peil), exact=True)
    if rood:
        assert len(at.dataframe[0].value) == rood
    assert sum(int(m.value.replace(".", "")) for m in at.metric[:-1]) == int(at.metric[-1].value.replace(".", ""))
    # MO.1: the exact person list has every person of the period
    at = toon("mo1", Keuze(*mo1[:4]), exact=True)
    assert at.dataframe[1].value["Pseudoniem"].nunique() == mo1[4]
    # MO.6: the chart shows the mart's months and norms
    assert not mo6.empty, "MO.6 heeft geen maandrijen"
    eerste = mo6[mo6["periode_start"] == mo6["periode_start"].iloc[0]]
    at = toon("mo6", Keuze(eerste["regio"].iloc[0], "jaar", eerste["periode_start"].iloc[0].date(),
                           eerste["periode_eind"].iloc[0].date()))  # fmt: skip
    fig = json.loads(at.get("plotly_chart")[0].proto.spec)
    reeks = {t["name"]: t["y"] for t in fig["data"]}
    assert reeks["Gecontracteerde plekken"] == [float(n) for n in eerste["norm"]]
    assert reeks["Gemiddeld bezette plekken"] == pytest.approx([float(w) for w in eerste["waarde"]])
