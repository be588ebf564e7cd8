"""Reading one CSV file of a delivery (aanlevering.md §2).

- Encoding: UTF-8 with or without BOM when the whole file decodes strictly as UTF-8,
  else Windows-1252 (strict as well). A NUL byte, or bytes that are neither, mean the
  file is not a CSV file.
- Delimiter: `;` or `,`, chosen on the header record parsed with either (quotes honoured):
  the one that yields more of the contract's column names, then more columns.
- Rows are streamed with the `csv` module (quoted fields may hold delimiters and
  newlines). The line number of a row is the physical line its first line is on
  (header = 1). Blank lines are skipped (they hold no data and are not counted).
  Broken quoting makes the file unreadable (strict mode), with the line it starts on.
"""

from __future__ import annotations

import codecs
import csv
import io
from typing import IO, Callable, Iterator

from opvangmonitor.ingestie.blok import BLOKGROOTTE, Blok
from opvangmonitor.ingestie.fouten import LeveringFout
from opvangmonitor.ingestie.kop import KopIndeling, kopnaam

Opener = Callable[[], IO[bytes]]
SCHEIDINGSTEKENS = (";", ",")
STUK = 1 << 20
PROEF = 1 << 16  # characters read to find the header record


class GeenTekst(Exception):
    pass


def _controleer(opener: Opener, codering: str) -> None:
    """Decode the whole file strictly; raises UnicodeDecodeError or GeenTekst (NUL byte)."""
    decoder = codecs.getincrementaldecoder(codering)("strict")
    with opener() as f:
        while stuk := f.read(STUK):
            if b"\x00" in stuk:
                raise GeenTekst
            decoder.decode(stuk)
        decoder.decode(b"", final=True)


def bepaal_codering(opener: Opener) -> str | None:
    """'utf-8-sig', 'utf-8', 'cp1252', or None when the file is not text in either."""
    with opener() as f:
        bom = f.read(len(codecs.BOM_UTF8)) == codecs.BOM_UTF8
    for codering in ("utf-8-sig" if bom else "utf-8", "cp1252"):
        try:
            _controleer(opener, codering)
            return codering
        except UnicodeDecodeError:
            continue
        except GeenTekst:
            return None
    return None


def eerste_record(tekst: str, scheidingsteken: str) -> list[str]:
    try:
        return next(csv.reader(io.StringIO(tekst, newline=""), delimiter=scheidingsteken), [])
    except csv.Error:
        return []


def bepaal_scheidingsteken(proef: str, veldnamen: set[str]) -> str:
    """The delimiter whose header record holds the most known column names (then the most
    columns); ';' when undecided."""
    def score(s: str) -> tuple[int, int, int]:
        kop = eerste_record(proef, s)
        return (sum(kopnaam(k) in veldnamen for k in kop), len(kop), s == ";")
    return max(SCHEIDINGSTEKENS, key=score)


CSV_FOUTEN = {
    "unexpected end of data": "aanhalingsteken wordt niet gesloten (einde van het bestand binnen een veld)",
    "field larger than field limit": "veld is te groot (waarschijnlijk een aanhalingsteken dat niet wordt gesloten)",
    "expected after": "tekens direct na een sluitend aanhalingsteken",
    "new-line character seen in unquoted field": "losse regelovergang in een veld zonder aanhalingstekens",
}


def vertaal_csv_fout(fout: csv.Error) -> str:
    tekst = str(fout)
    for sleutel, melding in CSV_FOUTEN.items():
        if sleutel in tekst:
            return melding
    return f"ongeldige CSV ({tekst})"


class CsvLezer:
    """A CSV file of a delivery, opened for reading: `kop()`, then `blokken()`. Use as a
    context manager (closes the file)."""

    def __init__(self, bron: str, bestand: str, opener: Opener, veldnamen: set[str]):
        self.bron = bron
        self.bestand = bestand
        codering = bepaal_codering(opener)
        if codering is None:
            raise LeveringFout(bron, bestand, "geen CSV-bestand: de inhoud is geen tekst in UTF-8 of Windows-1252")
        self.codering = codering
        with io.TextIOWrapper(opener(), encoding=codering, newline="") as f:
            proef = f.read(PROEF)
        self.scheidingsteken = bepaal_scheidingsteken(proef, veldnamen)
        self._tekst = io.TextIOWrapper(opener(), encoding=codering, newline="")
        self._reader = csv.reader(self._tekst, delimiter=self.scheidingsteken, strict=True)
        try:
            self._kop = self._lees(lambda: next(self._reader, []))
        except BaseException:
            self._tekst.close()
            raise

    def __enter__(self) -> "CsvLezer":
        return self

    def __exit__(self, *exc) -> None:
        self._tekst.close()

    def _lees(self, stap):
        begin = self._reader.line_num + 1
        try:
            return stap()
        except csv.Error as e:
            raise LeveringFout(
                self.bron, self.bestand, f"{vertaal_csv_fout(e)} in de rij die begint op regel {begin}"
            ) from None

    def kop(self) -> list[str]:
        return self._kop

    def blokken(self, indeling: KopIndeling) -> Iterator[Blok]:
        breedte = indeling.breedte
        reader = self._reader
        blok = Blok()
        rijen, regels = blok.rijen, blok.regels
        vorige = reader.line_num
        try:
            for rij in reader:
                begin, vorige = vorige + 1, reader.line_num
                if len(rij) == breedte:
                    rijen.append(rij)
                    regels.append(begin)
                    if len(rijen) >= BLOKGROOTTE:
                        yield blok
                        blok = Blok()
                        rijen, regels = blok.rijen, blok.regels
                elif rij:
                    blok.afwijkend.append((begin, rij))
        except csv.Error as e:
            raise LeveringFout(
                self.bron, self.bestand, f"{vertaal_csv_fout(e)} in de rij die begint op regel {vorige + 1}"
            ) from None
        if len(blok):
            yield blok
