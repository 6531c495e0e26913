"""The quotes layer's faster equivalents give what the plain forms they replace give."""

from __future__ import annotations

import random
import unicodedata

from vestnik.document import Document
from vestnik.quotes.finder import (
    _NON_WORD,
    _TURN,
    _WORD_BEFORE,
    COMBINING,
    GLUED_BREAK,
    SENT_BREAK,
    TOKEN,
    TOKEN_COMBINING,
    WORD,
    Finder,
    Tok,
    _breaks,
    _has_combining,
    _has_seq,
    _key_cores,
    _turns,
    _word_before,
)
from vestnik.quotes.lexicon import load_lexicon


def _random_texts(n: int) -> list[str]:
    rng = random.Random(7)
    alphabet = "аБ xY.!?…\"”“»)(\n\t-–—,7_"
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))) for _ in range(n)]


def test_turns_are_the_turn_pattern_s_matches() -> None:
    for text in _random_texts(20_000):
        for a in range(0, len(text) + 1, 3):
            for b in (a, (a + len(text)) // 2, len(text)):
                if b < a:
                    continue
                want = [m.start() for m in _TURN.finditer(text, a, b) if text[m.end()].isupper()]
                assert _turns(text, a, b) == want, (text, a, b)


def _tokens_by_match(f: Finder, a: int, b: int) -> list[tuple[int, int, str, str, bool]]:
    """Finder.tokens as it was written first: one match object per token, filled in by Tok.__init__."""
    pattern = TOKEN_COMBINING if f._combining else TOKEN
    low = f._lowered
    out = []
    for m in pattern.finditer(f.text, a, b):
        s, e = m.span()
        if s in f.stray:
            continue
        t = Tok(s, e, f.text[s:e], None if low is None else low[s:e])
        if COMBINING.search(t.low):
            t.low = unicodedata.normalize("NFC", t.low)
        out.append((t.s, t.e, t.text, t.low, t.word))
    return out


def test_tokens_are_the_pattern_s_matches() -> None:
    rng = random.Random(11)
    alphabet = ["а", "Б", "x", "Y", "7", " ", "  ", "\t", "\n", ".", ",", "-", "’", "'", "_", "„", "“", "ѝ", "и\u0300",
                "Σ", "İ", "ß", "!", "5,5", "заяви", "Тя", "по-добре", "(", ")", "»", "…", "/", "—", "\xa0", "²", "%", "2,"]
    lex = load_lexicon("bg")
    for _ in range(6000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 30)))
        f = Finder(Document(text=text, language="bg"), lex)
        if rng.random() < 0.2:
            f.stray = {k for k in range(len(text)) if rng.random() < 0.2}
        for a in range(0, len(text), 3):
            for b in (len(text), (a + len(text) + 1) // 2, a + 1):
                got = [(t.s, t.e, t.text, t.low, t.word) for t in f.tokens(a, b)]
                assert got == _tokens_by_match(f, a, b), (text, a, b)
                f._last_words = ((-1, -1), [])
                assert f._words(a, b) == WORD.findall(f._lower_text(), a, b), (text, a, b)


def test_non_word_marks_are_no_word_characters() -> None:
    assert all(not c.isalnum() and c != "_" and not c.isspace() and len(c) == 1 for c in _NON_WORD)


def _random_toks(rng: random.Random, phrases: list[tuple[str, ...]], words: list[str]) -> list[Tok]:
    """A few whole phrases, cut phrases and single words in a row, some tokens inside a quote."""
    lows: list[str] = []
    for _ in range(rng.randint(1, 4)):
        p = rng.choice(phrases)
        lows += p[: rng.randint(1, len(p))] if rng.random() < 0.3 else p
        if rng.random() < 0.5:
            lows.append(rng.choice(words))
    toks = []
    for k, w in enumerate(lows):
        t = Tok(k, k + 1, w)
        if rng.random() < 0.05:
            t.q = 0
        toks.append(t)
    return toks


def test_phrases_by_second_word_match_as_the_plain_scan() -> None:
    """match_phrase and _phrase_at try only the phrases the next word can continue: the same answers as trying every
    phrase that begins with the token's word, in order."""
    rng = random.Random(5)
    for lang in ("bg", "ru", "en"):
        lex = load_lexicon(lang)
        f = Finder(Document(text="x", language=lang), lex)
        phrases = sorted({p for cands in lex.phrases.values() for p, _c in cands}
                         | set(lex.skip_pp_phrases) | set(lex.speaker_ends) | set(lex.adverbials))
        words = sorted({w for p in phrases for w in p})
        for _ in range(3000):
            toks = _random_toks(rng, [p for p in phrases if p], words)
            for i in range(len(toks)):
                for hi in range(i, len(toks) + 1):
                    want = None
                    for p, cls in lex.phrases.get(toks[i].low, []):
                        if i + len(p) <= hi and all(toks[i + m].low == w and toks[i + m].q < 0 for m, w in enumerate(p)):
                            want = (i + len(p), cls)
                            break
                    assert f.match_phrase(toks, i, hi) == want
                    for phrases in (lex.skip_pp_phrases, lex.speaker_ends, lex.adverbials):
                        plain = 0
                        for p in phrases if i < hi else ():
                            if not p:
                                break
                            if p[0] == toks[i].low and i + len(p) <= hi and all(
                                    toks[i + m].low == w for m, w in enumerate(p)):
                                plain = len(p)
                                break
                        assert Finder._phrase_at(toks, i, hi, phrases) == plain


def test_medium_cores_stand_for_every_medium_word() -> None:
    """A text holds a medium word exactly when it holds a core: every core is a medium word, every medium word holds
    a core."""
    for lang in ("bg", "ru", "en"):
        lex = load_lexicon(lang)
        assert set(lex.medium_cores) <= lex.medium
        assert all(any(c in w for c in lex.medium_cores) for w in lex.medium)


def test_breaks_are_the_patterns_matches() -> None:
    rng = random.Random(3)
    alphabet = ["а", "Б", "Мей", "x", "Y", "7", " ", "\t", "\n", "\xa0", ".", "..", "!", "?", "…", "„", "\"", "“", "«",
                "ДПА", "абв", ",", "-"]
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 25)))
        for a in range(0, len(text) + 1, 2):
            for b in (len(text), (a + len(text)) // 2, a + 3):
                if b > len(text):
                    continue
                runs = [(m.start(), m.end(), m.group()) for m in SENT_BREAK.finditer(text, a, b)]
                glued = [(m.start(), m.end(), m.group()) for m in GLUED_BREAK.finditer(text, a, b)]
                assert _breaks(text, a, b) == (runs, glued), (text, a, b)


def test_has_combining_is_the_pattern_s_search() -> None:
    rng = random.Random(9)
    alphabet = ["а", "x", " ", "\u0300", "\u033f", "\u0340", "\u036f", "\u0370", "\u037f", "\u02ff", "Ω", "\ud800",
                "\U0001f600", "ѝ", "\u0301"]
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 6)))
        assert _has_combining(text) == (COMBINING.search(text) is not None), repr(text)


def test_has_seq_tries_only_first_words() -> None:
    rng = random.Random(13)
    lex = load_lexicon("bg")
    for seqs in (lex.institutions, lex.roles, lex.speaking_bodies):
        ordered = sorted(seqs)
        words = [*sorted({w for q in seqs for w in q}), "и", "на", "x"]
        for _ in range(3000):
            ws = [rng.choice(words) for _ in range(rng.randint(0, 3))]
            if rng.random() < 0.5:  # (a whole sequence or its first words inside)
                q = rng.choice(ordered)
                ws[rng.randint(0, len(ws)) : 0] = q[: rng.randint(1, len(q))]
            plain = any(tuple(ws[k : k + m]) in seqs for k in range(len(ws)) for m in (1, 2, 3) if k + m <= len(ws))
            assert _has_seq(ws, seqs) == plain
    assert lex.adverbial_ends == frozenset(p[-1] for p in lex.adverbials if p)


def test_role_word_by_first_letter() -> None:
    for lang in ("bg", "ru", "en"):
        lex = load_lexicon(lang)
        words = ["", "x", *lex.role_stems, *(st + "ът" for st in lex.role_stems), *lex.role_adjectives,
                 *(w[:-1] for w in lex.role_stems if len(w) > 1), "министър", "генералният", "president"]
        for w in words:
            plain = w.startswith(lex.role_stems) and not w.startswith(lex.role_adjectives)
            assert lex.role_word(w) == plain, w


def test_chunk_tokens_split_at_spaces_are_the_pattern_s_matches() -> None:
    # _chunk_tokens splits at single spaces and reads pieces holding other white space chunk by chunk: texts of only
    # letters that lower-case one by one, marks and all kinds of white space, so that every one takes that path
    rng = random.Random(13)
    alphabet = ["а", "Б", "x", "7", " ", " ", "  ", "   ", "\t", "\n", "\r\n", "\xa0", "\u2003", "\x1c", "\x85", ".",
                ",", "-", "’", "_", "„", "“", "!", "5,5", "заяви", "Тя", "по-добре", "(", ")", "»", "…", "2,", "т.",
                "д-р", "—", "%"]
    lex = load_lexicon("bg")
    for _ in range(6000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 30)))
        f = Finder(Document(text=text, language="bg"), lex)
        assert f._lowered is not None and not f._combining and not f.stray
        for a in range(0, len(text), 2):
            for b in (len(text), (a + len(text) + 1) // 2, a + 1):
                got = [(t.s, t.e, t.text, t.low, t.word) for t in f._chunk_tokens(a, b)]
                assert got == _tokens_by_match(f, a, b), (text, a, b)


def test_label_key_cores_are_found_where_a_label_key_is() -> None:
    """run_item looks for the label keys that hold no other key: a text holds one of those exactly when it holds a
    label key."""
    rng = random.Random(23)
    for lang in ("bg", "ru", "en"):
        keys = load_lexicon(lang).label_keys
        cores = _key_cores(keys)
        assert set(cores) <= set(keys)
        pieces = [*keys, *(k[: len(k) // 2] for k in keys), *(k[len(k) // 2 :] for k in keys), " ", "а", "x", "."]
        for _ in range(3000):
            text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 6)))
            for a in range(0, len(text) + 1, 5):
                want = any(text.find(k, a) >= 0 for k in keys)
                assert any(text.find(k, a) >= 0 for k in cores) == want, (text, a)


def test_a_split_that_stops_counts_too_few_words_as_a_full_split() -> None:
    """The quotes with too few words are told by a split that stops at the least number of words they need."""
    rng = random.Random(29)
    for _ in range(20_000):
        text = "".join(rng.choice(["а", "Б", " ", "  ", "\n", "\t", "x", "„", "\xa0"]) for _ in range(rng.randint(0, 14)))
        for k in range(-1, 7):
            assert (len(text.split(maxsplit=k)) < k) == (len(text.split()) < k), (text, k)


def test_word_before_is_the_pattern_s_search() -> None:
    rng = random.Random(17)
    alphabet = ["а", "Б", "x", "7", "_", "²", "½", "ѝ", "и\u0300", " ", "  ", "\t", "\xa0", "\n", "\r", "\u2003", ".",
                "-", "„", "в", "от", "сряда"]
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 16)))
        for p in range(len(text) + 1):
            for lo in (0, max(0, p - 8), max(0, p - 3), p):
                m = _WORD_BEFORE.search(text, lo, p)
                want = None if m is None else (m.start(1), m.group(1))
                assert _word_before(text, lo, p) == want, (text, lo, p)


def test_skip_adverbial_by_last_word_is_the_plain_scan() -> None:
    """_skip_adverbial tries only the adverbials that end with the token's word: the same answers as trying all of
    them in order."""
    rng = random.Random(11)
    for lang in ("bg", "ru", "en"):
        lex = load_lexicon(lang)
        f = Finder(Document(text="x", language=lang), lex)
        phrases = [p for p in lex.adverbials if p]
        if not phrases:
            continue
        words = sorted({w for p in phrases for w in p} | {"и", "and", "той"})
        for _ in range(2000):
            toks = _random_toks(rng, phrases, words)
            for j in range(len(toks)):
                for lo in range(j + 1):
                    want = j
                    for p in lex.adverbials:
                        n = len(p)
                        if j - n + 1 >= lo and all(toks[j - n + 1 + m].low == w and toks[j - n + 1 + m].q < 0
                                                   for m, w in enumerate(p)):
                            want = j - n
                            break
                    assert f._skip_adverbial(toks, j, lo) == want


def test_a_sentence_without_a_quote_token_reads_as_unquoted() -> None:
    # run_item tells sentence() that tokens_outside put no quote's placeholder in a sentence (quoted=False), in a
    # paragraph with a direct quote elsewhere; the sentence's quotes and sources are what the full search gives
    from vestnik.pipeline import make_pipeline
    from vestnik.quotes.finder import State

    text = ("„Няма да позволим това“, заяви премиерът Бойко Борисов. Министърът на финансите Владислав Горанов "
            "съобщи пред БНТ, че бюджетът ще бъде приет до края на месеца.")
    doc = make_pipeline()(Document(text=text, language="bg", published="2019-05-10"))
    lex = load_lexicon("bg")
    para = (0, len(text))
    runs = []
    for quoted in (True, False):
        f = Finder(doc, lex)
        quotes = f.direct_quotes([para])[0]
        assert quotes  # (the first sentence's)
        sents = f.sentence_spans(para[0], para[1], quotes)
        s0, s1 = sents[-1]
        assert not any(s0 <= q.open < s1 for q in quotes)
        toks = f.tokens_outside(s0, s1, quotes, [])
        f.sentence(toks, 0, len(toks), quotes, State(), 0, quoted)
        runs.append(([(q.span, q.evidence) for q in f.out.quotes], [s.span for s in f.out.sources]))
    assert runs[0] == runs[1]
    assert runs[1][0]  # (the indirect quote of the second sentence)


def test_label_matches_are_the_label_pattern_s_matches() -> None:
    """``Finder._label_matches`` (the label pattern tried where a label's tail stands) finds what the pattern's
    ``finditer`` finds: labels in any case, glued to a word, one after another, inside a sentence, and a text that
    writes a letter the pattern's case rule matches ("ᲀ" for "в") or that lower-cases to another length."""
    from vestnik.quotes.finder import _odd_cases

    texts = ["Ако сме пропуснали вашата любима мисъл, добавете я в коментарите! Източник: highviewart.com",
             "Автор: проф. Михаил КонстантиновИзточник: 24 часа. ИЗТОЧНИК: БЛИЦ Източници: БГНЕС, БТА",
             "Позоваването на Информационна агенция „Фокус“ е задължително! инфо: pik.bg Инфо:Блиц",
             "Един източник на информацията съобщи, че позоваването на данните е спорно. Източник на информацията: МВР",
             "Позоᲀаването на агенция „Фокус“ е задължително! İзточник: Блиц", "Source: Reuters. SOURCE:AP"]
    rng = random.Random(5)
    for lang in ("bg", "en"):
        lex = load_lexicon(lang)
        assert lex.source_label is not None
        for text in texts:
            f = Finder(Document(text=text), lex)
            for _ in range(200):
                a = rng.randint(0, len(text))
                b = rng.randint(a, len(text))
                for x, y in ((a, b), (0, len(text))):
                    got = [(m.span(), m.group()) for m in f._label_matches(x, y)]
                    assert got == [(m.span(), m.group()) for m in lex.source_label.finditer(text, x, y)], (text, x, y)
    odd = _odd_cases(load_lexicon("bg").label_keys)
    assert odd is not None and odd.search("ᲀ") and not odd.search("Позоваването на Информационна агенция")
