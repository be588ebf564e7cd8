"""Suites of mart tables, read from expectations/marts.yml (see the comment at its top).

Each entry becomes a TabelValidatie with the rules of regels.py; an unknown table key,
rule or argument is an error that names the file, the table and the rule.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from opvangmonitor.paden import EXPECTATIONS_DIR
from opvangmonitor.validatie import regels as r
from opvangmonitor.validatie.regels import TabelValidatie, Verwachting

MARTS_BESTAND = EXPECTATIONS_DIR / "marts.yml"
_TABEL_SLEUTELS = {"bron", "kolommen", "rijen", "verwachtingen"}
_EXTRA = {"waar", "omschrijving"}


class MartSuiteFout(ValueError):
    pass


def _regels(soort: str, arg, omschrijving: str | None) -> list[Verwachting]:
    """The expectations of one rule entry (gevuld may name several columns)."""
    if soort == "gevuld":
        kolommen = [arg] if isinstance(arg, str) else list(arg)
        uit = [r.gevuld(k, None) for k in kolommen]
        if omschrijving:
            uit = [Verwachting(v.type, v.kwargs, omschrijving.format(kolom=k)) for v, k in zip(uit, kolommen)]
        return uit
    if soort == "in_lijst":
        return [r.in_lijst(arg["kolom"], arg["waarden"], omschrijving)]
    if soort == "tussen":
        return [r.tussen(arg["kolom"], arg.get("min"), arg.get("max"), omschrijving)]
    if soort == "niet_voor":
        v = r.niet_voor(arg["kolom"], arg["start"])
        return [Verwachting(v.type, v.kwargs, omschrijving) if omschrijving else v]
    if soort == "uniek":
        return [r.uniek(arg, omschrijving)]
    raise KeyError(soort)


def _tabel(pad: Path, tabel: str, spec: dict) -> TabelValidatie:
    onbekend = set(spec) - _TABEL_SLEUTELS
    if onbekend:
        raise MartSuiteFout(f"{pad}: {tabel}: onbekende sleutel(s) {', '.join(sorted(onbekend))}")
    if tabel.count(".") != 1:
        raise MartSuiteFout(f"{pad}: {tabel!r} is geen schema.tabel")
    rijen = spec.get("rijen") or {}
    v: list[Verwachting] = [r.aantal_rijen(rijen.get("min", 0), rijen.get("max"))]
    v += [r.bestaat(k) for k in spec.get("kolommen", [])]
    for nr, regel in enumerate(spec.get("verwachtingen", []), 1):
        soorten = [k for k in regel if k not in _EXTRA]
        if len(soorten) != 1:
            raise MartSuiteFout(f"{pad}: {tabel}, verwachting {nr}: precies één regel verwacht, gevonden {soorten}")
        (soort,) = soorten
        try:
            nieuw = _regels(soort, regel[soort], regel.get("omschrijving"))
        except KeyError as e:
            raise MartSuiteFout(f"{pad}: {tabel}, verwachting {nr} ({soort}): onbekend of ontbrekend: {e}") from None
        waar = regel.get("waar") or {}
        if len(waar) > 1:
            raise MartSuiteFout(f"{pad}: {tabel}, verwachting {nr}: `waar` noemt één kolom, gevonden {list(waar)}")
        for kolom, waarde in waar.items():
            try:
                nieuw = [r.waar(x, kolom, waarde) for x in nieuw]
            except ValueError as e:
                raise MartSuiteFout(f"{pad}: {tabel}, verwachting {nr}: {e}") from None
        v += nieuw
    return TabelValidatie(tabel=tabel, suite=tabel.replace(".", "_"), bestand=None, laag="marts", verwachtingen=tuple(v))


def mart_validaties(pad: Path = MARTS_BESTAND) -> list[TabelValidatie]:
    """The mart suites of `pad`, in file order."""
    pad = Path(pad)
    data = yaml.safe_load(pad.read_text(encoding="utf-8")) or {}
    return [_tabel(pad, tabel, spec or {}) for tabel, spec in data.items()]
