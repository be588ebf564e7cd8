"""The shape in which every reader (CSV, workbook sheet) hands rows to the loader."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator, Protocol

from opvangmonitor.ingestie.kop import KopIndeling

BLOKGROOTTE = 50_000  # rows per block handed to DuckDB


@dataclass
class Blok:
    """Up to BLOKGROOTTE rows in file order. `rijen` have exactly as many values as the
    header (strings as delivered, '' = empty); `afwijkend` are rows with more or fewer."""

    regels: list[int] = field(default_factory=list)  # line (or sheet row) number per row of `rijen`
    rijen: list[list[str]] = field(default_factory=list)  # changed in place by pseudonymisation
    afwijkend: list[tuple[int, list[str]]] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.rijen) + len(self.afwijkend)


class TabelLezer(Protocol):
    bestand: str  # file or sheet name as delivered
    codering: str  # utf-8 | utf-8-sig | cp1252 | xlsx
    scheidingsteken: str | None

    def kop(self) -> list[str]: ...

    def blokken(self, indeling: KopIndeling) -> Iterator[Blok]: ...
