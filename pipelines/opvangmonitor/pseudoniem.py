"""Keyed pseudonyms (HMAC-SHA256) for BSNs and provider client ids, and the elfproef.

The key never lives in the repository: it comes from OPVANGMONITOR_SLEUTEL (hex or
text), else from the key file named by OPVANGMONITOR_SLEUTELBESTAND (default
~/.config/opvangmonitor/sleutel), which `sleutel(maak_aan=True)` creates on first use.
"""

from __future__ import annotations

import hmac
import os
import secrets
from pathlib import Path

ENV_SLEUTEL = "OPVANGMONITOR_SLEUTEL"
ENV_SLEUTELBESTAND = "OPVANGMONITOR_SLEUTELBESTAND"


class GeenSleutel(RuntimeError):
    pass


def sleutelbestand() -> Path:
    return Path(
        os.environ.get(ENV_SLEUTELBESTAND, Path.home() / ".config" / "opvangmonitor" / "sleutel")
    ).expanduser()


def sleutel(maak_aan: bool = False) -> bytes:
    waarde = os.environ.get(ENV_SLEUTEL)
    if waarde:
        return waarde.encode("utf-8")
    pad = sleutelbestand()
    if pad.exists():
        return pad.read_text(encoding="ascii").strip().encode("ascii")
    if not maak_aan:
        raise GeenSleutel(
            f"Geen pseudonimiseringssleutel: zet {ENV_SLEUTEL} of maak het sleutelbestand {pad} "
            "(het wordt bij de eerste run aangemaakt)."
        )
    pad.parent.mkdir(parents=True, exist_ok=True)
    nieuw = secrets.token_hex(32)
    fd = os.open(pad, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as f:
        f.write(nieuw + "\n")
    return nieuw.encode("ascii")


def pseudoniem(sleutel_: bytes, soort: str, *delen: str) -> str:
    """HMAC-SHA256 over 'soort|deel|deel…', hex. soort separates BSN and client namespaces."""
    bericht = "|".join((soort, *delen)).encode("utf-8")
    return hmac.digest(sleutel_, bericht, "sha256").hex()


def client_pseudoniem(sleutel_: bytes, aanbieder_code: str, client_id: str) -> str:
    return pseudoniem(sleutel_, "client", aanbieder_code, client_id.strip())


def bsn_pseudoniem(sleutel_: bytes, bsn: str) -> str:
    return pseudoniem(sleutel_, "bsn", normaliseer_bsn(bsn))


def normaliseer_bsn(bsn: str) -> str:
    """Digits without spaces, dots or dashes; an 8-digit BSN gets its leading zero back
    (spreadsheets drop it). Anything else is returned as is and fails the elfproef."""
    kaal = bsn.strip().replace(" ", "").replace(".", "").replace("-", "")
    if not kaal.isdigit():
        return kaal
    return kaal.zfill(9) if len(kaal) == 8 else kaal


def elfproef(bsn: str) -> bool:
    """The BSN elfproef: 9 digits, sum(d_i * w_i) with weights 9..2 and -1 divisible by 11."""
    cijfers = normaliseer_bsn(bsn)
    if len(cijfers) != 9 or not cijfers.isdigit() or cijfers == "000000000":
        return False
    gewichten = (9, 8, 7, 6, 5, 4, 3, 2, -1)
    return sum(int(c) * g for c, g in zip(cijfers, gewichten)) % 11 == 0
