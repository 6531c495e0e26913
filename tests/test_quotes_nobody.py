"""Bulgarian speakers that are no one's phrase (stop 82): information with no owner ("Според оскъдната информация,
...") names no speaker, and a relative clause the writer left unclosed ("Кирчева, която живя редом до Ванга ...
разказва, че") is spoken by its antecedent, a person named after a preposition inside it being no subject. The
sentences come from real articles of the BSNLP and small-site corpora (none of them annotated in eval/bggold)."""

from __future__ import annotations

from quote_rows import quote_rows

from vestnik.document import Document
from vestnik.pipeline import make_pipeline

NLP = make_pipeline()


def spans(text: str) -> list[tuple[str, str | None, str | None]]:
    """Each quote as (text, cue, speaker): whether it is direct is not what these tests are about."""
    return [(t, c, s) for t, c, s, _direct in quote_rows(NLP(Document(text=text, language="bg", published="2017-04-10")))]


def test_bulgarian_information_with_no_owner_names_no_speaker() -> None:
    got = spans("Според скорошните изчисления, 33% от улова на останалите европейски държави се добива в "
                "изключителната икономическа зона на Великобритания.\n\nСпоред оскъдната информация, Янг е потомък на "
                "китайски емигрант и местна индианка.\n")
    assert [q[2] for q in got if q[0].startswith("33% от улова")] == [None]
    assert [q[2] for q in got if q[0].startswith("Янг е потомък")] == [None]


def test_bulgarian_one_of_the_versions_names_no_speaker() -> None:
    got = spans("Според една от версиите това е поради факта, че те са недостатъчни за отразяване на пълномащабна "
                "атака от страна на американските войски – комплексите са били предназначени преди всичко за борба "
                "срещу ракетни удари от други възможни противници.\n")
    assert [q[2] for q in got if q[0].startswith("това е поради факта")] == [None]


def test_bulgarian_information_of_someone_keeps_its_owner() -> None:
    got = spans("Според информация на вестника, британските финансови предприятия ще си запазят някои привилегии при "
                "достъпа си до пазара в Европейски съюз след Брекзит.\n")
    speakers = [q[2] for q in got if q[0].startswith("британските финансови предприятия")]
    assert speakers and speakers[0] is not None and "вестника" in speakers[0]
    got = spans("Според получените от изданието данни, финансистът планира да наеме хора на важни позиции в партията "
                "на Тереза Мей, които да подронят авторитета на премиера.\n")
    speakers = [q[2] for q in got if q[0].startswith("финансистът планира")]
    assert speakers and speakers[0] is not None and "изданието" in speakers[0]


def test_bulgarian_an_unclosed_relative_clause_is_spoken_by_the_named_antecedent() -> None:
    got = spans("Тя отказа свои хора в кабинета на Льотчика, но пък си изгради имиджа на патологичен лъжец заради "
                "скандала с руския КГБ генерал Решетников, който поне от две телевизии ясно заяви, че се е срещал с "
                "новоизбраната лидерка на БСП и е обсъждал с нея номинацията.\n")
    speakers = [q[2] for q in got if q[0].startswith("се е срещал с новоизбраната лидерка")]
    assert speakers and speakers[0] is not None and "Решетников" in speakers[0]
