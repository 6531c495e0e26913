"""Build the labelled story / duplicate set from ../shared/eval/news-bg (BSNLP files with metadata).

The reviewed labels are in the repository, ``eval/stories/<set>/<topic>[-<slice>].tsv`` (one folder per
annotation, eval/stories/README.md): a document id (file name), a story label and a short note in our own words,
no text of the data. The gold built from them holds the data's
titles and dates, so it is written outside version control (``.cache/stories-gold/``). Procedure
(docs/stories-eval.md, "Labelled development set"):

1. ``propose [--dates FROM:TO]``: for each topic (or the slice of its files dated FROM..TO), brute-force all pairs
   (exact word-3-gram shingle sets, not MinHash), and write ``<name>.proposals.txt``: candidate clusters (connected
   components of duplicate pairs and of same-event links: TF-IDF cosine of content words ≥ 0.3 within 4 days by the
   files' dates) with each member's id, date, outlet, title and lead, plus borderline pairs to review.
2. An annotator reads the proposals and the texts and writes the slice's TSV (one line per document).
3. ``build``: labels → ``<out>/<set>/<topic>.json`` in score.py's gold format, per annotation; the duplicate pairs
   are every pair at exact shingle Jaccard ≥ ``DUP_J`` or containment ≥ ``DUP_C`` (brute force). Without labels
   the stories are the unreviewed proposals (``<out>/<topic>.json``: fine for the duplicate pairs, not for B³).
4. ``docs``: write ``<topic>.docs.jsonl`` ({id, text, published, url}) for runs with metadata; the text is
   "title\\n\\nbody" like the SlavicNER raw files (text-only runs use ../shared/eval/ner-bg/raw).

Usage: python scripts/label_stories.py propose|build|docs [--topics a,b] [--out DIR]
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import math
import re
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "eval" / "news-bg" / "bsnlp-with-metadata"
LABELS = ROOT / "eval" / "stories"  # the reviewed story labels: ids and our own event notes, no text of the data
OUT = ROOT / ".cache" / "stories-gold"  # built gold (it holds titles and dates of the data: never committed)


def outside_tree(path: str | Path) -> Path:
    """``path`` if it may hold the data's text, titles or dates: outside the repository or under its ignored
    ``.cache/``. The licence note keeps the data out of the repository; a gold folder written into the tree was
    committed once (stop 45, ``strict/``, removed in stop 51)."""
    path = Path(path)
    p = path.resolve()
    if p.is_relative_to(ROOT) and not p.is_relative_to(ROOT / ".cache"):
        raise SystemExit(f"{path}: inside the repository; this folder gets the evaluation data's text, which must "
                         "not be committed: give a folder under .cache/ or outside the repository")
    return path
W = re.compile(r"\w+")
NEAR_J, NEAR_C, LINK_COS, LINK_DAYS = 0.5, 0.8, 0.3, 4  # step 1's links (the proposals were reviewed with these)
# the gold's duplicate pairs (``build``): where two annotators, labelling pairs blind, put the line between a reprint
# and an independent text (docs/stories-eval.md, "Duplicates labelled blind")
DUP_J, DUP_C = 0.3, 0.55


def read_topic(topic: str) -> list[dict]:
    """The five header lines (id, language, date, URL, title), then the body."""
    docs = []
    for f in sorted((DATA / topic).glob("*.txt")):
        lines = f.read_text(encoding="utf-8").split("\n")
        title, body = lines[4].strip(), "\n".join(lines[5:]).strip()
        date = lines[2].strip()
        docs.append({"id": f.name.removesuffix(".txt"), "date": None if date.startswith("1970") else date,
                     "url": lines[3].strip(), "outlet": re.sub(r"^www\.", "", lines[3].split("/")[2]),
                     "title": title, "body": body, "text": f"{title}\n\n{body}"})
    return docs


def _features(docs: list[dict]) -> None:
    df: Counter[str] = Counter()
    for d in docs:
        w = W.findall(d["text"].lower())
        d["sh"] = {" ".join(w[i : i + 3]) for i in range(max(1, len(w) - 2))}
        d["tf"] = Counter(x[:6] for x in w if len(x) > 3)
        df.update(set(d["tf"]))
    n = len(docs)
    for d in docs:
        v = {t: (1 + math.log(c)) * math.log(n / df[t]) for t, c in d["tf"].items()}
        nn = math.sqrt(sum(x * x for x in v.values())) or 1.0
        d["v"] = {t: x / nn for t, x in v.items()}


def _days(a: dict, b: dict) -> int | None:
    if not a["date"] or not b["date"]:
        return None
    return abs((dt.date.fromisoformat(a["date"]) - dt.date.fromisoformat(b["date"])).days)


def propose(topic: str, out: Path, dates: str = "") -> None:
    docs = read_topic(topic)
    name = topic
    if dates:  # a slice by the files' dates, for annotators sharing a large topic (undated files go with every slice)
        lo, hi = dates.split(":")
        docs = [d for d in docs if not d["date"] or lo <= d["date"] <= hi]
        name = f"{topic}-{lo}-{hi}"
    _features(docs)
    parent = list(range(len(docs)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    pairs, border = [], []
    for i, j in itertools.combinations(range(len(docs)), 2):
        a, b = docs[i], docs[j]
        inter = len(a["sh"] & b["sh"])
        jac = inter / len(a["sh"] | b["sh"])
        con = inter / min(len(a["sh"]), len(b["sh"]))
        cos = sum(x * b["v"].get(t, 0.0) for t, x in a["v"].items())
        days = _days(a, b)
        label = ("exact" if a["body"] == b["body"] else "near-duplicate") if (jac >= NEAR_J or con >= NEAR_C) else None
        if label:
            pairs.append((a["id"], b["id"], label, jac, con))
        if label or (cos >= LINK_COS and (days is None or days <= LINK_DAYS)):
            parent[find(i)] = find(j)
        elif max(jac, con) >= 0.3 or (cos >= 0.2 and (days is None or days <= LINK_DAYS)):
            border.append((a["id"], b["id"], jac, con, cos, days))
    groups: dict[int, list[int]] = {}
    for i in range(len(docs)):
        groups.setdefault(find(i), []).append(i)
    with (out / f"{name}.proposals.txt").open("w", encoding="utf-8") as f:
        f.write(f"# {name}: {len(docs)} documents, {len(groups)} proposed stories\n")
        for k, (_, members) in enumerate(sorted(groups.items(), key=lambda x: -len(x[1]))):
            f.write(f"\nSTORY {topic}-{k}\n")
            for i in sorted(members, key=lambda i: (docs[i]["date"] or "", docs[i]["id"])):
                d = docs[i]
                f.write(f"  {d['id']}\t{d['date']}\t{d['outlet']}\t{d['title'][:110]}\t| {d['body'][:150]!r}\n")
        f.write("\nDUPLICATE PAIRS (auto: exact shingle Jaccard >= 0.5 or containment >= 0.8)\n")
        for a, b, lab, jac, con in pairs:
            f.write(f"  PAIR {a}\t{b}\t{lab}\tJ={jac:.2f}\tC={con:.2f}\n")
        f.write("\nBORDERLINE (not linked; review)\n")
        for a, b, jac, con, cos, days in border:
            f.write(f"  {a}\t{b}\tJ={jac:.2f}\tC={con:.2f}\tcos={cos:.2f}\tdays={days}\n")
    print(f"{name}: {len(docs)} docs, {len(groups)} stories, {len(pairs)} dup pairs, {len(border)} borderline")


def label_sets() -> list[str]:
    """The annotations kept: ``eval/stories/<set>/`` (see eval/stories/README.md)."""
    return sorted(d.name for d in LABELS.iterdir() if d.is_dir() and any(d.glob("*.tsv")))


def read_labels(topic: str, labels: Path) -> dict[str, str]:
    """``<set>/<topic>[-slice].tsv``: id, story label, note; a label is shared across a topic's files."""
    story: dict[str, str] = {}
    for f in sorted(labels.glob(f"{topic}*.tsv")):
        for n, line in enumerate(f.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            doc, label = line.split("\t")[:2]
            if doc in story:
                raise SystemExit(f"{f}:{n}: {doc} is labelled twice")
            story[doc] = f"{topic}:{label.strip()}"
    return story


def build(topic: str, out: Path) -> None:
    """``<out>/<set>/<topic>.json`` for each annotation that labels the topic; without any, ``<out>/<topic>.json``
    from the unreviewed proposals (fine for the duplicate pairs, not for B³)."""
    docs = {d["id"]: d for d in read_topic(topic)}
    sets = [s for s in label_sets() if any((LABELS / s).glob(f"{topic}*.tsv"))]
    for name in sets:
        story = read_labels(topic, LABELS / name)
        if set(story) != set(docs):
            raise SystemExit(f"{name}/{topic}: labels miss {sorted(set(docs) - set(story))[:5]}, "
                             f"name unknown ids {sorted(set(story) - set(docs))[:5]}")
        (out / name).mkdir(parents=True, exist_ok=True)
        _build(topic, docs, story, out / name)
    if sets:
        return
    print(f"{topic}: no labels in {LABELS}; the stories are the unreviewed proposals")
    story, cur = {}, None
    for line in (out / f"{topic}.proposals.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("STORY "):
            cur = line.split()[1]
        elif line.startswith(("DUPLICATE", "BORDERLINE")):
            cur = None
        elif cur and line.startswith("  ") and "\t" in line:
            story.setdefault(line.strip().split("\t")[0], cur)
    _build(topic, docs, story, out)


def _build(topic: str, docs: dict[str, dict], story: dict[str, str], out: Path) -> None:
    """score.py's gold: the stories, and every pair at exact Jaccard ≥ DUP_J or containment ≥ DUP_C (brute force)."""
    pairs: dict[frozenset, str] = {}
    _features(list(docs.values()))
    for a, b in itertools.combinations(docs.values(), 2):
        inter = len(a["sh"] & b["sh"])
        if inter and (inter / len(a["sh"] | b["sh"]) >= DUP_J or inter / min(len(a["sh"]), len(b["sh"])) >= DUP_C):
            pairs[frozenset((a["id"], b["id"]))] = "exact" if a["body"] == b["body"] else "near-duplicate"
    for d in docs:
        story.setdefault(d, f"{topic}-solo-{d}")
    members: dict[str, list[str]] = {}
    for d, s in sorted(story.items()):
        members.setdefault(s, []).append(d)
    gold = {"topic": topic,
            "documents": {d: {"date": x["date"], "outlet": x["outlet"], "title": x["title"]} for d, x in docs.items()},
            "stories": [{"id": s, "members": m} for s, m in sorted(members.items())],
            "pairs": [{"a": min(k), "b": max(k), "label": v} for k, v in sorted(pairs.items(), key=lambda x: sorted(x[0]))]}
    (out / f"{topic}.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1), encoding="utf-8")
    multi = sum(1 for m in members.values() if len(m) > 1)
    print(f"{out.name}/{topic}: {len(docs)} docs, {len(members)} stories ({multi} with 2+), "
          f"{sum(v in ('exact', 'near-duplicate') for v in pairs.values())} duplicate pairs")


def write_docs(topic: str, out: Path) -> None:
    with (out / f"{topic}.docs.jsonl").open("w", encoding="utf-8") as f:
        for d in read_topic(topic):
            f.write(json.dumps({"id": d["id"], "text": d["text"], "published": d["date"], "url": d["url"],
                                "title": d["title"]}, ensure_ascii=False) + "\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("cmd", choices=["propose", "build", "docs"])
    ap.add_argument("--topics", default="asia_bibi,brexit,nord_stream,ryanair")
    ap.add_argument("--out", type=outside_tree, default=OUT)
    ap.add_argument("--dates", default="", help="propose: only files dated FROM:TO (ISO dates), e.g. for one annotator")
    a = ap.parse_args()
    a.out.mkdir(parents=True, exist_ok=True)
    for t in a.topics.split(","):
        if a.cmd == "propose":
            propose(t, a.out, a.dates)
            continue
        {"build": build, "docs": write_docs}[a.cmd](t, a.out)


if __name__ == "__main__":
    main()
