"""Alembic environment: vestnik runs migrations itself (``Store.open`` upgrades to head).

The connection comes from ``config.attributes["connection"]`` (programmatic use);
``alembic -c vestnik/store/migrations/alembic.ini upgrade head`` with ``-x url=...``
works too for operators who prefer the alembic command.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine

from vestnik.store.schema import metadata

config = context.config


def _run(connection: Connection) -> None:
    context.configure(connection=connection, target_metadata=metadata, render_as_batch=True,
                      compare_type=True)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    conn = config.attributes.get("connection")
    if conn is not None:
        _run(conn)
        return
    url = context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option("sqlalchemy.url")
    engine = create_engine(url)  # type: ignore[arg-type]  # (no url: create_engine raises, as it always did)
    with engine.connect() as connection:
        _run(connection)


def run_migrations_offline() -> None:
    url = context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option("sqlalchemy.url")
    context.configure(url=url, target_metadata=metadata, literal_binds=True, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
