"""What loading a delivery did, per file and in total."""

from __future__ import annotations

from dataclasses import dataclass, field

GELADEN = "geladen"
AL_GELADEN = "al geladen"
EERDER_MISLUKT = "eerder mislukt"
MISLUKT = "mislukt"


def aantal(n: int) -> str:
    """Dutch thousands separator: 12345 -> '12.345'."""
    return f"{n:,}".replace(",", ".")


@dataclass
class BestandResultaat:
    bestand: str  # contract file name, e.g. 'clienten'
    aanwezig: bool
    gelezen: int
    geladen: int
    quarantaine: int


@dataclass
class LeveringResultaat:
    bron: str
    levering_id: str | None
    aanbieder_code: str | None
    status: str  # 'geladen' | 'al geladen' | 'eerder mislukt' | 'mislukt'
    bestanden: list[BestandResultaat] = field(default_factory=list)
    melding: str | None = None

    @property
    def gelezen(self) -> int:
        return sum(b.gelezen for b in self.bestanden)

    @property
    def geladen(self) -> int:
        return sum(b.geladen for b in self.bestanden)

    @property
    def quarantaine(self) -> int:
        return sum(b.quarantaine for b in self.bestanden)

    def samenvatting(self) -> str:
        """One Dutch line, e.g. 'binnenvest_20261015.zip: geladen — 12.345 rijen gelezen,
        12.300 geladen, 45 in quarantaine'."""
        if self.status == GELADEN:
            tekst = (
                f"{self.bron}: {self.status} — {aantal(self.gelezen)} rijen gelezen, "
                f"{aantal(self.geladen)} geladen, {aantal(self.quarantaine)} in quarantaine"
            )
            return f"{tekst} ({self.melding})" if self.melding else tekst
        return f"{self.bron}: {self.status} — {self.melding}" if self.melding else f"{self.bron}: {self.status}"
