"""Decode bytes from the wild: UTF-8 first, then the Cyrillic legacy code pages news sites still use.

charset-normalizer guesses well on long text but confuses cp1251 and KOI8-R on
short pages; both decode almost any byte string, so we rank the Cyrillic
candidates by how much the result reads like Cyrillic prose: the share of its
Cyrillic letters that are common *lowercase* letters. (KOI8-R read as cp1251
turns lowercase into uppercase and back, so the wrong guess scores low.) The
score looks at Cyrillic letters only, so HTML markup and scripts do not dilute it.
A declared charset (``<meta charset>``, HTTP header) is trusted unless another
Cyrillic code page reads clearly better: sites do lie about it.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

CYRILLIC_CANDIDATES = ("cp1251", "koi8_r", "iso8859_5", "mac_cyrillic", "cp866")
# The most frequent lowercase letters of Bulgarian and Russian prose.
_COMMON = frozenset("оеаинтсрвлкдмпуяъбзгчйыь")
_CYRILLIC_NAMES = frozenset(codecs.lookup(e).name for e in CYRILLIC_CANDIDATES)
_MIN_SCORE = 0.5
_MIXED = re.compile(r"[A-Za-z][\u0400-\u04ff]|[\u0400-\u04ff][A-Za-z]")
_MARGIN = 0.1
# Counting with C-level bytes.translate / re.findall instead of a Python loop over every byte or letter
# (decoding a Cyrillic page took ~3-15 ms, up to the whole pipeline's budget; now well under 1 ms).
_CTRL = bytes(b for b in range(32) if b < 9 or b > 13)
_HIGH = bytes(range(0x80, 0x100))
_CYR_RUN = re.compile(r"[\u0400-\u04ff]+")
_COMMON_RE = re.compile(f"[{''.join(sorted(_COMMON))}]")


def _byte_classes(enc: str) -> tuple[bytes, bytes]:
    """The bytes a single-byte code page decodes to Cyrillic letters, and to common lowercase letters: counting
    them in the bytes gives the counts of the decoded text without looking at it."""
    cyr, common = bytearray(), bytearray()
    for b in range(0x80, 0x100):
        try:
            c = bytes([b]).decode(enc)
        except UnicodeDecodeError:
            continue
        if "\u0400" <= c <= "\u04ff":
            cyr.append(b)
        if c in _COMMON:
            common.append(b)
    return bytes(cyr), bytes(common)


_BYTE_CLASSES = {enc: _byte_classes(enc) for enc in CYRILLIC_CANDIDATES}


class DecodeError(ValueError):
    """The bytes are not text we can read (binary, or no encoding fits)."""


def canonical(enc: str) -> str:
    """One name per codec (``windows-1251`` → ``cp1251``, ``koi8_r`` → ``koi8-r``)."""
    try:
        return codecs.lookup(enc).name
    except LookupError:
        return enc.lower()


def cyrillic_score(text: str) -> tuple[float, int]:
    """(share of Cyrillic letters that are common lowercase letters, number of Cyrillic letters)."""
    n = sum(map(len, _CYR_RUN.findall(text)))
    return (len(_COMMON_RE.findall(text)) / n if n else 0.0), n


def looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return False
    if b"\x00" in head:
        return True
    ctrl = len(head) - len(head.translate(None, _CTRL))
    return ctrl > max(8, len(head) // 50)


def _best_cyrillic(data: bytes) -> tuple[float, str, str] | None:
    """(score, text, encoding) of the Cyrillic code page under which the bytes read best.

    The score is the share of non-ASCII bytes that decode to common lowercase letters,
    so a code page that maps capitals to symbols (mac-cyrillic for cp1251 text) does
    not win by having fewer letters; ties go to the more common code page (listed first).
    """
    best: tuple[float, str, str] | None = None
    sample = data[:65536]
    high = len(sample) - len(sample.translate(None, _HIGH))
    if not high:
        return None
    for enc in CYRILLIC_CANDIDATES:
        try:
            text = sample.decode(enc)
        except UnicodeDecodeError:
            continue
        cyr, common = _BYTE_CLASSES[enc]  # single-byte pages: one byte, one letter
        n = len(sample) - len(sample.translate(None, cyr))
        if n < max(3, high // 2):  # most high bytes must be letters in this code page
            continue
        if len(_MIXED.findall(text)) > n // 4:  # Cyrillic letters inside Latin words: Western text, wrong page
            continue
        score = (len(sample) - len(sample.translate(None, common))) / high
        if best is None or score > best[0]:
            best = (score, enc, canonical(enc))
    if best is None:
        return None
    try:
        return best[0], data.decode(best[1]), best[2]
    except UnicodeDecodeError:
        return None


def decode(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Return ``(text, encoding)``. The BOM is stripped; newlines are kept as they are."""
    if data.startswith(codecs.BOM_UTF8):
        if looks_binary(data[3:]):  # (a BOM does not make NUL bytes text)
            raise DecodeError("binary content (NUL or control bytes) after a UTF-8 BOM; not a text or HTML page")
        try:
            return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
        except UnicodeDecodeError as e:
            raise DecodeError(f"starts with a UTF-8 BOM but is not UTF-8 (byte {e.start}); re-save it as UTF-8") from None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise DecodeError("starts with a UTF-16 BOM but does not decode as UTF-16; re-save it as UTF-8") from None
        return text.lstrip("\ufeff"), "utf-16"
    if looks_binary(data):
        raise DecodeError("binary content (NUL or control bytes); not a text or HTML page")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    declared_text: tuple[str, str] | None = None
    if declared and canonical(declared) not in ("utf-8", "ascii"):
        try:
            declared_text = data.decode(declared), canonical(declared)
        except (LookupError, UnicodeDecodeError):
            declared_text = None
    # Legacy Cyrillic code pages: pick the decoding that reads most like Cyrillic prose.
    best = _best_cyrillic(data)
    if declared_text is not None:
        if best is None or declared_text[1] == best[2]:
            return declared_text
        own, n = cyrillic_score(declared_text[0][:65536])
        if n == 0 or own >= best[0] - _MARGIN:
            return declared_text
        return best[1], best[2]
    if best is not None and best[0] >= _MIN_SCORE:
        return best[1], best[2]
    # Western pages saved as Windows-1252 (English/French names with accents): Latin letters where bytes are high.
    try:
        western = data.decode("cp1252")
        high = [c for c in western[:65536] if ord(c) >= 0x80]
        if high and sum(c.isalpha() and ord(c) < 0x250 for c in high) >= 0.7 * len(high):
            return western, "cp1252"
    except UnicodeDecodeError:
        pass
    match = from_bytes(data[:1_000_000]).best()
    if match is None or canonical(match.encoding) in _CYRILLIC_NAMES:
        # A Cyrillic guess here means none of the code pages read like prose: not text we can trust.
        raise DecodeError("undecodable bytes: not UTF-8, and no Cyrillic or other encoding reads as text; "
                          "convert the file to UTF-8")
    return data.decode(match.encoding, errors="replace"), canonical(match.encoding)
