"""English names the KB does not know (vestnik/entities/propername.py), on the shipped English sample pages and on
newswire-style sentences."""

from __future__ import annotations

from pathlib import Path

import pytest

from vestnik.document import Document, Entity, Mention
from vestnik.entities.gazetteer import Gazetteer
from vestnik.entities.kb import KB
from vestnik.entities.linking import link
from vestnik.ingest.readers import document_from_string
from vestnik.pipeline import make_pipeline

SAMPLES = Path(__file__).resolve().parents[1] / "vestnik" / "samples"


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer(KB.load())


@pytest.fixture(scope="module")
def pipe():  # type: ignore[no-untyped-def]
    return make_pipeline(only=["segment", "language", "entities"])


def run(gaz: Gazetteer, text: str) -> tuple[dict[str, Mention], dict[str, Entity]]:
    mentions, ents = link(text, gaz, [], "2024-12-01", "en")
    return {text[m.span[0] : m.span[1]]: m for m in mentions if m.form == "name"}, ents


def sample(pipe, name: str) -> tuple[Document, dict[str, Mention]]:  # type: ignore[no-untyped-def]
    doc = pipe(document_from_string((SAMPLES / name).read_text(encoding="utf-8")))
    return doc, {doc.text[m.span[0] : m.span[1]]: m for m in doc.mentions if m.form == "name"}


def test_people_without_a_title_on_a_real_page(pipe) -> None:  # type: ignore[no-untyped-def]
    doc, ms = sample(pipe, "en-afp-baku-climate-deal.html")
    for name in ("Chandni Raina", "Wopke Hoekstra"):
        assert ms[name].type == "PER" and ms[name].evidence == "caps.en", name
        assert ms[name].entity and ms[name].entity in doc.entities
    assert "Nations" not in ms and "Nearly" not in ms  # headline and sentence-initial capitals


def test_organisations_and_their_country_on_a_real_page(pipe) -> None:  # type: ignore[no-untyped-def]
    doc, ms = sample(pipe, "en-ap-iran-sanctions.html")
    assert ms["Treasury Department"].type == "ORG"
    fm = ms["Iran's Foreign Ministry"]
    assert fm.type == "ORG" and doc.entities[fm.entity].country == "IRN"
    assert doc.entities[fm.entity].codes["cameo"] == "IRNGOV"
    assert "Treasury Deputy" not in ms  # a title phrase, not a person
    doc, ms = sample(pipe, "en-reuters-putin-kim.html")
    court = ms["South Korea's Constitutional Court"]
    assert doc.entities[court.entity].codes["cameo"] == "KORJUD"


def test_surname_alone_joins_the_full_name(gaz: Gazetteer) -> None:
    text = ("Campaign adviser Kellyanne Conway did not apologise on Sunday. \"We will move on,\" Conway told "
            "reporters in Denver. Conway later left for Ohio.")
    ms, ents = run(gaz, text)
    full = ms["Kellyanne Conway"]
    assert full.type == "PER"
    assert ms["Conway"].entity == full.entity and ents[full.entity].type == "PER"
    assert "We" not in ms and "Campaign" not in ms


def test_places_need_a_cue_and_a_phrase_end(gaz: Gazetteer) -> None:
    text = ("The government accepted demands from Shona rebels. Fighting broke out in Kismayo, and refugees fled "
            "from Baidoa on Monday. Officials in Rakhine State said nothing.")
    ms, _ = run(gaz, text)
    assert ms["Kismayo"].type == "LOC" and ms["Baidoa"].type == "LOC"
    assert ms["Rakhine State"].type == "LOC"
    assert "Shona" not in ms  # "from Shona rebels": a modifier, not a place
    assert "Monday" not in ms and "Officials" not in ms and "Fighting" not in ms


def test_organisation_heads_and_suffixes(gaz: Gazetteer) -> None:
    text = ("The Securities and Exchange Commission and the Ministry of Agriculture met officials of Acme Holdings "
            "and the Kent State University. The Islamic Salvation Front said the House and Senate must act.")
    ms, _ = run(gaz, text)
    for name in ("Securities and Exchange Commission", "Ministry of Agriculture", "Acme Holdings",
                 "Kent State University", "Islamic Salvation Front"):
        assert ms[name].type == "ORG", name
    assert "House and Senate" not in ms  # "and" joins words only inside an organisation's name


def test_kb_and_tagger_languages_are_untouched(gaz: Gazetteer) -> None:
    text = "Президентът Румен Радев каза, че Иван Петров ще пътува."
    mentions, _ = link(text, gaz, [], "2024-12-01", "bg")
    assert not any(m.evidence.startswith("caps.") for m in mentions)


def test_a_place_between_a_title_and_a_name_is_a_first_name(gaz: Gazetteer) -> None:
    """"Defence Minister Aden Duale": Aden is his first name, not the Yemeni city (whose country then went to the
    minister); the city alone is still a place, and the surname alone is the same person."""
    text = "Defence Minister Aden Duale said the army was deployed. Duale added that Aden was calm."
    mentions, _ = link(text, gaz, [], "2024-06-25", "en")
    got = [(text[m.span[0] : m.span[1]], m.type) for m in mentions if m.form == "name"]
    assert ("Aden Duale", "PER") in got and ("Duale", "PER") in got and ("Aden", "LOC") in got
    assert got[-1] == ("Aden", "LOC")  # only the second "Aden" is the city
