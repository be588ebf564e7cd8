"""`genereer`: synthetic deliveries of three providers in three regions (or, with
`regios`, of one provider in each of that many regions), two full snapshots each, plus
the matching regios.yml."""

from __future__ import annotations

import random
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
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
from opvangmonitor.generator.reis import LAATSTE_AANMELDING, Context
from opvangmonitor.generator.schrijvers import GegenereerdeLevering, Levering
from opvangmonitor.generator.stijl import GEMENGD, NETJES
from opvangmonitor.generator.tijd import CONTRACT_START, CORRECTIE_ZICHTBAAR_VANAF, plus_maanden
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


def aanbieders(regios: int = len(AANBIEDERS)) -> list[tuple[Aanbieder, Aanbieder]]:
    """(provider, the provider it copies) per region: region i has one provider of kind
    AANBIEDERS[i % 3]; the first three are those providers themselves, later ones copies
    with their own code, name and region (`binnenvest-02` in `rijnstreek-02`, ...)."""
    if regios < 1:
        raise ValueError(f"Aantal regio's moet minstens 1 zijn, niet {regios}.")
    uit = []
    for i in range(regios):
        basis, k = AANBIEDERS[i % len(AANBIEDERS)], i // len(AANBIEDERS) + 1
        a = basis if k == 1 else replace(basis, code=f"{basis.code}-{k:02d}", naam=f"{basis.naam} {k}",
                                         regio=f"{basis.regio}-{k:02d}")
        uit.append((a, basis))
    return uit


def verdeling(clients: int, regios: int = len(AANBIEDERS)) -> dict[str, int]:
    """Clients per provider: binnenvest 50 %, eemzorg 30 %, valleizorg 20 % (each kind's
    share split evenly over its copies), each at least its minimum. (valleizorg's families
    follow its homes, so its count is approximate.)"""
    paren = aanbieders(regios)
    kopieen = {b.code: sum(1 for _, c in paren if c is b) for b in AANBIEDERS}
    return {a.code: max(a.minimum, round(clients * a.aandeel / kopieen[b.code])) for a, b in paren}


def eerste_aanmelding(jaren: int | None) -> date:
    """Start of the period of first aanmeldingen: the contract start by default, else
    `jaren` years before the last one."""
    if jaren is None:
        return CONTRACT_START
    if jaren < 1:
        raise ValueError(f"Aantal jaren moet minstens 1 zijn, niet {jaren}.")
    return plus_maanden(LAATSTE_AANMELDING, -12 * jaren) + timedelta(days=1)


def genereer(out: Path, seed: int = 42, clients: int = 2000, formaat: str = "gemengd",
             voortgang: Callable[[str], None] | None = None, regios: int = len(AANBIEDERS),
             jaren: int | None = None) -> GeneratieResultaat:
    """Write the deliveries and regios.yml into `out` (created if needed). Entries with the
    names this function writes are replaced; anything else in `out` is left alone. The
    same arguments give byte-identical files. `regios`: number of regions, one provider
    each (see `aanbieders`); `jaren`: first aanmeldingen spread over that many years up to
    LAATSTE_AANMELDING (default: from the contract start, 2023). Rows are written as they
    are generated, so memory does not grow with `clients`."""
    if formaat not in FORMATEN:
        raise ValueError(f"Onbekend formaat {formaat!r}: kies uit {', '.join(FORMATEN)}.")
    if clients < 1:
        raise ValueError(f"Aantal cliënten moet minstens 1 zijn, niet {clients}.")
    melding = voortgang or (lambda _tekst: None)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    paren = aanbieders(regios)
    aantallen = verdeling(clients, regios)
    vanaf = eerste_aanmelding(jaren)
    bsns = BsnBron(seed)
    gedeeld = gedeelde_personen(seed, bsns, max(3, round(clients * AANDEEL_GEDEELD)))
    helft = (len(gedeeld) + 1) // 2
    # binnenvest sees every shared person; each also appears at one of the other providers
    gedeeld_per = {"binnenvest": gedeeld, "eemzorg": gedeeld[:helft], "valleizorg": gedeeld[helft:]}
    leveringen: list[GegenereerdeLevering] = []
    geteld: dict[str, int] = {}
    nachtopvang: dict[str, int | None] = {}  # region -> night-shelter places
    for a, basis in paren:
        n = aantallen[a.code]
        # locations open before the contract start are open from the first aanmelding on
        locaties = [replace(l, geldig_van=min(l.geldig_van, vanaf)) if l.geldig_van < CONTRACT_START else l
                    for l in a.locaties(n)]
        nachtopvang[a.regio] = next((l.capaciteit for l in locaties if l.soort == "Nachtopvang"), None)
        ctx = Context(a.code, random.Random(f"{seed}:{a.code}"), bsns, a.id_formaten, Gewogen(a.herkomst),
                      locaties, gedeeld=list(gedeeld_per[a.code]) if a is basis else [], eerste_aanmelding=vanaf)
        stijlen = GEMENGD[basis.code] if formaat == "gemengd" else (NETJES,) * len(MOMENTEN)
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
    regios_pad = schrijf_regios(out / "regios.yml",
                                [(a.regio, basis.regio, a.code, nachtopvang[a.regio]) for a, basis in paren])
    return GeneratieResultaat(leveringen, regios_pad, geteld)
