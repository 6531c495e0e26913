"""Speed and memory of the language layer (LID + sentences + tokens + lemmas).

Run: ``.venv/bin/python -m bench.language [N_DOCS]``. Reads Bulgarian news from ../shared/eval/news-bg (or the seed
page if it is missing), runs segment + language on one core, and prints tokens/s, ms per 3,000 characters, the
ratio to a plain regex tokenizer (``\\w+|[^\\w\\s]``, the named baseline), the lemmatisation time paid when
``doc.tokens`` is first read (see ``LazyTokens``), language-ID time per document and the resident memory of the
loaded models.
"""

from __future__ import annotations

import json
import re
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path

from vestnik.document import Document
from vestnik.pipeline import Resources, make_pipeline

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def load_texts(n: int) -> list[str]:
    path = SHARED / "eval" / "news-bg" / "hack-the-fake-news.jsonl"
    texts: list[str] = []
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            d = json.loads(line)
            body = (d.get("Content Title") or "") + "\n\n" + (d.get("Content") or "")
            if len(body) > 500:
                texts.append(body)
            if len(texts) >= n:
                break
    return texts or [(SHARED / "seed" / "bta-putin-north-korea.txt").read_text(encoding="utf-8")]


def _registry_language() -> Callable[[Document, Resources], Document]:
    from vestnik.language.stage import language

    return language


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    texts = load_texts(n)
    rss0 = _rss_mb()
    res = Resources()
    pipe = make_pipeline(only=["segment", "language"])
    pipe.resources = res
    t0 = time.perf_counter()
    len(pipe(Document(text=texts[0])).tokens)  # loads the models once (reading the tokens loads the lemmatiser)
    load_s = time.perf_counter() - t0
    rss1 = _rss_mb()
    # warm the lemma cache with one pass, as a long-running worker would be, then time a second pass
    for t in texts:
        len(pipe(Document(text=t)).tokens)
    # CPU time of this process (time.process_time), so other busy processes on the machine do not inflate it;
    # documents stream through and are dropped, as in a worker (holding them all would bill the GC to this layer)
    lang_fn = _registry_language()
    seg = make_pipeline(only=["segment"])
    dt = 0.0
    dl = 0.0  # lemmatisation, paid when doc.tokens is first read (no later stage reads it; --layers tokens does)
    ntok = 0
    samples: list[str] = []
    for t in texts:
        d = seg(Document(text=t))
        t0 = time.process_time()
        lang_fn(d, res)
        t1 = time.process_time()
        ntok += len(d.tokens)
        dl += time.process_time() - t1
        dt += t1 - t0
        samples.append(d.text[:600])
    chars = sum(len(t) for t in texts)
    lid = res.get("language.lid", lambda: None)
    t0 = time.process_time()
    for x in samples:
        lid.detect(x)
    lid_ms = (time.process_time() - t0) / len(samples) * 1000
    base = re.compile(r"\w+|[^\w\s]")
    t0 = time.process_time()
    nb = sum(len([m.span() for m in base.finditer(t)]) for t in texts)
    base_s = time.process_time() - t0
    print(f"documents: {len(texts)}, characters: {chars}, tokens: {ntok} (baseline regex tokens: {nb})")
    print(f"language layer: {ntok / dt:,.0f} tokens/s per core, {dt / chars * 3000 * 1000:.2f} ms per 3,000 chars, "
          f"{len(texts) / dt:,.0f} docs/s")
    print(f"lemmas, when doc.tokens is read: +{dl / chars * 3000 * 1000:.2f} ms per 3,000 chars "
          f"({ntok / (dt + dl):,.0f} tokens/s with them)")
    print(f"baseline plain regex tokenizer: {nb / base_s:,.0f} tokens/s; language layer is "
          f"{(nb / base_s) / (ntok / dt):.1f}x slower")
    print(f"language ID: {lid_ms:.3f} ms per document (600-char sample)")
    print(f"models: loaded in {load_s:.2f}s, resident memory +{rss1 - rss0:.0f} MB (process {_rss_mb():.0f} MB)")


if __name__ == "__main__":
    main()
