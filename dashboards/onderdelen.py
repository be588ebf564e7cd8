"""Page parts shared by every dashboard page: the empty-state message and the footer."""

from __future__ import annotations

import streamlit as st

import gegevens
import opmaak

GEEN_GEGEVENS = (
    "Nog geen gegevens gepubliceerd. Voer een load uit: "
    "`opvangmonitor run --landing … --warehouse … --regios …`"
)


def bron_of_stop() -> gegevens.Bron:
    """The published file with indicators; otherwise say what to do and stop the page."""
    b = gegevens.bron()
    try:
        gevuld = b is not None and gegevens.heeft_indicatoren(b)
    except Exception as e:  # a damaged or foreign file: say so instead of a stack trace
        st.error(f"Het gepubliceerde bestand {b.pad} is niet te lezen: {e}")
        st.stop()
    if not gevuld:
        st.info(GEEN_GEGEVENS)
        st.caption(f"Verwacht bestand: `{gegevens.gepubliceerd_bestand()}`")
        st.stop()
    return b


def voettekst(b: gegevens.Bron, peildatum=None) -> None:
    delen = [f"Gepubliceerd op {opmaak.tijdstip(gegevens.publicatie(b))}"]
    if peildatum is not None:
        delen.append(f"peildatum regio: {opmaak.datum(peildatum)}")
    st.divider()
    st.caption(" · ".join(delen))
