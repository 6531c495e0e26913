"""``credit_pattern`` starts with a character set (for speed): it finds the credits the plain pattern, a look-behind
and a case-insensitive alternation of the labels, finds, at the same places."""

from __future__ import annotations

import random
import re
import tomllib

from vestnik.language.tokenize import LANG_DIR, LOWER, UPPER, credit_pattern


def plain_pattern(labels: list[str], credits: list[str]) -> re.Pattern[str]:
    one = "|".join(sorted(map(re.escape, credits), key=len, reverse=True))
    name = rf"(?:(?i:{one})|[{UPPER}]{{2,}})" if one else rf"[{UPPER}]{{2,}}"
    lab = "|".join(sorted(map(re.escape, labels), key=len, reverse=True))
    return re.compile(rf"(?<![{LOWER}{UPPER}])(?i:{lab})\s*:\s*{name}(?:/{name})*(?=[ \t\xa0]+[{UPPER}\"„“«])")


def test_credit_pattern_finds_what_the_plain_one_does() -> None:
    d = tomllib.loads((LANG_DIR / "bg" / "sentences.toml").read_text(encoding="utf-8"))
    labels, credits = d["credit_labels"], d["credits"]
    fast, plain = credit_pattern(labels, credits), plain_pattern(labels, credits)
    assert fast is not None
    rng = random.Random(3)
    pieces = [*labels, *(x.upper() for x in labels), *(x.capitalize() for x in labels), *credits,
              *(x.upper() for x in credits), "ᲃнимка", "Снимка", "СНИМКА", ":", " : ", "/", " ", "\xa0", "\t", "x",
              "аз", "БТА", "Канадският", "„Цитат", "premier", "\n", "ПРЕМИЕР", "-", "Фото", "фото:", "ъ"]
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        a = rng.randint(0, len(text))
        assert [m.span() for m in fast.finditer(text, a)] == [m.span() for m in plain.finditer(text, a)], text
        for p in range(len(text)):
            f, g = fast.match(text, p), plain.match(text, p)
            assert (f and f.span()) == (g and g.span()), (text, p)
    assert credit_pattern([], credits) is None
