"""Reading a delivery delivered as one .xlsx workbook (aanlevering.md §1–§2).

One sheet per contract file (sheet name = file name without extension, matched
case-insensitively) and a sheet `levering` with columns `sleutel`, `waarde`. Cells are
turned into the text a CSV export would hold, so that one set of row rules serves both:
date cells become `jjjj-mm-dd` (`jjjj-mm` in a `maand` field); numbers in a date or month
field are Excel serial numbers; other numbers are written without a trailing `.0` and
without an exponent (`0.00005`, not `5e-05`);
booleans become `true`/`false`; error cells (`#N/A`, `#DEEL/0!`) keep their error text. The
row number is the sheet row; rows without any value are skipped (they hold no data and
are not counted).

Cells are read with calamine (python-calamine, Rust): it parses one whole sheet into
memory when the sheet is opened (measured: ~55 bytes per cell of the used area, texts
included; 300,000 rows x 12 columns: +190 MB)
and hands it to Python one row at a time. Where calamine reads a cell differently from
what this module promises, the sheet XML is read for those cells (`_herstelcellen`):
error cells (calamine: empty) and texts with whitespace at an edge that lack
xml:space="preserve" (calamine trims them; openpyxl writes a text of only spaces so).
calamine does not expose the workbook's 1900/1904 date system: that is read from the
workbook XML (`_werkmapdelen`).
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
import zipfile
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Iterator
from xml.etree import ElementTree

from openpyxl.utils.cell import column_index_from_string, coordinate_from_string
from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900, from_excel
from python_calamine import CalamineError, CalamineWorkbook, SheetTypeEnum

from opvangmonitor.ingestie.blok import BLOKGROOTTE, Blok
from opvangmonitor.ingestie.fouten import LeveringFout
from opvangmonitor.ingestie.kop import KopIndeling, kopnaam
from opvangmonitor.ingestie.metadata import DATUMVELDEN

LEVERINGBLAD = "levering"
DATUMTYPEN = ("datum", "maand")
GROOTSTE_SERIEEL = 2958465  # 9999-12-31

_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_NS_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_NS_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_WIT = " \t\n\r"
_WITRAND = tuple(b"<t>" + w for w in (b" ", b"\t", b"\n", b"\r")) + tuple(
    w + b"</t>" for w in (b" ", b"\t", b"\n", b"\r")
)  # a <t> with whitespace at an edge (or a false alarm: one with xml:space="preserve")
_VERDACHT = (b't="e"',) + _WITRAND  # in a sheet part: an error cell, maybe a trimmed string
_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")
_STUK = 1 << 20


@lru_cache(maxsize=1 << 16)
def _datum(d: dt.date, veldtype: str | None) -> str:
    # Every date here lies in 1899..9999, where isoformat() equals strftime("%Y-%m-%d").
    if veldtype == "maand":
        return d.isoformat()[:7]
    return d.isoformat()


@lru_cache(maxsize=1 << 16)
def _serieel(serieel: int, veldtype: str | None, epoch: dt.datetime | None) -> str:
    d = from_excel(serieel, epoch) if epoch is not None else from_excel(serieel)
    return _datum(d.date(), veldtype)


def cel_tekst(waarde, veldtype: str | None = None, epoch: dt.datetime | None = None) -> str:
    """A cell value as the text a CSV export of it would hold (see module doc)."""
    if waarde is None:
        return ""
    if isinstance(waarde, str):
        return waarde
    if isinstance(waarde, bool):
        return "true" if waarde else "false"
    if isinstance(waarde, dt.datetime):
        if veldtype in DATUMTYPEN or waarde.time() == dt.time(0):
            return _datum(waarde.date(), veldtype)
        return waarde.isoformat(sep=" ")
    if isinstance(waarde, dt.date):
        return _datum(waarde, veldtype)
    if isinstance(waarde, (int, float)):
        if veldtype in DATUMTYPEN and 1 <= waarde <= GROOTSTE_SERIEEL:
            return _serieel(int(waarde), veldtype, epoch)
        if isinstance(waarde, float) and waarde.is_integer():
            return str(int(waarde))
        if isinstance(waarde, float):
            return format(Decimal(repr(waarde)), "f")  # 5e-05 -> 0.00005: never an exponent
        return str(waarde)
    return str(waarde)


def _rels(zf: zipfile.ZipFile, deel: str) -> dict[str, str]:
    """Relationship id -> part path for the part `deel` ('' = the package)."""
    map_, naam = posixpath.split(deel)
    try:
        wortel = ElementTree.fromstring(zf.read(posixpath.join(map_, "_rels", naam + ".rels")))
    except KeyError:
        return {}
    doelen = {}
    for rel in wortel.iter(f"{_NS_REL}Relationship"):
        doel = rel.get("Target", "")
        doel = doel.lstrip("/") if doel.startswith("/") else posixpath.normpath(posixpath.join(map_, doel))
        doelen[rel.get("Id")] = doel
        doelen[rel.get("Type", "").rsplit("/", 1)[-1]] = doel
    return doelen


def _werkmapdelen(zf: zipfile.ZipFile) -> tuple[dt.datetime, dict[str, str], str | None]:
    """The workbook's date system epoch (1900 or 1904), {sheet name: sheet XML part} and
    the shared strings part."""
    deel = _rels(zf, "").get("officeDocument", "xl/workbook.xml")
    wortel = ElementTree.fromstring(zf.read(deel))
    rels = _rels(zf, deel)
    eigenschappen = wortel.find(f"{_NS}workbookPr")
    is_1904 = eigenschappen is not None and eigenschappen.get("date1904", "").lower() in ("1", "true")
    bladen = {blad.get("name"): rels.get(blad.get(f"{_NS_R}id"), "") for blad in wortel.iter(f"{_NS}sheet")}
    return (CALENDAR_MAC_1904 if is_1904 else CALENDAR_WINDOWS_1900), bladen, rels.get("sharedStrings")


def _bevat(zf: zipfile.ZipFile, deel: str, naalden: tuple[bytes, ...]) -> bool:
    """Whether the part holds one of the byte strings (a streaming scan, no XML parse)."""
    overlap = max(map(len, naalden)) - 1
    with zf.open(deel) as f:
        staart = b""
        while stuk := f.read(_STUK):
            venster = staart + stuk
            if any(n in venster for n in naalden):
                return True
            staart = venster[-overlap:]
    return False


def _tekst(item) -> tuple[str, bool]:
    """The text of a string item (<si> or <is>) as openpyxl read it: its own <t> and the <t>
    of its runs, not phonetic runs (with `_xHHHH_` escapes decoded, as calamine does); and
    whether calamine misreads it: it trims a <t> without xml:space="preserve"."""
    delen, verdacht = [], False
    for t in [item.find(f"{_NS}t"), *(r.find(f"{_NS}t") for r in item.findall(f"{_NS}r"))]:
        if t is None or not t.text:
            continue
        delen.append(t.text)
        verdacht = verdacht or (t.get(_XML_SPACE) != "preserve" and t.text != t.text.strip(_WIT))
    return _ESCAPE.sub(lambda m: chr(int(m[1], 16)), "".join(delen)), verdacht


def _gedeelde_teksten(zf: zipfile.ZipFile, deel: str | None) -> dict[int, str]:
    """{index: text} of the shared strings that calamine misreads (see `_tekst`)."""
    if not deel or deel not in zf.NameToInfo or not _bevat(zf, deel, _WITRAND):
        return {}
    teksten: dict[int, str] = {}
    with zf.open(deel) as f:
        i = 0
        for _, el in ElementTree.iterparse(f):
            if el.tag == f"{_NS}si":
                tekst, verdacht = _tekst(el)
                if verdacht:
                    teksten[i] = tekst
                i += 1
                el.clear()
    return teksten


def _herstelcellen(zf: zipfile.ZipFile, deel: str, gedeeld: dict[int, str]) -> dict[int, dict[int, str]]:
    """{sheet row: {column index (0-based): text}} of the cells of one sheet that calamine
    misreads: error cells (read as empty; openpyxl gave their text, `#N/A`) and strings
    whose edge whitespace it trims. A byte scan first; the XML is parsed only when the
    sheet may hold such a cell."""
    naalden = _VERDACHT + ((b't="s"',) if gedeeld else ())
    if deel not in zf.NameToInfo or not _bevat(zf, deel, naalden):
        return {}
    herstel: dict[int, dict[int, str]] = {}
    with zf.open(deel) as f:
        rij, kolom = 0, 0
        for gebeurtenis, el in ElementTree.iterparse(f, events=("start", "end")):
            if gebeurtenis == "start":
                if el.tag == f"{_NS}row":
                    rij, kolom = int(el.get("r") or rij + 1), 0
                elif el.tag == f"{_NS}c":
                    ref = el.get("r")
                    kolom = column_index_from_string(coordinate_from_string(ref)[0]) if ref else kolom + 1
                continue
            if el.tag == f"{_NS}row":
                el.clear()
            if el.tag != f"{_NS}c":
                continue
            soort, tekst = el.get("t"), None
            if soort == "e":
                tekst = el.findtext(f"{_NS}v") or ""
            elif soort == "inlineStr" and (item := el.find(f"{_NS}is")) is not None:
                tekst, verdacht = _tekst(item)
                tekst = tekst if verdacht else None
            elif soort == "s" and gedeeld:
                tekst = gedeeld.get(int(el.findtext(f"{_NS}v") or -1))
            if tekst is not None:
                herstel.setdefault(rij, {})[kolom - 1] = tekst
            el.clear()
    return herstel


class Werkmap:
    """An opened .xlsx delivery. Use as a context manager."""

    def __init__(self, bron: str, pad: Path):
        self.bron = bron
        self.bestand = pad.name
        try:
            self._wb = CalamineWorkbook.from_path(str(pad))
            self._zip = zipfile.ZipFile(pad)
            self.epoch, self._delen, gedeeld = _werkmapdelen(self._zip)
            self._gedeeld = _gedeelde_teksten(self._zip, gedeeld)
        except (CalamineError, zipfile.BadZipFile, KeyError, ValueError, ElementTree.ParseError, OSError):
            raise LeveringFout(
                bron, pad.name, "geen geldige Excel-werkmap (.xlsx): het bestand is geen werkmap of is beschadigd"
            ) from None
        self._titels = [m.name for m in self._wb.sheets_metadata if m.typ == SheetTypeEnum.WorkSheet]
        self._bladen = {kopnaam(t): t for t in self._titels}

    def __enter__(self) -> "Werkmap":
        return self

    def __exit__(self, *exc) -> None:
        self._wb.close()
        self._zip.close()

    @property
    def bladnamen(self) -> list[str]:
        return list(self._titels)

    def bladtitel(self, naam: str) -> str:
        return self._bladen[kopnaam(naam)]

    def heeft_blad(self, naam: str) -> bool:
        return kopnaam(naam) in self._bladen

    def levering(self) -> dict[str, str]:
        """The `levering` sheet as {sleutel: waarde}."""
        if LEVERINGBLAD not in self._bladen:
            raise LeveringFout(self.bron, self.bestand, f"werkmap mist het tabblad '{LEVERINGBLAD}'")
        blad = self.blad(LEVERINGBLAD)
        kop = [kopnaam(k) for k in blad.kop()]
        if "sleutel" not in kop or "waarde" not in kop:
            raise LeveringFout(
                self.bron, f"{self.bestand} (tabblad {blad.bestand})",
                "het tabblad levering moet de kolommen sleutel en waarde hebben",
            )
        i, j = kop.index("sleutel"), kop.index("waarde")
        velden: dict[str, str] = {}
        for _, rij in blad.rijen():
            rij = list(rij) + [None] * (max(i, j) + 1 - len(rij))
            sleutel = kopnaam(cel_tekst(rij[i]))
            if sleutel:
                velden[sleutel] = cel_tekst(rij[j], "datum" if sleutel in DATUMVELDEN else None, self.epoch)
        return velden

    def blad(self, naam: str) -> "BladLezer":
        titel = self._bladen[kopnaam(naam)]
        try:
            ws = self._wb.get_sheet_by_name(titel)
            herstel = _herstelcellen(self._zip, self._delen.get(titel, ""), self._gedeeld)
        except (CalamineError, zipfile.BadZipFile, ValueError, ElementTree.ParseError) as e:
            raise LeveringFout(
                self.bron, f"{self.bestand} (tabblad {titel})", f"tabblad kan niet worden gelezen ({e})"
            ) from None
        return BladLezer(self.bron, titel, _rijen(ws, herstel), self.epoch)


def _rijen(ws, herstel: dict[int, dict[int, str]]) -> Iterator[tuple[int, list]]:
    """(sheet row number, cell values from column A) of the rows holding a value. Empty
    cells are ''; calamine's rows start at the first used column, so they are padded; the
    cells of `herstel` (see `_herstelcellen`) replace calamine's reading."""
    links = [""] * ws.start[1] if ws.start is not None else []
    nummer = 0
    for nummer, rij in enumerate(ws.iter_rows() if ws.start is not None else (), 1):
        if links:
            rij = links + rij
        if herstel and nummer in herstel:
            rij = _hersteld(rij, herstel.pop(nummer))
        if rij.count("") != len(rij):
            yield nummer, rij
    for nummer in sorted(herstel):  # rows beyond calamine's used area (only trimmed texts)
        rij = _hersteld([], herstel[nummer])
        if rij.count("") != len(rij):
            yield nummer, rij


def _hersteld(rij: list, cellen: dict[int, str]) -> list:
    rij = rij + [""] * (max(cellen) + 1 - len(rij))
    for kolom, tekst in cellen.items():
        rij[kolom] = tekst
    return rij


class BladLezer:
    """One sheet of the workbook, read like a CSV file: `kop()`, then `blokken()`."""

    codering = "xlsx"
    scheidingsteken = None

    def __init__(self, bron: str, titel: str, rijen: Iterator[tuple[int, list]], epoch: dt.datetime):
        self.bron = bron
        self.bestand = titel
        self._epoch = epoch
        self._rijen = rijen
        eerste = next(self._rijen, None)
        kop = list(eerste[1]) if eerste else []
        while kop and kop[-1] in (None, ""):
            kop.pop()
        self._kop = [cel_tekst(k).strip() for k in kop]

    def __enter__(self) -> "BladLezer":
        return self

    def __exit__(self, *exc) -> None:
        self._rijen = iter(())  # releases the sheet's cells

    def kop(self) -> list[str]:
        return self._kop

    def rijen(self) -> Iterator[tuple[int, list]]:
        return self._rijen

    def blokken(self, indeling: KopIndeling) -> Iterator[Blok]:
        breedte = indeling.breedte
        typen = tuple(indeling.kolomtypen)
        epoch = self._epoch
        blok = Blok()
        for nummer, rij in self._rijen:
            if len(rij) > len(typen):
                typen += (None,) * (len(rij) - len(typen))  # columns beyond the header: no type
            # Text cells (and empty ones, '') are most cells: no call for them.
            waarden = [w if w.__class__ is str else cel_tekst(w, t, epoch) for w, t in zip(rij, typen)]
            if len(waarden) > breedte and any(w != "" for w in waarden[breedte:]):
                while waarden and waarden[-1] == "":
                    waarden.pop()
                blok.afwijkend.append((nummer, waarden))
            else:
                waarden = waarden[:breedte] + [""] * (breedte - len(waarden))
                blok.rijen.append(waarden)
                blok.regels.append(nummer)
                if len(blok.rijen) >= BLOKGROOTTE:
                    yield blok
                    blok = Blok()
        if len(blok):
            yield blok
