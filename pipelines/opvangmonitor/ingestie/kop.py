"""Matching a file's header row to the contract's fields (aanlevering.md §2).

Header names match case-insensitively, ignoring surrounding spaces. Unknown columns are
kept (they end up in `extra_kolommen`). Identifying columns (`pseudoniem:` in the contract)
are marked for pseudonymisation, also when they turn up as an unknown column in a file
whose contract does not have them, so that no BSN or client_id is stored as delivered.
"""

from __future__ import annotations

from dataclasses import dataclass

from opvangmonitor.contract import Bestand, Contract
from opvangmonitor.ingestie.fouten import LeveringFout


def kopnaam(naam: str | None) -> str:
    """The matching form of a header name."""
    return (naam or "").strip().lower()


@dataclass(frozen=True)
class KopIndeling:
    bestand: str  # file (or sheet) name as delivered
    breedte: int  # number of header columns
    sleutels: tuple[str, ...]  # JSON key per column: the header name as delivered, trimmed, made unique
    veld_kolom: dict[str, int]  # contract field -> column index (fields absent from the header are missing)
    extra: tuple[int, ...]  # column indices of unknown columns
    maskering: dict[int, str]  # column index -> 'client' | 'bsn'
    kolomtypen: tuple[str | None, ...]  # contract field type per column (None: unknown column)


def pseudoniem_velden(c: Contract) -> dict[str, str]:
    """Field name -> 'client' | 'bsn' for every identifying field anywhere in the contract."""
    return {v.naam: v.pseudoniem for b in c.bestanden.values() for v in b.velden if v.pseudoniem}


def _unieke_sleutels(kop: list[str]) -> tuple[str, ...]:
    sleutels: list[str] = []
    gezien: set[str] = set()
    for i, naam in enumerate(kop, 1):
        basis = (naam or "").strip() or f"kolom_{i}"
        sleutel, n = basis, 1
        while sleutel in gezien:
            n += 1
            sleutel = f"{basis} ({n})"
        gezien.add(sleutel)
        sleutels.append(sleutel)
    return tuple(sleutels)


def deel_kop_in(kop: list[str], bestand: Bestand, c: Contract, bron: str, bestandsnaam: str) -> KopIndeling:
    """Map a header row onto the contract file; raises LeveringFout when the header lacks a
    required column or names a contract field twice."""
    if not kop or all(not kopnaam(k) for k in kop):
        raise LeveringFout(bron, bestandsnaam, "bestand is leeg: geen kopregel gevonden")
    velden = {v.naam: v for v in bestand.velden}
    veld_kolom: dict[str, int] = {}
    extra: list[int] = []
    for i, naam in enumerate(kop):
        sleutel = kopnaam(naam)
        if sleutel in velden:
            if sleutel in veld_kolom:
                raise LeveringFout(
                    bron, bestandsnaam,
                    f"kolom '{sleutel}' komt meer dan eens voor in de kopregel "
                    f"(kolommen {veld_kolom[sleutel] + 1} en {i + 1})",
                )
            veld_kolom[sleutel] = i
        else:
            extra.append(i)
    ontbrekend = [v.naam for v in bestand.velden if v.verplicht and v.naam not in veld_kolom]
    if ontbrekend:
        meervoud = "verplichte kolom" if len(ontbrekend) == 1 else "verplichte kolommen"
        raise LeveringFout(
            bron, bestandsnaam,
            # The header itself is not quoted: in a file without a header it is a data row.
            f"kopregel mist {meervoud} {', '.join(ontbrekend)} (de eerste regel moet de kolomnamen bevatten)",
        )
    identificerend = pseudoniem_velden(c)
    maskering = {i: velden[v].pseudoniem for v, i in veld_kolom.items() if velden[v].pseudoniem}
    for i in extra:
        soort = identificerend.get(kopnaam(kop[i]))
        if soort:
            maskering[i] = soort
    kolomtypen: list[str | None] = [None] * len(kop)
    for v, i in veld_kolom.items():
        kolomtypen[i] = velden[v].type
    return KopIndeling(
        bestand=bestandsnaam,
        breedte=len(kop),
        sleutels=_unieke_sleutels(kop),
        veld_kolom=veld_kolom,
        extra=tuple(extra),
        maskering=maskering,
        kolomtypen=tuple(kolomtypen),
    )
