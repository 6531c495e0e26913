"""Entities layer speed and memory: gazetteer, tagger, linking, on real Bulgarian and Russian news.

Run: ``.venv/bin/python -m bench.entities [--docs N]``. One process, one core. Prints, per 3,000 characters
(a typical agency article) and per sentence: the gazetteer alone, the statistical tagger alone (when
``vestnik.entities.ner`` is installed) and the whole stage (tagger + gazetteer + linking). The named baseline
is the layer's budget, 4 ms per 3,000-character article (ratio > 1 = within budget), and the second one is
1,000 sentences/s per core. Memory: resident size before and after loading the KB, the gazetteer and the model.
"""

from __future__ import annotations

import argparse
import re
import resource
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
BUDGET_MS_PER_3000 = 4.0
SENTENCES_PER_S = 1000.0


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * resource.getpagesize() / 2**20


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--docs", type=int, default=300, help="documents per language")
    a = ap.parse_args()
    from vestnik.document import Document
    from vestnik.entities.linking import link
    from vestnik.entities.stage import entities_stage, get_gazetteer, recognize_names
    from vestnik.pipeline import Resources

    docs: list[Document] = []
    for lang in ("bg", "ru"):
        files = sorted((SHARED / "eval" / f"ner-{lang}" / "raw").rglob("*.txt"))[: a.docs]
        docs += [Document(text=p.read_text(encoding="utf-8"), id=p.stem, language=lang) for p in files]
    if not docs:
        raise SystemExit(f"no documents under {SHARED / 'eval'}: put shared/ beside the repo")
    chars = sum(len(d.text) for d in docs)
    sents = sum(max(1, len(re.findall(r"[.!?…](?:\s|$)", d.text))) for d in docs)

    r0 = rss_mb()
    res = Resources()
    t0 = time.perf_counter()
    gaz = get_gazetteer(res)
    t_load = time.perf_counter() - t0
    r1 = rss_mb()
    recognize_names(docs[0], res)
    recognize_names(docs[-1], res)
    r2 = rss_mb()

    def timed(fn) -> float:  # type: ignore[no-untyped-def]
        t = time.process_time()  # CPU time of this process: other jobs on the machine do not inflate it
        for d in docs:
            fn(d)
        return time.process_time() - t

    t_gaz = timed(lambda d: gaz.match(d.text))
    t_ner = timed(lambda d: recognize_names(d, res))
    t_link = timed(lambda d: link(d.text, gaz, [], d.published))
    t_all = timed(lambda d: entities_stage(d, res))
    k = 3000 / chars * 1000
    print(f"documents: {len(docs)} (bg+ru SlavicNER), {chars:,} characters, ~{sents:,} sentences; CPU time, one core")
    print(f"load KB + gazetteer: {t_load:.2f} s, resident +{r1 - r0:.0f} MB; tagger models +{r2 - r1:.0f} MB")
    rows = [("gazetteer match", t_gaz), ("gazetteer + linking (no tagger)", t_link),
            ("statistical tagger", t_ner), ("whole stage (tagger+gazetteer+linking)", t_all)]
    for name, t in rows:
        ms = t * k
        print(f"  {name:40s} {ms:6.2f} ms/3000 chars  {sents / t:9,.0f} sentences/s  "
              f"{len(docs) / t:7.1f} docs/s")
    ms_all = t_all * k
    print(f"baseline budget {BUDGET_MS_PER_3000} ms/3000 chars: ratio {BUDGET_MS_PER_3000 / ms_all:.2f} (whole stage), "
          f"{BUDGET_MS_PER_3000 / (t_link * k):.2f} (without tagger)")
    print(f"baseline {SENTENCES_PER_S:,.0f} sentences/s/core: ratio {sents / t_all / SENTENCES_PER_S:.2f} (whole stage)")


if __name__ == "__main__":
    main()
