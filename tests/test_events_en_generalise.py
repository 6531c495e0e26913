"""English event coding that should transfer beyond the PLOVER records (stop 78): acts under a condition, role
nouns that look like cues, and the like; each sentence is ordinary news English."""

from __future__ import annotations

import vestnik


def _events(text: str) -> list[tuple[str, str, str, str]]:
    doc = vestnik.extract(text, published="2004-05-02", lang="en")
    return [(e.type, doc.text[e.span[0]:e.span[1]], e.source.code or "", e.target.code or "") for e in doc.events]


def test_act_under_a_condition_is_no_event() -> None:
    """"if he gave", "unless the president agrees": supposed acts, not reported ones."""
    evs = _events("The rebels said they would free the hostages if the government gave them safe passage.")
    assert not any(w == "gave" for _, w, _, _ in evs), evs
    evs = _events("The opposition party said it will boycott the elections unless the president agrees to step down.")
    assert any(t == "THREATEN" for t, _, _, _ in evs) and not any(t == "AGREE" for t, _, _, _ in evs), evs


def test_mediator_is_a_person_not_a_mediation() -> None:
    evs = _events("The rebels criticised U.N. mediator Martin Griffiths on Monday.")
    assert not any(w.lower().startswith("mediat") for _, w, _, _ in evs), evs


def test_words_that_look_like_cues() -> None:
    """Publications, going back, subscriptions and chargers are no releases, returns, signatures or charges; the
    acts themselves still are."""
    for text in ("Police released dramatic video of the rescue on Monday.",
                 "Thousands of refugees began to return home from Kenya on Tuesday.",
                 "Readers can sign up for a free trial of the service.",
                 "The phone comes with a wireless charger and a charging cable.",
                 "Mr. Smith has not released his tax returns."):
        assert not _events(text), (text, _events(text))
    evs = _events("Rebels in Sierra Leone released 20 hostages on Monday.")
    assert any(t == "RETREAT" for t, _, _, _ in evs), evs
    evs = _events("Police charged two men with murder on Friday.")
    assert any(t == "COERCE" for t, _, _, _ in evs), evs
