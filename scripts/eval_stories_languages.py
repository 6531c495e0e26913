"""Score story clustering across languages: Bulgarian and Russian reports of one topic clustered together.

Inputs: the Bulgarian documents with their dates (``<labels>/<topic>.docs.jsonl``, see label_stories.py) and the
Russian SlavicNER raw texts of the same topic (``../shared/eval/ner-ru/raw/<topic>``, no metadata). Labels
(eval/stories/README.md): ``eval/stories/broad/xling/<topic>.ru2bg.tsv`` puts each Russian report in a Bulgarian
story of the ``broad`` annotation or in a Russian-only group (``ru:N``); ``.../<topic>.ru-dates.tsv`` holds the
publication day a reader estimated from each Russian text (datelines, dates and events told), standing in for
the date a feed would give.

Two conditions: the Russian reports dated (as in a real feed) and undated. Prints score.py's B³ over all
documents and the precision/recall of Bulgarian-Russian same-story pairs.

Usage: python scripts/eval_stories_languages.py [--labels .cache/stories-gold] [--topics nord_stream,ryanair]
       [--jobs 2] [--cache DIR]
"""

from __future__ import annotations

import copy
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from eval_stories import ROOT, SHARED, arguments, ensure_gold, score, story_docs

XLING = ROOT / "eval" / "stories" / "broad" / "xling"


def labels(labels: Path, topic: str) -> tuple[dict[str, str], dict[str, str]]:
    """(document -> gold story, Russian document -> estimated day)."""
    gold = json.loads((labels / "broad" / f"{topic}.json").read_text())
    story = {m: s["id"] for s in gold["stories"] for m in s["members"]}
    days = {}
    for kind, f in (("story", "ru2bg"), ("day", "ru-dates")):
        for line in (XLING / f"{topic}.{f}.tsv").read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            doc, value = line.split("\t")[:2]
            if kind == "story":
                story[doc] = f"{topic}-{value}" if value.startswith("ru:") else f"{topic}:{value}"  # label_stories ids
            elif value != "?":
                days[doc] = value
    return story, days


def main() -> None:
    a = arguments("nord_stream,ryanair")
    ensure_gold(a.labels, a.topics.split(","))
    sys.path.insert(0, str(ROOT))
    from vestnik.stories.batch import cluster_story_docs

    print(f"{'topic':<12} {'russian':<8} {'B3 P':>6} {'B3 R':>6} {'B3 F1':>6} {'pairs':>6} {'P':>6} {'R':>6} "
          f"{'mixed stories':>13}")
    with tempfile.TemporaryDirectory() as td:
        for t in a.topics.split(","):
            story, days = labels(a.labels, t)
            bg = story_docs([str(a.labels / f"{t}.docs.jsonl")], a.jobs, a.cache, f"{t}.meta")
            ru = story_docs([str(SHARED / "ner-ru" / "raw" / t)], a.jobs, a.cache, f"{t}.ru")
            gold = Path(td) / f"{t}.json"
            gold.write_text(json.dumps({"topic": t, "documents": {d.id: {} for d in bg + ru}, "pairs": [],
                                        "stories": [{"id": s, "members": [d for d in story if story[d] == s]}
                                                    for s in sorted(set(story.values()))]}))
            for cond in ("dated", "undated"):
                ru_c = [copy.copy(d) for d in ru]
                for d in ru_c:
                    d.published = days.get(d.id) if cond == "dated" else None
                stories = cluster_story_docs(bg + ru_c)
                pred = {m: s.id for s in stories for m in s.members}
                out = Path(td) / f"{t}.{cond}.jsonl"
                out.write_text("".join(json.dumps(s.to_dict(), ensure_ascii=False) + "\n" for s in stories))
                b = score(out, [gold])["bcubed"]
                tp = fp = fn = 0
                for r in ru:
                    for g in bg:
                        same, joined = story[r.id] == story[g.id], pred[r.id] == pred[g.id]
                        tp, fp, fn = tp + (same and joined), fp + (joined and not same), fn + (same and not joined)
                mixed = sum(len(s.languages) > 1 for s in stories)
                print(f"{t:<12} {cond:<8} {b['p']:>6.3f} {b['r']:>6.3f} {b['f1']:>6.3f} {tp + fn:>6} "
                      f"{tp / max(tp + fp, 1):>6.3f} {tp / max(tp + fn, 1):>6.3f} {mixed:>13}")


if __name__ == "__main__":
    main()
