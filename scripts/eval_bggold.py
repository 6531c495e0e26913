"""Score vestnik's Bulgarian quotes, sources, times and events on our own contract-format annotation of BSNLP reports.

The annotation (``eval/bggold/<id>.json``, one file per report, written by hand in stop 39 from
``eval/bggold/guidelines.md``) holds only spans, types and codes: the reports' text and dates stay in ../shared
(the eval sets' licence note keeps the data out of this repository). This script joins them again into the gold
``score.py bggold`` reads, runs ``vestnik extract`` on the texts and prints the scorer's tables.

Usage: python scripts/eval_bggold.py [--out DIR] [--labels eval/bggold-sites]
       python scripts/eval_bggold.py strip GOLD_DIR [--labels DIR]  # a finished annotation (with text) -> eval/bggold/
       python scripts/eval_bggold.py agree [--second eval/bggold-second]  # two annotations' agreement, and vestnik
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import subprocess
import sys
import tempfile
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "eval"
LABELS = ROOT / "eval" / "bggold"
RAW = SHARED / "ner-bg" / "raw"
META = SHARED / "news-bg" / "bsnlp-with-metadata"
HTFN = SHARED / "news-bg" / "hack-the-fake-news.jsonl"


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


@cache
def _htfn_lines() -> list[str]:
    """The Hack the Fake News records, read once per run (each annotated article is one line)."""
    return HTFN.read_text(encoding="utf-8").splitlines()


def report(doc_id: str) -> tuple[str, str, str, str]:
    """(text, publication date, topic, where it is) of an annotated report: a BSNLP report by its file name, or an
    article of the *Hack the Fake News* set as ``htfn-<line>`` (its title, a blank line and its text; the date from
    its spreadsheet serial day): news of other sites and topics (eval/bggold-sites/)."""
    if doc_id.startswith("htfn-"):
        line = int(doc_id[5:])
        try:
            rec = json.loads(_htfn_lines()[line])
        except (OSError, IndexError) as e:
            raise SystemExit(f"{doc_id}: not in {HTFN} ({e}); is ../shared/eval there?") from None
        day = dt.date(1899, 12, 30) + dt.timedelta(days=int(float(rec["Content Published Time"])))
        return rec["Content Title"] + "\n\n" + rec["Content"], day.isoformat(), "sites", f"{HTFN}:{line}"
    raw, meta = _find(doc_id)
    published = meta.read_text(encoding="utf-8").split("\n")[2].strip()
    return raw.read_text(encoding="utf-8"), published, raw.parent.name, str(raw)


def strip(gold_dir: Path, labels: Path = LABELS) -> None:
    """Keep the annotation without the text and date; a digest of the text checks it is joined to the same one."""
    labels.mkdir(parents=True, exist_ok=True)
    for f in sorted(gold_dir.glob("*.json")):
        g = json.loads(f.read_text(encoding="utf-8"))
        text, _published, topic, where = report(f.stem)
        if text != g["text"]:
            raise SystemExit(f"{f.name}: its text is not {where}")
        out = {"id": f.stem, "topic": topic, "text_sha1": _digest(g["text"]),
               **{k: g.get(k, []) for k in ("quotes", "sources", "times", "events")}}
        (labels / f.name).write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(list(labels.glob('*.json')))} annotations in {labels}")


def build(out: Path, labels: Path = LABELS, only: set[str] | None = None) -> Path:
    """score.py's gold folder: each annotation with its report's text and publication date (``only``: these ids)."""
    gold = out / "gold"
    gold.mkdir(parents=True, exist_ok=True)
    for f in sorted(labels.glob("*.json")):
        if only is not None and f.stem not in only:
            continue
        a = json.loads(f.read_text(encoding="utf-8"))
        text, published, _topic, where = report(a["id"])
        if _digest(text) != a["text_sha1"]:
            raise SystemExit(f"{where} changed since {f.name} was annotated")
        g = {"text": text, "published": published, **{k: a[k] for k in ("quotes", "sources", "times", "events")}}
        (gold / f.name).write_text(json.dumps(g, ensure_ascii=False), encoding="utf-8")
    return gold


def predict(gold: Path, out: Path, quiet: bool = False) -> Path:
    """vestnik's output on the reports of a gold folder (``score.py bggold-prepare``, then ``vestnik extract``)."""
    prep, pred = out / "prep", out / "pred.jsonl"
    subprocess.run([sys.executable, str(SHARED / "score.py"), "bggold-prepare", "--gold", str(gold), "--out",
                    str(prep)], check=True, capture_output=True)
    subprocess.run([sys.executable, "-m", "vestnik.cli.main", "extract", str(prep / "docs.jsonl"), "--format",
                    "jsonl", "-o", str(pred)], check=True, cwd=ROOT, capture_output=quiet)
    return pred


def evaluate(out: Path, labels: Path = LABELS) -> None:
    gold = build(out, labels)
    pred = predict(gold, out)
    subprocess.run([sys.executable, str(SHARED / "score.py"), "bggold", "--pred", str(pred), "--gold", str(gold)],
                   check=True)


def agree(out: Path, labels: Path, second: Path) -> None:
    """How far two annotations of the same reports agree, and vestnik with each: the second annotation scored as if
    it were a system's output against the first (score.py bggold), then vestnik's output against each. The first
    line is the ceiling a system can be expected to reach on an annotation made the same way."""
    ids = {f.stem for f in second.glob("*.json")}
    first_gold, second_gold = build(out / "first", labels, ids), build(out / "second", second)
    as_pred = out / "second.jsonl"
    with as_pred.open("w", encoding="utf-8") as w:
        for f in sorted(second_gold.glob("*.json")):
            w.write(json.dumps({"id": f.stem, **json.loads(f.read_text(encoding="utf-8"))}, ensure_ascii=False) + "\n")
    py, score = sys.executable, str(SHARED / "score.py")
    pred = predict(first_gold, out, quiet=True)
    for name, p, g in (("second annotation vs first", as_pred, first_gold), ("vestnik vs first", pred, first_gold),
                       ("vestnik vs second", pred, second_gold)):
        r = subprocess.run([py, score, "bggold", "--pred", str(p), "--gold", str(g)], check=True,
                           capture_output=True, text=True)
        d = json.loads(r.stdout.strip().splitlines()[-1])
        q, src, t, e = d["quotes"], d["sources"], d["times"], d["events"]
        print(f"{name:28} {len(ids)} reports: quotes {q['content']['f1']:.3f} speaker {q['speaker_acc']:.3f} "
              f"sources {src['detection']['f1']:.3f} time value {t['value']['f1']:.3f} events detection "
              f"{e['detection']['f1']:.3f} typed {e['typed']['f1']:.3f}")


def _outside_tree(path: str) -> Path:
    sys.path.insert(0, str(ROOT / "scripts"))
    from label_stories import outside_tree

    return outside_tree(path)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("command", nargs="?", default="eval", choices=["eval", "strip", "agree"])
    ap.add_argument("gold_dir", nargs="?", type=Path, help="strip: a folder of annotations with their text")
    ap.add_argument("--out", type=_outside_tree, help="where the joined gold and the predictions go (default: a temp "
                    "dir; they hold the reports' text, so never inside the repository but under .cache/)")
    ap.add_argument("--labels", type=Path, default=LABELS,
                    help="the annotation: eval/bggold (BSNLP reports, the default) or eval/bggold-sites (other sites)")
    ap.add_argument("--second", type=Path, default=ROOT / "eval" / "bggold-second",
                    help="agree: a second annotation of some of --labels' reports")
    a = ap.parse_args()
    if a.command == "agree":
        with tempfile.TemporaryDirectory() as tmp:
            agree(a.out or Path(tmp), a.labels, a.second)
    elif a.command == "strip":
        if a.gold_dir is None:
            ap.error("strip needs GOLD_DIR")
        strip(a.gold_dir, a.labels)
    elif a.out is not None:
        evaluate(a.out, a.labels)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            evaluate(Path(tmp), a.labels)


if __name__ == "__main__":
    main()
