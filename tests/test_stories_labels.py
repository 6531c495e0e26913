"""The labelled story set (eval/stories/): whole, well-formed, ours; and the clusterer measured against it.

The labels are ids and our own notes; the texts stay in ../shared (eval/stories/README.md). These tests keep the
files usable by scripts/eval_stories.py: a document missing or labelled twice would silently change every score.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import SHARED, eval_scorer

from vestnik.document import Document
from vestnik.pipeline import make_pipeline
from vestnik.stories.batch import cluster_story_docs
from vestnik.stories.features import story_doc

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "eval" / "stories"
NEWS = SHARED / "eval" / "news-bg" / "bsnlp-with-metadata"
RU = SHARED / "eval" / "ner-ru" / "raw"
TOPICS = ("asia_bibi", "brexit", "nord_stream", "ryanair")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")

pytestmark = pytest.mark.skipif(not NEWS.exists(), reason="shared eval data not present")


def rows(files: list[Path]) -> list[tuple[str, str, str]]:
    out = []
    for f in files:
        for line in f.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                cells = line.split("\t")
                assert len(cells) == 3, f"{f.name}: {line!r} has {len(cells)} columns, not id, label, note"
                out.append((cells[0], cells[1], cells[2]))
    return out


def labels(annotation: str, topic: str) -> dict[str, str]:
    return {d: s for d, s, _ in rows(sorted((LABELS / annotation).glob(f"{topic}*.tsv")))}


LABELLED = [(a.name, t) for a in sorted(LABELS.iterdir()) if a.is_dir() for t in TOPICS if any(a.glob(f"{t}*.tsv"))]


def test_both_annotations_label_every_topic() -> None:
    assert {(a, t) for a in ("broad", "strict") for t in TOPICS} <= set(LABELLED)


@pytest.mark.parametrize(("annotation", "topic"), LABELLED)
def test_each_annotation_labels_every_document_of_a_topic_once(annotation: str, topic: str) -> None:
    got = rows(sorted((LABELS / annotation).glob(f"{topic}*.tsv")))
    ids = [d for d, _, _ in got]
    assert len(ids) == len(set(ids)), f"labelled twice: {sorted({d for d in ids if ids.count(d) > 1})[:5]}"
    assert set(ids) == {f.stem for f in (NEWS / topic).glob("*.txt")}
    # notes are our own words, in English: no text of the data is copied into the repository
    assert all(note.strip() and not CYRILLIC.search(note) for _, _, note in got)
    stories = {s for _, s, _ in got}
    assert 1 < len(stories) < len(ids)  # neither one story nor all singletons


@pytest.mark.parametrize("topic", ["nord_stream", "ryanair"])
def test_cross_language_labels_place_every_russian_report_in_a_bulgarian_story_or_a_russian_group(topic: str) -> None:
    bg = set(labels("broad", topic).values())
    place = rows([LABELS / "broad" / "xling" / f"{topic}.ru2bg.tsv"])
    dates = rows([LABELS / "broad" / "xling" / f"{topic}.ru-dates.tsv"])
    reports = {f.stem for f in (RU / topic).glob("*.txt")}
    assert sorted(d for d, _, _ in place) == sorted(reports) == sorted(d for d, _, _ in dates)
    assert all(v.startswith("ru:") or v in bg for _, v, _ in place)
    assert any(v in bg for _, v, _ in place)  # some Russian reports tell a Bulgarian story's event
    assert all(v == "?" or re.fullmatch(r"\d{4}-\d{2}-\d{2}", v) for _, v, _ in dates)
    assert not any(CYRILLIC.search(note) for _, _, note in place + dates)


def test_the_strict_annotation_is_as_fine_as_the_hidden_sets_dense_topic() -> None:
    """The issue gives one fact about the hidden set: on its dense topic every article alone scores B³ F1 0.67.
    The strict annotation's dense topic (brexit) is that fine; the broad one is coarser (docs/stories-eval.md)."""
    score = eval_scorer()
    alone = {}
    for annotation in ("strict", "broad"):
        gold = labels(annotation, "brexit")
        alone[annotation] = score.bcubed(gold, {d: d for d in gold})["f1"]
    assert 0.64 <= alone["strict"] <= 0.70
    assert alone["broad"] < alone["strict"]


def test_stories_of_two_real_topics_score_well_above_each_article_alone(ryanair: list) -> None:
    """Clustering the ryanair and nord_stream reports (text only, as the hidden set comes) against the strict
    annotation. Measured with the headline and body only (no entities): B³ F1 0.881 and 0.874 when written;
    0.901 and 0.870 (P 0.908 / 0.933) since stop 29 counts only the first 300 body words."""
    score = eval_scorer()
    pipe = make_pipeline(only=["segment"])
    nord = [story_doc(pipe(Document(text=f.read_text(encoding="utf-8"), id=f.stem)))
            for f in sorted((SHARED / "eval" / "ner-bg" / "raw" / "nord_stream").glob("*.txt"))]
    for topic, docs in (("ryanair", ryanair), ("nord_stream", nord)):
        gold = {d: f"{topic}:{s}" for d, s in labels("strict", topic).items()}
        pred = {m: s.id for s in cluster_story_docs(docs) for m in s.members}
        got, alone = score.bcubed(gold, pred), score.bcubed(gold, {d: d for d in gold})
        assert got["f1"] >= 0.85 and got["p"] >= 0.9, (topic, got)
        assert got["f1"] - alone["f1"] >= 0.15, (topic, got, alone)
