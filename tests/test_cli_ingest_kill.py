"""Crash safety: `vestnik ingest` killed with SIGKILL mid-run loses nothing committed and leaves nothing half-written.

A real subprocess ingests the BSNLP Bulgarian texts in small transactions; once some batches are committed it
gets SIGKILL. The store must then be consistent (every stored document has exactly its fact rows and its search
index entry), and a re-run must store exactly the missing documents.
"""

from __future__ import annotations

import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from conftest import SHARED
from sqlalchemy import func, select

from vestnik.document import Document
from vestnik.ingest.readers import read_inputs
from vestnik.store import Store, raw_id
from vestnik.store import schema as S
from vestnik.store.fts import FTS_TABLE

CORPUS = SHARED / "eval" / "ner-bg" / "raw" / "asia_bibi"  # 101 texts: enough batches, quick to re-run
BATCH = 4
LAYERS = {"teasers": S.teasers, "mentions": S.mentions, "quotes": S.quotes, "sources": S.sources,
          "times": S.times, "events": S.events}


def _ingest(db: Path) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if k != "VESTNIK_STORE"}
    env["PYTHONPATH"] = str(Path(__file__).resolve().parents[1])
    return subprocess.Popen([sys.executable, "-m", "vestnik.cli.main", "ingest", str(CORPUS), "--store", str(db),
                             "--jobs", "1", "--batch", str(BATCH)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=env)


def _committed(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.Error:  # not created yet
        return 0


def _check_consistent(db: Path) -> int:
    """Every stored document has all its fact rows (as its contract lists them) and one index entry."""
    with Store.open(db) as st, st.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        docs = list(st.iter_documents())
        assert len(docs) == st.count()
        for name, table in LAYERS.items():
            per_doc = dict(conn.execute(select(table.c.doc_id, func.count()).group_by(table.c.doc_id)).all())
            for d in docs:
                assert per_doc.get(d["store_id"], 0) == len(d[name]), (name, d["store_id"])
            assert set(per_doc) <= {d["store_id"] for d in docs}
        seqs = {r[0] for r in conn.execute(select(S.documents.c.seq))}
        indexed = {r[0] for r in conn.exec_driver_sql(f"SELECT rowid FROM {FTS_TABLE}")}
        assert indexed == seqs
    return len(docs)


def test_sigkill_mid_ingest_then_rerun(tmp_path: Path) -> None:
    db = tmp_path / "v.db"
    distinct = {raw_id(d) for d in read_inputs([str(CORPUS)]) if isinstance(d, Document)}
    n_inputs = sum(1 for p in CORPUS.rglob("*") if p.is_file())
    proc = _ingest(db)
    deadline = time.monotonic() + 240
    while _committed(db) < 2 * BATCH and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    os.kill(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    at_kill = _check_consistent(db)
    assert 2 * BATCH <= at_kill < len(distinct), "the ingest should have been killed mid-run"

    proc = _ingest(db)
    _out, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, err
    m = re.search(r"(\d+) new, (\d+) already stored, 0 failed", err)
    assert m, err
    assert int(m.group(1)) == len(distinct) - at_kill
    assert int(m.group(1)) + int(m.group(2)) == n_inputs
    assert _check_consistent(db) == len(distinct)
