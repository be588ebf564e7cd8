"""The shared selection (region, period type, period, gemeente filter), held in the URL.

The selection lives in the query parameters `regio`, `periodetype`, `periode` (ISO start
date of the period) and `gemeente`, so a link reproduces the view. A copy is kept in the
session, because a page switch in the browser may drop the query parameters; the next
page writes them back. A parameter that does not fit the published data (an unknown
region, a period that does not exist) falls back to the default with a short Dutch notice,
never an exception.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd
import streamlit as st

import gegevens
import opmaak

PARAMS = ("regio", "periodetype", "periode", "gemeente")
_BEWAARD = "_staat_keuze"  # session copy of the query parameters
_WIDGET = {"regio": "staat_regio", "periodetype": "staat_periodetype", "periode": "staat_periode"}


@dataclass(frozen=True)
class Keuze:
    regio: str
    periode_type: str
    periode_start: date
    periode_eind: date


# ------------------------------------------------------------------ the URL state


def _bewaard() -> dict[str, str]:
    return st.session_state.setdefault(_BEWAARD, {})


def _param(naam: str) -> tuple[str | None, bool]:
    """The parameter's value and whether it came from the URL (not the session copy)."""
    waarde = st.query_params.get(naam)
    if waarde not in (None, ""):
        return str(waarde), True
    return _bewaard().get(naam), False


def _zet(naam: str, waarde: str | None) -> None:
    bewaard = _bewaard()
    if waarde in (None, ""):
        bewaard.pop(naam, None)
        if naam in st.query_params:
            del st.query_params[naam]
        return
    bewaard[naam] = waarde
    if st.query_params.get(naam) != waarde:
        st.query_params[naam] = waarde


def _bij_wijziging(naam: str) -> None:
    """Widget callback: the user's choice goes into the URL before the page reruns."""
    _zet(naam, st.session_state[_WIDGET[naam]])


def behoud_in_url() -> None:
    """Write the session copy back into the URL: called for every page (app.py), so pages
    without selectors (Datakwaliteit, Definities, ...) keep the selection in their link too."""
    for naam, waarde in _bewaard().items():
        if naam in PARAMS and waarde and st.query_params.get(naam) in (None, ""):
            st.query_params[naam] = waarde


def gemeente_filter() -> str | None:
    """The gemeente code chosen on the map (query parameter `gemeente`), or None."""
    waarde, _ = _param("gemeente")
    return waarde or None


def zet_gemeente_filter(code: str | None) -> None:
    """Set (a CBS code such as 'GM0484') or remove (None) the gemeente filter."""
    _zet("gemeente", code)


# ------------------------------------------------------------------ the choice


def _kies_uit(naam: str, opties: list[str], standaard: str, label: str, format_func, melding) -> str:
    """One sidebar selectbox whose value comes from (and goes to) the URL."""
    gevraagd, uit_url = _param(naam)
    if gevraagd is not None and gevraagd not in opties:
        if uit_url:
            melding(gevraagd)
        gevraagd = None
    waarde = gevraagd if gevraagd is not None else standaard
    st.session_state[_WIDGET[naam]] = waarde
    st.selectbox(label, opties, format_func=format_func, key=_WIDGET[naam], on_change=_bij_wijziging, args=(naam,))
    _zet(naam, waarde)
    return waarde


def _standaard_periode(periodes: pd.DataFrame) -> str:
    """The default period: the latest."""
    return str(periodes["periode_start"].iloc[-1])[:10]


def _periode_bij(periodes: pd.DataFrame, gevraagd: str | None) -> str | None:
    """A requested start date that is not a start of these periods (after a change of
    period type): the period that contains it, if any."""
    if gevraagd is None:
        return None
    try:
        d = date.fromisoformat(gevraagd)
    except ValueError:
        return None
    starts = [s.date() if hasattr(s, "date") else s for s in periodes["periode_start"]]
    eindes = [e.date() if hasattr(e, "date") else e for e in periodes["periode_eind"]]
    for s, e in zip(starts, eindes):
        if s <= d <= e:
            return s.isoformat()
    return None


def kies(b: gegevens.Bron, indicatoren: tuple[str, ...] | None = None) -> Keuze | None:
    """Render region, period type and period selectors in the sidebar and return the
    choice. With `indicatoren`, the regions offered are those with rows for any of them
    (plus the chosen region, so the choice holds across pages); when the chosen region has
    none of them, the page says so, offers the regions that do, and None is returned. None
    (after a Dutch message) also when nothing fits at all."""
    alle = gegevens.regios(b)
    if alle.empty:
        st.info("Geen regio's in de gepubliceerde gegevens.")
        return None
    namen = dict(zip(alle["regio"], alle["naam"]))
    passend = list(gegevens.regios_met(b, indicatoren)["regio"]) if indicatoren else list(alle["regio"])
    if not passend:
        st.info("Geen enkele regio heeft deze indicatoren in de gepubliceerde gegevens.")
        return None

    meldingen: list[str] = []
    gevraagd, _ = _param("regio")
    opties = [r for r in alle["regio"] if r in passend or r == gevraagd]
    with st.sidebar:
        regio = _kies_uit(
            "regio", opties, passend[0], "Regio", namen.get,
            lambda w: meldingen.append(f"Regio '{w}' uit de link bestaat niet; {namen[passend[0]]} wordt getoond."),
        )  # fmt: skip
    if regio not in passend:
        for m in meldingen:
            st.warning(m)
        _geen_familie(namen, regio, passend)
        return None

    codes = tuple(indicatoren) if indicatoren else None
    aanwezig = gegevens.periode_types(b, regio, codes)
    types = [t for t in opmaak.PERIODE_TYPES if t in aanwezig]
    if not types:
        st.info(f"Geen periodes met indicatoren voor {namen[regio]}.")
        return None
    with st.sidebar:
        periode_type = _kies_uit(
            "periodetype", types, types[0], "Soort periode", opmaak.PERIODE_TYPES.get,
            lambda w: meldingen.append(f"Soort periode '{w}' uit de link bestaat niet; {opmaak.PERIODE_TYPES[types[0]].lower()} wordt getoond."),
        )  # fmt: skip
        periodes = gegevens.periodes(b, regio, periode_type)
        if periodes.empty:
            st.warning(f"Geen periodes voor {namen[regio]}.")
            return None
        startteksten = [str(s)[:10] for s in periodes["periode_start"]]
        labels = dict(zip(startteksten, periodes["periode_label"]))
        gevraagd, uit_url = _param("periode")
        if gevraagd is not None and gevraagd not in labels:
            vervangen = _periode_bij(periodes, gevraagd)
            if vervangen is not None:
                _zet("periode", vervangen)
        standaard = _standaard_periode(periodes)
        start = _kies_uit(
            "periode", startteksten, standaard, "Periode", labels.get,
            lambda w: meldingen.append(f"Periode '{w}' uit de link bestaat niet; {labels[standaard]} wordt getoond."),
        )  # fmt: skip
    for m in meldingen:
        st.warning(m)
    rij = periodes[[s == start for s in startteksten]].iloc[0]
    return Keuze(regio, periode_type, pd.Timestamp(rij["periode_start"]).date(), pd.Timestamp(rij["periode_eind"]).date())


def _geen_familie(namen: dict[str, str], regio: str, passend: list[str]) -> None:
    st.info(
        f"{namen.get(regio, regio)} heeft deze indicatoren niet. "
        f"Ze zijn er wel voor: {', '.join(namen[r] for r in passend)}."
    )
    for r in passend:
        if st.button(f"Toon {namen[r]}", key=f"staat_naar_{r}"):
            _zet("regio", r)
            st.rerun()


# ------------------------------------------------------------------ helpers for pages


def regionaam(b: gegevens.Bron, regio: str) -> str:
    alle = gegevens.regios(b)
    namen = dict(zip(alle["regio"], alle["naam"]))
    return namen.get(regio, regio)


def periodes(b: gegevens.Bron, keuze: Keuze) -> pd.DataFrame:
    """The chosen region's periods of the chosen type, oldest first."""
    return gegevens.periodes(b, keuze.regio, keuze.periode_type)


def periode_label(b: gegevens.Bron, keuze: Keuze) -> str:
    p = periodes(b, keuze)
    rij = p[[pd.Timestamp(s).date() == keuze.periode_start for s in p["periode_start"]]]
    return str(rij["periode_label"].iloc[0]) if not rij.empty else opmaak.periode(keuze.periode_start, keuze.periode_eind)
