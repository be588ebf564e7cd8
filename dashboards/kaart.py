"""The map: a region's gemeenten coloured by an indicator that has a gemeente dimension
(gemeente_herkomst, gemeente_opvang, uitstroom_gemeente), optionally per 1.000 inwoners.

Drawn offline: a Plotly `go.Choropleth` on the CBS boundaries in data/geo/ with the
basemap switched off (no tiles are fetched). The boundary year is 2025, falling back to
2024 for a code that only exists in 2024. Counts are suppressed with
onderdrukking.onderdruk before they are coloured: a suppressed gemeente is drawn in a
neutral colour with its suppressed text ("<5", or "x" for secondary suppression) in the hover. Clicking a gemeente sets the page's gemeente
filter (staat.zet_gemeente_filter).
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

import definities
import gegevens
import onderdrukking
import opmaak
import staat

ATTRIBUTIE = "Bron kaartgrenzen: Centraal Bureau voor de Statistiek (CBS), CC BY 4.0"
GEO_MAP = Path(__file__).resolve().parents[1] / "data" / "geo"
GRENSJAREN = (2025, 2024)  # preferred first
# gemeente dimensions in the order a map uses them when the indicator has several
GEMEENTE_DIMENSIES = ("gemeente_herkomst", "gemeente_opvang", "uitstroom_gemeente")
KLEUR_GEEN_GEGEVENS = "#d9d9d9"  # grey: gemeente of the region without data
KLEUR_ONDERDRUKT = "#f2e6c9"  # neutral: a value hidden by small-number suppression
KLEURENSCHAAL = "Blues"
# plotly.js fetches a world topojson for every geo plot, even with the basemap off
# (cdn.plot.ly by default); it gets an empty one from the app's own static folder.
PLOTLY_CONFIG = {"topojsonURL": "app/static/topojson/", "displaylogo": False}


def _oppervlak2(ring: list) -> float:
    """Twice the signed planar area of a ring (lon, lat): > 0 when counter-clockwise."""
    return sum(x1 * y2 - x2 * y1 for (x1, y1, *_), (x2, y2, *_) in zip(ring, ring[1:] + ring[:1]))


def _draai(polygoon: list) -> list:
    """A polygon in the winding d3-geo (and so plotly's geo) expects: the outer ring
    clockwise, holes counter-clockwise. The CBS files follow RFC 7946 (the opposite); with
    that winding d3 fills the whole globe except the gemeente."""
    uit = []
    for i, ring in enumerate(polygoon):
        buiten = i == 0
        tegen = _oppervlak2(ring) > 0
        uit.append(list(reversed(ring)) if tegen == buiten else ring)
    return uit


def _voor_d3(feature: dict) -> dict:
    g = feature["geometry"]
    if g is None:
        return feature
    if g["type"] == "Polygon":
        g = {**g, "coordinates": _draai(g["coordinates"])}
    elif g["type"] == "MultiPolygon":
        g = {**g, "coordinates": [_draai(p) for p in g["coordinates"]]}
    return {**feature, "geometry": g}


@lru_cache(maxsize=4)
def grenzen(jaar: int) -> dict:
    """The CBS gemeente boundaries of `jaar` (GeoJSON FeatureCollection), rings wound
    for d3-geo."""
    ruw = json.loads((GEO_MAP / f"gemeente_{jaar}.geojson").read_text(encoding="utf-8"))
    return {**ruw, "features": [_voor_d3(f) for f in ruw["features"]]}


def grenzen_voor(codes: list[str]) -> tuple[dict, dict[str, int]]:
    """A FeatureCollection with one feature per code that CBS knows (2025, else 2024), and
    per code the boundary year used; codes in neither year are left out."""
    features, jaren = [], {}
    for code in codes:
        for jaar in GRENSJAREN:
            f = next((f for f in grenzen(jaar)["features"] if f["properties"]["statcode"] == code), None)
            if f is not None:
                features.append(f)
                jaren[code] = jaar
                break
    return {"type": "FeatureCollection", "features": features}, jaren


def regio_gemeenten(b: gegevens.Bron, regio: str) -> list[str]:
    """The region's gemeente codes (config.regio_gemeenten); empty in a publication
    without that table (the map then shows the gemeenten with data only)."""
    if "config.regio_gemeenten" not in gegevens.tabellen(b):
        return []
    return list(gegevens.lees(b, "SELECT gemeentecode FROM config.regio_gemeenten WHERE regio = ? ORDER BY gemeentecode", regio)["gemeentecode"])


def inwoners(b: gegevens.Bron, regio: str) -> dict[str, float]:
    """Population per gemeente code from the regions file (`inwoners:` → config.regio_parameters);
    empty when none is configured. Values that are not a positive number are ignored."""
    if "config.regio_parameters" not in gegevens.tabellen(b):
        return {}
    df = gegevens.lees(
        b, "SELECT sleutel, waarde FROM config.regio_parameters WHERE regio = ? AND parameter = 'inwoners'", regio
    )
    uit = {}
    for code, waarde in zip(df["sleutel"], df["waarde"]):
        try:
            n = float(str(waarde).replace("_", ""))
        except ValueError:
            continue
        if n > 0:
            uit[str(code)] = n
    return uit


def kaartindicatoren(b: gegevens.Bron, keuze) -> pd.DataFrame:
    """Indicators of the region with a gemeente dimension in the chosen period type:
    indicator, variant, dimensie (one row each)."""
    return gegevens.lees(
        b,
        """
        SELECT DISTINCT indicator, variant, dimensie
        FROM marts.indicatoren
        WHERE regio = ? AND periode_type = ? AND dimensie IN ?
        ORDER BY indicator, variant, dimensie
        """,
        keuze.regio,
        keuze.periode_type,
        list(GEMEENTE_DIMENSIES),
    )


def _dimensie(b: gegevens.Bron, keuze, indicator: str, variant: str, dimensie: str | None) -> str | None:
    beschikbaar = kaartindicatoren(b, keuze)
    beschikbaar = beschikbaar[(beschikbaar["indicator"] == indicator) & (beschikbaar["variant"] == variant)]
    dims = [d for d in GEMEENTE_DIMENSIES if d in set(beschikbaar["dimensie"])]
    if dimensie is not None:
        return dimensie if dimensie in dims else None
    return dims[0] if dims else None


def _periode_rijen(b: gegevens.Bron, keuze, indicator: str, variant: str, dimensie: str) -> pd.DataFrame:
    """The period's total row and the rows of `dimensie` (marts.indicatoren shape)."""
    return gegevens.lees(
        b,
        """
        SELECT regio, indicator, variant, periode_type, periode_start, periode_eind, dimensie,
               dimensie_waarde, teller, noemer, waarde, eenheid, norm, status
        FROM marts.indicatoren
        WHERE regio = ? AND indicator = ? AND variant = ? AND periode_type = ? AND periode_start = ?
          AND dimensie IN ('', ?)
        ORDER BY dimensie, dimensie_waarde
        """,
        keuze.regio,
        indicator,
        variant,
        keuze.periode_type,
        keuze.periode_start,
        dimensie,
    )


def kaarttabel(
    b: gegevens.Bron, keuze, indicator: str, variant: str = "", per_inwoners: bool = False, dimensie: str | None = None
) -> pd.DataFrame | None:
    """One row per gemeente of the region (and per other gemeente with data for it):
    gemeentecode, gemeente, in_regio, dimensie, teller/noemer/waarde (+ _tekst), onderdrukt,
    inwoners, per_1000 (NaN when hidden or unknown), kleurwaarde (what the map colours).
    None when the indicator has no gemeente dimension for the region."""
    dimensie = _dimensie(b, keuze, indicator, variant, dimensie)
    if dimensie is None:
        return None
    rijen = _periode_rijen(b, keuze, indicator, variant, dimensie)
    inst = onderdrukking.instellingen()
    getoond = onderdrukking.onderdruk(rijen, inst)
    per_gemeente = getoond[getoond["dimensie"] == dimensie].set_index("dimensie_waarde")
    eigen = regio_gemeenten(b, keuze.regio)
    # gemeenten of the region first, then others that have data (e.g. herkomst from outside)
    codes = eigen + [c for c in per_gemeente.index if c not in eigen and c != "Onbekend"]
    namen = gegevens.gemeentenamen(b)
    bevolking = inwoners(b, keuze.regio)
    uit = []
    for code in codes:
        rij = per_gemeente.loc[code] if code in per_gemeente.index else None
        aanwezig = rij is not None
        n_inw = bevolking.get(code, math.nan)
        waarde = float(rij["waarde_grafiek"]) if aanwezig and pd.notna(rij["waarde_grafiek"]) else math.nan
        per_1000 = waarde / n_inw * 1000 if per_inwoners and not math.isnan(n_inw) else math.nan
        uit.append(
            {
                "gemeentecode": code,
                "gemeente": namen.get(code) or _cbs_naam(code) or code,
                "in_regio": code in eigen,
                "dimensie": dimensie,
                "teller": rij["teller"] if aanwezig else math.nan,
                "noemer": rij["noemer"] if aanwezig else math.nan,
                "waarde": rij["waarde"] if aanwezig else math.nan,
                "teller_tekst": rij["teller_tekst"] if aanwezig else opmaak.LEEG,
                "noemer_tekst": rij["noemer_tekst"] if aanwezig else opmaak.LEEG,
                "waarde_tekst": rij["waarde_tekst"] if aanwezig else "geen gegevens",
                "onderdrukt": bool(rij["onderdrukt"]) if aanwezig else False,
                "heeft_gegevens": aanwezig,
                "inwoners": n_inw,
                "per_1000": per_1000,
                "kleurwaarde": per_1000 if per_inwoners else waarde,
            }
        )
    return pd.DataFrame(uit)


@lru_cache(maxsize=1)
def _cbs_namen() -> dict[str, str]:
    namen = {}
    for jaar in reversed(GRENSJAREN):
        namen.update(pd.read_csv(GEO_MAP / f"gemeenten_{jaar}.csv", dtype=str).set_index("statcode")["statnaam"].to_dict())
    return namen


def _cbs_naam(code: str) -> str | None:
    return _cbs_namen().get(code)


@st.cache_data(show_spinner=False, ttl=300)
def _definities() -> dict[str, definities.Indicatordefinitie]:
    return {d.code: d for d in definities.lees().indicatoren}


def definitie(code: str) -> definities.Indicatordefinitie | None:
    return _definities().get(code)


def indicatornaam(code: str, variant: str = "") -> str:
    """'Instroom decentrale opvang (D.1.2)' from the definitions (the code when unknown),
    with ', <variant>' when there is one."""
    d = definitie(code)
    naam = f"{d.naam} ({code})" if d else code
    return f"{naam}, {variant}" if variant else naam


def _hover(rij: pd.Series, naam_waarde: str, per_inwoners: bool) -> str:
    regels = [f"<b>{rij['gemeente']}</b>", f"{naam_waarde}: {rij['waarde_tekst']}"]
    if per_inwoners:
        if rij["onderdrukt"] or not rij["heeft_gegevens"]:
            pass
        elif math.isnan(rij["inwoners"]):
            regels.append("per 1.000 inwoners: geen inwonertal")
        else:
            regels.append(f"per 1.000 inwoners: {opmaak.getal(rij['per_1000'], 2)}")
    if not rij["in_regio"]:
        regels.append("(buiten de regio)")
    return "<br>".join(regels)


def kaartfiguur(
    b: gegevens.Bron, keuze, indicator: str, variant: str = "", per_inwoners: bool = False, dimensie: str | None = None
) -> go.Figure | None:
    """The choropleth of `indicator` for the chosen region and period, or None when the
    indicator has no gemeente dimension there. Three traces: gemeenten with a value
    (coloured), suppressed ones (neutral), and those without data (grey); every trace's
    `locations` are CBS codes (GM....)."""
    tabel = kaarttabel(b, keuze, indicator, variant, per_inwoners, dimensie)
    if tabel is None:
        return None
    geo, jaren = grenzen_voor(list(tabel["gemeentecode"]))
    tabel = tabel[tabel["gemeentecode"].isin(jaren)]
    # outside the region only gemeenten with a value are drawn
    tabel = tabel[tabel["in_regio"] | tabel["heeft_gegevens"]]
    naam = indicatornaam(indicator, variant)
    eenheid = " per 1.000 inwoners" if per_inwoners else ""
    tabel = tabel.assign(hover=[_hover(r, naam, per_inwoners) for _, r in tabel.iterrows()])
    kleur = tabel[tabel["kleurwaarde"].notna()]
    onderdrukt = tabel[tabel["onderdrukt"]]
    leeg = tabel[tabel["kleurwaarde"].isna() & ~tabel["onderdrukt"]]
    fig = go.Figure()
    gemeen = dict(geojson=geo, featureidkey="properties.statcode", hovertemplate="%{text}<extra></extra>",
                  marker_line_color="white", marker_line_width=1)  # fmt: skip
    for deel, naam_trace, kleurcode in ((leeg, "Geen gegevens", KLEUR_GEEN_GEGEVENS), (onderdrukt, "Afgeschermd (klein aantal)", KLEUR_ONDERDRUKT)):
        if not deel.empty:
            fig.add_trace(go.Choropleth(
                locations=list(deel["gemeentecode"]), z=[0] * len(deel), text=list(deel["hover"]),
                colorscale=[[0, kleurcode], [1, kleurcode]], showscale=False, name=naam_trace, **gemeen,
            ))  # fmt: skip
    if not kleur.empty:
        fig.add_trace(go.Choropleth(
            locations=list(kleur["gemeentecode"]), z=list(kleur["kleurwaarde"]), text=list(kleur["hover"]),
            colorscale=KLEURENSCHAAL, zmin=0, name=naam,
            colorbar=dict(title=dict(text=f"{naam}{eenheid}", side="right"), separatethousands=True),
            **gemeen,
        ))  # fmt: skip
    fig.update_geos(fitbounds="locations", visible=False)
    periode = staat.periode_label(b, keuze)
    fig.update_layout(
        title=f"{naam}{eenheid} naar {opmaak.dimensie_label(tabel['dimensie'].iloc[0] if len(tabel) else dimensie or '').lower()}, {periode}",
        separators=",.",
        margin=dict(l=0, r=0, t=50, b=0),
        height=520,
    )
    return fig


def gekozen_gemeente(selectie, locaties: dict[int, list[str]] | None = None) -> str | None:
    """The gemeente code of the clicked point in a plotly_chart selection (the dict
    Streamlit returns as `event.selection`: points with curve_number, point_index and, for
    a choropleth, location). Falls back to the trace's locations by index."""
    if not selectie:
        return None
    punten = selectie.get("points") or []
    if not punten:
        return None
    punt = punten[0]
    code = punt.get("location")
    if code:
        return str(code)
    if locaties is not None:
        spoor = locaties.get(punt.get("curve_number"))
        index = punt.get("point_index", punt.get("point_number"))
        if spoor is not None and index is not None and 0 <= index < len(spoor):
            return spoor[index]
    return None


def verwerk_selectie(selectie, sleutel: str, locaties: dict[int, list[str]] | None = None) -> str | None:
    """Set the gemeente filter from a new click (a selection that was already handled,
    e.g. after the filter was cleared, is not applied again). Returns the code set."""
    code = gekozen_gemeente(selectie, locaties)
    vorige = st.session_state.get(f"{sleutel}__verwerkt")
    if code is None or code == vorige:
        st.session_state[f"{sleutel}__verwerkt"] = code
        return None
    st.session_state[f"{sleutel}__verwerkt"] = code
    staat.zet_gemeente_filter(code)
    return code


def toon_kaart(
    b: gegevens.Bron,
    keuze,
    indicator: str,
    variant: str = "",
    per_inwoners: bool = False,
    dimensie: str | None = None,
    sleutel: str = "kaart",
) -> str | None:
    """Render the map with the CBS attribution below it; returns the gemeente code just
    clicked (and sets it as the gemeente filter), else None."""
    fig = kaartfiguur(b, keuze, indicator, variant, per_inwoners, dimensie)
    if fig is None:
        st.info(f"{indicator} heeft geen uitsplitsing naar gemeente voor deze regio en periode.")
        return None
    event = st.plotly_chart(fig, on_select="rerun", selection_mode="points", key=sleutel, config=PLOTLY_CONFIG)
    st.caption(ATTRIBUTIE)
    locaties = {i: list(t.locations) for i, t in enumerate(fig.data)}
    selectie = event.get("selection") if isinstance(event, dict) else getattr(event, "selection", None)
    return verwerk_selectie(selectie, sleutel, locaties)
