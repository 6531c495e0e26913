"""Event exports as an analyst uses them: GDELT rows, PLOVER records, JSON Lines and Parquet."""

from __future__ import annotations

import json
import subprocess
import sys

import pyarrow.parquet as pq

from vestnik.events.export import EXTRA_COLUMNS, GDELT_COLUMNS


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "vestnik.cli.main", *args], capture_output=True, text=True,
                          timeout=300)


def test_exports_from_extracted_jsonl(tmp_path, seed_doc):
    src = tmp_path / "seed.jsonl"
    src.write_text(json.dumps(seed_doc.to_dict(), ensure_ascii=False) + "\n", encoding="utf-8")
    n = len(seed_doc.events)

    r = _cli("export", "events", str(src), "--format", "gdelt", "--no-merge")
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0].split("\t") == GDELT_COLUMNS + EXTRA_COLUMNS
    assert len(lines) == n + 1
    row = dict(zip(lines[0].split("\t"), lines[2].split("\t"), strict=True))
    assert row["EventCode"] == seed_doc.events[1].cameo and row["SQLDATE"] == "20241218"

    # merged (the default): one event told by a reprint of the page as well becomes one row with NumMentions
    reprint = seed_doc.to_dict() | {"id": "reprint"}
    both = tmp_path / "both.jsonl"
    both.write_text(src.read_text(encoding="utf-8") + json.dumps(reprint, ensure_ascii=False) + "\n", encoding="utf-8")
    r = _cli("export", "events", str(both), "--format", "gdelt")
    merged = [dict(zip(lines[0].split("\t"), x.split("\t"), strict=True)) for x in r.stdout.splitlines()[1:]]
    assert len(merged) < 2 * n and sum(int(m["NumMentions"]) for m in merged) == 2 * n
    assert any(m["NumArticles"] == "2" for m in merged)

    r = _cli("export", "events", str(src), "--format", "plover", "--no-merge")
    recs = [json.loads(x) for x in r.stdout.splitlines()]
    assert len(recs) == n and all(rec["event"] for rec in recs)
    assert any(rec["provenance"] == "Reuters < KCNA" for rec in recs)

    out = tmp_path / "ev.parquet"
    r = _cli("export", "events", str(src), "--format", "parquet", "-o", str(out), "--no-merge")
    assert r.returncode == 0, r.stderr
    assert pq.read_table(out).num_rows == n

    r = _cli("events", str(src), "--actor", "RUSJUD", "--json")
    found = [json.loads(x) for x in r.stdout.splitlines()]
    assert found and all("RUSJUD" in (f["Actor1Code"], f["Actor2Code"]) for f in found)


def test_parquet_needs_a_file(tmp_path):
    r = _cli("export", "events", "--format", "parquet")
    assert r.returncode == 2 and "-o" in r.stderr


def test_an_actor_is_country_and_role_and_gdelt_keeps_the_whole_code() -> None:
    """Stop 53: an event actor's code is its country (or IGO...) and role, as the contract ("USAGOV", "IGO") and the
    PLOVER records code them ("IGOUNO" had been the UN's actor code); GDELT's Actor1Code is the whole CAMEO code, its
    Type1Code the role, and the PLOVER record the two."""
    from vestnik.document import Document
    from vestnik.events.cameo import actor_code
    from vestnik.events.export import plover_record, rows
    from vestnik.pipeline import make_pipeline

    assert [actor_code(c) for c in ("USAGOV", "IGOUNO", "IGOEUREEC", "PSEREBHMS", "IGOUNOREFHCR", "RUS", None)] == [
        "USAGOV", "IGO", "IGO", "PSEREB", "IGOREF", "RUS", None]
    doc = make_pipeline()(Document(text="U.N. officials suspended food aid to Somalia on Friday.", id="un",
                                   published="2024-12-18"))
    # (since stop 62 the body's officials are its GOV, as the PLOVER records code the UN's Security Council and
    # Secretary-General: IGOGOV; GDELT's code keeps the body's whole code and the role)
    assert [(e.type, e.source.code) for e in doc.events] == [("SANCTION", "IGOGOV")]
    row = next(rows([doc.to_dict()]))
    assert (row["Actor1Code"], row["Actor1CountryCode"], row["Actor1Type1Code"]) == ("IGOUNOGOV", "IGO", "GOV")
    assert plover_record(row)["source"][0]["code"] == "IGO" and plover_record(row)["source"][0]["sector"] == "GOV"
    doc = make_pipeline()(Document(text="The United Nations suspended food aid to Somalia on Friday.", id="un2",
                                   published="2024-12-18"))
    row = next(rows([doc.to_dict()]))
    assert (row["Actor1Code"], row["Actor1CountryCode"], row["Actor1Type1Code"]) == ("IGOUNO", "IGO", "")
