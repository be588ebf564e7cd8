"""The regions file (regios.yml) that goes with the generated deliveries, in the shape of
data/regios.example.yml, naming the generated providers."""

from __future__ import annotations

from pathlib import Path

import yaml

KOP = """\
# Regio's bij de synthetische leveringen van `opvangmonitor generate` (zelfde vorm als
# data/regios.example.yml). Gemeentecodes: CBS-gemeentelijke indeling 2024.
"""

REGIOS = {
    "rijnstreek": {
        "naam": "Rijnstreek (Subsidie Opvang Rijnstreek 2023-2026)",
        "gemeenten": ["GM0484", "GM1884", "GM0569"],  # Alphen aan den Rijn, Kaag en Braassem, Nieuwkoop
        "indicatoren": ["A", "B", "C", "D", "E", "BZ"],
        "normen": {"B.2.1": 7},
        "termijnen": {"klacht_dagen": 42, "bezwaar_dagen": 84},
    },
    "valleiregio": {
        "naam": "Valleiregio (Housing First en opvang gezinnen)",
        # Ede, Wageningen, Barneveld, Renswoude, Rhenen, Scherpenzeel, Veenendaal
        "gemeenten": ["GM0228", "GM0289", "GM0203", "GM0339", "GM0340", "GM0279", "GM0345"],
        "indicatoren": ["HF", "GZ", "BZ"],
        "normen": {"HF.1": 75, "HF.2": 70, "HF.3": 100, "HF.4": 75, "GZ.1": 75, "GZ.2": 100, "GZ.3": 75,
                   "GZ.4": 75, "GZ.5": 95},
        "max_verblijf_dagen": {"Gezinsopvangwoning": 182, "Housing First woning": 728},
    },
    "amersfoort": {
        "naam": "Regio Amersfoort (Maatschappelijke opvang)",
        # Amersfoort, Baarn, Bunschoten, Leusden, Soest, Woudenberg
        "gemeenten": ["GM0307", "GM0308", "GM0313", "GM0327", "GM0342", "GM0351"],
        "indicatoren": ["MO", "BZ"],
        "max_verblijf_dagen": {"Centrale opvang": 91, "Nachtopvang": 91},
        "nachtopvang_contract": {"winter_maanden": [11, 12, 1, 2, 3], "winter_plekken": 20, "overig_plekken": 10},
    },
}


def schrijf_regios(pad: Path, aanbieders: dict[str, list[str]], nachtopvang_plekken: int = 20) -> Path:
    """aanbieders: region -> provider codes. The contracted night-shelter places follow the
    generated capacity (20 in winter, half of it otherwise)."""
    regios = {}
    for code, blok in REGIOS.items():
        blok = dict(blok)
        regios[code] = {"naam": blok.pop("naam"), "gemeenten": blok.pop("gemeenten"),
                        "aanbieders": aanbieders[code], **blok}
    contract = regios["amersfoort"]["nachtopvang_contract"] = dict(regios["amersfoort"]["nachtopvang_contract"])
    contract["winter_plekken"], contract["overig_plekken"] = nachtopvang_plekken, nachtopvang_plekken // 2
    tekst = KOP + yaml.safe_dump({"regios": regios}, sort_keys=False, allow_unicode=True, default_flow_style=None,
                                 width=110)
    pad.write_text(tekst, encoding="utf-8")
    return pad
