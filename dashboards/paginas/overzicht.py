"""Overzicht (default page): the chosen region's contractual indicators of the chosen
period as tiles (value, norm, status colour, change against the previous period, pending
cases), the families the period's report asks first (data/overzicht.yml), and the trend
of a chosen indicator over all periods."""

from __future__ import annotations

from pathlib import Path

import streamlit as st
import yaml

import familie
import gegevens
import onderdelen
import onderdrukking
import staat


@st.cache_data(show_spinner=False)
def gevraagd(pad: str, mtime: float) -> dict[str, list[str]]:
    """Per period type the families its report asks (data/overzicht.yml)."""
    with open(pad, encoding="utf-8") as f:
        inhoud = yaml.safe_load(f) or {}
    return {str(k): [str(x) for x in (v or [])] for k, v in (inhoud.get("gevraagd") or {}).items()}


def volgorde(families: list[str], periode_type: str) -> tuple[list[str], list[str]]:
    """(asked in this period type's report, the region's other families)."""
    from opvangmonitor.paden import DATA_DIR

    pad = Path(DATA_DIR) / "overzicht.yml"
    lijst = gevraagd(str(pad), pad.stat().st_mtime).get(periode_type, []) if pad.exists() else []
    eerst = [f for f in lijst if f in families]
    return eerst, [f for f in families if f not in eerst]


st.title("Overzicht")
b = onderdelen.bron_of_stop()
inst = onderdrukking.instellingen()
keuze = onderdelen.keuze_of_stop(b)
families = gegevens.indicatorfamilies(b, keuze.regio)
codes = familie.codes_met(b, tuple(f + "." for f in families), keuze.regio) if families else ()
lbl = familie.kop(b, keuze)
if not codes:
    st.info("Voor deze regio zijn geen indicatorfamilies ingesteld (regios.yml, `indicatoren`) of er zijn nog geen cijfers.")
    familie.einde(b, keuze)
    st.stop()
rijen = familie.rijen_onderdrukt(b, keuze, codes, inst)
periodes = staat.periodes(b, keuze)
eerst, daarna = volgorde(families, keuze.periode_type)
titels = familie.familietitels()
soort = {"kwartaal": "de kwartaalrapportage", "halfjaar": "de halfjaarrapportage", "jaar": "de jaarrapportage"}
for groep, toelichting in ((eerst, f"gevraagd in {soort[keuze.periode_type]}"), (daarna, "")):
    for f in groep:
        paren = [p for p in familie.reeksen(rijen) if familie.definities.familie(p[0]) == f]
        if not paren:
            continue
        st.subheader(f"{titels.get(f, f)} ({f})")
        if toelichting:
            st.caption(toelichting.capitalize())
        familie.toon_tegels(b, rijen, keuze, periodes, paren)

st.subheader("Verloop")
paren = familie.reeksen(rijen)
teksten = {f"{c}|{v}": familie.label(c, v) for c, v in paren}
gekozen = st.selectbox("Indicator", list(teksten), format_func=teksten.get, key="overzicht_indicator")
code, variant = gekozen.split("|", 1)
familie.toon_trend(rijen, periodes, code, variant, keuze, "overzicht")
familie.einde(b, keuze)
