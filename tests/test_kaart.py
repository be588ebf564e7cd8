"""The map (dashboards/kaart.py) and the page Kaart on a hand-made published file.

Rijnstreek = GM0484 Alphen aan den Rijn (112.000 inwoners), GM1884 Kaag en Braassem
(28.000), GM0569 Nieuwkoop (no population, no data). D.1.2 instroom 2026 K3 by
gemeente_herkomst: GM0484 25, GM1884 12, GM0363 Amsterdam 3 (outside the region),
Onbekend 2, total 42. 3 and 2 are below 5 ("<5"); the total minus the shown cells (42 - 37
= 5) fits both 1+4, 2+3, …, so no secondary suppression."""

from __future__ import annotations

import json
import math
import sys
from datetime import date
from pathlib import Path

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from opvangmonitor.paden import DASHBOARD_APP

sys.path.insert(0, str(DASHBOARD_APP.parent))
import gegevens  # noqa: E402
import kaart  # noqa: E402
import staat  # noqa: E402
from app_openen import open_app  # noqa: E402
from gepubliceerd_bouwen import (  # noqa: E402
    GEMEENTEN_RIJNSTREEK, INDICATORTABELLEN, gebruik, gepubliceerd_bestand, vul,
)

K3 = (date(2026, 7, 1), date(2026, 9, 30))
K2 = (date(2026, 4, 1), date(2026, 6, 30))
INWONERS = {"GM0484": "112000", "GM1884": "28000"}
D12_K3 = {"": 42, "GM0484": 25, "GM1884": 12, "GM0363": 3, "Onbekend": 2}
D12_K2 = {"": 30, "GM0484": 20, "GM1884": 10}
PAGINA = "paginas/kaart.py"


def maak_gepubliceerd(pad: Path, inwoners: bool = True) -> None:
    with gepubliceerd_bestand(
        pad,
        (*INDICATORTABELLEN, "config.regio_gemeenten", "config.regio_parameters"),
        regios=[("rijnstreek", "Rijnstreek")],
        gemeenten=[*GEMEENTEN_RIJNSTREEK, ("GM0363", "Amsterdam")],
    ) as con:
        vul(con, "config.regio_gemeenten", [("rijnstreek", c) for c in ("GM0484", "GM1884", "GM0569")])
        if inwoners:
            vul(con, "config.regio_parameters", [("rijnstreek", "inwoners", c, n) for c, n in INWONERS.items()])
        vul(con, "marts.dim_periode", [("rijnstreek", "kwartaal", *K2, "2026 K2", K3[1]),
                                       ("rijnstreek", "kwartaal", *K3, "2026 K3", K3[1])])  # fmt: skip
        rijen = []
        for (s, e), waarden in ((K2, D12_K2), (K3, D12_K3)):
            for code, n in waarden.items():
                dim = "" if code == "" else "gemeente_herkomst"
                rijen.append(["rijnstreek", "D.1.2", "", "kwartaal", s, e, dim, code, n, None, n, "aantal", None, None])
        # D.1.1 has no gemeente dimension here: not offered on the map
        rijen.append(["rijnstreek", "D.1.1", "", "kwartaal", *K3, "", "", 100, None, 100, "aantal", None, None])
        vul(con, "marts.indicatoren", rijen)


@pytest.fixture
def bron(tmp_path, monkeypatch) -> gegevens.Bron:
    pad = tmp_path / "wh.gepubliceerd.duckdb"
    maak_gepubliceerd(pad)
    gebruik(pad, monkeypatch)
    return gegevens.bron()


KEUZE = staat.Keuze("rijnstreek", "kwartaal", *K3)


def test_grensjaar_2025_en_terugval_op_2024(monkeypatch):
    # GM0484 exists in both years -> 2025; a code only in 2024 falls back to 2024
    alleen_2024 = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"statcode": "GM9999"}, "geometry": None}]}  # fmt: skip
    echt = kaart.grenzen

    def grenzen(jaar):
        g = echt(jaar)
        return {**g, "features": g["features"] + alleen_2024["features"]} if jaar == 2024 else g

    monkeypatch.setattr(kaart, "grenzen", grenzen)
    geo, jaren = kaart.grenzen_voor(["GM0484", "GM9999", "GM0000"])
    assert jaren == {"GM0484": 2025, "GM9999": 2024}
    assert [f["properties"]["statcode"] for f in geo["features"]] == ["GM0484", "GM9999"]
    assert len(echt(2025)["features"]) == 342


def test_grenzen_gedraaid_voor_d3_en_wereldkaart_lokaal():
    """The CBS files wind outer rings counter-clockwise (RFC 7946); plotly's d3-geo needs
    clockwise, or a gemeente fills the whole globe. plotly.js also fetches a world
    topojson for every geo plot: the app serves an empty one itself."""
    ruw = json.loads((kaart.GEO_MAP / "gemeente_2025.geojson").read_text(encoding="utf-8"))
    (f_ruw,) = [f for f in ruw["features"] if f["properties"]["statcode"] == "GM0484"]
    (f,) = [f for f in kaart.grenzen(2025)["features"] if f["properties"]["statcode"] == "GM0484"]
    ringen = lambda g: g["coordinates"] if g["type"] == "Polygon" else [r for p in g["coordinates"] for r in p]  # noqa: E731
    assert kaart._oppervlak2(ringen(f_ruw["geometry"])[0]) > 0
    assert kaart._oppervlak2(ringen(f["geometry"])[0]) < 0
    assert sorted(map(tuple, ringen(f["geometry"])[0])) == sorted(map(tuple, ringen(f_ruw["geometry"])[0]))
    for f in kaart.grenzen(2025)["features"] + kaart.grenzen(2024)["features"]:
        g = f["geometry"]
        for poly in [g["coordinates"]] if g["type"] == "Polygon" else g["coordinates"]:
            assert kaart._oppervlak2(poly[0]) < 0, f["properties"]["statcode"]
            assert all(kaart._oppervlak2(gat) > 0 for gat in poly[1:]), f["properties"]["statcode"]
    wereld = DASHBOARD_APP.parent / "static" / "topojson" / "world_110m.json"
    assert kaart.PLOTLY_CONFIG["topojsonURL"] == "app/static/topojson/"
    assert json.loads(wereld.read_text(encoding="utf-8"))["type"] == "Topology"
    assert "enableStaticServing = true" in (DASHBOARD_APP.parent / ".streamlit" / "config.toml").read_text()


def test_kaarttabel_waarden_en_per_1000_inwoners(bron):
    t = kaart.kaarttabel(bron, KEUZE, "D.1.2", per_inwoners=True).set_index("gemeentecode")
    # the region's gemeenten first, then the gemeente from outside with data; Onbekend not on the map
    assert list(t.index) == ["GM0484", "GM0569", "GM1884", "GM0363"]
    assert t.loc["GM0484", "waarde"] == 25 and t.loc["GM0484", "waarde_tekst"] == "25"
    assert t.loc["GM0484", "per_1000"] == pytest.approx(25 / 112000 * 1000)  # 0,2232
    assert t.loc["GM1884", "per_1000"] == pytest.approx(12 / 28000 * 1000)  # 0,4286
    assert not t.loc["GM0569", "heeft_gegevens"] and math.isnan(t.loc["GM0569", "kleurwaarde"])
    assert t.loc["GM0363", "onderdrukt"] and t.loc["GM0363", "waarde_tekst"] == "<5"
    assert math.isnan(t.loc["GM0363", "kleurwaarde"]) and not t.loc["GM0363", "in_regio"]


def test_kaartfiguur_sporen(bron):
    fig = kaart.kaartfiguur(bron, KEUZE, "D.1.2")
    assert [s.name for s in fig.data] == ["Geen gegevens", "Afgeschermd (klein aantal)", "Instroom decentrale opvang (D.1.2)"]
    grijs, afgeschermd, kleur = fig.data
    assert list(grijs.locations) == ["GM0569"]
    assert list(afgeschermd.locations) == ["GM0363"] and "<5" in afgeschermd.text[0]
    assert list(kleur.locations) == ["GM0484", "GM1884"] and list(kleur.z) == [25, 12]
    assert kleur.featureidkey == "properties.statcode"
    assert fig.layout.geo.fitbounds == "locations" and fig.layout.geo.visible is False
    # only the features of the drawn gemeenten are sent, from the CBS 2025 file
    assert sorted(f["properties"]["statcode"] for f in kleur.geojson["features"]) == ["GM0363", "GM0484", "GM0569", "GM1884"]
    per = kaart.kaartfiguur(bron, KEUZE, "D.1.2", per_inwoners=True)
    assert [round(z, 4) for z in per.data[2].z] == [0.2232, 0.4286]
    assert "per 1.000 inwoners: 0,22" in per.data[2].text[0]
    assert "per 1.000 inwoners" in per.layout.title.text
    # an indicator without a gemeente dimension has no map
    assert kaart.kaartfiguur(bron, KEUZE, "D.1.1") is None


def test_gekozen_gemeente_uit_selectie():
    # the shape of st.plotly_chart(..., on_select="rerun").selection for a click on a choropleth
    selectie = {"points": [{"curve_number": 2, "point_number": 1, "point_index": 1, "location": "GM1884", "z": 12}],
                "point_indices": [1], "box": [], "lasso": []}  # fmt: skip
    assert kaart.gekozen_gemeente(selectie) == "GM1884"
    zonder_locatie = {"points": [{"curve_number": 2, "point_index": 0}], "point_indices": [0], "box": [], "lasso": []}
    assert kaart.gekozen_gemeente(zonder_locatie, {2: ["GM0484", "GM1884"]}) == "GM0484"
    assert kaart.gekozen_gemeente({"points": [], "point_indices": [], "box": [], "lasso": []}) is None
    assert kaart.gekozen_gemeente(None) is None


def _selectie_app():
    import streamlit as st

    import kaart
    import staat

    selectie = st.session_state.get("test_selectie")
    kaart.verwerk_selectie(selectie, "kaart")
    st.write(f"filter={staat.gemeente_filter()}")
    if st.button("wis", key="wis"):
        staat.zet_gemeente_filter(None)
        st.rerun()


def test_klik_zet_gemeentefilter_en_wissen_blijft_gewist():
    at = AppTest.from_function(_selectie_app)
    at.run()
    assert at.markdown[0].value == "filter=None"
    at.session_state["test_selectie"] = {"points": [{"curve_number": 0, "point_index": 0, "location": "GM0484"}]}
    at.run()
    assert at.markdown[0].value == "filter=GM0484"
    assert at.query_params["gemeente"] == "GM0484"
    at.button(key="wis").click().run()
    at.run()  # the chart still reports the same selection: it must not set the filter again
    assert at.markdown[0].value == "filter=None"
    at.session_state["test_selectie"] = {"points": [{"curve_number": 0, "point_index": 1, "location": "GM1884"}]}
    at.run()
    assert at.markdown[0].value == "filter=GM1884"


def open_pagina(query: dict | None = None) -> AppTest:
    return open_app("kaart", **(query or {}))


def figuren(at: AppTest) -> dict[str, dict]:
    return {json.loads(el.proto.spec)["layout"]["title"]["text"]: json.loads(el.proto.spec) for el in at.get("plotly_chart")}


def tabel(at: AppTest, *kolommen: str) -> list[dict]:
    """The rows of the one table on the page that has all `kolommen`."""
    (df,) = [d.value for d in at.dataframe if set(kolommen) <= set(d.value.columns)]
    return df.to_dict("records")


def test_pagina_kaart(bron):
    at = open_pagina()
    assert at.title[0].value == "Kaart"
    assert kaart.ATTRIBUTIE in [c.value for c in at.caption]
    assert at.sidebar.selectbox(key="kaart_indicator").value == ("D.1.2", "")
    assert "Centraal Bureau voor de Statistiek (CBS)" in " ".join(m.value for m in at.markdown)
    (titel,) = [t for t in figuren(at) if t.startswith("Instroom decentrale opvang (D.1.2)")]
    assert titel == "Instroom decentrale opvang (D.1.2) naar gemeente van herkomst, 2026 K3"
    rijen = {r["Gemeente"]: r for r in tabel(at, "Code", "In regio")}
    assert rijen["Alphen aan den Rijn"]["Waarde"] == "25"
    assert rijen["Amsterdam"]["Waarde"] == "<5" and rijen["Amsterdam"]["In regio"] == "nee"
    assert rijen["Nieuwkoop"]["Waarde"] == "geen gegevens"
    # per 1.000 inwoners
    at.sidebar.toggle(key="kaart_per_inwoners").set_value(True).run()
    assert not at.exception, at.exception
    rijen = {r["Gemeente"]: r for r in tabel(at, "Code", "In regio")}
    assert rijen["Kaag en Braassem"]["Per 1.000 inwoners"] == "0,43"
    assert rijen["Kaag en Braassem"]["Inwoners"] == "28.000"
    assert any(t.endswith("per 1.000 inwoners naar gemeente van herkomst, 2026 K3") for t in figuren(at))


def test_pagina_met_gemeentefilter(bron):
    at = open_pagina({"gemeente": "GM0484"})
    assert "Gemeente Alphen aan den Rijn" in [s.value for s in at.subheader]
    trend = figuren(at)["Instroom decentrale opvang (D.1.2), Alphen aan den Rijn (gemeente van herkomst)"]
    assert trend["data"][0]["x"] == ["2026 K2", "2026 K3"] and trend["data"][0]["y"] == [20, 25]
    assert [r["Gemeente"] for r in tabel(at, "Code", "In regio")] == ["Alphen aan den Rijn"]
    assert tabel(at, "Als") == [{"Indicator": "Instroom decentrale opvang (D.1.2)", "Als": "Gemeente van herkomst",
                                 "Teller": "25", "Noemer": "–", "Waarde": "25"}]
    at.button(key="kaart_filter_wissen").click().run()
    assert not at.exception, at.exception
    assert "gemeente" not in at.query_params
    assert len(tabel(at, "Code", "In regio")) == 4


def test_geen_inwoners_geen_schakelaar(tmp_path, monkeypatch):
    pad = tmp_path / "wh.gepubliceerd.duckdb"
    maak_gepubliceerd(pad, inwoners=False)
    gebruik(pad, monkeypatch)
    at = open_pagina()
    assert not [t for t in at.sidebar.toggle if t.key == "kaart_per_inwoners"]


def test_publicatie_zonder_regio_gemeenten(tmp_path, monkeypatch):
    """An older publication without config.regio_gemeenten: the map shows the gemeenten
    with data, none of them marked as the region's (Nieuwkoop, without data, is absent)."""
    pad = tmp_path / "wh.gepubliceerd.duckdb"
    maak_gepubliceerd(pad)
    with duckdb.connect(str(pad)) as con:
        con.execute("DROP TABLE config.regio_gemeenten")
    gebruik(pad, monkeypatch)
    rijen = tabel(open_pagina(), "Code", "In regio")
    assert sorted((r["Code"], r["Waarde"], r["In regio"]) for r in rijen) == [
        ("GM0363", "<5", "nee"), ("GM0484", "25", "nee"), ("GM1884", "12", "nee")]


@pytest.mark.traag
def test_kaart_op_demo(demo_publicatie, monkeypatch):
    """On the generated data: the default map (D.1.2 by gemeente van herkomst) shows the
    mart's value for a gemeente of the first region."""
    monkeypatch.setenv("OPVANGMONITOR_GEPUBLICEERD", str(demo_publicatie["gepubliceerd"]))
    con = duckdb.connect(str(demo_publicatie["gepubliceerd"]), read_only=True)
    regio, start, code, n, naam = con.execute(
        """
        SELECT i.regio, i.periode_start, i.dimensie_waarde, i.waarde, g.gemeentenaam
        FROM marts.indicatoren i JOIN marts.dim_gemeente g ON g.gemeentecode = i.dimensie_waarde
        WHERE indicator = 'D.1.2' AND variant = '' AND periode_type = 'kwartaal' AND dimensie = 'gemeente_herkomst'
          AND waarde >= 5
        ORDER BY i.periode_start DESC, i.waarde DESC LIMIT 1
        """
    ).fetchone()
    con.close()
    at = open_pagina({"regio": regio, "periodetype": "kwartaal", "periode": str(start)[:10]})
    rijen = {r["Code"]: r for r in tabel(at, "Code", "In regio")}
    assert rijen[code]["Waarde"] == f"{int(n)}" and rijen[code]["Gemeente"] == naam
    assert kaart.ATTRIBUTIE in [c.value for c in at.caption]
