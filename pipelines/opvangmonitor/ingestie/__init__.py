"""Ingestion: deliveries in the landing folder read into the `raw` schema.

    aanleveringen, waarschuwingen = scan_landing(landing)
    for a in aanleveringen:
        resultaat = laad_levering(con, a, sleutel, voortgang=print)   # LeveringFout if unreadable
    # or all at once, parsed in worker processes and merged by this one writer:
    for a, uitkomst in laad_leveringen(con, aanleveringen, sleutel, warehouse, voortgang=print): ...

Modules: landing (finding deliveries), bronnen (folder/zip/xlsx files and content hash),
csvlezer / werkmap (reading rows), kop (header to contract fields), pseudonimisering,
typering + regels (typing and row rules as SQL from the contract), tabel (one file into
raw and quarantine), metadata (levering.json and the delivery's name), laden (one
delivery in one transaction), parallel (several deliveries in worker processes, one
writer), resultaat (what happened).
"""

from opvangmonitor.ingestie.fouten import LeveringFout
from opvangmonitor.ingestie.laden import ReconciliatieFout, laad_levering
from opvangmonitor.ingestie.landing import Aanlevering, scan_landing
from opvangmonitor.ingestie.parallel import IngestieAfgebroken, ingestie_processen, laad_leveringen
from opvangmonitor.ingestie.resultaat import BestandResultaat, LeveringResultaat

__all__ = [
    "Aanlevering",
    "BestandResultaat",
    "LeveringFout",
    "IngestieAfgebroken",
    "LeveringResultaat",
    "ReconciliatieFout",
    "ingestie_processen",
    "laad_levering",
    "laad_leveringen",
    "scan_landing",
]
