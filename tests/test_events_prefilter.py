"""The sentence pre-filter of the events coder never drops a cue: same matches with and without it, on real text."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import SHARED

from vestnik.events.coder import STOP, _matches
from vestnik.events.lexicon import load, words

SAMPLES = Path(__file__).resolve().parents[1] / "vestnik" / "samples"
SENT = re.compile(r"[^.!?\n]+[.!?]*")


def _sentences(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in SENT.finditer(text) if m.group().strip()]


def _check(lang: str, text: str) -> tuple[int, int]:
    """(sentences with a coding cue, sentences the filter let through) after checking that the filter loses none."""
    lex = load(lang)
    assert lex is not None
    cued = passed = 0
    for s0, s1 in _sentences(text):
        toks = words(text, s0, s1)
        full = _matches(lex, toks, text)
        feasible = lex.feasible(text[s0:s1].lower())
        passed += feasible is not None
        if feasible is not None:  # the quicker first test (one regex search) never rejects what feasible keeps
            assert lex.may_anchor(text[s0:s1].lower()), text[s0:s1]
        if full:
            cued += 1
            assert feasible is not None, text[s0:s1]
            assert _matches(lex, toks, text, feasible) == full, text[s0:s1]
        if feasible is not None:  # every pattern it names has each word step filled by a word of the sentence
            ws = {w for _, _, w in toks}
            for n in feasible:
                p = lex.patterns[n]
                assert p.cameo != STOP
                assert all(any(a.match(w) for a in st for w in ws) for st in p.steps if st is not None)
    return cued, passed


def test_prefilter_keeps_every_cue_on_the_seed_page() -> None:
    cued, passed = _check("bg", (SAMPLES / "bta-putin-north-korea.txt").read_text(encoding="utf-8"))
    assert cued >= 5 and passed >= cued


@pytest.mark.parametrize("lang,name", [("bg", "bg-tbilisi-protests.html"), ("ru", "ru-interfax-belgrade-protests.html"),
                                       ("en", "en-ap-iran-sanctions.html")])
def test_prefilter_keeps_every_cue_on_sample_pages(lang: str, name: str) -> None:
    raw = (SAMPLES / name).read_text(encoding="utf-8")
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", raw))
    cued, passed = _check(lang, text)
    assert cued >= 1 and passed >= cued


def test_prefilter_skips_most_sentences_of_bulgarian_news() -> None:
    path = SHARED / "eval" / "news-bg" / "hack-the-fake-news.jsonl"
    if not path.exists():
        pytest.skip("shared eval data not present")
    texts = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if len(rec.get("Content") or "") > 200:
                texts.append(rec["Content"])
            if len(texts) >= 40:
                break
    cued = passed = total = 0
    for text in texts:
        c, p = _check("bg", text)
        cued, passed, total = cued + c, passed + p, total + len(_sentences(text))
    assert cued > 0
    assert passed < total / 3  # the point of the filter: most sentences are never tokenised
