"""Score ``vestnik stories`` on the labelled news-bg set (labels in eval/stories/; see docs/stories-eval.md).

Two conditions per topic: text only (../shared/eval/ner-bg/raw/<topic>: title + body, no metadata, like the
hidden set) and with metadata (<labels>/<topic>.docs.jsonl: dates and URLs from the BSNLP header lines),
plus all topics in one run. Prints score.py's metrics and the all-singletons baseline (``alone``) against each
annotation kept in eval/stories/ (``labels``: broad, strict; eval/stories/README.md).

Usage: python scripts/eval_stories.py [--labels .cache/stories-gold] [--topics a,b] [--jobs 2] [--cache DIR]

The gold in ``--labels`` is built from ``eval/stories/*.tsv`` and ../shared (``label_stories.py build`` and
``docs``) when it is missing or older than the labels.

``--cache DIR``: keep each input's pipeline output (the StoryDoc list, pickled) in DIR and cluster in this process,
so that a clustering change is measured in seconds (delete DIR after changing anything before the stories layer).
"""

from __future__ import annotations

import argparse
import json
import pickle
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "eval"
VESTNIK = [sys.executable, "-m", "vestnik.cli.main"]


def score(pred: Path, golds: list[Path]) -> dict:
    cmd = [sys.executable, str(SHARED / "score.py"), "stories", "--pred", str(pred)]
    for g in golds:
        cmd += ["--gold", str(g)]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def singletons(golds: list[Path], tmp: Path) -> dict:
    p = tmp / "singletons.jsonl"
    with p.open("w") as f:
        for g in golds:
            for d in json.loads(g.read_text())["documents"]:
                f.write(json.dumps({"id": d, "documents": [d], "duplicates": []}) + "\n")
    return score(p, golds)


def run(inputs: list[str], out: Path, jobs: int) -> None:
    subprocess.run([*VESTNIK, "stories", *inputs, "--format", "jsonl", "-o", str(out), "-j", str(jobs)],
                   check=True, capture_output=True, cwd=ROOT)


def story_docs(inputs: list[str], jobs: int, cache: Path | None, key: str) -> list:
    """The pipeline's StoryDocs for ``inputs``, read from / written to ``cache/<key>.pkl`` when a cache is given."""
    return pipeline_output(inputs, jobs, cache, key)


def pipeline_output(inputs: list[str], jobs: int, cache: Path | None, key: str, documents: bool = False) -> list:
    """The pipeline's output for ``inputs``: their StoryDocs, or with ``documents`` the Documents themselves, read
    from / written to ``cache/<key>.pkl`` when a cache is given."""
    from vestnik.ingest.readers import FieldMap, ReadError, read_inputs
    from vestnik.runner import run as run_pipeline
    from vestnik.stories.features import story_doc

    f = cache / f"{key}.pkl" if cache else None
    if f is not None and f.exists():
        return pickle.loads(f.read_bytes())
    items = read_inputs(inputs, published=None, fields=FieldMap(text="text", title="title", date="published",
                                                                url="url"))
    out = [d if documents else story_doc(d) for d in run_pipeline(items, jobs=jobs) if not isinstance(d, ReadError)]
    if f is not None:
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_bytes(pickle.dumps(out))
    return out


def run_cached(inputs: list[str], out: Path, jobs: int, cache: Path, key: str) -> None:
    """Like ``run``, with the pipeline's StoryDocs read from / written to ``cache/<key>.pkl``."""
    from vestnik.stories.batch import cluster_story_docs

    sds = story_docs(inputs, jobs, cache, key)
    out.write_text("".join(json.dumps(s.to_dict(), ensure_ascii=False) + "\n" for s in cluster_story_docs(sds)),
                   encoding="utf-8")


def arguments(topics: str) -> argparse.Namespace:
    """The options both evaluation scripts take."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from label_stories import OUT, outside_tree

    ap = argparse.ArgumentParser()
    ap.add_argument("--labels", type=outside_tree, default=OUT,
                    help="where the gold built from eval/stories/ goes (it holds the data's titles: never in the tree)")
    ap.add_argument("--topics", default=topics)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--cache", type=Path, help="cache the pipeline output here and cluster in-process")
    return ap.parse_args()


def ensure_gold(labels: Path, topics: list[str]) -> list[str]:
    """Build each annotation's ``<set>/<topic>.json`` and the ``<topic>.docs.jsonl`` from the committed labels
    when missing or stale (scripts/label_stories.py); returns the annotations (sets) found."""
    sys.path.insert(0, str(ROOT / "scripts"))
    import label_stories as ls

    sets = ls.label_sets()
    newest = max((f.stat().st_mtime for f in ls.LABELS.glob("*/*.tsv")), default=0.0)
    labels.mkdir(parents=True, exist_ok=True)
    for t in topics:
        built = [labels / s / f"{t}.json" for s in sets if any((ls.LABELS / s).glob(f"{t}*.tsv"))]
        if not built:  # no reviewed labels: the gold's stories are the proposals (label_stories.build)
            ls.propose(t, labels)
        if not (labels / f"{t}.docs.jsonl").exists() or not built or any(
                not g.exists() or g.stat().st_mtime < newest for g in built):
            ls.build(t, labels)
            ls.write_docs(t, labels)
    return sets


def main() -> None:
    a = arguments("asia_bibi,brexit,nord_stream,ryanair")
    topics = a.topics.split(",")
    sets = ensure_gold(a.labels, topics)
    if a.cache:
        sys.path.insert(0, str(ROOT))

    def go(inputs: list[str], out: Path, key: str) -> None:
        if a.cache:
            run_cached(inputs, out, a.jobs, a.cache, key)
        else:
            run(inputs, out, a.jobs)

    def golds(topics: list[str]) -> dict[str, list[Path]]:
        return {s: [a.labels / s / f"{t}.json" for t in topics] for s in sets
                if all((a.labels / s / f"{t}.json").exists() for t in topics)}

    rows = []
    with tempfile.TemporaryDirectory() as td:
        tmp = Path(td)
        for t in topics:
            for cond, inp in (("text", [str(SHARED / "ner-bg" / "raw" / t)]),
                              ("meta", [str(a.labels / f"{t}.docs.jsonl")])):
                out = tmp / f"{t}.{cond}.jsonl"
                go(inp, out, f"{t}.{cond}")
                for s, gold in golds([t]).items():
                    rows.append((t, cond, s, singletons(gold, tmp)["bcubed"]["f1"], score(out, gold)))
        out = tmp / "all.text.jsonl"
        go([str(SHARED / "ner-bg" / "raw" / t) for t in topics], out, "all." + "+".join(topics))
        for s, gold in golds(topics).items():
            rows.append(("ALL", "text", s, singletons(gold, tmp)["bcubed"]["f1"], score(out, gold)))
    print(f"{'topic':<12} {'input':<5} {'labels':<7} {'alone':>6} {'B3 P':>6} {'B3 R':>6} {'B3 F1':>6} {'dup P':>6} "
          f"{'dup R':>6} {'gold':>5} {'pred':>5}")
    for t, cond, s, base, sc in sorted(rows, key=lambda r: (r[2], r[0] == "ALL", r[0], r[1])):
        b, d = sc["bcubed"], sc["duplicates"]
        print(f"{t:<12} {cond:<5} {s:<7} {base:>6.3f} {b['p']:>6.3f} {b['r']:>6.3f} {b['f1']:>6.3f} {d['p']:>6.3f} "
              f"{d['r']:>6.3f} {d['gold']:>5} {d['pred']:>5}")


if __name__ == "__main__":
    main()
