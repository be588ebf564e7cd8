"""The workbook reader (ingestie/werkmap.py) cell by cell: what each kind of cell becomes,
row numbers, sheet lookup and the 1900/1904 date systems. Workbooks are written with
openpyxl, as a provider's tool could."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import Workbook

from opvangmonitor.ingestie.fouten import LeveringFout
from opvangmonitor.ingestie.kop import KopIndeling
from opvangmonitor.ingestie.werkmap import Werkmap


def indeling(typen: tuple[str | None, ...]) -> KopIndeling:
    n = len(typen)
    return KopIndeling("blad", n, tuple(f"k{i}" for i in range(n)), {}, (), {}, typen)


def schrijf(pad: Path, cellen: dict[str, dict[str, object]], epoch_1904: bool = False) -> Path:
    """A workbook with a sheet per entry: {title: {cell reference: value}}."""
    wb = Workbook()
    wb.remove(wb.active)
    if epoch_1904:
        wb.epoch = dt.datetime(1904, 1, 1)
    for titel, blad in cellen.items():
        ws = wb.create_sheet(titel)
        for ref, waarde in blad.items():
            ws[ref] = waarde
    wb.save(pad)
    return pad


def lees(pad: Path, blad: str, typen: tuple[str | None, ...]):
    with Werkmap("b", pad) as wm, wm.blad(blad) as lezer:
        kop = lezer.kop()
        blokken = list(lezer.blokken(indeling(typen)))
    return kop, [(r, w) for b in blokken for r, w in zip(b.regels, b.rijen)], [a for b in blokken for a in b.afwijkend]


def test_celwaarden_als_tekst(tmp_path):
    pad = schrijf(tmp_path / "w.xlsx", {"Blad": {
        "A1": "tekst", "B1": "datum", "C1": "maand", "D1": "getal",
        "A2": 5e-05, "B2": dt.datetime(2024, 3, 1), "C2": dt.date(2024, 7, 9), "D2": 12.0,
        "A3": True, "B3": 45474, "C3": 45474, "D3": 1e20,
        "A4": dt.datetime(2024, 3, 1, 14, 30), "B4": dt.datetime(2024, 3, 1, 14, 30), "C4": 45474.75, "D4": -0.5,
        "A5": False, "B5": "15-01-2020", "C5": "#N/A", "D5": 3,
        "A6": 45474, "B6": 0.5, "C6": 2958466, "D6": 123.456,
    }})
    kop, rijen, afwijkend = lees(pad, "blad", (None, "datum", "maand", None))
    assert kop == ["tekst", "datum", "maand", "getal"]
    assert rijen == [
        (2, ["0.00005", "2024-03-01", "2024-07", "12"]),
        (3, ["true", "2024-07-01", "2024-07", "100000000000000000000"]),
        (4, ["2024-03-01 14:30:00", "2024-03-01", "2024-07", "-0.5"]),
        (5, ["false", "15-01-2020", "#N/A", "3"]),  # an error cell keeps its text
        (6, ["45474", "0.5", "2958466", "123.456"]),  # serials only in 1..9999-12-31
    ]
    assert afwijkend == []


def test_datumsysteem_1904(tmp_path):
    pad = schrijf(tmp_path / "w.xlsx", {"Blad": {
        "A1": "datum", "B1": "tekst",
        "A2": dt.datetime(2024, 3, 1), "B2": dt.date(2024, 3, 1),
        "A3": 45474, "B3": 45474,
        "A4": 1, "B4": 1,
    }}, epoch_1904=True)
    _, rijen, _ = lees(pad, "Blad", ("datum", None))
    assert rijen == [
        (2, ["2024-03-01", "2024-03-01"]),
        (3, ["2028-07-02", "45474"]),  # 1904-01-01 + 45474 days
        (4, ["1904-01-02", "1"]),
    ]


def test_regelnummers_lege_rijen_en_kolommen_en_te_veel_waarden(tmp_path):
    pad = schrijf(tmp_path / "w.xlsx", {"Blad": {
        # rows 1-2 and column A empty; the header starts at B3 with a trailing empty header cell
        "B3": "a", "C3": "b", "D3": "",
        "B4": "x1", "C4": 1,
        "C6": "y2",  # row 5 empty: skipped, not counted
        "B7": "z1", "E7": "te veel",
        "B8": "w1", "D8": " ",  # text of only spaces: kept, also beyond the header
    }})
    kop, rijen, afwijkend = lees(pad, "blad", (None, None, None))
    assert kop == ["", "a", "b"]
    assert rijen == [(4, ["", "x1", "1"]), (6, ["", "", "y2"])]
    assert afwijkend == [(7, ["", "z1", "", "", "te veel"]), (8, ["", "w1", "", " "])]


def test_alleen_spaties_blijven_spaties(tmp_path):
    pad = schrijf(tmp_path / "w.xlsx", {"Blad": {"A1": "a", "B1": "b", "A2": "x", "B2": " ", "A3": "  ", "A4": "y"}})
    _, rijen, _ = lees(pad, "Blad", (None, None))
    assert rijen == [(2, ["x", " "]), (3, ["  ", ""]), (4, ["y", ""])]


def test_bladen_en_leveringblad(tmp_path):
    pad = schrijf(tmp_path / "w.xlsx", {
        "Levering": {"A1": "Sleutel", "B1": "waarde", "A2": "leverdatum", "B2": 46310,
                     "A3": "aanbieder_code", "B3": "binnenvest", "A5": "spec_versie", "B5": 1},
        "CLIENTEN": {"A1": "client_id"},
        "leeg": {},
    })
    with Werkmap("b", pad) as wm:
        assert wm.bladnamen == ["Levering", "CLIENTEN", "leeg"]
        assert wm.heeft_blad("clienten") and wm.bladtitel("clienten") == "CLIENTEN"
        assert not wm.heeft_blad("trajecten")
        assert wm.levering() == {"leverdatum": "2026-10-15", "aanbieder_code": "binnenvest", "spec_versie": "1"}
        with wm.blad("leeg") as lezer:
            assert lezer.kop() == [] and list(lezer.blokken(indeling((None,)))) == []


def test_geen_werkmap(tmp_path):
    pad = tmp_path / "w.xlsx"
    pad.write_bytes(b"client_id;bsn\n")
    with pytest.raises(LeveringFout, match=r"geen geldige Excel-werkmap \(\.xlsx\)"):
        Werkmap("b", pad)
