"""Drawing from weighted tables and distributions with one random.Random.

Weighted tables that name code-list values are checked against the contract's code
lists (`gewogen_codes`), so that a value the contract does not know can never be
generated."""

from __future__ import annotations

import math
from bisect import bisect
from itertools import accumulate

from opvangmonitor.contract import contract


class Gewogen:
    """A fixed weighted table; .trek(rng) returns one value."""

    __slots__ = ("waarden", "grenzen")

    def __init__(self, tabel: dict):
        self.waarden = list(tabel)
        self.grenzen = list(accumulate(tabel.values()))

    def trek(self, rng):
        return self.waarden[bisect(self.grenzen, rng.random() * self.grenzen[-1])]


def gewogen_codes(lijst: str, tabel: dict) -> Gewogen:
    """A weighted table over values of code list `lijst`; None stands for 'left empty'."""
    bekend = set(contract().codelijsten[lijst])
    onbekend = [w for w in tabel if w is not None and w not in bekend]
    if onbekend:
        raise ValueError(f"generator: waarden {onbekend} staan niet in codelijst {lijst!r}")
    return Gewogen(tabel)


def codelijst(lijst: str) -> tuple[str, ...]:
    return contract().codelijsten[lijst]


def kans(rng, p: float) -> bool:
    return rng.random() < p


def lognormaal_gemiddeld(rng, gemiddelde: float, sigma: float) -> float:
    """Lognormal draw with the given mean (not median) and shape sigma."""
    return rng.lognormvariate(math.log(gemiddelde) - sigma * sigma / 2, sigma)


def poisson(rng, labda: float) -> int:
    """Knuth's method; fine for the small rates used here."""
    grens, k, p = math.exp(-labda), 0, rng.random()
    while p > grens:
        k += 1
        p *= rng.random()
    return k
