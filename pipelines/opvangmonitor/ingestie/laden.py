"""Loading one delivery into the raw schema, in one transaction (see __init__ for the API)."""

from __future__ import annotations

import datetime as dt
from typing import Callable

import duckdb

from opvangmonitor.contract import Contract, contract
from opvangmonitor.ingestie.bronnen import LEVERING_JSON, levering_hash, open_bron
from opvangmonitor.ingestie.fouten import LeveringFout
from opvangmonitor.ingestie.kop import deel_kop_in
from opvangmonitor.ingestie.landing import Aanlevering
from opvangmonitor.ingestie.metadata import LeveringMeta, lees_meta
from opvangmonitor.ingestie.pseudonimisering import Pseudonimiseerder
from opvangmonitor.ingestie.resultaat import (
    AL_GELADEN,
    EERDER_MISLUKT,
    GELADEN,
    BestandResultaat,
    LeveringResultaat,
    aantal,
)
from opvangmonitor.ingestie.tabel import laad_tabel
from opvangmonitor.raw_schema import RAW, maak_raw_schema

Voortgang = Callable[[str], None]


class ReconciliatieFout(AssertionError):
    """Rows read != rows loaded + quarantined: a bug in ingestion, never the provider's fault."""


def _nu() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


def al_geladen(con, aanlevering: Aanlevering, inhoud_hash: str) -> LeveringResultaat | None:
    """The result 'al geladen' or 'eerder mislukt' when the warehouse already knows this
    content, else None (the delivery is to be loaded)."""
    rij = con.execute(
        f"SELECT levering_id, aanbieder_code, bron FROM {RAW}.leveringen WHERE inhoud_hash = ? "
        "ORDER BY geladen_op LIMIT 1",
        [inhoud_hash],
    ).fetchone()
    if rij:
        return LeveringResultaat(
            aanlevering.bron, rij[0], rij[1], AL_GELADEN, [], f"dezelfde inhoud is al geladen als {rij[0]} (uit {rij[2]})"
        )
    rij = con.execute(
        f"SELECT fout FROM {RAW}.leveringen_mislukt WHERE bron = ? AND inhoud_hash = ?",
        [aanlevering.bron, inhoud_hash],
    ).fetchone()
    if rij:
        return LeveringResultaat(
            aanlevering.bron, None, None, EERDER_MISLUKT, [],
            f"ongewijzigd sinds een eerdere mislukte poging: {rij[0]}",
        )
    return None


def registreer_mislukt(con, aanlevering: Aanlevering, inhoud_hash: str, fout: LeveringFout) -> None:
    """Record an unreadable delivery in raw.leveringen_mislukt (in its own transaction)."""
    con.begin()
    try:
        con.execute(
            f"INSERT OR IGNORE INTO {RAW}.leveringen_mislukt VALUES (?, ?, ?, ?, ?)",
            [aanlevering.bron, inhoud_hash, fout.bestand, str(fout), _nu()],
        )
        con.commit()
    except BaseException:
        con.rollback()
        raise


def _leverbestand(con, levering_id: str, r: BestandResultaat, codering=None, scheidingsteken=None) -> None:
    con.execute(
        f"INSERT INTO {RAW}.leverbestanden VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [levering_id, r.bestand, r.aanwezig, r.gelezen, r.geladen, r.quarantaine, codering, scheidingsteken],
    )


def _laad_bestanden(con, c: Contract, aanlevering, bron, meta: LeveringMeta, levering_id, sleutel, meld):
    ps = Pseudonimiseerder(sleutel, meta.aanbieder_code)
    resultaten = []
    for bestand in c.bestanden.values():
        if not bron.heeft(bestand):
            r = BestandResultaat(bestand.naam, False, 0, 0, 0)
            _leverbestand(con, levering_id, r)
            resultaten.append(r)
            continue
        with bron.tabel(bestand) as lezer:
            indeling = deel_kop_in(lezer.kop(), bestand, c, aanlevering.bron, lezer.bestand)
            telling = laad_tabel(con, lezer, indeling, bestand, levering_id, ps)
        r = BestandResultaat(bestand.naam, True, telling.gelezen, telling.geladen, telling.quarantaine)
        if r.gelezen != r.geladen + r.quarantaine:
            raise ReconciliatieFout(
                f"{aanlevering.bron}, {lezer.bestand}: {r.gelezen} rijen gelezen maar {r.geladen} geladen "
                f"+ {r.quarantaine} in quarantaine"
            )
        _leverbestand(con, levering_id, r, lezer.codering, lezer.scheidingsteken)
        resultaten.append(r)
        meld(
            f"{aanlevering.bron}, {lezer.bestand}: {aantal(r.gelezen)} rijen gelezen, "
            f"{aantal(r.geladen)} geladen, {aantal(r.quarantaine)} in quarantaine"
        )
    return resultaten


def _laad(con, c: Contract, aanlevering: Aanlevering, inhoud_hash: str, sleutel: bytes, meld: Voortgang):
    with open_bron(aanlevering) as bron:
        meta = lees_meta(con, c, aanlevering, bron.levering(), bron.meta_bestand)
        levering_id = meta.levering_id(inhoud_hash)
        for bestand in c.bestanden.values():
            if bestand.verplicht and not bron.heeft(bestand):
                raise LeveringFout(aanlevering.bron, bron.bestandsnaam(bestand), "verplicht bestand ontbreekt")
        bron.bekend({LEVERING_JSON, "levering"} | {b.bestandsnaam for b in c.bestanden.values()} | set(c.bestanden))
        meldingen = []
        if bron.onbekend:
            meldingen.append(f"genegeerd: {', '.join(sorted(bron.onbekend))}")
        if meta.spec_versie and meta.spec_versie != c.spec_versie:
            meldingen.append(f"spec_versie {meta.spec_versie} gelezen als versie {c.spec_versie}")
        meld(f"{aanlevering.bron}: levering {levering_id} laden")
        con.begin()
        try:
            bestanden = _laad_bestanden(con, c, aanlevering, bron, meta, levering_id, sleutel, meld)
            con.execute(
                f"INSERT INTO {RAW}.leveringen VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [levering_id, meta.aanbieder_code, meta.aanbieder_naam, meta.leverdatum, meta.peildatum,
                 meta.spec_versie, aanlevering.bron, aanlevering.bronvorm, inhoud_hash, _nu()],
            )
            con.commit()
        except BaseException:
            con.rollback()
            raise
    return LeveringResultaat(
        aanlevering.bron, levering_id, meta.aanbieder_code, GELADEN, bestanden, "; ".join(meldingen) or None
    )


def laad_levering(
    con: duckdb.DuckDBPyConnection,
    aanlevering: Aanlevering,
    sleutel: bytes,
    voortgang: Voortgang | None = None,
    inhoud_hash: str | None = None,
) -> LeveringResultaat:
    """Load one delivery into the raw schema, all or nothing.

    Returns status 'geladen', or 'al geladen' (same content already in raw.leveringen) or
    'eerder mislukt' (same source and content failed before) without writing anything.
    An unreadable delivery is rolled back, recorded in raw.leveringen_mislukt and raised
    as LeveringFout. A reconciliation mismatch (a bug) is rolled back and raised as
    ReconciliatieFout. `inhoud_hash` is the delivery's `levering_hash` when the caller
    computed it already.
    """
    c = contract()
    meld = voortgang or (lambda _: None)
    maak_raw_schema(con, c)
    inhoud_hash = inhoud_hash or levering_hash(aanlevering)
    eerder = al_geladen(con, aanlevering, inhoud_hash)
    if eerder:
        return eerder
    try:
        return _laad(con, c, aanlevering, inhoud_hash, sleutel, meld)
    except LeveringFout as fout:
        registreer_mislukt(con, aanlevering, inhoud_hash, fout)
        raise
