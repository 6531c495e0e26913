"""Per-language event knowledge loaded from ``vestnik/lang/<code>/``: cue patterns, role nouns, modality words.

Patterns are matched on lower-cased word tokens. A pattern token is an exact word, a stem ending in
``*`` (prefix match), alternatives joined by ``|``, or ``~`` (a gap of up to four words).
"""

from __future__ import annotations

import re
import tomllib
from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache, reduce
from itertools import accumulate
from operator import itemgetter, or_
from pathlib import Path
from typing import Any

from vestnik.language.shared import lowered
from vestnik.language.wordfreq import zipf_words

LANG_DIR = Path(__file__).resolve().parents[1] / "lang"
GAP = 4
STOP = "-"  # events.tsv code of a stop pattern: blocks the cues it overlaps, codes nothing
WORD = re.compile(r"[^\W\d_]++(?:['’-][^\W\d_]++)*+|\d++")  # possessive: the same matches, less bookkeeping
# a non-letter ([\W\d_]): the leading set rules out lower-case Latin and Cyrillic letters from a bitmap, the
# look-behind checks the few other characters by category (0.87x the instructions of a bare [\W\d_] in may_anchor)
_NON_LETTER = r"[^a-zа-яѐ-џ](?<=[\W\d_])"
_LETTER = re.compile(r"[^\W\d_]")
#: marks that may close a chunk of white-space separated text after a word ("Москва,", "дрон.", "САЩ“"), or open
#: one before it ("„Газпром"): none is a letter, a digit or a joiner of WORD ("'", "’", "-")
_CLOSING = frozenset(',.:;!?)]}"»“”…')
_OPENING = frozenset('"„«“([{')


@dataclass(frozen=True)
class Alt:
    text: str
    prefix: bool

    def match(self, w: str) -> bool:
        return w.startswith(self.text) if self.prefix else w == self.text


@dataclass(frozen=True)
class Pattern:
    source: str
    cameo: str
    steps: tuple[tuple[Alt, ...] | None, ...]  # None = gap
    verbal: bool = True
    num: int = field(default=-1, compare=False)  # position in ``Lexicon.patterns``
    #: a verbal cue's passive participle ("е била помолена" of "помоли*"): only after a passive auxiliary
    passive_only: bool = False
    #: per step, what ``Alt.match`` of its alternatives tests, as one set look-up and one ``str.startswith`` (exact
    #: words, stems; None for a gap): the matcher tries steps at every cue word, a Python call per alternative cost
    #: more than the test
    tests: tuple[tuple[frozenset[str], tuple[str, ...]] | None, ...] = field(
        default=(), init=False, compare=False, repr=False)
    #: word steps (not gaps), and ``weight``: counted once here, read whenever a sentence's cues are ranked
    words: int = field(default=0, init=False, compare=False, repr=False)
    _weight: int = field(default=0, init=False, compare=False, repr=False)
    #: no gap step: matched by a straight comparison, word after word (most patterns)
    gapless: bool = field(default=True, init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "tests", tuple(None if st is None else (
            frozenset(a.text for a in st if not a.prefix), tuple(a.text for a in st if a.prefix)) for st in self.steps))
        n = sum(1 for s in self.steps if s is not None)
        exact = sum(1 for s in self.steps if s is not None and not any(a.prefix for a in s))
        object.__setattr__(self, "words", n)
        object.__setattr__(self, "_weight", n * 10 + exact)
        object.__setattr__(self, "gapless", None not in self.steps)

    @property
    def weight(self) -> int:
        """Specificity: more words and fewer bare stems rank higher."""
        return self._weight


def _parse_token(tok: str) -> tuple[Alt, ...] | None:
    if tok == "~":
        return None
    return tuple(Alt(a.rstrip("*"), a.endswith("*")) for a in tok.lower().split("|"))


@dataclass
class Lexicon:
    lang: str
    patterns: list[Pattern] = field(default_factory=list)
    index: dict[str, list[Pattern]] = field(default_factory=dict)
    roles: list[tuple[tuple[Alt, ...], str]] = field(default_factory=list)
    intent: frozenset[str] = frozenset()
    future: frozenset[str] = frozenset()  # the plain future among the intent words ("will", "ще")
    #: CAMEO codes (three digits) an intent marker leaves as they are: a planned release or exit is that act
    #: ("ще бъде освободена", "ще напусне ЕС": RETREAT, not an intent to yield)
    intent_keeps: frozenset[str] = frozenset()
    #: a cue of these CAMEO code starts after only the words of ``planned`` (the plain future, "предстои") is the
    #: planned act, not an intent (03x): "ще се срещне с Меркел" is a meeting (CONSULT) in eval/bggold
    planned: frozenset[str] = frozenset()
    planned_keeps: tuple[str, ...] = ()
    hedge: frozenset[str] = frozenset()
    possible: frozenset[str] = frozenset()  # a sanction in reach of these is threatened, not imposed
    negation: frozenset[str] = frozenset()
    #: where set, a negated cue is an event only when its CAMEO root is one of these (a refusal, a threat: "няма
    #: да позволи", "не изключват санкции"); any other negated act did not happen and is no event ("не обидила")
    negated_roots: frozenset[str] | None = None
    #: a noun cue with the article ("задържането") whose act the text has already coded refers back to it
    definite_endings: tuple[str, ...] = ()
    verbal_noun_endings: tuple[str, ...] = ()  # ... and a verb cue's word that is its noun with the article
    participle_repeat_endings: tuple[str, ...] = ()  # ... or its participle describing a noun ("Договорът, подписан")
    #: a mention the endings above show to name an act again is an event too, with that act's actors: GDELT counts
    #: mentions, and the annotators of Bulgarian reports code each one
    code_repeats: bool = False
    #: a noun cue that is a verbal cue's object ("предизвика протести") is an event of its own
    object_nouns: bool = False
    #: a noun cue with neither a source nor a target named in its sentence codes no event ("more relevant offers",
    #: "the seizures"): in English news most such nouns are a product, a trade or a background, no act (en)
    noun_needs_actor: bool = False
    #: ... and so does a verbal cue, unless its CAMEO root is one of these (violence, "three people were killed",
    #: "fighting erupted", is told without its parties): "social support", "Order now", "you must", "he gave" with no
    #: one named are no act between parties (en; None: verbal cues need no actor)
    alone_roots: frozenset[str] | None = None
    #: CAMEO roots (two digits) for which ``noun_needs_actor`` holds where it is not set for every noun (bg: a
    #: demand's or a sanction's noun with no one named, "искането за коментар", "без санкции", is a topic, no act)
    noun_needs_actor_roots: frozenset[str] = frozenset()
    #: a role without a country takes none from its event's target's own name ("Government officials accused
    #: Russia" is no RUSGOV; en)
    role_country_not_target: bool = False
    #: cues (as events.tsv writes them) of a rally that code no event when held by these sectors' people (en: a
    #: candidate's or an official's rally, "at a rally in Reno", is no protest)
    rally_cues: frozenset[str] = frozenset()
    rally_not_sectors: frozenset[str] = frozenset()
    #: cues (their patterns as events.tsv writes them) that in a sentence about a game (one of ``sports_words`` or a
    #: score that ``sports_score`` finds) tell a game won, no act between parties: "Russia beat Croatia 2-1",
    #: "giving top-ranked France a 2-1 victory" (en: no assault, no aid)
    sports_cues: frozenset[str] = frozenset()
    sports_words: frozenset[str] = frozenset()
    sports_score: re.Pattern[str] | None = None
    #: cues (as events.tsv writes them) that right after a direct question's closing mark (``question_before``
    #: finds it in the sentence before the cue) report a question put, no request: ""Can we do something
    #: creative?" she asked" (en)
    question_cues: frozenset[str] = frozenset()
    question_before: re.Pattern[str] | None = None
    #: matched from such a cue's end: a direct question right after it ("continues to ask, “To get a grown up
    #: around Hillary?”"), the question put, no request (en)
    question_after: re.Pattern[str] | None = None
    max_per_sentence: int = 3  # cues coded per sentence, main-clause verbs first
    reporting: frozenset[str] = frozenset()  # "said", "reported": a clause that attributes, not an event
    conditional: frozenset[str] = frozenset()  # "unless", "if": an intent under a condition is a threat
    condition_openers: frozenset[str] = frozenset()  # "ако": an act in the clause they open is not stated as done
    #: warning cues (stems) that, right before "че" with no future or condition after it, foresee rather than
    #: threaten ("предупреди, че преговорите са пред провал")
    that_forecasts: tuple[str, ...] = ()
    #: words of a time or occasion right before an act after a demand ("поиска ... при срещата"): the act happens
    circumstance: frozenset[str] = frozenset()
    #: words right before a demand's noun that make it the occasion of what follows ("по искане на Украйна
    #: предложи посредничество": the mediation was offered, not asked for)
    asked_on: frozenset[str] = frozenset()
    passive: frozenset[str] = frozenset()  # auxiliaries before a passive participle ("was", "been")
    #: how a verb cue's stem ending turns into its passive participle's ("помоли*" -> "помолен*"), and participles
    #: that are adjectives after an auxiliary ("е убеден": convinced, not persuaded)
    passive_stems: tuple[tuple[str, str], ...] = ()
    passive_not: frozenset[str] = frozenset()
    participle: tuple[str, ...] = ()  # endings of a passive participle ("-ed", "-н")
    determiners: frozenset[str] = frozenset()  # "the signing": a verbal cue used as a noun
    #: words that open a verb's object right after a trailing quote's cue: the cue is the sentence's main verb
    #: ("In a statement, the ministry condemned the attack"), no attribution (en)
    cue_objects: frozenset[str] = frozenset()
    pronouns: frozenset[str] = frozenset()  # "Той поиска ...": a sentence's pronoun subject, the last person named
    pronoun_openers: frozenset[str] = frozenset()  # "По-късно той поиска ...": words before that pronoun
    # third-person pronouns anywhere in a clause, by gender ("тя": "f", "той": "m"): the last person of that gender
    # named before them ("Върховният съд я оправда"); objects ("я", "нея") are targets, never sources
    pronoun_gender: dict[str, str] = field(default_factory=dict)
    #: a sentence-opening subject pronoun stands for a person of its gender where the names tell it (bg)
    subject_pronoun_gender: bool = False
    object_pronouns: frozenset[str] = frozenset()
    pronoun_company: frozenset[str] = frozenset()  # "с нея": with whom, no one acted on, unless right after the cue
    # first-person pronouns inside a direct quote are its speaker ("„Ние напускаме ЕС“, заяви Мей")
    first_person: frozenset[str] = frozenset()
    first_person_objects: frozenset[str] = frozenset()
    # a verbal cue whose verb ends so is in the first person ("Искаме да се договорим", "Напускаме ЕС"): inside a
    # quote its subject, unnamed, is the quote's speaker; the words skipped to reach the verb ("ще", "да", "не")
    first_person_endings: tuple[str, ...] = ()
    first_person_skip: frozenset[str] = frozenset()
    #: the words of the three above: a sentence's tokens are looked up in it once
    pronoun_words: frozenset[str] = frozenset()
    role_adjective_endings: tuple[str, ...] = ()  # "Сирийските местни власти": an adjective between country and role
    outlet_cues: frozenset[str] = frozenset()  # "пише вестник X": the outlet X is where the news was told
    subordinators: frozenset[str] = frozenset()  # "че", "that": another clause begins
    complementizers: frozenset[str] = frozenset()  # "заяви, че": a reported clause begins
    prepositions: frozenset[str] = frozenset()  # "на Украйна": an object, no subject
    object_control: frozenset[str] = frozenset()  # "обвини X, че ...": X is the clause's subject
    relatives: frozenset[str] = frozenset()  # ", който ... ,": a relative clause
    relative_subject_gap: frozenset[str] = frozenset()  # "който досега блокираше": the relative is the subject
    singular_relatives: frozenset[str] = frozenset()  # "който подписаха": a singular relative, a plural verb
    plural_verb_endings: tuple[str, ...] = ()
    inverted_openers: frozenset[str] = frozenset()  # "Това поиска X": X, after the cue, is its subject
    inverted_before: frozenset[str] = frozenset()  # "както настоява X": X, after the cue, is its subject
    reduced_participle: tuple[str, ...] = ()  # ", обвинени, че": a past passive participle's endings
    addressee_preps: frozenset[str] = frozenset()  # "заяви пред журналисти": whom it was said to
    country_not_place: frozenset[str] = frozenset()  # "помощ на Украйна": a case, not a place
    # verbs of causing: a noun cue after one is no act of its subject ("Решението на съда предизвика протести")
    causatives: frozenset[str] = frozenset()
    noun_agent_phrases: tuple[str, ...] = ()  # "санкции от страна на САЩ": the actor after them acts
    on_behalf_preps: frozenset[str] = frozenset()  # "по настояване на Ким": the genitive after the cue acts
    on_behalf_modifiers: tuple[str, ...] = ()  # ("по изрично настояване на"): endings of a word between
    where_preps: frozenset[str] = frozenset()  # "обсъдиха в Брюксел": where a cooperative act happened
    passive_agent_phrases: tuple[str, ...] = ()  # "задържан по разпореждане на прокурор": the agent follows
    clause_coordinators: re.Pattern[str] | None = None  # ", а", ", но": a clause of its own actors opens
    clause_gap: frozenset[str] = frozenset()  # ", but was still refusing": words that are no subject of the clause
    negation_far: frozenset[str] = frozenset()  # "без ... да подкрепи": a negation a few words before "да"
    #: cue words (by their start) that the negation words in ``refusal`` right before them turn into a rejection
    #: (120): "не одобряват", "не подкрепи" is a refusal stated, not an approval denied
    refused: tuple[str, ...] = ()
    refusal: frozenset[str] = frozenset()
    #: a reflexive cue ("не се съгласява") is refused through its particle, and through the words of
    #: ``refusal_between`` before that, a modal or "би" ("не може да се съгласи", "не би се съгласил")
    refusal_reflexive: frozenset[str] = frozenset()
    #: conditional auxiliaries: a cue right after one (or after it and ``refusal_reflexive``), not negated, is a
    #: hypothetical, no event ("всеки би се съгласил, че ...", "аз бих преговарял по различен начин")
    hypothetical: frozenset[str] = frozenset()
    #: modals of ability or possibility: a cue in their infinitive ("може да напусне ЕС", "могат да бъдат
    #: нападнати"), not negated, is a possibility, no event (``able_between``: the words allowed between)
    able: frozenset[str] = frozenset()
    able_between: frozenset[str] = frozenset()
    #: "и", "или" before the infinitive particle: a cue there is a second infinitive of a clause asked for, allowed
    #: or purposed ("призовават хората да се застъпят ... и да подпишат петицията"), no event
    infinitive_coordinators: frozenset[str] = frozenset()
    refusal_between: frozenset[str] = frozenset()
    street_words: frozenset[str] = frozenset()  # "на проспекте Руставели": the name after these is a street
    #: endings of a demonym used as a plural noun ("Palestinians", "Israelis"): a country's people, its civilians
    people_endings: tuple[str, ...] = ()
    people_nouns: frozenset[str] = frozenset()  # "Iraqi Kurds": a demonym before a people's name
    ethnic_words: frozenset[str] = frozenset()  # "ethnic Albanians ... in Serbia": a minority, of where it lives
    dative_endings: tuple[str, ...] = ()  # "сообщил журналистам": a dative role noun after the verb is the addressee
    #: noun cues whose genitive is who acts ("при посредничеството на ОАЕ", "посещението на папата")
    agent_genitive: frozenset[str] = frozenset()
    #: the prepositions of that genitive where they are not ``country_not_place`` (en: "of")
    agent_genitive_preps: frozenset[str] = frozenset()
    #: words between "on"/"в" and a platform's name that keep it where something was said ("on his ... platform")
    platform_gap: frozenset[str] = frozenset()
    #: words that may stand between a verb cue and its direct object ("ordered the ..."): that object is the target
    #: before an actor of another country further on (en; empty: no such rule)
    object_gap: frozenset[str] = frozenset()
    #: words before an office that say it was held before ("former"): its holder is CAMEO's elite, ELI (en)
    former: frozenset[str] = frozenset()
    #: CAMEO roots of a cue whose target, a capital by name, is its people, not its government (en: force)
    capital_struck: frozenset[str] = frozenset()
    #: the sector of a person the KB does not know whom the document names as a private person or in full, and
    #: never with an office (``coder._private_people``): CAMEO's civilian (bg "CVL": "Асия Биби", the guide's
    #: PAKCVL); empty: the country alone, as for every other person the KB lacks
    private_person: str = ""
    office_of: str = ""
    #: the ending a woman's surname adds to the man's form (bg "а": "Живкова" of "Живков"), to find a KB person's
    #: surname in it (``coder._private_people``)
    feminine_surname_ending: str = ""
    #: the KB people's surnames (``KB.surnames``), read with the lexicon when ``private_person`` is set: a name ending
    #: in one is a public person's the linker missed, or kin, no private person (``coder._private_people``)
    kb_surnames: frozenset[str] = frozenset()
    #: words before or after a person's name that say the person holds an office or a rank, beside the role nouns
    #: of actors.tsv ("губернаторът", "принц", "отец"): such a person is no private one
    public_titles: frozenset[str] = frozenset()
    public_title_stems: tuple[str, ...] = ()  # (the pack's "stem*" entries)
    #: what a private person may be told by, right before the name ("46-годишната Асия Биби"; prefixes of a word)
    age_words: tuple[str, ...] = ()
    copulas: frozenset[str] = frozenset()  # "X е християнка": the noun after says what the person is
    ordinal_endings: tuple[str, ...] = ()  # "е първата жена": an adjective before that noun (with the role ones)
    #: words right after a refugees' role noun that name what they flee: the country named next is theirs (en)
    flight: frozenset[str] = frozenset()
    #: words of a region between a preposition and a place ("in southern Lebanon"): it is still a place (en)
    place_modifiers: frozenset[str] = frozenset()
    #: words before a role noun that make it a building, where something happens, not an actor (en: "outside")
    beside: frozenset[str] = frozenset()
    #: role nouns of a place's people ("village"): after a preposition they are where, no actor (en)
    place_roles: frozenset[str] = frozenset()
    #: CAMEO roots of a passive with no agent done in a place ("was arrested in Lebanon"): that place's state did
    #: it (en; empty: no such rule)
    state_in_place: frozenset[str] = frozenset()
    #: role nouns that are an adjective right before another role noun ("civilian refugees": REF) (en)
    role_modifiers: frozenset[str] = frozenset()
    #: CAMEO codes of cues that move people out of a place ("withdraw"): a role noun after them followed by one of
    #: ``leaving_from`` and a place is whom the subject moves out of there, the place the target (en)
    leaving: frozenset[str] = frozenset()
    leaving_from: frozenset[str] = frozenset()
    #: modal cues of a demand ("must"): in "X said Y must ...", Y, the modal's subject, is the target (en)
    obligation: frozenset[str] = frozenset()
    #: CAMEO codes of a state's acts at home (easing or imposing a curfew): a place they are done in that the KB
    #: does not know is in the source's country (en)
    own_place: frozenset[str] = frozenset()
    #: words that open a clause of time after a cue when a past-tense verb follows ("after a coup toppled the
    #: government"): its actors are no target of the cue (en)
    time_clauses: frozenset[str] = frozenset()
    #: a gerund's ending: one right after a ``time_clauses`` word opens such a clause too ("before allowing U.N.
    #: convoys"), unless it is one of ``gerund_not`` ("after morning talks") (en)
    gerund_ending: str = ""
    #: a place's head nouns: a place named after one ("in East Timor's capital Dili") is where, as after "in" (en)
    place_heads: frozenset[str] = frozenset()
    #: a ministry's fields ("labour"): one the tagger linked to a body right before a capitalised office ("Labour
    #: Minister") is part of the office (en)
    portfolios: frozenset[str] = frozenset()
    #: role nouns that speak or act for the group named after one of ``head_of_preps`` ("a spokesman for the Indian
    #: army", "the leader of the Kurdish rebels"): one actor, the group's (en)
    head_nouns: frozenset[str] = frozenset()
    #: reporting verbs right after which a reported clause starts with no complementizer ("Police said rebels had
    #: attacked a village"): that clause's own subject acts, as after a complementizer (en)
    said_clause: frozenset[str] = frozenset()
    #: ``complementizers`` and ``said_clause`` together: the words after which a reported clause opens, built once
    #: here, not per event
    clause_openers: frozenset[str] = frozenset()
    #: words that may stand between a head noun's preposition and its group, besides its capitalised words ("a
    #: spokesman for the rebels") (en: articles)
    head_gap: frozenset[str] = frozenset()
    #: prepositions after which a named place is where something happened, no actor ("in Kirkuk", "в София")
    loc_preps: frozenset[str] = frozenset()
    #: words allowed between a role noun and its country after it ("rebels in the Ivory Coast", "прокуратурата на
    #: САЩ")
    role_gap: frozenset[str] = frozenset()
    #: the genitive's links ("of", "на"): an office's genitives before its country, a place's head noun before it
    of_words: frozenset[str] = frozenset()
    #: the words an office's lower-case words after its role noun may begin with ("на финансите", "of state")
    office_start: frozenset[str] = frozenset()
    #: what may stand between two members of a list of actors ("X, Y and Z", "X и Y")
    list_gap: frozenset[str] = frozenset()
    #: the infinitive's particle ("to", "да", "чтобы"), a passive's agent's preposition ("by", "от"), the words for
    #: "and", the links of a name's phrase ("ООН за бежанците", "Secretary of State"), the prepositions after which a
    #: platform is where something was said ("on Facebook", "във Фейсбук"), after which a body's name is a place
    #: ("near the Council of Ministers", "край Министерския съвет"), and before a building named by its body ("пред
    #: Министерския съвет")
    infinitive: frozenset[str] = frozenset()
    passive_by: frozenset[str] = frozenset()
    and_words: frozenset[str] = frozenset()
    phrase_links: frozenset[str] = frozenset()
    platform_preps: frozenset[str] = frozenset()
    only_place_preps: frozenset[str] = frozenset()
    in_front_preps: frozenset[str] = frozenset()
    #: between a country word and the office or person after it ("Taiwan's Vice Foreign Minister"): the
    #: possessive's ending if the language has one, then up to three words, none of them a list's link
    possessive_gap: re.Pattern[str] = re.compile(r"(?:\s+[^\W\d_][\w.-]*){0,3}\s+")
    #: role nouns after which a person is another person's ("Trump's campaign manager Kellyanne Conway"), and the
    #: words that may stand before them ("campaign", "former"): the first person named is no actor of its own (en)
    person_of_roles: frozenset[str] = frozenset()
    person_of_modifiers: frozenset[str] = frozenset()
    #: what stands between a person's name and the office that follows in commas ("Kofi Annan, the U.N.
    #: Secretary-General,"): a comma and a space, then one of ``apposition_articles`` if the pack lists any
    apposition_gap: re.Pattern[str] = re.compile(", ")
    #: the words a demonym and the capitalised word after it may have between them when that word opens a name
    #: ("Americans for Prosperity"): a people before a capital is no people (en)
    people_name_links: re.Pattern[str] = re.compile(r"\s+(\w+)")
    #: verbs of accusing whose object does the act of a gerund cue after one of ``accused_of_preps`` ("accused the
    #: army of shelling civilians": the army shells) (en)
    accused_of: frozenset[str] = frozenset()
    accused_of_preps: frozenset[str] = frozenset()
    head_of_preps: frozenset[str] = frozenset()
    gerund_not: frozenset[str] = frozenset()
    #: the prepositions of that place ("in")
    in_place: frozenset[str] = frozenset()
    #: words right before a noun cue that make its clause's subject whom it is done to, as a passive does ("came
    #: under attack by X", "was put under investigation"): the "by" agent acts (en)
    under_passive: frozenset[str] = frozenset()
    #: a passive's subject before its "by" agent is the target before any actor after the cue ("Iraqi soldiers were
    #: attacked by insurgents near Mosul": the soldiers, not Mosul's people) (en)
    passive_subject_first: bool = False
    #: role nouns that are also adjectives ("national"): a role only when the next word is one of these, or none
    #: ("a US national has been ...", not "the national team") (en)
    role_if_next: dict[str, frozenset[str]] = field(default_factory=dict)
    # role nouns that name people only when counted ("1000 души", "хиляди хора"): after a number or these words
    counted_roles: frozenset[str] = frozenset()
    count_words: frozenset[str] = frozenset()
    #: role nouns (exact forms) never chosen as a target: groups most often named as a noun cue's agent
    source_only_roles: frozenset[str] = frozenset()
    #: possessives before a role noun in a reported clause ("X said their forces had withdrawn"): the speaker's own
    #: forces act, of the speaker's country (a ``reporting`` word between them) (en)
    own_role_possessives: frozenset[str] = frozenset()
    # country forms for actors without a linked entity: first word -> [(words, code)]
    countries: dict[str, list[tuple[tuple[Alt, ...], str]]] = field(default_factory=dict)

    role_index: dict[str, list[tuple[tuple[Alt, ...], str]]] = field(default_factory=dict)
    _first: dict[str, list[Pattern]] = field(default_factory=dict, repr=False)
    _actor_start: dict[str, bool] = field(default_factory=dict, repr=False)
    #: per ``role_index`` key: what ``Alt.match`` of its roles' first words tests (exact words, stems), see
    #: ``Pattern.tests`` (built at load, ``index_roles``)
    _role_first: dict[str, tuple[frozenset[str], tuple[str, ...]]] = field(default_factory=dict, repr=False)
    # sentence pre-filter (see ``feasible``): the steps each word fills, as (pattern number, step bit)
    _full: list[int] = field(default_factory=list, repr=False)  # all step bits of each coding pattern
    _step_exact: dict[str, list[tuple[int, int]]] = field(default_factory=dict, repr=False)
    _step_stem: dict[str, list[tuple[int, int]]] = field(default_factory=dict, repr=False)
    #: the lengths of the step stems (``_stem_lens_at``: of those that begin with each three letters, with the
    #: shorter stems' lengths; ``_stem_lens``: the shorter stems' alone): a word is looked up by its prefixes of
    #: these lengths only
    _stem_lens: tuple[int, ...] = field(default=(), repr=False)
    _stem_lens_at: dict[str, tuple[int, ...]] = field(default_factory=dict, repr=False)
    # by word: the steps other than anchors it fills as one mask (bit ``_off[n] + k`` for step k of pattern n) and
    # the patterns whose anchor it fills
    _fills: dict[str, tuple[int, tuple[int, ...]]] = field(default_factory=dict, repr=False)
    #: each pattern's first bit in a word's mask: only patterns with steps besides their anchor have bits there
    #: (a one-step cue is feasible once anchored), so the masks ORed per sentence are some half as long
    _off: list[int] = field(default_factory=list, repr=False)
    _rest_mask: list[int] = field(default_factory=list, repr=False)  # ``_full`` less the anchor, at ``_off``
    _anchor_start: re.Pattern[str] = field(default=re.compile(""), repr=False)  # see ``may_anchor``
    #: where a word that fills a pattern's first step can start (see ``starting``)
    _first_start: re.Pattern[str] = field(default=re.compile(""), repr=False)
    _anchor: list[int] = field(default_factory=list, repr=False)  # the step bit of each pattern's rarest step
    _quiet: set[str] = field(default_factory=set, repr=False)  # words that fill no anchor
    _idle: set[str] = field(default_factory=set, repr=False)  # words that fill no step
    #: what ``starting`` reads for a word seen for the first time: the patterns whose first step has the word as
    #: an exact alternative, or a stem of it (by the stem's length), and where each pattern is first listed under
    #: each key of ``index``
    _first_exact: dict[str, list[Pattern]] = field(default_factory=dict, repr=False)
    _first_stem: dict[str, list[Pattern]] = field(default_factory=dict, repr=False)
    _first_stem_lens: tuple[int, ...] = field(default=(), repr=False)  # (as ``_stem_lens``, ``_stem_lens_at``)
    _first_stem_lens_at: dict[str, tuple[int, ...]] = field(default_factory=dict, repr=False)
    _first_rank: dict[str, dict[int, int]] = field(default_factory=dict, repr=False)

    def candidates(self, word: str) -> list[Pattern]:
        """Patterns whose first token can match ``word`` (keys are the first three letters of a stem)."""
        idx = self.index
        return idx.get(word[:3], []) + idx.get(word[:2], []) + idx.get(word[:1], []) if len(word) >= 3 else \
            idx.get(word, []) + (idx.get(word[:1], []) if len(word) == 2 else [])

    def starting(self, word: str) -> list[Pattern]:
        """Patterns whose first token matches ``word``, each once, in the order of ``candidates`` (memoized: news
        vocabulary repeats). A pattern is listed there once per alternative of its first word with the same key
        ("блокиран|блокирана|...": eight times), and tried and found again each time: a copy's match overlaps the
        first one's, so only the first one ever counts."""
        hit = self._first.get(word)
        if hit is None:
            # (nine in ten new words start no pattern: one regex match in C says so, before the candidates are read)
            hit = [] if self._first_start.match(word) is None else self._started(word)
            if len(self._first) < 200_000:
                self._first[word] = hit
        return hit

    def _started(self, word: str) -> list[Pattern]:
        """``starting`` of a word seen for the first time: the patterns whose first step matches it, looked up by
        the word and its stems (not tested one by one along ``candidates``, which lists some fifty patterns for a
        common three-letter start), then put in the order of their first place in ``candidates``."""
        found = {p.num: p for p in self._first_exact.get(word, ())}
        for n in self._first_stem_lens_at.get(word[:3], self._first_stem_lens):
            if n > len(word):
                break
            for p in self._first_stem.get(word[:n], ()):
                found[p.num] = p
        if not found:
            return []
        keys = (word[:3], word[:2], word[:1]) if len(word) >= 3 else (word, word[:1]) if len(word) == 2 else (word,)
        ranked = []
        for num, p in found.items():
            for seg, key in enumerate(keys):  # (the first list of ``candidates`` that holds it, and where there)
                at = self._first_rank.get(key, {}).get(num)
                if at is not None:
                    ranked.append((seg, at, p))
                    break
        ranked.sort(key=_RANK)
        return [p for _, _, p in ranked]

    def _index_first(self) -> None:
        """Build what ``_started`` reads from ``patterns`` and ``index`` (in their final order)."""
        self._first_exact, self._first_stem, self._first_rank = {}, {}, {}
        for p in self.patterns:
            for a in p.steps[0] or ():
                (self._first_stem if a.prefix else self._first_exact).setdefault(a.text, []).append(p)
        self._first_stem_lens, self._first_stem_lens_at = _lens_by_start(self._first_stem)
        for key, plist in self.index.items():
            rank: dict[int, int] = {}
            for at, p in enumerate(plist):
                rank.setdefault(p.num, at)
            self._first_rank[key] = rank

    def can_start_actor(self, word: str) -> bool:
        """Whether a role noun or a fallback country form can start at ``word`` (memoized)."""
        hit = self._actor_start.get(word)
        if hit is None:
            first = self._role_first.get(word[:3] if len(word) >= 3 else word)  # (the key of ``roles_for``)
            hit = (first is not None and (word in first[0] or word.startswith(first[1]))) or (bool(self.countries) and (
                word[:-2] if word.endswith(("'s", "’s")) else word) in self.countries)  # (no list: bg, ru)
            if len(self._actor_start) < 200_000:
                self._actor_start[word] = hit
        return hit

    def index_roles(self) -> None:
        """Build ``_role_first`` from ``role_index``."""
        self._role_first = {}
        for key, roles in self.role_index.items():
            if roles:
                alts = [r[0][0] for r in roles]
                self._role_first[key] = (frozenset(a.text for a in alts if not a.prefix),
                                         tuple(a.text for a in alts if a.prefix))

    def roles_for(self, word: str) -> list[tuple[tuple[Alt, ...], str]]:
        return self.role_index.get(word[:3], []) if len(word) >= 3 else self.role_index.get(word, [])

    def index_steps(self, stop: str, freq: dict[str, float] | None = None) -> None:
        """Build the pre-filter's step index over the coding patterns (code ``stop`` only blocks, codes nothing).
        ``freq``: word -> Zipf frequency, to anchor each pattern on its rarest step (else: its longest)."""
        self._full, self._anchor, self._step_exact, self._step_stem = [], [], {}, {}
        usage = _usage(freq or {})
        for n, p in enumerate(self.patterns):
            bits = anchor = 0
            if p.cameo != stop:
                rare = min((k for k, st in enumerate(p.steps) if st is not None),
                           key=lambda k: (sum(usage(a) for a in p.steps[k] or ()),
                                          -min(len(a.text) + (0 if a.prefix else 1) for a in p.steps[k] or ()), k))
                anchor = 1 << rare
                for k, st in enumerate(p.steps):
                    if st is None:
                        continue
                    bits |= 1 << k
                    for a in st:
                        (self._step_stem if a.prefix else self._step_exact).setdefault(a.text, []).append((n, 1 << k))
            self._full.append(bits)
            self._anchor.append(anchor)
        rest = [b & ~a for b, a in zip(self._full, self._anchor, strict=True)]
        self._off = list(accumulate((len(p.steps) if r else 0 for p, r in zip(self.patterns, rest, strict=True)),
                                    initial=0))[:-1]
        self._rest_mask = [r << o for r, o in zip(rest, self._off, strict=True)]
        self._stem_lens, self._stem_lens_at = _lens_by_start(self._step_stem)
        self._fills.clear()
        self._idle.clear()
        self._quiet.clear()
        # where a word filling an anchor can start, found from the non-letter before it: a pattern opening with a
        # character class is searched by skipping to that class (several times quicker than a look-behind)
        anchors = sorted({(a.text, a.prefix) for n, p in enumerate(self.patterns) if self._anchor[n]
                          for a in p.steps[self._anchor[n].bit_length() - 1] or ()})
        self._anchor_start = re.compile(_NON_LETTER + _trie(anchors)) if all(t[:1].isalpha() for t, _ in anchors) \
            else re.compile("")
        self._first_start = re.compile(_trie(sorted({(a.text, a.prefix) for p in self.patterns for a in p.steps[0] or ()})))
        self._index_first()
        self._first.clear()

    def _fill(self, w: str) -> list[tuple[int, int]]:
        """(pattern number, step bit) of every pattern step that word ``w`` matches."""
        hit = list(self._step_exact.get(w, ()))
        for n in self._stem_lens_at.get(w[:3], self._stem_lens):
            if n > len(w):
                break
            hit += self._step_stem.get(w[:n], ())
        return hit

    def may_anchor(self, low: str, start: int = 0, end: int | None = None) -> bool:
        """False when no word of the lower-cased sentence ``low[start:end]`` fills a pattern's anchor, so
        ``feasible`` is None: one regex search in C, without cutting the sentence into pieces (on new text, about a
        fifth of the cost). ``low`` may be the whole lower-cased document: a sentence after a character that is no
        letter is searched in place, from that character (the non-letter the search opens with), not copied."""
        if start > 0 and _LETTER.match(low, start - 1) is None:
            return self._anchor_start.search(low, start - 1, len(low) if end is None else end) is not None
        return self._anchor_start.search(" " + low[start:end]) is not None

    def feasible(self, low: str) -> set[int] | None:
        """``feasible_words`` of the words of the lower-cased sentence ``low``."""
        return self.feasible_words([w for _, _, w in _low_words(low, 0, len(low))])

    def feasible_words(self, ws: Iterable[str]) -> set[int] | None:
        """Numbers of the coding patterns that can match a sentence of the lower-cased words ``ws`` (``words``):
        each of their word steps is matched by one of its words (order and gaps are not checked). None: no pattern
        can match, and the sentence is left (``may_anchor`` has already left most sentences of a news article);
        otherwise ``match_at`` is tried only for the patterns named here (and the stop patterns).

        Cheap: the distinct words are looked up in a set of words known to fill no pattern's rarest step (its
        anchor: "срещ*" of "ще се срещ*"); only a sentence with an anchor is checked step by step. Each word's steps
        are found once per process (memoized). (The sentence's words, not its white-space pieces as before: the
        words are read anyway for nine in ten sentences that pass, and a word with a mark beside it, "Москва,", is
        one word, not another piece to tokenise and remember.)"""
        uniq = set(ws)
        new = uniq.difference(self._quiet)  # not "-=": that walks the whole set of quiet words
        if not new:
            return None
        anchored: set[int] = set()
        known = self._fills.get  # (the memo first: a method call only for a word seen for the first time)
        for w in new:
            got = (known(w) or self._fills_of(w))[1]
            if got:
                anchored.update(got)
            elif len(self._quiet) < 300_000:
                self._quiet.add(w)
        if not anchored:
            return None
        # one integer OR per word (the steps of every pattern at once), over the memo at C speed: every word is
        # there after the loop above, unless the memo had no room for it; an anchored pattern's anchor is filled,
        # so its other steps are what is left to test
        if len(self._fills) < _FILLS_ROOM:
            # (the memo has never been full: every word of the sentence that fills a step is in it, and only the
            # idle ones are not, which ``filter`` leaves; no set difference, no list of the busy words)
            have = reduce(or_, map(_MASK, filter(None, map(known, uniq))), 0)
        else:
            busy = list(uniq.difference(self._idle))
            fills = list(map(known, busy))
            if None in fills:
                fills = [f or self._fills_of(w) for w, f in zip(busy, fills, strict=True)]
            have = reduce(or_, map(_MASK, fills), 0)
        rest = self._rest_mask
        out: set[int] = set()
        for n in anchored:  # (a loop: a comprehension's function object costs more than the few anchored)
            if have & rest[n] == rest[n]:
                out.add(n)
        return out or None

    def _fills_of(self, w: str) -> tuple[int, tuple[int, ...]]:
        """The steps other than anchors word ``w`` fills as a mask and the patterns whose anchor it fills (memoized);
        words that fill nothing go to the idle set."""
        got = self._fills.get(w)
        if got is None:
            fills = self._fill(w)
            if not fills:
                if len(self._idle) < 300_000:
                    self._idle.add(w)
                return _NO_FILLS
            mask = 0
            off, anchor = self._off, self._anchor
            anchored: list[int] = []
            for n, bit in fills:
                if bit == anchor[n]:
                    anchored.append(n)
                else:
                    mask |= bit << off[n]
            got = (mask, tuple(anchored))
            if len(self._fills) < _FILLS_ROOM:
                self._fills[w] = got
        return got


_FILLS_ROOM = 100_000  # words ``Lexicon._fills`` remembers at most (it only grows, until the lexicon is indexed again)
_NO_FILLS: tuple[int, tuple[int, ...]] = (0, ())  # ``Lexicon._fills_of`` of a word that fills no step
_MASK: Callable[[Any], int] = itemgetter(0)  # the mask of a ``Lexicon._fills_of`` value
_RANK: Callable[[Any], Any] = itemgetter(0, 1)  # (list, place) of a ``Lexicon._started`` entry


def _lens_by_start(stems: dict[str, Any]) -> tuple[tuple[int, ...], dict[str, tuple[int, ...]]]:
    """The lengths of the stems shorter than three letters, and by their first three letters the lengths of the
    others with the shorter ones (in order): a stem of three letters or more that a word starts with begins with
    the word's first three letters, so a word needs only its prefixes of these lengths looked up (on the whole
    list a new word tried a dozen)."""
    short = sorted({len(t) for t in stems if len(t) < 3})
    at: dict[str, set[int]] = {}
    for t in stems:
        if len(t) >= 3:
            at.setdefault(t[:3], set()).add(len(t))
    return tuple(short), {k: tuple(short + sorted(v)) for k, v in at.items()}


def _usage(freq: dict[str, float]) -> Callable[[Alt], float]:
    """How often a step alternative occurs in running text: the summed frequency of the words it matches."""
    vocab = sorted(freq)
    acc = [0.0]
    for w in vocab:
        acc.append(acc[-1] + 10 ** freq[w])

    def usage(a: Alt) -> float:
        if not a.prefix:
            return 10 ** freq[a.text] if a.text in freq else 0.0
        lo = bisect_left(vocab, a.text)
        hi = bisect_left(vocab, a.text + "\U0010ffff", lo)
        return acc[hi] - acc[lo]

    return usage


def _trie(alts: list[tuple[str, bool]]) -> str:
    """A regex (trie-shaped: fast in ``re``) for the start of a word that is one of ``alts`` (text, is a stem):
    a stem may go on, an exact word may not go on with a letter."""
    root: dict[str, Any] = {}
    for text, stem in alts:
        node = root
        for ch in text:
            node = node.setdefault(ch, {})
        node[""] = max(node.get("", 0), 2 if stem else 1)

    def emit(node: dict[str, Any]) -> str:
        if node.get("") == 2:
            return ""  # a stem ends here: any word going on from here fits
        parts = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch != ""]
        if node.get("") == 1:
            parts.append(r"(?![^\W\d_])")
        return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"

    return emit(root) if root else "(?!)"


def _rows(path: Path) -> list[list[str]]:
    if not path.exists():
        return []
    rows = [ln.split("\t") for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and
            not ln.startswith("#")]
    return rows[1:]  # header


@cache
def load(lang: str) -> Lexicon | None:
    base = LANG_DIR / lang
    if not (base / "events.tsv").exists():
        return None
    lex = Lexicon(lang)
    for row in _rows(base / "events.tsv"):
        steps = tuple(_parse_token(t) for t in row[0].split())
        p = Pattern(row[0], row[1].strip(), steps, verbal=(row[2].strip() if len(row) > 2 else "v") != "n",
                    num=len(lex.patterns))
        lex.patterns.append(p)
        first = steps[0]
        if first is None:
            raise ValueError(f"{base / 'events.tsv'}: pattern {row[0]!r} starts with a gap")
        for alt in first:
            lex.index.setdefault(alt.text[:3], []).append(p)
    mod = base / "event_modality.toml"
    m = tomllib.loads(mod.read_text(encoding="utf-8")) if mod.exists() else {}
    lex.passive_stems = tuple((a, b) for a, b in m.get("passive_stems", []))
    lex.passive_not = frozenset(m.get("passive_not", []))
    if lex.passive_stems:
        _add_passives(lex)
    for plist in lex.index.values():
        plist.sort(key=lambda p: -p.weight)
    lex.index_steps(STOP, zipf_words(base / "lid_words.tsv.gz"))
    for row in _rows(base / "actors.tsv"):
        alts = tuple(Alt(w.rstrip("*"), w.endswith("*")) for w in row[0].lower().split())
        lex.roles.append((alts, row[1].strip()))
        lex.role_index.setdefault(alts[0].text[:3], []).append((alts, row[1].strip()))
    for roles in lex.role_index.values():
        roles.sort(key=lambda r: -len(r[0]))
    lex.index_roles()
    for row in _rows(base / "actor_countries.tsv"):
        for form in row[0].lower().split("|"):
            ws = tuple(Alt(w.rstrip("*"), w.endswith("*")) for w in WORD.findall(form))
            if ws:
                lex.countries.setdefault(ws[0].text, []).append((ws, row[1].strip()))
    for plist2 in lex.countries.values():
        plist2.sort(key=lambda x: -len(x[0]))
    if m:
        lex.intent = frozenset(m.get("intent", []))
        lex.future = frozenset(m.get("future", []))
        lex.intent_keeps = frozenset(m.get("intent_keeps", []))
        lex.planned = frozenset(m.get("planned", []))
        lex.planned_keeps = tuple(m.get("planned_keeps", []))
        lex.that_forecasts = tuple(m.get("that_forecasts", []))
        lex.hedge = frozenset(m.get("hedge", []))
        lex.possible = frozenset(m.get("possible", []))
        lex.negation = frozenset(m.get("negation", []))
        if "negated_roots" in m:
            lex.negated_roots = frozenset(m["negated_roots"])
        lex.definite_endings = tuple(m.get("definite_endings", []))
        lex.verbal_noun_endings = tuple(m.get("verbal_noun_endings", []))
        lex.participle_repeat_endings = tuple(m.get("participle_repeat_endings", []))
        lex.code_repeats = bool(m.get("code_repeats", False))
        lex.object_nouns = bool(m.get("object_nouns", False))
        lex.noun_needs_actor = bool(m.get("noun_needs_actor", False))
        lex.alone_roots = frozenset(m["alone_roots"]) if "alone_roots" in m else None
        lex.noun_needs_actor_roots = frozenset(m.get("noun_needs_actor_roots", []))
        lex.role_country_not_target = bool(m.get("role_country_not_target", False))
        lex.rally_cues = frozenset(m.get("rally_cues", []))
        lex.rally_not_sectors = frozenset(m.get("rally_not_sectors", []))
        lex.sports_cues = frozenset(m.get("sports_cues", []))
        lex.sports_words = frozenset(m.get("sports_words", []))
        if m.get("sports_score"):
            lex.sports_score = re.compile(m["sports_score"])
        lex.question_cues = frozenset(m.get("question_cues", []))
        if m.get("question_before"):
            lex.question_before = re.compile(m["question_before"])
        if m.get("question_after"):
            lex.question_after = re.compile(m["question_after"])
        lex.max_per_sentence = int(m.get("max_per_sentence", 3))
        lex.reporting = frozenset(m.get("reporting", []))
        lex.conditional = frozenset(m.get("conditional", []))
        lex.condition_openers = frozenset(m.get("condition_openers", []))
        lex.circumstance = frozenset(m.get("circumstance", []))
        lex.asked_on = frozenset(m.get("asked_on", []))
        lex.passive = frozenset(m.get("passive", []))
        lex.participle = tuple(m.get("participle", []))
        lex.determiners = frozenset(m.get("determiners", []))
        lex.cue_objects = frozenset(m.get("cue_objects", []))
        lex.pronouns = frozenset(m.get("subject_pronouns", []))
        lex.pronoun_openers = frozenset(m.get("subject_pronoun_openers", []))
        lex.pronoun_gender = dict(m.get("pronoun_gender", {}))
        lex.subject_pronoun_gender = bool(m.get("subject_pronoun_gender", False))
        lex.object_pronouns = frozenset(m.get("object_pronouns", []))
        lex.pronoun_company = frozenset(m.get("pronoun_company", []))
        lex.first_person = frozenset(m.get("first_person", []))
        lex.first_person_objects = frozenset(m.get("first_person_objects", []))
        lex.first_person_endings = tuple(m.get("first_person_endings", []))
        lex.first_person_skip = frozenset(m.get("first_person_skip", []))
        lex.role_adjective_endings = tuple(m.get("role_adjective_endings", []))
        lex.outlet_cues = frozenset(m.get("outlet_cues", []))
        lex.subordinators = frozenset(m.get("subordinators", []))
        lex.complementizers = frozenset(m.get("complementizers", []))
        lex.prepositions = frozenset(m.get("prepositions", []))
        lex.object_control = frozenset(m.get("object_control", []))
        lex.relatives = frozenset(m.get("relatives", []))
        lex.relative_subject_gap = frozenset(m.get("relative_subject_gap", []))
        lex.singular_relatives = frozenset(m.get("singular_relatives", []))
        lex.plural_verb_endings = tuple(m.get("plural_verb_endings", []))
        lex.inverted_openers = frozenset(m.get("inverted_openers", []))
        lex.inverted_before = frozenset(m.get("inverted_before", []))
        lex.reduced_participle = tuple(m.get("reduced_participle", []))
        lex.addressee_preps = frozenset(m.get("addressee_preps", []))
        lex.country_not_place = frozenset(m.get("country_not_place", []))
        lex.causatives = frozenset(m.get("causatives", []))
        lex.noun_agent_phrases = tuple(m.get("noun_agent_phrases", []))
        lex.on_behalf_preps = frozenset(m.get("on_behalf_preps", []))
        lex.on_behalf_modifiers = tuple(m.get("on_behalf_modifiers", []))
        lex.where_preps = frozenset(m.get("where_preps", []))
        lex.passive_agent_phrases = tuple(" " + p for p in m.get("passive_agent_phrases", []))
        if m.get("clause_coordinators"):
            coords = "|".join(re.escape(w) for w in m["clause_coordinators"])
            lex.clause_coordinators = re.compile(rf",\s+(?:{coords})\b", re.IGNORECASE)
        lex.clause_gap = frozenset(m.get("clause_gap", []))
        lex.negation_far = frozenset(m.get("negation_far", []))
        lex.refused = tuple(m.get("refused", []))
        lex.refusal = frozenset(m.get("refusal", []))
        lex.refusal_reflexive = frozenset(m.get("refusal_reflexive", []))
        lex.hypothetical = frozenset(m.get("hypothetical", []))
        lex.able = frozenset(m.get("able", []))
        lex.able_between = frozenset(m.get("able_between", []))
        lex.infinitive_coordinators = frozenset(m.get("infinitive_coordinators", []))
        lex.refusal_between = frozenset(m.get("refusal_between", []))
        lex.street_words = frozenset(w.lower() for w in m.get("street_words", []))
        lex.people_endings = tuple(m.get("people_endings", []))
        lex.people_nouns = frozenset(m.get("people_nouns", []))
        lex.ethnic_words = frozenset(m.get("ethnic_words", []))
        lex.dative_endings = tuple(m.get("dative_endings", []))
        lex.agent_genitive = frozenset(m.get("agent_genitive_nouns", []))
        lex.agent_genitive_preps = frozenset(m.get("agent_genitive_preps", [])) or lex.country_not_place
        lex.platform_gap = frozenset(m.get("platform_gap", []))
        lex.former = frozenset(m.get("former", []))
        lex.capital_struck = frozenset(m.get("capital_struck", []))
        lex.private_person = str(m.get("private_person", ""))
        if lex.private_person:  # (built here, with the models, not on a first document: ~2 ms of the KB's people)
            from vestnik.entities.api import get_kb

            lex.kb_surnames = get_kb().surnames()
        lex.office_of = str(m.get("office_of", ""))
        lex.feminine_surname_ending = str(m.get("feminine_surname_ending", ""))
        titles = m.get("public_titles", [])
        lex.public_titles = frozenset(w for w in titles if not w.endswith("*"))
        lex.public_title_stems = tuple(w[:-1] for w in titles if w.endswith("*"))
        lex.age_words = tuple(m.get("age_words", []))
        lex.copulas = frozenset(m.get("copulas", []))
        lex.ordinal_endings = tuple(m.get("ordinal_endings", []))
        lex.flight = frozenset(m.get("flight", []))
        lex.place_modifiers = frozenset(m.get("place_modifiers", []))
        lex.beside = frozenset(m.get("beside", []))
        lex.place_roles = frozenset(m.get("place_roles", []))
        lex.state_in_place = frozenset(m.get("state_in_place", []))
        lex.in_place = frozenset(m.get("in_place", []))
        lex.time_clauses = frozenset(m.get("time_clauses", []))
        lex.gerund_ending = str(m.get("gerund_ending", ""))
        lex.place_heads = frozenset(m.get("place_heads", []))
        lex.portfolios = frozenset(m.get("portfolios", []))
        lex.head_nouns = frozenset(m.get("head_nouns", []))
        lex.said_clause = frozenset(m.get("said_clause", []))
        lex.head_gap = frozenset(m.get("head_gap", []))
        lex.loc_preps = frozenset(m.get("loc_preps", []))
        lex.role_gap = frozenset(m.get("role_gap", []))
        lex.of_words = frozenset(m.get("of_words", []))
        lex.office_start = frozenset(m.get("office_start", []))
        lex.list_gap = frozenset(m.get("list_gap", []))
        lex.infinitive = frozenset(m.get("infinitive", []))
        lex.passive_by = frozenset(m.get("passive_by", []))
        lex.and_words = frozenset(m.get("and_words", []))
        lex.phrase_links = frozenset(m.get("phrase_links", []))
        lex.platform_preps = frozenset(m.get("platform_preps", []))
        lex.only_place_preps = frozenset(m.get("only_place_preps", []))
        lex.in_front_preps = frozenset(m.get("in_front_preps", []))
        links = "|".join(re.escape(w) for w in sorted(w for w in lex.list_gap if w.isalpha()))
        ends = "|".join(re.escape(w) for w in m.get("possessive_endings", []))
        lex.possessive_gap = re.compile((f"(?:{ends})?" if ends else "") + (
            rf"(?:\s+(?!(?:{links})\b)[^\W\d_][\w.-]*){{0,3}}\s+" if links else r"(?:\s+[^\W\d_][\w.-]*){0,3}\s+"))
        lex.person_of_roles = frozenset(m.get("person_of_roles", []))
        lex.person_of_modifiers = frozenset(m.get("person_of_modifiers", []))
        if m.get("apposition_articles"):
            arts = "|".join(re.escape(w) for w in m["apposition_articles"])
            lex.apposition_gap = re.compile(rf", (?:(?:{arts}) )?")
        if m.get("people_name_links"):
            links = "|".join(re.escape(w) for w in m["people_name_links"])
            lex.people_name_links = re.compile(rf"\s+(?:(?:{links})\s+)?(\w+)")
        lex.accused_of = frozenset(m.get("accused_of", []))
        lex.accused_of_preps = frozenset(m.get("accused_of_preps", []))
        lex.head_of_preps = frozenset(m.get("head_of_preps", []))
        lex.gerund_not = frozenset(m.get("gerund_not", []))
        lex.own_place = frozenset(m.get("own_place", []))
        lex.obligation = frozenset(m.get("obligation", []))
        lex.leaving = frozenset(m.get("leaving", []))
        lex.leaving_from = frozenset(m.get("leaving_from", []))
        lex.role_modifiers = frozenset(m.get("role_modifiers", []))
        lex.object_gap = frozenset(m.get("object_gap", []))
        lex.under_passive = frozenset(m.get("under_passive", []))
        lex.passive_subject_first = bool(m.get("passive_subject_first", False))
        lex.role_if_next = {k: frozenset(v) for k, v in m.get("role_if_next", {}).items()}
        lex.counted_roles = frozenset(m.get("counted_roles", []))
        lex.count_words = frozenset(m.get("count_words", []))
        lex.source_only_roles = frozenset(m.get("source_only_roles", []))
        lex.own_role_possessives = frozenset(m.get("own_role_possessives", []))
    lex.pronoun_words = frozenset(lex.pronoun_gender) | lex.first_person | lex.first_person_objects
    lex.clause_openers = lex.complementizers | lex.said_clause
    return lex


def _add_passives(lex: Lexicon) -> None:
    """The passive participle of each verbal cue whose first word is a stem ("помоли*" -> "помолен*", "заплаши* ~
    с" -> "заплашен* ~ с"), as a cue of its own that only counts after a passive auxiliary ("е била помолена да",
    "са били заплашени", "бе потвърдена"): the annotators code acts told in the passive like the active ones
    (stop 45: 35 of 115 such gold events of eval/bggold were missed). Forms the pack writes out are kept."""
    have = {p.source for p in lex.patterns}
    for p in list(lex.patterns):
        first = p.steps[0]
        if not p.verbal or p.cameo == STOP or first is None:
            continue
        alts = []
        for a in first:
            new = next((a.text[: -len(end)] + to for end, to in lex.passive_stems if a.prefix and a.text.endswith(end)
                        and len(a.text) > len(end) + 3), None)
            if new is not None and new not in lex.passive_not:
                alts.append(Alt(new, True))
        if not alts:
            continue
        source = "|".join(a.text + "*" for a in alts) + p.source[p.source.find(" "):] if " " in p.source else \
            "|".join(a.text + "*" for a in alts)
        if source in have:
            continue
        have.add(source)
        q = Pattern(source, p.cameo, (tuple(alts), *p.steps[1:]), verbal=True, num=len(lex.patterns),
                    passive_only=True)
        lex.patterns.append(q)
        for alt in alts:
            lex.index.setdefault(alt.text[:3], []).append(q)


def words(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Lower-cased word tokens with offsets into ``text``; the text is lower-cased once, not word by word."""
    low = lowered(text)
    if low is not None:
        return _low_words(low, start, end)
    low = text[start:end].lower()
    if len(low) != end - start:  # a letter whose lower case is longer ("İ"): offsets would shift
        return [(m.start(), m.end(), m.group().lower()) for m in WORD.finditer(text, start, end)]
    return [(m.start() + start, m.end() + start, m.group()) for m in WORD.finditer(low)]


def _chunk_starts(low: str, cs: list[str], start: int) -> list[int]:
    """Where each chunk ``cs`` of ``low[start:]`` (its ``split``) starts."""
    out = []
    pos = start
    for c in cs:
        pos = low.find(c, pos)  # (only white space lies between two chunks)
        out.append(pos)
        pos += len(c)
    return out


def _other_chunk(low: str, c: str, s: int, e: int, add_tok: Callable[[tuple[int, int, str]], None]) -> None:
    """The tokens of a chunk ``c`` at ``low[s:e]`` that is not all letters or all digits (``_low_words``)."""
    if len(c) > 1 and c[-1] in _CLOSING and c[:-1].isalpha():
        add_tok((s, e - 1, c[:-1]))
    elif len(c) > 1 and c[0] in _OPENING and c[1:].isalpha():
        add_tok((s + 1, e, c[1:]))
    else:
        for m in WORD.finditer(low, s, e):
            add_tok((m.start(), m.end(), m.group()))


def _low_words(low: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """``words`` of ``low[start:end]`` in a lower-cased text, chunk by chunk (the runs without white space): WORD
    never takes white space into a token nor reads across it, so each chunk has the tokens WORD finds in it alone.
    A chunk of letters only (``str.isalpha``: letters of WORD's, none a digit or "_") or of decimal digits only
    (``str.isdecimal``: WORD's ``\\d``) is one token, and so is one with a mark of ``_CLOSING`` after or of
    ``_OPENING`` before its letters; WORD reads only the other chunks. The regex costs some 300 instructions a
    character on Cyrillic text, these tests a tenth of that."""
    cs = low[start:end].split()
    out: list[tuple[int, int, str]] = []
    add_tok = out.append
    # each chunk is taken to start one past the end of the one before (one white-space character between chunks,
    # none before the first: most sentences), which holds when the last one ends at ``end``; else the chunks are
    # found again (``_chunk_starts``). (A running sum: ``accumulate`` and ``zip`` cost more per chunk.)
    s = start
    for c in cs:
        e = s + len(c)
        if c.isalpha() or c.isdecimal():
            add_tok((s, e, c))
        else:
            _other_chunk(low, c, s, e, add_tok)
        s = e + 1
    if not cs or s - 1 == end:
        return out
    return _spaced_words(low, cs, _chunk_starts(low, cs, start))


def _spaced_words(low: str, cs: list[str], starts: list[int]) -> list[tuple[int, int, str]]:
    """``_low_words`` of the chunks ``cs`` that start at ``starts`` (a sentence with more white space between)."""
    out: list[tuple[int, int, str]] = []
    add_tok = out.append
    for c, s in zip(cs, starts, strict=True):
        e = s + len(c)
        if c.isalpha() or c.isdecimal():
            add_tok((s, e, c))
        else:
            _other_chunk(low, c, s, e, add_tok)
    return out


def match_at(p: Pattern, toks: list[tuple[int, int, str]], i: int, first: int = 0) -> int | None:
    """Index one past the last token of a match of ``p`` starting at token ``i``, or None. ``first``: the steps
    already known to match tokens ``i``, ``i + 1``, ... (1 for a pattern ``Lexicon.starting`` gave for token ``i``:
    a one-word cue then matches without another test)."""
    tests = p.tests
    if p.gapless:  # no gap: a straight comparison, most patterns
        n = len(tests)
        if i + n > len(toks):
            return None
        for k in range(first, n):
            w = toks[i + k][2]
            exact, stems = tests[k]  # type: ignore[misc]
            if w not in exact and not w.startswith(stems):
                return None
        return i + n
    return _match_from(tests, toks, first, i + first)


_Tests = tuple[tuple[frozenset[str], tuple[str, ...]] | None, ...]  # (``Pattern.tests``)


def _match_from(tests: _Tests, toks: list[tuple[int, int, str]], step: int, j: int) -> int | None:
    """``match_at`` of a pattern with a gap from its step ``step`` at token ``j`` (a module function, not a closure
    made at every call of ``match_at``: most patterns have no gap)."""
    if step == len(tests):
        return j
    t = tests[step]
    if t is None:
        for k in range(j, min(j + GAP, len(toks)) + 1):
            r = _match_from(tests, toks, step + 1, k)
            if r is not None:
                return r
        return None
    if j < len(toks) and ((w := toks[j][2]) in t[0] or w.startswith(t[1])):
        return _match_from(tests, toks, step + 1, j + 1)
    return None
