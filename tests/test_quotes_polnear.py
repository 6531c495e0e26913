"""English attribution on PolNeAR (the shared half), scored with the shared scorer's own functions."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from vestnik.document import Document
from vestnik.pipeline import make_pipeline

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DATA = SHARED / "eval" / "quotes-en"


def _scorer():
    spec = importlib.util.spec_from_file_location("vestnik_shared_score", SHARED / "eval" / "score.py")
    mod = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(mod)
    return mod


@pytest.mark.skipif(not DATA.exists(), reason="shared PolNeAR data not present")
def test_polnear_content_and_speakers() -> None:
    score = _scorer()
    gold = score.polnear_gold(DATA)
    pipe = make_pipeline(only=["segment", "quotes"])
    preds = {}
    for name in gold:
        text = score.read_text(DATA / "text" / f"{name}.txt")
        doc = pipe(Document(text=text, id=name, language="en"))
        preds[name] = score.pred_quotes(doc.to_dict())
    r = score.score_quotes(gold, preds)
    # measured 0.783 F1 (P 0.804, R 0.764), speaker 0.861, cue 0.888 (before the broad cue lexicon: 0.69 F1):
    # floors that catch regressions
    assert r["content"]["p"] >= 0.79
    assert r["content"]["f1"] >= 0.765
    assert r["speaker_acc"] >= 0.84
    assert r["cue_acc"] >= 0.86
