"""Finding deliveries in the landing folder (aanlevering.md §1)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

MAP, ZIP, XLSX = "map", "zip", "xlsx"


@dataclass
class Aanlevering:
    """One delivery in the landing folder: a folder, a .zip or an .xlsx workbook."""

    pad: Path
    naam: str  # '<aanbieder_code>_<jjjjmmdd>' (folder name or file name without extension)
    bronvorm: str  # 'map' | 'zip' | 'xlsx'

    @property
    def bron(self) -> str:
        """The name in the landing folder, as recorded in raw.leveringen.bron."""
        return self.pad.name


def herken(pad: Path) -> Aanlevering | str:
    """The delivery at `pad`, or a Dutch warning why it is not one."""
    naam = pad.name
    if pad.is_dir():
        if naam.startswith("."):
            return f"{naam} genegeerd: verborgen map, geen levering"
        return Aanlevering(pad, naam, MAP)
    achtervoegsel = pad.suffix.lower()
    if achtervoegsel in (".yml", ".yaml"):
        return f"{naam} genegeerd: geen levering"
    if naam.startswith("~$"):
        return f"{naam} genegeerd: tijdelijk bestand van Excel, geen levering"
    if achtervoegsel == ".zip":
        return Aanlevering(pad, pad.stem, ZIP)
    if achtervoegsel == ".xlsx":
        return Aanlevering(pad, pad.stem, XLSX)
    return f"{naam} genegeerd: geen levering (verwacht een map, .zip of .xlsx)"


def scan_landing(landing: Path) -> tuple[list[Aanlevering], list[str]]:
    """Deliveries in the landing folder, sorted by (naam, bronvorm), and Dutch warnings
    about the entries that are not deliveries. Whether a name follows the pattern
    '<aanbieder_code>_<jjjjmmdd>' is checked when the delivery is loaded (it then fails
    and is recorded), so that nothing is skipped silently."""
    landing = Path(landing)
    if not landing.is_dir():
        return [], [f"Landingsmap {landing} bestaat niet"]
    aanleveringen: list[Aanlevering] = []
    waarschuwingen: list[str] = []
    for pad in sorted(landing.iterdir()):
        gevonden = herken(pad)
        if isinstance(gevonden, Aanlevering):
            aanleveringen.append(gevonden)
        else:
            waarschuwingen.append(gevonden)
    aanleveringen.sort(key=lambda a: (a.naam, a.bronvorm))
    return aanleveringen, waarschuwingen
