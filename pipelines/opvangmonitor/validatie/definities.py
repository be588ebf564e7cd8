"""What each validated table must satisfy, derived from the delivery contract.

Pure Python (no Great Expectations import) so that `VALIDATIES` is cheap to import for
the Dagster definitions. `suites.py` turns these into GX expectation suites.

Two layers per contract file:
- raw: the rows as ingested (raw_schema.py): meta columns, contract fields, pseudonyms.
- staging: dbt's stg_<file>: the raw columns plus `aanbieder_code`, minus
  `extra_kolommen`; codes normalised to the code list's spelling or 'Onbekend';
  gemeente fields hold a CBS code (GMnnnn) or 'Onbekend'; the contract key unique.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from opvangmonitor.contract import Bestand, Contract, contract
from opvangmonitor.raw_schema import META_KOLOMMEN, raw_kolommen

# The contract files whose raw and staging tables are validated.
GEVALIDEERDE_BESTANDEN = ("clienten", "trajecten", "woonvormen", "zrm_metingen")

ONBEKEND = "Onbekend"
PSEUDONIEM_REGEX = r"^[0-9a-f]{64}$"
GEMEENTE_REGEX = r"^(?:GM[0-9]{4}|Onbekend)$"
PSEUDONIEM_KOLOMMEN = ("client_pseudoniem", "bsn_pseudoniem")


@dataclass(frozen=True)
class Verwachting:
    """One expectation: GX type, its kwargs, and a Dutch description (shown in Data Docs
    and used as the start of the failure message)."""

    type: str
    kwargs: dict
    omschrijving: str


@dataclass(frozen=True)
class TabelValidatie:
    tabel: str  # schema.table in the warehouse
    suite: str  # GX suite name (also the validation definition's and checkpoint's name)
    bestand: str  # contract file
    laag: str  # raw / staging
    verwachtingen: tuple[Verwachting, ...] = field(default_factory=tuple)


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


def _sleutel(bestand: Bestand) -> list[str]:
    """The contract key as staging columns, scoped to the provider: identifiers in a
    delivery (client_id, traject_id, meting_id, ...) are the provider's own, unique
    within that provider only (aanlevering.md §3 says so of client_id; the monitor
    assumes the same of every id)."""
    if not bestand.sleutel:
        return []
    return ["aanbieder_code"] + [_kolomnaam(v, bestand) for v in bestand.sleutel]


def verwachtingen(bestand: Bestand, laag: str, c: Contract) -> tuple[Verwachting, ...]:
    """The expectations for one contract file in one layer, in a fixed order."""
    v: list[Verwachting] = []
    kolommen = _kolommen(bestand, laag)

    v.append(Verwachting("expect_table_row_count_to_be_between", {"min_value": 0}, "aantal rijen is ≥ 0"))
    for kolom in kolommen:
        v.append(Verwachting("expect_column_to_exist", {"column": kolom}, f"kolom {kolom} bestaat"))

    verplicht = [naam for naam, _ in META_KOLOMMEN]
    if laag == "staging":
        verplicht.append("aanbieder_code")
    verplicht += [_kolomnaam(veld.naam, bestand) for veld in bestand.velden if veld.verplicht]
    for kolom in verplicht:
        v.append(
            Verwachting("expect_column_values_to_not_be_null", {"column": kolom}, f"{kolom} is gevuld (verplicht)")
        )

    v.append(
        Verwachting(
            "expect_column_values_to_be_between",
            {"column": "regel", "min_value": 2},
            "regel is ≥ 2 (regel 1 is de kopregel)",
        )
    )

    for kolom in PSEUDONIEM_KOLOMMEN:
        if kolom in kolommen:
            v.append(
                Verwachting(
                    "expect_column_values_to_match_regex",
                    {"column": kolom, "regex": PSEUDONIEM_REGEX},
                    f"{kolom} is een pseudoniem van 64 hexadecimale tekens",
                )
            )

    for veld in bestand.velden:
        if veld.minimum is None and veld.maximum is None:
            continue
        kwargs: dict = {"column": veld.naam}
        if veld.minimum is not None:
            kwargs["min_value"] = veld.minimum
        if veld.maximum is not None:
            kwargs["max_value"] = veld.maximum
        bereik = (
            f"tussen {veld.minimum} en {veld.maximum}"
            if veld.minimum is not None and veld.maximum is not None
            else (f"≥ {veld.minimum}" if veld.minimum is not None else f"≤ {veld.maximum}")
        )
        v.append(Verwachting("expect_column_values_to_be_between", kwargs, f"{veld.naam} ligt {bereik}"))

    for start, eind in bestand.datumvolgorde:
        v.append(
            Verwachting(
                "expect_column_pair_values_a_to_be_greater_than_b",
                {"column_A": eind, "column_B": start, "or_equal": True, "ignore_row_if": "either_value_is_missing"},
                f"{eind} ligt niet vóór {start} (of is leeg)",
            )
        )

    if laag == "staging":
        for veld in bestand.velden:
            if veld.codelijst:
                waarden = list(dict.fromkeys([*c.codelijsten[veld.codelijst], ONBEKEND]))
                v.append(
                    Verwachting(
                        "expect_column_values_to_be_in_set",
                        {"column": veld.naam, "value_set": waarden},
                        f"{veld.naam} komt uit codelijst {veld.codelijst} (of is {ONBEKEND})",
                    )
                )
            elif veld.type == "gemeente":
                v.append(
                    Verwachting(
                        "expect_column_values_to_match_regex",
                        {"column": veld.naam, "regex": GEMEENTE_REGEX},
                        f"{veld.naam} is een CBS-gemeentecode (GMnnnn) of {ONBEKEND}",
                    )
                )
        sleutel = _sleutel(bestand)
        if len(sleutel) == 1:
            v.append(
                Verwachting(
                    "expect_column_values_to_be_unique",
                    {"column": sleutel[0]},
                    f"sleutel {sleutel[0]} is uniek",
                )
            )
        elif sleutel:
            v.append(
                Verwachting(
                    "expect_compound_columns_to_be_unique",
                    {"column_list": sleutel},
                    f"sleutel ({', '.join(sleutel)}) is uniek",
                )
            )
    return tuple(v)


def tabel_validaties(c: Contract | None = None) -> dict[str, TabelValidatie]:
    """Every validated table, raw and staging for each file in GEVALIDEERDE_BESTANDEN."""
    c = c or contract()
    uit: dict[str, TabelValidatie] = {}
    for laag, schema, prefix in (("raw", "raw", ""), ("staging", "staging", "stg_")):
        for naam in GEVALIDEERDE_BESTANDEN:
            tabel = f"{schema}.{prefix}{naam}"
            uit[tabel] = TabelValidatie(
                tabel=tabel,
                suite=tabel.replace(".", "_"),
                bestand=naam,
                laag=laag,
                verwachtingen=verwachtingen(c.bestanden[naam], laag, c),
            )
    return uit


# table name ('raw.clienten', 'staging.stg_clienten', …) -> suite name ('raw_clienten', …)
VALIDATIES: dict[str, str] = {t: tv.suite for t, tv in tabel_validaties().items()}
