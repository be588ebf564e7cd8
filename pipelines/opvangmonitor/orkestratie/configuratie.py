"""Asset: the region configuration and the contract's code lists in the `config` schema."""


import dagster as dg
import duckdb

from opvangmonitor.contract import schrijf_codelijsten
from opvangmonitor.paden import regios_file, warehouse_file
from opvangmonitor.regios import OngeldigeRegios, lees_regios, schrijf_configuratie
from opvangmonitor.schrijfslot import schrijfslot

CONFIG_TABELLEN = (
    "regios",
    "regio_gemeenten",
    "regio_aanbieders",
    "regio_indicatorfamilies",
    "regio_normen",
    "regio_parameters",
    "codelijsten",
)


@dg.multi_asset(
    specs=[
        dg.AssetSpec(["config", t], description=f"Configuratie: {t}", kinds={"duckdb"})
        for t in CONFIG_TABELLEN
    ],
    group_name="configuratie",
    name="configuratie",
)
def configuratie(context: dg.AssetExecutionContext):
    """Reads the regions file and writes it, with the contract's code lists, to `config`."""
    pad = regios_file()
    try:
        regios = lees_regios(pad)
    except OngeldigeRegios as e:
        raise dg.Failure(description=f"Regiobestand ongeldig: {e}") from e
    warehouse = warehouse_file()
    warehouse.parent.mkdir(parents=True, exist_ok=True)
    with schrijfslot(warehouse, context.log.info):
        con = duckdb.connect(str(warehouse))
        try:
            con.execute("BEGIN")
            schrijf_configuratie(con, regios)
            schrijf_codelijsten(con)
            con.execute("COMMIT")
            aantallen = {
                t: con.execute(f"SELECT count(*) FROM config.{t}").fetchone()[0] for t in CONFIG_TABELLEN
            }
        finally:
            con.close()
    context.log.info(f"Regio's uit {pad}: {', '.join(r.code for r in regios)}")
    for t in CONFIG_TABELLEN:
        yield dg.MaterializeResult(asset_key=["config", t], metadata={"rijen": aantallen[t], "bron": str(pad)})
