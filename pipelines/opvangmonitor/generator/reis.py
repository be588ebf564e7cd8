"""Building blocks of client journeys, shared by every provider: the client row, the
aanmelding with intake and actieplan, trajectories, housing periods, ZRM series,
milestones, products with monthly hours, outflow, complaints, satisfaction, waiting
lists, housing applications and the corrections a later delivery makes.

Every block returns `Rij`s (see momentopname.py). Rows that belong to a trajectory carry
the internal key `_traject` (never written: writers only write contract fields)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from opvangmonitor.generator.bezetting import Bezetting
from opvangmonitor.generator.kansen import Gewogen, gewogen_codes, kans, lognormaal_gemiddeld, poisson
from opvangmonitor.generator.momentopname import Rij
from opvangmonitor.generator.personen import BsnBron, Persoon, nieuwe_persoon
from opvangmonitor.generator.tijd import (
    CONTRACT_START,
    CORRECTIE_ZICHTBAAR_VANAF,
    HORIZON,
    dagen,
    maandeinde,
    maanden,
    uniforme_datum,
    werkdagen_verder,
)

LEEFGEBIEDEN = (
    "financien", "huisvesting", "dagbesteding", "adl", "maatschappelijke_participatie",
    "huiselijke_relaties", "sociaal_netwerk", "geestelijke_gezondheid",
    "lichamelijke_gezondheid", "verslaving", "justitie",
)
# Typical starting level per leefgebied relative to a client's overall level: housing is
# the problem of everyone in shelter; ADL, physical health and justice are mostly fine.
ZRM_VERSCHUIVING = {
    "financien": -0.3, "huisvesting": -0.9, "dagbesteding": 0.0, "adl": 1.3,
    "maatschappelijke_participatie": 0.0, "huiselijke_relaties": 0.3, "sociaal_netwerk": 0.0,
    "geestelijke_gezondheid": 0.1, "lichamelijke_gezondheid": 0.7, "verslaving": 0.9, "justitie": 1.6,
}

REDEN_AANMELDING = gewogen_codes("reden_aanmelding", {
    "Feitelijke dakloosheid": 55, "Dreigende uithuiszetting": 20, "Ondersteuning bij wonen": 17,
    "Geen van bovenstaande": 4, None: 4,
})
HOOFDPROBLEEM = gewogen_codes("hoofdprobleem", {
    "Financiën": 18, "Psychisch functioneren": 17, "Verslaving": 14, "Relationele problematiek": 12,
    "(Dreigende) dakloosheid": 15, "Veiligheid en huiselijk geweld": 8, "Lichamelijke ziekte of beperking": 4,
    "Verstandelijke handicap": 4, "Dagstructurering": 3, None: 5,
})
OORZAAK_INSTROOM = gewogen_codes("oorzaak_instroom", {
    "Financiële problematiek": 20, "Overige conflicten in thuissituatie": 18, "Huisuitzetting": 12,
    "Life events": 12, "Uitstroom GGZ-instelling": 7, "Uitstroom detentie": 6, "Uitstroom jeugdzorg": 5,
    "Geweld tegen vrouwen": 5, "Anders": 6, "Onbekend": 3, None: 6,
})
UITSTROOMPERSPECTIEF = gewogen_codes("uitstroomperspectief", {
    "Zelfstandig wonen": 42, "Begeleid wonen": 20, "Beschermd wonen": 8, "Doorstroomwoning": 6,
    "Andere woonvorm": 8, "Onbekend": 10, None: 6,
})
AARD_KLACHT = gewogen_codes("aard_melding", {
    "Bejegening": 25, "Kwaliteit ondersteuning": 22, "Communicatie": 18, "Huisvesting of voorziening": 15,
    "Veiligheid": 8, "Financiën": 5, "Overig": 7,
})
AARD_BEZWAAR = gewogen_codes("aard_melding", {"Besluit toegang": 70, "Financiën": 15, "Overig": 15})
AFHANDELING_KLACHT = gewogen_codes("afhandeling", {
    "Gegrond": 18, "Deels gegrond": 22, "Ongegrond": 25, "Ingetrokken": 8, "Informeel opgelost": 25,
    "Niet-ontvankelijk": 2,
})
AFHANDELING_BEZWAAR = gewogen_codes("afhandeling", {
    "Gegrond": 20, "Deels gegrond": 15, "Ongegrond": 45, "Ingetrokken": 10, "Niet-ontvankelijk": 10,
})

# Outflow: reden_einde, then a destination that fits it. Names are checked against the
# contract's code lists when this module is imported.
UITSTROOM_PER_REDEN = {
    "Doelen bereikt": gewogen_codes("uitstroom_woonvorm", {
        "Zelfstandig wonen inwoner hoofdhuurder": 38, "Begeleid zelfstandig wonen": 16, "Corporatiewoning": 12,
        "Zelfstandig wonen met MO partner als hoofdhuurder": 10, "Bij familie of vrienden lange tijd": 9,
        "Beschermd wonen decentraal": 5, "In netwerk met briefadres": 5, None: 5,
    }),
    "Doorverwezen": gewogen_codes("uitstroom_woonvorm", {
        "MO elders": 25, "Beschermd wonen centraal": 15, "Centrale opvang 24/7": 15, "Beschermd wonen elders": 10,
        "Decentrale opvang": 8, "Opname ziekenhuis/detox/detentie/revalidatie/behandeling": 12, "Nachtopvang": 8,
        "Onbekend": 7,
    }),
    "Verhuisd buiten regio": gewogen_codes("uitstroom_woonvorm", {
        "Zelfstandig wonen inwoner hoofdhuurder": 40, "Bij familie of vrienden lange tijd": 30,
        "Vertrokken naar buitenland": 15, "Onbekend": 15,
    }),
    "Uitval / uit beeld": gewogen_codes("uitstroom_woonvorm", {
        "Uit beeld": 60, "Bij familie of vrienden tijdelijk": 15, "In netwerk zonder briefadres": 10,
        "Camping/hotel": 5, "Onbekend": 5, None: 5,
    }),
    "Huisuitzetting of woning verloren": gewogen_codes("uitstroom_woonvorm", {
        "(Lange) schorsing": 30, "In netwerk zonder briefadres": 20, "Uit beeld": 20, "Nachtopvang": 20,
        "Centrale opvang 24/7": 10,
    }),
    "Overleden": gewogen_codes("uitstroom_woonvorm", {"Overleden": 100}),
    "Detentie of opname": gewogen_codes("uitstroom_woonvorm", {
        "Langdurige detentie": 45, "Opname ziekenhuis/detox/detentie/revalidatie/behandeling": 55,
    }),
    "Anders": gewogen_codes("uitstroom_woonvorm", {
        "Onbekend": 35, "Bij familie of vrienden tijdelijk": 25, "Camping/hotel": 15, "In netwerk met briefadres": 15,
        None: 10,
    }),
}
gewogen_codes("reden_einde", dict.fromkeys(UITSTROOM_PER_REDEN, 1))  # its keys are reden_einde codes
ZELFSTANDIG = {
    "Zelfstandig wonen inwoner hoofdhuurder", "Corporatiewoning", "Zelfstandig wonen met MO partner als hoofdhuurder",
}
ZONDER_GEMEENTE = {"Uit beeld", "Onbekend", "Vertrokken naar buitenland", "Overleden", None}

# The longest a client waits for a free place in a woonvorm with locations (days); who
# finds none in that time goes elsewhere (Context.plaats).
MAX_WACHT_DAGEN = {
    "Opvang lokaal": 120, "Nachtopvang": 14, "Centrale opvang": 30, "Doorstroomwoning": 365,
    "Woonzorgconcept": 365, "Housing First woning": 180, "Gezinsopvangwoning": 0,
}

REDEN_AF_GEPLAATST = (
    "Geplaatst",
    "Geplaatst op {locatie}",
    "Geplaatst, intake gedaan; sleutel overhandigd\nop de eerste dag",
    "Geplaatst na overleg met de gemeente,\nplek vrijgekomen",
)
REDEN_AF_ANDERS = (
    "Ingetrokken: elders opgevangen",
    "Uit beeld geraakt, geen reactie op\nuitnodiging",
    "Niet meer nodig; woning via netwerk",
    "Afgewezen, valt buiten de doelgroep",
)


@dataclass(frozen=True)
class Locatie:
    locatie_id: str
    naam: str
    soort: str
    gemeente: str
    capaciteit: int
    geldig_van: date = date(2019, 1, 1)
    wijzigingen: tuple[tuple[date, int], ...] = ()  # (from date, new capacity)


@dataclass(frozen=True)
class Plaatsing:
    """A booked stay: its locatie and days [start, eind] (eind may lie beyond HORIZON)."""

    locatie: Locatie
    start: date
    eind: date


@dataclass
class Context:
    """What one provider's journeys share: its rng, id counters, persons and places (with
    the free places per day, `bezetting`)."""

    aanbieder: str
    rng: object
    bsns: BsnBron
    id_formaten: dict[str, str]
    herkomst: Gewogen
    locaties: list[Locatie]
    gedeeld: list[Persoon] = field(default_factory=list)
    # first aanmeldingen are drawn from this date to LAATSTE_AANMELDING (`--jaren`)
    eerste_aanmelding: date = CONTRACT_START
    tellers: Counter = field(default_factory=Counter)
    bezetting: Bezetting = field(init=False)

    def __post_init__(self):
        self.bezetting = Bezetting(self.locaties)

    def id(self, soort: str) -> str:
        self.tellers[soort] += 1
        return self.id_formaten[soort].format(n=self.tellers[soort])

    def persoon(self, start: date, gezinsouder: bool = False) -> Persoon:
        if self.gedeeld:
            return self.gedeeld.pop(0)
        return nieuwe_persoon(self.rng, self.bsns, start, gezinsouder)

    def plaats(self, soort: str, start: date, duur: timedelta, voorkeur: str | None = None) -> Plaatsing | None:
        """Book a stay of `duur` in a locatie of `soort`, from the earliest day s (from
        `start`, waiting at most MAX_WACHT_DAGEN[soort] days) on which a locatie of that
        soort has a free place on every day of [s, s + duur]. Among the locaties free from s
        one is drawn by capacity; `voorkeur` (a locatie_id) in 75 % of cases when it is
        among them. None: no free place within the waiting time."""
        kandidaten = [l for l in self.locaties if l.soort == soort]
        uiterlijk = start + timedelta(days=MAX_WACHT_DAGEN.get(soort, 0))
        vanaf = {l.locatie_id: self.bezetting.eerste_start(l.locatie_id, start, duur, uiterlijk) for l in kandidaten}
        s = min((d for d in vanaf.values() if d is not None), default=None)
        if s is None:
            return None
        vrij = [l for l in kandidaten if vanaf[l.locatie_id] == s]
        if voorkeur and self.rng.random() < 0.75:
            vrij = [l for l in vrij if l.locatie_id == voorkeur] or vrij
        r = self.rng.random() * sum(l.capaciteit for l in vrij)
        gekozen = vrij[-1]
        for l in vrij:
            r -= l.capaciteit
            if r < 0:
                gekozen = l
                break
        self.bezetting.boek(gekozen.locatie_id, s, s + duur)
        return Plaatsing(gekozen, s, s + duur)


LAATSTE_AANMELDING = date(2026, 9, 30)


def eerste_datum(rng, pre_kans: float = 0.07, pre_van: date = date(2021, 7, 1),
                 uitloop: int = 150, van: date = CONTRACT_START) -> tuple[date, date | None]:
    """A client's first aanmelding (from `van`, see Context.eerste_aanmelding, to
    LAATSTE_AANMELDING), and for those who were already in care before the contract
    started (from `pre_van`) the date their first stay must at least last until (up to
    `uitloop` days into the contract)."""
    if rng.random() < pre_kans:
        return uniforme_datum(rng, pre_van, date(2022, 12, 15)), CONTRACT_START + dagen(rng.uniform(5, uitloop))
    return uniforme_datum(rng, van, LAATSTE_AANMELDING), None


def verleng_tot(eind: date, minimaal: date | None) -> date:
    return max(eind, minimaal) if minimaal else eind


def afkappen(eind: date) -> date | None:
    """The synthetic truth ends at HORIZON: later ends are 'still running'."""
    return None if eind > HORIZON else eind


# -- client and aanmelding -------------------------------------------------------------
def client_rij(ctx: Context, client_id: str, persoon: Persoon, eerste: date, rijen: list[Rij]) -> Rij:
    rng = ctx.rng
    if rng.random() < 0.8:
        aanmaak = eerste - dagen(rng.choice((0, 0, 0, 1, 2)))
    else:  # reeds bekend: the record exists from an earlier contact
        aanmaak = uniforme_datum(rng, date(2010, 1, 1), eerste - timedelta(days=120))
    oud = None
    if persoon.geslacht in ("Man", "Vrouw") and eerste < date(2025, 12, 1) and kans(rng, 0.02):
        oud = {"geslacht": "Onbekend"}  # filled in later
    return Rij(
        "clienten",
        {
            "client_id": client_id, "bsn": persoon.bsn, "geboortedatum": persoon.geboortedatum,
            "geslacht": persoon.geslacht, "aanmaakdatum": aanmaak,
        },
        bekend_vanaf=min(r.bekend() for r in rijen),
        oud=oud,
    )


@dataclass
class Aanmelding:
    rij: Rij
    aanmelding_id: str
    datum: date
    herkomst: str
    uitgestelde_mijlpalen: list[tuple[str, date]]  # registered as milestone of the trajectory instead


def aanmelding(ctx: Context, client_id: str, datum: date, met_intake: bool = True,
               reden: Gewogen = REDEN_AANMELDING, herkomst: str | None = None) -> Aanmelding:
    rng = ctx.rng
    aid = ctx.id("aanmelding")
    herkomst = herkomst or ctx.herkomst.trek(rng)
    intake = actieplan = None
    mijlpalen = []
    oud = None
    if met_intake:
        r = rng.random()
        if r < 0.74:
            echt = werkdagen_verder(datum, rng.choice((0, 0, 1, 1, 1)))
        elif r < 0.995:
            echt = datum + dagen(rng.uniform(2, 12))
        else:
            echt = datum - dagen(rng.uniform(1, 3))  # intake before aanmelding: registered so
        r = rng.random()
        if r < 0.86:
            intake = echt
        elif r < 0.93:
            mijlpalen.append(("aanvullend vragenformulier", echt))
        echt = datum + dagen(rng.uniform(3, 14) if rng.random() < 0.8 else rng.uniform(15, 45))
        r = rng.random()
        if r < 0.88:
            actieplan = echt
            if date(2025, 1, 1) <= echt <= date(2025, 12, 31) and kans(rng, 0.05):
                oud = {"datum_eerste_actieplan": None}  # registered late
        elif r < 0.94:
            mijlpalen.append(("eerste actieplan", echt))
    rij = Rij(
        "aanmeldingen",
        {
            "aanmelding_id": aid, "client_id": client_id, "aanmeldingsdatum": datum, "gemeente_herkomst": herkomst,
            "reden_aanmelding": reden.trek(rng), "hoofdprobleem": HOOFDPROBLEEM.trek(rng),
            "oorzaak_instroom": OORZAAK_INSTROOM.trek(rng), "datum_aanvullend_vragenformulier": intake,
            "datum_eerste_actieplan": actieplan,
        },
        oud=oud,
    )
    return Aanmelding(rij, aid, datum, herkomst, mijlpalen)


# -- trajectory ------------------------------------------------------------------------
@dataclass
class Uitstroom:
    reden_einde: str | None = None
    woonvorm: str | None = None
    gemeente: str | None = None


def uitstroom(ctx: Context, redenen: Gewogen, gemeente_opvang: str | None, elders: tuple[str, ...]) -> Uitstroom:
    rng = ctx.rng
    reden = redenen.trek(rng)
    woonvorm = UITSTROOM_PER_REDEN[reden].trek(rng)
    if woonvorm in ZONDER_GEMEENTE:
        gemeente = None
    elif reden == "Verhuisd buiten regio":
        gemeente = rng.choice(elders)
    else:
        gemeente = gemeente_opvang if rng.random() < 0.8 else ctx.herkomst.trek(rng)
    return Uitstroom(reden, woonvorm, gemeente)


def traject(ctx: Context, client_id: str, aanm: Aanmelding | None, doelgroep: str, start: date,
            eind: date | None, uit: Uitstroom | None, gemeente_opvang: str | None,
            systeemcasus: bool = False, kinderen: int | None = None,
            perspectief: Gewogen = UITSTROOMPERSPECTIEF, tid: str | None = None) -> tuple[str, Rij]:
    """A trajectory row. `tid` is given when rows of the trajectory were made before its
    end (and so the row itself) was known."""
    rng = ctx.rng
    tid = tid or ctx.id("traject")
    uit = uit if eind is not None and uit is not None else Uitstroom()
    w = {
        "traject_id": tid, "client_id": client_id,
        "aanmelding_id": aanm.aanmelding_id if aanm and rng.random() > 0.03 else None,
        "doelgroep": doelgroep, "systeemcasus": systeemcasus, "aantal_kinderen": kinderen,
        "startdatum": start, "einddatum": eind, "reden_einde": uit.reden_einde,
        "gemeente_opvang": gemeente_opvang if rng.random() > 0.03 else None,
        "uitstroom_woonvorm": uit.woonvorm, "uitstroom_gemeente": uit.gemeente,
        "uitstroomperspectief": perspectief.trek(rng), "_traject": tid,
    }
    return tid, Rij("trajecten", w)


def woonvorm(ctx: Context, client_id: str, tid: str, soort: str, locatie: Locatie | None,
             start: date, eind: date | None) -> Rij:
    return Rij("woonvormen", {
        "client_id": client_id, "traject_id": tid if ctx.rng.random() > 0.03 else None, "woonvorm": soort,
        "locatie_id": locatie.locatie_id if locatie else None, "startdatum": start, "einddatum": eind,
        "_traject": tid,
    })


def mijlpaal(client_id: str, tid: str, soort: str, datum: date, eind: date | None = None) -> list[Rij]:
    """A milestone of a trajectory; none when it would fall after the trajectory's end or
    beyond the simulated horizon (it never happened)."""
    if datum > HORIZON or (eind is not None and datum > eind):
        return []
    return [Rij("mijlpalen", {"traject_id": tid, "client_id": client_id, "mijlpaal": soort, "datum": datum,
                              "_traject": tid})]


def mijlpaal_op_tijd(ctx: Context, client_id: str, tid: str, soort: str, start: date, eind: date | None,
                     op_tijd_kans: float, binnen: tuple[int, int], te_laat: tuple[int, int],
                     ontbreekt_kans: float = 0.03) -> list[Rij]:
    rng = ctx.rng
    if rng.random() < ontbreekt_kans:
        return []
    bereik = binnen if rng.random() < op_tijd_kans else te_laat
    return mijlpaal(client_id, tid, soort, start + dagen(rng.uniform(*bereik)), eind)


def product(ctx: Context, client_id: str, tid: str, soort: str, start: date, eind: date | None) -> Rij:
    return Rij("producten", {
        "product_id": ctx.id("product") if ctx.rng.random() > 0.05 else None, "traject_id": tid,
        "client_id": client_id, "product": soort, "startdatum": start, "einddatum": eind, "_traject": tid,
    })


def inzet(ctx: Context, client_id: str, tid: str, soort: str, start: date, eind: date | None,
          gemiddeld_uren: float, registratie_kans: float = 0.93) -> list[Rij]:
    """Monthly hours of support; a month is known (delivered) once it has ended."""
    rng = ctx.rng
    rijen = []
    for m in maanden(start, min(eind or HORIZON, HORIZON)):
        if rng.random() > registratie_kans:
            continue
        uren = max(0.25, round(rng.gammavariate(2.0, gemiddeld_uren / 2.0) * 4) / 4)
        rijen.append(Rij("inzet", {"traject_id": tid, "client_id": client_id, "product": soort, "maand": m,
                                   "uren": uren, "_traject": tid}, bekend_vanaf=maandeinde(m)))
    return rijen


# -- ZRM -------------------------------------------------------------------------------
@dataclass(frozen=True)
class ZrmProfiel:
    nulmeting_kans: float = 0.9
    interval: tuple[int, int] = (90, 180)
    eerste_tussen: tuple[int, int] | None = None  # days after start of the first tussenmeting
    eindmeting_kans: float = 0.8


def zrm_reeks(ctx: Context, client_id: str, tid: str, start: date, eind: date | None,
              profiel: ZrmProfiel = ZrmProfiel()) -> list[Rij]:
    rng = ctx.rng
    niveau = rng.gauss(2.2, 0.5)
    trend = rng.choices((1, 0, -1), (60, 25, 15))[0]
    nooit = {lg for lg, p in (("justitie", 0.15), ("verslaving", 0.08)) if rng.random() < p}
    scores = {lg: min(5, max(1, round(niveau + ZRM_VERSCHUIVING[lg] + rng.gauss(0, 0.7)))) for lg in LEEFGEBIEDEN}
    laatste = min(eind or HORIZON, HORIZON)
    data = []
    d = start + dagen(rng.uniform(0, 21))
    if rng.random() < profiel.nulmeting_kans and d <= laatste:
        data.append((d, "nulmeting"))
    d = start + dagen(rng.uniform(*(profiel.eerste_tussen or profiel.interval)))
    while d < laatste - timedelta(days=30):
        data.append((d, "tussenmeting"))
        d += dagen(rng.uniform(*profiel.interval))
    if eind is not None and eind <= HORIZON and rng.random() < profiel.eindmeting_kans:
        data.append((max(start, eind - dagen(rng.uniform(0, 14))), "eindmeting"))
    rijen = []
    for i, (meetdatum, soort) in enumerate(data):
        if i:
            for lg in LEEFGEBIEDEN:
                if trend and rng.random() < (0.45 if lg == "huisvesting" else 0.3):
                    scores[lg] += trend
                elif rng.random() < 0.12:
                    scores[lg] += rng.choice((-1, 1))
                scores[lg] = min(5, max(1, scores[lg]))
        w = {"meting_id": ctx.id("meting"), "client_id": client_id, "traject_id": tid, "meetdatum": meetdatum,
             "soort_meting": soort, "_traject": tid}
        for lg in LEEFGEBIEDEN:
            w[lg] = None if lg in nooit or rng.random() < 0.04 else scores[lg]
        rijen.append(Rij("zrm_metingen", w))
    return rijen


# -- around the stay -------------------------------------------------------------------
def klachten(ctx: Context, client_id: str, start: date, eind: date | None,
             per_jaar_klacht: float = 0.05, per_jaar_bezwaar: float = 0.015) -> list[Rij]:
    rng = ctx.rng
    eind = min(eind or HORIZON, HORIZON)
    jaren = max((eind - start).days, 1) / 365.25
    rijen = []
    for soort, labda in (("klacht", per_jaar_klacht * jaren), ("bezwaar", per_jaar_bezwaar * jaren)):
        for _ in range(poisson(rng, labda)):
            ontvangst = uniforme_datum(rng, start, eind)
            if rng.random() < 0.1:
                afhandeling = afgehandeld = None  # stays open
            else:
                gemiddeld = 30 if soort == "klacht" else 70
                afgehandeld = ontvangst + dagen(lognormaal_gemiddeld(rng, gemiddeld, 0.6))
                afhandeling = (AFHANDELING_KLACHT if soort == "klacht" else AFHANDELING_BEZWAAR).trek(rng)
            rijen.append(Rij("klachten_bezwaren", {
                "melding_id": ctx.id("melding"), "soort": soort,
                "client_id": client_id if rng.random() > 0.1 else None, "ontvangstdatum": ontvangst,
                "aard": (AARD_KLACHT if soort == "klacht" else AARD_BEZWAAR).trek(rng),
                "afhandeling": afhandeling, "afhandeldatum": afgehandeld,
            }))
    return rijen


def tevredenheid(ctx: Context, client_id: str, start: date, eind: date | None, respons: float = 0.45,
                 gemiddeld: float = 7.3, veilig: float = 0.9, stabiel: float = 0.78,
                 eerste_na: int = 90, interval: int = 365) -> list[Rij]:
    """Survey moments: `eerste_na` days after start, then every `interval` days, and at the end."""
    rng = ctx.rng
    laatste = min(eind or HORIZON, HORIZON)
    momenten = []
    d = start + timedelta(days=eerste_na)
    while d < laatste:
        momenten.append(d)
        d += timedelta(days=interval)
    if eind is not None and eind <= HORIZON:
        momenten.append(eind)
    rijen = []
    for d in momenten:
        if rng.random() > respons:
            continue
        score = None if rng.random() < 0.04 else min(10, max(1, round(rng.gauss(gemiddeld, 1.5))))
        rijen.append(Rij("tevredenheid", {
            "client_id": client_id if rng.random() > 0.25 else None, "meetdatum": d, "score": score,
            "ervaren_veiligheid": None if rng.random() < 0.05 else rng.random() < veilig,
            "ervaren_stabiliteit": None if rng.random() < 0.07 else rng.random() < stabiel,
        }))
    return rijen


def wachtlijst(ctx: Context, client_id: str, voorziening: str, op: date, af: date | None, geplaatst: bool,
               locatie: Locatie | None = None) -> Rij:
    rng = ctx.rng
    af = afkappen(af) if af else None
    if af is None:
        reden = None
    elif geplaatst:
        reden = rng.choice(REDEN_AF_GEPLAATST).format(locatie=locatie.naam if locatie else voorziening)
    else:
        reden = rng.choice(REDEN_AF_ANDERS)
    if reden is not None and rng.random() < 0.15:
        reden = None
    return Rij("wachtlijst", {"client_id": client_id, "voorziening": voorziening, "datum_op": op,
                              "datum_af": af, "reden_af": reden})


def woningaanvraag(ctx: Context, client_id: str, soort: str, aanvraag: date, verhuis: date | None) -> list[Rij]:
    """An application; who moved moved on or after the application date."""
    if aanvraag > HORIZON:
        return []
    if verhuis is not None:
        verhuis = None if verhuis > HORIZON else max(verhuis, aanvraag)
    return [Rij("woningaanvragen", {"client_id": client_id, "soort": soort, "aanvraagdatum": aanvraag,
                                    "verhuisdatum": verhuis})]


# -- corrections in later deliveries -----------------------------------------------------
def corrigeer(ctx: Context, rijen: list[Rij]) -> list[Rij]:
    """Make the earlier delivery (peildatum 2025-12-31) differ from the latest in a few
    records, as real re-deliveries do: a trajectory registered late (absent earlier, with
    everything that belongs to it), an einddatum corrected, a double-registered housing
    period that was removed (it occupies a place up to the correction, so it is only made
    where the locatie had one free: the earlier delivery stays within capacity too). (Late
    fields and the sex filled in later are set where the row is made.)"""
    rng = ctx.rng
    extra = []
    for r in rijen:
        w = r.waarden
        if r.bestand == "trajecten":
            if date(2025, 10, 1) <= w["startdatum"] <= date(2025, 12, 31) and rng.random() < 0.06:
                later = uniforme_datum(rng, date(2026, 1, 2), date(2026, 3, 31))
                for s in rijen:
                    if s.waarden.get("_traject") == w["traject_id"]:
                        s.bekend_vanaf = max(s.bekend(), later)
            eind = w["einddatum"]
            if eind and date(2025, 6, 1) <= eind <= date(2025, 12, 31) and rng.random() < 0.05:
                r.oud = {"einddatum": max(w["startdatum"], eind - dagen(rng.uniform(1, 25)))}
        elif r.bestand == "woonvormen" and w["startdatum"].year == 2025 and rng.random() < 0.01:
            tot = min(w["einddatum"] or HORIZON, CORRECTIE_ZICHTBAAR_VANAF - timedelta(days=1))
            if w["locatie_id"] is not None:
                if not ctx.bezetting.vrij(w["locatie_id"], w["startdatum"], tot):
                    continue
                ctx.bezetting.boek(w["locatie_id"], w["startdatum"], tot)
            extra.append(Rij("woonvormen", dict(w), bekend_tot=CORRECTIE_ZICHTBAAR_VANAF))
    return rijen + extra


def houd_bij(rijen: list[Rij], *nieuw) -> None:
    for n in nieuw:
        if isinstance(n, Rij):
            rijen.append(n)
        else:
            rijen.extend(n)
