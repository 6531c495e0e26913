"""English towns the KB knew by no Cyrillic name (``vestnik/kb/towns_en.jsonl``): an attack in one is coded with
its country, and the English-only names never match inside a Bulgarian text."""

from __future__ import annotations

import vestnik


def _codes(text: str) -> list[tuple[str, str, str]]:
    doc = vestnik.extract(text, published="2004-05-02", lang="en")
    return [(e.type, e.source.code or "", e.target.code or "") for e in doc.events]


def test_attack_in_a_town_gets_its_country() -> None:
    evs = _codes("Insurgents fired mortars at a police station in Baqubah on Sunday, killing three officers, "
                 "a police spokesman said.")
    assert any(t == "ASSAULT" and g.startswith("IRQ") for t, _, g in evs), evs


def test_town_linked_in_english_only() -> None:
    en = vestnik.extract("A curfew was imposed in Cizre after clashes on Tuesday.", lang="en")
    assert any(e.country == "TUR" for e in en.entities.values() if "Cizre" in e.name), en.entities
    bg = vestnik.extract("Полицията в Cizre въведе вечерен час след сблъсъците във вторник.", lang="bg")
    assert not any(k.startswith("vk:town-") or e.country for k, e in bg.entities.items()), bg.entities


def test_town_near_which_it_happened_is_no_actor() -> None:
    """"near the town of X" is where it happened, as "in the town of X": the soldiers killed stay the target."""
    evs = _codes("A car bomb exploded near the town of Baqubah on Monday, killing two U.S. soldiers, the army said.")
    assert evs and all(not g.startswith("IRQ") and not s.startswith("IRQ") for _, s, g in evs), evs
