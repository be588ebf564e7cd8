"""The regions file (regios.yml) that goes with the generated deliveries, in the shape of
data/regios.example.yml, naming the generated providers."""

from __future__ import annotations

from pathlib import Path

import yaml

KOP = """\
# Regio's bij de synthetische leveringen van `opvangmonitor generate` (zelfde vorm als
# data/regios.example.yml). Gemeentecodes: CBS-gemeentelijke indeling 2024.
"""

# Inhabitants per gemeente: approximate (CBS, 1 January 2024, rounded to thousands or
# hundreds); used by the dashboard's map for figures per 10,000 inhabitants.
INWONERS = {
    "GM0484": 113_000, "GM1884": 28_000, "GM0569": 29_000,  # Rijnstreek
    "GM0228": 123_000, "GM0289": 40_000, "GM0203": 63_000, "GM0339": 5_600, "GM0340": 20_500,
    "GM0279": 10_500, "GM0345": 68_000,  # Valleiregio
    "GM0307": 161_000, "GM0308": 25_000, "GM0313": 22_000, "GM0327": 31_000, "GM0342": 48_000,
    "GM0351": 14_000,  # Regio Amersfoort
}

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


def schrijf_regios(pad: Path, regios: list[tuple[str, str, str, int | None]]) -> Path:
    """regios: (region code, the REGIOS block it copies, provider code, night-shelter
    places or None) per region. The contracted night-shelter places follow the generated
    capacity (that number in winter, half of it otherwise)."""
    uit: dict[str, dict] = {}
    volgorde = list(REGIOS)  # the regions in REGIOS order, then their copies in the same order
    regios = sorted(regios, key=lambda r: (r[0] != r[1] and int(r[0].rsplit("-", 1)[-1]), volgorde.index(r[1])))
    for code, basis, aanbieder, nachtopvang in regios:
        blok = dict(REGIOS[basis])
        naam, gemeenten = blok.pop("naam"), blok.pop("gemeenten")
        if code != basis:  # a copy (national runs) has the same gemeenten as the region it copies
            naam = f"{naam} {code.rsplit('-', 1)[-1]}"
        uit.setdefault(code, {"naam": naam, "gemeenten": gemeenten, "aanbieders": [], **blok})["aanbieders"].append(
            aanbieder)
        if "nachtopvang_contract" in blok and nachtopvang is not None:
            contract = uit[code]["nachtopvang_contract"] = dict(blok["nachtopvang_contract"])
            contract["winter_plekken"], contract["overig_plekken"] = nachtopvang, nachtopvang // 2
        uit[code]["inwoners"] = {g: INWONERS[g] for g in gemeenten}
    tekst = KOP + yaml.safe_dump({"regios": uit}, sort_keys=False, allow_unicode=True, default_flow_style=None,
                                 width=110)
    pad.write_text(tekst, encoding="utf-8")
    return pad
