"""Decentrale opvang (indicatoren.md D.1): unique clients, inflow and outflow."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

import gegevens
import onderdelen
import opmaak

INDICATOREN = {
    "D.1.1": "Unieke cliënten",
    "D.1.2": "Instroom",
    "D.1.3": "Uitstroom",
}
UITLEG = {
    "D.1.1": "Personen met een periode Opvang lokaal die in de periode actief was.",
    "D.1.2": "Episodes decentrale opvang die in de periode begonnen.",
    "D.1.3": (
        "Episodes decentrale opvang die in de periode eindigden; wie binnen 6 maanden terugkeert, "
        "is niet uitgestroomd. Voorlopig zolang einde + 6 maanden na de peildatum ligt."
    ),
}
CODES = tuple(INDICATOREN)


def vorige(periodes: pd.DataFrame, start) -> pd.Series | None:
    """The period just before the one starting at `start`, or None."""
    eerder = periodes[periodes["periode_start"] < start]
    return None if eerder.empty else eerder.iloc[-1]


def totaal(rijen: pd.DataFrame, indicator: str, start) -> float | None:
    r = rijen[(rijen["indicator"] == indicator) & (rijen["dimensie"] == "") & (rijen["periode_start"] == start)]
    return None if r.empty or pd.isna(r["waarde"].iloc[0]) else float(r["waarde"].iloc[0])


def uitsplitsing(rijen: pd.DataFrame, dimensie: str, start, gemeenten: dict[str, str]) -> pd.DataFrame:
    """One row per value of `dimensie` in the period, one column per indicator that has
    values for it (waarde), values shown as labels; 'Onbekend' last."""
    r = rijen[(rijen["dimensie"] == dimensie) & (rijen["periode_start"] == start)]
    tabel = r.pivot_table(index="dimensie_waarde", columns="indicator", values="waarde", aggfunc="sum")
    tabel = tabel[[c for c in CODES if c in tabel.columns]]
    tabel.index = [opmaak.dimensie_waarde(dimensie, w, gemeenten) for w in tabel.index]
    volgorde = sorted(tabel.index, key=lambda w: (w == "Onbekend", w.lower()))
    return tabel.loc[volgorde]


def kiezen(b: gegevens.Bron):
    """Sidebar: region, period type, period. Returns (regio row, type, periodes, chosen row)."""
    regios = gegevens.regios_met(b, CODES)
    if regios.empty:
        st.info("Geen regio met indicatoren voor decentrale opvang (D.1) in de gepubliceerde gegevens.")
        onderdelen.voettekst(b)
        st.stop()
    namen = dict(zip(regios["regio"], regios["naam"]))
    with st.sidebar:
        regio = st.selectbox("Regio", list(namen), format_func=namen.get, key="regio")
        aanwezig = gegevens.periode_types(b, regio, CODES)
        types = [t for t in opmaak.PERIODE_TYPES if t in aanwezig]
        periode_type = st.selectbox(
            "Soort periode", types, format_func=opmaak.PERIODE_TYPES.get, key=f"periode_type_{regio}"
        )
        periodes = gegevens.periodes(b, regio, periode_type)
        if periodes.empty:
            st.warning("Geen periodes voor deze regio.")
            st.stop()
        labels = list(periodes["periode_label"])
        label = st.selectbox("Periode", labels, index=len(labels) - 1, key=f"periode_{regio}_{periode_type}")
    gekozen = periodes[periodes["periode_label"] == label].iloc[0]
    return regio, namen[regio], periode_type, periodes, gekozen


def tegels(rijen: pd.DataFrame, periodes: pd.DataFrame, gekozen: pd.Series) -> None:
    vorig = vorige(periodes, gekozen["periode_start"])
    for kolom, (code, naam) in zip(st.columns(len(INDICATOREN)), INDICATOREN.items()):
        nu = totaal(rijen, code, gekozen["periode_start"])
        delta = None
        if vorig is not None:
            toen = totaal(rijen, code, vorig["periode_start"])
            if nu is not None and toen is not None:
                delta = f"{opmaak.verschil(nu - toen)} t.o.v. {vorig['periode_label']}"
        kolom.metric(f"{naam} ({code})", opmaak.getal(nu), delta, help=UITLEG[code])


def trend(rijen: pd.DataFrame, periodes: pd.DataFrame, periode_type: str) -> None:
    fig = go.Figure()
    for code, naam in INDICATOREN.items():
        waarden = [totaal(rijen, code, s) for s in periodes["periode_start"]]
        fig.add_trace(go.Scatter(x=list(periodes["periode_label"]), y=waarden, mode="lines+markers", name=naam))
    fig.update_layout(
        title=f"Decentrale opvang per {periode_type}",
        xaxis_title="Periode",
        yaxis_title="Aantal",
        xaxis_type="category",
        legend_title_text="Indicator",
        separators=",.",
        yaxis_rangemode="tozero",
    )
    st.plotly_chart(fig, key="trend")
    st.caption(
        "Totalen per periode: unieke cliënten in decentrale opvang, en het aantal episodes dat begon "
        "(instroom) of eindigde (uitstroom)."
    )


def uitsplitsen(rijen: pd.DataFrame, gekozen: pd.Series, gemeenten: dict[str, str]) -> None:
    st.subheader(f"Uitsplitsing {gekozen['periode_label']}")
    aanwezig = set(rijen.loc[rijen["dimensie"] != "", "dimensie"])
    dimensies = [d for d in opmaak.DIMENSIE_LABELS if d in aanwezig] + sorted(aanwezig - set(opmaak.DIMENSIE_LABELS))
    if not dimensies:
        st.info("Geen uitsplitsingen beschikbaar.")
        return
    dimensie = st.selectbox("Uitsplitsen naar", dimensies, format_func=opmaak.dimensie_label, key="dimensie")
    tabel = uitsplitsing(rijen, dimensie, gekozen["periode_start"], gemeenten)
    if tabel.empty:
        st.info(f"Geen gegevens naar {opmaak.dimensie_label(dimensie).lower()} in {gekozen['periode_label']}.")
        return
    fig = go.Figure()
    for code in tabel.columns:
        fig.add_trace(go.Bar(x=list(tabel.index), y=list(tabel[code]), name=INDICATOREN[code]))
    fig.update_layout(
        title=f"{opmaak.dimensie_label(dimensie)}, {gekozen['periode_label']}",
        xaxis_title=opmaak.dimensie_label(dimensie),
        yaxis_title="Aantal",
        xaxis_type="category",
        barmode="group",
        legend_title_text="Indicator",
        separators=",.",
    )
    st.plotly_chart(fig, key="uitsplitsing")
    getoond = pd.DataFrame({opmaak.dimensie_label(dimensie): tabel.index})
    for code in tabel.columns:
        getoond[INDICATOREN[code]] = [opmaak.getal(w) for w in tabel[code]]
    st.dataframe(getoond, hide_index=True, key="uitsplitsing_tabel")


st.title("Decentrale opvang")
b = onderdelen.bron_of_stop()
regio, regio_naam, periode_type, periodes, gekozen = kiezen(b)
rijen = gegevens.indicatorrijen(b, regio, CODES, periode_type)
rijen = rijen[rijen["variant"] == ""]
st.markdown(f"**{regio_naam}** · {gekozen['periode_label']} ({opmaak.periode(gekozen['periode_start'], gekozen['periode_eind'])})")
tegels(rijen, periodes, gekozen)
trend(rijen, periodes, periode_type)
uitsplitsen(rijen, gekozen, gegevens.gemeentenamen(b))
onderdelen.voettekst(b, gekozen["regio_peildatum"])
