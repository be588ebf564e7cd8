"""Synthetic persons: unique BSNs that pass the elfproef (and a few that fail it), birth
dates with about a quarter under 27, sex, and persons seen by two providers."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from opvangmonitor.generator.kansen import gewogen_codes

GEWICHTEN_ELFPROEF = (9, 8, 7, 6, 5, 4, 3, 2)
BSN_GELDIG, BSN_ONGELDIG = 0.74, 0.03  # the rest has no BSN
AANDEEL_JONG = 0.25  # under 27 at the start of care

GESLACHT = gewogen_codes("geslacht", {"Man": 60, "Vrouw": 37, "Anders": 1, "Onbekend": 2})
GESLACHT_OUDER_GEZIN = gewogen_codes("geslacht", {"Man": 27, "Vrouw": 72, "Anders": 1})


@dataclass(frozen=True)
class Persoon:
    bsn: str | None
    geboortedatum: date
    geslacht: str


class BsnBron:
    """Unique nine-digit BSNs passing the elfproef: the first eight digits run through a
    seeded permutation of 0..10^8-1 (x -> a·x + b mod 10^8), so no two clients of one run
    share a BSN by accident; the ninth digit makes the elfproef hold."""

    def __init__(self, seed: int):
        rng = random.Random(f"{seed}:bsn")
        self.a = rng.randrange(1, 10**8 // 10) * 10 + rng.choice((1, 3, 7, 9))  # coprime with 10^8
        self.b = rng.randrange(10**8)
        self.i = 0

    def geldig(self) -> str:
        while True:
            x = (self.a * self.i + self.b) % 10**8
            self.i += 1
            acht = f"{x:08d}"
            controle = sum(int(c) * g for c, g in zip(acht, GEWICHTEN_ELFPROEF)) % 11
            if controle < 10 and x != 0:
                return acht + str(controle)

    def ongeldig(self) -> str:
        """A nine-digit number failing the elfproef (a typing error in the last digit)."""
        goed = self.geldig()
        return goed[:8] + str((int(goed[8]) + 1) % 10)


def leeftijd_jaren(rng, jong_kans: float = AANDEEL_JONG, oudste: float = 72, modus: float = 40) -> float:
    if rng.random() < jong_kans:
        return rng.uniform(18, 26.95)
    return rng.triangular(27.05, oudste, modus)


def geboortedatum(rng, start: date, leeftijd: float) -> date:
    return start - timedelta(days=int(leeftijd * 365.2425))


def nieuwe_persoon(rng, bsns: BsnBron, start: date, gezinsouder: bool = False) -> Persoon:
    r = rng.random()
    bsn = bsns.geldig() if r < BSN_GELDIG else bsns.ongeldig() if r < BSN_GELDIG + BSN_ONGELDIG else None
    if gezinsouder:
        leeftijd = rng.triangular(20, 46, 32)
        geslacht = GESLACHT_OUDER_GEZIN.trek(rng)
    else:
        leeftijd = leeftijd_jaren(rng)
        geslacht = GESLACHT.trek(rng)
    return Persoon(bsn, geboortedatum(rng, start, leeftijd), geslacht)


def gedeelde_personen(seed: int, bsns: BsnBron, aantal: int) -> list[Persoon]:
    """Persons who are clients of two providers (same BSN, birth date and sex)."""
    rng = random.Random(f"{seed}:gedeeld")
    return [
        Persoon(bsns.geldig(), geboortedatum(rng, date(2024, 1, 1), rng.uniform(24, 60)), GESLACHT.trek(rng))
        for _ in range(aantal)
    ]


def leeftijd_op(persoon: Persoon, op: date) -> int:
    g = persoon.geboortedatum
    return op.year - g.year - ((op.month, op.day) < (g.month, g.day))
