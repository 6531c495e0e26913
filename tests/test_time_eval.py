"""TempEval-3 platinum (the shared half): the time layer must reach the issue's targets."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from vestnik.time.extract import find_times
from vestnik.time.grammar import load_lexicon
from vestnik.time.stage import parse_published

EVAL = Path(__file__).resolve().parents[1].parent / "shared" / "eval"


def _score_module():
    spec = importlib.util.spec_from_file_location("vestnik_shared_score", EVAL / "score.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.mark.skipif(not (EVAL / "time-en").is_dir(), reason="needs ../shared/eval/time-en")
def test_tempeval3_public_half() -> None:
    score = _score_module()
    lex = load_lexicon("en")
    golds, preds = {}, {}
    for f in sorted((EVAL / "time-en").glob("*.tml")):
        text, dct, timex = score.parse_tml(f.read_text(encoding="utf-8"))
        golds[f.stem] = [score.norm_time(x) for x in timex]
        found = find_times(text, 0, len(text), lex, parse_published(dct))
        preds[f.stem] = [score.norm_time({"span": list(t.span), "type": t.type, "value": t.value}) for t in found]
    r = score.score_times(golds, preds)
    assert r["relaxed"]["gold"] == 84
    assert r["relaxed"]["f1"] >= 0.90
    assert r["value"]["f1"] >= 0.84
