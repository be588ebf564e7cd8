"""Free places per location and day, so that a stay is only placed where the location has
a free place on every day of it: on every day the woonvorm periods at a locatie number at
most its capaciteit of that day (BZ.1 Bezetting never exceeds 100 %).

Days count inclusively at both ends, as BZ.1 counts them: a stay ending on day d and one
starting on d both occupy d. Only days up to HORIZON are tracked (nothing later is ever
delivered; a stay running beyond it occupies its place up to HORIZON). Memory is one list
of days per location, whatever the number of clients."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Iterable

from opvangmonitor.generator.tijd import HORIZON

if TYPE_CHECKING:
    from opvangmonitor.generator.reis import Locatie

EERSTE_DAG = date(2019, 1, 1)  # default: no location is valid earlier, no stay starts earlier


def capaciteit_per_dag(locatie: Locatie, eerste_dag: date = EERSTE_DAG) -> list[int]:
    """Places per tracked day from `eerste_dag` to HORIZON: 0 before geldig_van, then the
    capacity of each validity period (a change applies from its date on)."""
    aantal = (HORIZON - eerste_dag).days + 1
    dagen = [0] * aantal
    grenzen = [(locatie.geldig_van, locatie.capaciteit), *locatie.wijzigingen]
    for (van, capaciteit), (tot, _) in zip(grenzen, [*grenzen[1:], (HORIZON + timedelta(days=1), 0)]):
        for i in range((van - eerste_dag).days, min((tot - eerste_dag).days, aantal)):
            dagen[i] = capaciteit
    return dagen


class Bezetting:
    """Free places per location (locatie_id) and day. Days are tracked from the earliest
    geldig_van of the locations (at the latest EERSTE_DAG) to HORIZON."""

    def __init__(self, locaties: Iterable[Locatie]):
        locaties = list(locaties)
        self.eerste_dag = min([EERSTE_DAG, *(l.geldig_van for l in locaties)])
        self.dagen = (HORIZON - self.eerste_dag).days + 1
        self._vrij = {l.locatie_id: capaciteit_per_dag(l, self.eerste_dag) for l in locaties}

    def _index(self, d: date) -> int:
        i = (d - self.eerste_dag).days
        if i < 0:
            raise AssertionError(f"generator: verblijf op {d} ligt vóór {self.eerste_dag}")
        return i

    def _venster(self, locatie_id: str, start: date, eind: date | None) -> tuple[list[int], int, int]:
        """(free places of the location, first index, last index) of [start, eind] clipped
        to HORIZON; an empty range (first > last) when the stay starts after HORIZON."""
        laatste = self.dagen - 1 if eind is None or eind > HORIZON else self._index(eind)
        return self._vrij[locatie_id], self._index(start), laatste

    def vrij(self, locatie_id: str, start: date, eind: date | None) -> bool:
        """A free place on every day of [start, eind] (eind None: open, up to HORIZON)."""
        vrij, i, j = self._venster(locatie_id, start, eind)
        return i > j or min(vrij[i:j + 1]) > 0

    def boek(self, locatie_id: str, start: date, eind: date | None) -> None:
        """Occupy one place on every day of [start, eind]; a full day is a generator bug."""
        if not self.vrij(locatie_id, start, eind):
            raise AssertionError(f"generator: {locatie_id} is vol tussen {start} en {eind}")
        vrij, i, j = self._venster(locatie_id, start, eind)
        for k in range(i, j + 1):
            vrij[k] -= 1

    def eerste_start(self, locatie_id: str, start: date, duur: timedelta, uiterlijk: date) -> date | None:
        """The earliest day s in [start, uiterlijk] with a free place on every day of
        [s, s + duur], or None."""
        vrij = self._vrij[locatie_id]
        i, laatste = self._index(start), self._index(uiterlijk)
        while i <= laatste:
            if i >= self.dagen:
                return self.eerste_dag + timedelta(days=i)  # nothing to occupy beyond HORIZON
            venster = vrij[i:min(i + duur.days, self.dagen - 1) + 1]
            if min(venster) > 0:
                return self.eerste_dag + timedelta(days=i)
            i += len(venster) - venster[::-1].index(0)  # past the window's last full day
        return None

    def vrij_tot(self, locatie_id: str, start: date, eind: date) -> date | None:
        """The last day e in [start, eind] with a free place on every day of [start, e]
        (eind when all are free), or None when start itself is full."""
        vrij, i, j = self._venster(locatie_id, start, eind)
        venster = vrij[i:j + 1]
        if 0 not in venster:
            return eind
        k = venster.index(0)
        return start + timedelta(days=k - 1) if k else None
