"""Kaart: the region's gemeenten coloured by an indicator with a gemeente dimension, per
1.000 inwoners where the regions file gives a population; clicking a gemeente filters
the page to that gemeente (its figures over time and its other indicators)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

import export
import gegevens
import kaart
import onderdelen
import onderdrukking
import opmaak
import staat

VOORKEUR = ("D.1.2", "D.1.1", "D.1.3")  # the default indicator: instroom per gemeente van herkomst
EENHEDEN = {"percentage": "Percentage", "aantal": "Aantal", "dagen": "Dagen", "uren": "Uren", "euro": "Euro", "score": "Score"}


indicatornaam = kaart.indicatornaam


def kaartcodes(b: gegevens.Bron) -> tuple[str, ...]:
    """Every indicator with a gemeente dimension in any region."""
    df = gegevens.lees(
        b, "SELECT DISTINCT indicator FROM marts.indicatoren WHERE dimensie IN ? ORDER BY indicator",
        list(kaart.GEMEENTE_DIMENSIES),
    )  # fmt: skip
    return tuple(df["indicator"])


def kies_indicator(b: gegevens.Bron, keuze: staat.Keuze) -> tuple[str, str, str] | None:
    """Sidebar: indicator (+ variant) and, when it has several, the gemeente dimension."""
    opties = kaart.kaartindicatoren(b, keuze)
    if opties.empty:
        return None
    paren = list(dict.fromkeys(zip(opties["indicator"], opties["variant"])))
    standaard = next((paren.index(p) for code in VOORKEUR for p in paren if p == (code, "")), 0)
    with st.sidebar:
        indicator, variant = st.selectbox(
            "Indicator", paren, index=standaard, format_func=lambda p: indicatornaam(*p), key="kaart_indicator"
        )
        dims = [d for d in kaart.GEMEENTE_DIMENSIES
                if d in set(opties[(opties["indicator"] == indicator) & (opties["variant"] == variant)]["dimensie"])]  # fmt: skip
        dimensie = dims[0]
        if len(dims) > 1:
            dimensie = st.radio("Gemeente", dims, format_func=opmaak.dimensie_label, key="kaart_dimensie")
    return indicator, variant, dimensie


def toon_tabel(tabel: pd.DataFrame, per_inwoners: bool, naam: str) -> None:
    getoond = pd.DataFrame(
        {
            "Gemeente": tabel["gemeente"],
            "Code": tabel["gemeentecode"],
            "In regio": [opmaak.ja_nee(x) for x in tabel["in_regio"]],
            "Teller": tabel["teller_tekst"],
            "Noemer": tabel["noemer_tekst"],
            "Waarde": tabel["waarde_tekst"],
        }
    )
    if per_inwoners:
        getoond["Inwoners"] = [opmaak.getal(n) for n in tabel["inwoners"]]
        getoond["Per 1.000 inwoners"] = [opmaak.getal(w, 2) for w in tabel["per_1000"]]
    st.dataframe(getoond, hide_index=True, key="kaart_tabel")
    export.downloadknoppen(getoond, naam, "kaart_tabel")


def gemeenterijen(b: gegevens.Bron, keuze: staat.Keuze, code: str) -> pd.DataFrame:
    """Every indicator row of the region and period type with a gemeente dimension,
    suppressed, then restricted to gemeente `code` (all periods)."""
    rijen = gegevens.lees(
        b,
        """
        SELECT regio, indicator, variant, periode_type, periode_start, periode_eind, dimensie,
               dimensie_waarde, teller, noemer, waarde, eenheid, norm, status
        FROM marts.indicatoren i
        WHERE regio = ? AND periode_type = ?
          AND (dimensie IN ? OR (dimensie = '' AND EXISTS (
                SELECT 1 FROM marts.indicatoren j
                WHERE j.regio = i.regio AND j.indicator = i.indicator AND j.dimensie IN ?)))
        ORDER BY indicator, variant, periode_start, dimensie, dimensie_waarde
        """,
        keuze.regio,
        keuze.periode_type,
        list(kaart.GEMEENTE_DIMENSIES),
        list(kaart.GEMEENTE_DIMENSIES),
    )
    if rijen.empty:
        return rijen
    rijen = onderdrukking.onderdruk(rijen, onderdrukking.instellingen())
    return rijen[(rijen["dimensie"] != "") & (rijen["dimensie_waarde"] == code)]


def toon_gemeente(b: gegevens.Bron, keuze: staat.Keuze, code: str, indicator: str, variant: str, dimensie: str) -> None:
    naam = gegevens.gemeentenamen(b).get(code) or kaart._cbs_naam(code) or code
    kop, knop = st.columns([4, 1])
    kop.subheader(f"Gemeente {naam}")
    if knop.button("Filter wissen", key="kaart_filter_wissen"):
        staat.zet_gemeente_filter(None)
        st.rerun()
    rijen = gemeenterijen(b, keuze, code)
    if rijen.empty:
        st.info(f"Geen cijfers naar gemeente voor {naam} in deze regio.")
        return
    periodes = staat.periodes(b, keuze)
    labels = {pd.Timestamp(s): l for s, l in zip(periodes["periode_start"], periodes["periode_label"])}
    reeks = rijen[(rijen["indicator"] == indicator) & (rijen["variant"] == variant) & (rijen["dimensie"] == dimensie)]
    if not reeks.empty:
        x = [labels.get(pd.Timestamp(s), str(s)[:10]) for s in reeks["periode_start"]]
        fig = go.Figure(go.Scatter(x=x, y=list(reeks["waarde_grafiek"]), mode="lines+markers",
                                   text=list(reeks["waarde_tekst"]), hovertemplate="%{x}: %{text}<extra></extra>"))  # fmt: skip
        fig.update_layout(
            title=f"{indicatornaam(indicator, variant)}, {naam} ({opmaak.dimensie_label(dimensie).lower()})",
            xaxis_title="Periode",
            yaxis_title=EENHEDEN.get(str(reeks["eenheid"].iloc[0]), "Waarde"),
            xaxis_type="category",
            separators=",.",
            yaxis_rangemode="tozero",
        )
        st.plotly_chart(fig, key="kaart_gemeente_trend")
        st.caption(f"De waarde voor {naam} per periode; onderdrukte kleine aantallen ontbreken in de lijn.")
    nu = rijen[[pd.Timestamp(s).date() == keuze.periode_start for s in rijen["periode_start"]]]
    tabel = pd.DataFrame(
        {
            "Indicator": [indicatornaam(i, v) for i, v in zip(nu["indicator"], nu["variant"])],
            "Als": [opmaak.dimensie_label(d) for d in nu["dimensie"]],
            "Teller": nu["teller_tekst"],
            "Noemer": nu["noemer_tekst"],
            "Waarde": nu["waarde_tekst"],
        }
    )
    st.markdown(f"**Alle cijfers voor {naam}, {staat.periode_label(b, keuze)}**")
    st.dataframe(tabel, hide_index=True, key="kaart_gemeente_tabel")
    export.downloadknoppen(tabel, f"cijfers {naam} {staat.periode_label(b, keuze)}", "kaart_gemeente_tabel")


st.title("Kaart")
b = onderdelen.bron_of_stop()
keuze = onderdelen.keuze_of_stop(
    b, kaartcodes(b), "Geen indicator met een uitsplitsing naar gemeente in de gepubliceerde gegevens."
)
gekozen = kies_indicator(b, keuze)
if gekozen is None:
    onderdelen.stop(b, "Deze regio heeft in deze soort periode geen indicator met een uitsplitsing naar gemeente.")
indicator, variant, dimensie = gekozen
eenheid = kaart.definitie(indicator).eenheid if kaart.definitie(indicator) else "aantal"
heeft_inwoners = bool(kaart.inwoners(b, keuze.regio)) and eenheid == "aantal"
with st.sidebar:
    per_inwoners = heeft_inwoners and st.toggle("Per 1.000 inwoners", value=False, key="kaart_per_inwoners")

label = staat.periode_label(b, keuze)
st.markdown(
    f"**{staat.regionaam(b, keuze.regio)}** · {label} · {indicatornaam(indicator, variant)} naar "
    f"{opmaak.dimensie_label(dimensie).lower()}"
)
st.markdown(
    "Klik op een gemeente om de pagina op die gemeente te filteren. Grijs: gemeente van de regio zonder "
    "gegevens; lichtgeel: aantal kleiner dan 5 (onderdrukt). De gemeentegrenzen zijn van het Centraal Bureau "
    "voor de Statistiek (CBS), gebruikt onder licentie CC BY 4.0."
)
kaart.toon_kaart(b, keuze, indicator, variant, per_inwoners, dimensie, sleutel="kaart")
st.caption(
    f"{indicatornaam(indicator, variant)} per gemeente in {label}"
    + (", per 1.000 inwoners (inwonertal uit het regiobestand)." if per_inwoners else ".")
)

filter_code = staat.gemeente_filter()
if filter_code:
    toon_gemeente(b, keuze, filter_code, indicator, variant, dimensie)

st.subheader("Cijfers achter de kaart")
tabel = kaart.kaarttabel(b, keuze, indicator, variant, per_inwoners, dimensie)
if tabel is not None:
    if filter_code:
        tabel = tabel[tabel["gemeentecode"] == filter_code]
    toon_tabel(tabel, per_inwoners, f"kaart {indicator} {label}")
onderdelen.voettekst(b)
