"""Definities: how the monitor computes every indicator. The common ground, then per
family each indicator's text in the contract, its operational definition and the choices
made. Reads data/definities/*.yml (definities.py), not the warehouse: it works without a
published file."""

from __future__ import annotations

import streamlit as st

import definities
import opmaak


def md(tekst: str) -> str:
    """Text from the files as Markdown, without formulas ($ is a dollar sign)."""
    return tekst.replace("$", "\\$")


def toon_keuzes(keuzes: tuple[str, ...]) -> None:
    st.markdown("**Keuzes**")
    if keuzes:
        st.markdown("\n".join(f"- {md(' '.join(k.split()))}" for k in keuzes))
    else:
        st.markdown("Geen: de definitie laat niets open.")


def toon_begrip(b: definities.Begrip, open_: bool) -> None:
    with st.expander(b.onderwerp, expanded=open_):
        st.markdown(md(b.tekst))
        if b.keuzes:
            toon_keuzes(b.keuzes)


def toon_indicator(d: definities.Indicatordefinitie, open_: bool) -> None:
    with st.expander(f"{d.code} {d.naam}", expanded=open_):
        st.markdown(f"**{definities.brontekst_kop(d.familie)}**")
        st.markdown(md(d.bijlage_tekst))
        st.markdown("**Operationele definitie**")
        st.markdown(md(d.definitie))
        toon_keuzes(d.keuzes)
        varianten = ", ".join(f"`{v}`" for v in d.varianten) or "geen (alleen het totaal)"
        dimensies = ", ".join(opmaak.dimensie_label(x) for x in d.dimensies) or "geen"
        st.markdown(
            f"**Eenheid:** {md(d.eenheid)}  \n**Varianten:** {varianten}  \n**Uitsplitsingen:** {dimensies}"
        )


st.title("Definities")
st.markdown(
    "Hoe de monitor elke indicator berekent: eerst de begrippen die voor alle indicatoren gelden, "
    "dan per familie de tekst in het contract, de precieze definitie en de keuzes die zijn gemaakt "
    "waar het contract ruimte laat."
)
zoekterm = st.text_input("Zoeken op code of woord", key="zoekterm", placeholder="bijvoorbeeld D.1.3 of peildatum")

alles = definities.lees()
for fout in alles.fouten:
    st.error(f"Definitiebestand niet getoond: {fout}")

gevonden = definities.zoek(alles, zoekterm)
zoeken = bool(zoekterm.strip())
if zoeken and not gevonden.begrippen and not gevonden.indicatoren:
    st.info(f"Geen definitie gevonden voor “{zoekterm.strip()}”.")

if gevonden.begrippen:
    st.header("Algemene begrippen")
    for begrip in gevonden.begrippen:
        toon_begrip(begrip, zoeken)

for familie, titel, indicatoren in gevonden.per_familie():
    st.header(f"{familie} · {titel}" if titel != familie else familie)
    for indicator in indicatoren:
        toon_indicator(indicator, zoeken)

st.divider()
st.caption(f"De definities staan in `{definities.toon_map()}` (zie README.md daar).")
