"""Speed of the time layer on real Bulgarian news, against dateparser's ``search_dates``.

The time stage runs alone over segmented documents (segmenting is not counted); CPU time of this process,
so other load on the machine does not count.
Baseline: ``dateparser.search.search_dates`` on the same sentences (a sample, since it is
slow), the obvious off-the-shelf way to find dates in Bulgarian text. Budget: >= 5,000
sentences/s per core and about 1 ms per 3,000-character article.

    python -m bench.time [--n 500] [--baseline 200] [--data ../shared/eval/news-bg/hack-the-fake-news.jsonl]
"""

from __future__ import annotations

import argparse
import re
import time
import warnings
from pathlib import Path

from bench.pipeline import DEFAULT, load_texts
from vestnik.extract.text import segment_text
from vestnik.ingest.readers import document_from_string
from vestnik.pipeline import Resources
from vestnik.time.stage import time_stage

_SENT = re.compile(r"(?<=[.!?…])\s+(?=[\"„«(]?[A-ZА-Я0-9])|\n+")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=500)
    ap.add_argument("--baseline", type=int, default=200, help="sentences for the dateparser baseline (0: skip)")
    ap.add_argument("--data", type=Path, default=DEFAULT)
    a = ap.parse_args()
    texts = load_texts(a.data, a.n)
    if not texts:
        raise SystemExit(f"no texts in {a.data}: pass --data with a JSON Lines file of articles")
    docs = [segment_text(document_from_string(t, published="2017-05-17")) for t, _ in texts]
    chars = sum(len(d.text) for d in docs)
    sents = [s for d in docs for s in _SENT.split(d.text) if s.strip()]
    res = Resources()
    time_stage(docs[0], res)  # load the lexicons once
    t0 = time.process_time()
    n_times = 0
    for d in docs:
        n_times += len(time_stage(d, res).times)
    dt = time.process_time() - t0
    per_3k = dt / (chars / 3000) * 1000
    print(f"{len(docs)} articles, {len(sents):,} sentences, {chars / len(docs):,.0f} chars/article, {n_times:,} times")
    print(f"time layer: {len(docs) / dt:,.0f} articles/s, {len(sents) / dt:,.0f} sentences/s per core, "
          f"{per_3k:.2f} ms per 3,000 chars")
    if a.baseline:
        from dateparser.search import search_dates

        sample = sents[: a.baseline]
        settings = {"RELATIVE_BASE": __import__("datetime").datetime(2017, 5, 17)}
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            search_dates(sample[0], languages=["bg"], settings=settings)
            t0 = time.process_time()
            for s in sample:
                search_dates(s, languages=["bg"], settings=settings)
            bdt = time.process_time() - t0
        base = len(sample) / bdt
        print(f"baseline dateparser.search_dates: {base:,.0f} sentences/s; "
              f"time layer is {len(sents) / dt / base:,.1f}x faster")


if __name__ == "__main__":
    main()
