"""The one exception of ingestion: a delivery that cannot be read at all."""

from __future__ import annotations


class LeveringFout(Exception):
    """An unreadable delivery (aanlevering.md §6: not CSV, wrong workbook, missing file, ...).

    `bron` is the name in the landing folder, `bestand` the file (or sheet) the problem is
    in (None when it concerns the delivery as a whole), `melding` the problem in Dutch.
    """

    def __init__(self, bron: str, bestand: str | None, melding: str):
        self.bron = bron
        self.bestand = bestand
        self.melding = melding
        super().__init__(str(self))

    def __str__(self) -> str:
        if self.bestand:
            return f"Levering {self.bron}, bestand {self.bestand}: {self.melding}"
        return f"Levering {self.bron}: {self.melding}"
