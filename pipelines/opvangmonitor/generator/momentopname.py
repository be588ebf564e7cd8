"""Records of the synthetic truth and their view in a delivery (full snapshot).

The journeys produce `Rij`s: the values of one row of one contract file as the provider
knows them in the end. `in_momentopname(rij, peildatum)` gives the row as a delivery with
that peildatum shows it, or None when the delivery does not hold it:

- a row is absent while it is not yet known (its main date, or `bekend_vanaf` for late
  registrations, lies after the peildatum) and from `bekend_tot` on (a record the provider
  later removed, e.g. a double registration);
- an end date after the peildatum becomes empty, with the fields that go with it
  (an open trajectory has no reden_einde or uitstroom yet);
- `oud` holds values a record had before the provider corrected it: deliveries with a
  peildatum before the correction show those.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache

from opvangmonitor.contract import contract

# Per file: the field whose date makes a row known, and the end-type fields that are
# emptied (with their dependants) when they lie after the peildatum. Rows of clienten,
# inzet and kosten carry their own bekend_vanaf.
HOOFDDATUM = {
    "aanmeldingen": "aanmeldingsdatum",
    "trajecten": "startdatum",
    "woonvormen": "startdatum",
    "zrm_metingen": "meetdatum",
    "mijlpalen": "datum",
    "producten": "startdatum",
    "klachten_bezwaren": "ontvangstdatum",
    "wachtlijst": "datum_op",
    "woningaanvragen": "aanvraagdatum",
    "tevredenheid": "meetdatum",
    "voortgang": "datum",
    "voorzieningen": "geldig_van",
}
SLUITINGEN = {
    "aanmeldingen": (("datum_aanvullend_vragenformulier", ()), ("datum_eerste_actieplan", ())),
    "trajecten": (("einddatum", ("reden_einde", "uitstroom_woonvorm", "uitstroom_gemeente")),),
    "woonvormen": (("einddatum", ()),),
    "producten": (("einddatum", ()),),
    "klachten_bezwaren": (("afhandeldatum", ("afhandeling",)),),
    "wachtlijst": (("datum_af", ("reden_af",)),),
    "woningaanvragen": (("verhuisdatum", ()),),
    "voorzieningen": (("geldig_tot", ()),),
}


@dataclass(slots=True)
class Rij:
    bestand: str
    waarden: dict
    bekend_vanaf: date | None = None
    bekend_tot: date | None = None
    oud: dict | None = None  # values shown before CORRECTIE_ZICHTBAAR_VANAF

    def bekend(self) -> date:
        if self.bekend_vanaf is not None:
            return self.bekend_vanaf
        return self.waarden[HOOFDDATUM[self.bestand]]


def in_momentopname(rij: Rij, peildatum: date, correctie_vanaf: date) -> dict | None:
    if rij.bekend() > peildatum:
        return None
    if rij.bekend_tot is not None and peildatum >= rij.bekend_tot:
        return None
    w = dict(rij.waarden)
    if rij.oud and peildatum < correctie_vanaf:
        w.update(rij.oud)
    for veld, afhankelijk in SLUITINGEN.get(rij.bestand, ()):
        einde = w.get(veld)
        if einde is not None and einde > peildatum:
            w[veld] = None
            for a in afhankelijk:
                w[a] = None
    return w


@cache
def datumvelden(bestand: str) -> tuple[str, ...]:
    return tuple(v.naam for v in contract().bestanden[bestand].velden if v.type == "datum")


def controleer(bestand: str, w: dict, peildatum: date) -> None:
    """Generator self-check: every date of a delivered row lies on or before the peildatum
    and every date pair of the contract is in order. A failure is a bug in the generator."""
    for veld in datumvelden(bestand):
        d = w.get(veld)
        if d is not None and d > peildatum:
            raise AssertionError(f"generator: {bestand}.{veld} = {d} ligt na peildatum {peildatum}: {w}")
    for begin, eind in contract().bestanden[bestand].datumvolgorde:
        if w.get(begin) is not None and w.get(eind) is not None and w[eind] < w[begin]:
            raise AssertionError(f"generator: {bestand}: {eind} vóór {begin}: {w}")
