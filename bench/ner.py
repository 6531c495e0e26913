"""Speed of the statistical name tagger: vestnik's numpy decoder vs crfsuite's own tagger, same model, same text.

Run: ``.venv/bin/python -m bench.ner [--lang bg|ru] [--limit N] [--reps N]``. Texts: Bulgarian news from
``shared/eval/news-bg/hack-the-fake-news.jsonl`` (bg) or the SlavicNER raw texts (ru). The baseline is
``pycrfsuite.Tagger.tag`` over the same feature strings (what a plain python-crfsuite tagger does); both runs
are interleaved document by document and timed with process CPU time, so load from other processes hits
both alike. The first pass over the texts (per-word feature caches cold) is reported separately. Prints sentences/s and ms per 3,000 characters (the layer's budget is ~3 ms), plus resident memory.
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from pathlib import Path

from vestnik.entities.ner import NerModel
from vestnik.entities.ner_features import sequences, tokenize

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def texts(lang: str, limit: int) -> list[str]:
    if lang == "bg":
        out = []
        with (SHARED / "eval" / "news-bg" / "hack-the-fake-news.jsonl").open(encoding="utf-8") as f:
            for line in f:
                d = json.loads(line)
                t = "\n\n".join(x for x in (d.get("Content Title"), d.get("Content")) if x)
                if t:
                    out.append(t)
                if len(out) >= limit:
                    break
        return out
    files = sorted((SHARED / "eval" / f"ner-{lang}" / "raw").rglob("*.txt"))[:limit]
    return [p.read_text(encoding="utf-8") for p in files]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--lang", default="bg")
    ap.add_argument("--limit", type=int, default=300)
    ap.add_argument("--reps", type=int, default=2)
    a = ap.parse_args()
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.perf_counter()
    model = NerModel.load(a.lang)
    load_s = time.perf_counter() - t0
    docs = texts(a.lang, a.limit)
    if not docs:
        raise SystemExit("no texts found under ../shared/eval")
    c0 = time.process_time()
    for d in docs:  # first pass: per-word caches are cold (a fresh worker on fresh news)
        model.mentions(d)
    cold = time.process_time() - c0
    rss = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss0) / 1024
    for d in docs:
        model.spans(d, crfsuite=True)
    chars = sum(map(len, docs)) * a.reps
    sents = sum(len(sequences(d, tokenize(d))) for d in docs) * a.reps
    t_ves = t_base = 0.0
    n_ment = 0
    for _ in range(a.reps):
        for d in docs:
            c0 = time.process_time()
            n_ment += len(model.mentions(d))
            c1 = time.process_time()
            model.spans(d, crfsuite=True)
            c2 = time.process_time()
            t_ves += c1 - c0
            t_base += c2 - c1
    print(f"ner-{a.lang}: {len(docs)} documents x {a.reps}, {chars // a.reps} characters, {sents // a.reps} sentences, "
          f"{n_ment // a.reps} mentions; model load {load_s:.2f}s, +{rss:.0f} MB resident after the first pass")
    print(f"  {'vestnik, first pass (cold caches)':38s} {sents / a.reps / cold:8.0f} sentences/s  "
          f"{cold / chars * a.reps * 3000 * 1000:6.2f} ms per 3,000 chars")
    for name, t in (("vestnik, warm (numpy Viterbi + bases)", t_ves), ("baseline crfsuite Tagger.tag, warm", t_base)):
        print(f"  {name:38s} {sents / t:8.0f} sentences/s  {t / chars * 3000 * 1000:6.2f} ms per 3,000 chars")
    print(f"  ratio vestnik/baseline speed: {t_base / t_ves:.2f}x")


if __name__ == "__main__":
    main()
