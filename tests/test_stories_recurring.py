"""Recurring reports: one outlet words each day's case count alike, so two days are near-duplicates by their
words; only the figures tell them apart. Three days of daily COVID-19 figures, each told by two outlets in
their own wording (written for this test in the form Bulgarian outlets used in 2020-21; the figures are made
up), among real reports of other news (SlavicNER raw texts)."""

from __future__ import annotations

import json
import pickle
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SHARED

from vestnik.document import Document
from vestnik.pipeline import make_pipeline
from vestnik.stories.batch import cluster_story_docs
from vestnik.stories.features import StoryDoc, story_doc
from vestnik.stories.index import RECURRING, DedupIndex
from vestnik.stories.items import Item, compare
from vestnik.stories.normalize import figures, tokens

A = ("{c} нови случая на коронавирус у нас за последното денонощие\n"
     "Новите случаи на COVID-19 у нас за последното денонощие са {c}, съобщи Единният информационен портал. "
     "Направени са {t} PCR теста, а делът на положителните проби е {p} процента. Починалите са {d}, а "
     "излекуваните за денонощието са {r}. В болница са настанени {h} души, от които {i} са в интензивни "
     "отделения. Най-много нови случаи има в София - {s}.\n")
B = ("{d} починали и {c} заразени с COVID-19 за денонощие\n"
     "За изминалото денонощие са регистрирани {c} нови случая на заразяване с коронавирус при {t} направени "
     "изследвания, показват данните на Единния информационен портал. Положителни са {p} на сто от пробите. "
     "Жертвите на заразата са {d}. Оздравели са {r} души. Хоспитализираните пациенти са {h}, като {i} от тях са в "
     "интензивно отделение. В столицата новозаразените са {s}.\n")
DAYS = [dict(c="1203", t="5412", p="22,2", d="45", r="612", h="3104", i="241", s="402"),
        dict(c="1 390", t="6 120", p="22,7", d="52", r="701", h="3 188", i="250", s="455"),  # digits grouped
        dict(c="987", t="4301", p="22,9", d="38", r="840", h="3150", i="247", s="310")]
TEXTS = {f"day{n}{o}": tpl.format(**f) for n, f in enumerate(DAYS, 1) for o, tpl in (("a", A), ("b", B))}


@pytest.fixture(scope="module")
def docs() -> list[StoryDoc]:
    pipe = make_pipeline(only=["segment"])
    other = sorted((SHARED / "eval" / "ner-bg" / "raw" / "ryanair").glob("*.txt"))[:30]
    texts = {f.stem: f.read_text(encoding="utf-8") for f in other} | TEXTS
    return [story_doc(pipe(Document(text=t, id=i))) for i, t in texts.items()]


def test_figures_are_the_quantities_a_text_states():
    assert figures("1 203 нови случая при 12.345 теста, 22,2 % положителни, 3.5 млн. лв.") == \
        ["1203", "12345", "22.2", "3.5"]
    # years, single digits, times of day, numeric dates and digits inside names are not figures
    assert figures("През 2020 г. 5 души; в 04:52 ч. на 29.01.2018 и 17.12. COVID-19 G7") == []
    assert figures("Загинали са 17 души на 17 декември") == ["17"]
    # full-width or other-script digits read as the same quantity; a long digit string is a code, not a figure
    assert figures("１２０３ нови случая, ٤٥ починали, номер 123456789012345678901234567") == ["1203", "45"]


def test_another_days_release_is_recurring_not_a_duplicate(docs: list[StoryDoc]):
    by = {d.id: d for d in docs}
    idx = DedupIndex()
    idx.add(by["day1a"])
    reprint = StoryDoc(**{**by["day1a"].__dict__, "id": "day1a-reprint",
                          "words": [w for w in by["day1a"].words if w != "съобщи"]})
    kinds = {m.other: m.kind for m in idx.add(reprint)}
    assert kinds == {"day1a": "near-duplicate"}  # the same figures: a reprint
    day2 = idx.add(by["day2a"])
    assert {m.other: m.kind for m in day2} == {"day1a": RECURRING, "day1a-reprint": RECURRING}
    assert all(m.jaccard >= 0.3 for m in day2)  # by their words alone they would be near-duplicates


def test_each_days_reports_form_one_story_across_outlets(docs: list[StoryDoc]):
    stories = cluster_story_docs(docs)
    story_of = {m: s for s in stories for m in s.members}
    for n in (1, 2, 3):
        assert story_of[f"day{n}a"] is story_of[f"day{n}b"], n  # two outlets' wordings, one day's figures
        others = {m for m in story_of[f"day{n}a"].members if m.startswith("day")}
        assert others == {f"day{n}a", f"day{n}b"}  # and no other day's release
    assert not any(a.startswith("day") for s in stories for a, _, _ in s.duplicates)


def test_cli_stories_keeps_the_days_apart(tmp_path: Path):
    for i, t in TEXTS.items():
        (tmp_path / f"{i}.txt").write_text(t, encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "vestnik.cli.main", "stories", str(tmp_path), "--format", "jsonl"],
                         capture_output=True, text=True, check=True).stdout
    rows = [json.loads(line) for line in out.splitlines()]
    assert sorted(sorted(r["documents"]) for r in rows) == [[f"day{n}a", f"day{n}b"] for n in (1, 2, 3)]
    assert all(not r["duplicates"] for r in rows)


def test_an_index_saved_before_figures_loads_and_learns_them_for_new_documents(docs: list[StoryDoc],
                                                                               tmp_path: Path):
    """A format-4 index (no figures) reads; its documents state none, so only releases added since are told
    apart, and nothing it answered before changes."""
    by = {d.id: d for d in docs}
    idx = DedupIndex()
    idx.add_many([d for d in docs if not d.id.startswith("day")] + [by["day1a"]])
    state = idx._state()
    old = {k: v for k, v in state.items() if not k.startswith("fig_")} | {"version": 4}
    path = tmp_path / "format4.idx"
    path.write_bytes(pickle.dumps(old))
    loaded = DedupIndex.load(path)
    assert [m.kind for m in loaded.add(by["day2a"])] == ["near-duplicate"]  # day 1 was stored without figures
    assert {m.other: m.kind for m in loaded.add(by["day3a"])} == {"day1a": "near-duplicate", "day2a": RECURRING}
    assert len(pickle.loads(pickle.dumps(loaded))) == len(loaded)


def test_a_box_of_earlier_days_teasers_is_no_duplicate_of_the_article():
    def item(name: str, text: str) -> Item:
        head, _, lead = text.partition("\n")
        lead = lead[:160].rsplit(" ", 1)[0] + "..."
        return Item(name, tokens(head), tokens(lead), True, frozenset(figures(head + "\n" + lead)))

    article = item("article", TEXTS["day3a"])
    earlier = item("teaser:0", TEXTS["day2a"])
    again = item("teaser:1", TEXTS["day3a"].replace("съобщи", "обяви"))
    assert compare(article, again) is not None  # the same day's report, reworded: one story
    assert compare(article, earlier) is None  # the same words, another day's figures
    assert compare(article, Item(earlier.name, earlier.head, earlier.lead, True)) is not None  # by words alone
