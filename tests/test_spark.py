"""The pipeline on Spark (local mode, two worker slots) gives exactly what it gives in-process.

Stages are pure functions of a document and loaded resources; this is where that claim is checked:
the same texts through ``vestnik.spark.annotate`` and through ``vestnik.extract`` must produce identical
contract JSON. Also: bad rows keep a row with their error, events come out as GDELT-style rows, and
``vestnik spark`` writes Parquet that pyarrow reads.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SEED, SHARED, planted_reprints

import vestnik

pyspark = pytest.importorskip("pyspark", reason="the spark extra is part of the dev install")
RYANAIR = sorted((SHARED / "eval" / "ner-bg" / "raw" / "ryanair").glob("*.txt"))[:12]


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    os.environ["PYSPARK_PYTHON"] = sys.executable  # the workers must run this venv's Python
    os.environ["SPARK_LOCAL_IP"] = "127.0.0.1"  # loopback only
    session = (SparkSession.builder.master("local[2]").appName("vestnik-tests")
               .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
               .config("spark.sql.shuffle.partitions", "2").getOrCreate())
    yield session
    session.stop()


def _rows() -> list[dict[str, str | None]]:
    rows = [{"id": "seed", "text": SEED.read_text(encoding="utf-8"), "date": "2024-12-18"}]
    rows += [{"id": p.stem, "text": p.read_text(encoding="utf-8"), "date": None} for p in RYANAIR]
    rows += [{"id": "empty", "text": "   ", "date": None}, {"id": "none", "text": None, "date": None}]
    return rows


def test_spark_output_equals_the_in_process_pipeline(spark) -> None:  # type: ignore[no-untyped-def]
    from vestnik.spark import annotate, events

    rows = _rows()
    df = spark.createDataFrame(rows, "id string, text string, date string").repartition(3)
    docs = {r["id"]: r for r in annotate(df, text="text", id="id", published="date").collect()}
    assert set(docs) == {r["id"] for r in rows}  # every input keeps a row, failures included
    assert docs["empty"]["error"] and docs["none"]["error"] and docs["none"]["contract"] is None
    for r in rows[:-2]:
        want = vestnik.extract(r["text"], published=r["date"], id=r["id"]).to_dict()
        got = json.loads(docs[r["id"]]["contract"])
        assert got == json.loads(json.dumps(want, ensure_ascii=False)), r["id"]
        assert docs[r["id"]]["error"] is None and docs[r["id"]]["language"] == "bg"
    assert docs["seed"]["headline"].startswith("Путин: Русия и Северна Корея")

    ev = events(annotate(df.where("id = 'seed'"), text="text", id="id", published="date")).collect()
    pairs = {(e["EventCode"], e["Actor1CountryCode"], e["Actor2CountryCode"]) for e in ev}
    assert ("036", "USA", "IRN") in pairs and any(c == "RUS" and t == "PRK" for _, c, t in pairs)
    assert all(e["vestnik_doc"] == "seed" and e["trigger"] and e["sentence"] for e in ev)
    assert all(isinstance(e["GoldsteinScale"], float) for e in ev if e["GoldsteinScale"] is not None)


def test_spark_duplicates_are_the_in_process_index_pairs(spark) -> None:  # type: ignore[no-untyped-def]
    """On Spark the corpus is cut into shards (here three of at most 40 documents), each shard's index built by
    one task and every document looked up in every shard: the pairs must be those the in-process index finds,
    each once, earlier document first, with the same kinds; planted reprints found, another release of a
    recurring report not."""
    from vestnik.pipeline import make_pipeline
    from vestnik.spark import annotate, duplicates
    from vestnik.stories.features import story_doc
    from vestnik.stories.index import RECURRING, DedupIndex

    rows = planted_reprints()
    df = spark.createDataFrame(rows, "id string, text string").repartition(4)
    got = [(r["a"], r["b"], r["kind"]) for r in duplicates(annotate(df, only=["segment"]), shard_docs=40).collect()]
    pipe = make_pipeline(only=["segment"])
    sds = sorted((story_doc(pipe(vestnik.Document(text=r["text"], id=r["id"]))) for r in rows), key=lambda d: d.id)
    index = [(m.other, sd.id, m.kind) for sd, ms in zip(sds, DedupIndex().add_many(sds), strict=True)
             for m in ms if m.kind != RECURRING]
    assert sorted(got) == sorted(index) and len(got) >= 70
    assert ("disguised", "ryan-BG.txt_file_1071", "exact") in got  # (undated: the earlier id first)
    assert ("ryan-BG.txt_file_1069", "teaser", "contains") in got
    assert not any({a, b} == {"release", "ryan-BG.txt_file_1065"} for a, b, _ in got)


def test_cli_writes_parquet_documents_and_events(tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    src = tmp_path / "news.jsonl"
    with src.open("w", encoding="utf-8") as f:
        for r in _rows()[:3]:
            f.write(json.dumps({"id": r["id"], "body": r["text"], "published": r["date"]}, ensure_ascii=False) + "\n")
        f.write(json.dumps({"id": "reprint", "body": _rows()[0]["text"], "published": "2024-12-19"}, ensure_ascii=False)
                + "\n")
        f.write('{"id": "broken", "body": ""}\n')
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1]), "SPARK_LOCAL_IP": "127.0.0.1"}
    r = subprocess.run([sys.executable, "-m", "vestnik.cli.main", "spark", str(src), "-o", str(out), "--master",
                        "local[1]", "--text-field", "body"], capture_output=True, text=True, env=env, timeout=600)
    assert r.returncode == 3, r.stderr[-3000:]  # one input failed, the others went through
    summary = json.loads(r.stderr.strip().splitlines()[-1])
    assert summary["documents"] == 4 and summary["failed"] == 1 and summary["events"] >= 8
    docs = pq.read_table(out / "documents").to_pylist()
    assert {d["id"] for d in docs} == {"seed", *(p.stem for p in RYANAIR[:2]), "reprint", "broken"}
    pairs = pq.read_table(out / "duplicates").to_pylist()
    assert summary["duplicate_pairs"] == len(pairs) == 1
    assert pairs[0]["a"] == "seed" and pairs[0]["b"] == "reprint" and pairs[0]["kind"] == "exact"
    assert pq.read_table(out / "events").num_rows == summary["events"]
    again = subprocess.run([sys.executable, "-m", "vestnik.cli.main", "spark", str(src), "-o", str(out), "--master",
                            "local[1]", "--text-field", "body"], capture_output=True, text=True, env=env, timeout=600)
    assert again.returncode == 1 and "--overwrite" in again.stderr
    missing = subprocess.run([sys.executable, "-m", "vestnik.cli.main", "spark", str(tmp_path / "nope.jsonl"), "-o",
                              str(tmp_path / "o2"), "--master", "local[1]"], capture_output=True, text=True, env=env,
                             timeout=600)
    assert missing.returncode == 1 and "cannot read the input" in missing.stderr
    assert "Traceback" not in missing.stderr
