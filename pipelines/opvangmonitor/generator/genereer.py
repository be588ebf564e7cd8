"""`genereer`: synthetic deliveries of three providers in three regions, two full
snapshots each, plus the matching regios.yml."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable

from opvangmonitor.contract import contract
from opvangmonitor.generator.aanbieder import Aanbieder, kosten_rijen, voorzieningen_rijen
from opvangmonitor.generator.binnenvest import BINNENVEST
from opvangmonitor.generator.eemzorg import EEMZORG
from opvangmonitor.generator.kansen import Gewogen
from opvangmonitor.generator.momentopname import Rij, in_momentopname
from opvangmonitor.generator.personen import BsnBron, gedeelde_personen
from opvangmonitor.generator.regios_yml import schrijf_regios
from opvangmonitor.generator.reis import Context
from opvangmonitor.generator.schrijvers import GegenereerdeLevering, Levering
from opvangmonitor.generator.stijl import GEMENGD, NETJES
from opvangmonitor.generator.tijd import CORRECTIE_ZICHTBAAR_VANAF
from opvangmonitor.generator.valleizorg import VALLEIZORG

AANBIEDERS: tuple[Aanbieder, ...] = (BINNENVEST, EEMZORG, VALLEIZORG)
# (leverdatum, peildatum) of every provider's deliveries: an earlier and the latest snapshot
MOMENTEN = ((date(2026, 1, 15), date(2025, 12, 31)), (date(2026, 10, 15), date(2026, 9, 30)))
FORMATEN = ("gemengd", "netjes")
AANDEEL_GEDEELD = 0.006  # persons who are a client of two providers (same BSN)
VOORTGANG_ELKE = 10_000


@dataclass
class GeneratieResultaat:
    leveringen: list[GegenereerdeLevering]
    regios: Path
    clienten: dict[str, int] = field(default_factory=dict)  # clients generated per provider


def verdeling(clients: int) -> dict[str, int]:
    """Clients per provider: binnenvest 50 %, eemzorg 30 %, valleizorg 20 %, each at least
    its minimum. (valleizorg's families follow its homes, so its count is approximate.)"""
    return {a.code: max(a.minimum, round(clients * a.aandeel)) for a in AANBIEDERS}


def genereer(out: Path, seed: int = 42, clients: int = 2000, formaat: str = "gemengd",
             voortgang: Callable[[str], None] | None = None) -> GeneratieResultaat:
    """Write the deliveries and regios.yml into `out` (created if needed). Entries with the
    names this function writes are replaced; anything else in `out` is left alone. The
    same arguments give byte-identical files."""
    if formaat not in FORMATEN:
        raise ValueError(f"Onbekend formaat {formaat!r}: kies uit {', '.join(FORMATEN)}.")
    if clients < 1:
        raise ValueError(f"Aantal cliënten moet minstens 1 zijn, niet {clients}.")
    melding = voortgang or (lambda _tekst: None)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    aantallen = verdeling(clients)
    bsns = BsnBron(seed)
    gedeeld = gedeelde_personen(seed, bsns, max(3, round(clients * AANDEEL_GEDEELD)))
    helft = (len(gedeeld) + 1) // 2
    # binnenvest sees every shared person; each also appears at one of the other providers
    gedeeld_per = {"binnenvest": gedeeld, "eemzorg": gedeeld[:helft], "valleizorg": gedeeld[helft:]}
    leveringen: list[GegenereerdeLevering] = []
    geteld: dict[str, int] = {}
    nachtopvang = 20
    for a in AANBIEDERS:
        n = aantallen[a.code]
        locaties = a.locaties(n)
        nachtopvang = next((l.capaciteit for l in locaties if l.soort == "Nachtopvang"), nachtopvang)
        ctx = Context(a.code, random.Random(f"{seed}:{a.code}"), bsns, a.id_formaten, Gewogen(a.herkomst),
                      locaties, gedeeld=list(gedeeld_per[a.code]))
        stijlen = GEMENGD[a.code] if formaat == "gemengd" else (NETJES,) * len(MOMENTEN)
        bestanden = [b for b in contract().bestanden if b not in a.afwezig]
        open_ = [Levering(out, a.code, a.naam, lever, peil, stijl, bestanden, seed)
                 for (lever, peil), stijl in zip(MOMENTEN, stijlen)]
        melding(f"{a.code}: {n} cliënten, {len(open_)} leveringen")

        def schrijf(rijen: list[Rij]) -> None:
            for r in rijen:
                for lev in open_:
                    w = in_momentopname(r, lev.peildatum, CORRECTIE_ZICHTBAAR_VANAF)
                    if w is not None:
                        lev.schrijf(r.bestand, w)

        schrijf(voorzieningen_rijen(locaties))
        schrijf(kosten_rijen(random.Random(f"{seed}:{a.code}:kosten"), a, n))
        teller = 0
        for rijen in a.clienten(ctx, n):
            schrijf(rijen)
            teller += 1
            if teller % VOORTGANG_ELKE == 0:
                melding(f"{a.code}: {teller} cliënten")
        geteld[a.code] = teller
        for lev in open_:
            klaar = lev.sluit()
            melding(f"{klaar.pad.name}: {sum(klaar.rijen.values())} rijen")
            leveringen.append(klaar)
    per_regio: dict[str, list[str]] = {}
    for a in AANBIEDERS:
        per_regio.setdefault(a.regio, []).append(a.code)
    regios = schrijf_regios(out / "regios.yml", per_regio, nachtopvang)
    return GeneratieResultaat(leveringen, regios, geteld)
