"""Page parts shared by every dashboard page: the empty-state message, the footer and
the early end of a page."""

from __future__ import annotations

from typing import NoReturn

import streamlit as st

import gegevens
import opmaak
import staat

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
        geen_gegevens()
    return b


def geen_gegevens() -> NoReturn:
    """Say that nothing is published yet and where the file is expected; stop the page."""
    st.info(GEEN_GEGEVENS)
    st.caption(f"Verwacht bestand: `{gegevens.gepubliceerd_bestand()}`")
    st.stop()


def voettekst(b: gegevens.Bron, peildatum=None) -> None:
    delen = [f"Gepubliceerd op {opmaak.tijdstip(gegevens.publicatie(b))}"]
    if peildatum is not None:
        delen.append(f"peildatum regio: {opmaak.datum(peildatum)}")
    st.divider()
    st.caption(" · ".join(delen))


def stop(b: gegevens.Bron, melding: str | None = None) -> NoReturn:
    """End the page early: the Dutch `melding` (if any), the footer, st.stop()."""
    if melding:
        st.info(melding)
    voettekst(b)
    st.stop()


def keuze_of_stop(b: gegevens.Bron, codes: tuple[str, ...] | None = None, zonder_codes: str = "") -> staat.Keuze:
    """The shared region and period choice (staat.kies) for a page about the indicators
    `codes` (None: any indicator). An empty `codes` ends the page with `zonder_codes`; no
    choice (staat.kies has said why) ends it with only the footer."""
    if codes is not None and not codes:
        stop(b, zonder_codes)
    keuze = staat.kies(b, codes)
    if keuze is None:
        stop(b)
    return keuze
