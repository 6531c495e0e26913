"""Rate of the quotes layer (quotes, speakers, source chains) on real news, per language.

Baseline: a plain regex tokenizer over the same texts (the floor any layer pays to read the text
once). Budget: about 1.5 ms per 3,000-character article for this layer (English reads many more cue
words than Bulgarian). Times are CPU time
(process_time), so other processes on the machine distort them less.

    python -m bench.quotes [--n 300]
"""

from __future__ import annotations

import argparse
import copy
import json
import re
import time
from pathlib import Path

from vestnik.document import Document
from vestnik.pipeline import Resources, make_pipeline
from vestnik.quotes.stage import quotes_stage

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def bulgarian(n: int) -> list[Document]:
    out = []
    path = SHARED / "eval" / "news-bg" / "hack-the-fake-news.jsonl"
    if path.exists():
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                text = rec.get("Content") or ""
                if len(text) > 200:
                    out.append(Document(text=f"{rec.get('Content Title') or ''}\n\n{text}", language="bg"))
                if len(out) >= n:
                    break
    return out


def english(n: int) -> list[Document]:
    folder = SHARED / "eval" / "quotes-en" / "text"
    return [Document(text=p.read_text(encoding="utf-8"), language="en") for p in sorted(folder.glob("*.txt"))[:n]]


def measure(name: str, docs: list[Document]) -> None:
    if not docs:
        print(f"{name}: no data")
        return
    seg = make_pipeline(only=["segment"])
    docs = [seg(d) for d in docs]
    chars = sum(len(d.text) for d in docs)
    tok = re.compile(r"\w+|[^\w\s]")
    base = float("inf")
    for _ in range(5):  # best of several: one run of a few ms is noise on a busy machine
        t0 = time.process_time()
        for d in docs:
            tok.findall(d.text)
        base = min(base, time.process_time() - t0)
    res = Resources()
    quotes_stage(copy.deepcopy(docs[0]), res)  # load the lexicons once
    best, nq = float("inf"), 0
    for _ in range(3):
        work = [copy.deepcopy(d) for d in docs]
        t0 = time.process_time()
        for d in work:
            quotes_stage(d, res)
        best = min(best, time.process_time() - t0)
        nq = sum(len(d.quotes) for d in work)
    per3k = best / chars * 3000 * 1000
    print(f"{name}: {len(docs)} articles, {chars / len(docs):,.0f} chars avg, {nq} quotes; "
          f"{len(docs) / best:,.0f} articles/s, {per3k:.2f} ms per 3,000 chars "
          f"({best / base:.1f}x the regex-tokenizer baseline; budget ~1.5 ms: {'OK' if per3k <= 1.5 else 'over'})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=300)
    a = ap.parse_args()
    measure("bg (hack-the-fake-news)", bulgarian(a.n))
    measure("en (PolNeAR shared half)", english(a.n))


if __name__ == "__main__":
    main()
