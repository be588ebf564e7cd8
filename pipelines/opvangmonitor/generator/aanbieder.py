"""What defines a synthetic provider (code, name, region, id formats, where clients come
from, locations, costs, which optional files it does not deliver, its journeys), and the
rows that are not about one client: voorzieningen and kosten."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Callable, Iterator

from opvangmonitor.generator.kansen import kans
from opvangmonitor.generator.momentopname import Rij
from opvangmonitor.generator.reis import Context, Locatie
from opvangmonitor.generator.tijd import dagen

KOSTEN_JAREN = range(2023, 2027)
INDEXATIE = 0.035


@dataclass(frozen=True)
class Aanbieder:
    code: str
    naam: str
    regio: str
    aandeel: float  # share of the requested number of clients
    minimum: int  # clients at least, so that every provider has data
    id_formaten: dict[str, str]
    herkomst: dict[str, float]  # gemeentecode -> weight
    locaties: Callable[[int], list[Locatie]]  # number of clients -> locations
    # financiering -> module -> amount per half year in 2023 for `kosten_basis` clients
    kosten: dict[str, dict[str, float]]
    kosten_basis: int
    clienten: Callable[[Context, int], Iterator[list[Rij]]]
    # optional files this provider does not deliver at all; a file it delivers without
    # generating rows for it (eemzorg: zrm_metingen, kosten) has a header only
    afwezig: tuple[str, ...] = ()


def schaal(n: int, basis: int) -> float:
    return max(1.0, n / basis)


def voorzieningen_rijen(locaties: list[Locatie]) -> list[Rij]:
    """One row per location and validity period: a capacity change closes the old row
    (geldig_tot the day before) and opens a new one."""
    rijen = []
    for l in locaties:
        van, capaciteit = l.geldig_van, l.capaciteit
        for wijziging, nieuw in l.wijzigingen:
            rijen.append(Rij("voorzieningen", {
                "locatie_id": l.locatie_id, "naam": l.naam, "soort": l.soort, "gemeente": l.gemeente,
                "capaciteit": capaciteit, "geldig_van": van, "geldig_tot": wijziging - timedelta(days=1),
            }))
            van, capaciteit = wijziging, nieuw
        rijen.append(Rij("voorzieningen", {
            "locatie_id": l.locatie_id, "naam": l.naam, "soort": l.soort, "gemeente": l.gemeente,
            "capaciteit": capaciteit, "geldig_van": van, "geldig_tot": None,
        }))
    return rijen


def kosten_rijen(rng: random.Random, a: Aanbieder, n: int) -> list[Rij]:
    """H1, H2 and jaar (= H1 + H2) per year, financiering and module; a row is known once
    its period has ended. One 2025 H2 amount (and its year total) is corrected in the
    later delivery."""
    factor = schaal(n, a.kosten_basis)
    rijen = []
    te_corrigeren = next(iter(a.kosten), None)
    for jaar in KOSTEN_JAREN:
        index = (1 + INDEXATIE) ** (jaar - 2023)
        for financiering, modules in a.kosten.items():
            for module, bedrag in modules.items():
                h1, h2 = (round(bedrag * factor * index * rng.uniform(0.94, 1.06), 2) for _ in range(2))
                oud_h2 = round(h2 * 0.97, 2) if (jaar, financiering, module) == (2025, te_corrigeren, "Huisvesting") else None
                for periode, waarde, einde in (
                    ("H1", h1, date(jaar, 6, 30)), ("H2", h2, date(jaar, 12, 31)),
                    ("jaar", round(h1 + h2, 2), date(jaar, 12, 31)),
                ):
                    oud = None
                    if oud_h2 is not None and periode != "H1":
                        oud = {"bedrag": oud_h2 if periode == "H2" else round(h1 + oud_h2, 2)}
                    rijen.append(Rij("kosten", {"jaar": jaar, "periode": periode, "financiering": financiering,
                                                "module": module, "bedrag": waarde}, bekend_vanaf=einde, oud=oud))
    return rijen


def levensloop(ctx: Context, datum: date, soort: str, reizen: dict, terugkeer: dict[str, float],
               vervolg: dict[str, str] | Callable[[random.Random], str], rijen: list[Rij],
               minimaal: date | None = None, max_terug: int = 2) -> None:
    """A client's journeys: the first, then possibly a return — half of the returns within
    six months of the end, half after more than six months."""
    rng = ctx.rng
    for keer in range(max_terug + 1):
        eind = reizen[soort](datum, minimaal, rijen)
        minimaal = None
        if eind is None or not kans(rng, terugkeer.get(soort, 0.0)):
            return
        datum = eind + dagen(rng.uniform(10, 160) if rng.random() < 0.5 else rng.uniform(200, 700))
        soort = vervolg(rng) if callable(vervolg) else vervolg[soort]

