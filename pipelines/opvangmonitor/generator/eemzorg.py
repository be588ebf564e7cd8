"""eemzorg (Regio Amersfoort): centrale opvang (24-uurs), nachtopvang, doorstroomwoningen
and woonzorgconcept, with screening and triage milestones and waiting lists for the
doorstroomwoningen and the woonzorgconcept."""

from __future__ import annotations

from datetime import date, timedelta
from functools import partial

from opvangmonitor.generator.aanbieder import Aanbieder, levensloop, schaal
from opvangmonitor.generator.kansen import Gewogen, gewogen_codes, kans, lognormaal_gemiddeld, poisson
from opvangmonitor.generator.reis import (
    MAX_WACHT_DAGEN, UITSTROOMPERSPECTIEF, ZELFSTANDIG, Context, Locatie, Plaatsing, aanmelding, afkappen, client_rij,
    corrigeer, eerste_datum, houd_bij, inzet, klachten, mijlpaal, mijlpaal_op_tijd, product, tevredenheid, traject,
    uitstroom, verleng_tot, wachtlijst, woningaanvraag, woonvorm,
)
from opvangmonitor.generator.tijd import HORIZON, dagen, uniforme_datum

ELDERS = ("GM0344", "GM0402", "GM0363", "GM0267")
PAD = Gewogen({"nacht": 38, "centraal": 47, "woonzorg": 6, "doorstroom": 9})
WINTER = (11, 12, 1, 2, 3)

REDEN_EINDE_OPVANG = gewogen_codes("reden_einde", {
    "Doelen bereikt": 30, "Doorverwezen": 20, "Uitval / uit beeld": 25, "Verhuisd buiten regio": 5,
    "Huisuitzetting of woning verloren": 3, "Overleden": 1, "Detentie of opname": 6, "Anders": 10,
})
REDEN_EINDE_WONEN = gewogen_codes("reden_einde", {
    "Doelen bereikt": 65, "Doorverwezen": 10, "Uitval / uit beeld": 6, "Verhuisd buiten regio": 5,
    "Huisuitzetting of woning verloren": 4, "Overleden": 2, "Detentie of opname": 3, "Anders": 5,
})
PERSPECTIEF_DOORSTROOM = gewogen_codes("uitstroomperspectief", {"Doorstroomwoning": 70, "Zelfstandig wonen": 30})
PERSPECTIEF_WOONZORG = gewogen_codes("uitstroomperspectief", {"Andere woonvorm": 50, "Beschermd wonen": 50})
WMO_WOONZORG = gewogen_codes("product", {"Begeleid wonen": 55, "Beschermd thuis": 30, "Beschermd wonen": 15})


def locaties(n: int) -> list[Locatie]:
    f = schaal(n, 600)
    return [
        Locatie("EZ-CO1", "De Eemhoeve, 24-uursopvang", "Centrale opvang", "GM0307", round(30 * f)),
        Locatie("EZ-NO1", "Nachtopvang Het Baken", "Nachtopvang", "GM0307", round(20 * f),
                wijzigingen=((date(2024, 11, 1), round(22 * f)),)),
        Locatie("EZ-DW1", "Doorstroomwoningen Eemland, Amersfoort", "Doorstroomwoning", "GM0307", round(28 * f)),
        Locatie("EZ-DW2", "Doorstroomwoningen Soest", "Doorstroomwoning", "GM0342", round(8 * f),
                geldig_van=date(2023, 9, 1)),
        Locatie("EZ-WZ1", "Woonzorgconcept De Kamers; Leusden", "Woonzorgconcept", "GM0327", round(36 * f)),
    ]


def _screening(ctx: Context, cid: str, tid: str, aanmelddatum: date, eind: date | None) -> list:
    """Screening on the day of the aanmelding or the day after, mostly."""
    rng = ctx.rng
    r = rng.random()
    if r < 0.05:
        return []
    wacht = 0 if r < 0.62 else 1 if r < 0.88 else rng.randint(2, 5)
    return mijlpaal(cid, tid, "screening", aanmelddatum + dagen(wacht))


def _opvangverblijven(ctx: Context, cid: str, tid: str, soort: str, start: date, n: int, gemiddeld: float,
                      minimaal: date | None, rijen: list) -> tuple[date, date] | None:
    """n stays of one kind (a few nights in nachtopvang, then away, then back), each from
    the first day a place is free (a stay that finds none within the waiting time does not
    happen: the client comes back later); the last one lasts at least until `minimaal`.
    Returns (start of the first stay, end of the last), None when no stay found a place."""
    rng = ctx.rng
    eerste = eind = voorkeur = None
    for i in range(n):
        laatste = i + 1 == n
        gewenst_eind = start + dagen(min(lognormaal_gemiddeld(rng, gemiddeld, 0.8), 150))
        if laatste:
            gewenst_eind = verleng_tot(gewenst_eind, minimaal)
        plek = ctx.plaats(soort, start, gewenst_eind - start, voorkeur)
        if plek is not None:
            houd_bij(rijen, woonvorm(ctx, cid, tid, soort, plek.locatie, plek.start, afkappen(plek.eind)))
            if soort == "Nachtopvang":
                houd_bij(rijen, product(ctx, cid, tid, "Nachtopvang", plek.start, afkappen(plek.eind)))
            eerste, eind, voorkeur, start = eerste or plek.start, plek.eind, plek.locatie.locatie_id, plek.eind
        if not laatste:
            start += dagen(rng.uniform(3, 40))
            if start > HORIZON:
                break
    return (eerste, eind) if eerste else None


def _wacht_in_opvang(ctx: Context, verblijf: list, tot: date) -> None:
    """Waiting in the 24-hour shelter until a place elsewhere is free on `tot`: its stay is
    extended up to that day, or as far as the shelter has a free place (then the client
    waits elsewhere for the rest)."""
    for r in verblijf:
        w = r.waarden
        einde = w.get("einddatum")
        if r.bestand == "woonvormen" and w["woonvorm"] == "Centrale opvang" and einde is not None and einde < tot:
            van = einde + timedelta(days=1)
            verlengd = ctx.bezetting.vrij_tot(w["locatie_id"], van, tot)
            if verlengd is not None:
                ctx.bezetting.boek(w["locatie_id"], van, verlengd)
                w["einddatum"] = afkappen(verlengd)


def _plaats_wonen(ctx: Context, soort: str, gewenst: date, minimaal: date | None) -> Plaatsing | None:
    """A place in a Doorstroomwoning or the Woonzorgconcept from `gewenst` on, or later
    when none is free then (None: none within the waiting time)."""
    gemiddeld = 330 if soort == "Doorstroomwoning" else 900
    eind = verleng_tot(gewenst + dagen(lognormaal_gemiddeld(ctx.rng, gemiddeld, 0.5)), minimaal)
    return ctx.plaats(soort, gewenst, eind - gewenst)


def _wonen(ctx: Context, cid: str, tid: str, plek: Plaatsing, rijen: list) -> date:
    """A stay in a Doorstroomwoning or the Woonzorgconcept with its products and hours.
    Returns its end."""
    rng = ctx.rng
    soort, start, eind = plek.locatie.soort, plek.start, plek.eind
    e = afkappen(eind)
    houd_bij(rijen, woonvorm(ctx, cid, tid, soort, plek.locatie, start, e), product(ctx, cid, tid, soort, start, e))
    wmo = "Begeleiding" if soort == "Doorstroomwoning" else WMO_WOONZORG.trek(rng)
    houd_bij(rijen, product(ctx, cid, tid, wmo, start, e), inzet(ctx, cid, tid, wmo, start, e, 8.0))
    if soort == "Doorstroomwoning":
        duur = (eind - start).days
        if kans(rng, 0.3) and duur > 90 and e is not None:
            houd_bij(rijen, product(ctx, cid, tid, "Vinger aan de pols", eind - dagen(60), e))
        aanvraag = start + dagen(duur * rng.uniform(0.15, 0.6))
        houd_bij(rijen, woningaanvraag(ctx, cid, "urgentie" if kans(rng, 0.4) else "regulier", aanvraag, None))
    return eind


def _verhuizing(rijen: list, uit, eind: date | None) -> None:
    """Who leaves for a home of their own moved on the day the stay ended."""
    if uit.woonvorm in ZELFSTANDIG and eind is not None:
        for r in rijen:
            if r.bestand == "woningaanvragen":
                r.waarden["verhuisdatum"] = max(eind, r.waarden["aanvraagdatum"])


def _opvang(ctx: Context, cid: str, pad: str, datum: date, minimaal: date | None, rijen: list) -> date | None:
    """Nachtopvang or 24-hour shelter, from the 24-hour shelter possibly via the waiting
    list into a Doorstroomwoning or the Woonzorgconcept. Who finds no free place in the
    shelter is turned away: an aanmelding without a trajectory."""
    rng = ctx.rng
    a = aanmelding(ctx, cid, datum, met_intake=False)
    houd_bij(rijen, a.rij)
    start = datum + dagen(rng.choice((0, 0, 1, 2)))
    if start > HORIZON:
        return None
    vervolg = perspectief = None
    if pad == "nacht":
        doelgroep = "Nachtopvang"
    else:
        doelgroep = "Maatschappelijke opvang"
        r = rng.random()
        vervolg = "Doorstroomwoning" if r < 0.33 else "Woonzorgconcept" if r < 0.41 else None
        perspectief = {"Doorstroomwoning": PERSPECTIEF_DOORSTROOM, "Woonzorgconcept": PERSPECTIEF_WOONZORG}.get(vervolg)
    # rows of the stays come first; the trajectory row follows once its end is known
    tid, verblijf = ctx.id("traject"), []
    if pad == "nacht":
        verblijven = _opvangverblijven(ctx, cid, tid, "Nachtopvang", start, 1 + poisson(rng, 0.8), 20, minimaal,
                                       verblijf)
        if verblijven and kans(rng, 0.25) and verblijven[1] <= HORIZON:  # from the night shelter to 24-hour care
            centraal = _opvangverblijven(ctx, cid, tid, "Centrale opvang", verblijven[1], 1, 80, None, verblijf)
            if centraal:
                verblijven = (verblijven[0], centraal[1])
    else:
        verblijven = _opvangverblijven(ctx, cid, tid, "Centrale opvang", start, 1, 80, minimaal, verblijf)
    if verblijven is None:  # turned away: no place within the waiting time
        return start
    start, eind = verblijven
    if pad != "nacht" and kans(rng, 0.03):
        d = uniforme_datum(rng, start, min(eind, HORIZON))
        houd_bij(verblijf, product(ctx, cid, tid, "Time-out", d, afkappen(d + dagen(rng.uniform(3, 14)))))
    geplaatst = False
    if vervolg and eind <= HORIZON:
        op = start + dagen(rng.uniform(10, 40))
        gewenst = max(eind, op + dagen(lognormaal_gemiddeld(rng, 60 if vervolg == "Doorstroomwoning" else 120, 0.6)))
        plek = _plaats_wonen(ctx, vervolg, gewenst, None)
        if plek is None:  # no place within the waiting time: off the list; the shelter stay ends as it would
            af = gewenst + timedelta(days=MAX_WACHT_DAGEN[vervolg])
            houd_bij(verblijf, wachtlijst(ctx, cid, vervolg, op, af, geplaatst=False))
        else:
            _wacht_in_opvang(ctx, verblijf, plek.start)
            houd_bij(verblijf, wachtlijst(ctx, cid, vervolg, op, plek.start, geplaatst=True))
            eind = _wonen(ctx, cid, tid, plek, verblijf) if plek.start <= HORIZON else plek.start
            geplaatst = True
    e = afkappen(eind)
    uit = uitstroom(ctx, REDEN_EINDE_WONEN if geplaatst else REDEN_EINDE_OPVANG, "GM0307", ELDERS)
    _verhuizing(verblijf, uit, e)
    _, t = traject(ctx, cid, a, doelgroep, start, e, uit, "GM0307", perspectief=perspectief or UITSTROOMPERSPECTIEF,
                   tid=tid)
    houd_bij(rijen, t, verblijf, _screening(ctx, cid, tid, datum, e),
             mijlpaal_op_tijd(ctx, cid, tid, "triage", start, e, 0.8, (1, 14), (15, 30), ontbreekt_kans=0.05),
             klachten(ctx, cid, start, e), tevredenheid(ctx, cid, start, e, respons=0.35, eerste_na=60, interval=180))
    return e


def _direct_wonen(ctx: Context, cid: str, soort: str, datum: date, minimaal: date | None, rijen: list) -> date | None:
    """From elsewhere (own home under threat, a clinic) via the waiting list straight into a
    Doorstroomwoning or the Woonzorgconcept (later when no place is free by then)."""
    rng = ctx.rng
    a = aanmelding(ctx, cid, datum, met_intake=False)
    houd_bij(rijen, a.rij)
    gewenst = datum + dagen(lognormaal_gemiddeld(rng, 60 if soort == "Doorstroomwoning" else 150, 0.6))
    if kans(rng, 0.15):
        houd_bij(rijen, wachtlijst(ctx, cid, soort, datum, gewenst, geplaatst=False))
        return gewenst
    plek = _plaats_wonen(ctx, soort, gewenst, minimaal)
    if plek is None:  # no place within the waiting time: taken off the list
        af = gewenst + timedelta(days=MAX_WACHT_DAGEN[soort])
        houd_bij(rijen, wachtlijst(ctx, cid, soort, datum, af, geplaatst=False))
        return af
    houd_bij(rijen, wachtlijst(ctx, cid, soort, datum, plek.start, geplaatst=True))
    if plek.start > HORIZON:
        return None
    tid, verblijf = ctx.id("traject"), []
    eind = _wonen(ctx, cid, tid, plek, verblijf)
    e = afkappen(eind)
    loc, plaatsing = plek.locatie, plek.start
    uit = uitstroom(ctx, REDEN_EINDE_WONEN, loc.gemeente, ELDERS)
    _verhuizing(verblijf, uit, e)
    perspectief = PERSPECTIEF_DOORSTROOM if soort == "Doorstroomwoning" else PERSPECTIEF_WOONZORG
    _, t = traject(ctx, cid, a, soort, plaatsing, e, uit, loc.gemeente, perspectief=perspectief, tid=tid)
    houd_bij(rijen, t, verblijf, _screening(ctx, cid, tid, datum, e), klachten(ctx, cid, plaatsing, e),
             tevredenheid(ctx, cid, plaatsing, e, respons=0.35))
    return e


def clienten(ctx: Context, n: int):
    rng = ctx.rng
    for _ in range(n):
        cid = ctx.id("client")
        pad = PAD.trek(rng)
        eerste, minimaal = eerste_datum(rng, pre_van=date(2022, 10, 1), uitloop=60, van=ctx.eerste_aanmelding)
        if pad == "nacht" and eerste.month not in WINTER and kans(rng, 0.5):
            # the night shelter is busier in winter
            eerste, minimaal = eerste_datum(rng, pre_van=date(2022, 10, 1), uitloop=60, van=ctx.eerste_aanmelding)
        persoon = ctx.persoon(eerste)
        rijen: list = []
        reizen = {
            "nacht": partial(_opvang, ctx, cid, "nacht"), "centraal": partial(_opvang, ctx, cid, "centraal"),
            "woonzorg": partial(_direct_wonen, ctx, cid, "Woonzorgconcept"),
            "doorstroom": partial(_direct_wonen, ctx, cid, "Doorstroomwoning"),
        }
        levensloop(ctx, eerste, pad, reizen, {"nacht": 0.3, "centraal": 0.15, "doorstroom": 0.05},
                   lambda r: "nacht" if r.random() < 0.5 else "centraal", rijen, minimaal)
        rijen = corrigeer(ctx, rijen)
        yield [client_rij(ctx, cid, persoon, eerste, rijen), *rijen]


EEMZORG = Aanbieder(
    code="eemzorg",
    naam="Eemzorg Maatschappelijke Opvang",
    regio="amersfoort",
    aandeel=0.3,
    minimum=30,
    id_formaten={"client": "7{n:05d}", "aanmelding": "A{n:06d}", "traject": "300{n:05d}",
                 "meting": "M{n:06d}", "product": "EZP{n:06d}", "melding": "EZ-{n:04d}"},
    herkomst={"GM0307": 60, "GM0342": 10, "GM0327": 6, "GM0308": 5, "GM0313": 4, "GM0351": 3, "GM0344": 5,
              "GM0402": 3, "GM0363": 2, "GM0267": 2},
    locaties=locaties,
    kosten={},
    kosten_basis=600,
    clienten=clienten,
    afwezig=("voortgang",),
)
