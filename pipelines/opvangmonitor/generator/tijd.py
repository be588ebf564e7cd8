"""Date helpers of the generator: fixed dates of the synthetic world, calendar months,
working days, Excel serial numbers."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

CONTRACT_START = date(2023, 1, 1)
# Nothing is simulated after this date: records beyond the last peildatum never appear
# in a delivery, but running periods need an end somewhere in the synthetic truth.
HORIZON = date(2027, 6, 30)
# Deliveries with a peildatum before this date show the "old" version of corrected
# records; later deliveries show the corrected version.
CORRECTIE_ZICHTBAAR_VANAF = date(2026, 1, 16)

EXCEL_NULPUNT = date(1899, 12, 30)


def dagen(n: float) -> timedelta:
    return timedelta(days=int(round(n)))


def plus_maanden(d: date, n: int) -> date:
    """Calendar months (31 Jan + 1 month = 28/29 Feb)."""
    m = d.month - 1 + n
    jaar, maand = d.year + m // 12, m % 12 + 1
    return date(jaar, maand, min(d.day, calendar.monthrange(jaar, maand)[1]))


def maandeinde(d: date) -> date:
    return date(d.year, d.month, calendar.monthrange(d.year, d.month)[1])


def maanden(start: date, eind: date):
    """First days of the months from start's month up to and including eind's month."""
    m = date(start.year, start.month, 1)
    while m <= eind:
        yield m
        m = plus_maanden(m, 1)


def kwartalen(start: date, eind: date):
    """(first day, last day) of the quarters overlapping [start, eind]."""
    k = date(start.year, 3 * ((start.month - 1) // 3) + 1, 1)
    while k <= eind:
        volgend = plus_maanden(k, 3)
        yield k, volgend - timedelta(days=1)
        k = volgend


def werkdagen_verder(d: date, n: int) -> date:
    """The n-th weekday after d (weekends skipped; n = 0 gives d itself)."""
    while n > 0:
        d += timedelta(days=1)
        if d.weekday() < 5:
            n -= 1
    return d


def excel_serieel(d: date) -> int:
    return (d - EXCEL_NULPUNT).days


def uniforme_datum(rng, van: date, tot: date) -> date:
    return van + timedelta(days=rng.randint(0, (tot - van).days))
