"""End-to-end pipeline rate on real Bulgarian news, with each layer's share of the time.

Baseline: a plain regex tokenizer over the same texts (the floor any pipeline pays to
read the text once). The budget is >= 100 articles/s per core with every layer on.

    python -m bench.pipeline [--n 500] [--data ../shared/eval/news-bg/hack-the-fake-news.jsonl]
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import time
from pathlib import Path

from vestnik.ingest.readers import document_from_string
from vestnik.pipeline import make_pipeline

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "news-bg" / "hack-the-fake-news.jsonl"
SEED = Path(__file__).resolve().parents[1] / "vestnik" / "samples"


def load_texts(path: Path, n: int) -> list[tuple[str, str | None]]:
    out: list[tuple[str, str | None]] = []
    if path.exists():
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                text = rec.get("Content") or rec.get("text") or ""
                title = rec.get("Content Title") or rec.get("title") or ""
                if len(text) > 200:
                    out.append((f"{title}\n\n{text}" if title else text, rec.get("published")))
                if len(out) >= n:
                    break
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=500)
    ap.add_argument("--data", type=Path, default=DEFAULT)
    a = ap.parse_args()
    texts = load_texts(a.data, a.n)
    if not texts:
        raise SystemExit(f"no texts in {a.data}")
    chars = sum(len(t) for t, _ in texts)
    print(f"{len(texts)} articles, {chars / len(texts):.0f} chars on average, from {a.data.name}")

    # CPU time of this process: the rate per core, whatever else the machine is doing
    tok = re.compile(r"\w+|[^\w\s]")
    t0 = time.process_time()
    ntok = sum(len(tok.findall(t)) for t, _ in texts)
    base = time.process_time() - t0
    print(f"baseline regex tokenizer: {len(texts) / base:,.0f} articles/s ({ntok:,} tokens)")

    pipe = make_pipeline()
    t0 = time.perf_counter()
    pipe(document_from_string(texts[0][0], published=texts[0][1]))  # loads every model once
    load = time.perf_counter() - t0
    pipe.timings.clear()
    t0 = time.process_time()
    for text, pub in texts:
        pipe(document_from_string(text, published=pub))
    total = time.process_time() - t0
    rate = len(texts) / total
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"stages: {', '.join(pipe.stages)}  (models loaded in {load:.1f}s, peak RSS {rss:,.0f} MB)")
    print(f"pipeline, one core: {rate:,.1f} articles/s  ({total / len(texts) * 1000:.2f} ms/article; "
          f"{rate / (len(texts) / base):.4f}x the regex baseline; budget 100/s: "
          f"{'OK' if rate >= 100 else 'MISSED'})")
    wall = sum(pipe.timings.values()) or 1.0
    for name, sec in sorted(pipe.timings.items(), key=lambda kv: -kv[1]):
        share = sec / wall
        print(f"  {name:10s} {share * 100:5.1f}%  {share * total / len(texts) * 1000:6.2f} ms/article (CPU)")


if __name__ == "__main__":
    main()
