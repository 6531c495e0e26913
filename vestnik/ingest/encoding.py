"""Decode bytes from the wild: UTF-8 first, then the Cyrillic legacy code pages news sites still use.

charset-normalizer guesses well on long text but confuses cp1251 and KOI8-R on
short pages; both decode any byte string, so we re-rank the Cyrillic candidates
by how much the result looks like Cyrillic prose (share of common letters).
"""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

CYRILLIC_CANDIDATES = ("cp1251", "koi8_r", "iso8859_5", "mac_cyrillic", "cp866")
# The most frequent lowercase letters of Bulgarian and Russian prose.
_COMMON = set("оеаинтсрвлкдмпуяъбзгчйыь")


class DecodeError(ValueError):
    """The bytes are not text we can read (binary, or no encoding fits)."""


def _cyrillic_score(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    return sum(c in _COMMON for c in letters) / len(letters)


def looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return False
    if b"\x00" in head:
        return True
    ctrl = sum(b < 9 or 13 < b < 32 for b in head)
    return ctrl > max(8, len(head) // 50)


def decode(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Return ``(text, encoding)``. The BOM is stripped; newlines are kept as they are."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = data.decode("utf-16")
        return text.lstrip("\ufeff"), "utf-16"
    if looks_binary(data):
        raise DecodeError("binary content (NUL or control bytes); not a text or HTML page")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return data.decode(declared), codecs.lookup(declared).name
        except (LookupError, UnicodeDecodeError):
            pass
    # Legacy Cyrillic code pages: pick the decoding that reads most like Cyrillic prose.
    best: tuple[float, str, str] | None = None
    for enc in CYRILLIC_CANDIDATES:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        cyr = sum("\u0400" <= c <= "\u04ff" for c in text)
        if cyr < max(3, len(text) // 20):
            continue
        score = _cyrillic_score(text)
        if best is None or score > best[0]:
            best = (score, text, enc)
    if best is not None and best[0] > 0.55:
        return best[1], best[2]
    match = from_bytes(data).best()
    if match is None:
        raise DecodeError("undecodable bytes: no text encoding fits; convert the file to UTF-8")
    return str(match), match.encoding
