"""Run a table's suite: read it over a short read-only connection, close, then validate
through its GX checkpoint (the result is kept in the validation results store)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from opvangmonitor.validatie.definities import VALIDATIES
from opvangmonitor.validatie.meldingen import melding
from opvangmonitor.validatie.project import GX_DIR_NAAM, gx_project_dir, open_context


RUN_NAAM = "opvangmonitor"  # run name of every validation result (Data Docs groups by it)


@dataclass
class ValidatieUitslag:
    tabel: str
    suite: str
    geslaagd: bool
    aantal_rijen: int
    aantal_expectations: int
    mislukt: list[str] = field(default_factory=list)  # Dutch one-liner per failed expectation


def lees_tabel(warehouse: Path, tabel: str):
    """The whole table as a pandas DataFrame, or None when the table does not exist.
    The connection is read-only and closed before returning."""
    warehouse = Path(warehouse)
    if not warehouse.is_file():
        raise FileNotFoundError(f"Warehouse {warehouse} bestaat niet: niets te valideren.")
    schema, naam = tabel.split(".")
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        bestaat = con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = ? AND table_name = ?",
            [schema, naam],
        ).fetchone()[0]
        if not bestaat:
            return None
        return con.execute(f'SELECT * FROM "{schema}"."{naam}"').df()
    finally:
        con.close()


def valideer_tabel(warehouse: Path, tabel: str) -> ValidatieUitslag:
    """Validate `tabel` of `warehouse` against its suite (see VALIDATIES)."""
    if tabel not in VALIDATIES:
        raise KeyError(f"Geen validatie voor tabel {tabel!r}; bekend: {', '.join(VALIDATIES)}")
    suite = VALIDATIES[tabel]
    df = lees_tabel(warehouse, tabel)  # the warehouse is closed again from here on
    context = open_context()
    volgorde = {e.id: i for i, e in enumerate(context.suites.get(suite).expectations)}
    aantal = len(volgorde)
    if df is None:
        return ValidatieUitslag(
            tabel=tabel,
            suite=suite,
            geslaagd=False,
            aantal_rijen=0,
            aantal_expectations=aantal,
            mislukt=[f"tabel {tabel} ontbreekt in {warehouse}"],
        )
    from great_expectations.core.run_identifier import RunIdentifier

    resultaat = context.checkpoints.get(suite).run(
        batch_parameters={"dataframe": df}, run_id=RunIdentifier(run_name=RUN_NAAM)
    )
    (suite_resultaat,) = resultaat.run_results.values()
    # GX groups results by metric; report them in the suite's order.
    resultaten = sorted(suite_resultaat.results, key=lambda r: volgorde.get(r.expectation_config.id, aantal))
    mislukt = [melding(r) for r in resultaten if not r.success]
    return ValidatieUitslag(
        tabel=tabel,
        suite=suite,
        geslaagd=bool(suite_resultaat.success),
        aantal_rijen=len(df),
        aantal_expectations=int(suite_resultaat.statistics["evaluated_expectations"]),
        mislukt=mislukt,
    )


def data_docs_index() -> Path:
    return gx_project_dir() / GX_DIR_NAAM / "uncommitted" / "data_docs" / "local_site" / "index.html"


def bouw_data_docs() -> Path:
    """(Re)build the Data Docs site from the suites and stored results; its index.html."""
    open_context().build_data_docs()
    index = data_docs_index()
    if not index.is_file():
        raise FileNotFoundError(f"Data Docs gebouwd, maar {index} ontbreekt")
    return index
