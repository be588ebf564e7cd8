"""The cheaper ingestion path (issue 7) gives exactly what the rules say: the date fast paths,
trimming in Arrow, pseudonymisation per column, duplicate keys across blocks, and no
identifier as delivered ever handed to DuckDB. (Correctness only; timings are in
benchmarks/.)"""

from __future__ import annotations

import datetime as dt

import duckdb
import pyarrow as pa
import pytest

from opvangmonitor.ingestie import csvlezer, laad_levering
from opvangmonitor.ingestie.pseudonimisering import VERBORGEN, Pseudonimiseerder
from opvangmonitor.ingestie.kop import KopIndeling
from opvangmonitor.ingestie.tabel import _met_getrimd
from opvangmonitor.ingestie.typering import DATUM_FORMATEN, DATUM_PATROON, getypeerd, tekst
from opvangmonitor.pseudoniem import bsn_pseudoniem
from test_ingestie_hulp import SLEUTEL, aanlevering, bestanden, laad, pseudo, quarantaine, rijen, schrijf_map

D = dt.date

DATUMS = {
    "2024-03-05": D(2024, 3, 5),
    "2024-3-5": D(2024, 3, 5),
    "05-03-2024": D(2024, 3, 5),
    "5-3-2024": D(2024, 3, 5),
    "29-02-2024": D(2024, 2, 29),
    "5-3-2024 10:15": D(2024, 3, 5),
    "2024-03-05T10:15:00.5": D(2024, 3, 5),
    "2024-02-30": None,
    "31-02-2024": None,
    "29-02-2023": None,
    "2024-13-01": None,
    "20240305": None,
    "2024/03/05": None,
    "05-03-24": None,
    "\u0663-3-2024": None,  # an Arabic-Indic digit is not a digit here
    None: None,
}


@pytest.fixture
def con():
    c = duckdb.connect()
    yield c
    c.close()


@pytest.mark.parametrize("waarde", list(DATUMS))
def test_datum_snelle_vormen_gelijk_aan_algemene_regel(con, waarde):
    algemeen = (  # §2 as one expression: the pattern, then the formats in order
        f"CASE WHEN regexp_full_match($1, {tekst(DATUM_PATROON)}) THEN CAST(try_strptime("
        f"regexp_extract($1, '^[0-9-]+'), [{', '.join(map(tekst, DATUM_FORMATEN))}]) AS DATE) END"
    )
    snel, traag = con.execute(f"SELECT {getypeerd('datum', '$1')}, {algemeen}", [waarde]).fetchone()
    assert snel == traag == DATUMS[waarde]


def test_trimmen_in_arrow_alleen_waar_nodig():
    tabel = pa.table({
        "regel": pa.array([2, 3, 4, 5], pa.int32()),
        "k0": [" a", "b\u00a0", "\tc\r\n", "d"],  # SPATIE around: trimmed
        "k1": ["\u2003x", "\fx", "y", ""],  # em space and form feed are not SPATIE
        "k2": [" extra ", "", "", ""],  # unknown column: kept as delivered, never trimmed
    })
    indeling = KopIndeling("t.csv", 3, ("a", "b", "c"), {"a": 0, "b": 1}, (2,), {}, ("tekst", "tekst", None))
    uit, gewijzigd = _met_getrimd(tabel, indeling)
    assert gewijzigd == {0}
    assert uit.column_names == ["regel", "k0", "k1", "k2", "v0"]
    assert uit.column("v0").to_pylist() == ["a", "b", "c", "d"]
    assert uit.column("k0").to_pylist() == [" a", "b\u00a0", "\tc\r\n", "d"]


def test_clientkolom_per_waarde_en_leeg_blijft_leeg():
    ps = Pseudonimiseerder(SLEUTEL, "binnenvest")
    uit = ps.clientkolom(pa.array(["K1", " K1 ", "", "  ", "K2", "K1"]))
    assert uit.to_pylist() == [pseudo("K1"), pseudo("K1"), "", "  ", pseudo("K2"), pseudo("K1")]


def test_bsnkolom_per_waarde():
    ps = Pseudonimiseerder(SLEUTEL, "binnenvest")
    zichtbaar, pseudoniemen, ongeldig = ps.bsnkolom(pa.array(["123456782", "", "123456789", " 123456782"]))
    goed = bsn_pseudoniem(SLEUTEL, "123456782")
    assert zichtbaar.to_pylist() == [VERBORGEN, "", VERBORGEN, VERBORGEN]
    assert pseudoniemen.to_pylist() == [goed, None, None, goed]
    assert ongeldig.to_pylist() == [False, False, True, False]


TRAJECTEN = (
    "traject_id;client_id;doelgroep;systeemcasus;startdatum\n"  # 1
    "T1;K1;Inloop;ja;01-01-2024\n"  # 2
    "T2;K1;Inloop;ja;31-02-2024\n"  # 3: invalid date, so not a first occurrence
    "T3;K1;Inloop;ja;2024-01-01\n"  # 4
    "T4;K1;Inloop;ja;2024-01-01\n"  # 5
    "T1;K2;Inloop;nee;2024-01-01\n"  # 6: repeats line 2 (another block)
    "T2;K1;Inloop;ja;2024-01-01\n"  # 7: first valid T2
    " T3 ;K1;Inloop;ja;2024-01-01\n"  # 8: repeats line 4 once trimmed
)


def test_dubbele_sleutel_over_blokgrenzen(tmp_path, con, monkeypatch):
    monkeypatch.setattr(csvlezer, "BLOKGROOTTE", 2)
    r = laad(con, schrijf_map(tmp_path, bestanden(trajecten=TRAJECTEN)))
    traj = next(b for b in r.bestanden if b.bestand == "trajecten")
    assert (traj.gelezen, traj.geladen, traj.quarantaine) == (7, 4, 3)
    assert quarantaine(con, "trajecten.csv") == [
        ("trajecten.csv", 3, "startdatum", "ongeldige datum"),
        ("trajecten.csv", 6, "traject_id", "dubbele sleutel; eerste voorkomen op regel 2 behouden"),
        ("trajecten.csv", 8, "traject_id", "dubbele sleutel; eerste voorkomen op regel 4 behouden"),
    ]
    assert rijen(con, "SELECT regel, traject_id, startdatum FROM raw.trajecten ORDER BY regel") == [
        (2, "T1", D(2024, 1, 1)), (4, "T3", D(2024, 1, 1)), (5, "T4", D(2024, 1, 1)), (7, "T2", D(2024, 1, 1)),
    ]


class Verklikker:
    """A connection that records every Arrow table registered and every statement sent."""

    def __init__(self, con):
        self._con = con
        self.teksten: list[str] = []

    def register(self, naam, tabel):
        for kolom in tabel.columns:
            self.teksten += [str(w) for w in kolom.to_pylist()]
        return self._con.register(naam, tabel)

    def execute(self, sql, parameters=None):
        self.teksten += [sql] + [str(p) for p in parameters or []]
        return self._con.execute(sql, parameters) if parameters is not None else self._con.execute(sql)

    def __getattr__(self, naam):
        return getattr(self._con, naam)


def test_geen_client_id_of_bsn_zoals_geleverd_naar_duckdb(tmp_path, con):
    clienten = (
        "client_id,bsn,geboortedatum,geslacht,aanmaakdatum\n"
        "GEHEIM-1,123456782,1-2-1980,Man,2020-01-01\n"
        "GEHEIM-2,123456789,1-2-1980,,2020-01-01\n"  # missing geslacht: quarantine
        "GEHEIM-3,123456782,1-2-1980,Man,2020-01-01,GEHEIM-4\n"  # too many fields
    )
    trajecten = "traject_id;client_id;doelgroep;systeemcasus;startdatum;bsn\nT1;GEHEIM-1;Inloop;ja;2024-01-01;123456782\n"
    verklikker = Verklikker(con)
    laad_levering(verklikker, aanlevering(schrijf_map(tmp_path, bestanden(clienten=clienten, trajecten=trajecten))), SLEUTEL)
    assert verklikker.teksten
    for geheim in ("GEHEIM-1", "GEHEIM-2", "GEHEIM-3", "GEHEIM-4", "123456782", "123456789"):
        assert not [t for t in verklikker.teksten if geheim in t], geheim
    assert rijen(con, "SELECT client_pseudoniem, bsn_pseudoniem, bsn_elfproef_ongeldig FROM raw.clienten") == [
        (pseudo("GEHEIM-1"), bsn_pseudoniem(SLEUTEL, "123456782"), False),
    ]
