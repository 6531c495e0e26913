"""The gazetteer's fast tokens agree with the plain ``\\w+`` tokenisation, and its output does not depend on the
process's hash seed (set iteration order once decided which spelling of a name won)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from vestnik.entities.gazetteer import Tokens
from vestnik.entities.morph import TOKEN_RE

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seed" / "bta-putin-north-korea.txt"


def old_tokens(text: str) -> tuple[list[tuple[int, int]], list[str]]:
    """The tokenisation the gazetteer used before Tokens (one Python step per token)."""
    spans = [m.span() for m in TOKEN_RE.finditer(text)]
    lowered = text.lower()
    low = TOKEN_RE.findall(lowered) if len(lowered) == len(text) else []
    if len(low) != len(spans):
        low = [lowered[s:e] if len(lowered) == len(text) else text[s:e].lower() for s, e in spans]
    return spans, low


def test_tokens_match_the_plain_tokenisation() -> None:
    texts = [
        "Президентът Румен Радев (БСП) каза: „Русия и САЩ“ — 12,5 млн. лв.",
        "İstanbul'da ÇAĞRI: Erdoğan met U.S. envoys in Ankara.",  # İ lower-cases to two characters
        "ΟΔΥΣΣΕΑΣ and Ἀθῆναι; naïve café — Ким Чен-ун, Владимир Путин.",
        "",
        "   ",
        "word",
    ]
    if SEED.exists():
        texts.append(SEED.read_text(encoding="utf-8"))
    for text in texts:
        tk = Tokens(text)
        spans, low = old_tokens(text)
        assert list(tk.spans) == spans
        assert tk.low == low
        assert len(tk) == len(spans) and (not spans or tk[len(spans) - 1] == spans[-1])
        for i, (_s, e) in enumerate(spans[:-1]):
            assert tk.gaps[i] == text[e : spans[i + 1][0]]


SCRIPT = """
import sys
from vestnik.entities.gazetteer import Gazetteer
from vestnik.entities.kb import KB
from vestnik.entities.linking import link
g = Gazetteer(KB.load())
text = sys.stdin.read()
ms, ents = link(text, g, [], "2024-12-18", "ru")
print([(m.span, m.type, m.form, m.base, m.entity) for m in ms])
"""


def test_output_does_not_depend_on_the_hash_seed() -> None:
    # The KB spells Bratislava "Братислав" and "Братислава": "Братиславе" reaches both, and set order used to pick
    # the base form (it differed between runs of the same input).
    text = "Переговоры прошли в Братиславе, затем делегация вернулась в Братиславу. Путин и Си Цзиньпин встретились."
    outs = []
    for seed in ("1", "2", "5", "6"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)}
        r = subprocess.run([sys.executable, "-c", SCRIPT], input=text, capture_output=True, text=True, env=env,
                           check=True, cwd=ROOT)
        outs.append(r.stdout)
    assert len(set(outs)) == 1 and "'Братислава', 'vk:bratislava'" in outs[0]
