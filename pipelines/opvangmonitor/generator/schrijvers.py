"""Writing one delivery: a folder, a .zip of the folder or an .xlsx workbook, streamed
row by row, byte-for-byte reproducible (fixed zip timestamps and workbook properties)."""

from __future__ import annotations

import csv
import io
import json
import random
import re
import shutil
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from opvangmonitor.contract import contract
from opvangmonitor.generator.momentopname import controleer
from opvangmonitor.generator.stijl import Opmaak, Stijl


@dataclass
class GegenereerdeLevering:
    aanbieder: str
    pad: Path
    bronvorm: str  # map | zip | xlsx
    leverdatum: date
    peildatum: date
    rijen: dict[str, int] = field(default_factory=dict)  # data rows per file written


def levering_naam(aanbieder: str, leverdatum: date) -> str:
    return f"{aanbieder}_{leverdatum:%Y%m%d}"


def ruim_op(out: Path, naam: str) -> None:
    """Remove every earlier form of this delivery (and a half-written work folder)."""
    for pad in (out / naam, out / f".{naam}.bezig"):
        if pad.is_dir():
            shutil.rmtree(pad)
    for pad in (out / f"{naam}.zip", out / f"{naam}.xlsx"):
        if pad.exists():
            pad.unlink()


def vaste_zip(doel: Path, bestanden: list[tuple[str, bytes]], moment: datetime) -> None:
    """A zip whose bytes depend only on the names, contents and the given moment."""
    tijd = (moment.year, moment.month, moment.day, moment.hour, moment.minute, 0)
    with zipfile.ZipFile(doel, "w", zipfile.ZIP_DEFLATED) as z:
        for naam, inhoud in bestanden:
            info = zipfile.ZipInfo(naam, date_time=tijd)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, inhoud)


class Levering:
    """One delivery being written. `schrijf(bestand, waarden)` takes typed values (as the
    provider knows them at the peildatum) and writes them in the delivery's style;
    `schrijf_ruw(bestand, teksten)` writes already formatted values as they are (the
    entry point for deliberately broken rows, e.g. a later `--fouten` option)."""

    def __init__(
        self,
        out: Path,
        aanbieder: str,
        aanbieder_naam: str,
        leverdatum: date,
        peildatum: date,
        stijl: Stijl,
        bestanden: list[str],
        seed: int,
    ):
        self.aanbieder, self.aanbieder_naam = aanbieder, aanbieder_naam
        self.leverdatum, self.peildatum = leverdatum, peildatum
        self.stijl = stijl
        self.naam = levering_naam(aanbieder, leverdatum)
        self.out = out
        self.bestanden = [b for b in contract().bestanden if b in bestanden]
        self.opmaak = Opmaak(stijl, random.Random(f"{seed}:opmaak:{self.naam}"), self.bestanden)
        self.rijen = {b: 0 for b in self.bestanden}
        ruim_op(out, self.naam)
        if stijl.bronvorm == "xlsx":
            self._open_werkmap()
        else:
            self.map = out / (self.naam if stijl.bronvorm == "map" else f".{self.naam}.bezig")
            self.map.mkdir(parents=True)
            self._open_csv()

    # -- CSV ------------------------------------------------------------------------
    def _open_csv(self) -> None:
        self.handvatten, self.writers = {}, {}
        for b in self.bestanden:
            f = open(self.map / f"{b}.csv", "w", encoding=self.stijl.encoding, errors="strict", newline="")
            w = csv.writer(f, delimiter=self.stijl.scheiding, lineterminator=self.stijl.regeleinde)
            w.writerow(self.opmaak.kop(b))
            self.handvatten[b], self.writers[b] = f, w

    # -- xlsx -----------------------------------------------------------------------
    def _open_werkmap(self) -> None:
        from openpyxl import Workbook

        self.werkmap = Workbook(write_only=True)
        blad = self.werkmap.create_sheet("levering")
        blad.append(["sleutel", "waarde"])
        for k, v in self._levering_json().items():
            blad.append([k, v])
        self.bladen = {}
        for b in self.bestanden:
            self.bladen[b] = self.werkmap.create_sheet(b)
            self.bladen[b].append(self.opmaak.kop(b))

    # -- rows -----------------------------------------------------------------------
    def schrijf(self, bestand: str, waarden: dict) -> None:
        controleer(bestand, waarden, self.peildatum)
        if self.stijl.bronvorm == "xlsx":
            self.bladen[bestand].append(self.opmaak.cellen(bestand, waarden))
        else:
            self.writers[bestand].writerow(self.opmaak.rij(bestand, waarden))
        self.rijen[bestand] += 1

    def schrijf_ruw(self, bestand: str, teksten: list[str]) -> None:
        if self.stijl.bronvorm == "xlsx":
            self.bladen[bestand].append(teksten)
        else:
            self.writers[bestand].writerow(teksten)
        self.rijen[bestand] += 1

    def _levering_json(self) -> dict:
        return {
            "aanbieder_code": self.aanbieder,
            "aanbieder_naam": self.aanbieder_naam,
            "leverdatum": self.leverdatum.isoformat(),
            "peildatum": self.peildatum.isoformat(),
            "spec_versie": contract().spec_versie,
        }

    def sluit(self) -> GegenereerdeLevering:
        moment = datetime(self.leverdatum.year, self.leverdatum.month, self.leverdatum.day, 8, 0)
        json_tekst = json.dumps(self._levering_json(), ensure_ascii=False, indent=2) + "\n"
        if self.stijl.bronvorm == "xlsx":
            pad = self.out / f"{self.naam}.xlsx"
            self._bewaar_werkmap(pad, moment)
        else:
            for f in self.handvatten.values():
                f.close()
            (self.map / "levering.json").write_text(json_tekst, encoding="utf-8")
            pad = self.map
            if self.stijl.bronvorm == "zip":
                pad = self.out / f"{self.naam}.zip"
                namen = sorted(p.name for p in self.map.iterdir())
                vaste_zip(pad, [(f"{self.naam}/{n}", (self.map / n).read_bytes()) for n in namen], moment)
                shutil.rmtree(self.map)
        return GegenereerdeLevering(
            self.aanbieder, pad, self.stijl.bronvorm, self.leverdatum, self.peildatum, dict(self.rijen)
        )

    def _bewaar_werkmap(self, pad: Path, moment: datetime) -> None:
        self.werkmap.properties.creator = self.aanbieder_naam
        self.werkmap.properties.created = moment
        buffer = io.BytesIO()
        self.werkmap.save(buffer)
        # openpyxl stamps 'modified' with the current time and the zip entries with the
        # local time: rewrite both so that the same seed gives the same bytes.
        stempel = moment.strftime("%Y-%m-%dT%H:%M:%SZ")
        delen = []
        with zipfile.ZipFile(buffer) as z:
            for info in z.infolist():
                inhoud = z.read(info.filename)
                if info.filename == "docProps/core.xml":
                    inhoud = re.sub(
                        rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                        rb"\g<1>" + stempel.encode() + rb"\g<2>",
                        inhoud,
                    )
                delen.append((info.filename, inhoud))
        vaste_zip(pad, delen, moment)
