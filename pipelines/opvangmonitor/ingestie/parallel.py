"""Loading the deliveries of a landing folder, several at once: parsed in worker
processes, written by one.

DuckDB allows one writing process per database file, and ingestion is Python-bound
(one core per delivery). With more than one delivery to load and more than one process
(`OPVANGMONITOR_INGESTIE_PROCESSEN`, default: the number of cores), every new delivery
is loaded by `laad_levering` in a worker process into its own scratch DuckDB file, in a
temporary folder next to the warehouse; the calling process, the one writer, merges each
finished scratch delivery into the warehouse in one transaction, in the landing
folder's order. The raw tables then equal those of a serial load (geladen_op is the
moment of the merge). Workers never open the warehouse. The caller holds the writer
lock (`schrijfslot`) throughout.

    for a, uitkomst in laad_leveringen(con, aanleveringen, sleutel, warehouse, voortgang=print):
        ...   # uitkomst: LeveringResultaat, or LeveringFout for an unreadable delivery
"""

from __future__ import annotations

import concurrent.futures as cf
import multiprocessing
import os
import queue
import shutil
import tempfile
import time
import traceback
from pathlib import Path
from typing import Callable, Iterator

import duckdb

from opvangmonitor.contract import contract
from opvangmonitor.ingestie.bronnen import levering_hash
from opvangmonitor.ingestie.fouten import LeveringFout
from opvangmonitor.ingestie.laden import ReconciliatieFout, _nu, al_geladen, laad_levering, registreer_mislukt
from opvangmonitor.ingestie.landing import Aanlevering
from opvangmonitor.ingestie.resultaat import LeveringResultaat
from opvangmonitor.raw_schema import RAW, maak_raw_schema

ENV_PROCESSEN = "OPVANGMONITOR_INGESTIE_PROCESSEN"
WERKER_GEHEUGEN = "1GB"  # DuckDB memory_limit of each worker's scratch database
Voortgang = Callable[[str], None]
Uitkomst = LeveringResultaat | LeveringFout


class IngestieAfgebroken(RuntimeError):
    """A worker failed on a delivery for another reason than an unreadable delivery (a
    bug, or the process died): ingestion stops, as a serial load would."""


def aantal_kernen() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def ingestie_processen() -> int:
    """The number of ingestion processes: OPVANGMONITOR_INGESTIE_PROCESSEN, else the
    number of cores. 1 loads every delivery in this process, one after the other."""
    waarde = os.environ.get(ENV_PROCESSEN, "").strip()
    if not waarde:
        return aantal_kernen()
    try:
        n = int(waarde)
    except ValueError:
        n = 0
    if n < 1:
        raise ValueError(f"{ENV_PROCESSEN}='{waarde}': verwacht een geheel getal van 1 of meer.")
    return n


def laad_leveringen(
    con: duckdb.DuckDBPyConnection,
    aanleveringen: list[Aanlevering],
    sleutel: bytes,
    warehouse: Path,
    processen: int | None = None,
    voortgang: Voortgang | None = None,
) -> Iterator[tuple[Aanlevering, Uitkomst]]:
    """Load the deliveries into the warehouse `con` (the file `warehouse`), yielding each
    delivery with its result, in the given order: a LeveringResultaat ('geladen', 'al
    geladen', 'eerder mislukt'), or the LeveringFout of an unreadable delivery (recorded
    in raw.leveringen_mislukt, as `laad_levering` does). Progress goes to `voortgang`:
    '[i/n] <name>' when a delivery starts, and the per-file lines of `laad_levering`.
    A bug in a worker, or a worker that dies, raises IngestieAfgebroken (or
    ReconciliatieFout) naming the delivery; the deliveries before it in the order are
    loaded, the ones after it are not, as in a serial load."""
    meld = voortgang or (lambda _: None)
    processen = ingestie_processen() if processen is None else processen
    _ruim_kladmappen_op(Path(warehouse))
    if processen > 1 and len(aanleveringen) > 1:
        yield from _parallel(con, aanleveringen, sleutel, Path(warehouse), processen, meld)
    else:
        yield from _serieel(con, list(enumerate(aanleveringen)), len(aanleveringen), sleutel, meld, {})


def _een(con, i: int, n: int, a: Aanlevering, sleutel: bytes, meld: Voortgang, inhoud_hash: str | None) -> Uitkomst:
    meld(f"[{i + 1}/{n}] {a.pad.name}")
    try:
        return laad_levering(con, a, sleutel, voortgang=meld, inhoud_hash=inhoud_hash)
    except LeveringFout as fout:
        return fout


def _serieel(con, genummerd, n, sleutel, meld, hashes) -> Iterator[tuple[Aanlevering, Uitkomst]]:
    for i, a in genummerd:
        yield a, _een(con, i, n, a, sleutel, meld, hashes.get(i))


# --- the plan: which deliveries go to a worker ---------------------------------------

_LADEN = "laden"  # to a worker
_DUBBEL = "dubbel"  # same content as an earlier delivery of this batch: decided after that one


def _plan(con, aanleveringen: list[Aanlevering]) -> tuple[dict[int, str], dict[int, object]]:
    """(content hash per delivery, and per delivery _LADEN, _DUBBEL or its outcome
    already known: 'al geladen', 'eerder mislukt', or a LeveringFout from hashing)."""
    hashes: dict[int, str] = {}
    plan: dict[int, object] = {}
    eerste: set[str] = set()
    for i, a in enumerate(aanleveringen):
        try:
            h = hashes[i] = levering_hash(a)
        except LeveringFout as fout:
            plan[i] = fout
            continue
        if h in eerste:
            plan[i] = _DUBBEL
            continue
        eerste.add(h)
        plan[i] = al_geladen(con, a, h) or _LADEN
    return hashes, plan


# --- the workers ---------------------------------------------------------------------

_wachtrij = None  # the worker's queue of progress messages to the writer
_threads = 1


def _start_werker(wachtrij, threads: int) -> None:
    global _wachtrij, _threads
    _wachtrij, _threads = wachtrij, threads


def _laad_in_kladblok(i: int, a: Aanlevering, inhoud_hash: str, sleutel: bytes, kladblok: str) -> tuple:
    """Worker: one delivery into its own scratch database. Returns ('geladen', result),
    ('fout', bron, bestand, melding) or ('stuk', kind, text, traceback); never raises,
    so that the writer gets every outcome in a form that pickles."""
    _wachtrij.put((i, "start", None))
    try:
        con = duckdb.connect(kladblok, config={"memory_limit": WERKER_GEHEUGEN, "threads": _threads})
        try:
            def meld(tekst: str) -> None:
                _wachtrij.put((i, "melding", tekst))

            r = laad_levering(con, a, sleutel, voortgang=meld, inhoud_hash=inhoud_hash)
        finally:
            con.close()
        return ("geladen", r)
    except LeveringFout as fout:
        return ("fout", fout.bron, fout.bestand, fout.melding)
    except ReconciliatieFout as e:
        return ("stuk", "reconciliatie", str(e), traceback.format_exc())
    except Exception as e:  # noqa: BLE001 — reported to the writer, which stops
        return ("stuk", type(e).__name__, str(e), traceback.format_exc())
    finally:
        _wachtrij.put((i, "klaar", None))


# --- the writer ----------------------------------------------------------------------


def voeg_samen(con: duckdb.DuckDBPyConnection, kladblok: Path) -> None:
    """Merge the one delivery in the scratch database `kladblok` into the warehouse, in
    one transaction; geladen_op becomes now."""
    tabellen = [*contract().bestanden, "leverbestanden", "quarantaine"]
    pad = str(kladblok).replace("'", "''")
    con.execute(f"ATTACH '{pad}' AS kladblok (READ_ONLY)")
    try:
        con.begin()
        try:
            for t in tabellen:
                con.execute(f"INSERT INTO {RAW}.{t} BY NAME SELECT * FROM kladblok.{RAW}.{t}")
            con.execute(
                f"INSERT INTO {RAW}.leveringen BY NAME "
                f"SELECT * REPLACE (CAST(? AS TIMESTAMP) AS geladen_op) FROM kladblok.{RAW}.leveringen",
                [_nu()],
            )
            con.commit()
        except BaseException:
            con.rollback()
            raise
    finally:
        con.execute("DETACH kladblok")


def _kladprefix(warehouse: Path) -> str:
    return f".{warehouse.name}.ingestie-"


def _ruim_kladmappen_op(warehouse: Path) -> None:
    """Remove scratch folders left by a load that was killed (the caller holds the
    writer lock, so no other load is running)."""
    for oud in warehouse.parent.glob(_kladprefix(warehouse) + "*"):
        shutil.rmtree(oud, ignore_errors=True)


def _kladmap(warehouse: Path) -> Path:
    """A fresh scratch folder next to the warehouse, for this load's workers."""
    return Path(tempfile.mkdtemp(prefix=_kladprefix(warehouse), dir=warehouse.parent))


class _Werkers:
    """The pool of worker processes and the relay of their progress messages."""

    NAZENDEN = 10.0  # seconds to wait for a finished worker's last progress lines

    def __init__(self, aantal: int, threads: int, meld: Voortgang, namen: dict[int, str]):
        ctx = multiprocessing.get_context("spawn")  # Dagster's and DuckDB's threads do not survive fork
        self.wachtrij = ctx.Queue()
        self.pool = cf.ProcessPoolExecutor(
            aantal, mp_context=ctx, initializer=_start_werker, initargs=(self.wachtrij, threads)
        )
        self.meld, self.namen = meld, namen
        self.toekomsten: dict[int, cf.Future] = {}
        self.bezig: set[int] = set()
        self.klaar: set[int] = set()

    def start(self, i: int, *args) -> None:
        self.toekomsten[i] = self.pool.submit(_laad_in_kladblok, i, *args)

    def relay(self, wacht: float = 0.0) -> None:
        """Pass the workers' progress messages on to `meld`, in the order they came."""
        try:
            bericht = self.wachtrij.get(timeout=wacht) if wacht else self.wachtrij.get_nowait()
            while True:
                i, soort, tekst = bericht
                if soort == "start":
                    self.bezig.add(i)
                    self.meld(f"[{i + 1}/{len(self.namen)}] {self.namen[i]}")
                elif soort == "melding":
                    self.meld(tekst)
                else:
                    self.bezig.discard(i)
                    self.klaar.add(i)
                bericht = self.wachtrij.get_nowait()
        except queue.Empty:
            pass

    def uitkomst(self, i: int) -> tuple:
        """The worker's outcome for delivery i, once its progress lines are relayed."""
        toekomst = self.toekomsten[i]
        while not toekomst.done():
            self.relay(wacht=0.1)
        if toekomst.exception() is not None:  # the process died (BrokenProcessPool)
            self.relay()
            fout = toekomst.exception()
            namen = ", ".join(self.namen[j] for j in sorted(self.bezig | {i}))
            raise IngestieAfgebroken(
                f"Ingestie afgebroken: een werkproces stopte onverwacht tijdens {namen} ({type(fout).__name__}: {fout})"
            ) from fout
        tot = time.monotonic() + self.NAZENDEN
        while i not in self.klaar and time.monotonic() < tot:
            self.relay(wacht=0.1)
        return toekomst.result()

    def stop(self) -> None:
        """End the pool; after a failure, workers still busy are terminated."""
        if any(not t.done() for t in self.toekomsten.values()):
            for t in self.toekomsten.values():
                t.cancel()
            for p in list((getattr(self.pool, "_processes", None) or {}).values()):
                p.terminate()
        self.pool.shutdown(wait=True, cancel_futures=True)
        self.wachtrij.close()


def _parallel(con, aanleveringen, sleutel, warehouse, processen, meld) -> Iterator[tuple[Aanlevering, Uitkomst]]:
    maak_raw_schema(con)
    n = len(aanleveringen)
    hashes, plan = _plan(con, aanleveringen)
    te_laden = [i for i, p in plan.items() if p == _LADEN]
    if len(te_laden) < 2:
        yield from _serieel(con, list(enumerate(aanleveringen)), n, sleutel, meld, hashes)
        return
    aantal = min(processen, len(te_laden))
    kladmap = _kladmap(warehouse)
    werkers = None
    try:
        namen = {i: a.pad.name for i, a in enumerate(aanleveringen)}
        werkers = _Werkers(aantal, max(1, aantal_kernen() // aantal), meld, namen)
        for i in te_laden:
            (kladmap / str(i)).mkdir()
            werkers.start(i, aanleveringen[i], hashes[i], sleutel, str(kladmap / str(i) / "levering.duckdb"))
        for i, a in enumerate(aanleveringen):
            p = plan[i]
            if p == _DUBBEL:
                werkers.relay()
                yield a, _een(con, i, n, a, sleutel, meld, hashes[i])
            elif p == _LADEN:
                yield a, _voeg_toe(con, a, hashes[i], werkers.uitkomst(i), kladmap / str(i) / "levering.duckdb")
            else:
                werkers.relay()
                meld(f"[{i + 1}/{n}] {a.pad.name}")
                yield a, p
    finally:
        try:
            if werkers is not None:
                werkers.stop()
        finally:
            shutil.rmtree(kladmap, ignore_errors=True)


def _voeg_toe(con, a: Aanlevering, inhoud_hash: str, uitkomst: tuple, kladblok: Path) -> Uitkomst:
    soort = uitkomst[0]
    if soort == "geladen":
        voeg_samen(con, kladblok)
        shutil.rmtree(kladblok.parent, ignore_errors=True)
        return uitkomst[1]
    if soort == "fout":
        fout = LeveringFout(*uitkomst[1:])
        registreer_mislukt(con, a, inhoud_hash, fout)
        return fout
    _, aard, tekst, spoor = uitkomst
    if aard == "reconciliatie":
        raise ReconciliatieFout(tekst)
    raise IngestieAfgebroken(f"Ingestie afgebroken bij levering {a.bron}: {aard}: {tekst}\n{spoor}")
