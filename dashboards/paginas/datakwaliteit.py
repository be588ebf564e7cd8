"""Datakwaliteit: per delivery the reconciliation of every file, the quarantined rows with
example lines, and the data-quality counters (BSN, codes and gemeenten outside their list).
Reads marts.datakwaliteit_leveringen, marts.datakwaliteit_tellers and raw.quarantaine of
the published file."""

from __future__ import annotations

import pandas as pd
import streamlit as st

import gegevens
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
    st.info(onderdelen.GEEN_GEGEVENS)
    st.caption(f"Verwacht bestand: `{gegevens.gepubliceerd_bestand()}`")
    st.stop()

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
toon_tellers(tellers)
toon_indicatortellers(gegevens.indicatortellers(b))
onderdelen.voettekst(b)
