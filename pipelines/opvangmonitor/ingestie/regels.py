"""The row rules of aanlevering.md §6 as SQL, generated from the contract.

A row gets one reason: the first rule it fails, in this fixed order:

1. the row has more or fewer fields than the header ('aantal velden klopt niet met de
   kopregel'; checked while reading, see tabel.py);
2. a required field is empty ('verplicht veld ontbreekt'), fields in contract order;
3. a value cannot be read as its type ('ongeldige datum', 'ongeldig getal',
   'ongeldige ja/nee-waarde'), fields in contract order;
4. a number lies outside the field's min/max ('waarde buiten bereik (1–5)'), contract order;
5. an end date lies before its start date, per `datumvolgorde` pair;
6. the file's key (`sleutel`) repeats that of an earlier row that passed rules 1–5
   ('dubbele sleutel; eerste voorkomen op regel N behouden'). Keys compare typed values
   (dates as dates), code fields case-insensitively.
"""

from __future__ import annotations

from dataclasses import dataclass

from opvangmonitor.contract import Bestand, Veld
from opvangmonitor.ingestie.typering import TYPEFOUT, naam

AANTAL_VELDEN = "aantal velden klopt niet met de kopregel"
VERPLICHT = "verplicht veld ontbreekt"
DATUMVOLGORDE = "einddatum vóór startdatum"
DUBBEL = "dubbele sleutel; eerste voorkomen op regel {regel} behouden"


@dataclass(frozen=True)
class Regel:
    voorwaarde: str  # SQL, true when the row breaks the rule
    reden: str
    veld: str | None


def v(veld: str) -> str:
    """Column of the trimmed text value of a field (NULL when empty or absent)."""
    return naam(f"v:{veld}")


def t(veld: str) -> str:
    """Column of the typed value of a field."""
    return naam(f"t:{veld}")


def _getal(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x).replace(".", ",")


def bereik(veld: Veld) -> str:
    if veld.minimum is not None and veld.maximum is not None:
        return f"{_getal(veld.minimum)}–{_getal(veld.maximum)}"
    if veld.minimum is not None:
        return f"≥ {_getal(veld.minimum)}"
    return f"≤ {_getal(veld.maximum)}"


def rijregels(bestand: Bestand) -> list[Regel]:
    """Rules 2–5 for a contract file, in order."""
    regels = [Regel(f"{v(f.naam)} IS NULL", VERPLICHT, f.naam) for f in bestand.velden if f.verplicht]
    regels += [
        Regel(f"{v(f.naam)} IS NOT NULL AND {t(f.naam)} IS NULL", TYPEFOUT[f.type], f.naam)
        for f in bestand.velden
        if f.type in TYPEFOUT
    ]
    for f in bestand.velden:
        grenzen = []
        if f.minimum is not None:
            grenzen.append(f"{t(f.naam)} < {f.minimum}")
        if f.maximum is not None:
            grenzen.append(f"{t(f.naam)} > {f.maximum}")
        if grenzen:
            regels.append(Regel(" OR ".join(grenzen), f"waarde buiten bereik ({bereik(f)})", f.naam))
    regels += [
        Regel(f"{t(eind)} < {t(start)}", f"{DATUMVOLGORDE} ({eind} ligt vóór {start})", f"{start}, {eind}")
        for start, eind in bestand.datumvolgorde
    ]
    return regels


def sleutel_expressies(bestand: Bestand, tabel: str = "") -> list[str]:
    """Expressions of the file's key (over `tabel`, e.g. 'r.'): typed values, codes
    case-insensitively."""
    return [
        f"lower({tabel}{t(f)})" if bestand.veld(f).type == "code" else f"{tabel}{t(f)}"
        for f in bestand.sleutel
    ]
