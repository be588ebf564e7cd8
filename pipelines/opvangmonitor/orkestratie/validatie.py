"""Great Expectations suites as blocking Dagster asset checks, one per validated table.
Each run's summary is also kept in meta.gx_resultaten of the warehouse (published)."""


import dagster as dg

from opvangmonitor.paden import warehouse_file
from opvangmonitor.schrijfslot import schrijfslot
from opvangmonitor.validatie import VALIDATIES, valideer_tabel
from opvangmonitor.validatie.uitvoeren import bewaar_uitslag


def _gx_check(tabel: str, suite: str) -> dg.AssetChecksDefinition:
    schema, naam = tabel.split(".")

    @dg.asset_check(
        asset=dg.AssetKey([schema, naam]),
        name=f"gx_{suite}".replace(".", "_"),
        blocking=True,
        description=f"Great Expectations-suite {suite} op {tabel}",
    )
    def _check(context: dg.AssetCheckExecutionContext) -> dg.AssetCheckResult:
        # The read needs the warehouse free of writers: take the same lock as a load.
        with schrijfslot(warehouse_file(), context.log.info):
            u = valideer_tabel(warehouse_file(), tabel)
            bewaar_uitslag(warehouse_file(), u, context.run.run_id)
        return dg.AssetCheckResult(
            passed=u.geslaagd,
            description=(
                f"{u.aantal_expectations} verwachtingen op {u.aantal_rijen} rijen"
                + (f" (GX op een steekproef van {u.steekproef}; alle regels in DuckDB over alle rijen)" if u.steekproef else "")
                + ": " + ("alle geslaagd" if u.geslaagd else f"{len(u.mislukt)} mislukt")
            ),
            metadata={
                "rijen": u.aantal_rijen,
                "steekproef": u.steekproef or 0,
                "verwachtingen": u.aantal_expectations,
                "mislukt": dg.MetadataValue.json(u.mislukt),
            },
        )

    return _check


GX_CHECKS = [_gx_check(tabel, suite) for tabel, suite in VALIDATIES.items()]
