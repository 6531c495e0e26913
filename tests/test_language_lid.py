"""Language identification: the seed page, short items in each supported language, the shared LID data, the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from vestnik.language.lid import LanguageIdentifier, load_identifier
from vestnik.pipeline import default_resources

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
LID = SHARED / "eval" / "lid"


@pytest.fixture(scope="module")
def lid() -> LanguageIdentifier:
    return default_resources().get("language.lid", load_identifier)


def test_seed_headline_and_teasers_are_bulgarian(lid: LanguageIdentifier, seed_text: str) -> None:
    lines = [ln for ln in seed_text.splitlines() if len(ln.split()) >= 3]  # one-word datelines are ambiguous
    assert lines
    for ln in lines:
        g = lid.detect(ln)
        assert g.language == "bg", (ln, g)
    assert lid.detect(seed_text).confidence > 0.99


@pytest.mark.parametrize(("text", "code"), [
    ("Министрите обсъдиха разполагането на мироопазващи сили в Украйна", "bg"),
    ("Министры обсудили размещение миротворческих сил на Украине", "ru"),
    ("Министрите разговараа за распоредување мировни сили во Украина", "mk"),
    ("Міністри обговорили розміщення миротворчих сил в Україні", "uk"),
    ("Министри су разговарали о распоређивању мировних снага у Украјини", "sr"),
    ("Міністры абмеркавалі размяшчэнне міратворчых сіл ва Украіне", "be"),
    ("Ministers discussed deploying peacekeeping forces in Ukraine", "en"),
    ("ще", "bg"),
    ("ќе", "mk"),
    ("їхній", "uk"),
])
def test_short_items(lid: LanguageIdentifier, text: str, code: str) -> None:
    assert lid.detect(text).language == code


@pytest.mark.parametrize(("text", "code"), [
    # Latin-script names and titles inside Cyrillic text (a third or more of the words Cyrillic)
    ("Инвеститорската компания притежава и хотелите La Quinta Inns, Luxury Resorts and Hotels.", "bg"),
    ("Fallingwater, органска архитектура од Frank Lloyd Wright.", "mk"),
    ("Baby One More Time: продат преко 30 милиона примерака", "sr"),
    ("Ryanair отмени полетите си до Лондон", "bg"),
    # ... while an English sentence quoting a Cyrillic phrase stays English
    ("The sign at the border read Добре дошли in large letters.", "en"),
    # the language packs' spelling rules (lid.toml "forbidden")
    ("На вас не угодишь, господа.", "ru"),  # ь before a consonant: not Bulgarian
    ("шофьорът", "bg"),  # ь before о is
    ("във вторник", "bg"),  # ъ before a consonant: not Russian
])
def test_latin_names_in_cyrillic_text_and_spelling_rules(lid: LanguageIdentifier, text: str, code: str) -> None:
    assert lid.detect(text).language == code


def test_no_letters(lid: LanguageIdentifier) -> None:
    g = lid.detect("12.12.2024 — 17:30 !!!")
    assert g.language is None and g.confidence == 0.0


@pytest.mark.skipif(not LID.exists(), reason="needs ../shared/eval/lid")
def test_shared_sentences_sample(lid: LanguageIdentifier) -> None:
    """200 sentences per confusable language: the language layer's target is ≥ 0.99 on the full set."""
    for code in ("bg", "ru", "mk", "uk", "sr"):
        lines = (LID / "sentences" / f"{code}.txt").read_text(encoding="utf-8").splitlines()[:200]
        acc = sum(lid.detect(x).language == code for x in lines) / len(lines)
        assert acc >= 0.975, (code, acc)


@pytest.mark.skipif(not LID.exists(), reason="needs ../shared/eval/lid")
def test_shared_word_pairs_beat_lingua_alone(lid: LanguageIdentifier) -> None:
    """Word pairs: lingua alone averages 0.920 over bg/mk/ru/uk/sr on the full set; we must do better."""
    accs = []
    for code in ("bg", "ru", "mk", "uk", "sr"):
        lines = (LID / "word-pairs" / f"{code}.txt").read_text(encoding="utf-8").splitlines()[:300]
        accs.append(sum(lid.detect(x).language == code for x in lines) / len(lines))
    assert sum(accs) / len(accs) >= 0.925, accs


def test_cli_langid_lines(tmp_path: Path) -> None:
    from vestnik.cli.main import app

    f = tmp_path / "items.txt"
    f.write_text("Путин заяви, че Русия ще продължи\nПутин заявил, что Россия продолжит\n\nThe president said\n",
                 encoding="utf-8")
    r = CliRunner().invoke(app, ["langid", "--lines", str(f)])
    assert r.exit_code == 0, r.output
    assert r.stdout.splitlines() == ["bg", "ru", "und", "en"]
    r = CliRunner().invoke(app, ["langid", str(tmp_path / "missing.txt")])
    assert r.exit_code == 1
