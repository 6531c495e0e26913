"""Long texts: does the pipeline's time per character stay flat as one document grows?

A feed dump, a transcript or a whole site saved as one file reaches the pipeline as one document. Built here by
running real reports together (``../shared/eval``: the ner-bg and ner-ru raw texts, the quotes-en texts; read
at run time, never copied) up to each size, every layer on, one core. Printed per size: seconds, seconds per
100 KB, and that figure's ratio to the smallest size's (the named baseline: 1.0 is linear growth), with the
stages that take the time.

Until stop 24 the quotes and events layers scanned every sentence, time expression and source for each fact they
found, and the English title rule searched the whole text again for each titled person's surname, so the time
grew with the square of the length: at 1.6 MB 3.0x (bg), 2.4x (ru) and 7.3x (en) the 50 KB time per 100 KB,
10.9 / 10.0 / 35.9 s (docs/measurements.md). ``vestnik.spans`` answers those look-ups from sorted offsets.

    python -m bench.long [--sizes 50,200,800,1600] [--langs bg,ru,en]   # sizes in KB
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from vestnik.ingest.readers import document_from_string
from vestnik.pipeline import make_pipeline

EVAL = Path(__file__).resolve().parents[1].parent / "shared" / "eval"
CORPORA = {"bg": EVAL / "ner-bg" / "raw", "ru": EVAL / "ner-ru" / "raw", "en": EVAL / "quotes-en" / "text"}


def long_text(size: int, lang: str = "bg") -> str:
    """The corpus's texts, in file order, run together (a blank line between; again from the first when they are
    used up) up to ``size`` characters."""
    files = sorted(CORPORA[lang].glob("**/*.txt"))
    parts: list[str] = []
    n = 0
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
    ap.add_argument("--sizes", default="50,200,800,1600", help="document sizes in KB (thousands of characters)")
    ap.add_argument("--langs", default="bg,ru,en", help="corpora: bg, ru (SlavicNER raw), en (quotes-en texts)")
    a = ap.parse_args()
    pipe = make_pipeline()
    for lang in a.langs.split(","):
        if not CORPORA[lang].is_dir():
            print(f"{CORPORA[lang]}: missing, {lang} not measured")
            continue
        pipe(document_from_string(long_text(20_000, lang), published="2018-01-01"))  # models loaded, memos warm
        base = None
        for kb in (int(x) for x in a.sizes.split(",")):
            text = long_text(kb * 1000, lang)
            pipe.timings.clear()
            t0 = time.process_time()
            doc = pipe(document_from_string(text, published="2018-01-01"))
            sec = time.process_time() - t0
            per = sec / (len(text) / 100_000)
            base = base or per
            total = sum(pipe.timings.values()) or 1.0
            top = ", ".join(f"{k} {v / total * 100:.0f}%" for k, v in
                            sorted(pipe.timings.items(), key=lambda kv: -kv[1])[:3])
            print(f"{lang} {len(text) / 1000:7,.0f} KB: {sec:6.2f} s, {per:5.3f} s per 100 KB ({per / base:4.2f}x the "
                  f"smallest); {len(doc.sentences):,} sentences, {len(doc.quotes):,} quotes, {len(doc.events):,} "
                  f"events  [{top}]")


if __name__ == "__main__":
    main()
