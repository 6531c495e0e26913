"""Duplicates as an engine finds them (vestnik/stories/distributed.py): the corpus cut into shards, each shard's
index built by one task and every document looked up in every shard. Here the engine's moves are made in
Python (tests/test_spark.py makes them on Spark): whatever the number of shards, the pairs must be the ones the
in-process index finds when the documents arrive in the corpus's order, with the same kinds."""

from __future__ import annotations

import json

import numpy as np
import pytest
from conftest import planted_reprints

from vestnik.document import Document
from vestnik.pipeline import make_pipeline
from vestnik.stories import distributed as D
from vestnik.stories.features import StoryDoc, story_doc
from vestnik.stories.index import RECURRING, DedupIndex


@pytest.fixture(scope="module")
def docs() -> list[StoryDoc]:
    pipe = make_pipeline(only=["segment"])
    sds = [story_doc(pipe(Document(text=r["text"], id=r["id"]))) for r in planted_reprints()]
    return sorted(sds, key=lambda d: (d.published or "", d.id))


def engine(feats: list[D.Features], shards: int) -> dict[tuple[str, str], str]:
    """What the engine does (vestnik.spark.duplicates): per shard, every document in order, looked up and, if
    it is the shard's, stored."""
    out = {}
    for s in range(shards):
        rows = sorted([((f.order, 1), f) for f in feats if D.shard_of(f.order[1], shards) == s]
                      + [((f.order, 0), f) for f in feats], key=lambda x: x[0])
        for a, b, kind, *_ in D.shard_pairs((k[1] == 1, f) for k, f in rows):
            assert (a, b) not in out  # each pair once, from one shard
            out[(a, b)] = kind
    return out


def test_shards_find_the_pairs_of_one_index(docs: list[StoryDoc]) -> None:
    index = {(m.other, sd.id): m.kind for sd, ms in zip(docs, DedupIndex().add_many(docs), strict=True)
             for m in ms if m.kind != RECURRING}
    feats = list(D.features_of(docs))
    for shards in (1, 3, 7):
        assert engine(feats, shards) == index
    assert len(index) >= 70
    pairs = {frozenset(k): v for k, v in index.items()}
    assert pairs[frozenset(("copy", "ryan-BG.txt_file_1029"))] == "exact"
    assert pairs[frozenset(("disguised", "ryan-BG.txt_file_1071"))] == "exact"  # look-alike Latin letters
    assert pairs[frozenset(("teaser", "ryan-BG.txt_file_1069"))] == "contains"  # by its cut lead
    release = ("release", "ryan-BG.txt_file_1065")
    assert frozenset(release) not in pairs  # same words, other figures: another release, not a duplicate
    a, b = (f.prepared for f in feats if f.order[1] in release)
    probe = DedupIndex()
    probe.insert("x", False, a)
    assert probe.query(b, False)[0].kind == RECURRING
    assert probe.query(b._replace(figs=a.figs), False)[0].kind == "near-duplicate"  # with the same figures


def test_an_engine_reads_the_same_features_from_contract_json(docs: list[StoryDoc]) -> None:
    pipe = make_pipeline(only=["segment"])
    rows = planted_reprints()[:3]
    contracts = [(r["id"], json.dumps(pipe(Document(text=r["text"], id=r["id"])).to_dict())) for r in rows]
    got = list(D.feature_rows([*contracts, ("failed", None)], batch=2))  # a failed document has no contract
    want = {f.order[1]: f for f in D.features_of([d for d in docs if d.id in {r["id"] for r in rows}])}
    assert [f.order[1] for f in got] == [r["id"] for r in rows]
    (anonymous,) = D.feature_rows([(None, json.dumps(pipe(Document(text=rows[0]["text"])).to_dict()))])
    assert anonymous.order[1] == Document(text=rows[0]["text"]).content_id  # no id: named by its content
    for f in got:
        w = want[f.order[1]]
        assert f.order == w.order and f.truncated == w.truncated
        for x, y in zip(f.prepared, w.prepared, strict=True):
            assert np.array_equal(x, y) if isinstance(x, np.ndarray) else x == y
