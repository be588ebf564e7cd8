"""The Dagster code location: it loads, its job covers everything, lineage runs from the
ingestion assets into dbt, and the sensor fires once per change of the landing folder."""

import shutil

import dagster as dg

from opvangmonitor import paden
from opvangmonitor.definitions import defs
from opvangmonitor.orkestratie.planning import nieuwe_leveringen


def test_code_location_laadt_met_job_sensor_en_schedule():
    dg.Definitions.validate_loadable(defs)
    assert defs.resolve_job_def("alles") is not None
    assert defs.resolve_sensor_def("nieuwe_leveringen").job_name == "alles"
    schedule = defs.resolve_schedule_def("nachtelijks")
    assert schedule.cron_schedule == "0 3 * * *" and schedule.execution_timezone == "Europe/Amsterdam"


def test_lineage_loopt_van_ingestie_naar_indicatoren():
    graaf = defs.resolve_asset_graph()
    stg = dg.AssetKey(["staging", "stg_woonvormen"])
    assert dg.AssetKey(["raw", "woonvormen"]) in graaf.get(stg).parent_keys
    assert dg.AssetKey(["config", "codelijsten"]) in {
        k for k in graaf.get(dg.AssetKey(["staging", "stg_codelijsten"])).parent_keys
    }
    # walk upward from the mart: the ingestion asset must be an ancestor
    voorouders, open_ = set(), [dg.AssetKey(["marts", "indicatoren"])]
    while open_:
        k = open_.pop()
        for ouder in graaf.get(k).parent_keys:
            if ouder not in voorouders:
                voorouders.add(ouder)
                open_.append(ouder)
    assert dg.AssetKey(["raw", "woonvormen"]) in voorouders
    assert dg.AssetKey(["config", "regio_aanbieders"]) in voorouders


def test_publicatie_wacht_op_alle_blokkerende_controles():
    graaf = defs.resolve_asset_graph()
    ouders = graaf.get(dg.AssetKey(["publicatie"])).parent_keys
    for check in graaf.asset_check_keys:
        if check.name.startswith("gx_") or check.name == "reconciliatie":
            assert check.asset_key in ouders, check


def test_sensor_vuurt_eenmaal_per_wijziging(tmp_path, monkeypatch):
    landing = tmp_path / "landing"
    (landing / "binnenvest_20260101").mkdir(parents=True)
    (landing / "binnenvest_20260101" / "levering.json").write_text("{}")
    monkeypatch.setenv(paden.ENV_LANDING, str(landing))
    with dg.build_sensor_context() as ctx:
        eerste = nieuwe_leveringen(ctx)
        assert isinstance(eerste, dg.RunRequest)
        cursor = ctx.cursor
    with dg.build_sensor_context(cursor=cursor) as ctx:
        assert isinstance(nieuwe_leveringen(ctx), dg.SkipReason)
    shutil.copytree(landing / "binnenvest_20260101", landing / "binnenvest_20260201")
    with dg.build_sensor_context(cursor=cursor) as ctx:
        tweede = nieuwe_leveringen(ctx)
        assert isinstance(tweede, dg.RunRequest) and tweede.run_key != eerste.run_key
