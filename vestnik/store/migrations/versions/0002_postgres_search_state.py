"""PostgreSQL full-text search (a GIN index over the documents' tsvector) and a table of named state blobs.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29 06:20:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from vestnik.store import fts

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Index the expression :data:`vestnik.store.fts.PG_TSV`, which the search repeats verbatim."""
    op.create_table("state",
                    sa.Column("name", sa.String(length=64), nullable=False),
                    sa.Column("version", sa.Integer(), nullable=False),
                    sa.Column("data", sa.LargeBinary(), nullable=False),
                    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
                    sa.PrimaryKeyConstraint("name"))
    if op.get_context().dialect.name == "postgresql":
        op.execute(f"CREATE INDEX IF NOT EXISTS {fts.PG_INDEX} ON documents USING gin (({fts.PG_TSV}))")


def downgrade() -> None:
    op.drop_table("state")
    if op.get_context().dialect.name == "postgresql":
        op.execute(f"DROP INDEX IF EXISTS {fts.PG_INDEX}")
