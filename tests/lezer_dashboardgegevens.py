"""A second process for the concurrency test: runs the dashboard's data queries on the
published file in a loop until a stop file appears (bounded in count and time), and
writes what it saw as JSON: reads, errors, and the distinct D.1.1 figures observed."""

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "dashboards"))

import gegevens  # noqa: E402  (the dashboard's own data access module)

D1 = ("D.1.1", "D.1.2", "D.1.3")


def main(stopbestand: str, uitvoer: str, max_seconden: float = 240, max_lezingen: int = 100_000) -> None:
    lezingen, fouten, gezien = 0, [], set()
    begin = time.monotonic()
    while not Path(stopbestand).exists() and time.monotonic() - begin < max_seconden and lezingen < max_lezingen:
        gegevens._query.clear()  # every iteration really reads the file, as a new session would
        try:
            b = gegevens.bron()
            regio = gegevens.regios_met(b, D1)["regio"].iloc[0]
            gegevens.periodes(b, regio, "kwartaal")
            rijen = gegevens.indicatorrijen(b, regio, D1, "kwartaal")
            gegevens.gemeentenamen(b)
            totaal = rijen[(rijen.indicator == "D.1.1") & (rijen.dimensie == "")]["waarde"].sum()
            gezien.add(float(totaal))
            lezingen += 1
        except Exception as e:  # noqa: BLE001 — every error is the finding
            fouten.append(f"{type(e).__name__}: {e}")
    Path(uitvoer).write_text(json.dumps({"lezingen": lezingen, "fouten": fouten, "gezien": sorted(gezien)}))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
