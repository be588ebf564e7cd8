"""Small numbers: what the dashboard may show of a count (issue 5).

- **Primary suppression**: a count from 1 to drempel-1 is shown as "<5" (with drempel 5);
  0 stays 0.
- **Secondary suppression**: the dimension rows of one regio × indicator × variant ×
  period × dimensie add up to the total row (dimensie ''). When the shown cells and the
  total would let a reader work out a suppressed cell (total minus the shown cells), the
  next smallest cell is hidden as well, shown as "x"; when no cell is left, the total
  itself becomes "x". A reader knows that "<5" means 1..drempel-1 and "x" means at least
  drempel; cells are added until no suppressed cell has a single possible value under
  those bounds. When the total is itself suppressed, every non-zero cell of its
  breakdowns is too.
  A breakdown never shows exactly one suppressed cell beside a shown total. Person counts
  need not add up (a person can count in two gemeenten); the rules are applied anyway
  (conservative).
- **Ratios**: percentages and means are hidden ("–") when their noemer is under
  noemer_drempel, or when their teller or noemer is suppressed (the value would reveal
  it). The teller and noemer of a percentage are counts and follow the rules above; the
  noemer of a mean or median (its n) too; the teller of a mean (a sum of days, scores …)
  is hidden with its value.
- Sums that are not counts (euro, uren without noemer) are not suppressed.
- **Cross tables** (onderdruk_kruistabel, e.g. the MO.1 persons per onderdeel and
  locatie by verblijfsduur): every row is protected against its row total and every
  column against its column sum, in the same notation.

Not covered: differences between periods (a half year minus one quarter) and between
tables that are not in the frame passed in. Pass the total rows together with the
dimension rows: without its total row a breakdown cannot be protected against it.

Suppression is on by default. Only a deployment that sets OPVANGMONITOR_EXACTE_CIJFERS=1
shows the sidebar switch "Exacte cijfers tonen"; the thresholds are in data/dashboard.yml.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import streamlit as st
import yaml

import opmaak

ENV_EXACTE_CIJFERS = "OPVANGMONITOR_EXACTE_CIJFERS"
ENV_DASHBOARD_CONFIG = "OPVANGMONITOR_DASHBOARD_CONFIG"
TOGGLE_LABEL = "Exacte cijfers tonen"
TOGGLE_KEY = "exacte_cijfers"

GEHEIM = "x"  # a secondarily suppressed count (CBS notation)
VERBORGEN = opmaak.LEEG  # a hidden percentage or mean

PRIMAIR, SECUNDAIR = "p", "s"
SLEUTEL = ("regio", "indicator", "variant", "periode_type", "periode_start", "periode_eind")


@dataclass(frozen=True)
class Instellingen:
    aan: bool = True
    drempel: int = 5
    noemer_drempel: int = 10

    @property
    def klein(self) -> str:
        """The text of a primarily suppressed count: '<5'."""
        return f"<{self.drempel}"

    def toelichting(self) -> str:
        """One Dutch sentence on what the reader sees."""
        if not self.aan:
            return "Exacte cijfers: kleine aantallen worden niet afgeschermd."
        return (
            f"Aantallen van 1 t/m {self.drempel - 1} staan als '{self.klein}'; '{GEHEIM}' is een aantal van "
            f"{self.drempel} of meer dat is afgeschermd zodat een totaal geen klein aantal verraadt; "
            f"percentages en gemiddelden over minder dan {self.noemer_drempel} staan als '{VERBORGEN}'."
        )


def config_bestand() -> Path:
    pad = os.environ.get(ENV_DASHBOARD_CONFIG)
    if pad:
        return Path(pad)
    from opvangmonitor.paden import DATA_DIR

    return DATA_DIR / "dashboard.yml"


def lees_instellingen(pad: Path) -> Instellingen:
    """The thresholds in `pad` (section `onderdrukking`); defaults when the file or the
    section is missing. ValueError (Dutch, naming file and field) on a bad value."""
    pad = Path(pad)
    if not pad.exists():
        return Instellingen()
    try:
        ruw = yaml.safe_load(pad.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as e:
        raise ValueError(f"{pad}: geen geldige YAML: {e}") from e
    deel = ruw.get("onderdrukking") if isinstance(ruw, dict) else None
    if deel is None:
        return Instellingen()
    if not isinstance(deel, dict):
        raise ValueError(f"{pad}: veld 'onderdrukking' moet de velden drempel en noemer_drempel hebben")
    waarden = {}
    for veld in ("drempel", "noemer_drempel"):
        if veld not in deel:
            continue
        w = deel[veld]
        if isinstance(w, bool) or not isinstance(w, int) or w < 1:
            raise ValueError(f"{pad}: veld 'onderdrukking.{veld}' moet een geheel getal van 1 of meer zijn, niet {w!r}")
        waarden[veld] = w
    onbekend = set(deel) - {"drempel", "noemer_drempel"}
    if onbekend:
        raise ValueError(f"{pad}: onbekend veld 'onderdrukking.{sorted(onbekend)[0]}' (toegestaan: drempel, noemer_drempel)")
    return Instellingen(**waarden)


@st.cache_data(show_spinner=False)
def _instellingen_uit(pad: str, mtime: float) -> Instellingen:
    return lees_instellingen(Path(pad))


def exacte_cijfers_toegestaan() -> bool:
    return os.environ.get(ENV_EXACTE_CIJFERS, "").strip() == "1"


def instellingen() -> Instellingen:
    """The suppression settings of this page run. With OPVANGMONITOR_EXACTE_CIJFERS=1 the
    sidebar shows the switch "Exacte cijfers tonen" (once per run, however often this is
    called); otherwise suppression is always on."""
    pad = config_bestand()
    try:
        mtime = pad.stat().st_mtime
    except FileNotFoundError:
        mtime = 0.0
    basis = _instellingen_uit(str(pad), mtime)
    if not exacte_cijfers_toegestaan():
        return basis
    try:
        exact = st.sidebar.toggle(
            TOGGLE_LABEL,
            value=False,
            key=TOGGLE_KEY,
            help="Toont ook aantallen onder de drempel. Alleen voor wie exacte cijfers mag zien.",
        )
    except st.errors.StreamlitAPIException:  # already on the page in this run
        exact = bool(st.session_state.get(TOGGLE_KEY, False))
    return Instellingen(aan=not exact, drempel=basis.drempel, noemer_drempel=basis.noemer_drempel)


# ---------------------------------------------------------------- the rules on one group


def _interval(staat: str, drempel: int) -> tuple[float, float]:
    """What a reader knows of a suppressed cell: '<5' is 1..4, 'x' is 5 or more."""
    return (1, drempel - 1) if staat == PRIMAIR else (drempel, math.inf)


def afleidbaar(waarden: list[float], staten: list[str], totaal: float, drempel: int) -> list[bool]:
    """Per cell: True when it is suppressed and a reader who sees the shown cells and the
    shown `totaal` can tell its exact value (assuming the cells add up to the total)."""
    verborgen = [i for i, s in enumerate(staten) if s]
    if not verborgen:
        return [False] * len(waarden)
    rest = totaal - sum(w for w, s in zip(waarden, staten) if not s)
    grenzen = {i: _interval(staten[i], drempel) for i in verborgen}
    uit = [False] * len(waarden)
    for i in verborgen:
        laag_rest = sum(grenzen[j][0] for j in verborgen if j != i)
        hoog_rest = sum(grenzen[j][1] for j in verborgen if j != i)
        laag = max(grenzen[i][0], rest - hoog_rest)
        hoog = min(grenzen[i][1], rest - laag_rest)
        uit[i] = laag == hoog  # laag > hoog: the cells visibly do not add up to the total
    return uit


def _primair(w, drempel: int) -> bool:
    return w is not None and 0 < w < drempel  # NaN compares False


def beveilig_groep(
    waarden: list[float], totaal: float | None, drempel: int, totaal_staat: str = ""
) -> tuple[list[str], str]:
    """Suppression states ('' shown, 'p' primary '<5', 's' secondary 'x') of the cells of
    one breakdown and of its total (None: no total shown). `totaal_staat` is the state the
    total already has (from another breakdown of the same total)."""
    staten = [PRIMAIR if _primair(w, drempel) else "" for w in waarden]
    if totaal is None or pd.isna(totaal):
        return staten, totaal_staat
    if not totaal_staat and _primair(totaal, drempel):
        totaal_staat = PRIMAIR
    if totaal_staat == PRIMAIR:
        staten = [s or (SECUNDAIR if w and not pd.isna(w) else "") for s, w in zip(staten, waarden)]
        return staten, totaal_staat
    if totaal_staat:  # hidden total: nothing to subtract from
        return staten, totaal_staat
    while sum(map(bool, staten)) == 1 or any(afleidbaar(waarden, staten, totaal, drempel)):
        kandidaten = [i for i, (w, s) in enumerate(zip(waarden, staten)) if not s and w and not pd.isna(w)]
        if not kandidaten:
            return staten, SECUNDAIR
        staten[min(kandidaten, key=lambda i: (waarden[i], i))] = SECUNDAIR
    return staten, totaal_staat


# ---------------------------------------------------------------- marts.indicatoren rows


def _soort(df: pd.DataFrame) -> np.ndarray:
    """Per row: 'telling' (a count), 'som' (a sum that is no count), 'percentage' or
    'gemiddelde' (a mean or median: noemer is its n)."""
    eenheid = df["eenheid"].fillna("") if "eenheid" in df else pd.Series("aantal", index=df.index)
    heeft_noemer = df["noemer"].notna() if "noemer" in df else pd.Series(False, index=df.index)
    return np.select(
        [~heeft_noemer & (eenheid == "aantal"), ~heeft_noemer, eenheid == "percentage"],
        ["telling", "som", "percentage"],
        "gemiddelde",
    )


def _beveilig_kolom(df: pd.DataFrame, waarden: pd.Series, mee: np.ndarray, drempel: int) -> np.ndarray:
    """States of one count column over all rows where `mee`, group by group."""
    staten = np.full(len(df), "", dtype=object)
    if not mee.any():
        return staten
    sleutel = [k for k in SLEUTEL if k in df.columns]
    groep = (
        df.groupby(sleutel, dropna=False, sort=False).ngroup().to_numpy() if sleutel else np.zeros(len(df), dtype=int)
    )
    dimensie = df["dimensie"].fillna("").to_numpy() if "dimensie" in df else np.full(len(df), "", dtype=object)
    w = waarden.to_numpy(dtype=float)
    # per group: the total's position and per dimension the cells' positions
    totalen: dict[int, int] = {}
    cellen: dict[int, dict[str, list[int]]] = {}
    for i in np.flatnonzero(mee):
        g, d = int(groep[i]), dimensie[i]
        if d == "":
            totalen.setdefault(g, i)
        else:
            cellen.setdefault(g, {}).setdefault(d, []).append(i)
    for g in set(totalen) | set(cellen):
        t = totalen.get(g)
        totaal = None if t is None else w[t]
        totaal_staat = ""
        for posities in cellen.get(g, {}).values():
            cel_staten, totaal_staat = beveilig_groep([w[i] for i in posities], totaal, drempel, totaal_staat)
            staten[posities] = cel_staten
        if t is not None:
            if not totaal_staat and _primair(totaal, drempel):
                totaal_staat = PRIMAIR
            staten[t] = totaal_staat
    return staten


def _getal(w, soort: str, eenheid: str) -> str:
    if w is None or pd.isna(w):
        return VERBORGEN
    if eenheid == "euro":
        return opmaak.getal(w, 0 if float(w) == round(float(w)) else 2)
    if soort in ("telling", "som"):
        return opmaak.getal(w)
    return opmaak.getal(w, 1)


def _tel_tekst(w, staat: str, inst: Instellingen) -> str:
    if staat == PRIMAIR:
        return inst.klein
    if staat == SECUNDAIR:
        return GEHEIM
    return opmaak.getal(w)


def onderdruk(df: pd.DataFrame, inst: Instellingen) -> pd.DataFrame:
    """`df` (rows in the marts.indicatoren shape: teller, noemer, waarde, eenheid, and the
    key columns and dimensie that are present) plus teller_tekst, noemer_tekst,
    waarde_tekst (Dutch text), waarde_grafiek (NaN when hidden) and onderdrukt (bool)."""
    uit = df.copy()
    n = len(uit)
    if n == 0:
        for kolom in ("teller_tekst", "noemer_tekst", "waarde_tekst"):
            uit[kolom] = pd.Series(dtype=object)
        uit["waarde_grafiek"] = pd.Series(dtype=float)
        uit["onderdrukt"] = pd.Series(dtype=bool)
        return uit
    soort = _soort(uit)
    eenheid = uit["eenheid"].fillna("").to_numpy() if "eenheid" in uit else np.full(n, "aantal", dtype=object)
    waarde = pd.to_numeric(uit["waarde"], errors="coerce") if "waarde" in uit else pd.Series(np.nan, index=uit.index)
    teller = pd.to_numeric(uit["teller"], errors="coerce") if "teller" in uit else waarde
    teller = teller.where(teller.notna() | (soort != "telling"), waarde)
    noemer = pd.to_numeric(uit["noemer"], errors="coerce") if "noemer" in uit else pd.Series(np.nan, index=uit.index)

    if inst.aan:
        st_teller = _beveilig_kolom(uit, teller, np.isin(soort, ["telling", "percentage"]), inst.drempel)
        st_noemer = _beveilig_kolom(uit, noemer, np.isin(soort, ["percentage", "gemiddelde"]), inst.drempel)
        klein = (noemer < inst.noemer_drempel).to_numpy()
        verborgen = np.select(
            [soort == "telling", soort == "percentage", soort == "gemiddelde"],
            [st_teller != "", (st_teller != "") | (st_noemer != "") | klein, (st_noemer != "") | klein],
            False,
        ).astype(bool)
    else:
        st_teller = st_noemer = np.full(n, "", dtype=object)
        verborgen = np.zeros(n, dtype=bool)

    teller_tekst, noemer_tekst, waarde_tekst = [], [], []
    tellers, noemers, waarden = (x.to_numpy(dtype=float) for x in (teller, noemer, waarde))
    for i in range(n):
        s = soort[i]
        t, nm, w = tellers[i], noemers[i], waarden[i]
        if s in ("telling", "percentage"):
            teller_tekst.append(_tel_tekst(t, st_teller[i], inst))
        elif s == "gemiddelde" and verborgen[i]:
            teller_tekst.append(VERBORGEN)
        else:
            teller_tekst.append(_getal(t, "som", eenheid[i]))
        noemer_tekst.append(_tel_tekst(nm, st_noemer[i], inst) if s in ("percentage", "gemiddelde") else VERBORGEN)
        if s == "telling":
            waarde_tekst.append(_tel_tekst(w, st_teller[i], inst))
        else:
            waarde_tekst.append(VERBORGEN if verborgen[i] else _getal(w, s, eenheid[i]))
    uit["teller_tekst"] = teller_tekst
    uit["noemer_tekst"] = noemer_tekst
    uit["waarde_tekst"] = waarde_tekst
    uit["waarde_grafiek"] = waarde.where(~verborgen, np.nan).astype(float).to_numpy()
    uit["onderdrukt"] = (st_teller != "") | (st_noemer != "") | (verborgen & waarde.notna().to_numpy())
    return uit


# ---------------------------------------------------------------- other count tables


def onderdruk_tabel(
    df: pd.DataFrame, telkolommen: list[str], inst: Instellingen, totaalrij: bool = False
) -> pd.DataFrame:
    """A count table (one row per category, e.g. the MO.1 table per onderdeel and
    locatie) with the counts in `telkolommen` replaced by Dutch text. Each column is
    protected against its column total, whether or not it is shown (it may be elsewhere).
    With `totaalrij` a row 'Totaal' (in the first non-count column) is appended."""
    uit = df.copy().reset_index(drop=True)
    totalen = {k: pd.to_numeric(uit[k], errors="coerce").fillna(0).sum() for k in telkolommen}
    teksten: dict[str, list[str]] = {}
    totaal_teksten: dict[str, str] = {}
    for k in telkolommen:
        waarden = list(pd.to_numeric(uit[k], errors="coerce"))
        if inst.aan:
            staten, totaal_staat = beveilig_groep(waarden, totalen[k], inst.drempel)
        else:
            staten, totaal_staat = [""] * len(waarden), ""
        teksten[k] = [_tel_tekst(w, s, inst) for w, s in zip(waarden, staten)]
        totaal_teksten[k] = _tel_tekst(totalen[k], totaal_staat, inst)
    for k in telkolommen:
        uit[k] = pd.Series(teksten[k], index=uit.index, dtype=object)
    if totaalrij:
        rij = {k: "" for k in uit.columns}
        labels = [k for k in uit.columns if k not in telkolommen]
        if labels:
            rij[labels[0]] = "Totaal"
        rij.update(totaal_teksten)
        uit = pd.concat([uit, pd.DataFrame([rij], columns=uit.columns)], ignore_index=True)
    return uit


def _kruis_staten(w: list[list[float]], n_cellen: int, drempel: int) -> list[list[str]]:
    """Suppression states ('', PRIMAIR, SECUNDAIR) of a matrix whose first `n_cellen`
    columns add up per row to the last column. Lines: every row against its row total,
    every column against its column sum (known unless it is itself under the threshold);
    the smallest shown non-zero cell of a line is hidden until no hidden cell of any line
    can be worked out; a row total that cannot be protected otherwise is hidden itself."""
    staten = [[PRIMAIR if 0 < x < drempel else "" for x in rij] for rij in w]
    lijnen = [([(i, j) for j in range(n_cellen)], (i, n_cellen)) for i in range(len(w))]
    lijnen += [([(i, j) for i in range(len(w))], None) for j in range(n_cellen + 1)]
    veranderd = True
    while veranderd:
        veranderd = False
        for cellen, totaalcel in lijnen:
            if totaalcel is not None:
                if staten[totaalcel[0]][totaalcel[1]]:
                    continue  # a hidden row total: nothing to subtract from
                totaal = w[totaalcel[0]][totaalcel[1]]
            else:
                totaal = sum(w[i][j] for i, j in cellen)
                if 0 < totaal < drempel:
                    continue  # a column sum that is itself shown as '<5' elsewhere
            while any(afleidbaar([w[i][j] for i, j in cellen], [staten[i][j] for i, j in cellen], totaal, drempel)):
                open_ = [(i, j) for i, j in cellen if not staten[i][j] and w[i][j] > 0]
                if not open_:
                    if totaalcel is not None:
                        staten[totaalcel[0]][totaalcel[1]] = SECUNDAIR
                        veranderd = True
                    break
                i, j = min(open_, key=lambda c: (w[c[0]][c[1]], c))
                staten[i][j] = SECUNDAIR
                veranderd = True
    return staten


def onderdruk_kruistabel(tabel: pd.DataFrame, kolommen: list[str], totaalkolom: str, inst: Instellingen) -> pd.DataFrame:
    """A cross table whose counts in `kolommen` add up per row to `totaalkolom`, with the
    counts replaced by Dutch text in this module's notation ('<5' primary, 'x'
    secondary; see _kruis_staten for the rule)."""
    alle = [*kolommen, totaalkolom]
    w = tabel[alle].apply(pd.to_numeric, errors="coerce").fillna(0).to_numpy(dtype=float).tolist()
    if inst.aan:
        staten = _kruis_staten(w, len(kolommen), inst.drempel)
    else:
        staten = [["" for _ in alle] for _ in w]
    uit = tabel.copy()
    for j, kolom in enumerate(alle):
        uit[kolom] = pd.Series([_tel_tekst(w[i][j], staten[i][j], inst) for i in range(len(w))], index=uit.index, dtype=object)
    return uit
