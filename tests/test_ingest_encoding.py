"""Decoding pages from the wild: UTF-8, cp1251, KOI8-R (with and without a declared charset), bad bytes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from vestnik.document import Document
from vestnik.ingest.encoding import DecodeError, decode
from vestnik.ingest.readers import read_file

SAMPLES = Path(__file__).resolve().parents[1] / "vestnik" / "samples"

BG = ("Министрите на външните работи на Европейския съюз одобриха днес петнадесетия пакет санкции срещу Русия "
      "заради войната в Украйна, съобщи Кая Калас.")
RU = ("Пресс-секретарь президента России Дмитрий Песков заявил журналистам, что Москва по-прежнему открыта для "
      "переговоров по урегулированию.")


@pytest.mark.parametrize("text", [BG, RU])
@pytest.mark.parametrize("enc", ["cp1251", "koi8_r"])
def test_legacy_cyrillic_without_declaration(text: str, enc: str) -> None:
    got, name = decode(text.encode(enc))
    assert got == text
    assert name == {"cp1251": "cp1251", "koi8_r": "koi8-r"}[enc]


def test_cyrillic_in_markup_heavy_page() -> None:
    """Scripts and markup around a short Cyrillic text do not hide it."""
    page = "<html><head><script>" + "var trackingValue = 'abcdef';" * 400 + "</script></head><body><p>" + RU
    page += "</p></body></html>"
    got, name = decode(page.encode("koi8_r"))
    assert got == page and name == "koi8-r"


def test_declared_charset_is_trusted_unless_clearly_wrong() -> None:
    data = RU.encode("koi8_r")
    assert decode(data, "koi8-r") == (RU, "koi8-r")
    # A page that says windows-1251 but is KOI8-R: the Cyrillic reading decides.
    assert decode(data, "windows-1251") == (RU, "koi8-r")
    assert decode(BG.encode("cp1251"), "windows-1251") == (BG, "cp1251")


def test_utf8_bom_and_western_pages() -> None:
    assert decode(b"\xef\xbb\xbf" + BG.encode()) == (BG, "utf-8-sig")
    assert decode("Café déjà vu, naïve résumé".encode("cp1252")) == ("Café déjà vu, naïve résumé", "cp1252")
    with pytest.raises(DecodeError, match="binary"):  # a BOM does not make NUL bytes text
        decode(b"\xef\xbb\xbf\x00\x00\x00abc")


@pytest.mark.parametrize(
    "data",
    [bytes(range(256)) * 20, bytes([0x80, 0x81, 0x9F, 0xA0, 0xFF, 0xFE, 0x8D, 0x8F] * 300),
     bytes(b for b in os.urandom(30000) if b >= 0x80)],
    ids=["binary", "high-bytes", "random-high"],
)
def test_undecodable_bytes_raise_a_clear_error(data: bytes) -> None:
    with pytest.raises(DecodeError) as e:
        decode(data)
    assert "\n" not in str(e.value) and ("binary" in str(e.value) or "UTF-8" in str(e.value))


@pytest.mark.parametrize(
    ("name", "encoding"),
    [("bg-bta-eu-sanctions.html", "cp1251"), ("ru-tass-peskov-talks.html", "koi8-r"),
     ("ru-ria-ankara-meeting.html", "koi8-r"), ("en-reuters-putin-kim.html", "utf-8")],
)
def test_sample_pages_keep_their_encoding(name: str, encoding: str) -> None:
    (doc,) = list(read_file(SAMPLES / name))
    assert isinstance(doc, Document)
    assert doc.encoding == encoding and doc.html
    assert "Ð" not in doc.html and "�" not in doc.html  # no mojibake, no replacement characters


def test_ria_sample_has_no_declared_charset() -> None:
    raw = (SAMPLES / "ru-ria-ankara-meeting.html").read_bytes()
    assert b"charset" not in raw.lower()
    (doc,) = list(read_file(SAMPLES / "ru-ria-ankara-meeting.html"))
    assert isinstance(doc, Document) and "Лавров" in (doc.html or "")
