"""``vestnik``: the command-line entry point. Each area registers its commands from its own module."""

from __future__ import annotations

import importlib
import logging

import typer

app = typer.Typer(
    name="vestnik",
    help="News intelligence from agency text: who did and said what, to whom, when and where, "
    "and according to whom. Start with `vestnik extract PAGE` or `vestnik ingest DIR`.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# Modules that add commands with ``register(app)``; a module that does not exist yet is skipped.
COMMAND_MODULES = [
    "vestnik.cli.extract",
    "vestnik.cli.store",
    "vestnik.cli.watch",
    "vestnik.cli.langid",
    "vestnik.cli.kb",
    "vestnik.cli.quotes",
    "vestnik.cli.events",
    "vestnik.cli.stories",
    "vestnik.cli.spark",
]


@app.callback()
def _main(verbose: bool = typer.Option(False, "--verbose", "-v", help="Log debug details to stderr.")) -> None:
    logging.basicConfig(level=logging.DEBUG if verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")


for _mod in COMMAND_MODULES:
    try:
        importlib.import_module(_mod).register(app)
    except ModuleNotFoundError as _e:
        if _e.name != _mod:
            raise

if __name__ == "__main__":
    app()
