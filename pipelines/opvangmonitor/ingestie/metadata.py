"""The delivery's own fields (levering.json or the `levering` sheet) and its name (§1)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import duckdb

from opvangmonitor.contract import Contract
from opvangmonitor.ingestie.fouten import LeveringFout
from opvangmonitor.ingestie.landing import Aanlevering
from opvangmonitor.ingestie.typering import getypeerd, opgeschoond


DATUMVELDEN = ("leverdatum", "peildatum")


@dataclass(frozen=True)
class LeveringMeta:
    aanbieder_code: str
    aanbieder_naam: str | None
    leverdatum: dt.date
    peildatum: dt.date
    spec_versie: str | None

    def levering_id(self, inhoud_hash: str) -> str:
        return f"{self.aanbieder_code}_{self.leverdatum:%Y%m%d}_{inhoud_hash[:12]}"


def naam_delen(c: Contract, aanlevering: Aanlevering) -> tuple[str, dt.date]:
    """(aanbieder_code, leverdatum) from the delivery's name '<aanbieder_code>_<jjjjmmdd>'."""
    m = re.match(c.naam_patroon, aanlevering.naam)
    fout = None
    if not m:
        fout = (
            f"de naam '{aanlevering.naam}' volgt niet het patroon <aanbieder_code>_<jjjjmmdd> "
            "(kleine letters, cijfers en '-', bijvoorbeeld binnenvest_20240715)"
        )
    else:
        try:
            return m["aanbieder_code"], dt.datetime.strptime(m["leverdatum"], "%Y%m%d").date()
        except ValueError:
            fout = f"de naam '{aanlevering.naam}' bevat geen geldige leverdatum ({m['leverdatum']})"
    raise LeveringFout(aanlevering.bron, None, fout)


def lees_datum(con: duckdb.DuckDBPyConnection, waarde: str) -> dt.date | None:
    """A date in one of the contract's date formats, read by the same SQL as the rows."""
    return con.execute(f"SELECT {getypeerd('datum', opgeschoond('$1'))}", [waarde]).fetchone()[0]


def lees_meta(
    con: duckdb.DuckDBPyConnection, c: Contract, aanlevering: Aanlevering, velden: dict[str, str], bestand: str
) -> LeveringMeta:
    """Validate the delivery's fields against the contract and its name; LeveringFout if not."""
    bron = aanlevering.bron
    code_naam, datum_naam = naam_delen(c, aanlevering)
    waarden = {k: (velden.get(k) or "").strip() for k in c.levering_velden}
    ontbrekend = [k for k in c.levering_verplicht if not waarden[k]]
    if ontbrekend:
        raise LeveringFout(bron, bestand, f"verplicht veld ontbreekt: {', '.join(ontbrekend)}")
    datums = {}
    for k in DATUMVELDEN:
        datums[k] = lees_datum(con, waarden[k])
        if datums[k] is None:
            raise LeveringFout(bron, bestand, f"ongeldige datum in veld {k}: '{waarden[k]}'")
    if waarden["aanbieder_code"].lower() != code_naam:
        raise LeveringFout(
            bron, bestand,
            f"aanbieder_code '{waarden['aanbieder_code']}' komt niet overeen met de naam van de levering "
            f"('{aanlevering.naam}', aanbieder_code '{code_naam}')",
        )
    if datums["leverdatum"] != datum_naam:
        raise LeveringFout(
            bron, bestand,
            f"leverdatum {datums['leverdatum']:%d-%m-%Y} komt niet overeen met de naam van de levering "
            f"('{aanlevering.naam}', leverdatum {datum_naam:%d-%m-%Y})",
        )
    return LeveringMeta(
        aanbieder_code=code_naam,
        aanbieder_naam=waarden["aanbieder_naam"] or None,
        leverdatum=datums["leverdatum"],
        peildatum=datums["peildatum"],
        spec_versie=waarden["spec_versie"] or None,
    )
