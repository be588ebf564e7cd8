"""binnenvest (Rijnstreek): decentrale opvang (woonvorm Opvang lokaal) and briefadressen."""

from __future__ import annotations

from datetime import date, timedelta
from functools import partial

from opvangmonitor.generator.aanbieder import Aanbieder, levensloop
from opvangmonitor.generator.kansen import Gewogen, gewogen_codes, kans, lognormaal_gemiddeld
from opvangmonitor.generator.personen import leeftijd_op
from opvangmonitor.generator.reis import (
    MAX_WACHT_DAGEN, ZELFSTANDIG, Context, Locatie, Uitstroom, ZrmProfiel, aanmelding, afkappen, client_rij,
    corrigeer, eerste_datum, houd_bij, inzet, klachten, mijlpaal, product, tevredenheid, traject, uitstroom,
    verleng_tot, wachtlijst, woningaanvraag, woonvorm, zrm_reeks,
)
from opvangmonitor.generator.tijd import HORIZON, dagen, plus_maanden

GEMIDDELD_VERBLIJF_DAGEN = 274  # about nine months in Opvang lokaal, lognormal
ELDERS = ("GM0546", "GM0518", "GM0599", "GM0363", "GM0344", "GM0513")

SOORT = Gewogen({"opvang": 60, "briefadres": 30, "elders": 7, "geen_vervolg": 3})
REDEN_EINDE_OPVANG = gewogen_codes("reden_einde", {
    "Doelen bereikt": 45, "Doorverwezen": 14, "Uitval / uit beeld": 15, "Verhuisd buiten regio": 6,
    "Huisuitzetting of woning verloren": 4, "Overleden": 1, "Detentie of opname": 5, "Anders": 10,
})
REDEN_EINDE_BRIEFADRES = gewogen_codes("reden_einde", {
    "Doelen bereikt": 40, "Uitval / uit beeld": 25, "Verhuisd buiten regio": 10, "Doorverwezen": 10, "Anders": 12,
    "Overleden": 1, "Detentie of opname": 2,
})
REDEN_BRIEFADRES = gewogen_codes("reden_aanmelding", {
    "Feitelijke dakloosheid": 45, "Ondersteuning bij wonen": 35, "Geen van bovenstaande": 15, None: 5,
})
UITSTROOM_ELDERS = gewogen_codes("uitstroom_woonvorm", {
    "MO elders": 40, "Geen vervolg na aanmelding": 25, "Centrale opvang 24/7": 20, "Beschermd wonen elders": 15,
})
KINDEREN = Gewogen({1: 30, 2: 35, 3: 20, 4: 10, 5: 5})
WONINGAANVRAAG = Gewogen({"contingent": 75, "urgentie": 20, "regulier": 5})


def locaties(n: int) -> list[Locatie]:
    totaal = max(20, round(0.16 * n))
    return [
        Locatie("BV-L01", "Opvang Rijnhof, Alphen aan den Rijn", "Opvang lokaal", "GM0484", round(totaal * 0.45),
                wijzigingen=((date(2025, 1, 1), round(totaal * 0.50)),)),
        Locatie("BV-L02", "Gezinsopvang Zegerplas; Alphen", "Opvang lokaal", "GM0484", round(totaal * 0.3)),
        Locatie("BV-L03", "Opvang Braassemhuis, Roelofarendsveen", "Opvang lokaal", "GM1884", round(totaal * 0.18)),
        Locatie("BV-L04", "Opvang De Meije, Nieuwkoop", "Opvang lokaal", "GM0569", round(totaal * 0.15),
                geldig_van=date(2024, 3, 1)),
    ]


def _opvang(ctx: Context, cid: str, persoon, datum: date, minimaal: date | None, rijen: list) -> date | None:
    rng = ctx.rng
    a = aanmelding(ctx, cid, datum)
    houd_bij(rijen, a.rij)
    gezin = kans(rng, 0.12)
    wacht = kans(rng, 0.3)
    gewenst = datum + dagen(lognormaal_gemiddeld(rng, 21, 0.6) if wacht else rng.uniform(0, 3))
    if wacht and kans(rng, 0.08):  # withdrawn from the waiting list: no stay
        houd_bij(rijen, wachtlijst(ctx, cid, "Opvang lokaal", datum, gewenst, geplaatst=False))
        return gewenst
    gewenst_eind = verleng_tot(gewenst + dagen(lognormaal_gemiddeld(rng, GEMIDDELD_VERBLIJF_DAGEN, 0.7)), minimaal)
    plek = ctx.plaats("Opvang lokaal", gewenst, gewenst_eind - gewenst, voorkeur="BV-L02" if gezin else None)
    if plek is None:  # no free place within the waiting time: goes elsewhere
        af = gewenst + timedelta(days=MAX_WACHT_DAGEN["Opvang lokaal"])
        houd_bij(rijen, wachtlijst(ctx, cid, "Opvang lokaal", datum, af, geplaatst=False))
        return af
    loc, start, opvang_eind = plek.locatie, plek.start, plek.eind
    if wacht or start > gewenst:  # waited for a place
        houd_bij(rijen, wachtlijst(ctx, cid, "Opvang lokaal", datum, start, geplaatst=True, locatie=loc))
    if start > HORIZON:
        return None
    if gezin:
        doelgroep = "Decentrale opvang gezin"
    elif leeftijd_op(persoon, start) < 27:
        doelgroep = "Decentrale opvang jongere"
    else:
        doelgroep = "Decentrale opvang alleenstaande"
    uit = uitstroom(ctx, REDEN_EINDE_OPVANG, loc.gemeente, ELDERS)
    nazorg = uit.reden_einde == "Doelen bereikt" and uit.woonvorm in ZELFSTANDIG and kans(rng, 0.25)
    traject_eind = opvang_eind + dagen(rng.uniform(60, 120)) if nazorg else opvang_eind
    eind = afkappen(traject_eind)
    kinderen = KINDEREN.trek(rng) if gezin else (0 if kans(rng, 0.15) else None)
    tid, t = traject(ctx, cid, a, doelgroep, start, eind, uit, loc.gemeente, systeemcasus=gezin, kinderen=kinderen)
    houd_bij(rijen, t, woonvorm(ctx, cid, tid, "Opvang lokaal", loc, start, afkappen(opvang_eind)),
             product(ctx, cid, tid, "Decentrale opvang", start, afkappen(opvang_eind)))
    if nazorg and opvang_eind <= HORIZON:
        houd_bij(rijen, woonvorm(ctx, cid, tid, "Zelfstandig wonen", None, opvang_eind, eind),
                 product(ctx, cid, tid, "Ambulante begeleiding", opvang_eind, eind),
                 inzet(ctx, cid, tid, "Ambulante begeleiding", opvang_eind, eind, 6.0))
    for soort, d in a.uitgestelde_mijlpalen:
        houd_bij(rijen, mijlpaal(cid, tid, soort, d))
    d = plus_maanden(start, 6)
    while kans(rng, 0.5) and d <= (eind or HORIZON):
        houd_bij(rijen, mijlpaal(cid, tid, "evaluatie", d, eind))
        d = plus_maanden(d, 6)
    houd_bij(rijen, zrm_reeks(ctx, cid, tid, start, eind))
    if uit.woonvorm in ZELFSTANDIG and opvang_eind <= HORIZON:
        aanvraag = min(opvang_eind, max(start + dagen(20), opvang_eind - dagen(lognormaal_gemiddeld(rng, 120, 0.5))))
        houd_bij(rijen, woningaanvraag(ctx, cid, WONINGAANVRAAG.trek(rng), aanvraag, opvang_eind))
    elif kans(rng, 0.12):
        houd_bij(rijen, woningaanvraag(ctx, cid, "contingent", start + dagen(rng.uniform(30, 200)), None))
    houd_bij(rijen, klachten(ctx, cid, start, eind), tevredenheid(ctx, cid, start, eind, eerste_na=120, interval=240))
    return eind


def _briefadres(ctx: Context, cid: str, persoon, datum: date, minimaal: date | None, rijen: list) -> date | None:
    rng = ctx.rng
    a = aanmelding(ctx, cid, datum, reden=REDEN_BRIEFADRES)
    houd_bij(rijen, a.rij)
    start = datum + dagen(rng.uniform(0, 10))
    if start > HORIZON:
        return None
    doelgroep = "Briefadres jongere" if leeftijd_op(persoon, start) < 27 else "Briefadres volwassene"
    duur = lognormaal_gemiddeld(rng, 300, 0.8)
    eind_echt = verleng_tot(start + dagen(duur), minimaal)
    eind = afkappen(eind_echt)
    gemeente = a.herkomst if a.herkomst in ("GM0484", "GM1884", "GM0569") else "GM0484"
    uit = uitstroom(ctx, REDEN_EINDE_BRIEFADRES, gemeente, ELDERS)
    tid, t = traject(ctx, cid, a, doelgroep, start, eind, uit, gemeente)
    houd_bij(rijen, t)
    if duur > 200 and kans(rng, 0.25):  # renewed: a second Briefadres product
        midden = start + dagen(rng.uniform(90, duur - 60))
        perioden = [(start, midden), (midden + dagen(1), eind)]
    else:
        perioden = [(start, eind)]
    for van, tot in perioden:
        if van <= HORIZON:
            houd_bij(rijen, product(ctx, cid, tid, "Briefadres", van, tot),
                     inzet(ctx, cid, tid, "Briefadres", van, tot, 2.5))
    for soort, d in a.uitgestelde_mijlpalen:
        houd_bij(rijen, mijlpaal(cid, tid, soort, d))
    if kans(rng, 0.35):
        houd_bij(rijen, zrm_reeks(ctx, cid, tid, start, eind, ZrmProfiel(nulmeting_kans=0.75, interval=(120, 240))))
    houd_bij(rijen, klachten(ctx, cid, start, eind, 0.02, 0.01),
             tevredenheid(ctx, cid, start, eind, respons=0.3, eerste_na=180))
    return eind


def _elders(ctx: Context, cid: str, persoon, datum: date, minimaal: date | None, rijen: list) -> date | None:
    rng = ctx.rng
    a = aanmelding(ctx, cid, datum)
    houd_bij(rijen, a.rij)
    eind = afkappen(datum + dagen(rng.uniform(0, 21)))
    uit_woonvorm = UITSTROOM_ELDERS.trek(rng)
    tid, t = traject(ctx, cid, a, "Intake-cliënt die elders naartoe gaat", datum, eind,
                     Uitstroom("Doorverwezen", uit_woonvorm, None), None)
    houd_bij(rijen, t, klachten(ctx, cid, datum, eind, 0.0, 0.3))
    return eind


def _geen_vervolg(ctx: Context, cid: str, persoon, datum: date, minimaal: date | None, rijen: list) -> date | None:
    houd_bij(rijen, aanmelding(ctx, cid, datum).rij)
    return datum


def clienten(ctx: Context, n: int):
    rng = ctx.rng
    for _ in range(n):
        cid = ctx.id("client")
        eerste, minimaal = eerste_datum(rng, van=ctx.eerste_aanmelding)
        persoon = ctx.persoon(eerste)
        rijen: list = []
        reizen = {s: partial(f, ctx, cid, persoon) for s, f in (
            ("opvang", _opvang), ("briefadres", _briefadres), ("elders", _elders), ("geen_vervolg", _geen_vervolg))}
        levensloop(ctx, eerste, SOORT.trek(rng), reizen, {"opvang": 0.18, "briefadres": 0.08, "elders": 0.1},
                   lambda r: "opvang" if r.random() < 0.7 else "briefadres", rijen, minimaal)
        rijen = corrigeer(ctx, rijen)
        yield [client_rij(ctx, cid, persoon, eerste, rijen), *rijen]


BINNENVEST = Aanbieder(
    code="binnenvest",
    naam="Stichting De Binnenvest",
    regio="rijnstreek",
    aandeel=0.5,
    minimum=40,
    id_formaten={"client": "BV{n:06d}", "aanmelding": "BV-A{n:06d}", "traject": "BV-T{n:06d}",
                 "meting": "BV-Z{n:07d}", "product": "BV-P{n:06d}", "melding": "BV-K{n:05d}"},
    herkomst={"GM0484": 62, "GM1884": 12, "GM0569": 11, "GM0546": 5, "GM0513": 2, "GM1901": 3, "GM0638": 2,
              "GM0518": 3},
    locaties=locaties,
    kosten={
        "Subsidie Opvang Rijnstreek 2023-2026": {"Huisvesting": 420_000, "Activering leefgebieden": 310_000,
                                                 "Sociaal beheer": 150_000, "Veiligheid": 60_000},
        "Subsidie Briefadressen Rijnstreek": {"Activering leefgebieden": 45_000, "Sociaal beheer": 12_000},
    },
    kosten_basis=1000,
    clienten=clienten,
    afwezig=("voortgang",),
)
