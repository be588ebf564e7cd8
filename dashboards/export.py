"""Downloads: every table as Dutch CSV or Excel, and the Bijlage IV workbook (issue 5).

- CSV: ';' between fields, decimal comma, no thousands separator, dates as JJJJ-MM-DD,
  UTF-8 with BOM (Excel opens it correctly in Dutch settings).
- Excel (openpyxl): numbers as numbers, dates as dates, a suppressed cell as its text
  ("<5", "x", "–"); sheet names at most 31 characters.
- A frame that came out of onderdrukking.onderdruk is exported with its suppression: its
  teller, noemer and waarde columns become the number where shown and the text where
  suppressed, so a download never holds more than the page shows.
- Known column names of marts.indicatoren get Dutch headers (teller → Teller,
  periode_start → Begin periode, …).
- A table as shown on a page (numbers already as Dutch text, '1.234', '66,7') is exported
  with those numbers as numbers again; other text ('<5', 'x', 'D.1.1', '0484') stays text.
"""

from __future__ import annotations

import io
import math
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime

import numpy as np
import pandas as pd
import streamlit as st
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

import definities
import gegevens
import onderdrukking
import opmaak

KOPPEN = {
    "regio": "Regio",
    "indicator": "Indicator",
    "naam": "Naam",
    "variant": "Variant",
    "periode_type": "Soort periode",
    "periode_start": "Begin periode",
    "periode_eind": "Eind periode",
    "periode_label": "Periode",
    "dimensie": "Dimensie",
    "dimensie_waarde": "Waarde dimensie",
    "teller": "Teller",
    "noemer": "Noemer",
    "waarde": "Waarde",
    "eenheid": "Eenheid",
    "norm": "Norm",
    "status": "Status",
    "onderdrukt": "Afgeschermd",
}
TEKSTKOLOMMEN = {"teller": "teller_tekst", "noemer": "noemer_tekst", "waarde": "waarde_tekst"}
MAX_BLADNAAM = 31

# --------------------------------------------------------------------- values


def _leeg(x) -> bool:
    return x is None or x is pd.NA or x is pd.NaT or (isinstance(x, float) and math.isnan(x))


def _is_afgeschermd(tekst) -> bool:
    return isinstance(tekst, str) and (
        tekst in (onderdrukking.GEHEIM, onderdrukking.VERBORGEN) or tekst.startswith("<")
    )


def exportvorm(df: pd.DataFrame) -> pd.DataFrame:
    """The frame as it is downloaded: for the output of onderdruk, teller/noemer/waarde
    hold the number where shown and the text ('<5', 'x', '–') where suppressed; the
    helper columns go; known columns get Dutch headers."""
    uit = df.copy()
    if "waarde_tekst" in uit.columns:
        for kolom, tekstkolom in TEKSTKOLOMMEN.items():
            if kolom not in uit.columns or tekstkolom not in uit.columns:
                continue
            uit[kolom] = [
                (t if not _leeg(w) or t != onderdrukking.VERBORGEN else None) if _is_afgeschermd(t) else w
                for w, t in zip(uit[kolom].astype(object), uit[tekstkolom])
            ]
        uit = uit.drop(columns=[c for c in (*TEKSTKOLOMMEN.values(), "waarde_grafiek") if c in uit.columns])
        if "onderdrukt" in uit.columns:
            uit["onderdrukt"] = [opmaak.ja_nee(x) for x in uit["onderdrukt"]]
    return uit.rename(columns={k: v for k, v in KOPPEN.items() if k in uit.columns})


# A number as the dashboard shows it: '1.234', '-3', '66,7', '1.234.567,25' (no leading
# zeros, so codes such as '0484' stay text).
NL_GETAL = re.compile(r"^-?(0|[1-9]\d{0,2}(\.\d{3})+|[1-9]\d*)(,\d+)?$")


def _getal_uit_tekst(x: str):
    """'1.234,5' -> 1234.5, '12' -> 12; other text unchanged."""
    if not NL_GETAL.match(x):
        return x
    waarde = float(x.replace(".", "").replace(",", "."))
    return int(waarde) if "," not in x else waarde


def _python(x):
    """A cell as a plain Python value: None, bool, int, float, date, datetime or str. A
    Dutch-formatted number in a text cell (a table as shown on a page) becomes a number."""
    if _leeg(x):
        return None
    if isinstance(x, str):
        return _getal_uit_tekst(x)
    if isinstance(x, (np.bool_, bool)):
        return bool(x)
    if isinstance(x, (np.integer,)):
        return int(x)
    if isinstance(x, (np.floating, float)):
        x = float(x)
        return int(x) if x.is_integer() and abs(x) < 2**53 else x
    if isinstance(x, pd.Timestamp):
        x = x.to_pydatetime()
    if isinstance(x, datetime):
        return x.date() if (x.hour, x.minute, x.second, x.microsecond) == (0, 0, 0, 0) else x.replace(tzinfo=None)
    return x


def _csv_tekst(x) -> str:
    x = _python(x)
    if x is None:
        return ""
    if isinstance(x, bool):
        return opmaak.ja_nee(x)
    if isinstance(x, float):
        return format(x, ".15g").replace(".", ",")
    if isinstance(x, datetime):
        return x.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(x, date):
        return x.isoformat()
    return str(x)


def csv_bytes(df: pd.DataFrame) -> bytes:
    """Dutch CSV: ';', decimal comma, UTF-8 with BOM, Dutch headers."""
    uit = exportvorm(df)
    buf = io.StringIO()
    tabel = pd.DataFrame({k: [_csv_tekst(x) for x in uit[k].astype(object)] for k in uit.columns}, columns=uit.columns)
    tabel.to_csv(buf, sep=";", index=False, lineterminator="\r\n")
    return buf.getvalue().encode("utf-8-sig")


# --------------------------------------------------------------------- Excel

DATUMFORMAAT = "d-m-yyyy"
TIJDFORMAAT = "d-m-yyyy hh:mm"
VET = Font(bold=True)
TITEL = Font(bold=True, size=14)


def bladnaam(naam: str, bestaand: set[str] | None = None) -> str:
    """A valid, unique Excel sheet name: no []:*?/\\, at most 31 characters."""
    schoon = re.sub(r"[\[\]:*?/\\]", " ", naam).strip().strip("'") or "Blad"
    schoon = schoon[:MAX_BLADNAAM].rstrip()
    bestaand = bestaand if bestaand is not None else set()
    kandidaat, nr = schoon, 2
    while kandidaat.lower() in {b.lower() for b in bestaand}:
        achter = f" ({nr})"
        kandidaat = schoon[: MAX_BLADNAAM - len(achter)].rstrip() + achter
        nr += 1
    return kandidaat


def _schrijf(ws, rij: int, kolom: int, x, font: Font | None = None):
    x = _python(x)
    if isinstance(x, bool):
        x = opmaak.ja_nee(x)
    cel = ws.cell(row=rij, column=kolom, value=x)
    if isinstance(x, datetime):
        cel.number_format = TIJDFORMAAT
    elif isinstance(x, date):
        cel.number_format = DATUMFORMAAT
    elif isinstance(x, float):
        cel.number_format = "#,##0.0##"
    elif isinstance(x, int):
        cel.number_format = "#,##0"
    if font is not None:
        cel.font = font
    return cel


def _schrijf_tabel(ws, rij: int, df: pd.DataFrame) -> int:
    """A header row (bold) and the rows from `rij`; returns the next free row."""
    for k, kop in enumerate(df.columns, start=1):
        _schrijf(ws, rij, k, str(kop), VET)
    for r, waarden in enumerate(df.itertuples(index=False), start=rij + 1):
        for k, x in enumerate(waarden, start=1):
            _schrijf(ws, r, k, x)
    return rij + len(df) + 1


def _kolombreedtes(ws, minimum: int = 8, maximum: int = 60) -> None:
    breedte: dict[int, int] = {}
    for rij in ws.iter_rows():
        for cel in rij:
            if cel.value is not None:
                lengte = len(str(cel.value)) if not isinstance(cel.value, (date, datetime)) else 10
                breedte[cel.column] = max(breedte.get(cel.column, 0), lengte)
    for kolom, b in breedte.items():
        ws.column_dimensions[get_column_letter(kolom)].width = max(minimum, min(maximum, b + 2))


def _opslaan(wb: Workbook) -> bytes:
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def excel_bytes(bladen: dict[str, pd.DataFrame]) -> bytes:
    """One sheet per frame (in the given order), Dutch headers, suppression kept."""
    wb = Workbook()
    wb.remove(wb.active)
    namen: set[str] = set()
    for naam, df in bladen.items():
        ws = wb.create_sheet(bladnaam(naam, namen))
        namen.add(ws.title)
        _schrijf_tabel(ws, 1, exportvorm(df))
        ws.freeze_panes = "A2"
        _kolombreedtes(ws)
    if not wb.sheetnames:
        wb.create_sheet("Leeg")
    return _opslaan(wb)


def bestandsnaam(naam: str, extensie: str) -> str:
    """'Decentrale opvang 2025 H1' -> 'opvangmonitor_Decentrale_opvang_2025_H1.csv'."""
    ascii_ = unicodedata.normalize("NFKD", naam).encode("ascii", "ignore").decode()
    deel = re.sub(r"[^A-Za-z0-9]+", "_", ascii_).strip("_") or "tabel"
    return f"opvangmonitor_{deel}.{extensie}"


def downloadknoppen(df: pd.DataFrame, naam: str, sleutel: str) -> None:
    """The buttons "Download CSV" and "Download Excel" for one table. `naam` names the
    table and its period (e.g. 'decentrale_opvang_2025_H1'); `sleutel` keeps the widget
    keys of several tables on one page apart."""
    links, rechts = st.columns(2)
    links.download_button(
        "Download CSV",
        csv_bytes(df),
        file_name=bestandsnaam(naam, "csv"),
        mime="text/csv",
        key=f"{sleutel}_csv",
        on_click="ignore",
    )
    rechts.download_button(
        "Download Excel",
        excel_bytes({naam: df}),
        file_name=bestandsnaam(naam, "xlsx"),
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key=f"{sleutel}_xlsx",
        on_click="ignore",
    )


# --------------------------------------------------------------------- Bijlage IV

BIJLAGE_IV_FAMILIES = ("A", "B", "C", "D", "E")
JAARLIJKS = frozenset({"B", "C"})  # Bijlage IV asks B and C yearly (indicatoren.md §0)
RAPPORTEN = {"halfjaarrapportage": "halfjaar", "eindverantwoording": "jaar"}
INDICATORKOPPEN = ["Code", "Indicator", "Variant", "Waarde", "Eenheid", "Teller", "Noemer", "Norm", "Status"]


def rapport(periode_type: str, periode_start: date) -> tuple[str, date | None]:
    """The Bijlage IV report of a period and its due date: H1 -> halfjaarrapportage, due 31
    July; a year -> eindverantwoording, due 31 March of the next year. Other periods are
    no Bijlage IV moment: 'tussenrapportage', no due date."""
    start = pd.Timestamp(periode_start).date()
    if periode_type == "halfjaar" and start.month == 1:
        return "halfjaarrapportage", date(start.year, 7, 31)
    if periode_type == "jaar":
        return "eindverantwoording", date(start.year + 1, 3, 31)
    return "tussenrapportage", None


@dataclass
class Familie:
    code: str
    titel: str
    jaarlijks_in_halfjaar: bool  # B or C in a half-year report: marked, for information
    totalen: pd.DataFrame  # INDICATORKOPPEN, values as exported
    uitsplitsingen: list[tuple[str, pd.DataFrame]] = field(default_factory=list)  # (title, table)


@dataclass
class BijlageIV:
    regio: str
    regio_naam: str
    periode_type: str
    periode_start: date
    periode_eind: date
    periode_label: str
    peildatum: date | None
    gepubliceerd_op: datetime | None
    rapport: str
    uiterlijk: date | None
    instellingen: onderdrukking.Instellingen
    families: list[Familie]

    @property
    def bestandsnaam(self) -> str:
        """'bijlage_iv_rijnstreek_2025_H1.xlsx'."""
        return f"bijlage_iv_{self.regio}_{self.periode_label.replace(' ', '_')}.xlsx"


def _cel(waarde, tekst):
    """What a cell shows: the number, or the suppression text."""
    if _is_afgeschermd(tekst):
        return None if _leeg(waarde) and tekst == onderdrukking.VERBORGEN else tekst
    return waarde


def _volgorde(waarden: list[str], voorkeur: tuple[str, ...]) -> list[str]:
    bekend = [v for v in voorkeur if v in waarden]
    return bekend + sorted(set(waarden) - set(bekend))


def _familierijen(rijen: pd.DataFrame, defs: dict[str, definities.Indicatordefinitie], gemeenten: dict[str, str]):
    """(totals table, [(title, dimension table)]) of one family's suppressed rows."""
    totalen, tabellen = [], []
    for code in sorted(set(rijen["indicator"]), key=definities.code_sleutel):
        d = defs.get(code)
        naam = d.naam if d else code
        van_code = rijen[rijen["indicator"] == code]
        for variant in _volgorde(list(set(van_code["variant"].fillna(""))), d.varianten if d else ()):
            r = van_code[van_code["variant"].fillna("") == variant]
            totaal = r[r["dimensie"] == ""]
            for _, t in totaal.iterrows():
                totalen.append([
                    code, naam, variant, _cel(t["waarde"], t["waarde_tekst"]), t["eenheid"],
                    _cel(t["teller"], t["teller_tekst"]), _cel(t["noemer"], t["noemer_tekst"]),
                    t["norm"], t["status"],
                ])  # fmt: skip
            dims = [x for x in set(r["dimensie"]) if x]
            for dim in _volgorde(dims, d.dimensies if d else ()):
                deel = r[r["dimensie"] == dim].copy()
                deel["_label"] = [opmaak.dimensie_waarde(dim, w, gemeenten) for w in deel["dimensie_waarde"]]
                deel = deel.sort_values("_label", key=lambda s: s.map(lambda w: (w == "Onbekend", str(w).lower())))
                label = opmaak.dimensie_label(dim)
                tabel = pd.DataFrame({
                    label: deel["_label"],
                    "Waarde": [_cel(w, t) for w, t in zip(deel["waarde"], deel["waarde_tekst"])],
                    "Teller": [_cel(w, t) for w, t in zip(deel["teller"], deel["teller_tekst"])],
                    "Noemer": [_cel(w, t) for w, t in zip(deel["noemer"], deel["noemer_tekst"])],
                })  # fmt: skip
                titel = f"{code} {naam}" + (f" ({variant})" if variant else "") + f" naar {label.lower()}"
                tabellen.append((titel, tabel))
    return pd.DataFrame(totalen, columns=INDICATORKOPPEN), tabellen


def bijlage_iv_inhoud(
    b: gegevens.Bron, regio: str, periode_type: str, periode_start: date, inst: onderdrukking.Instellingen
) -> BijlageIV:
    """The contents of the Bijlage IV report of one region and period (families A–E,
    suppression per `inst`). ValueError (Dutch) when the period is not published."""
    start = pd.Timestamp(periode_start).date()
    periode = gegevens.lees(
        b,
        "SELECT periode_eind, periode_label, regio_peildatum FROM marts.dim_periode "
        "WHERE regio = ? AND periode_type = ? AND periode_start = ?",
        regio,
        periode_type,
        start,
    )
    if periode.empty:
        raise ValueError(f"Geen {periode_type} vanaf {opmaak.datum(start)} voor regio {regio} in de gepubliceerde gegevens.")
    p = periode.iloc[0]
    namen = gegevens.lees(b, "SELECT coalesce(naam, regio) AS naam FROM config.regios WHERE regio = ?", regio)
    rijen = gegevens.lees(
        b,
        """
        SELECT regio, indicator, variant, periode_type, periode_start, periode_eind, dimensie,
               dimensie_waarde, teller, noemer, waarde, eenheid, norm, status
        FROM marts.indicatoren
        WHERE regio = ? AND periode_type = ? AND periode_start = ? AND split_part(indicator, '.', 1) IN ?
        """,
        regio,
        periode_type,
        start,
        list(BIJLAGE_IV_FAMILIES),
    )
    rijen = onderdrukking.onderdruk(rijen, inst)
    defs = definities.lees()
    per_code = {d.code: d for d in defs.indicatoren}
    gemeenten = gegevens.gemeentenamen(b)
    soort, uiterlijk = rapport(periode_type, start)
    families = []
    for f in BIJLAGE_IV_FAMILIES:
        van_f = rijen[rijen["indicator"].map(definities.familie) == f]
        totalen, tabellen = _familierijen(van_f, per_code, gemeenten)
        families.append(Familie(f, defs.families.get(f, f), f in JAARLIJKS and periode_type == "halfjaar", totalen, tabellen))
    peildatum = p["regio_peildatum"]
    return BijlageIV(
        regio=regio,
        regio_naam=str(namen["naam"].iloc[0]) if not namen.empty else regio,
        periode_type=periode_type,
        periode_start=start,
        periode_eind=pd.Timestamp(p["periode_eind"]).date(),
        periode_label=str(p["periode_label"]),
        peildatum=None if _leeg(peildatum) else pd.Timestamp(peildatum).date(),
        gepubliceerd_op=gegevens.publicatie(b),
        rapport=soort,
        uiterlijk=uiterlijk,
        instellingen=inst,
        families=families,
    )


def familie_bladnaam(f: Familie) -> str:
    return f"{f.code} {f.titel}"


def jaarlijks_tekst(label: str) -> str:
    return f"Bijlage IV vraagt deze indicatoren jaarlijks; hier ter informatie over {label}."


def titelregels(inhoud: BijlageIV) -> list[tuple[str, object]]:
    """The title sheet as (label, value) lines."""
    regels: list[tuple[str, object]] = [
        ("Rapportage", f"{inhoud.rapport.capitalize()} {inhoud.periode_label}"),
        ("Regio", inhoud.regio_naam),
        ("Periode", opmaak.periode(inhoud.periode_start, inhoud.periode_eind)),
        ("Peildatum", opmaak.datum(inhoud.peildatum)),
        ("Gepubliceerd op", opmaak.tijdstip(inhoud.gepubliceerd_op)),
        ("Uiterlijk in te dienen", opmaak.datum(inhoud.uiterlijk) if inhoud.uiterlijk else "geen Bijlage IV-moment"),
        ("Kleine aantallen", inhoud.instellingen.toelichting()),
    ]
    if any(f.jaarlijks_in_halfjaar for f in inhoud.families):
        regels.append(("B en C", jaarlijks_tekst(inhoud.periode_label)))
    regels.append(("Inhoud", ", ".join(familie_bladnaam(f) for f in inhoud.families)))
    return regels


def werkboek(inhoud: BijlageIV) -> bytes:
    """The workbook: 'Titelblad', then one sheet per family A–E with the indicators and
    their dimension tables."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Titelblad"
    _schrijf(ws, 1, 1, "Opvangmonitor — Bijlage IV", TITEL)
    for r, (label, waarde) in enumerate(titelregels(inhoud), start=3):
        _schrijf(ws, r, 1, label, VET)
        _schrijf(ws, r, 2, waarde).alignment = Alignment(wrap_text=True, vertical="top")
    ws.column_dimensions["A"].width = 24
    ws.column_dimensions["B"].width = 100
    namen = {ws.title}
    for f in inhoud.families:
        ws = wb.create_sheet(bladnaam(familie_bladnaam(f), namen))
        namen.add(ws.title)
        _schrijf(ws, 1, 1, f"{f.code} {f.titel} — {inhoud.regio_naam}, {inhoud.periode_label}", TITEL)
        rij = 2
        if f.jaarlijks_in_halfjaar:
            _schrijf(ws, rij, 1, jaarlijks_tekst(inhoud.periode_label))
            rij += 1
        rij += 1
        if f.totalen.empty:
            _schrijf(ws, rij, 1, "Geen gegevens voor deze periode.")
            _kolombreedtes(ws)
            continue
        rij = _schrijf_tabel(ws, rij, f.totalen) + 1
        if f.uitsplitsingen:
            _schrijf(ws, rij, 1, "Uitsplitsingen", Font(bold=True, size=12))
            rij += 2
            for titel, tabel in f.uitsplitsingen:
                _schrijf(ws, rij, 1, titel, VET)
                rij = _schrijf_tabel(ws, rij + 1, tabel) + 1
        _kolombreedtes(ws)
    return _opslaan(wb)


def bijlage_iv_werkboek(
    b: gegevens.Bron, regio: str, periode_type: str, periode_start: date, inst: onderdrukking.Instellingen
) -> bytes:
    """The Bijlage IV report of one region and period as an Excel workbook (.xlsx)."""
    return werkboek(bijlage_iv_inhoud(b, regio, periode_type, periode_start, inst))
