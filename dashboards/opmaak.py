"""Dutch presentation: numbers (decimal comma, thousands dot), dates, labels.

No locale settings are used: the output is the same on every machine.
"""

from __future__ import annotations

import math
from datetime import date, datetime

import pandas as pd

MAANDEN = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)  # fmt: skip

LEEG = "–"

PERIODE_TYPES = {"kwartaal": "Kwartaal", "halfjaar": "Halfjaar", "jaar": "Jaar"}

# Dimension names as in marts.indicatoren (indicatoren.md) -> label shown to users.
DIMENSIE_LABELS = {
    "gemeente_herkomst": "Gemeente van herkomst",
    "soort_opvang": "Soort opvang",
    "geslacht": "Geslacht",
    "leeftijdsgroep": "Leeftijdsgroep",
    "reden_aanmelding": "Reden aanmelding",
    "hoofdprobleem": "Hoofdprobleem",
    "oorzaak_instroom": "Oorzaak instroom",
    "nieuw_bekend": "Nieuw/reeds bekend",
    "gemeente_opvang": "Gemeente opvang",
    "uitstroom_gemeente": "Uitstroom gemeente",
    "uitstroom_woonvorm": "Uitstroom woonvorm",
    "uitstroom_ggd": "Uitstroom (GGD-categorie)",
    "status": "Status",
}

# Dimensions whose values are CBS gemeentecodes, shown as gemeentenamen.
GEMEENTE_DIMENSIES = frozenset({"gemeente_herkomst", "gemeente_opvang", "uitstroom_gemeente"})


def _leeg(x) -> bool:
    return x is None or x is pd.NA or x is pd.NaT or (isinstance(x, float) and math.isnan(x))


def getal(x, decimalen: int | None = None) -> str:
    """1234.5 -> '1.234,5'. Without `decimalen`: whole numbers without decimals, others
    with one. Empty (None/NaN) -> '–'."""
    if _leeg(x):
        return LEEG
    x = float(x)
    if decimalen is None:
        decimalen = 0 if x == round(x) else 1
    tekst = f"{abs(x):,.{decimalen}f}".replace(",", "_").replace(".", ",").replace("_", ".")
    return ("-" if x < 0 and tekst.strip("0,.") else "") + tekst


def verschil(x, decimalen: int | None = None) -> str:
    """A change with its sign: +12, -3, 0."""
    if _leeg(x):
        return LEEG
    return ("+" if float(x) > 0 else "") + getal(x, decimalen)


def datum(d) -> str:
    """date(2026, 9, 30) -> '30 september 2026'."""
    if _leeg(d):
        return LEEG
    d = pd.Timestamp(d)
    return f"{d.day} {MAANDEN[d.month - 1]} {d.year}"


def tijdstip(t) -> str:
    """datetime(2026, 11, 23, 14, 5) -> '23 november 2026 om 14:05'."""
    if _leeg(t):
        return LEEG
    t = pd.Timestamp(t)
    return f"{datum(t)} om {t.hour:02d}:{t.minute:02d}"


def periode(start: date | datetime, eind: date | datetime) -> str:
    """'1 juli 2026 t/m 30 september 2026'."""
    return f"{datum(start)} t/m {datum(eind)}"


def dimensie_label(dimensie: str) -> str:
    return DIMENSIE_LABELS.get(dimensie, dimensie.replace("_", " ").capitalize())


def dimensie_waarde(dimensie: str, waarde: str, gemeenten: dict[str, str]) -> str:
    """A dimension value as shown: gemeentecodes become names ('Onbekend' stays)."""
    if dimensie in GEMEENTE_DIMENSIES:
        return gemeenten.get(waarde, waarde)
    return waarde


def ja_nee(x) -> str:
    """True -> 'ja', False -> 'nee', empty -> '–'."""
    return LEEG if _leeg(x) else ("ja" if bool(x) else "nee")


def vinkje(x) -> str:
    """A check that holds -> '✓', one that fails -> '✗', empty -> '–'."""
    return LEEG if _leeg(x) else ("✓" if bool(x) else "✗")
