"""Full-text search: the only dialect-specific SQL in the store.

SQLite: a contentless FTS5 index (``documents_fts``, rowid = ``documents.seq``)
over headline + text. Tokenizer ``unicode61 remove_diacritics 2``: case folding
covers Cyrillic (путин = Путин = ПУТИН); diacritics are removed from Latin
letters only (café = cafe). SQLite's diacritic table does not touch Cyrillic, so
Bulgarian/Russian "й" stays a letter of its own (мой ≠ мои), which the tests
check. Russian "ё" is folded to "е" before indexing and querying, because news
text writes both for the same word.

PostgreSQL: a GIN expression index over ``to_tsvector('simple', ...)`` of the
headline (weight A) and text (weight D), with the same ё→е fold; queries use
``to_tsquery``/``phraseto_tsquery`` and rank by ``ts_rank_cd``. The 'simple'
configuration folds case (Cyrillic too, in a UTF-8 database) and does not stem,
like FTS5 here. Nothing is written by vestnik: PostgreSQL keeps the index current.

Other dialects: a case-insensitive ``LIKE`` over headline and text.

Snippets are cut in Python from the stored text, so they are identical on every
dialect and their highlight offsets point into the real text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import Connection, text

FTS_TABLE = "documents_fts"
PG_INDEX = "ix_documents_tsv"
#: the indexed expression; queries must repeat it verbatim for PostgreSQL to use the index
PG_TSV = ("setweight(to_tsvector('simple'::regconfig, translate(coalesce(headline, ''), 'ёЁ', 'еЕ')), 'A') || "
          "setweight(to_tsvector('simple'::regconfig, translate(text, 'ёЁ', 'еЕ')), 'D')")
TOKENIZER = "unicode61 remove_diacritics 2"
_TERM = re.compile(r'"([^"]+)"|(\w[\w\-]*\*?)', re.UNICODE)
#: bare terms at least this long match as prefixes (Путин finds Путина, Путину)
PREFIX_MIN = 4


def fold(s: str) -> str:
    """Search normalisation applied to both the index and the query: ё as е (length-preserving, so offsets
    survive). Two ``replace`` scans, not ``str.translate``, which looks every character of a Cyrillic text up in
    its table (0.001x its time: bench.ingest)."""
    return s.replace("ё", "е").replace("Ё", "Е")


def has_fts5(conn: Connection) -> bool:
    if conn.dialect.name != "sqlite":
        return False
    try:
        conn.exec_driver_sql("CREATE VIRTUAL TABLE temp._vestnik_fts_probe USING fts5(x)")
        conn.exec_driver_sql("DROP TABLE temp._vestnik_fts_probe")
        return True
    except Exception:
        return False


def create(conn: Connection) -> None:
    """Create the search index if this database supports one (called by the migrations)."""
    if has_fts5(conn):
        conn.exec_driver_sql(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5(headline, body, content='', "
            f"tokenize='{TOKENIZER}')"
        )


def drop(conn: Connection) -> None:
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql(f"DROP TABLE IF EXISTS {FTS_TABLE}")


def kind(conn: Connection) -> str:
    """Which search this database has: ``fts5`` (SQLite), ``tsvector`` (PostgreSQL) or ``like``."""
    if conn.dialect.name == "postgresql":
        row = conn.exec_driver_sql("SELECT 1 FROM pg_indexes WHERE indexname = %(n)s", {"n": PG_INDEX}).first()
        return "tsvector" if row is not None else "like"
    if conn.dialect.name != "sqlite":
        return "like"
    row = conn.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE name = ?", (FTS_TABLE,)).first()
    return "fts5" if row is not None else "like"


def index_rows(conn: Connection, rows: list[dict]) -> None:
    """Add documents (``seq``, ``headline``, ``text``) to the index, in the caller's transaction."""
    if rows:
        conn.execute(text(f"INSERT INTO {FTS_TABLE}(rowid, headline, body) VALUES (:seq, :headline, :body)"),
                     [{"seq": r["seq"], "headline": fold(r.get("headline") or ""), "body": fold(r["text"])}
                      for r in rows])


def unindex(conn: Connection, seq: int, headline: str | None, body: str) -> None:
    """Remove one document (a contentless table needs the indexed values back)."""
    conn.execute(text(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, headline, body) "
                      "VALUES ('delete', :seq, :headline, :body)"),
                 {"seq": seq, "headline": fold(headline or ""), "body": fold(body)})


def like_escape(s: str) -> str:
    """``s`` as literal text inside a ``LIKE`` pattern whose escape character is a backslash."""
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


@dataclass
class Query:
    """A user query: words (AND), "quoted phrases"; ``word*`` asks for a prefix explicitly."""

    terms: list[tuple[str, bool, bool]]  # (text, is_phrase, prefix)

    @classmethod
    def parse(cls, q: str) -> Query:
        terms: list[tuple[str, bool, bool]] = []
        for m in _TERM.finditer(fold(q)):
            if m.group(1):
                phrase = " ".join(m.group(1).split())
                if phrase:
                    terms.append((phrase, True, False))
            else:
                w = m.group(2)
                star = w.endswith("*")
                w = w.rstrip("*").strip("-")
                if w:
                    terms.append((w, False, star or len(w) >= PREFIX_MIN))
        return cls(terms)

    def __bool__(self) -> bool:
        return bool(self.terms)

    def fts5(self) -> str:
        """FTS5 MATCH expression; every term is quoted, so user input cannot break the syntax."""
        parts = []
        for t, _phrase, prefix in self.terms:
            parts.append('"' + t.replace('"', '""') + '"' + ("*" if prefix else ""))
        return " AND ".join(parts)

    def tsqueries(self) -> list[tuple[str, str]]:
        """One ``(function, argument)`` per term for PostgreSQL, ANDed by the caller; all values are bound."""
        out = []
        for t, phrase, prefix in self.terms:
            if phrase:
                out.append(("phraseto_tsquery", t))
            else:
                out.append(("to_tsquery", "'" + t.replace("'", "''") + "'" + (":*" if prefix else "")))
        return out

    def like_patterns(self) -> list[str]:
        """Lower-cased ``LIKE`` patterns, one per term (the fallback search)."""
        return [f"%{like_escape(t.lower())}%" for t, _phrase, _prefix in self.terms]

    def regex(self) -> re.Pattern[str] | None:
        """Matches the terms in folded text (for snippets and highlighting)."""
        alts = []
        for t, phrase, prefix in sorted(self.terms, key=lambda x: -len(x[0])):
            body = r"\W+".join(re.escape(w) for w in t.split()) if phrase else re.escape(t)
            alts.append(r"(?<!\w)" + body + (r"\w*" if prefix else r"(?!\w)"))
        return re.compile("|".join(alts), re.IGNORECASE) if alts else None


def _squeeze(text_: str, start: int, end: int) -> tuple[str, list[int]]:
    """``text_[start:end]`` with whitespace runs made one space, and each kept char's offset in ``text_``."""
    chars: list[str] = []
    where: list[int] = []
    for i in range(start, end):
        c = text_[i]
        if c.isspace():
            if not chars or chars[-1] == " ":
                continue
            c = " "
        chars.append(c)
        where.append(i)
    while chars and chars[-1] == " ":
        chars.pop()
        where.pop()
    return "".join(chars), where


def snippet(text_: str, query: Query, width: int = 220) -> tuple[str, list[tuple[int, int]]]:
    """A window of ``text_`` around the first match (whitespace squeezed) and the match spans inside it."""
    rx = query.regex()
    hits = [m.span() for m in rx.finditer(fold(text_))] if rx else []
    first = hits[0][0] if hits else 0
    start = max(0, first - width // 3)
    if start > 0:  # do not start mid-word
        sp = text_.find(" ", start)
        start = sp + 1 if 0 <= sp < first else start
    end = min(len(text_), start + width)
    if end < len(text_):
        sp = text_.rfind(" ", start, end)
        end = sp if sp > (hits[0][1] if hits else start) else end
    body, where = _squeeze(text_, start, end)
    pre = "…" if text_[:start].strip() else ""
    post = "…" if text_[end:].strip() else ""
    pos = {off: i for i, off in enumerate(where)}
    spans = []
    for s, e in hits:
        if s in pos and (e - 1) in pos:
            spans.append((pos[s] + len(pre), pos[e - 1] + 1 + len(pre)))
    return pre + body + post, spans
