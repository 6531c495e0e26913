"""The Bulgarian contract-format annotation (eval/bggold/): each file joins its report in ../shared, every span and
chain is well formed, and no text of the data is kept in the repository."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest
from conftest import SHARED

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "eval" / "bggold"
TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
         "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}

pytestmark = pytest.mark.skipif(not (SHARED / "eval" / "ner-bg" / "raw").exists(), reason="shared eval data not present")


def _script() -> ModuleType:  # scripts/ is no package
    spec = importlib.util.spec_from_file_location("eval_bggold", ROOT / "scripts" / "eval_bggold.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.mark.parametrize(("labels", "count"), [
    # 31 of stop 39, 12 of stop 40, 8 of stop 41, 24 of stop 42, 24 of stop 43, 24 of stop 44, 24 of stop 45, 32 of
    # stop 46, 8 of stop 48, 8 of stop 49, 8 of stop 51, 8 of stop 56, 6 + 8 + 6 of stop 57, 6 of stop 58, 6 + 3 of
    # stop 59, 5 + 5 of stop 61, 5 + 5 of stop 62, 5 of stop 63, 5 of stop 64, 4 of stop 65, 4 + 4 + 4 of stop
    # 66, 4 + 4 + 4 + 4 of stop 67, 4 + 4 + 4 + 4 + 4 + 4 + 4 of stop 68, 55 in 14 rounds of stop 69
    (LABELS, 391),
    # news of other sites and topics (Hack the Fake News): 2 rounds of stop 51, 52, 53, 2 of stop 57, 1 of stop 58,
    # 3 of stop 59, 3 + 3 of stop 61, 3 + 3 of stop 62, 3 of stop 63, 3 of stop 64, 4 of stop 65, 4 + 4 +
    # 4 of stop 66, 4 + 4 + 4 + 4 of stop 67, 4 + 4 + 4 + 4 + 4 + 4 + 4 of stop 68, 47 in 12 rounds of stop 69
    (ROOT / "eval" / "bggold-sites", 163),
    # a second annotation of 16 + 16 of the reports, made blind by other annotators (stops 68, 69): their agreement
    (ROOT / "eval" / "bggold-second", 32),
])
def test_annotations_join_their_reports_and_are_well_formed(tmp_path: Path, labels: Path, count: int) -> None:
    files = sorted(labels.glob("*.json"))
    assert len(files) == count
    for f in files:
        assert "text" not in json.loads(f.read_text(encoding="utf-8"))  # the data stays in ../shared
    gold = _script().build(tmp_path, labels)
    for f in sorted(gold.glob("*.json")):
        g = json.loads(f.read_text(encoding="utf-8"))
        n = len(g["text"])

        def ok(span: list[int] | None, n: int = n) -> bool:
            return span is None or (0 <= span[0] < span[1] <= n)

        assert g["published"][:2] == "20"
        assert all(ok(q["span"]) and ok(q.get("cue")) and ok((q.get("speaker") or {}).get("span")) for q in g["quotes"])
        assert all(ok(s["span"]) and (s["cites"] is None or 0 <= s["cites"] < len(g["sources"])) for s in g["sources"])
        assert all(ok(t["span"]) and t["type"] in {"DATE", "TIME", "DURATION", "SET"} for t in g["times"])
        assert all(ok(e["span"]) and e["type"] in TYPES and e["sentence"][0] <= e["span"][0] < e["span"][1]
                   <= e["sentence"][1] for e in g["events"])


def test_the_second_annotation_is_of_annotated_reports() -> None:
    """eval/bggold-second re-annotates reports of eval/bggold (scripts/eval_bggold.py agree scores the one against the
    other): every one of its reports is there, with the same text."""
    second = sorted((ROOT / "eval" / "bggold-second").glob("*.json"))
    assert second
    for f in second:
        first = LABELS / f.name
        assert first.exists(), f.name
        assert json.loads(f.read_text(encoding="utf-8"))["text_sha1"] == json.loads(
            first.read_text(encoding="utf-8"))["text_sha1"]
