"""HTML segmentation speed: trafilatura alone vs vestnik's segment stage, side by side on html-en.

Run: ``.venv/bin/python -m bench.html [DIR] [--reps N]``. Both runs see the same pages in the same
process, interleaved page by page so that load from other processes hits both alike. The baseline
is ``trafilatura.extract(html)`` with its defaults (text only); vestnik's run is the whole segment
stage (parse once, metadata, date, teaser boxes, main text via trafilatura, layout with spans).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def main() -> None:
    import trafilatura

    from vestnik.extract.segment import segment
    from vestnik.ingest.readers import document_from_string
    from vestnik.pipeline import Resources

    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("dir", nargs="?", default=str(SHARED / "eval" / "html-en" / "html"))
    ap.add_argument("--reps", type=int, default=2)
    a = ap.parse_args()
    pages = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(Path(a.dir).glob("*.htm*"))]
    if not pages:
        raise SystemExit(f"no .html pages in {a.dir}")
    res = Resources()
    # Warm up both (imports, option objects, lxml) outside the timed loop.
    trafilatura.extract(pages[0])
    segment(document_from_string(pages[0], is_html=True), res)
    t_base = t_ves = 0.0
    teasers = 0
    for _ in range(a.reps):
        for html in pages:
            t0 = time.perf_counter()
            trafilatura.extract(html)
            t1 = time.perf_counter()
            doc = segment(document_from_string(html, is_html=True), res)
            t2 = time.perf_counter()
            t_base += t1 - t0
            t_ves += t2 - t1
            teasers += len(doc.teasers)
    n = len(pages) * a.reps
    print(f"pages: {len(pages)} x {a.reps} reps")
    print(f"trafilatura.extract (baseline): {n / t_base:7.1f} pages/s  {1000 * t_base / n:6.2f} ms/page")
    print(f"vestnik segment_html:           {n / t_ves:7.1f} pages/s  {1000 * t_ves / n:6.2f} ms/page"
          f"  ({teasers / a.reps:.0f} teasers)")
    print(f"time ratio vestnik / trafilatura: {t_ves / t_base:.2f} (budget 1.30)")
    bench_text()


def bench_text() -> None:
    """Plain-text segmentation (segment_text) on the SlavicNER raw articles; budget well under 0.5 ms each."""
    from vestnik.document import Document
    from vestnik.extract.text import segment_text

    files = sorted((SHARED / "eval" / "ner-bg" / "raw").rglob("*.txt"))
    if not files:
        return
    texts = [p.read_text(encoding="utf-8") for p in files]
    t0 = time.perf_counter()
    for _ in range(3):
        for t in texts:
            segment_text(Document(text=t))
    dt = (time.perf_counter() - t0) / (3 * len(texts))
    chars = sum(map(len, texts)) / len(texts)
    print(f"plain-text segment_text on ner-bg/raw: {1 / dt:8.0f} articles/s  {1000 * dt:.3f} ms/article "
          f"(mean {chars:.0f} chars; budget 0.5 ms)")


if __name__ == "__main__":
    main()
