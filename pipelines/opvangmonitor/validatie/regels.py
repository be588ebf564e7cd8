"""The vocabulary of the validation suites: one small constructor per kind of rule.

Both the contract-derived suites (definities.py) and the mart suites (marts.py, from
expectations/marts.yml) are built from these, so that every rule has one GX form, one
Dutch description and one SQL form (grote_tabellen.py). Pure Python: no GX import.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace


@dataclass(frozen=True)
class Verwachting:
    """One expectation: GX type, its kwargs, and a Dutch description (shown in Data Docs
    and used as the start of the failure message). `voorwaarde` = (kolom, waarde)
    restricts it to the rows where kolom = waarde (a GX row condition)."""

    type: str
    kwargs: dict
    omschrijving: str
    voorwaarde: tuple[str, object] | None = None


@dataclass(frozen=True)
class TabelValidatie:
    tabel: str  # schema.table in the warehouse
    suite: str  # GX suite name (also the validation definition's and checkpoint's name)
    bestand: str | None  # contract file (None for a mart)
    laag: str  # raw / staging / marts
    verwachtingen: tuple[Verwachting, ...] = field(default_factory=tuple)


def aantal_rijen(minimum: int = 0, maximum: int | None = None) -> Verwachting:
    kwargs: dict = {"min_value": minimum}
    if maximum is not None:
        kwargs["max_value"] = maximum
    tekst = f"aantal rijen is ≥ {minimum}" if maximum is None else f"aantal rijen ligt tussen {minimum} en {maximum}"
    return Verwachting("expect_table_row_count_to_be_between", kwargs, tekst)


def bestaat(kolom: str) -> Verwachting:
    return Verwachting("expect_column_to_exist", {"column": kolom}, f"kolom {kolom} bestaat")


def gevuld(kolom: str, toelichting: str | None = "verplicht") -> Verwachting:
    tekst = f"{kolom} is gevuld" + (f" ({toelichting})" if toelichting else "")
    return Verwachting("expect_column_values_to_not_be_null", {"column": kolom}, tekst)


def leeg(kolom: str, omschrijving: str | None = None) -> Verwachting:
    return Verwachting("expect_column_values_to_be_null", {"column": kolom}, omschrijving or f"{kolom} is leeg")


def _getal(x):
    """3.0 -> 3 in descriptions."""
    return int(x) if isinstance(x, float) and x.is_integer() else x


def tussen(kolom: str, minimum=None, maximum=None, omschrijving: str | None = None) -> Verwachting:
    if minimum is None and maximum is None:
        raise ValueError(f"tussen({kolom}): geef een minimum, een maximum of beide")
    kwargs: dict = {"column": kolom}
    if minimum is not None:
        kwargs["min_value"] = minimum
    if maximum is not None:
        kwargs["max_value"] = maximum
    lo, hi = _getal(minimum), _getal(maximum)
    bereik = (
        f"tussen {lo} en {hi}"
        if minimum is not None and maximum is not None
        else (f"≥ {lo}" if minimum is not None else f"≤ {hi}")
    )
    return Verwachting("expect_column_values_to_be_between", kwargs, omschrijving or f"{kolom} ligt {bereik}")


def in_lijst(kolom: str, waarden, omschrijving: str | None = None) -> Verwachting:
    waarden = list(dict.fromkeys(waarden))
    tekst = omschrijving or f"{kolom} is een van: {', '.join(map(str, waarden))} (of leeg)"
    return Verwachting("expect_column_values_to_be_in_set", {"column": kolom, "value_set": waarden}, tekst)


def patroon(kolom: str, regex: str, omschrijving: str) -> Verwachting:
    return Verwachting("expect_column_values_to_match_regex", {"column": kolom, "regex": regex}, omschrijving)


def niet_voor(eind: str, start: str) -> Verwachting:
    """`eind` lies on or after `start` where both are filled."""
    return Verwachting(
        "expect_column_pair_values_a_to_be_greater_than_b",
        {"column_A": eind, "column_B": start, "or_equal": True, "ignore_row_if": "either_value_is_missing"},
        f"{eind} ligt niet vóór {start} (of is leeg)",
    )


def uniek(kolommen: list[str] | tuple[str, ...], omschrijving: str | None = None) -> Verwachting:
    """The combination of `kolommen` occurs once (rows with every column empty are ignored)."""
    kolommen = list(kolommen)
    if len(kolommen) == 1:
        return Verwachting(
            "expect_column_values_to_be_unique", {"column": kolommen[0]}, omschrijving or f"{kolommen[0]} is uniek"
        )
    return Verwachting(
        "expect_compound_columns_to_be_unique",
        {"column_list": kolommen},
        omschrijving or f"({', '.join(kolommen)}) is uniek",
    )


def waar(v: Verwachting, kolom: str, waarde) -> Verwachting:
    """`v` for the rows where `kolom` = `waarde` only."""
    if v.type not in RIJ_TYPES:
        raise ValueError(f"{v.type}: een voorwaarde kan alleen op een regel per rij ({kolom} = {waarde!r})")
    return replace(v, voorwaarde=(kolom, waarde), omschrijving=f"{v.omschrijving}, waar {kolom} = {waarde}")


# Rule types that judge each row on its own (a row condition applies to them).
RIJ_TYPES = frozenset(
    {
        "expect_column_values_to_not_be_null",
        "expect_column_values_to_be_null",
        "expect_column_values_to_be_between",
        "expect_column_values_to_be_in_set",
        "expect_column_values_to_match_regex",
        "expect_column_pair_values_a_to_be_greater_than_b",
    }
)
