"""CAMEO codes as data: PLOVER type, Goldstein score and QuadClass for every code."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

DATA = Path(__file__).with_name("data") / "cameo.tsv"
ROLES = Path(__file__).with_name("data") / "cameo_roles.tsv"


@dataclass(frozen=True)
class Code:
    code: str
    plover: str | None
    goldstein: float
    name: str
    #: the root (first two digits), and GDELT's QuadClass (1 verbal cooperation, 2 material cooperation, 3 verbal
    #: conflict, 4 material conflict): derived once per code when the table loads, read for every event coded
    root: int = field(init=False, compare=False, repr=False)
    quadclass: int = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        r = int(self.code[:2])
        object.__setattr__(self, "root", r)
        object.__setattr__(self, "quadclass", 1 if r <= 5 else 2 if r <= 8 else 3 if r <= 13 else 4)


@cache
def codes() -> dict[str, Code]:
    out: dict[str, Code] = {}
    lines = [ln for ln in DATA.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    for ln in lines[1:]:
        code, plover, gold, name = ln.split("\t")
        out[code] = Code(code, None if plover == "-" else plover, float(gold), name)
    return out


@cache
def roles() -> frozenset[str]:
    lines = [ln for ln in ROLES.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    return frozenset(ln.split("\t")[0] for ln in lines[1:])


@lru_cache(maxsize=4096)  # (a closed set of codes, the KB's and the packs' country and role codes: asked per actor)
def actor_code(code: str | None) -> str | None:
    """An event actor's code: the country (or IGO, NGO...) and its first role ("PSEREBHMS" -> "PSEREB", "IGOUNO" ->
    "IGO"); the organisation's own codes are the entity's, not the actor's (see data/cameo_roles.tsv)."""
    if not code or (len(code) <= 6 and code[3:] in roles()):
        return code
    known = roles()
    return code[:3] + next((code[i : i + 3] for i in range(3, len(code) - 2, 3) if code[i : i + 3] in known), "")


def lookup(code: str) -> Code:
    """The code's entry; 4-digit sub-codes fall back to their 3-digit parent."""
    table = codes()
    if code in table:
        return table[code]
    if code[:3] in table:
        return table[code[:3]]
    raise KeyError(f"unknown CAMEO code {code!r}")


# Cues of root 04-08 said with a future or intent marker become the matching "express intent" code.
INTENT = {"04": "036", "05": "032", "057": "030", "06": "031", "07": "033", "08": "035"}


def as_intent(code: str) -> str:
    return INTENT.get(code[:3]) or INTENT.get(code[:2]) or code


# Conflict cues said with an intent marker ("they would boycott", "vowed to fight") are threats (CAMEO 13):
# protest -> 133, force posture -> 138, coerce -> 137, assault/fight/mass violence -> 138.
THREAT = {"14": "133", "15": "138", "16": "131", "17": "137", "18": "138", "19": "138", "20": "138"}


def as_threat(code: str) -> str:
    """The CAMEO 13x code for a conflict cue stated as an intent; other codes unchanged."""
    return THREAT.get(code[:2], code)
