"""The indicator definitions for users: the YAML files in data/definities/ (format in
data/definities/README.md), read and checked at run time, grouped per family, searchable.

These files are documentation, not warehouse data, so the page Definities reads them
directly and works without a published warehouse. A file that breaks the format is left
out as a whole; `Definities.fouten` names its file, line, entry and field (Dutch).
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

ENV_DEFINITIES = "OPVANGMONITOR_DEFINITIES"
ALGEMEEN = "algemeen.yml"

TEKSTVELDEN = ("code", "naam", "bijlage_tekst", "definitie", "eenheid")
LIJSTVELDEN = ("keuzes", "varianten", "dimensies")
VELDEN = ("code", "naam", "bijlage_tekst", "definitie", "keuzes", "eenheid", "varianten", "dimensies")
BEGRIP_VELDEN = ("onderwerp", "tekst", "keuzes")
EENHEDEN = ("percentage", "aantal", "dagen", "uren", "euro", "score")
# A.1.1.a, D.1.3, BZ.2, HF.10: family letters, numbers, optionally a letter at the end.
CODE_PATROON = re.compile(r"^[A-Z]{1,2}(\.[0-9]+)+(\.[a-z])?$")
# Families whose indicators come from Bijlage IV of the Rijnstreek subsidy (indicatoren.md §1);
# the others come from other contracts (Valleiregio, Amersfoort) or from every region (BZ).
BIJLAGE_IV_FAMILIES = frozenset({"A", "B", "C", "D", "E"})


@dataclass(frozen=True)
class Indicatordefinitie:
    code: str
    naam: str
    bijlage_tekst: str
    definitie: str
    keuzes: tuple[str, ...]
    eenheid: str
    varianten: tuple[str, ...]
    dimensies: tuple[str, ...]
    bestand: str = ""
    regel: int = 0

    @property
    def familie(self) -> str:
        return familie(self.code)

    def teksten(self) -> tuple[str, ...]:
        return (self.code, self.naam, self.bijlage_tekst, self.definitie, self.eenheid,
                *self.keuzes, *self.varianten, *self.dimensies)  # fmt: skip


@dataclass(frozen=True)
class Begrip:
    onderwerp: str
    tekst: str
    keuzes: tuple[str, ...]

    def teksten(self) -> tuple[str, ...]:
        return (self.onderwerp, self.tekst, *self.keuzes)


@dataclass(frozen=True)
class Definities:
    begrippen: tuple[Begrip, ...] = ()
    families: dict[str, str] = field(default_factory=dict)  # family code -> title, in page order
    indicatoren: tuple[Indicatordefinitie, ...] = ()
    fouten: tuple[str, ...] = ()

    def per_familie(self) -> list[tuple[str, str, list[Indicatordefinitie]]]:
        """(family, title, indicators by code) in the order of `families`; families that
        are not listed there follow alphabetically, titled by their code."""
        groepen: dict[str, list[Indicatordefinitie]] = {}
        for d in self.indicatoren:
            groepen.setdefault(d.familie, []).append(d)
        volgorde = [f for f in self.families if f in groepen] + sorted(set(groepen) - set(self.families))
        return [
            (f, self.families.get(f, f), sorted(groepen[f], key=lambda d: code_sleutel(d.code)))
            for f in volgorde
        ]


class OngeldigBestand(ValueError):
    """A definitions file that breaks the format; `meldingen` holds every problem."""

    def __init__(self, meldingen: list[str]):
        super().__init__("\n".join(meldingen))
        self.meldingen = meldingen


def familie(code: str) -> str:
    """'A.1.1.a' -> 'A', 'BZ.2' -> 'BZ' (as the macro indicator_rijen does)."""
    return code.split(".")[0]


def code_sleutel(code: str) -> tuple:
    """Natural order: C.1.2 before C.1.10, A.1.1 before A.1.1.a."""
    return tuple((0, int(deel), "") if deel.isdigit() else (1, 0, deel) for deel in code.split("."))


def brontekst_kop(familie_code: str) -> str:
    return "Tekst in Bijlage IV" if familie_code in BIJLAGE_IV_FAMILIES else "Tekst in het contract"


def definities_map() -> Path:
    """data/definities/ of the project, or the folder in OPVANGMONITOR_DEFINITIES."""
    pad = os.environ.get(ENV_DEFINITIES)
    if pad:
        return Path(pad)
    from opvangmonitor.paden import DATA_DIR

    return DATA_DIR / "definities"


def toon_pad(pad: Path) -> str:
    """The file as named in messages: relative to the project when inside it."""
    try:
        from opvangmonitor.paden import PROJECT_ROOT

        return str(pad.resolve().relative_to(PROJECT_ROOT))
    except (ImportError, ValueError):
        return str(pad)


def toon_map() -> str:
    """The definitions folder as shown to users."""
    return toon_pad(definities_map())


def _yaml(pad: Path, naam: str) -> tuple[object, yaml.Node | None]:
    """The document and its node tree (for line numbers)."""
    try:
        tekst = pad.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise OngeldigBestand([f"{naam}: niet te lezen: {e}"]) from e
    loader = yaml.SafeLoader(tekst)
    try:
        knoop = loader.get_single_node()
        return (loader.construct_document(knoop) if knoop is not None else None), knoop
    except yaml.YAMLError as e:
        plek = getattr(e, "problem_mark", None)
        regel = f", regel {plek.line + 1}" if plek is not None else ""
        uitleg = getattr(e, "problem", None) or str(e)
        raise OngeldigBestand([f"{naam}{regel}: geen geldige YAML: {uitleg}"]) from e
    finally:
        loader.dispose()


def _regel(knoop: yaml.Node | None) -> int:
    return knoop.start_mark.line + 1 if knoop is not None else 0


def _veldknopen(knoop: yaml.Node | None) -> dict[str, yaml.Node]:
    if not isinstance(knoop, yaml.MappingNode):
        return {}
    return {str(k.value): v for k, v in knoop.value}


def _is_tekst(x) -> bool:
    return isinstance(x, str) and x.strip() != ""


@dataclass(frozen=True)
class _Plek:
    """Where an entry is, for messages: 'd1.yml, regel 12, definitie 2 (D.1.2)'."""

    bestand: str
    regel: int
    entry: str  # 'definitie 2 (D.1.2)', 'begrip 3 (Persoon)'

    def __str__(self) -> str:
        return f"{self.bestand}, regel {self.regel}, {self.entry}"

    def op(self, knoop: yaml.Node | None) -> str:
        """The same entry, at the line of one of its fields when known."""
        return str(self if knoop is None else replace(self, regel=_regel(knoop)))


def _controleer_velden(
    ruw: dict, knoop, velden, tekstvelden, lijstvelden, plek: _Plek, meldingen: list[str]
) -> None:
    """Check one entry: exactly `velden`, non-empty text, lists of non-empty text; the
    problems are appended to `meldingen`."""
    knopen = _veldknopen(knoop)
    for veld in velden:
        if veld not in ruw:
            meldingen.append(f"{plek}: veld '{veld}' ontbreekt")
    for veld in ruw:
        if veld not in velden:
            meldingen.append(
                f"{plek.op(knopen.get(str(veld)))}: onbekend veld '{veld}' (toegestaan: {', '.join(velden)})"
            )
    for veld in tekstvelden:
        if veld in ruw and not _is_tekst(ruw[veld]):
            meldingen.append(f"{plek.op(knopen.get(veld))}: veld '{veld}' moet een niet-lege tekst zijn")
    for veld in lijstvelden:
        if veld not in ruw:
            continue
        waarde = ruw[veld]
        if not isinstance(waarde, list):
            fout = "moet een lijst zijn (gebruik [] voor geen)"
        elif not all(_is_tekst(x) for x in waarde):
            fout = "mag alleen niet-lege teksten bevatten"
        else:
            continue
        meldingen.append(f"{plek.op(knopen.get(veld))}: veld '{veld}' {fout}")


def lees_indicatorbestand(pad: Path) -> list[Indicatordefinitie]:
    """The entries of one indicator file; OngeldigBestand with every problem otherwise."""
    pad = Path(pad)
    naam = toon_pad(pad)
    ruw, knoop = _yaml(pad, naam)
    if not isinstance(ruw, list) or not ruw:
        raise OngeldigBestand([f"{naam}: verwacht een lijst van definities (elk beginnend met '- code:')"])
    meldingen: list[str] = []
    gezien: dict[str, int] = {}
    definities = []
    for nr, (item, itemknoop) in enumerate(zip(ruw, knoop.value), start=1):
        code = item.get("code") if isinstance(item, dict) else None
        label = f"definitie {nr}" + (f" ({code.strip()})" if _is_tekst(code) else "")
        plek = _Plek(naam, _regel(itemknoop), label)
        if not isinstance(item, dict):
            meldingen.append(f"{plek}: verwacht velden ({', '.join(VELDEN)})")
            continue
        aantal = len(meldingen)
        _controleer_velden(item, itemknoop, VELDEN, TEKSTVELDEN, LIJSTVELDEN, plek, meldingen)
        knopen = _veldknopen(itemknoop)
        if _is_tekst(code):
            if not CODE_PATROON.match(code.strip()):
                meldingen.append(
                    f"{plek.op(knopen.get('code'))}: veld 'code': '{code}' is geen indicatorcode "
                    "zoals A.1.1.a, D.1.3 of BZ.2"
                )
            elif code.strip() in gezien:
                meldingen.append(f"{plek}: code {code.strip()} staat al in definitie {gezien[code.strip()]}")
            else:
                gezien[code.strip()] = nr
        eenheid = item.get("eenheid")
        if _is_tekst(eenheid) and not any(re.search(rf"\b{e}\b", eenheid) for e in EENHEDEN):
            meldingen.append(
                f"{plek.op(knopen.get('eenheid'))}: veld 'eenheid': '{eenheid}' noemt geen van "
                f"{', '.join(EENHEDEN)}"
            )
        if len(meldingen) == aantal:
            definities.append(
                Indicatordefinitie(
                    code=code.strip(),
                    naam=item["naam"].strip(),
                    bijlage_tekst=item["bijlage_tekst"].strip(),
                    definitie=item["definitie"].strip(),
                    keuzes=tuple(k.strip() for k in item["keuzes"]),
                    eenheid=item["eenheid"].strip(),
                    varianten=tuple(v.strip() for v in item["varianten"]),
                    dimensies=tuple(d.strip() for d in item["dimensies"]),
                    bestand=naam,
                    regel=_regel(itemknoop),
                )
            )
    if meldingen:
        raise OngeldigBestand(meldingen)
    return definities


def lees_algemeen(pad: Path) -> tuple[tuple[Begrip, ...], dict[str, str]]:
    """The common ground (begrippen) and the family titles of algemeen.yml."""
    pad = Path(pad)
    naam = toon_pad(pad)
    ruw, knoop = _yaml(pad, naam)
    if not isinstance(ruw, dict):
        raise OngeldigBestand([f"{naam}: verwacht de velden 'families' en 'begrippen'"])
    knopen = _veldknopen(knoop)
    meldingen: list[str] = []
    for veld in ruw:
        if veld not in ("families", "begrippen"):
            regel = _regel(knopen.get(str(veld)))
            meldingen.append(f"{naam}, regel {regel}: onbekend veld '{veld}' (toegestaan: families, begrippen)")
    families = ruw.get("families")
    if not isinstance(families, dict) or not all(_is_tekst(k) and _is_tekst(v) for k, v in families.items()):
        meldingen.append(
            f"{naam}, regel {_regel(knopen.get('families', knoop))}: veld 'families' moet per familiecode "
            "een titel geven (A: Zelfredzaamheid …)"
        )
        families = {}
    begrippen_ruw = ruw.get("begrippen")
    begrippen = []
    if not isinstance(begrippen_ruw, list) or not begrippen_ruw:
        regel = _regel(knopen.get("begrippen", knoop))
        meldingen.append(f"{naam}, regel {regel}: veld 'begrippen' moet een niet-lege lijst zijn")
    else:
        for nr, (item, itemknoop) in enumerate(zip(begrippen_ruw, knopen["begrippen"].value), start=1):
            onderwerp = item.get("onderwerp") if isinstance(item, dict) else None
            label = f"begrip {nr}" + (f" ({onderwerp.strip()})" if _is_tekst(onderwerp) else "")
            plek = _Plek(naam, _regel(itemknoop), label)
            if not isinstance(item, dict):
                meldingen.append(f"{plek}: verwacht velden ({', '.join(BEGRIP_VELDEN)})")
                continue
            aantal = len(meldingen)
            _controleer_velden(item, itemknoop, BEGRIP_VELDEN, ("onderwerp", "tekst"), ("keuzes",), plek, meldingen)
            if len(meldingen) == aantal:
                keuzes = tuple(k.strip() for k in item["keuzes"])
                begrippen.append(Begrip(item["onderwerp"].strip(), item["tekst"].strip(), keuzes))
    if meldingen:
        raise OngeldigBestand(meldingen)
    return tuple(begrippen), {str(k).strip(): str(v).strip() for k, v in families.items()}


def lees(map_: Path | None = None) -> Definities:
    """Every definitions file in `map_` (default: definities_map()). Files with problems
    are left out and their problems listed in `fouten`; a code defined in two files is a
    problem of the later file (by name)."""
    map_ = Path(map_) if map_ is not None else definities_map()
    fouten: list[str] = []
    begrippen: tuple[Begrip, ...] = ()
    families: dict[str, str] = {}
    algemeen = map_ / ALGEMEEN
    if algemeen.exists():
        try:
            begrippen, families = lees_algemeen(algemeen)
        except OngeldigBestand as e:
            fouten.extend(e.meldingen)
    else:
        fouten.append(f"{toon_pad(algemeen)}: bestand ontbreekt (de algemene begrippen)")
    indicatoren: list[Indicatordefinitie] = []
    for pad in sorted(map_.glob("*.yml")):
        if pad.name == ALGEMEEN:
            continue
        try:
            nieuw = lees_indicatorbestand(pad)
        except OngeldigBestand as e:
            fouten.extend(e.meldingen)
            continue
        bekend = {d.code: d for d in indicatoren}
        dubbel = [
            f"{d.bestand}, regel {d.regel}, definitie {d.code}: code {d.code} staat ook in "
            f"{bekend[d.code].bestand}, regel {bekend[d.code].regel}"
            for d in nieuw
            if d.code in bekend
        ]
        if dubbel:
            fouten.extend(dubbel)
            continue
        indicatoren.extend(nieuw)
    return Definities(tuple(begrippen), families, tuple(indicatoren), tuple(fouten))


def _normaal(tekst: str) -> str:
    """Lower case without accents: 'Cliënten' -> 'clienten'."""
    ontleed = unicodedata.normalize("NFKD", tekst.casefold())
    return "".join(c for c in ontleed if not unicodedata.combining(c))


def is_codezoekterm(zoekterm: str, families: set[str]) -> bool:
    """'D.1', 'd.1.3', 'BZ' (a known family): search by code instead of text."""
    t = zoekterm.strip()
    if not t or " " in t:
        return False
    return "." in t and t[0].isalpha() or t.upper() in families


def zoek(definities: Definities, zoekterm: str | None) -> Definities:
    """The definitions that match `zoekterm` (empty: all). A code ('D.1.3', 'D.1', 'BZ')
    selects that indicator and the ones below it; otherwise every word of the term must
    occur (case and accents ignored) in the entry's texts, and begrippen are searched too."""
    t = (zoekterm or "").strip()
    if not t:
        return definities
    families = {d.familie for d in definities.indicatoren} | set(definities.families)
    if is_codezoekterm(t, families):
        c = t.upper().rstrip(".")
        return replace(
            definities,
            begrippen=(),
            indicatoren=tuple(
                d for d in definities.indicatoren if d.code.upper() == c or d.code.upper().startswith(c + ".")
            ),
        )
    woorden = _normaal(t).split()

    def past(teksten: tuple[str, ...]) -> bool:
        hooiberg = _normaal(" ".join(teksten))
        return all(w in hooiberg for w in woorden)

    return replace(
        definities,
        begrippen=tuple(b for b in definities.begrippen if past(b.teksten())),
        indicatoren=tuple(d for d in definities.indicatoren if past(d.teksten())),
    )
