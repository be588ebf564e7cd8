"""The job that runs everything, the sensor on the landing folder and the nightly schedule."""


import hashlib

import dagster as dg

from opvangmonitor.ingestie import scan_landing
from opvangmonitor.paden import landing_dir

ALLES = dg.define_asset_job(
    "alles",
    selection=dg.AssetSelection.all(),
    executor_def=dg.in_process_executor,
    description="Configuratie, ingestie, dbt, validatie en publicatie in één run.",
)


def vingerafdruk_landing() -> str:
    """A fingerprint of the deliveries in the landing folder (names, sizes, times)."""
    aanleveringen, _ = scan_landing(landing_dir())
    h = hashlib.sha256()
    for a in aanleveringen:
        paden = [a.pad] if a.pad.is_file() else sorted(p for p in a.pad.rglob("*") if p.is_file())
        for p in paden:
            st = p.stat()
            h.update(f"{p.relative_to(a.pad.parent)}|{st.st_size}|{st.st_mtime_ns}\n".encode())
    return h.hexdigest()


@dg.sensor(job=ALLES, minimum_interval_seconds=60, default_status=dg.DefaultSensorStatus.RUNNING)
def nieuwe_leveringen(context: dg.SensorEvaluationContext):
    """Starts a run when a delivery appears in (or changes in) the landing folder."""
    if not landing_dir().is_dir():
        return dg.SkipReason(f"Landingsmap {landing_dir()} bestaat niet.")
    vingerafdruk = vingerafdruk_landing()
    if vingerafdruk == context.cursor:
        return dg.SkipReason("Geen nieuwe of gewijzigde leveringen.")
    context.update_cursor(vingerafdruk)
    return dg.RunRequest(run_key=vingerafdruk)


NACHTELIJKS = dg.ScheduleDefinition(
    name="nachtelijks",
    job=ALLES,
    cron_schedule="0 3 * * *",
    execution_timezone="Europe/Amsterdam",
    default_status=dg.DefaultScheduleStatus.RUNNING,
    description="Elke nacht om 03:00 alles verversen.",
)
