"""Dutch one-line messages for failed GX expectation results."""

from __future__ import annotations

import math
import re
from datetime import date

import numpy as np
import pandas as pd

MAX_VOORBEELDEN = 3
_ONTBREKENDE_KOLOM = re.compile(r'column "([^"]+)" in BatchData does not exist')


def _waarde(x) -> str:
    """A value from GX's partial_unexpected_list, readable: dates as jjjj-mm-dd."""
    if isinstance(x, (tuple, list)):
        return "(" + ", ".join(_waarde(y) for y in x) + ")"
    if isinstance(x, dict):
        return "(" + ", ".join(f"{k}={_waarde(v)}" for k, v in x.items()) + ")"
    if x is None or x is pd.NA or x is pd.NaT or (isinstance(x, float) and math.isnan(x)):
        return "leeg"
    if isinstance(x, (np.datetime64, date)):
        t = pd.Timestamp(x)
        if pd.isna(t):
            return "leeg"
        return t.date().isoformat() if t == t.normalize() else t.isoformat()
    if isinstance(x, str):
        return repr(x)
    return str(x)


def _uitzondering(exception_info) -> str | None:
    """The first exception message in GX's exception_info (flat or keyed by metric)."""
    if not exception_info:
        return None
    kandidaten = [exception_info] if "raised_exception" in exception_info else list(exception_info.values())
    for info in kandidaten:
        if isinstance(info, dict) and info.get("raised_exception"):
            bericht = (info.get("exception_message") or "onbekende fout").strip().splitlines()[0]
            kolom = _ONTBREKENDE_KOLOM.search(bericht)
            return f"kolom {kolom.group(1)} ontbreekt" if kolom else bericht
    return None


def melding(resultaat, sql=None) -> str:
    """One Dutch line for a failed ExpectationValidationResult: the expectation's
    description followed by what was found. `sql` (grote_tabellen.SqlUitkomst) holds the
    counts over the whole table when GX saw a sample; its examples still come from GX."""
    config = resultaat.expectation_config
    omschrijving = config.description or config.type
    fout = _uitzondering(resultaat.exception_info)
    if fout:
        return f"{omschrijving}: niet te controleren ({fout})"
    r = resultaat.result or {}
    if config.type == "expect_column_to_exist":
        return f"{omschrijving}: kolom ontbreekt"
    if sql is not None and sql.aantal_fout is not None:
        r = {**r, "unexpected_count": sql.aantal_fout, "element_count": sql.totaal}
    elif sql is not None and sql.waargenomen is not None:
        r = {**r, "observed_value": sql.waargenomen}
    if "unexpected_count" in r:
        n, totaal = r["unexpected_count"], r.get("element_count")
        tekst = f"{omschrijving}: {n} van {totaal} rijen voldoen niet"
        voorbeelden = [v for v in (r.get("partial_unexpected_list") or []) if _waarde(v) != "leeg"]
        if voorbeelden:
            uniek = list(dict.fromkeys(_waarde(v) for v in voorbeelden))
            tekst += ", bv. " + ", ".join(uniek[:MAX_VOORBEELDEN])
        return tekst
    if "observed_value" in r:
        return f"{omschrijving}: gevonden {_waarde(r['observed_value'])}"
    return f"{omschrijving}: mislukt"
