"""One whole run of the `alles` job in this process (the CLI's `run`, and tests)."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from typing import Callable

import dagster as dg
import duckdb

from opvangmonitor.paden import published_file


@dataclass
class Uitslag:
    geslaagd: bool
    duur: float
    samenvattingen: list[str] = field(default_factory=list)  # one line per delivery
    fouten: list[str] = field(default_factory=list)
    mislukte_checks: list[str] = field(default_factory=list)
    indicatorrijen: int = 0
    resultaat: dg.ExecuteInProcessResult | None = None


def _instance() -> dg.DagsterInstance:
    return dg.DagsterInstance.get() if os.environ.get("DAGSTER_HOME") else dg.DagsterInstance.ephemeral()


def voer_alles_uit(toon: Callable[[str], None] = print, log_niveau: str = "INFO") -> Uitslag:
    from opvangmonitor.definitions import defs

    begin = time.monotonic()
    job = defs.resolve_job_def("alles")
    with _instance() as instance:
        resultaat = job.execute_in_process(
            instance=instance,
            raise_on_error=False,
            run_config={"loggers": {"console": {"config": {"log_level": log_niveau}}}},
        )
    uitslag = Uitslag(geslaagd=resultaat.success, duur=time.monotonic() - begin, resultaat=resultaat)
    for event in resultaat.all_events:
        if event.is_step_materialization:
            mat = event.event_specific_data.materialization
            if mat.asset_key == dg.AssetKey(["raw", "leveringen"]):
                uitslag.samenvattingen = list(mat.metadata["samenvattingen"].value)
        elif event.is_step_failure:
            fout = event.event_specific_data.error
            uitslag.fouten.append(f"stap {event.step_key}: {fout.message.strip()}")
            meta = getattr(event.event_specific_data, "user_failure_data", None)
            if meta and "samenvattingen" in meta.metadata:
                uitslag.samenvattingen = list(meta.metadata["samenvattingen"].value)
        elif event.event_type_value == "ASSET_CHECK_EVALUATION":
            ev = event.event_specific_data
            if not ev.passed:
                uitslag.mislukte_checks.append(f"{ev.asset_key.to_user_string()}: {ev.check_name}")
    if uitslag.mislukte_checks:
        uitslag.geslaagd = False
        uitslag.fouten += [f"controle mislukt: {c}" for c in uitslag.mislukte_checks]
    if uitslag.geslaagd:
        con = duckdb.connect(str(published_file()), read_only=True)
        try:
            uitslag.indicatorrijen = con.execute("SELECT count(*) FROM marts.indicatoren").fetchone()[0]
        finally:
            con.close()
    return uitslag
