"""Long texts: does the pipeline's time per character stay flat as one document grows?

A feed dump, a transcript or a whole site saved as one file reaches the pipeline as one document. Built here by
running real Bulgarian reports together (``../shared/eval/ner-bg/raw``, read at run time, never copied) up to
each size, every layer on, one core. Printed per size: seconds, seconds per 100 KB, and that figure's ratio to
the smallest size's (the named baseline: 1.0 is linear growth), with the stages that take the time.

Until stop 24 the quotes and events layers scanned every sentence, time expression and source for each fact they
found, so their time grew with the square of the length (800 KB: 14x the smallest size's time per 100 KB; see
docs/measurements.md); ``vestnik.spans`` answers those look-ups from sorted offsets.

    python -m bench.long [--sizes 50,200,800]   # KB
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from vestnik.ingest.readers import document_from_string
from vestnik.pipeline import make_pipeline

RAW = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "ner-bg" / "raw"


def long_text(size: int) -> str:
    """Reports of every topic, in file order, run together (a blank line between) up to ``size`` characters."""
    parts: list[str] = []
    n = 0
    files = sorted(RAW.glob("*/*.txt"))
    while n < size and files:
        for f in files:
            t = f.read_text(encoding="utf-8")
            parts.append(t)
            n += len(t) + 2
            if n >= size:
                break
    return "\n\n".join(parts)[:size]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="50,200,800", help="document sizes in KB (thousands of characters)")
    a = ap.parse_args()
    if not RAW.is_dir():
        print(f"{RAW}: missing, nothing to measure")
        return
    pipe = make_pipeline()
    pipe(document_from_string(long_text(20_000), published="2018-01-01"))  # models loaded, memos warm
    base = None
    for kb in (int(x) for x in a.sizes.split(",")):
        text = long_text(kb * 1000)
        pipe.timings.clear()
        t0 = time.process_time()
        doc = pipe(document_from_string(text, published="2018-01-01"))
        sec = time.process_time() - t0
        per = sec / (len(text) / 100_000)
        base = base or per
        total = sum(pipe.timings.values()) or 1.0
        top = ", ".join(f"{k} {v / total * 100:.0f}%" for k, v in
                        sorted(pipe.timings.items(), key=lambda kv: -kv[1])[:4])
        print(f"{len(text) / 1000:7,.0f} KB: {sec:6.2f} s, {per:5.3f} s per 100 KB ({per / base:4.2f}x the "
              f"smallest); {len(doc.sentences):,} sentences, {len(doc.quotes):,} quotes, {len(doc.events):,} events"
              f"  [{top}]")


if __name__ == "__main__":
    main()
