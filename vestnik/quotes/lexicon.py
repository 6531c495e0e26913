"""Per-language quotation knowledge, loaded from ``vestnik/lang/<code>/quotes.toml``.

The code knows only roles (speech cue, impersonal cue, "according to", citing, cited-by, relay);
the words that fill them are data, so adding a language means adding one TOML file.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from vestnik.document import Mention

LANG_DIR = Path(__file__).resolve().parents[1] / "lang"

#: phrase classes, longest phrase wins when several start at the same token
PHRASE_CLASSES = ("speech", "info", "impersonal", "according", "citing", "cited_by", "published", "nominal",
                  "request")


@dataclass
class Lexicon:
    """Compiled word lists of one language (all lower-cased except agency surfaces)."""

    lang: str
    openers: dict[str, str]  # opening mark -> its closing marks, longest marks first
    closers: dict[str, tuple[str, ...]]
    mark_chars: frozenset[str]
    mark_re: re.Pattern[str]
    #: a sentence with none of these words (cue keys, agency first words; lower-cased) or quote marks is skipped
    trigger_words: frozenset[str]
    merge_continuation: bool
    #: opening marks typed where the closing one belongs („…„- пише): they close the open quote when a dash or a
    #: punctuation mark follows them (an opening mark is followed by a word)
    closing_alike: frozenset[str]
    min_words_uncued: int
    #: reported speech shorter than this many words is none ("Официално, Дамаск обвини ...": a sentence adverb)
    indirect_min_words: int
    strict_short_quotes: bool
    agency_quotes: bool
    #: whether a cue inside another quote's content reports a quote of its own (nested attribution)
    nested_quotes: bool
    headline_colon: bool
    complementizers: frozenset[str]
    complementizer_in_content: bool
    complementizer_window: int
    #: how far a complementizer may follow its cue when no word of ``complement_stops`` stands between them: those open
    #: a clause of their own ("настояват ... да се съдържа споразумение, което гарантира, че ..."), whose it is
    complementizer_reach: int
    complement_stops: frozenset[str]
    #: after a comma, the coordinators that open a clause of their own: a "that" clause past them is its ("никой не
    #: прогнозира, но е ясно, че ...": nobody's words)
    complement_breaks: frozenset[str]
    #: subjects that say no one spoke ("никой не прогнозира, че ...")
    nobody: frozenset[str]
    #: prepositions of manner: a phrase they open before a cue says how, not who ("със задоволство съобщи")
    manner_preps: frozenset[str]
    #: the reflexive possessive that closes a phrase naming the speaker's own statement ("в комюникето си")
    possessive_reflexives: frozenset[str]
    #: possessive determiners: information they own is someone's ("според твоите прогнози"), not no one's
    possessive_determiners: frozenset[str]
    #: prepositions of a short phrase between a person's name and a label's colon ("Симеонов от границата: ...")
    label_preps: frozenset[str]
    #: a page's credit words ("Снимка:", "Източник:"): a label with one is no person's statement
    credit_words: frozenset[str]
    skip_after: frozenset[str]
    skip_before: frozenset[str]
    stop: frozenset[str]
    boundary: frozenset[str]
    abbreviations: frozenset[str]
    info: frozenset[str]
    bare: frozenset[str]
    infinitive: frozenset[str]
    infinitive_marker: frozenset[str]
    #: a preposition right after such a cue that opens what is asked for ("призова за реформи")
    infinitive_preps: frozenset[str]
    infinitive_prep_skip: frozenset[str]
    #: tokens after such a cue within which its marker may come (a word like "to" that is also a preposition
    #: keeps this short)
    infinitive_reach: int
    objects: frozenset[str]
    naming: frozenset[str]
    anaphoric: frozenset[str]
    role_stems: tuple[str, ...]
    role_adjectives: tuple[str, ...]
    participle_endings: tuple[str, ...]
    trailing_strict: bool
    genitive: frozenset[str]
    tail_words: frozenset[str]
    inverted: frozenset[str]
    skip_pp: frozenset[str]
    skip_pp_phrases: tuple[tuple[str, ...], ...]
    skip_pp_first: frozenset[str]  # first words of skip_pp_phrases: most tokens are ruled out by one look-up
    channel_preps: frozenset[str]  # "пред „Здравей, България“ по NOVA": the channel a programme is on
    channel_genitive: frozenset[str]  # "„България сутрин“ на телевизия ...": only before the channel's noun or a known outlet
    auxiliaries: frozenset[str]
    bare_blocked: frozenset[str]
    bare_skip: frozenset[str]
    nominal: frozenset[str]
    nominal_preps: frozenset[str]
    possessives: frozenset[str]
    determiners: frozenset[str]
    short_sentence_quotes: bool
    parenthetical_commas: bool
    colon_quote_ends_content: bool
    infinitive_object_in_content: bool
    clause_breaks: frozenset[str]
    coordinators: frozenset[str]
    wh_words: frozenset[str]
    according_source: frozenset[tuple[str, ...]]
    #: "published" cues that name only an outlet ("получен от Ройтерс"; "получени от германските компании" no source)
    obtained: frozenset[tuple[str, ...]]
    #: "published in" cues: only an outlet named there counts ("публикуван в сайта Chronicle.bg"; not "по телевизията")
    published_in: frozenset[tuple[str, ...]]
    #: "all" before a "published in" cue: a site's notice on its own texts, no source ("Всички текстове, публикувани в")
    all_words: frozenset[str]
    #: participles of making a document, before its author ("подготвен от британското правителство анализ, който е
    #: публикуван от BuzzFeed"): the outlet that made it known cites the author
    authored: frozenset[str]
    relay: frozenset[str]
    pronouns: frozenset[str]
    roles: dict[tuple[str, ...], str]
    institutions: frozenset[tuple[str, ...]]
    #: the institutions that are a source even when they speak ("Министерството на външните работи увери, че ..."),
    #: unlike a government or a company stating its position
    speaking_bodies: frozenset[tuple[str, ...]]
    medium: frozenset[str]
    agency_nouns: frozenset[str]
    #: first lower-cased word -> [(phrase words, class)], longest first
    phrases: dict[str, list[tuple[tuple[str, ...], str]]] = field(default_factory=dict)
    #: first surface word -> [(surface words, canonical name)], longest first (case-sensitive)
    agencies: dict[str, list[tuple[tuple[str, ...], str]]] = field(default_factory=dict)
    #: every agency surface, casefolded -> canonical name (to tell a quoted outlet name from a quote)
    outlet_names: dict[str, str] = field(default_factory=dict)
    #: a page's credit label and the outlet after it ("Източник: БГНЕС", "Source: Reuters"), None without labels
    source_label: re.Pattern[str] | None = None
    label_keys: tuple[str, ...] = ()  # each label without its first letter, lower-cased: found before the pattern runs
    #: nouns of a report whose genitive (``report_preps``) names its body or outlet: a source ("в съобщение на X")
    report_nouns: frozenset[str] = frozenset()
    report_preps: frozenset[str] = frozenset()
    report_compounds: frozenset[str] = frozenset()
    #: of those, a poll's or a study's nouns, whose named maker is a source (the nouns of a pollster skipped before it)
    poll_nouns: frozenset[str] = frozenset()
    pollster_words: frozenset[str] = frozenset()
    question_nouns: frozenset[str] = frozenset()
    #: both, the test a sentence passes before they are looked for
    report_words: frozenset[str] = field(init=False, default=frozenset())
    indefinite_adjective_endings: tuple[str, ...] = ()
    #: labels after which only a known outlet or a site's address is a source ("Превод и редакция: Юлиян Марков": no)
    outlet_only_labels: frozenset[str] = frozenset()
    #: a label over a list of references ("Източници:1. Заглавие - nature.com 2. ..."): each item's site is a source
    list_labels: frozenset[str] = frozenset()
    #: a site's footer that names where a post first appeared ("... е публикуван за пръв път на Petrich News.")
    first_published: tuple[str, ...] = ()
    #: phrases of a page's promotion that name the outlets its text comes out in ("САМО В ПИК И „РЕТРО“!", "вижте на
    #: Retro.bg!", "в новия брой на вестник „Шоу“"), lower-cased, longest first
    promo_phrases: tuple[str, ...] = ()
    #: the page's marks that end a label's line ("Източник: Фрамар Следваща статия:"), lower-cased
    label_ends: tuple[str, ...] = ()
    #: an article's nouns and the preposition after them before the quoted name of the outlet it is by ("в статиите на
    #: „Паралелна реалност“")
    article_nouns: frozenset[str] = frozenset()
    article_preps: frozenset[str] = frozenset()
    #: trigger word -> the words (lower-cased, those a word token can be) of each cue phrase or agency name it
    #: stands for: a sentence lacking one of them for every phrase of its trigger words holds no cue
    trigger_needs: dict[str, list[frozenset[str]]] = field(default_factory=dict)
    #: words that put an outlet's name after them in quote marks ("в. „Билд“", "радио „Европа 1“")
    outlet_nouns: frozenset[str] = frozenset()
    outlet_verbs: frozenset[str] = frozenset()
    #: the short article, which ``definite_endings`` leaves out: an adjective's ("руския") and a noun's ("вестника")
    short_article_adjective: tuple[str, ...] = ()
    short_article_noun: tuple[str, ...] = ()
    #: nouns whose "че" clause after a comma is what they hold ("твърдения, че ..."), read apart from the cue phrases
    noun_clause_cues: frozenset[str] = frozenset()
    #: verbs whose subject holds the noun cue after them ("Свещеници имат резерви, че ..."; ``noun_clause_holders``)
    noun_clause_holders: frozenset[str] = frozenset()
    #: words after which a stretch in quote marks is a name ("т.нар. „Европейска изследователска група“", "so-called")
    name_markers: tuple[str, ...] = ()
    #: adverbial phrases skipped between a subject or coordinator and its cue ("в същото време")
    adverbials: tuple[tuple[str, ...], ...] = ()  # longest first: the phrase at or ending at a given word
    relative_adverbs: frozenset[str] = frozenset()  # "където", "откъдето": never a speaker
    object_clitics: frozenset[str] = frozenset()  # "Захарова го определи": skipped before a cue, as written
    articles: frozenset[str] = frozenset()  # "the claims": a cue word after an article is a noun
    adverbial_firsts: frozenset[str] = frozenset()  # their first words: most words are ruled out by one look-up
    #: words right before a cue word that make it none after an earlier cue of the sentence: the infinitive is that
    #: cue's content ("urges G20 leaders to show ...", "asked them to say whether ..."), a statement asked for
    not_after: frozenset[str] = frozenset()
    #: (word before, cue word) pairs in which the cue word is no cue: a noun ("phone call on"), an impersonal
    #: reflexive ("да се смята, че": it is believed, by no one named)
    not_cue_pairs: frozenset[tuple[str, str]] = frozenset()
    declined: frozenset[str] = frozenset()  # "отказа да коментира": a cue after these reports nothing
    unsaid: frozenset[str] = frozenset()  # "трябва да съобщи": a cue after these and their "да" reports nothing
    #: cue words that report nothing right after a negation, or after a negation and an auxiliary ("Мей не
    #: каза, че ...", "не бих казала, че ..."): what was not said
    negated_unsaid: frozenset[str] = frozenset()
    #: cue forms that report only after a future marker ("ще каже тя"; "трудно е да се каже, че" reports nothing)
    future_only: frozenset[str] = frozenset()
    #: cue words that report only right after a quote's closing mark and a comma or dash ("„...“, продължи той"), or
    #: right before a complementizer ("и продължи, че ...")
    after_quote_only: frozenset[str] = frozenset()
    future_marks: frozenset[str] = frozenset()
    #: nouns of unnamed sources: before an outlet's genitive they speak and the outlet is a source ("Източници на
    #: Ройтерс съобщиха, че ...")
    unnamed_sources: frozenset[str] = frozenset()
    #: read reported speech inside direct quotes ("„... Х казва, че ...“, разказва Y")
    nested_speech: bool = False
    how_after_subject: bool = False  # words of how between a speaker and a cue after them ("Робева в прав текст каза")
    third_pronouns: frozenset[str] = frozenset()  # "Тя казва, че ..." inside a quote: someone other than its speaker
    #: stance words ("убедена", "съгласен"): with no subject named inside a quote they are its speaker's own view
    stance_words: frozenset[str] = frozenset()
    negations: frozenset[str] = frozenset()  # "не", "not": the words that negate such a cue
    negated_auxiliaries: frozenset[str] = frozenset()  # "бих", "е": may stand between the negation and the cue
    according_comma: bool = False  # bg/ru: a view reported before "според X" ends with a comma
    colon_speech: bool = False  # bg: "той заяви: Ще успеем ли ...?" reports the unquoted words after the colon
    #: bg, ru: a time expression between the speaker and the cue after it is when, never who ("Той още през 2015
    #: година е пророкувал, че ...", "Хайко Маас вчера в четверг заявил")
    times_before_cue: bool = False
    dialogue_turns: bool = False  # bg: the dashed turns after one a cue's colon opened are said too
    numbered_sayings: bool = False  # bg: "заръки: 1. ... 2. ...": a numbered list of a person's sayings
    platforms: frozenset[str] = frozenset()  # "написа в Екс": a social network after "в" is where, not who
    #: relative pronouns that open a clause inside an apposition between a subject and its cue ("European
    #: officials, who were not consulted, expressed concern": the subject speaks); ``relatives`` are added
    apposition_relatives: frozenset[str] = frozenset()
    #: cue words that report only before a "that" clause or a quote ("X разкритикува Y, че ..."): what follows
    #: them in "CONTENT, CUE NOUN" is their object ("... разкритикуваха плана"), not a speaker
    complement_only: frozenset[str] = frozenset()
    request_that: frozenset[str] = frozenset()  # request cues that also report a "that" clause ("заплаши, че")
    #: a conjunction that makes "CONJ SPEAKER CUE," an attribution of the clause around it ("As Politico reported
    #: Tuesday, the PAC ...", "..., as the minister said."); bg "както" and ru "как" come before the cue and are
    #: ``according`` phrases instead
    as_words: frozenset[str] = frozenset()
    #: forms of "be" that make a participle cue passive ("is expected to", "was asked to"): no one named says it
    passive_be: frozenset[str] = frozenset()
    #: words that end a speaker named after its cue (the place of the saying follows: "сказал Путин на совещании")
    after_speaker: frozenset[str] = frozenset()
    #: an agency's own comment with a speech cue ("Агенцията отбелязва, че ...") is a quote even when
    #: agency_quotes is off (which keeps news it passes on, "..., предаде Ройтерс", a source only)
    agency_comments: bool = False
    #: ... and so is what an "according to" phrase attributes to an outlet ("Според в. „Ню Йорк таймс“, ...",
    #: "Както пише The American Conservative, ..."): the outlet's account, a source as well
    according_agency_quotes: bool = False
    subject_agency_quotes: bool = False  # "Изданието съобщава, че ...": an outlet that opens its report's clause
    #: an interview written as dashed turns ("- Question? - Answer"): its answers are the interviewee's words
    interview_turns: bool = False
    #: the copula that presents someone ("Марияна Николаева е ясновидка"): an interview's lead names its interviewee so
    copulas: frozenset[str] = frozenset()
    #: ... except a wire service's background note ("..., припомня ДПА", "отбелязва АФП"): news passed on, a source
    wire_notes: frozenset[str] = frozenset()
    #: a paper's verbs in a press review, after which a quoted title is the paper ("..., коментира „Франкфуртер Рундшау“")
    review_cues: frozenset[str] = frozenset()
    outlet_adjective_endings: tuple[str, ...] = ()  # "пише британският „Телеграф“": the paper's noun left out
    #: outlet nouns written capitalised as the first word of a state body's name, whose quoted rest is then no
    #: outlet's name ("Агенция „Пътна инфраструктура“"; "агенция „Фокус“" is an outlet)
    body_heads: frozenset[str] = frozenset()
    #: nouns a quoted name follows as its head ("партия „Възраждане“", "компании «Норд Стрим»"): the phrase is
    #: the name with its noun; a quoted name after any other word is a speaker by itself
    name_heads: frozenset[str] = frozenset()
    #: locative prepositions: "X в Русе заяви" is said by X, in Ruse
    locatives: frozenset[str] = frozenset()
    cue_pps: frozenset[str] = frozenset()
    cue_pp_inner: frozenset[str] = frozenset()
    #: prepositions of a circumstance that opens a clause before its subject ("Малко след инцидента Мутафова
    #: споделила", "В разговора Борисов заяви"): the phrase they govern is when or where, not who
    circumstance_preps: frozenset[str] = frozenset()
    circumstance_adverbs: frozenset[str] = frozenset()  # "малко", "веднага": before such a preposition
    #: first words of an adverbial clause or phrase that opens a sentence ("Както бе обявено ..., Вашингтон е
    #: предупредил"): what stands up to its comma is no clause a speaker after the comma said
    clause_openers: frozenset[str] = frozenset()
    #: cue verbs that name someone with the reflexive after them ("казваше се Нели"): no words said
    naming_verbs: frozenset[str] = frozenset()
    object_preps: frozenset[str] = frozenset()
    source_preps: frozenset[str] = frozenset()  # "съобщиха от министерството": who said it, after the cue  # "объявил о победе": a cue's object follows it  # prepositions inside such a phrase ("по итогам заседания")
    addressees: frozenset[str] = frozenset()
    #: cues of asking, whose object before a colon is whom was asked ("пита поредния донаборник: - Къде ...?")
    asking_cues: frozenset[str] = frozenset()
    dative_preps: frozenset[str] = frozenset()  # "казаха на журналистите, че": the phrase right after is whom it was told
    outlet_preps: frozenset[str] = frozenset()  # "съобщи ... за БНТ": told to an outlet the KB knows (only then)
    staff_preps: frozenset[str] = frozenset()  # "пред репортер на Bulgaria ON AIR": the outlet of whom it was told to
    #: the words an addressee's phrase can start with (``outlet_preps``, ``addressees``, ``skip_pp`` and the first
    #: words of ``skip_pp_phrases``): one look-up passes over a sentence's other words
    addressee_words: frozenset[str] = field(init=False, default=frozenset())
    #: ``phrases`` by their first two words: first word -> (its one-word phrases, second word -> its phrases of one
    #: word or with that second word), each in ``phrases``' order, so that a token whose next word is known tries only
    #: the phrases that can match there ("по" begins 22 phrases, "както" 41)
    #: the words of ``medium`` that hold no other of them ("анализ", not "анализа"): a text holds some medium word
    #: exactly when it holds one of these, found with fewer searches
    medium_cores: tuple[str, ...] = field(init=False, default=())
    #: ``role_stems`` by their first letter (a word can start only with those of its own first letter): None when a
    #: stem is empty (it starts every word), then role_word reads them all
    role_stems_by_first: dict[str, tuple[str, ...]] | None = field(init=False, default=None)
    #: the last words of ``adverbials``: an adverbial phrase can end only at one of them
    adverbial_ends: frozenset[str] = field(init=False, default=frozenset())
    #: ``adverbials`` by their last word, in their order (longest first): the only ones that can end at that word
    adverbials_by_end: dict[str, tuple[tuple[str, ...], ...]] = field(init=False, default_factory=dict)
    phrases_by_second: dict[str, tuple[tuple[tuple[tuple[str, ...], str], ...],
                                       dict[str, tuple[tuple[tuple[str, ...], str], ...]]]] = field(
        init=False, default_factory=dict)
    #: "заяви пред CBN": a name in Latin letters right after these, in Cyrillic text, is an outlet, known or not
    latin_outlet_preps: frozenset[str] = frozenset()
    medium_preps: frozenset[str] = frozenset()  # "пише X във „Файненшъл таймс“": the KB outlet it appeared in
    #: an interview: the outlet it was given to is a source with no cue in the sentence ("в интервю за Би Би Си")
    interview_nouns: frozenset[str] = frozenset()
    #: verbs of talking with no clause ("Пред „Ретро“ X говори за ..."): the outlet spoken to or in is a source
    talk_verbs: frozenset[str] = frozenset()
    talk_clause_openers: frozenset[str] = frozenset()  # bg: "Когато X говори за ...": no words (_talked_about)
    talk_about: frozenset[str] = frozenset()  # bg: "говори за X": X is the talker's words (_talked_about)
    #: a letter, a video, a declaration someone made: a cue in a relative clause on it after one of
    #: ``statement_preps`` ("подписаха писмо, в което настояват ...") is its makers' words
    statement_media: frozenset[str] = frozenset()
    statement_preps: frozenset[str] = frozenset()
    #: cues of a demand that, in a relative clause, speak for its noun, whatever it names ("ислямисти, които
    #: настояват ...")
    relative_demands: frozenset[str] = frozenset()
    #: wanting: reports only a "да" clause with a subject of its own ("иска САЩ да ..."), not "иска да отиде"
    want_verbs: frozenset[str] = frozenset()
    #: auxiliaries between the anaphoric word and its cue ("Това е казала ...")
    anaphoric_aux: frozenset[str] = frozenset()
    #: a preposition before the anaphoric word ("За това предупреди X": the content is the sentence before)
    anaphoric_preps: frozenset[str] = frozenset()
    #: wanting and insisting: the words before "да" are the wanted clause's subject, in its content ("настоява
    #: договорът да включва ..."), not whom it was asked of
    subject_before_da: frozenset[str] = frozenset()
    #: what a phrase is about ("За Зишан Масих има сведения, че"): never who says it
    topic_preps: frozenset[str] = frozenset()
    #: a part of a group before its preposition ("една от", "один из", "one of"): the phrase goes on to the group
    partitives: frozenset[tuple[str, ...]] = frozenset()
    #: words that end a headline's lead-in ("Борисов за Радев: ..."): the speaker is before them
    headline_cut: frozenset[str] = frozenset()
    #: ... those that name whom it was said to ("Костов пред Дир: ..."): an outlet after them is a source
    headline_told: frozenset[str] = frozenset()
    #: a site's banner ending in "!" may stand before a headline's lead-in ('САМО В ПИК И "РЕТРО"! Ванга: ...')
    headline_banner: bool = False
    #: stems of nouns for what someone foretold or said, whose owner a headline's lead-in names ("Пророчество на
    #: Ванга: ...", "Ванга със страховито пророчество: ..."): the owner speaks, the noun is the cue
    headline_saying_stems: tuple[str, ...] = ()
    #: ... the prepositions that join the noun and its owner: after the noun ("на"), before it ("със")
    headline_saying_of: frozenset[str] = frozenset()
    headline_saying_with: frozenset[str] = frozenset()
    speaker_ends: tuple[tuple[str, ...], ...] = ()
    name_titles: frozenset[str] = frozenset()  # "според премиера г-жа Тереза Мей": a title between office and name
    final_abbreviations: frozenset[str] = frozenset()  # "до 2021 г. Дъблин настоява": a phrase does not run back past
    participle_apposition: tuple[str, ...] = ()
    active_participles: tuple[str, ...] = ()  # "спор, продължил ...": a past active participle's endings
    adjective_endings: tuple[str, ...] = ()  # "американският държавен секретар": an office's adjectives
    infinitive_endings: tuple[str, ...] = ()
    group_roles: frozenset[str] = frozenset()
    definite_endings: tuple[str, ...] = ()
    naming_object: bool = False  # "нарече деня „…“": any words of the object before what it was called
    #: naming verbs that report only a quoted name ("описа изборите като „силна нощ“"; "описа положението": none)
    naming_quoted: frozenset[str] = frozenset()
    predictions: frozenset[str] = frozenset()  # "Ванга предрича нов потоп": what is foretold, its noun object
    subject_endings: tuple[str, ...] = ()  # "Според данните | демократът ...": the full article begins a clause
    plural_agency_nouns: frozenset[str] = frozenset()  # "световните агенции": many outlets, not the last one
    name_adjective_endings: tuple[str, ...] = ()  # "Според Координационния щаб": an adjective opens the name
    plural_adjective_endings: tuple[str, ...] = ()  # "по европейските въпроси": the noun after it is the office's
    affiliation: frozenset[str] = frozenset()
    content_skip: frozenset[str] = frozenset()
    #: relative pronouns: "X, който заяви" is said by X (the name before the comma)
    relatives: frozenset[str] = frozenset()
    #: pronouns naming the speaker right after an "according" phrase ("По думите й")
    according_pronouns: frozenset[str] = frozenset()
    according_inner: frozenset[str] = frozenset()
    #: cues that report only when their subject is data or a study ("сочат данни на НСИ", "проучването показва")
    evidence_cues: frozenset[str] = frozenset()
    #: info cues whose object is the source their subject cites ("„Билд ам зонтаг“ цитира германското министерство")
    cites_object: frozenset[str] = frozenset()
    #: passive participles of speech ("беше обвинена, че"): cues after ``passive_auxiliaries`` only, whose speaker
    #: is named after "от" or not at all (the subject is who was spoken of)
    passive_cues: frozenset[str] = frozenset()
    passive_auxiliaries: frozenset[str] = frozenset()
    #: impersonal cues that report only after a fronted source phrase ("От документа става ясно, че ...")
    fronted_cues: frozenset[tuple[str, ...]] = frozenset()
    #: impersonal cues of belief or rumour ("се смята", "се говори"): they report only a "че" clause right after
    #: them, and name no speaker
    hearsay_cues: frozenset[tuple[str, ...]] = frozenset()
    evidence_nouns: tuple[str, ...] = ()
    #: prepositions after which a stretch in quote marks followed by a cue with no comma is a name, not speech
    #: ("Депутатите от „…“ разкритикуваха")
    name_preps: frozenset[str] = frozenset()
    #: plural pronouns: "Те" is a group, never the one person who spoke last
    plural_pronouns: frozenset[str] = frozenset()
    #: subject pronouns: one right before a cue is who speaks, whatever phrase stands before it
    subject_pronouns: frozenset[str] = frozenset()
    #: the plural definite article and quantifiers of a group: a group that opens a clause is its subject
    plural_definite: tuple[str, ...] = ()
    group_quantifiers: frozenset[str] = frozenset()
    #: grammatical gender of pronouns ("тя": "f") and of names, by the endings of surnames and first names
    pronoun_gender: dict[str, str] = field(default_factory=dict)
    surname_gender: tuple[tuple[str, str], ...] = ()
    female_first_endings: tuple[str, ...] = ()
    first_name_gender: dict[str, str] = field(default_factory=dict)  # "дейвид": "m", "амбър": "f", "никола": ""
    #: documents (treaties, laws) that a speaker cites: no source of information ("позова се на конвенцията")
    documents: frozenset[str] = frozenset()
    #: rules an "according" phrase names ("Според новите правила ..."): what they prescribe, no one's words
    rule_nouns: frozenset[str] = frozenset()
    #: future and conditional particles: right before a cue after a comma they make it the verb of the subject
    #: before the comma ("Фил Хоган, ирландският еврокомисар, ще предупреди"), not a trailing attribution
    future_markers: frozenset[str] = frozenset()
    #: nouns of information with no one's name ("според първоначалната информация"): inside a reported clause no
    #: quote of their own
    info_nouns: frozenset[str] = frozenset()
    #: endings of a plural cue ("казват", "обещаха"): a subjectless one is not the one person who spoke before
    plural_cue_endings: tuple[str, ...] = ()
    #: a reflexive clitic next to a cue ("се посочва", "Отбелязва се") and reflexive verb endings ("сообщается"): an
    #: impersonal statement, said by no one the text names before it
    reflexives: frozenset[str] = frozenset()
    #: endings of manner adverbs between a speaker and the cue after it ('от „Газпром“ официално отричат', "ясно
    #: заяви"); skipped there only (before a noun they are an adjective's neuter: "в официално съобщение")
    manner_endings: tuple[str, ...] = ()
    #: nouns of a person's sayings listed after them ("любими мисли от Радой Ралин: 1."..." 2."...""), lower-cased, and
    #: the prepositions between such a noun and the name: uncued quotes after them are that person's
    sayings_nouns: tuple[str, ...] = ()
    #: verbs of saying that a spaced dash may follow as a colon does ("Ванга казва - брат ще върви ..."), and the words
    #: before them that make it no report ("не е казвал –", "спира да пита -")
    dash_cues: frozenset[str] = frozenset()
    dash_blockers: frozenset[str] = frozenset()
    sayings_preps: frozenset[str] = frozenset()
    #: the retold copula before an adjective cue, written small ("Пророчицата била категорична, че"): skipped before it
    retold_copula: frozenset[str] = frozenset()
    #: nouns of intention whose "да" clause, as a statement's object, is what was said ("обяви решението си да ...")
    intent_nouns: frozenset[str] = frozenset()
    reflexive_endings: tuple[str, ...] = ()
    #: definite generic nouns that name the body named before ("уточниха от министерството") -> the stem its
    #: name has ("министерств")
    body_anaphors: dict[str, str] = field(default_factory=dict)
    #: words after which a mid-sentence "according to X" opens its own clause ("тъй като според Вашингтон ...")
    according_after: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        self.report_words = self.report_nouns | self.question_nouns
        self.addressee_words = self.outlet_preps | self.addressees | self.skip_pp | self.skip_pp_first | self.medium_preps
        self.role_stems_by_first = None if "" in self.role_stems else {
            c: tuple(st for st in self.role_stems if st[0] == c) for c in {st[0] for st in self.role_stems}}
        self.adverbial_ends = frozenset(p[-1] for p in self.adverbials if p)
        by_end: dict[str, list[tuple[str, ...]]] = {}
        for adv in self.adverbials:
            if adv:
                by_end.setdefault(adv[-1], []).append(adv)
        self.adverbials_by_end = {w: tuple(advs) for w, advs in by_end.items()}
        self.medium_cores = tuple(sorted(w for w in self.medium if not any(v != w and v in w for v in self.medium)))
        self.phrases_by_second = {first: (tuple(c for c in cands if len(c[0]) == 1), {
            second: tuple(c for c in cands if len(c[0]) == 1 or c[0][1] == second)
            for second in {c[0][1] for c in cands if len(c[0]) > 1}}) for first, cands in self.phrases.items()}

    def person_gender(self, text: str, mentions: Iterable[Mention], eid: str) -> str | None:
        """"f" or "m" of a person by the fullest name the text gives them (its base form), by the pack's surname and
        first-name endings; the quotes layer asks it of a pronoun speaker, the events layer of a pronoun actor."""
        names = [(m.base or text[m.span[0]:m.span[1]]) for m in mentions if m.entity == eid and m.type == "PER"
                 and m.form == "name"]
        return self._name_gender(max(names, key=len).lower()) if names else None

    def _name_gender(self, name: str) -> str | None:
        words = name.split()
        g = None
        if words and self.surname_gender:
            last = words[-1]
            g = next((sex for end, sex in self.surname_gender if last.endswith(end) and len(last) > len(end) + 1), None)
        if g is None and len(words) > 1 and self.first_name_gender:
            # a first name the pack knows, else a female ending ("Тереза"; English has none: "Hillary" is listed)
            g = self.first_name_gender.get(words[0], "f" if self.female_first_endings and words[0].endswith(
                self.female_first_endings) else "") or None
        return g

    def is_role(self, word: str) -> bool:
        """Whether a lower-cased word names someone by office: a role stem ("министър...") or a role noun."""
        return self.role_word(word) or (word,) in self.roles

    def role_word(self, word: str) -> bool:
        """A word on a role stem that is not the role's adjective ("генералният щаб" is no general)."""
        by_first = self.role_stems_by_first
        stems = self.role_stems if by_first is None else by_first.get(word[:1], ())
        return word.startswith(stems) and not word.startswith(self.role_adjectives)


_WORD = re.compile(r"[^\W_]+(?:[-’'.][^\W_]+)*")  # a word token (``finder.WORD``)


def _words(s: str) -> tuple[str, ...]:
    return tuple(s.lower().split())


def load_lexicon(lang: str) -> Lexicon:
    """Read ``vestnik/lang/<lang>/quotes.toml``; raises FileNotFoundError for an unsupported language."""
    path = LANG_DIR / lang / "quotes.toml"
    with path.open("rb") as f:
        d = tomllib.load(f)
    g, c, s = d.get("grammar", {}), d.get("cues", {}), d.get("speaker", {})
    phrases: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    seen: set[tuple[str, ...]] = set()
    for cls, key in (("cited_by", "cited_by"), ("citing", "citing"), ("published", "published"), ("published", "obtained"),
                     ("published", "published_in"),
                     ("according", "according"),
                     ("impersonal", "impersonal"), ("info", "info"), ("speech", "speech"), ("speech", "passive"),
                     ("nominal", "nominal"), ("request", "request")):  # earlier wins
        for p in c.get(key, []):
            w = _words(p)
            if w and w not in seen:
                seen.add(w)
                phrases.setdefault(w[0], []).append((w, cls))
    for v in phrases.values():
        v.sort(key=lambda x: -len(x[0]))
    agencies: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for name, surfaces in d.get("agencies", {}).items():
        for sf in surfaces:
            w = tuple(sf.split())
            agencies.setdefault(w[0], []).append((w, name))
    for v in agencies.values():
        v.sort(key=lambda x: -len(x[0]))
    pairs = d.get("marks", {}).get("pairs", [])
    openers = {o: cl for o, cl in sorted(pairs, key=lambda p: -len(p[0]))}
    closers = {o: tuple(sorted(cl if isinstance(cl, list) else list(cl), key=len, reverse=True))
               for o, cl in openers.items()}
    mark_chars = frozenset(ch for o, cl in openers.items() for m in [o, *closers[o]] for ch in m)
    mark_re = re.compile("[" + re.escape("".join(sorted(mark_chars))) + "]")
    # trigger words: the longest (rarest) word of every cue phrase, and the first word of every agency name
    keys = {max(w, key=len) for ws in phrases.values() for w, _ in ws} | {w.lower() for w in agencies}
    needs: dict[str, list[frozenset[str]]] = {}
    for ws in phrases.values():
        for w, _ in ws:
            needs.setdefault(max(w, key=len), []).append(frozenset(x for x in w if _WORD.fullmatch(x)))
    for first, surfaces in agencies.items():
        for w, _ in surfaces:
            needs.setdefault(first.lower(), []).append(frozenset(x.lower() for x in w if _WORD.fullmatch(x.lower())))

    def wake(words: list[str], partners: list[str]) -> None:
        """A word that wakes a sentence up for reading only with one of ``partners`` beside it."""
        for word in words:
            keys.add(word.lower())
            needs.setdefault(word.lower(), []).extend(frozenset((word.lower(), x.lower())) for x in partners)

    # a noun cue counts with its complementizer ("твърдения, че")
    wake(c.get("noun_clause_cues", []), g.get("complementizers", []))
    # a verb of talking counts with its topic's preposition ("Распутин говори за трета световна война")
    wake(g.get("talk_about", []), g.get("topic_preps", []))
    # a report's noun counts with its genitive's preposition, cue or not ("Това е заключението на IUCN")
    wake(s.get("report_nouns", []), s.get("report_preps", []))
    return Lexicon(
        lang=lang,
        mark_re=mark_re,
        trigger_words=frozenset(keys),
        openers=openers,
        closers=closers,
        mark_chars=mark_chars,
        merge_continuation=bool(d.get("marks", {}).get("merge_continuation", False)),
        closing_alike=frozenset(d.get("marks", {}).get("closing_alike", [])),
        min_words_uncued=int(d.get("marks", {}).get("min_words_uncued", 5)),
        indirect_min_words=int(d.get("marks", {}).get("indirect_min_words", 1)),
        strict_short_quotes=bool(d.get("marks", {}).get("strict_short_quotes", False)),
        agency_quotes=bool(d.get("marks", {}).get("agency_quotes", True)),
        nested_quotes=bool(d.get("marks", {}).get("nested_quotes", True)),
        headline_colon=bool(d.get("marks", {}).get("headline_colon", False)),
        complementizers=frozenset(g.get("complementizers", [])),
        complementizer_in_content=bool(g.get("complementizer_in_content", False)),
        complementizer_window=int(g.get("complementizer_window", 12)),
        complementizer_reach=int(g.get("complementizer_reach", g.get("complementizer_window", 12))),
        complement_stops=frozenset(p.lower() for p in g.get("complement_stops", [])),
        complement_breaks=frozenset(p.lower() for p in g.get("complement_breaks", [])),
        nobody=frozenset(p.lower() for p in g.get("nobody", [])),
        manner_preps=frozenset(p.lower() for p in g.get("manner_preps", [])),
        possessive_reflexives=frozenset(p.lower() for p in g.get("possessive_reflexives", [])),
        possessive_determiners=frozenset(p.lower() for p in g.get("possessive_determiners", [])),
        label_preps=frozenset(p.lower() for p in g.get("label_preps", [])),
        credit_words=frozenset(g.get("credit_words", [])),
        skip_after=frozenset(g.get("skip_after_cue", [])),
        skip_before=frozenset(g.get("skip_before_cue", [])),
        stop=frozenset(g.get("stop", [])),
        boundary=frozenset(g.get("boundary", [])),
        abbreviations=frozenset(g.get("abbreviations", [])),
        info=frozenset(p.lower() for p in c.get("info", [])),
        bare=frozenset(p.lower() for p in c.get("bare", [])),
        infinitive=frozenset(p.lower() for p in c.get("infinitive", [])),
        infinitive_marker=frozenset(p.lower() for p in c.get("infinitive_marker", [])),
        infinitive_preps=frozenset(p.lower() for p in c.get("infinitive_preps", [])),
        infinitive_prep_skip=frozenset(p.lower() for p in c.get("infinitive_prep_skip", [])),
        infinitive_reach=int(c.get("infinitive_reach", 6)),
        objects=frozenset(p.lower() for p in c.get("objects", [])),
        naming=frozenset(p.lower() for p in c.get("naming", [])),
        naming_object=bool(c.get("naming_object", False)),
        naming_quoted=frozenset(p.lower() for p in c.get("naming_quoted", [])),
        predictions=frozenset(p.lower() for p in c.get("predictions", [])),
        anaphoric=frozenset(p.lower() for p in g.get("anaphoric", [])),
        anaphoric_aux=frozenset(p.lower() for p in g.get("anaphoric_aux", [])),
        anaphoric_preps=frozenset(p.lower() for p in g.get("anaphoric_preps", [])),
        want_verbs=frozenset(p.lower() for p in g.get("want_verbs", [])),
        role_stems=tuple(p.lower() for p in s.get("role_stems", [])),
        role_adjectives=tuple(p.lower() for p in s.get("role_adjectives", [])),
        participle_endings=tuple(g.get("participle_endings", [])),
        trailing_strict=bool(g.get("trailing_strict", False)),
        genitive=frozenset(p.lower() for p in g.get("genitive", [])),
        tail_words=frozenset(p.lower() for p in g.get("tail_words", [])),
        inverted=frozenset(p.lower() for p in g.get("inverted", [])),
        skip_pp=frozenset(p.lower() for p in g.get("skip_pp", []) if " " not in p),
        skip_pp_phrases=tuple(sorted({_words(p) for p in g.get("skip_pp", []) if " " in p}, key=len, reverse=True)),
        skip_pp_first=frozenset(_words(p)[0] for p in g.get("skip_pp", []) if " " in p),
        channel_preps=frozenset(p.lower() for p in g.get("channel_preps", [])),
        channel_genitive=frozenset(p.lower() for p in g.get("channel_genitive", [])),
        auxiliaries=frozenset(p.lower() for p in g.get("auxiliaries", [])),
        bare_blocked=frozenset(p.lower() for p in g.get("bare_blocked", [])),
        bare_skip=frozenset(p.lower() for p in g.get("bare_skip", [])),
        nominal=frozenset(p.lower() for p in c.get("nominal", [])),
        nominal_preps=frozenset(p.lower() for p in c.get("nominal_preps", [])),
        noun_clause_cues=frozenset(p.lower() for p in c.get("noun_clause_cues", [])),
        noun_clause_holders=frozenset(p.lower() for p in c.get("noun_clause_holders", [])),
        possessives=frozenset(p.lower() for p in s.get("possessives", [])),
        determiners=frozenset(p.lower() for p in g.get("determiners", [])),
        short_sentence_quotes=bool(d.get("marks", {}).get("short_sentence_quotes", False)),
        parenthetical_commas=bool(g.get("parenthetical_commas", False)),
        colon_quote_ends_content=bool(g.get("colon_quote_ends_content", False)),
        infinitive_object_in_content=bool(c.get("infinitive_object_in_content", False)),
        clause_breaks=frozenset(p.lower() for p in g.get("clause_breaks", [])),
        coordinators=frozenset(p.lower() for p in g.get("coordinators", [])),
        wh_words=frozenset(p.lower() for p in g.get("wh_words", ["the", "a", "an", "it", "he", "she", "they", "we", "i",
                                                                  "there", "this"])),
        according_source=frozenset(_words(p) for p in c.get("according_source", [])),
        obtained=frozenset(_words(p) for key in ("obtained", "published_in") for p in c.get(key, [])),
        published_in=frozenset(_words(p) for p in c.get("published_in", [])),
        all_words=frozenset(p.lower() for p in c.get("all_words", [])),
        authored=frozenset(p.lower() for p in c.get("authored", [])),
        relay=frozenset(p.lower() for p in c.get("relay", [])),
        pronouns=frozenset(p.lower() for p in s.get("pronouns", [])),
        roles={_words(r): r for r in s.get("roles", [])},
        institutions=frozenset(_words(r) for r in s.get("institutions", [])),
        speaking_bodies=frozenset(_words(r) for r in s.get("speaking_bodies", [])),
        medium=frozenset(p.lower() for p in s.get("medium", [])),
        agency_nouns=frozenset(p.lower() for p in s.get("agency_nouns", [])),
        phrases=phrases,
        agencies=agencies,
        outlet_names={" ".join(sf.split()).casefold(): name for name, sfs in d.get("agencies", {}).items()
                      for sf in sfs},
        source_label=re.compile(r"(?:" + "|".join(re.escape(w) for w in labels) + r")(?![^\W\d_])[ \t\xa0]*(:?)[ \t\xa0]*",
                                re.IGNORECASE) if (labels := s.get("source_labels", [])) else None,
        label_keys=tuple({w[1:].lower() for w in s.get("source_labels", [])}),
        outlet_only_labels=frozenset(w.lower() for w in s.get("outlet_only_labels", [])),
        list_labels=frozenset(w.lower() for w in s.get("list_labels", [])),
        first_published=tuple(w.lower() for w in s.get("first_published", [])),
        article_nouns=frozenset(w.lower() for w in s.get("article_nouns", [])),
        article_preps=frozenset(w.lower() for w in s.get("article_preps", [])),
        label_ends=tuple(w.lower() for w in s.get("label_ends", [])),
        promo_phrases=tuple(sorted({w.lower() for w in s.get("promo_phrases", [])}, key=len, reverse=True)),
        report_nouns=frozenset(w.lower() for w in s.get("report_nouns", [])),
        report_preps=frozenset(w.lower() for w in s.get("report_preps", [])),
        report_compounds=frozenset(w.lower() for w in s.get("report_compounds", [])),
        poll_nouns=frozenset(w.lower() for w in s.get("poll_nouns", [])),
        pollster_words=frozenset(w.lower() for w in s.get("pollster_words", [])),
        question_nouns=frozenset(w.lower() for w in s.get("question_nouns", [])),
        indefinite_adjective_endings=tuple(s.get("indefinite_adjective_endings", [])),
        outlet_nouns=frozenset(p.lower() for p in s.get("outlet_nouns", [])),
        outlet_verbs=frozenset(p.lower() for p in s.get("outlet_verbs", [])),
        short_article_adjective=tuple(g.get("short_article_adjective", [])),
        short_article_noun=tuple(g.get("short_article_noun", [])),
        name_markers=tuple(p.lower() for p in s.get("name_markers", [])),
        adverbials=tuple(sorted({_words(p) for p in g.get("cue_adverbials", [])}, key=len, reverse=True)),
        relative_adverbs=frozenset(p.lower() for p in g.get("relative_adverbs", [])),
        object_clitics=frozenset(g.get("object_clitics", [])),
        articles=frozenset(g.get("articles", [])),
        adverbial_firsts=frozenset(_words(p)[0] for p in g.get("cue_adverbials", []) if p.strip()),
        not_after=frozenset(p.lower() for p in g.get("cue_not_after", [])),
        not_cue_pairs=frozenset(tuple(p.lower().split()) for p in g.get("not_cue_pairs", []) if len(p.split()) == 2),
        declined=frozenset(w.lower() for w in g.get("declined", [])),
        unsaid=frozenset(w.lower() for w in g.get("unsaid", [])),
        negated_unsaid=frozenset(w.lower() for w in g.get("negated_unsaid", [])),
        future_only=frozenset(w.lower() for w in g.get("future_only", [])),
        after_quote_only=frozenset(w.lower() for w in g.get("after_quote_only", [])),
        unnamed_sources=frozenset(w.lower() for w in g.get("unnamed_sources", [])),
        nested_speech=bool(g.get("nested_speech", False)),
        how_after_subject=bool(g.get("how_after_subject", False)),
        third_pronouns=frozenset(w.lower() for w in g.get("third_pronouns", [])),
        stance_words=frozenset(w.lower() for w in g.get("stance_words", [])),
        future_marks=frozenset(w.lower() for w in g.get("future_marks", [])),
        negations=frozenset(w.lower() for w in g.get("negations", [])),
        negated_auxiliaries=frozenset(w.lower() for w in g.get("negated_auxiliaries", [])),
        according_comma=bool(g.get("according_comma", False)),
        colon_speech=bool(g.get("colon_speech", False)),
        times_before_cue=bool(g.get("times_before_cue", False)),
        dialogue_turns=bool(g.get("dialogue_turns", False)),
        numbered_sayings=bool(g.get("numbered_sayings", False)),
        platforms=frozenset(w.lower() for w in g.get("platforms", [])),
        complement_only=frozenset(p.lower() for p in c.get("complement_only", [])),
        request_that=frozenset(p.lower() for p in c.get("request_that", [])),
        as_words=frozenset(p.lower() for p in g.get("as_words", [])),
        passive_be=frozenset(p.lower() for p in g.get("passive_be", [])),
        after_speaker=frozenset(p.lower() for p in g.get("after_speaker", [])),
        agency_comments=bool(d.get("marks", {}).get("agency_comments", False)),
        according_agency_quotes=bool(d.get("marks", {}).get("according_agency_quotes", False)),
        subject_agency_quotes=bool(d.get("marks", {}).get("subject_agency_quotes", False)),
        interview_turns=bool(d.get("marks", {}).get("interview_turns", False)),
        copulas=frozenset(p.lower() for p in d.get("marks", {}).get("copulas", [])),
        wire_notes=frozenset(p.lower() for p in d.get("marks", {}).get("wire_notes", [])),
        review_cues=frozenset(p.lower() for p in d.get("marks", {}).get("review_cues", [])),
        outlet_adjective_endings=tuple(d.get("marks", {}).get("outlet_adjective_endings", [])),
        according_pronouns=frozenset(p.lower() for p in g.get("according_pronouns", [])),
        according_inner=frozenset(p.lower() for p in g.get("according_inner", [])),
        body_heads=frozenset(s.get("body_heads", [])),
        name_heads=frozenset(p.lower() for p in s.get("name_heads", [])),
        according_after=frozenset(p.lower() for p in g.get("according_after", [])),
        relatives=frozenset(p.lower() for p in g.get("relatives", [])),
        apposition_relatives=frozenset(p.lower() for p in g.get("relatives", []) + g.get("apposition_relatives", [])),
        locatives=frozenset(p.lower() for p in g.get("locatives", [])),
        cue_pps=frozenset(p.lower() for p in g.get("cue_pps", [])),
        cue_pp_inner=frozenset(p.lower() for p in g.get("cue_pp_inner", [])),
        circumstance_preps=frozenset(p.lower() for p in g.get("circumstance_preps", [])),
        circumstance_adverbs=frozenset(p.lower() for p in g.get("circumstance_adverbs", [])),
        clause_openers=frozenset(p.lower() for p in g.get("clause_openers", [])),
        naming_verbs=frozenset(p.lower() for p in g.get("naming_verbs", [])),
        object_preps=frozenset(p.lower() for p in g.get("object_preps", [])),
        source_preps=frozenset(p.lower() for p in g.get("source_preps", [])),
        addressees=frozenset(p.lower() for p in g.get("addressees", [])),
        dative_preps=frozenset(p.lower() for p in g.get("dative_preps", [])),
        outlet_preps=frozenset(p.lower() for p in g.get("outlet_preps", [])),
        staff_preps=frozenset(p.lower() for p in g.get("staff_preps", [])),
        latin_outlet_preps=frozenset(p.lower() for p in g.get("latin_outlet_preps", [])),
        medium_preps=frozenset(p.lower() for p in g.get("medium_preps", [])),
        topic_preps=frozenset(p.lower() for p in g.get("topic_preps", [])),
        interview_nouns=frozenset(p.lower() for p in g.get("interview_nouns", [])),
        talk_verbs=frozenset(p.lower() for p in g.get("talk_verbs", [])),
        talk_about=frozenset(p.lower() for p in g.get("talk_about", [])),
        talk_clause_openers=frozenset(p.lower() for p in g.get("talk_clause_openers", [])),
        statement_media=frozenset(p.lower() for p in g.get("statement_media", [])),
        statement_preps=frozenset(p.lower() for p in g.get("statement_preps", [])),
        relative_demands=frozenset(p.lower() for p in g.get("relative_demands", [])),
        subject_before_da=frozenset(p.lower() for p in g.get("subject_before_da", [])),
        partitives=frozenset(tuple(p.lower().split()) for p in g.get("partitives", []) if len(p.split()) == 2),
        headline_cut=frozenset(p.lower() for p in g.get("headline_cut", []) + g.get("headline_told", [])),
        headline_told=frozenset(p.lower() for p in g.get("headline_told", [])),
        asking_cues=frozenset(p.lower() for p in g.get("asking_cues", [])),
        headline_banner=bool(g.get("headline_banner", False)),
        headline_saying_stems=tuple(p.lower() for p in g.get("headline_saying_stems", [])),
        headline_saying_of=frozenset(p.lower() for p in g.get("headline_saying_of", [])),
        headline_saying_with=frozenset(p.lower() for p in g.get("headline_saying_with", [])),
        speaker_ends=tuple(tuple(p.lower().split()) for p in g.get("speaker_ends", [])),
        final_abbreviations=frozenset(g.get("final_abbreviations", [])),
        name_titles=frozenset(g.get("name_titles", [])),
        participle_apposition=tuple(g.get("participle_apposition", [])),
        active_participles=tuple(g.get("active_participles", [])),
        adjective_endings=tuple(g.get("adjective_endings", [])),
        infinitive_endings=tuple(c.get("infinitive_endings", [])),
        group_roles=frozenset(p.lower() for p in s.get("group_roles", [])),
        definite_endings=tuple(g.get("definite_endings", [])),
        subject_endings=tuple(g.get("subject_endings", [])),
        name_adjective_endings=tuple(g.get("name_adjective_endings", [])),
        plural_adjective_endings=tuple(g.get("plural_adjective_endings", [])),
        plural_agency_nouns=frozenset(p.lower() for p in s.get("plural_agency_nouns", [])),
        affiliation=frozenset(g.get("affiliation", [])),
        content_skip=frozenset(g.get("content_skip", [])),
        evidence_cues=frozenset(p.lower() for p in c.get("evidence_cues", [])),
        cites_object=frozenset(p.lower() for p in c.get("cites_object", [])),
        passive_cues=frozenset(p.lower() for p in c.get("passive", [])),
        passive_auxiliaries=frozenset(p.lower() for p in g.get("passive_auxiliaries", [])),
        fronted_cues=frozenset(tuple(p.lower().split()) for p in c.get("fronted_cues", [])),
        hearsay_cues=frozenset(tuple(p.lower().split()) for p in c.get("hearsay_cues", [])),
        evidence_nouns=tuple(p.lower() for p in c.get("evidence_nouns", [])),
        name_preps=frozenset(p.lower() for p in g.get("name_preps", [])),
        plural_pronouns=frozenset(p.lower() for p in s.get("plural_pronouns", [])),
        subject_pronouns=frozenset(p.lower() for p in s.get("subject_pronouns", [])),
        plural_definite=tuple(s.get("plural_definite", [])),
        group_quantifiers=frozenset(p.lower() for p in s.get("group_quantifiers", [])),
        pronoun_gender={**{p: "f" for p in s.get("feminine_pronouns", [])},
                        **{p: "m" for p in s.get("masculine_pronouns", [])}},
        surname_gender=tuple(sorted([(e, "f") for e in s.get("feminine_surname_endings", [])]
                                    + [(e, "m") for e in s.get("masculine_surname_endings", [])],
                                    key=lambda x: -len(x[0]))),
        female_first_endings=tuple(s.get("female_first_name_endings", [])),
        first_name_gender={**{p.lower(): "f" for p in s.get("female_first_names", [])},
                           **{p.lower(): "m" for p in s.get("male_first_names", [])},
                           **{p.lower(): "" for p in s.get("either_first_names", [])}},
        documents=frozenset(p.lower() for p in s.get("documents", [])),
        rule_nouns=frozenset(p.lower() for p in s.get("rule_nouns", [])),
        future_markers=frozenset(p.lower() for p in g.get("future_markers", [])),
        info_nouns=frozenset(p.lower() for p in g.get("info_nouns", [])),
        plural_cue_endings=tuple(g.get("plural_cue_endings", [])),
        reflexives=frozenset(g.get("reflexives", [])),
        manner_endings=tuple(g.get("manner_endings", [])),
        sayings_nouns=tuple(p.lower() for p in s.get("sayings_nouns", [])),
        dash_cues=frozenset(p.lower() for p in c.get("dash_cues", [])),
        dash_blockers=frozenset(p.lower() for p in c.get("dash_blockers", [])),
        sayings_preps=frozenset(p.lower() for p in s.get("sayings_preps", [])),
        retold_copula=frozenset(g.get("retold_copula", [])),
        intent_nouns=frozenset(p.lower() for p in c.get("intent_nouns", [])),
        reflexive_endings=tuple(g.get("reflexive_endings", [])),
        body_anaphors={k.lower(): v.lower() for k, v in s.get("body_anaphors", [])},
        trigger_needs=needs,
    )


def available_languages() -> list[str]:
    return sorted(p.parent.name for p in LANG_DIR.glob("*/quotes.toml"))
