"""Score the store path fed in rounds: the four labelled topics added to a fresh SQLite store ``n`` documents at a
time, ``store_sync.update`` after each round (as ``vestnik watch`` or a daily ``vestnik ingest`` + ``vestnik stories
--store`` does), B³ against the ``strict`` annotation over all topics and per topic (score.py's ``bcubed``).

Inputs: the text-only files (``--input text``, no dates, like the hidden set; shuffled with ``--order shuffle``) or
the documents with their BSNLP dates (``--input meta``, ``--order date``: a feed's order). ``--context N`` sets
``store_sync.CONTEXT`` (0: a round weighed alone, as before stop 27). See docs/stories-eval.md, stop 27.

Usage: python scripts/eval_stories_rounds.py [--rounds 20,100] [--input text|meta] [--order shuffle|date]
       [--context 400] [--cache DIR] [--jobs 2]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from eval_stories import ROOT, SHARED, ensure_gold, pipeline_output
from label_stories import OUT, outside_tree

sys.path.insert(0, str(ROOT))
TOPICS = ["asia_bibi", "brexit", "nord_stream", "ryanair"]


def documents(kind: str, labels: Path, jobs: int, cache: Path | None) -> list:
    """The pipeline's Documents of the four topics (pickled in ``cache`` when given)."""
    inputs = ([str(SHARED / "ner-bg" / "raw" / t) for t in TOPICS] if kind == "text"
              else [str(labels / f"{t}.docs.jsonl") for t in TOPICS])
    return pipeline_output(inputs, jobs, cache, f"rounds.{kind}", documents=True)


def main() -> None:
    import importlib.util

    from vestnik.store import Store
    from vestnik.stories import store_sync

    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", default="20,100")
    ap.add_argument("--input", choices=["text", "meta"], default="text")
    ap.add_argument("--order", choices=["shuffle", "date"], default="shuffle")
    ap.add_argument("--context", type=int, default=store_sync.CONTEXT)
    ap.add_argument("--labels", type=outside_tree, default=OUT)
    ap.add_argument("--cache", type=Path)
    ap.add_argument("--jobs", type=int, default=2)
    a = ap.parse_args()
    ensure_gold(a.labels, TOPICS)
    spec = importlib.util.spec_from_file_location("score", SHARED / "score.py")
    score = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(score)  # type: ignore[union-attr]
    gold: dict[str, str] = {}
    topic_of: dict[str, str] = {}
    for t in TOPICS:
        g, _ = score.load_stories_gold([str(a.labels / "strict" / f"{t}.json")])
        gold.update(g)
        topic_of.update(dict.fromkeys(g, t))
    docs = documents(a.input, a.labels, a.jobs, a.cache)
    if a.order == "shuffle":
        random.Random(0).shuffle(docs)
    else:
        docs.sort(key=lambda d: d.published or "9999")
    store_sync.CONTEXT = a.context
    print(f"{'rounds':>6} {'input':<5} {'order':<7} {'context':>7} {'ALL':>6} "
          + " ".join(f"{t[:6]:>6}" for t in TOPICS) + "  update CPU per round")
    for n in (int(x) for x in a.rounds.split(",")):
        with tempfile.TemporaryDirectory() as td, Store.open(Path(td) / "v.db", fulltext=False) as store:
            cpu = 0.0
            for s in range(0, len(docs), n):
                for d in docs[s : s + n]:
                    store.add(d)
                t0 = time.process_time()
                store_sync.update(store, show=False)
                cpu += time.process_time() - t0
            stories, _ = store_sync.update(store)
        pred = {m: st.id for st in stories for m in st.members}
        f1 = [score.bcubed(gold, pred)["f1"]] + [
            score.bcubed({d: s for d, s in gold.items() if topic_of[d] == t}, pred)["f1"] for t in TOPICS]
        print(f"{n:>6} {a.input:<5} {a.order:<7} {a.context:>7} " + " ".join(f"{x:>6.3f}" for x in f1)
              + f"  {cpu / -(-len(docs) // n) * 1e3:,.0f} ms")


if __name__ == "__main__":
    main()
