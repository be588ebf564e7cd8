"""Pseudonymisation of identifying columns at ingestion (aanlevering.md §3).

Neither a BSN nor a provider's client_id reaches DuckDB as delivered, not even in a
temporary table or in quarantine: a client_id becomes client_pseudoniem(sleutel,
aanbieder_code, client_id); a BSN is replaced by '***' and, when it passes the elfproef,
by bsn_pseudoniem(sleutel, bsn) in a separate column.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Sequence

import pyarrow as pa

from opvangmonitor.contract import contract
from opvangmonitor.ingestie.typering import DATUM_PATROON, ONWAAR, WAAR
from opvangmonitor.pseudoniem import bsn_pseudoniem, client_pseudoniem, elfproef

VERBORGEN = "***"


def lijkt_op_bsn(waarde: str) -> bool:
    """8 or 9 digits, possibly grouped with spaces or dots: could be a BSN. (Dates, with
    their dashes, are not.)"""
    kaal = waarde.strip()
    cijfers = kaal.replace(" ", "").replace(".", "")
    return cijfers.isdigit() and len(cijfers) in (8, 9) and cijfers.isascii()


class Pseudonimiseerder:
    """Pseudonyms for one delivery (one provider), cached per distinct value."""

    def __init__(self, sleutel: bytes, aanbieder_code: str):
        self.sleutel = sleutel
        self.aanbieder_code = aanbieder_code
        self._clienten: dict[str, str] = {}  # trimmed client_id -> pseudonym
        self._geleverd: dict[str, str] = {}  # client_id as delivered -> pseudonym (or '' as is)

    def client(self, waarde: str) -> str:
        """The pseudonym of a client_id; an empty value stays as delivered."""
        kaal = waarde.strip()
        if not kaal:
            return waarde
        p = self._clienten.get(kaal)
        if p is None:
            p = self._clienten[kaal] = client_pseudoniem(self.sleutel, self.aanbieder_code, kaal)
        return p

    def clientkolom(self, waarden: pa.Array) -> pa.Array:
        """Pseudonyms of a column of client_ids (computed once per distinct value as
        delivered; the column itself is mapped in Arrow)."""
        codes = waarden.dictionary_encode()
        uniek = codes.dictionary.to_pylist()
        bekend = self._geleverd
        for w in set(uniek).difference(bekend):
            bekend[w] = self.client(w)
        return pa.array(list(map(bekend.__getitem__, uniek)), pa.string()).take(codes.indices)

    def bsnkolom(self, waarden: pa.Array) -> tuple[pa.Array, pa.Array, pa.Array]:
        """(values with every given BSN replaced by '***', pseudonym when the elfproef
        passes else null, true when a BSN was given and fails the elfproef), computed once
        per distinct value."""
        codes = waarden.dictionary_encode()
        zichtbaar, pseudoniemen, ongeldig = [], [], []
        for w in codes.dictionary.to_pylist():
            if not w.strip():
                zichtbaar.append(w)
                pseudoniemen.append(None)
                ongeldig.append(False)
                continue
            goed = elfproef(w)
            zichtbaar.append(VERBORGEN)
            pseudoniemen.append(bsn_pseudoniem(self.sleutel, w) if goed else None)
            ongeldig.append(not goed)
        return (
            pa.array(zichtbaar, pa.string()).take(codes.indices),
            pa.array(pseudoniemen, pa.string()).take(codes.indices),
            pa.array(ongeldig, pa.bool_()).take(codes.indices),
        )

    def ruwe_rij(self, waarden: Sequence[str], maskering: dict[int, str]) -> list[str]:
        """A row whose fields do not line up with the header, as stored in quarantine.
        Its positions cannot be trusted, so a client_id or BSN may sit in any column: a
        value that looks like a BSN is hidden ('***'); every other value is replaced by its
        client pseudonym unless it is empty or plainly not an identifier (a date, a ja/nee
        word or a value from one of the contract's code lists)."""
        uit = []
        for i, w in enumerate(waarden):
            soort = maskering.get(i)
            if not w.strip():
                uit.append(w)
            elif soort == "bsn" or lijkt_op_bsn(w):
                uit.append(VERBORGEN)
            elif soort == "client" or not onschuldig(w):
                uit.append(self.client(w))
            else:
                uit.append(w)
        return uit


@lru_cache(maxsize=1)
def _codewaarden() -> frozenset[str]:
    return frozenset(w.lower() for waarden in contract().codelijsten.values() for w in waarden)


def onschuldig(waarde: str) -> bool:
    """A date, a ja/nee word or a code-list value: never an identifier."""
    w = waarde.strip()
    return (
        re.fullmatch(DATUM_PATROON, w) is not None
        or w.lower() in _codewaarden()
        or (w.isalpha() and w.lower() in WAAR + ONWAAR)
    )
