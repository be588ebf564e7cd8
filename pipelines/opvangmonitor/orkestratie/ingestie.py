"""Asset: every delivery in the landing folder read into the `raw` schema.

One materialisation covers all raw tables (they are written together, one transaction
per delivery). The reconciliation check (rows read = loaded + quarantined, per file of
every delivery) is blocking: a mismatch stops everything downstream.
"""

from contextlib import closing

import dagster as dg
import duckdb

from opvangmonitor.contract import contract
from opvangmonitor.ingestie import LeveringFout, ingestie_processen, laad_leveringen, scan_landing
from opvangmonitor.paden import landing_dir, warehouse_file
from opvangmonitor.pseudoniem import sleutel, sleutelbestand
from opvangmonitor.schrijfslot import schrijfslot

BOEKHOUDING = ("leveringen", "leverbestanden", "quarantaine")
RAW_TABELLEN = tuple(contract().bestanden) + BOEKHOUDING

RECONCILIATIE_SQL = """
SELECT levering_id, bestand, rijen_gelezen, rijen_geladen, rijen_quarantaine
FROM raw.leverbestanden
WHERE rijen_gelezen <> rijen_geladen + rijen_quarantaine
ORDER BY levering_id, bestand
"""


def _pseudonimiseringssleutel(log) -> bytes:
    bestond = sleutelbestand().exists()
    s = sleutel(maak_aan=True)
    if not bestond and sleutelbestand().exists():
        log.warning(f"Nieuwe pseudonimiseringssleutel aangemaakt in {sleutelbestand()} (bewaar die buiten de repository).")
    return s


@dg.multi_asset(
    # the configuration goes first: the raw tables are read against the regions' providers
    specs=[dg.AssetSpec(["raw", t], kinds={"duckdb"}, deps=[["config", "regios"]]) for t in RAW_TABELLEN],
    check_specs=[
        dg.AssetCheckSpec(
            "reconciliatie",
            asset=["raw", "leverbestanden"],
            blocking=True,
            description="Per bestand van elke levering: rijen gelezen = geladen + quarantaine.",
        )
    ],
    group_name="ingestie",
    name="ingestie",
)
def ingestie(context: dg.AssetExecutionContext):
    """Reads every new delivery (folder, .zip or .xlsx) from the landing folder, in
    OPVANGMONITOR_INGESTIE_PROCESSEN worker processes (default: the number of cores)."""
    landing = landing_dir()
    if not landing.is_dir():
        raise dg.Failure(description=f"Landingsmap {landing} bestaat niet.")
    aanleveringen, waarschuwingen = scan_landing(landing)
    for w in waarschuwingen:
        context.log.warning(w)
    context.log.info(f"{len(aanleveringen)} levering(en) gevonden in {landing}")
    s = _pseudonimiseringssleutel(context.log)
    warehouse = warehouse_file()
    warehouse.parent.mkdir(parents=True, exist_ok=True)
    processen = ingestie_processen()
    resultaten, fouten = [], []
    with schrijfslot(warehouse, context.log.info):
        con = duckdb.connect(str(warehouse))
        try:
            stroom = laad_leveringen(con, aanleveringen, s, warehouse, processen, voortgang=context.log.info)
            with closing(stroom):  # on a failure the worker processes are stopped before con closes
                for _, uitkomst in stroom:
                    if isinstance(uitkomst, LeveringFout):
                        context.log.error(str(uitkomst))
                        fouten.append(uitkomst)
                    else:
                        context.log.info(uitkomst.samenvatting())
                        resultaten.append(uitkomst)
            afwijkingen = con.execute(RECONCILIATIE_SQL).fetchall()
            aantallen = {t: con.execute(f"SELECT count(*) FROM raw.{t}").fetchone()[0] for t in RAW_TABELLEN}
        finally:
            con.close()
    samenvattingen = [r.samenvatting() for r in resultaten] + [f"MISLUKT — {e}" for e in fouten]
    if fouten:
        raise dg.Failure(
            description="Levering(en) onleesbaar; er is niets gepubliceerd:\n" + "\n".join(str(e) for e in fouten),
            metadata={"samenvattingen": dg.MetadataValue.json(samenvattingen)},
        )
    for t in RAW_TABELLEN:
        metadata = {"rijen": aantallen[t]}
        if t == "leveringen":
            metadata["samenvattingen"] = dg.MetadataValue.json(samenvattingen)
        yield dg.MaterializeResult(asset_key=["raw", t], metadata=metadata)
    yield dg.AssetCheckResult(
        check_name="reconciliatie",
        asset_key=["raw", "leverbestanden"],
        passed=not afwijkingen,
        metadata={"afwijkingen": dg.MetadataValue.json([list(map(str, a)) for a in afwijkingen])},
        description="Alle bestanden sluiten aan." if not afwijkingen else f"{len(afwijkingen)} bestand(en) sluiten niet aan.",
    )
