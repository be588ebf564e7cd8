"""Datakwaliteit: per delivery the reconciliation of every file, the quarantined rows with
example lines, the Great Expectations results with a link to the Data Docs, and the
data-quality counters (BSN, codes and gemeenten outside their list).
Reads marts.datakwaliteit_leveringen, marts.datakwaliteit_tellers, raw.quarantaine and
meta.gx_resultaten of the published file, and the Data Docs published next to it."""

from __future__ import annotations

import json

import pandas as pd
import streamlit as st

import gegevens
import gx
import onderdelen
import opmaak

VOORBEELDEN_PER_REDEN = 3


def levering_label(rij: pd.Series) -> str:
    actueel = " (actueel)" if rij["is_actueel"] else ""
    return f"{rij['aanbieder']}, levering van {opmaak.datum(rij['leverdatum'])}{actueel}"


def leveringen_overzicht(bestanden: pd.DataFrame) -> pd.DataFrame:
    """One row per delivery: its columns and the rows summed over its files; sluitend when
    every file reconciles (NaN when the delivery has no file rows)."""
    kop = ["levering_id", "aanbieder", "leverdatum", "peildatum", "is_actueel", "geladen_op"]
    return (
        bestanden.groupby(kop, sort=False, dropna=False)
        .agg(
            rijen_gelezen=("rijen_gelezen", "sum"),
            rijen_geladen=("rijen_geladen", "sum"),
            rijen_quarantaine=("rijen_quarantaine", "sum"),
            sluitend=("reconciliatie_klopt", lambda k: k.all() if k.notna().any() else None),
        )
        .reset_index()
    )


def toon_leveringen(bestanden: pd.DataFrame) -> None:
    st.subheader("Leveringen")
    st.caption(
        "Per levering het aantal regels per bestand: gelezen = geladen + in quarantaine (✓ = sluitend). "
        "Alleen de actuele levering van een aanbieder telt mee in de indicatoren."
    )
    overzicht = leveringen_overzicht(bestanden)
    st.dataframe(
        pd.DataFrame(
            {
                "Aanbieder": overzicht["aanbieder"],
                "Leverdatum": [opmaak.datum(d) for d in overzicht["leverdatum"]],
                "Peildatum": [opmaak.datum(d) for d in overzicht["peildatum"]],
                "Actueel": [opmaak.ja_nee(a) for a in overzicht["is_actueel"]],
                "Geladen op": [opmaak.tijdstip(t) for t in overzicht["geladen_op"]],
                "Gelezen": [opmaak.getal(n) for n in overzicht["rijen_gelezen"]],
                "Geladen": [opmaak.getal(n) for n in overzicht["rijen_geladen"]],
                "Quarantaine": [opmaak.getal(n) for n in overzicht["rijen_quarantaine"]],
                "Sluitend": [opmaak.vinkje(k) for k in overzicht["sluitend"]],
            }
        ),
        hide_index=True,
        key="leveringen",
    )
    for _, levering in overzicht.iterrows():
        per_bestand = bestanden[(bestanden["levering_id"] == levering["levering_id"]) & bestanden["bestand"].notna()]
        with st.expander(f"Per bestand: {levering_label(levering)}"):
            if per_bestand.empty:
                st.info("Van deze levering zijn geen bestanden geregistreerd.")
                continue
            st.dataframe(
                pd.DataFrame(
                    {
                        "Bestand": per_bestand["bestand"],
                        "Aanwezig": [opmaak.ja_nee(a) for a in per_bestand["aanwezig"]],
                        "Gelezen": [opmaak.getal(n) for n in per_bestand["rijen_gelezen"]],
                        "Geladen": [opmaak.getal(n) for n in per_bestand["rijen_geladen"]],
                        "Quarantaine": [opmaak.getal(n) for n in per_bestand["rijen_quarantaine"]],
                        "Sluitend": [opmaak.vinkje(k) for k in per_bestand["reconciliatie_klopt"]],
                    }
                ),
                hide_index=True,
                key=f"bestanden_{levering['levering_id']}",
            )


def toon_quarantaine(tellers: pd.DataFrame, voorbeelden: pd.DataFrame, leveringen: pd.DataFrame) -> None:
    st.subheader("Quarantaine")
    st.caption(
        "Regels die het aanleverprotocol breken, worden niet geladen maar met bestand, regelnummer en reden "
        f"bewaard; per reden het aantal en tot {VOORBEELDEN_PER_REDEN} voorbeeldregels zoals aangeleverd "
        "(cliëntnummers gepseudonimiseerd, BSN als ***)."
    )
    redenen = tellers[tellers["teller"] == "quarantaine"]
    if redenen.empty:
        st.success("Geen regels in quarantaine.")
        return
    st.dataframe(
        pd.DataFrame(
            {
                "Aanbieder": redenen["aanbieder"],
                "Leverdatum": [opmaak.datum(d) for d in redenen["leverdatum"]],
                "Bestand": redenen["bestand"],
                "Veld": redenen["veld"],
                "Reden": redenen["reden"],
                "Aantal": [opmaak.getal(n) for n in redenen["aantal"]],
            }
        ),
        hide_index=True,
        key="quarantaine_redenen",
    )
    voorbeelden = voorbeelden.merge(leveringen, on="levering_id")
    st.markdown("**Voorbeeldregels**")
    st.dataframe(
        pd.DataFrame(
            {
                "Aanbieder": voorbeelden["aanbieder"],
                "Leverdatum": [opmaak.datum(d) for d in voorbeelden["leverdatum"]],
                "Bestand": voorbeelden["bestand"],
                "Regel": [opmaak.getal(n) for n in voorbeelden["regel"]],
                "Veld": voorbeelden["veld"],
                "Reden": voorbeelden["reden_regel"],
                "Aangeleverde waarden": voorbeelden["ruwe_waarden"],
            }
        ),
        hide_index=True,
        key="quarantaine_voorbeelden",
    )


def data_docs_link(b: gegevens.Bron):
    """(published Data Docs folder or None, URL of its index.html or None)."""
    docs = gx.gepubliceerde_docs(b)
    if docs is None or not gx.statisch_aan():
        return docs, None
    return docs, gx.statische_kopie(docs)


def toon_gx(b: gegevens.Bron) -> None:
    st.subheader("Validatie (Great Expectations)")
    st.caption(
        "Per tabel een suite met verwachtingen (verplichte velden, codelijsten, sleutels, datumvolgorde, "
        "percentages 0–100), gecontroleerd bij elke load; een mislukte suite houdt de publicatie tegen. "
        "Per suite de laatste uitvoering vóór deze publicatie."
    )
    docs, index_url = data_docs_link(b)
    resultaten = gx.laatste_resultaten(b)
    if resultaten.empty:
        st.info("Deze publicatie bevat nog geen GX-resultaten; ze verschijnen na de volgende load.")
    else:
        mislukt = resultaten["aantal_mislukt"].astype(int)
        getoond = pd.DataFrame(
            {
                "Suite": resultaten["suite"],
                "Tabel": resultaten["tabel"],
                "Rijen": [opmaak.getal(n) for n in resultaten["aantal_rijen"]],
                "Verwachtingen": [opmaak.getal(n) for n in resultaten["aantal_verwachtingen"]],
                "Geslaagd": [opmaak.getal(n) for n in resultaten["aantal_verwachtingen"].astype(int) - mislukt],
                "Mislukt": [opmaak.getal(n) for n in mislukt],
                "Uitslag": [opmaak.vinkje(g) for g in resultaten["geslaagd"]],
                "Steekproef": [opmaak.getal(n) if pd.notna(n) else "" for n in resultaten["steekproef"]],
                "Uitgevoerd op": [opmaak.tijdstip(t) for t in resultaten["uitgevoerd_op"]],
            }
        )
        kolommen = {}
        if index_url is not None:
            getoond["Data Docs"] = [gx.pagina_url(index_url, docs, p) for p in resultaten["data_docs_pagina"]]
            kolommen["Data Docs"] = st.column_config.LinkColumn("Data Docs", display_text="uitslag openen")
        st.dataframe(getoond, hide_index=True, key="gx_resultaten", column_config=kolommen)
        for _, r in resultaten[~resultaten["geslaagd"].astype(bool)].iterrows():
            with st.expander(f"Mislukt in {r['suite']} ({r['tabel']})"):
                for regel in json.loads(r["details"] or "[]"):
                    st.markdown(f"- {regel}")
    if docs is None:
        st.info("Bij deze publicatie zijn geen Data Docs gepubliceerd.")
    elif index_url is not None:
        st.markdown(f"[Data Docs openen (alle verwachtingen en uitkomsten per suite)]({index_url})")
        st.caption(
            "De Data Docs halen hun opmaak en de lijst op hun startpagina van internet (CDN). Zonder internet "
            "blijft die startpagina leeg; de uitslag per suite (kolom Data Docs) is dan onopgemaakt maar volledig."
        )
    else:
        st.markdown(f"Data Docs: `{docs / 'index.html'}` (open dit bestand in een browser op de server).")


def toon_tellers(tellers: pd.DataFrame) -> None:
    st.subheader("Tellers")
    st.caption(
        "Wat wel geladen is maar de cijfers beïnvloedt: een BSN dat niet door de elfproef komt of ontbreekt "
        "(de cliënt is dan niet over aanbieders te koppelen) en codes of gemeenten buiten hun lijst (geteld als Onbekend)."
    )
    overig = tellers[tellers["teller"] != "quarantaine"]
    st.dataframe(
        pd.DataFrame(
            {
                "Aanbieder": overig["aanbieder"],
                "Leverdatum": [opmaak.datum(d) for d in overig["leverdatum"]],
                "Actueel": [opmaak.ja_nee(a) for a in overig["is_actueel"]],
                "Teller": overig["omschrijving"],
                "Bestand": overig["bestand"],
                "Veld": overig["veld"],
                "Aantal": [opmaak.getal(n) for n in overig["aantal"]],
            }
        ),
        hide_index=True,
        key="tellers",
    )


def toon_indicatortellers(tellers: pd.DataFrame) -> None:
    st.subheader("Tellers per indicator")
    st.caption(
        "Records in de actuele leveringen die een indicator overslaat of anders telt, met wat er mee gebeurt "
        "(bijvoorbeeld trajecten zonder nulmeting, intake vóór de aanmelding)."
    )
    st.dataframe(
        pd.DataFrame(
            {
                "Regio": tellers["regio"],
                "Aanbieder": tellers["aanbieder_code"],
                "Teller": tellers["omschrijving"],
                "Aantal": [opmaak.getal(n) for n in tellers["aantal"]],
            }
        ),
        hide_index=True,
        key="indicatortellers",
    )


st.title("Datakwaliteit")
b = gegevens.bron()
if b is None or not gegevens.heeft_datakwaliteit(b):
    onderdelen.geen_gegevens()

bestanden = gegevens.leverbestanden(b)
tellers = gegevens.datakwaliteit_tellers(b)
voorbeelden = gegevens.quarantainevoorbeelden(b, VOORBEELDEN_PER_REDEN)
with st.sidebar:
    if st.toggle("Alleen actuele leveringen", value=False, key="alleen_actueel",
                 help="De actuele levering is de laatste van elke aanbieder; alleen die telt mee in de indicatoren."):
        bestanden = bestanden[bestanden["is_actueel"]]
        tellers = tellers[tellers["is_actueel"]]
leveringen = bestanden[["levering_id", "aanbieder", "leverdatum"]].drop_duplicates()
voorbeelden = voorbeelden[voorbeelden["levering_id"].isin(leveringen["levering_id"])]

toon_leveringen(bestanden)
toon_quarantaine(tellers, voorbeelden, leveringen)
toon_gx(b)
toon_tellers(tellers)
toon_indicatortellers(gegevens.indicatortellers(b))
onderdelen.voettekst(b)
