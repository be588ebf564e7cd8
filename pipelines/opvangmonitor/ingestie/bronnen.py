"""The files of a delivery, whatever its form (folder, .zip, .xlsx), and its content hash.

A folder and a .zip of it hold the same files; the zip may hold the folder or the files
at its root. Hidden files and folders (name starting with '.') and `__MACOSX` entries are
operating-system clutter and are not part of a delivery. Files other than levering.json
and the contract's CSV files (at the delivery's root) are reported as ignored.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO, Callable, Iterator

from opvangmonitor.contract import Bestand
from opvangmonitor.ingestie.csvlezer import CsvLezer
from opvangmonitor.ingestie.fouten import LeveringFout
from opvangmonitor.ingestie.landing import MAP, XLSX, ZIP, Aanlevering
from opvangmonitor.ingestie.werkmap import Werkmap

LEVERING_JSON = "levering.json"


@dataclass(frozen=True)
class Ingang:
    """One file of a delivery: its path inside the delivery, size and how to open it."""

    naam: str  # posix path relative to the delivery's root
    grootte: int
    open: Callable[[], IO[bytes]]


def verborgen(pad: str) -> bool:
    return any(deel.startswith(".") or deel == "__MACOSX" for deel in PurePosixPath(pad).parts)


def inhoud_hash(ingangen: list[Ingang]) -> str:
    """sha256 over the files' names, sizes and bytes, in name order."""
    h = hashlib.sha256()
    for ingang in sorted(ingangen, key=lambda i: i.naam):
        h.update(f"{ingang.naam}\0{ingang.grootte}\0".encode("utf-8"))
        with ingang.open() as f:
            while stuk := f.read(1 << 20):
                h.update(stuk)
    return h.hexdigest()


def _bestand_ingang(pad: Path, naam: str) -> Ingang:
    return Ingang(naam, pad.stat().st_size, lambda: open(pad, "rb"))


def map_ingangen(map_: Path) -> list[Ingang]:
    return [
        _bestand_ingang(p, p.relative_to(map_).as_posix())
        for p in sorted(map_.rglob("*"))
        if p.is_file() and not verborgen(p.relative_to(map_).as_posix())
    ]


def zip_ingangen(zf: zipfile.ZipFile) -> tuple[list[Ingang], list[str]]:
    """The delivery's files in the zip relative to its root (the zip's root, or the one
    folder in it that holds levering.json), and the zip entries outside that root."""
    infos = [i for i in zf.infolist() if not i.is_dir() and not verborgen(i.filename)]
    namen = [i.filename for i in infos]
    wortel = ""
    if not any(n.lower() == LEVERING_JSON for n in namen):
        mappen = {
            n.split("/")[0] for n in namen if n.count("/") == 1 and n.split("/")[1].lower() == LEVERING_JSON
        }
        if len(mappen) == 1:
            wortel = mappen.pop() + "/"
    ingangen, buiten = [], []
    for info in infos:
        if info.filename.startswith(wortel):
            ingangen.append(Ingang(info.filename[len(wortel):], info.file_size, lambda i=info: zf.open(i)))
        else:
            buiten.append(info.filename)
    return ingangen, buiten


class BestandenBron:
    """A delivery that is a set of files (folder or zip)."""

    def __init__(self, bron: str, ingangen: list[Ingang], in_zip: bool, buiten: list[str] | None = None):
        self.bron = bron
        self.ingangen = ingangen
        self.in_zip = in_zip
        self._wortel: dict[str, Ingang] = {}
        self.onbekend: list[str] = list(buiten or [])
        for ingang in ingangen:
            sleutel = ingang.naam.lower()
            if "/" in sleutel:
                self.onbekend.append(ingang.naam)
                continue
            if sleutel in self._wortel:
                raise LeveringFout(
                    bron, ingang.naam, f"bestand komt twee keer voor ({self._wortel[sleutel].naam} en {ingang.naam})"
                )
            self._wortel[sleutel] = ingang

    @property
    def meta_bestand(self) -> str:
        return LEVERING_JSON

    def bekend(self, namen: set[str]) -> None:
        """Record which root files are part of the contract; the others are ignored."""
        self.onbekend += [i.naam for k, i in self._wortel.items() if k not in namen]

    def levering(self) -> dict:
        ingang = self._wortel.get(LEVERING_JSON)
        if ingang is None:
            plek = "ontbreekt: de zip bevat geen levering.json (ook niet in één map)" if self.in_zip else "ontbreekt"
            raise LeveringFout(self.bron, LEVERING_JSON, plek)
        with ingang.open() as f:
            inhoud = f.read()
        try:
            data = json.loads(inhoud.decode("utf-8-sig"))
        except UnicodeDecodeError:
            raise LeveringFout(self.bron, ingang.naam, "geen geldige JSON: de tekst is geen UTF-8") from None
        except json.JSONDecodeError as e:
            raise LeveringFout(
                self.bron, ingang.naam, f"geen geldige JSON (fout op regel {e.lineno}, positie {e.colno})"
            ) from None
        if not isinstance(data, dict):
            raise LeveringFout(self.bron, ingang.naam, "verwacht een JSON-object met de velden van de levering")
        return {str(k).strip().lower(): "" if v is None else str(v) for k, v in data.items()}

    def bestandsnaam(self, bestand: Bestand) -> str:
        ingang = self._wortel.get(bestand.bestandsnaam)
        return ingang.naam if ingang else bestand.bestandsnaam

    def heeft(self, bestand: Bestand) -> bool:
        return bestand.bestandsnaam in self._wortel

    def tabel(self, bestand: Bestand) -> CsvLezer:
        ingang = self._wortel[bestand.bestandsnaam]
        return CsvLezer(self.bron, ingang.naam, ingang.open, set(bestand.veldnamen))


class WerkmapBron:
    """A delivery that is one .xlsx workbook."""

    def __init__(self, bron: str, werkmap: Werkmap):
        self.bron = bron
        self.werkmap = werkmap
        self.onbekend: list[str] = []

    @property
    def meta_bestand(self) -> str:
        return f"{self.werkmap.bestand} (tabblad levering)"

    def bekend(self, namen: set[str]) -> None:
        self.onbekend += [f"tabblad {b}" for b in self.werkmap.bladnamen if b.strip().lower() not in namen]

    def levering(self) -> dict:
        return self.werkmap.levering()

    def bestandsnaam(self, bestand: Bestand) -> str:
        return self.werkmap.bladtitel(bestand.naam) if self.heeft(bestand) else bestand.naam

    def heeft(self, bestand: Bestand) -> bool:
        return self.werkmap.heeft_blad(bestand.naam)

    def tabel(self, bestand: Bestand):
        return self.werkmap.blad(bestand.naam)


def levering_hash(aanlevering: Aanlevering) -> str:
    """The delivery's content hash; computable for every delivery, also an unreadable one
    (a damaged zip is hashed as a file), so that a failure can be recorded against it."""
    try:
        if aanlevering.bronvorm == MAP:
            return inhoud_hash(map_ingangen(aanlevering.pad))
        if aanlevering.bronvorm == ZIP:
            try:
                with zipfile.ZipFile(aanlevering.pad) as zf:
                    return inhoud_hash(zip_ingangen(zf)[0])
            except zipfile.BadZipFile:
                pass
        return inhoud_hash([_bestand_ingang(aanlevering.pad, aanlevering.pad.name)])
    except OSError as e:
        raise LeveringFout(aanlevering.bron, None, f"kan niet worden gelezen ({e.strerror or e})") from None


@contextmanager
def open_bron(aanlevering: Aanlevering) -> Iterator[BestandenBron | WerkmapBron]:
    """The delivery opened for reading; raises LeveringFout when it is not a readable
    folder, zip or workbook."""
    bron = aanlevering.bron
    if aanlevering.bronvorm == MAP:
        yield BestandenBron(bron, map_ingangen(aanlevering.pad), in_zip=False)
    elif aanlevering.bronvorm == ZIP:
        try:
            zf = zipfile.ZipFile(aanlevering.pad)
        except (zipfile.BadZipFile, OSError):
            raise LeveringFout(bron, aanlevering.pad.name, "geen geldig zip-bestand") from None
        with zf:
            ingangen, buiten = zip_ingangen(zf)
            yield BestandenBron(bron, ingangen, in_zip=True, buiten=buiten)
    elif aanlevering.bronvorm == XLSX:
        with Werkmap(bron, aanlevering.pad) as werkmap:
            yield WerkmapBron(bron, werkmap)
    else:
        raise ValueError(f"onbekende bronvorm {aanlevering.bronvorm!r}")
