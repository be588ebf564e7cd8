"""One renderer for every indicator-family page, and the tile shared with Overzicht.

A family page is then a title, the code prefixes of its indicators and any extras:

    b, keuze, rijen = familie.begin("Housing First", ("HF.",))
    familie.toon(b, keuze, rijen)

Everything shown or downloaded goes through onderdrukking.onderdruk (small numbers).
"""

from __future__ import annotations

import math
import re

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

import definities
import export
import gegevens
import onderdelen
import onderdrukking
import opmaak
import staat

STATUS_KLEUR = {"voldoet": "green", "voldoet niet": "red"}
EENHEID_ACHTER = {"percentage": "%", "dagen": " dagen", "uren": " uur"}
EENHEID_AS = {"percentage": "Percentage", "aantal": "Aantal", "dagen": "Dagen", "uren": "Uren", "euro": "Euro", "score": "Score"}
KOLOMMEN = ["indicator", "variant", "periode_start", "periode_eind", "dimensie", "dimensie_waarde",
            "teller", "noemer", "waarde", "eenheid", "norm", "status"]  # fmt: skip


# ------------------------------------------------------------------ definitions


@st.cache_resource(show_spinner=False)
def _definities() -> dict[str, definities.Indicatordefinitie]:
    return {d.code: d for d in definities.lees().indicatoren}


@st.cache_resource(show_spinner=False)
def familietitels() -> dict[str, str]:
    return dict(definities.lees().families)


def naam(code: str) -> str:
    d = _definities().get(code)
    return d.naam if d else code


def uitleg(code: str) -> str:
    """The first sentence of the operational definition, without Markdown."""
    d = _definities().get(code)
    if d is None:
        return ""
    eerste = d.definitie.split("\n\n")[0]
    eerste = re.sub(r"[*`]", "", " ".join(eerste.split()))
    return eerste


def dimensies_van(code: str) -> tuple[str, ...]:
    d = _definities().get(code)
    return d.dimensies if d else ()


def label(code: str, variant: str) -> str:
    """'Klanttevredenheid (B.2.1, binnen norm)': the variant code in words."""
    return f"{naam(code)} ({code}{', ' + variant.replace('_', ' ') if variant else ''})"


# ------------------------------------------------------------------ data


def codes_met(b: gegevens.Bron, voorvoegsels: tuple[str, ...], regio: str | None = None) -> tuple[str, ...]:
    """Indicator codes in the published file that start with any of `voorvoegsels`
    (e.g. 'HF.', 'D.1.'), in natural order; of one region when given."""
    waar = " OR ".join("starts_with(indicator, ?)" for _ in voorvoegsels)
    sql = f"SELECT DISTINCT indicator FROM marts.indicatoren WHERE ({waar})"
    params = list(voorvoegsels)
    if regio is not None:
        sql += " AND regio = ?"
        params.append(regio)
    df = gegevens.lees(b, sql, *params)
    return tuple(sorted(df["indicator"], key=definities.code_sleutel))


def rijen_onderdrukt(b: gegevens.Bron, keuze: staat.Keuze, codes: tuple[str, ...], inst) -> pd.DataFrame:
    """Every row of `codes` for the chosen region and period type (all periods, totals and
    dimension rows), after suppression."""
    rijen = gegevens.indicatorrijen(b, keuze.regio, codes, keuze.periode_type)
    rijen.insert(0, "regio", keuze.regio)
    rijen.insert(1, "periode_type", keuze.periode_type)
    rijen["variant"] = rijen["variant"].fillna("")
    rijen["dimensie"] = rijen["dimensie"].fillna("")
    rijen["periode_start"] = pd.to_datetime(rijen["periode_start"]).dt.date
    rijen["periode_eind"] = pd.to_datetime(rijen["periode_eind"]).dt.date
    return onderdrukking.onderdruk(rijen, inst)


def reeksen(rijen: pd.DataFrame) -> list[tuple[str, str]]:
    """(indicator, variant) pairs with total rows, in natural code order and the
    definition's variant order."""
    totaal = rijen[rijen["dimensie"] == ""]
    paren = set(zip(totaal["indicator"], totaal["variant"]))

    def sleutel(p):
        d = _definities().get(p[0])
        volgorde = list(d.varianten) if d else []
        return (definities.code_sleutel(p[0]), volgorde.index(p[1]) if p[1] in volgorde else len(volgorde), p[1])

    return sorted(paren, key=sleutel)


def _totaalrij(rijen: pd.DataFrame, code: str, variant: str, start) -> pd.Series | None:
    r = rijen[
        (rijen["indicator"] == code) & (rijen["variant"] == variant) & (rijen["dimensie"] == "")
        & (rijen["periode_start"] == start)
    ]  # fmt: skip
    return None if r.empty else r.iloc[0]


def _leeg(x) -> bool:
    return x is None or (isinstance(x, float) and math.isnan(x)) or x is pd.NA


def met_eenheid(tekst: str, eenheid: str | None) -> str:
    """'75,0' + percentage -> '75,0%'; suppressed or empty texts stay as they are."""
    if not tekst or tekst in (opmaak.LEEG, onderdrukking.GEHEIM) or tekst.startswith("<") or not eenheid:
        return tekst
    if eenheid == "euro":
        return f"€ {tekst}"
    return tekst + EENHEID_ACHTER.get(eenheid, "")


def vorige_start(periodes: pd.DataFrame, start):
    starts = [pd.Timestamp(s).date() for s in periodes["periode_start"]]
    eerder = [s for s in starts if s < start]
    return max(eerder) if eerder else None


def periodelabels(periodes: pd.DataFrame) -> dict:
    return {pd.Timestamp(s).date(): lbl for s, lbl in zip(periodes["periode_start"], periodes["periode_label"])}


# ------------------------------------------------------------------ tiles


def tegel(rijen: pd.DataFrame, code: str, variant: str, keuze: staat.Keuze, periodes: pd.DataFrame,
          openstaand: str | None = None) -> None:  # fmt: skip
    """One tile: value, norm and status colour, change against the previous period, and
    pending cases beside the figure. Used by Overzicht and every family page."""
    nu = _totaalrij(rijen, code, variant, keuze.periode_start)
    labels = periodelabels(periodes)
    vorig = vorige_start(periodes, keuze.periode_start)
    toen = _totaalrij(rijen, code, variant, vorig) if vorig is not None else None
    eenheid = nu["eenheid"] if nu is not None else None
    waarde = met_eenheid(nu["waarde_tekst"], eenheid) if nu is not None else opmaak.LEEG
    delta = None
    if nu is not None and toen is not None and not _leeg(nu["waarde_grafiek"]) and not _leeg(toen["waarde_grafiek"]):
        verschil = float(nu["waarde_grafiek"]) - float(toen["waarde_grafiek"])
        delta = f"{opmaak.verschil(round(verschil, 1))} t.o.v. {labels[vorig]}"
    with st.container(border=True):
        st.metric(label(code, variant), waarde, delta, delta_color="off", help=uitleg(code) or None)
        status = nu["status"] if nu is not None and not nu["onderdrukt"] and isinstance(nu["status"], str) else None
        norm = nu["norm"] if nu is not None else None
        if status:
            st.badge(status, color=STATUS_KLEUR.get(status, "gray"))
        elif not _leeg(norm):
            st.badge("geen oordeel", color="gray")
        else:
            st.badge("geen norm", color="gray")
        delen = []
        if not _leeg(norm):
            delen.append(f"Norm: {met_eenheid(opmaak.getal(norm), eenheid)}")
        if openstaand:
            delen.append(openstaand)
        if delen:
            st.caption(" · ".join(delen))


def toon_tegels(b: gegevens.Bron, rijen: pd.DataFrame, keuze: staat.Keuze, periodes: pd.DataFrame,
                paren: list[tuple[str, str]] | None = None, per_rij: int = 4) -> None:  # fmt: skip
    """Tiles for `paren` (default: every series with totals), `per_rij` to a row."""
    import contracten

    inst = onderdrukking.instellingen()
    paren = reeksen(rijen) if paren is None else paren
    if not paren:
        st.info("Geen cijfers voor deze periode.")
        return
    for i in range(0, len(paren), per_rij):
        for kolom, (code, variant) in zip(st.columns(per_rij), paren[i : i + per_rij]):
            with kolom:
                openstaand = contracten.openstaand_tekst(contracten.openstaand(b, keuze, code), inst)
                tegel(rijen, code, variant, keuze, periodes, openstaand)


# ------------------------------------------------------------------ tables and charts


def tabel(rijen: pd.DataFrame, eerste: str, eerste_kolom: str, gemeenten: dict[str, str] | None = None) -> pd.DataFrame:
    """The numbers behind a chart as shown: `eerste` (a column of `rijen`) under the name
    `eerste_kolom`, then teller, noemer, waarde, norm, status (suppressed texts)."""
    eenheid = rijen["eenheid"].iloc[0] if not rijen.empty else None
    waarden = list(rijen[eerste])
    return pd.DataFrame(
        {
            eerste_kolom: waarden,
            "Teller": list(rijen["teller_tekst"]),
            "Noemer": list(rijen["noemer_tekst"]),
            "Waarde": [met_eenheid(t, eenheid) for t in rijen["waarde_tekst"]],
            "Norm": [opmaak.LEEG if _leeg(n) else opmaak.getal(n) for n in rijen["norm"]],
            "Status": [s if isinstance(s, str) and not o else opmaak.LEEG for s, o in zip(rijen["status"], rijen["onderdrukt"])],
        }
    )


def _layout(fig: go.Figure, titel: str, x: str, y: str) -> None:
    fig.update_layout(title=titel, xaxis_title=x, yaxis_title=y, xaxis_type="category", separators=",.",
                      legend_title_text="", yaxis_rangemode="tozero")  # fmt: skip


def toon_trend(rijen: pd.DataFrame, periodes: pd.DataFrame, code: str, variant: str, keuze: staat.Keuze,
               sleutel: str) -> None:  # fmt: skip
    """Line over all periods of the chosen type, with the norm; the table behind it."""
    labels = periodelabels(periodes)
    r = rijen[(rijen["indicator"] == code) & (rijen["variant"] == variant) & (rijen["dimensie"] == "")]
    r = r.sort_values("periode_start")
    r = r.assign(periode=[labels.get(s, str(s)) for s in r["periode_start"]])
    eenheid = r["eenheid"].iloc[0] if not r.empty else "aantal"
    fig = go.Figure()
    fig.add_trace(go.Scatter(x=list(r["periode"]), y=[None if _leeg(w) else w for w in r["waarde_grafiek"]],
                             mode="lines+markers", name=label(code, variant)))  # fmt: skip
    if r["norm"].notna().any():
        fig.add_trace(go.Scatter(x=list(r["periode"]), y=[None if _leeg(n) else n for n in r["norm"]],
                                 mode="lines", name="Norm", line={"dash": "dash"}))  # fmt: skip
    soort = opmaak.PERIODE_TYPES[keuze.periode_type].lower()
    _layout(fig, f"{label(code, variant)} per {soort}", "Periode", EENHEID_AS.get(eenheid, "Waarde"))
    st.plotly_chart(fig, key=f"{sleutel}_trend")
    st.caption(f"Verloop over alle periodes ({soort}). {uitleg(code)}")
    getoond = tabel(r, "periode", "Periode")
    st.dataframe(getoond, hide_index=True, key=f"{sleutel}_trend_tabel")
    export.downloadknoppen(getoond, f"{code} {variant} per {soort}".replace("  ", " "), f"{sleutel}_trend")


def toon_uitsplitsing(b: gegevens.Bron, rijen: pd.DataFrame, code: str, variant: str, keuze: staat.Keuze,
                      periode_label: str, sleutel: str) -> None:  # fmt: skip
    """Bars per value of a chosen dimension in the chosen period, with the gemeente filter
    of the map when set; the table behind it."""
    r = rijen[(rijen["indicator"] == code) & (rijen["variant"] == variant) & (rijen["dimensie"] != "")
              & (rijen["periode_start"] == keuze.periode_start)]  # fmt: skip
    bekend = list(dimensies_van(code))
    aanwezig = set(r["dimensie"])
    dims = [d for d in bekend if d in aanwezig] + sorted(aanwezig - set(bekend))
    if not dims:
        st.info(f"Geen uitsplitsingen van {label(code, variant)} in {periode_label}.")
        return
    dim = st.selectbox("Uitsplitsen naar", dims, format_func=opmaak.dimensie_label, key=f"{sleutel}_dimensie")
    gemeenten = gegevens.gemeentenamen(b)
    r = r[r["dimensie"] == dim].copy()
    filter_ = staat.gemeente_filter()
    if dim in opmaak.GEMEENTE_DIMENSIES and filter_:
        st.info(f"Gefilterd op gemeente {gemeenten.get(filter_, filter_)} (gekozen op de kaart).")
        if st.button("Gemeentefilter verwijderen", key=f"{sleutel}_filter_weg"):
            staat.zet_gemeente_filter(None)
            st.rerun()
        r = r[r["dimensie_waarde"] == filter_]
    r["getoond"] = [opmaak.dimensie_waarde(dim, w, gemeenten) for w in r["dimensie_waarde"]]
    r = r.assign(_s=[(w == "Onbekend", w.lower()) for w in r["getoond"]]).sort_values("_s").drop(columns="_s")
    if r.empty:
        st.info(f"Geen gegevens naar {opmaak.dimensie_label(dim).lower()} in {periode_label}.")
        return
    eenheid = r["eenheid"].iloc[0]
    fig = go.Figure(go.Bar(x=list(r["getoond"]), y=[None if _leeg(w) else w for w in r["waarde_grafiek"]],
                           name=label(code, variant)))  # fmt: skip
    _layout(fig, f"{label(code, variant)} naar {opmaak.dimensie_label(dim).lower()}, {periode_label}",
            opmaak.dimensie_label(dim), EENHEID_AS.get(eenheid, "Waarde"))  # fmt: skip
    st.plotly_chart(fig, key=f"{sleutel}_uitsplitsing")
    st.caption(f"{label(code, variant)} per {opmaak.dimensie_label(dim).lower()} in {periode_label}; "
               "kleine aantallen zijn onderdrukt.")  # fmt: skip
    getoond = tabel(r, "getoond", opmaak.dimensie_label(dim))
    st.dataframe(getoond, hide_index=True, key=f"{sleutel}_uitsplitsing_tabel")
    export.downloadknoppen(getoond, f"{code} {variant} naar {opmaak.dimensie_label(dim)} {periode_label}",
                           f"{sleutel}_uitsplitsing")  # fmt: skip


def toon_varianten(rijen: pd.DataFrame, keuze: staat.Keuze, periode_label: str, titel: str, uitleg_: str,
                   sleutel: str) -> None:  # fmt: skip
    """Grouped bars: every indicator of `rijen` (x) by variant (one bar per variant) in the
    chosen period, e.g. ZRM kort and lang per cluster; the table behind it."""
    r = rijen[(rijen["dimensie"] == "") & (rijen["periode_start"] == keuze.periode_start)]
    r = r.assign(_s=[definities.code_sleutel(c) for c in r["indicator"]]).sort_values(["_s", "variant"])
    if r.empty:
        return
    fig = go.Figure()
    for variant, groep in r.groupby("variant", sort=True):
        fig.add_trace(go.Bar(x=[f"{naam(c)} ({c})" for c in groep["indicator"]],
                             y=[None if _leeg(w) else w for w in groep["waarde_grafiek"]], name=variant or "totaal"))  # fmt: skip
    eenheid = r["eenheid"].iloc[0]
    _layout(fig, titel, "Indicator", EENHEID_AS.get(eenheid, "Waarde"))
    fig.update_layout(barmode="group", legend_title_text="Variant")
    st.plotly_chart(fig, key=f"{sleutel}_varianten")
    st.caption(uitleg_)
    r = r.assign(reeks=[label(c, v) for c, v in zip(r["indicator"], r["variant"])])
    getoond = tabel(r, "reeks", "Indicator")
    st.dataframe(getoond, hide_index=True, key=f"{sleutel}_varianten_tabel")
    export.downloadknoppen(getoond, f"{titel}", f"{sleutel}_varianten")


# ------------------------------------------------------------------ the page


def begin(titel: str, voorvoegsels: tuple[str, ...]):
    """Title, the published file, the shared choice and the suppressed rows of the
    family; stops the page (after a Dutch message) when there is nothing to show.
    Returns (bron, keuze, rijen, instellingen)."""
    st.title(titel)
    b = onderdelen.bron_of_stop()
    inst = onderdrukking.instellingen()
    codes = codes_met(b, voorvoegsels)
    keuze = onderdelen.keuze_of_stop(b, codes, f"Nog geen indicatoren voor {titel} in de gepubliceerde gegevens.")
    rijen = rijen_onderdrukt(b, keuze, codes, inst)
    return b, keuze, rijen, inst


def kop(b: gegevens.Bron, keuze: staat.Keuze) -> str:
    """The line under the title: region, period and its dates; returns the period label."""
    lbl = staat.periode_label(b, keuze)
    st.markdown(f"**{staat.regionaam(b, keuze.regio)}** · {lbl} ({opmaak.periode(keuze.periode_start, keuze.periode_eind)})")
    return lbl


def toon(b: gegevens.Bron, keuze: staat.Keuze, rijen: pd.DataFrame, sleutel: str = "familie",
         tegels: bool = True) -> None:  # fmt: skip
    """The standard family page: tiles, then for a chosen indicator its trend and its
    breakdown by dimension, each with the table of numbers behind it."""
    periodes = staat.periodes(b, keuze)
    lbl = kop(b, keuze)
    if tegels:
        toon_tegels(b, rijen, keuze, periodes)
    paren = reeksen(rijen)
    if not paren:
        return
    st.subheader("Verloop en uitsplitsing")
    teksten = {f"{c}|{v}": label(c, v) for c, v in paren}
    gekozen = st.selectbox("Indicator", list(teksten), format_func=teksten.get, key=f"{sleutel}_indicator")
    code, variant = gekozen.split("|", 1)
    toon_trend(rijen, periodes, code, variant, keuze, sleutel)
    toon_uitsplitsing(b, rijen, code, variant, keuze, lbl, sleutel)


def einde(b: gegevens.Bron, keuze: staat.Keuze) -> None:
    p = staat.periodes(b, keuze)
    onderdelen.voettekst(b, p["regio_peildatum"].iloc[-1] if not p.empty else None)


def periodelabel(b: gegevens.Bron, keuze: staat.Keuze) -> str:
    return staat.periode_label(b, keuze)


def toon_profiel(rijen: pd.DataFrame, keuze: staat.Keuze, periode_label: str, dimensie: str, sleutel: str) -> None:
    """Grouped bars: every indicator × variant of `rijen` (x) split by the values of
    `dimensie` (one bar each) in the chosen period; the table behind it."""
    r = rijen[(rijen["dimensie"] == dimensie) & (rijen["periode_start"] == keuze.periode_start)]
    if r.empty:
        st.info(f"Geen uitsplitsing naar {opmaak.dimensie_label(dimensie).lower()} in {periode_label}.")
        return
    r = r.assign(_s=[(definities.code_sleutel(c), v) for c, v in zip(r["indicator"], r["variant"])]).sort_values("_s")
    r = r.assign(reeks=[f"{naam(c)}{', ' + v if v else ''}" for c, v in zip(r["indicator"], r["variant"])])
    fig = go.Figure()
    for waarde, groep in r.groupby("dimensie_waarde", sort=True):
        fig.add_trace(go.Bar(x=list(groep["reeks"]), y=[None if _leeg(w) else w for w in groep["waarde_grafiek"]],
                             name=waarde))  # fmt: skip
    titel = f"Naar {opmaak.dimensie_label(dimensie).lower()}, {periode_label}"
    _layout(fig, titel, "Indicator", EENHEID_AS.get(r["eenheid"].iloc[0], "Waarde"))
    fig.update_layout(barmode="group", legend_title_text=opmaak.dimensie_label(dimensie))
    st.plotly_chart(fig, key=f"{sleutel}_profiel")
    st.caption(f"Dezelfde indicatoren, uitgesplitst naar {opmaak.dimensie_label(dimensie).lower()} op de nulmeting.")
    r = r.assign(rij=[f"{a}: {w}" for a, w in zip(r["reeks"], r["dimensie_waarde"])])
    getoond = tabel(r, "rij", "Indicator en profiel")
    st.dataframe(getoond, hide_index=True, key=f"{sleutel}_profiel_tabel")
    export.downloadknoppen(getoond, titel, f"{sleutel}_profiel")


def toon_dimensiewaarde(rijen: pd.DataFrame, keuze: staat.Keuze, waarde: str, sleutel: str) -> None:
    """The rows of every indicator of `rijen` for one dimension value (e.g. soort
    'Gezinsopvangwoning') in the chosen period, as a table with downloads."""
    r = rijen[(rijen["dimensie_waarde"] == waarde) & (rijen["periode_start"] == keuze.periode_start)]
    if r.empty:
        st.info(f"Geen cijfers voor {waarde} in deze periode.")
        return
    r = r.assign(_s=[(definities.code_sleutel(c), v) for c, v in zip(r["indicator"], r["variant"])]).sort_values("_s")
    r = r.assign(reeks=[label(c, v) for c, v in zip(r["indicator"], r["variant"])])
    getoond = pd.concat(
        [tabel(groep, "reeks", "Indicator") for _, groep in r.groupby("eenheid", sort=False)], ignore_index=True
    )
    st.dataframe(getoond, hide_index=True, key=f"{sleutel}_tabel")
    st.caption(f"Bezetting (BZ.1) en verblijfsduur (BZ.2) van {waarde} in deze periode.")
    export.downloadknoppen(getoond, f"{waarde} {keuze.periode_start}", sleutel)
