import pytest

from opvangmonitor.pseudoniem import (
    GeenSleutel, bsn_pseudoniem, client_pseudoniem, elfproef, sleutel,
)


@pytest.mark.parametrize(
    "bsn, geldig",
    [
        ("111222333", True),   # 9*1+8*1+7*1+6*2+5*2+4*2+3*3+2*3-1*3 = 66 = 6*11
        ("123456782", True),   # 9+16+21+24+25+24+21+16-2 = 154 = 14*11
        ("123456789", False),  # 161, not divisible by 11
        ("12345678", False),   # 8 digits -> 012345678: 0+8+14+18+20+20+18+14-8 = 104
        ("11122233", False),
        ("000000000", False),
        ("1112223334", False),
        ("11122233X", False),
        (" 111.222.333 ", True),
    ],
)
def test_elfproef(bsn, geldig):
    assert elfproef(bsn) is geldig


def test_pseudoniemen_zijn_gesleuteld_en_gescheiden():
    a = client_pseudoniem(b"k1", "binnenvest", "C1")
    assert a == client_pseudoniem(b"k1", "binnenvest", " C1 ")
    assert a != client_pseudoniem(b"k2", "binnenvest", "C1")
    assert a != client_pseudoniem(b"k1", "eemzorg", "C1")
    assert len(a) == 64 and "C1" not in a
    assert bsn_pseudoniem(b"k1", "111222333") == bsn_pseudoniem(b"k1", "111.222.333")


def test_sleutelbestand_wordt_eenmalig_aangemaakt(tmp_path, monkeypatch):
    monkeypatch.delenv("OPVANGMONITOR_SLEUTEL")
    pad = tmp_path / "sub" / "sleutel"
    monkeypatch.setenv("OPVANGMONITOR_SLEUTELBESTAND", str(pad))
    with pytest.raises(GeenSleutel):
        sleutel()
    s = sleutel(maak_aan=True)
    assert pad.exists() and oct(pad.stat().st_mode & 0o777) == "0o600"
    assert sleutel() == s and len(s) == 64
