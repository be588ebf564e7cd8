"""Reading a delivery delivered as one .xlsx workbook (aanlevering.md §1–§2).

One sheet per contract file (sheet name = file name without extension, matched
case-insensitively) and a sheet `levering` with columns `sleutel`, `waarde`. Cells are
turned into the text a CSV export would hold, so that one set of row rules serves both:
date cells become `jjjj-mm-dd` (`jjjj-mm` in a `maand` field); numbers in a date or month
field are Excel serial numbers; other numbers are written without a trailing `.0` and
without an exponent (`0.00005`, not `5e-05`);
booleans become `true`/`false`. The row number is the sheet row; rows without any value
are skipped (they hold no data and are not counted).
"""

from __future__ import annotations

import datetime as dt
import zipfile
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from typing import Iterator

from openpyxl import load_workbook
from openpyxl.utils.datetime import from_excel
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet._read_only import ReadOnlyWorksheet

from opvangmonitor.ingestie.blok import BLOKGROOTTE, Blok
from opvangmonitor.ingestie.fouten import LeveringFout
from opvangmonitor.ingestie.kop import KopIndeling, kopnaam
from opvangmonitor.ingestie.metadata import DATUMVELDEN

LEVERINGBLAD = "levering"
DATUMTYPEN = ("datum", "maand")
GROOTSTE_SERIEEL = 2958465  # 9999-12-31


def _datum(d: dt.date, veldtype: str | None) -> str:
    if veldtype == "maand":
        return d.strftime("%Y-%m")
    return d.strftime("%Y-%m-%d")


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
            d = from_excel(int(waarde), epoch) if epoch is not None else from_excel(int(waarde))
            return _datum(d.date(), veldtype)
        if isinstance(waarde, float) and waarde.is_integer():
            return str(int(waarde))
        if isinstance(waarde, float):
            return format(Decimal(repr(waarde)), "f")  # 5e-05 -> 0.00005: never an exponent
        return str(waarde)
    return str(waarde)


@contextmanager
def _zonder_afmetingen():
    """While opening a workbook, skip openpyxl's read of each sheet's stored dimension.
    A workbook without a <dimension> element (openpyxl's own write-only mode writes
    none) makes that read parse the whole sheet once more before a single row is read —
    a sixth of the time of an xlsx delivery. The stored dimension is not used anyway:
    BladLezer resets it and trusts the cells. (Ingestion is single-threaded; the patch
    lasts only for the load_workbook call.)"""
    origineel = ReadOnlyWorksheet._get_size
    ReadOnlyWorksheet._get_size = lambda self: None
    try:
        yield
    finally:
        ReadOnlyWorksheet._get_size = origineel


class Werkmap:
    """An opened .xlsx delivery. Use as a context manager."""

    def __init__(self, bron: str, pad: Path):
        self.bron = bron
        self.bestand = pad.name
        try:
            with _zonder_afmetingen():
                self._wb = load_workbook(pad, read_only=True, data_only=True)
        except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, OSError):
            raise LeveringFout(
                bron, pad.name, "geen geldige Excel-werkmap (.xlsx): het bestand is geen werkmap of is beschadigd"
            ) from None
        self._bladen = {kopnaam(ws.title): ws for ws in self._wb.worksheets}

    def __enter__(self) -> "Werkmap":
        return self

    def __exit__(self, *exc) -> None:
        self._wb.close()

    @property
    def bladnamen(self) -> list[str]:
        return [ws.title for ws in self._wb.worksheets]

    def bladtitel(self, naam: str) -> str:
        return self._bladen[kopnaam(naam)].title

    def heeft_blad(self, naam: str) -> bool:
        return kopnaam(naam) in self._bladen

    def levering(self) -> dict[str, str]:
        """The `levering` sheet as {sleutel: waarde}."""
        ws = self._bladen.get(LEVERINGBLAD)
        if ws is None:
            raise LeveringFout(self.bron, self.bestand, f"werkmap mist het tabblad '{LEVERINGBLAD}'")
        blad = BladLezer(self.bron, ws, self._wb.epoch)
        kop = [kopnaam(k) for k in blad.kop()]
        if "sleutel" not in kop or "waarde" not in kop:
            raise LeveringFout(
                self.bron, f"{self.bestand} (tabblad {ws.title})",
                "het tabblad levering moet de kolommen sleutel en waarde hebben",
            )
        i, j = kop.index("sleutel"), kop.index("waarde")
        velden: dict[str, str] = {}
        for _, rij in blad.rijen():
            rij = list(rij) + [None] * (max(i, j) + 1 - len(rij))
            sleutel = kopnaam(cel_tekst(rij[i]))
            if sleutel:
                velden[sleutel] = cel_tekst(rij[j], "datum" if sleutel in DATUMVELDEN else None, self._wb.epoch)
        return velden

    def blad(self, naam: str) -> "BladLezer":
        return BladLezer(self.bron, self._bladen[kopnaam(naam)], self._wb.epoch)


class BladLezer:
    """One sheet of the workbook, read like a CSV file: `kop()`, then `blokken()`."""

    codering = "xlsx"
    scheidingsteken = None

    def __init__(self, bron: str, ws, epoch):
        self.bron = bron
        self.bestand = ws.title
        self._epoch = epoch
        ws.reset_dimensions()  # trust the cells, not a possibly wrong stored dimension
        self._rijen = self._niet_leeg(ws.iter_rows(min_row=1, values_only=True))
        eerste = next(self._rijen, None)
        kop = list(eerste[1]) if eerste else []
        while kop and kop[-1] in (None, ""):
            kop.pop()
        self._kop = [cel_tekst(k).strip() for k in kop]

    def __enter__(self) -> "BladLezer":
        return self

    def __exit__(self, *exc) -> None:
        pass

    @staticmethod
    def _niet_leeg(rijen) -> Iterator[tuple[int, tuple]]:
        for nummer, rij in enumerate(rijen, 1):
            if any(w is not None and w != "" for w in rij):
                yield nummer, rij

    def kop(self) -> list[str]:
        return self._kop

    def rijen(self) -> Iterator[tuple[int, tuple]]:
        return self._rijen

    def blokken(self, indeling: KopIndeling) -> Iterator[Blok]:
        breedte = indeling.breedte
        typen = indeling.kolomtypen
        epoch = self._epoch
        blok = Blok()
        for nummer, rij in self._rijen:
            waarden = [cel_tekst(w, typen[i] if i < breedte else None, epoch) for i, w in enumerate(rij)]
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
