"""What each validated table must satisfy: raw and staging suites derived from the
delivery contract, plus the mart suites of expectations/marts.yml (marts.py).

Pure Python (no Great Expectations import) so that `VALIDATIES` is cheap to import for
the Dagster definitions. `suites.py` turns these into GX expectation suites.

Two layers per contract file:
- raw: the rows as ingested (raw_schema.py): meta columns, contract fields, pseudonyms;
  the contract key unique within a delivery (ingestion quarantines later duplicates).
- staging: dbt's stg_<file>: the raw columns plus `aanbieder_code`, minus
  `extra_kolommen`; codes normalised to the code list's spelling or 'Onbekend';
  gemeente fields hold a CBS code (GMnnnn) or 'Onbekend'; the contract key unique per
  provider.
"""

from __future__ import annotations

from functools import lru_cache

from opvangmonitor.contract import Bestand, Contract, contract
from opvangmonitor.raw_schema import META_KOLOMMEN, raw_kolommen
from opvangmonitor.validatie import regels as r
from opvangmonitor.validatie.marts import mart_validaties
from opvangmonitor.validatie.regels import TabelValidatie, Verwachting

__all__ = ["TabelValidatie", "Verwachting", "VALIDATIES", "tabel_validaties", "validatie", "verwachtingen"]

ONBEKEND = "Onbekend"
PSEUDONIEM_REGEX = r"^[0-9a-f]{64}$"
GEMEENTE_REGEX = r"^(?:GM[0-9]{4}|Onbekend)$"
PSEUDONIEM_KOLOMMEN = ("client_pseudoniem", "bsn_pseudoniem")
ELFPROEF_KOLOM = "bsn_elfproef_ongeldig"
HERKOMST = [naam for naam, _ in META_KOLOMMEN]  # levering_id, bestand, regel: where a row came from


def _kolomnaam(veldnaam: str, bestand: Bestand) -> str:
    """Column that holds a contract field in the warehouse (identifiers are pseudonymised)."""
    veld = bestand.veld(veldnaam)
    if veld.pseudoniem == "client":
        return "client_pseudoniem"
    if veld.pseudoniem == "bsn":
        return "bsn_pseudoniem"
    return veldnaam


def _kolommen(bestand: Bestand, laag: str) -> list[str]:
    kolommen = [naam for naam, _ in raw_kolommen(bestand)]
    if laag == "staging":
        kolommen = [k for k in kolommen if k != "extra_kolommen"]
        kolommen.insert(len(META_KOLOMMEN), "aanbieder_code")
    return kolommen


def _sleutel(bestand: Bestand, laag: str = "staging") -> list[str]:
    """The contract key as columns. In raw it is unique per delivery (levering_id + key;
    ingestion quarantines a repeated key). In staging it is scoped to the provider:
    identifiers in a delivery (client_id, traject_id, meting_id, ...) are the provider's
    own, unique within that provider only (aanlevering.md §3 says so of client_id; the
    monitor assumes the same of every id)."""
    if not bestand.sleutel:
        return []
    if laag == "staging" and any(bestand.veld(v).type == "code" for v in bestand.sleutel):
        # Staging maps every value outside a code list to 'Onbekend', so two rows with
        # different unknown codes (a valid delivery) would collide here. These keys are
        # checked in raw, on the values as delivered.
        return []
    scope = "levering_id" if laag == "raw" else "aanbieder_code"
    return [scope] + [_kolomnaam(v, bestand) for v in bestand.sleutel]


def verwachtingen(bestand: Bestand, laag: str, c: Contract) -> tuple[Verwachting, ...]:
    """The expectations for one contract file in one layer, in a fixed order."""
    kolommen = _kolommen(bestand, laag)
    v: list[Verwachting] = [r.aantal_rijen(0)]
    v += [r.bestaat(kolom) for kolom in kolommen]

    verplicht = list(HERKOMST)
    if laag == "staging":
        verplicht.append("aanbieder_code")
    verplicht += [_kolomnaam(veld.naam, bestand) for veld in bestand.velden if veld.verplicht]
    v += [r.gevuld(kolom) for kolom in verplicht]
    if ELFPROEF_KOLOM in kolommen:
        v.append(r.gevuld(ELFPROEF_KOLOM, "ja/nee, ook zonder bsn"))

    v.append(r.tussen("regel", 2, omschrijving="regel is ≥ 2 (regel 1 is de kopregel)"))

    for kolom in PSEUDONIEM_KOLOMMEN:
        if kolom in kolommen:
            v.append(r.patroon(kolom, PSEUDONIEM_REGEX, f"{kolom} is een pseudoniem van 64 hexadecimale tekens"))
    if ELFPROEF_KOLOM in kolommen:
        v.append(
            r.waar(
                r.leeg("bsn_pseudoniem", "bsn_pseudoniem is leeg (een bsn die de elfproef niet haalt, wordt niet bewaard)"),
                ELFPROEF_KOLOM,
                True,
            )
        )

    for veld in bestand.velden:
        if veld.minimum is not None or veld.maximum is not None:
            v.append(r.tussen(veld.naam, veld.minimum, veld.maximum))

    v += [r.niet_voor(eind, start) for start, eind in bestand.datumvolgorde]

    if laag == "staging":
        for veld in bestand.velden:
            if veld.codelijst:
                v.append(
                    r.in_lijst(
                        veld.naam,
                        [*c.codelijsten[veld.codelijst], ONBEKEND],
                        f"{veld.naam} komt uit codelijst {veld.codelijst} (of is {ONBEKEND})",
                    )
                )
            elif veld.type == "gemeente":
                v.append(
                    r.patroon(veld.naam, GEMEENTE_REGEX, f"{veld.naam} is een CBS-gemeentecode (GMnnnn) of {ONBEKEND}")
                )

    v.append(r.uniek(HERKOMST, f"herkomst ({', '.join(HERKOMST)}) is uniek"))
    sleutel = _sleutel(bestand, laag)
    if sleutel:
        v.append(r.uniek(sleutel, f"sleutel ({', '.join(sleutel)}) is uniek"))
    return tuple(v)


def tabel_validaties(c: Contract | None = None) -> dict[str, TabelValidatie]:
    """Every validated table: raw and staging for each contract file, then the marts."""
    c = c or contract()
    uit: dict[str, TabelValidatie] = {}
    for laag, schema, prefix in (("raw", "raw", ""), ("staging", "staging", "stg_")):
        for naam, bestand in c.bestanden.items():
            tabel = f"{schema}.{prefix}{naam}"
            uit[tabel] = TabelValidatie(
                tabel=tabel,
                suite=tabel.replace(".", "_"),
                bestand=naam,
                laag=laag,
                verwachtingen=verwachtingen(bestand, laag, c),
            )
    for tv in mart_validaties():
        if tv.tabel in uit:
            raise ValueError(f"{tv.tabel} heeft al een suite")
        uit[tv.tabel] = tv
    return uit


@lru_cache(maxsize=1)
def _project_validaties() -> dict[str, TabelValidatie]:
    return tabel_validaties()


def validatie(tabel: str) -> TabelValidatie:
    """The validation of `tabel` ('raw.clienten', 'marts.indicatoren', ...)."""
    alle = _project_validaties()
    if tabel not in alle:
        raise KeyError(f"Geen validatie voor tabel {tabel!r}; bekend: {', '.join(alle)}")
    return alle[tabel]


# table name ('raw.clienten', 'staging.stg_clienten', …) -> suite name ('raw_clienten', …)
VALIDATIES: dict[str, str] = {t: tv.suite for t, tv in _project_validaties().items()}
