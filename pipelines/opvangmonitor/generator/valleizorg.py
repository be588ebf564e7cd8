"""valleizorg (Valleiregio): Housing First and family shelter (gezinsopvang) in twelve
Gezinsopvangwoningen. Families follow the homes: each home has one family at a time,
with a few weeks of vacancy in between."""

from __future__ import annotations

from datetime import date, timedelta
from functools import partial

from opvangmonitor.generator.aanbieder import Aanbieder, levensloop
from opvangmonitor.generator.kansen import Gewogen, gewogen_codes, kans, lognormaal_gemiddeld
from opvangmonitor.generator.momentopname import Rij
from opvangmonitor.generator.reis import (
    MAX_WACHT_DAGEN, ZELFSTANDIG, Context, Locatie, ZrmProfiel, aanmelding, afkappen, client_rij, corrigeer,
    eerste_datum, houd_bij, klachten, mijlpaal, mijlpaal_op_tijd, product, tevredenheid, traject, uitstroom,
    verleng_tot, wachtlijst, woningaanvraag, woonvorm, zrm_reeks,
)
from opvangmonitor.generator.tijd import CONTRACT_START, HORIZON, dagen, kwartalen, plus_maanden, uniforme_datum

GEZINSOPVANGWONINGEN = 12
GEZINNEN_PER_WONING = 8.3  # about one family per six months per home over the contract period
LAATSTE_AANMELDING = date(2026, 9, 30)
ELDERS = ("GM0202", "GM0344", "GM0267", "GM0363")

REDEN_EINDE_HF = gewogen_codes("reden_einde", {
    "Doelen bereikt": 40, "Huisuitzetting of woning verloren": 12, "Uitval / uit beeld": 10, "Doorverwezen": 15,
    "Overleden": 4, "Detentie of opname": 7, "Anders": 12,
})
REDEN_EINDE_GEZIN = gewogen_codes("reden_einde", {
    "Doelen bereikt": 62, "Doorverwezen": 18, "Uitval / uit beeld": 6, "Verhuisd buiten regio": 6, "Anders": 8,
})
REDEN_GEZIN = gewogen_codes("reden_aanmelding", {
    "Dreigende uithuiszetting": 40, "Feitelijke dakloosheid": 45, "Ondersteuning bij wonen": 10, None: 5,
})
PERSPECTIEF_HF = gewogen_codes("uitstroomperspectief", {
    "Zelfstandig wonen": 55, "Begeleid wonen": 20, "Beschermd wonen": 8, "Onbekend": 12, None: 5,
})
KINDEREN = Gewogen({1: 28, 2: 34, 3: 22, 4: 11, 5: 5})
STOPLICHT = ("groen", "oranje", "rood")


def woningen(n: int) -> int:
    return max(GEZINSOPVANGWONINGEN, round(n * 0.25 / GEZINNEN_PER_WONING))


def housing_first_clienten(n: int) -> int:
    """The families follow the homes; Housing First takes the rest of valleizorg's share,
    but at least three quarters of it (so small runs still have Housing First data)."""
    return max(10, round(0.75 * n), n - round(woningen(n) * GEZINNEN_PER_WONING))


def locaties(n: int) -> list[Locatie]:
    w = woningen(n)
    ede, wag = round(w * 7 / 12), round(w * 3 / 12)
    hf = max(12, round(0.55 * housing_first_clienten(n)))
    return [
        Locatie("VZ-HF-EDE", "Housing First Ede", "Housing First woning", "GM0228", round(hf * 0.6)),
        Locatie("VZ-HF-WAG", "Housing First Wageningen", "Housing First woning", "GM0289", round(hf * 0.2)),
        Locatie("VZ-HF-VNN", "Housing First Veenendaal", "Housing First woning", "GM0345", round(hf * 0.2),
                geldig_van=date(2023, 6, 1)),
        Locatie("VZ-GZW-EDE", "Gezinsopvangwoningen Ede", "Gezinsopvangwoning", "GM0228", ede),
        Locatie("VZ-GZW-WAG", "Gezinsopvangwoningen Wageningen", "Gezinsopvangwoning", "GM0289", wag),
        Locatie("VZ-GZW-VNN", "Gezinsopvangwoning Veenendaal", "Gezinsopvangwoning", "GM0345", w - ede - wag),
    ]


def _housing_first(ctx: Context, cid: str, datum: date, minimaal: date | None, rijen: list) -> date | None:
    rng = ctx.rng
    a = aanmelding(ctx, cid, datum)
    houd_bij(rijen, a.rij)
    gewenst = datum + dagen(rng.uniform(14, 90))  # finding a home
    if gewenst > HORIZON:
        return None
    gewenst_eind = verleng_tot(gewenst + dagen(lognormaal_gemiddeld(rng, 700, 0.6)), minimaal)
    plek = ctx.plaats("Housing First woning", gewenst, gewenst_eind - gewenst)
    if plek is None:  # no home within the waiting time: the aanmelding has no trajectory
        return gewenst + timedelta(days=MAX_WACHT_DAGEN["Housing First woning"])
    if plek.start > HORIZON:
        return None
    loc, start, eind = plek.locatie, plek.start, afkappen(plek.eind)
    uit = uitstroom(ctx, REDEN_EINDE_HF, loc.gemeente, ELDERS)
    tid, t = traject(ctx, cid, a, "Housing First", start, eind, uit, loc.gemeente, perspectief=PERSPECTIEF_HF)
    houd_bij(rijen, t, woonvorm(ctx, cid, tid, "Housing First woning", loc, start, eind),
             product(ctx, cid, tid, "Housing First", start, eind),
             mijlpaal_op_tijd(ctx, cid, tid, "ondersteuningsplan", start, eind, 0.8, (7, 42), (43, 90)))
    for soort, d in a.uitgestelde_mijlpalen:
        houd_bij(rijen, mijlpaal(cid, tid, soort, d))
    d = plus_maanden(start, 12)
    while d <= (eind or HORIZON):
        houd_bij(rijen, mijlpaal(cid, tid, "evaluatie", d, eind))
        d = plus_maanden(d, 12)
    houd_bij(rijen, _voortgang(ctx, cid, tid, start, eind),
             zrm_reeks(ctx, cid, tid, start, eind, ZrmProfiel(nulmeting_kans=0.93, interval=(90, 150))),
             klachten(ctx, cid, start, eind, 0.06),
             tevredenheid(ctx, cid, start, eind, respons=0.6, veilig=0.88, stabiel=0.8, eerste_na=120))
    return eind


def _voortgang(ctx: Context, cid: str, tid: str, start: date, eind: date | None) -> list:
    """A stoplicht assessment in most quarters the trajectory was active in for 30 days or
    more; the colour tends to stay what it was."""
    rng = ctx.rng
    laatste = min(eind or HORIZON, HORIZON)
    kleur = rng.choices(STOPLICHT, (60, 28, 12))[0]
    rijen = []
    for k_start, k_eind in kwartalen(start, laatste):
        van, tot = max(k_start, start), min(k_eind, laatste)
        if (tot - van).days + 1 < 30 and not kans(rng, 0.2):
            continue
        if not kans(rng, 0.9):
            continue
        if rng.random() > 0.6:
            kleur = rng.choices(STOPLICHT, (60, 28, 12))[0]
        rijen.append(Rij("voortgang", {"traject_id": tid, "client_id": cid, "datum": uniforme_datum(rng, van, tot),
                                       "stoplicht": kleur, "_traject": tid}))
    return rijen


def _gezin(ctx: Context, cid: str, aanmelddatum: date, start: date, eind_echt: date, loc: Locatie,
           rijen: list) -> None:
    rng = ctx.rng
    a = aanmelding(ctx, cid, aanmelddatum, reden=REDEN_GEZIN)
    houd_bij(rijen, a.rij, wachtlijst(ctx, cid, "Gezinsopvangwoning", aanmelddatum, start, geplaatst=True, locatie=loc))
    if start > HORIZON:
        return
    eind = afkappen(eind_echt)
    uit = uitstroom(ctx, REDEN_EINDE_GEZIN, loc.gemeente, ELDERS)
    tid, t = traject(ctx, cid, a, "Gezinsopvang", start, eind, uit, loc.gemeente, systeemcasus=True,
                     kinderen=KINDEREN.trek(rng))
    houd_bij(
        rijen, t, woonvorm(ctx, cid, tid, "Gezinsopvangwoning", loc, start, eind),
        product(ctx, cid, tid, "Gezinsopvang", start, eind),
        mijlpaal_op_tijd(ctx, cid, tid, "driegesprek", start, eind, 0.85, (2, 14), (15, 30)),
        mijlpaal_op_tijd(ctx, cid, tid, "ondersteuningsplan", start, eind, 0.8, (10, 42), (43, 70)),
        mijlpaal_op_tijd(ctx, cid, tid, "besluit voortzetting", start, eind, 0.9, (50, 91), (92, 120)),
        zrm_reeks(ctx, cid, tid, start, eind,
                  ZrmProfiel(nulmeting_kans=0.92, eerste_tussen=(55, 88), interval=(90, 150), eindmeting_kans=0.85)),
        klachten(ctx, cid, start, eind, 0.08),
        tevredenheid(ctx, cid, start, eind, respons=0.6, veilig=0.96, eerste_na=60, interval=120),
    )
    for soort, d in a.uitgestelde_mijlpalen:
        houd_bij(rijen, mijlpaal(cid, tid, soort, d))
    if kans(rng, 0.85):
        verhuis = eind if uit.woonvorm in ZELFSTANDIG else None
        aanvraag = start + dagen(min(rng.uniform(20, 70), 0.5 * (eind_echt - start).days))
        houd_bij(rijen, woningaanvraag(ctx, cid, "urgentie" if kans(rng, 0.7) else "contingent", aanvraag, verhuis))


def _gezinnen(ctx: Context, n: int):
    """Per home, one family after another from before the contract start onwards."""
    rng = ctx.rng
    homes = [l for l in ctx.locaties if l.soort == "Gezinsopvangwoning" for _ in range(l.capaciteit)]
    for loc in homes:
        vrij, eerste = uniforme_datum(rng, date(2022, 6, 1), date(2022, 12, 1)), True
        while True:
            start = vrij if eerste else vrij + dagen(rng.uniform(7, 45))
            aanmelddatum = start - dagen(rng.uniform(7, 60))
            if aanmelddatum > LAATSTE_AANMELDING:
                break
            eind = start + dagen(lognormaal_gemiddeld(rng, 165, 0.35))
            if eerste:
                eind = verleng_tot(eind, CONTRACT_START + dagen(rng.uniform(5, 90)))
            # the home is free; its locatie's registration too, unless a double registration
            # (reis.corrigeer) holds the place a while longer
            verschoven = ctx.bezetting.eerste_start(loc.locatie_id, start, eind - start, start + timedelta(days=365))
            if verschoven is None:
                break
            start, eind = verschoven, verschoven + (eind - start)
            ctx.bezetting.boek(loc.locatie_id, start, eind)
            cid = ctx.id("client")
            persoon = ctx.persoon(aanmelddatum, gezinsouder=True)
            rijen: list = []
            _gezin(ctx, cid, aanmelddatum, start, eind, loc, rijen)
            rijen = corrigeer(ctx, rijen)
            yield [client_rij(ctx, cid, persoon, aanmelddatum, rijen), *rijen]
            vrij, eerste = eind, False
            if eind > HORIZON:
                break


def clienten(ctx: Context, n: int):
    rng = ctx.rng
    yield from _gezinnen(ctx, n)
    for _ in range(housing_first_clienten(n)):
        cid = ctx.id("client")
        eerste, minimaal = eerste_datum(rng, pre_kans=0.15, van=ctx.eerste_aanmelding)
        persoon = ctx.persoon(eerste)
        rijen: list = []
        levensloop(ctx, eerste, "hf", {"hf": partial(_housing_first, ctx, cid)}, {"hf": 0.05}, {"hf": "hf"},
                   rijen, minimaal)
        rijen = corrigeer(ctx, rijen)
        yield [client_rij(ctx, cid, persoon, eerste, rijen), *rijen]


VALLEIZORG = Aanbieder(
    code="valleizorg",
    naam="Stichting Valleizorg",
    regio="valleiregio",
    aandeel=0.2,
    minimum=30,
    id_formaten={"client": "VZ-{n:05d}", "aanmelding": "AANM{n:06d}", "traject": "TRJ{n:06d}",
                 "meting": "ZRM{n:07d}", "product": "PRD{n:06d}", "melding": "KLB{n:05d}"},
    herkomst={"GM0228": 45, "GM0345": 16, "GM0203": 12, "GM0289": 10, "GM0340": 6, "GM0279": 3, "GM0339": 2,
              "GM0202": 3, "GM0344": 3},
    locaties=locaties,
    kosten={
        "Beschikking Housing First Valleiregio": {"Huisvesting": 180_000, "Activering leefgebieden": 220_000,
                                                  "Sociaal beheer": 40_000, "Veiligheid": 10_000},
        "Subsidie Gezinsopvang Ede": {"Huisvesting": 90_000, "Activering leefgebieden": 120_000,
                                      "Sociaal beheer": 20_000, "Veiligheid": 15_000},
    },
    kosten_basis=400,
    clienten=clienten,
    afwezig=("inzet",),
)
