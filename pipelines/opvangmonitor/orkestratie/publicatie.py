"""Asset: the published read-only copy the dashboards read, swapped in atomically."""


import dagster as dg

from opvangmonitor.orkestratie.dbt import mart_sleutels
from opvangmonitor.paden import warehouse_file
from opvangmonitor.publicatie import publiceer
from opvangmonitor.schrijfslot import schrijfslot
from opvangmonitor.validatie import VALIDATIES, bouw_data_docs

# Dagster holds an asset back only for failed blocking checks on its *direct* upstream
# assets, so publication depends on every table that has a blocking check.
GECONTROLEERD = [dg.AssetKey(t.split(".")) for t in VALIDATIES] + [dg.AssetKey(["raw", "leverbestanden"])]


@dg.asset(
    key=["publicatie"],
    deps=mart_sleutels() + GECONTROLEERD + [["raw", "quarantaine"]],
    group_name="publicatie",
    kinds={"duckdb"},
)
def publicatie(context: dg.AssetExecutionContext) -> dg.MaterializeResult:
    """Copies the marts, config and delivery bookkeeping into the published file, and the
    GX Data Docs next to it (`<stem>.gepubliceerd.data_docs/`)."""
    warehouse = warehouse_file()
    with schrijfslot(warehouse, context.log.info):
        docs = bouw_data_docs()
        r = publiceer(warehouse, data_docs=docs.parent)
    context.log.info(f"Gepubliceerd: {r.pad} ({len(r.tabellen)} tabellen); Data Docs: {r.data_docs}")
    return dg.MaterializeResult(
        metadata={
            "bestand": str(r.pad),
            "tabellen": dg.MetadataValue.json(r.tabellen),
            "data_docs": dg.MetadataValue.path(str(r.data_docs / "index.html")),
        }
    )
