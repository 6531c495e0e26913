"""Build the language-ID word lists under ``vestnik/lang/<code>/lid_words.tsv.gz`` from registry data.

Sources (none of them is evaluation data):
- wordfreq 3.x (PyPI; data CC BY-SA 4.0, by Robyn Speer et al.): word frequencies for bg, mk, ru, uk, en, and
  Serbo-Croatian ("sh", Latin script), which we transliterate to Serbian Cyrillic for ``sr``.
- hunspell-be (Debian package; CC BY 3.0 / CC BY-SA, Mikalai Udodau): Belarusian stems expanded with ``unmunch``
  (Debian package hunspell-tools); it has no frequencies, so every form gets one score.

Run: ``.venv/bin/pip install wordfreq && apt-get install hunspell-be hunspell-tools``, then
``.venv/bin/python scripts/build_language_data.py``. The files are small enough to ship in the repo.
"""

from __future__ import annotations

import gzip
import subprocess
import sys
from pathlib import Path

LANG_DIR = Path(__file__).resolve().parents[1] / "vestnik" / "lang"
#: One frequency cut-off for every language: wordfreq's "small" lists (bg, sh) stop at Zipf 3.0, so the bigger
#: lists are cut there too, or languages with longer lists would win on rare words.
ZIPF_CUT = 3.0
BE_ZIPF = 3.3  # score of a Belarusian form (no frequencies in hunspell)
BE_MAX_LEN = 7  # short forms only: they carry most running text and keep the file small

LAT2CYR = [("lj", "љ"), ("nj", "њ"), ("dž", "џ"), ("a", "а"), ("b", "б"), ("v", "в"), ("g", "г"), ("d", "д"),
           ("đ", "ђ"), ("e", "е"), ("ž", "ж"), ("z", "з"), ("i", "и"), ("j", "ј"), ("k", "к"), ("l", "л"),
           ("m", "м"), ("n", "н"), ("o", "о"), ("p", "п"), ("r", "р"), ("s", "с"), ("t", "т"), ("ć", "ћ"),
           ("u", "у"), ("f", "ф"), ("h", "х"), ("c", "ц"), ("č", "ч"), ("š", "ш")]


def to_serbian_cyrillic(word: str) -> str | None:
    """Latin Serbo-Croatian → Serbian Cyrillic (None if letters outside the Gaj alphabet remain)."""
    for a, b in LAT2CYR:
        word = word.replace(a, b)
    return None if any("a" <= c <= "z" or c in "qwxy" for c in word) else word


def write(code: str, rows: dict[str, float], source: str) -> None:
    out = LANG_DIR / code / "lid_words.tsv.gz"
    out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(out, "wt", encoding="utf-8", compresslevel=9) as f:
        f.write(f"# language-ID word list for {code}: word<TAB>Zipf frequency. Source: {source}. "
                "Built by scripts/build_language_data.py\n")
        for w, z in sorted(rows.items(), key=lambda kv: (-kv[1], kv[0])):
            f.write(f"{w}\t{z:.1f}\n")
    print(f"{code}: {len(rows)} words -> {out} ({out.stat().st_size // 1024} KB)", file=sys.stderr)


def build_wordfreq() -> None:
    import wordfreq

    for code in ("bg", "mk", "ru", "uk", "sr", "en"):
        src = "sh" if code == "sr" else code
        rows: dict[str, float] = {}
        for w in wordfreq.top_n_list(src, 10**6):
            z = wordfreq.zipf_frequency(w, src)
            if z < ZIPF_CUT:
                break
            if code == "sr":
                w = to_serbian_cyrillic(w) or ""
            if w and w not in rows:
                rows[w] = z
        write(code, rows, f"wordfreq {wordfreq.__version__ if hasattr(wordfreq, '__version__') else '3'} "
              f"'{src}' list (CC BY-SA 4.0){', transliterated Latin→Cyrillic' if code == 'sr' else ''}")


def build_belarusian() -> None:
    dic, aff = Path("/usr/share/hunspell/be_BY.dic"), Path("/usr/share/hunspell/be_BY.aff")
    if not dic.exists():
        print("skip be: apt-get install hunspell-be hunspell-tools", file=sys.stderr)
        return
    out = subprocess.run(["unmunch", str(dic), str(aff)], capture_output=True, text=True, check=True).stdout
    rows = {w.lower(): BE_ZIPF for w in out.split() if 0 < len(w) <= BE_MAX_LEN and w.isalpha()}
    write("be", rows, "Debian hunspell-be 0.53 (CC BY-SA, M. Udodau), expanded with unmunch")


if __name__ == "__main__":
    build_wordfreq()
    build_belarusian()
