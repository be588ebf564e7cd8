"""Rapportage Bijlage IV: the halfjaarrapportage (H1, due 31 July) or the
eindverantwoording (a year, due 31 March of the next year) of a region as an Excel
workbook in Bijlage IV's order A–E, with a preview. Quarters are no Bijlage IV moment and
are not offered here (every table on the other pages can be downloaded per quarter)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

import export
import gegevens
import onderdelen
import onderdrukking
import opmaak

RAPPORTEN = {
    "halfjaarrapportage": "Halfjaarrapportage (H1, uiterlijk 31 juli)",
    "eindverantwoording": "Eindverantwoording (jaar, uiterlijk 31 maart daarna)",
}


def bijlage_iv_codes(b: gegevens.Bron) -> tuple[str, ...]:
    df = gegevens.lees(
        b,
        "SELECT DISTINCT indicator FROM marts.indicatoren WHERE split_part(indicator, '.', 1) IN ? ORDER BY 1",
        list(export.BIJLAGE_IV_FAMILIES),
    )
    return tuple(df["indicator"])


def jaren(b: gegevens.Bron, regio: str, soort: str) -> list[int]:
    """Years that have the report's period (H1 or the year), newest first."""
    periode_type = export.RAPPORTEN[soort]
    p = gegevens.periodes(b, regio, periode_type)
    starts = [pd.Timestamp(s) for s in p["periode_start"]]
    return sorted({s.year for s in starts if periode_type == "jaar" or s.month == 1}, reverse=True)


def weergave(x) -> str:
    """A workbook cell as shown in the preview (Dutch numbers, suppression texts as is)."""
    if isinstance(x, str):
        return x
    if x is None or pd.isna(x):
        return opmaak.LEEG
    return opmaak.getal(x, None if float(x) == round(float(x)) else 1)


def tekstversie(df: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({k: [weergave(x) for x in df[k].astype(object)] for k in df.columns})


st.title("Rapportage Bijlage IV")
b = onderdelen.bron_of_stop()
inst = onderdrukking.instellingen()
keuze = onderdelen.keuze_of_stop(
    b, bijlage_iv_codes(b), "Geen indicatoren van Bijlage IV (A–E) in de gepubliceerde gegevens."
)

links, rechts = st.columns(2)
soort_standaard = "eindverantwoording" if keuze.periode_type == "jaar" else "halfjaarrapportage"
soort = links.radio(
    "Rapport", list(RAPPORTEN), index=list(RAPPORTEN).index(soort_standaard), format_func=RAPPORTEN.get,
    key="rapportage_soort",
)  # fmt: skip
beschikbaar = jaren(b, keuze.regio, soort)
if not beschikbaar:
    onderdelen.stop(b, "Geen periode voor dit rapport in de gepubliceerde gegevens.")
jaar_standaard = keuze.periode_start.year if keuze.periode_start.year in beschikbaar else beschikbaar[0]
jaar = rechts.selectbox("Jaar", beschikbaar, index=beschikbaar.index(jaar_standaard), key=f"rapportage_jaar_{soort}")

periode_type = export.RAPPORTEN[soort]
inhoud = export.bijlage_iv_inhoud(b, keuze.regio, periode_type, pd.Timestamp(jaar, 1, 1).date(), inst)

st.markdown(f"**{inhoud.regio_naam}** · {inhoud.rapport.capitalize()} {inhoud.periode_label}")
st.table(pd.DataFrame(export.titelregels(inhoud), columns=["Onderdeel", "Inhoud"]).set_index("Onderdeel"))
st.download_button(
    "Download Bijlage IV (Excel)",
    export.werkboek(inhoud),
    file_name=inhoud.bestandsnaam,
    mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    key="rapportage_download",
    type="primary",
    on_click="ignore",
)
st.caption(inst.toelichting())

st.header("Voorbeeld van de inhoud")
uitsplitsingen: dict[str, pd.DataFrame] = {}
for f in inhoud.families:
    st.subheader(export.familie_bladnaam(f))
    if f.jaarlijks_in_halfjaar:
        st.caption(export.jaarlijks_tekst(inhoud.periode_label))
    if f.totalen.empty:
        st.info("Geen gegevens voor deze periode.")
        continue
    st.dataframe(tekstversie(f.totalen), hide_index=True, key=f"rapportage_{f.code}")
    for titel, tabel in f.uitsplitsingen:
        uitsplitsingen[titel] = tabel

if uitsplitsingen:
    st.subheader("Uitsplitsingen")
    titel = st.selectbox("Tabel", list(uitsplitsingen), key="rapportage_uitsplitsing")
    st.dataframe(tekstversie(uitsplitsingen[titel]), hide_index=True, key="rapportage_uitsplitsing_tabel")
    st.caption(f"{len(uitsplitsingen)} uitsplitsingen staan in het werkboek, per familie onder de indicatoren.")

onderdelen.voettekst(b, inhoud.peildatum)
