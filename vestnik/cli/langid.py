"""``vestnik langid``: the language of each line of a file, or of each file (one ISO 639-1 code per line)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from vestnik.cli import common


def langid(
    paths: Annotated[list[Path], typer.Argument(help="Text files ('-' for standard input).")],
    lines: Annotated[bool, typer.Option("--lines", help="One answer per input line instead of per file.")] = False,
    confidence: Annotated[bool, typer.Option("--confidence", help="Also print the confidence and evidence.")] = False,
) -> None:
    """Identify the language (bg, ru, mk, uk, sr, be, en): prints one code per line ('und' when there are no letters)."""
    from vestnik.language.lid import LanguageIdentifier

    lid = LanguageIdentifier()
    out = sys.stdout
    failed = 0
    for p in paths:
        try:
            raw = sys.stdin.read() if str(p) == "-" else p.read_text(encoding="utf-8-sig", errors="replace")
        except OSError as e:
            common.err.print(f"[red]error[/red] cannot read {p}: {e.strerror}; check the path", highlight=False)
            failed += 1
            continue
        items = raw.splitlines() if lines else [raw]
        for item in items:
            g = lid.detect(item)
            code = g.language or "und"
            out.write(f"{code}\t{g.confidence:.3f}\t{g.evidence}\n" if confidence else f"{code}\n")
    raise typer.Exit(1 if failed else 0)


def register(app: typer.Typer) -> None:
    app.command("langid")(langid)
