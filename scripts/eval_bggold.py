"""Score vestnik's Bulgarian quotes, sources, times and events on our own contract-format annotation of BSNLP reports.

The annotation (``eval/bggold/<id>.json``, one file per report, written by hand in stop 39 from
``eval/bggold/guidelines.md``) holds only spans, types and codes: the reports' text and dates stay in ../shared
(the eval sets' licence note keeps the data out of this repository). This script joins them again into the gold
``score.py bggold`` reads, runs ``vestnik extract`` on the texts and prints the scorer's tables.

Usage: python scripts/eval_bggold.py [--out DIR] [--keep]
       python scripts/eval_bggold.py strip GOLD_DIR   # a finished annotation (with text) -> eval/bggold/
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "eval"
LABELS = ROOT / "eval" / "bggold"
RAW = SHARED / "ner-bg" / "raw"
META = SHARED / "news-bg" / "bsnlp-with-metadata"


def _digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def _find(doc_id: str) -> tuple[Path, Path]:
    """The report's raw text (title, blank line, body: the offsets refer to it) and its file with the header."""
    name = doc_id + ".txt"
    raw = next(RAW.glob(f"*/{name}"), None)
    meta = next(META.glob(f"*/{name}"), None)
    if raw is None or meta is None:
        raise SystemExit(f"{doc_id}: not found under {RAW} and {META}; is ../shared/eval there?")
    return raw, meta


def strip(gold_dir: Path) -> None:
    """Keep the annotation without the text and date; a digest of the text checks it is joined to the same one."""
    LABELS.mkdir(parents=True, exist_ok=True)
    for f in sorted(gold_dir.glob("*.json")):
        g = json.loads(f.read_text(encoding="utf-8"))
        raw, _meta = _find(f.stem)
        if raw.read_text(encoding="utf-8") != g["text"]:
            raise SystemExit(f"{f.name}: its text is not {raw}")
        out = {"id": f.stem, "topic": raw.parent.name, "text_sha1": _digest(g["text"]),
               **{k: g.get(k, []) for k in ("quotes", "sources", "times", "events")}}
        (LABELS / f.name).write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(list(LABELS.glob('*.json')))} annotations in {LABELS}")


def build(out: Path) -> Path:
    """score.py's gold folder: each annotation with its report's text and publication date."""
    gold = out / "gold"
    gold.mkdir(parents=True, exist_ok=True)
    for f in sorted(LABELS.glob("*.json")):
        a = json.loads(f.read_text(encoding="utf-8"))
        raw, meta = _find(a["id"])
        text = raw.read_text(encoding="utf-8")
        if _digest(text) != a["text_sha1"]:
            raise SystemExit(f"{raw} changed since {f.name} was annotated")
        published = meta.read_text(encoding="utf-8").split("\n")[2].strip()
        g = {"text": text, "published": published, **{k: a[k] for k in ("quotes", "sources", "times", "events")}}
        (gold / f.name).write_text(json.dumps(g, ensure_ascii=False), encoding="utf-8")
    return gold


def evaluate(out: Path) -> None:
    gold = build(out)
    prep, pred = out / "prep", out / "pred.jsonl"
    py = sys.executable
    subprocess.run([py, str(SHARED / "score.py"), "bggold-prepare", "--gold", str(gold), "--out", str(prep)],
                   check=True, capture_output=True)
    subprocess.run([py, "-m", "vestnik.cli.main", "extract", str(prep / "docs.jsonl"), "--format", "jsonl",
                    "-o", str(pred)], check=True, cwd=ROOT)
    subprocess.run([py, str(SHARED / "score.py"), "bggold", "--pred", str(pred), "--gold", str(gold)], check=True)


def _outside_tree(path: str) -> Path:
    sys.path.insert(0, str(ROOT / "scripts"))
    from label_stories import outside_tree

    return outside_tree(path)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("command", nargs="?", default="eval", choices=["eval", "strip"])
    ap.add_argument("gold_dir", nargs="?", type=Path, help="strip: a folder of annotations with their text")
    ap.add_argument("--out", type=_outside_tree, help="where the joined gold and the predictions go (default: a temp "
                    "dir; they hold the reports' text, so never inside the repository but under .cache/)")
    a = ap.parse_args()
    if a.command == "strip":
        if a.gold_dir is None:
            ap.error("strip needs GOLD_DIR")
        strip(a.gold_dir)
    elif a.out is not None:
        evaluate(a.out)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            evaluate(Path(tmp))


if __name__ == "__main__":
    main()
