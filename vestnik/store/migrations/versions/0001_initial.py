"""Initial schema for every layer: documents, teasers, facts, stories, duplicates, full-text index.

Revision ID: 0001
Revises:
Create Date: 2026-11-29 03:30:29.580748
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from vestnik.store import fts

# revision identifiers, used by Alembic.
revision: str = '0001'
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table('documents',
    sa.Column('seq', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('id', sa.String(length=40), nullable=False),
    sa.Column('external_id', sa.String(length=512), nullable=True),
    sa.Column('source', sa.Text(), nullable=True),
    sa.Column('url', sa.Text(), nullable=True),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('headline', sa.Text(), nullable=True),
    sa.Column('language', sa.String(length=16), nullable=True),
    sa.Column('language_confidence', sa.Float(), nullable=True),
    sa.Column('published', sa.String(length=32), nullable=True),
    sa.Column('published_source', sa.String(length=32), nullable=True),
    sa.Column('publisher', sa.String(length=256), nullable=True),
    sa.Column('publisher_entity', sa.String(length=128), nullable=True),
    sa.Column('encoding', sa.String(length=64), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('article', sa.JSON(), nullable=True),
    sa.Column('contract', sa.JSON(), nullable=False),
    sa.Column('ingested_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('pipeline', sa.String(length=256), nullable=True),
    sa.PrimaryKeyConstraint('seq'),
    sa.UniqueConstraint('id')
    )
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.create_index('ix_documents_external_id', ['external_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_documents_language'), ['language'], unique=False)
        batch_op.create_index(batch_op.f('ix_documents_published'), ['published'], unique=False)
        batch_op.create_index(batch_op.f('ix_documents_publisher'), ['publisher'], unique=False)

    op.create_table('entities',
    sa.Column('id', sa.String(length=128), nullable=False),
    sa.Column('name', sa.Text(), nullable=True),
    sa.Column('type', sa.String(length=16), nullable=True),
    sa.Column('codes', sa.JSON(), nullable=True),
    sa.Column('kind', sa.String(length=64), nullable=True),
    sa.Column('country', sa.String(length=16), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('entities', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_entities_type'), ['type'], unique=False)

    op.create_table('stories',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('label', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('evidence', sa.String(length=128), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('duplicates',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('a_doc', sa.String(length=40), nullable=False),
    sa.Column('a_item', sa.String(length=32), nullable=False),
    sa.Column('a_start_char', sa.Integer(), nullable=True),
    sa.Column('a_end_char', sa.Integer(), nullable=True),
    sa.Column('b_doc', sa.String(length=40), nullable=False),
    sa.Column('b_item', sa.String(length=32), nullable=False),
    sa.Column('b_start_char', sa.Integer(), nullable=True),
    sa.Column('b_end_char', sa.Integer(), nullable=True),
    sa.Column('score', sa.Float(), nullable=True),
    sa.Column('evidence', sa.String(length=128), nullable=True),
    sa.ForeignKeyConstraint(['a_doc'], ['documents.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['b_doc'], ['documents.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('duplicates', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_duplicates_a_doc'), ['a_doc'], unique=False)
        batch_op.create_index(batch_op.f('ix_duplicates_b_doc'), ['b_doc'], unique=False)

    op.create_table('events',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('doc_id', sa.String(length=40), nullable=False),
    sa.Column('idx', sa.Integer(), nullable=False),
    sa.Column('start_char', sa.Integer(), nullable=False),
    sa.Column('end_char', sa.Integer(), nullable=False),
    sa.Column('sentence_start_char', sa.Integer(), nullable=True),
    sa.Column('sentence_end_char', sa.Integer(), nullable=True),
    sa.Column('type', sa.String(length=16), nullable=True),
    sa.Column('cameo', sa.String(length=8), nullable=True),
    sa.Column('source_start_char', sa.Integer(), nullable=True),
    sa.Column('source_end_char', sa.Integer(), nullable=True),
    sa.Column('source_entity', sa.String(length=128), nullable=True),
    sa.Column('source_code', sa.String(length=32), nullable=True),
    sa.Column('target_start_char', sa.Integer(), nullable=True),
    sa.Column('target_end_char', sa.Integer(), nullable=True),
    sa.Column('target_entity', sa.String(length=128), nullable=True),
    sa.Column('target_code', sa.String(length=32), nullable=True),
    sa.Column('when_value', sa.String(length=64), nullable=True),
    sa.Column('where_entity', sa.String(length=128), nullable=True),
    sa.Column('negated', sa.Boolean(), nullable=True),
    sa.Column('hedged', sa.Boolean(), nullable=True),
    sa.Column('quadclass', sa.Integer(), nullable=True),
    sa.Column('goldstein', sa.Float(), nullable=True),
    sa.Column('source_idx', sa.JSON(), nullable=True),
    sa.Column('evidence', sa.String(length=128), nullable=True),
    sa.ForeignKeyConstraint(['doc_id'], ['documents.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_events_doc_id'), ['doc_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_events_type'), ['type'], unique=False)

    op.create_table('mentions',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('doc_id', sa.String(length=40), nullable=False),
    sa.Column('idx', sa.Integer(), nullable=False),
    sa.Column('start_char', sa.Integer(), nullable=False),
    sa.Column('end_char', sa.Integer(), nullable=False),
    sa.Column('type', sa.String(length=16), nullable=True),
    sa.Column('form', sa.String(length=16), nullable=True),
    sa.Column('base', sa.Text(), nullable=True),
    sa.Column('entity_id', sa.String(length=128), nullable=True),
    sa.Column('evidence', sa.String(length=128), nullable=True),
    sa.ForeignKeyConstraint(['doc_id'], ['documents.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('mentions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_mentions_doc_id'), ['doc_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_mentions_entity_id'), ['entity_id'], unique=False)

    op.create_table('quotes',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('doc_id', sa.String(length=40), nullable=False),
    sa.Column('idx', sa.Integer(), nullable=False),
    sa.Column('start_char', sa.Integer(), nullable=False),
    sa.Column('end_char', sa.Integer(), nullable=False),
    sa.Column('direct', sa.Boolean(), nullable=True),
    sa.Column('cue_start_char', sa.Integer(), nullable=True),
    sa.Column('cue_end_char', sa.Integer(), nullable=True),
    sa.Column('speaker_start_char', sa.Integer(), nullable=True),
    sa.Column('speaker_end_char', sa.Integer(), nullable=True),
    sa.Column('speaker_entity', sa.String(length=128), nullable=True),
    sa.Column('source_idx', sa.JSON(), nullable=True),
    sa.Column('when_value', sa.String(length=64), nullable=True),
    sa.Column('when_source', sa.String(length=32), nullable=True),
    sa.Column('evidence', sa.String(length=128), nullable=True),
    sa.ForeignKeyConstraint(['doc_id'], ['documents.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('quotes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_quotes_doc_id'), ['doc_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_quotes_speaker_entity'), ['speaker_entity'], unique=False)

    op.create_table('sources',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('doc_id', sa.String(length=40), nullable=False),
    sa.Column('idx', sa.Integer(), nullable=False),
    sa.Column('start_char', sa.Integer(), nullable=False),
    sa.Column('end_char', sa.Integer(), nullable=False),
    sa.Column('entity_id', sa.String(length=128), nullable=True),
    sa.Column('cites', sa.Integer(), nullable=True),
    sa.Column('scope_start_char', sa.Integer(), nullable=True),
    sa.Column('scope_end_char', sa.Integer(), nullable=True),
    sa.Column('cue_start_char', sa.Integer(), nullable=True),
    sa.Column('cue_end_char', sa.Integer(), nullable=True),
    sa.Column('evidence', sa.String(length=128), nullable=True),
    sa.ForeignKeyConstraint(['doc_id'], ['documents.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('sources', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sources_doc_id'), ['doc_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_sources_entity_id'), ['entity_id'], unique=False)

    op.create_table('story_members',
    sa.Column('story_id', sa.String(length=64), nullable=False),
    sa.Column('doc_id', sa.String(length=40), nullable=False),
    sa.Column('item', sa.String(length=32), nullable=False),
    sa.Column('start_char', sa.Integer(), nullable=True),
    sa.Column('end_char', sa.Integer(), nullable=True),
    sa.Column('evidence', sa.String(length=128), nullable=True),
    sa.ForeignKeyConstraint(['doc_id'], ['documents.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['story_id'], ['stories.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('story_id', 'doc_id', 'item')
    )
    with op.batch_alter_table('story_members', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_story_members_doc_id'), ['doc_id'], unique=False)

    op.create_table('teasers',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('doc_id', sa.String(length=40), nullable=False),
    sa.Column('idx', sa.Integer(), nullable=False),
    sa.Column('start_char', sa.Integer(), nullable=False),
    sa.Column('end_char', sa.Integer(), nullable=False),
    sa.Column('headline', sa.Text(), nullable=True),
    sa.Column('snippet', sa.Text(), nullable=True),
    sa.Column('dateline', sa.String(length=256), nullable=True),
    sa.Column('truncated', sa.Boolean(), nullable=True),
    sa.Column('language', sa.String(length=16), nullable=True),
    sa.Column('evidence', sa.String(length=128), nullable=True),
    sa.ForeignKeyConstraint(['doc_id'], ['documents.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('teasers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_teasers_doc_id'), ['doc_id'], unique=False)

    op.create_table('times',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('doc_id', sa.String(length=40), nullable=False),
    sa.Column('idx', sa.Integer(), nullable=False),
    sa.Column('start_char', sa.Integer(), nullable=False),
    sa.Column('end_char', sa.Integer(), nullable=False),
    sa.Column('type', sa.String(length=16), nullable=True),
    sa.Column('value', sa.String(length=64), nullable=True),
    sa.Column('evidence', sa.String(length=128), nullable=True),
    sa.ForeignKeyConstraint(['doc_id'], ['documents.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('times', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_times_doc_id'), ['doc_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_times_value'), ['value'], unique=False)
    fts.create(op.get_bind())


def downgrade() -> None:
    """Downgrade schema."""
    fts.drop(op.get_bind())
    with op.batch_alter_table('times', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_times_value'))
        batch_op.drop_index(batch_op.f('ix_times_doc_id'))

    op.drop_table('times')
    with op.batch_alter_table('teasers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_teasers_doc_id'))

    op.drop_table('teasers')
    with op.batch_alter_table('story_members', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_story_members_doc_id'))

    op.drop_table('story_members')
    with op.batch_alter_table('sources', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sources_entity_id'))
        batch_op.drop_index(batch_op.f('ix_sources_doc_id'))

    op.drop_table('sources')
    with op.batch_alter_table('quotes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_quotes_speaker_entity'))
        batch_op.drop_index(batch_op.f('ix_quotes_doc_id'))

    op.drop_table('quotes')
    with op.batch_alter_table('mentions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_mentions_entity_id'))
        batch_op.drop_index(batch_op.f('ix_mentions_doc_id'))

    op.drop_table('mentions')
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_events_type'))
        batch_op.drop_index(batch_op.f('ix_events_doc_id'))

    op.drop_table('events')
    with op.batch_alter_table('duplicates', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_duplicates_b_doc'))
        batch_op.drop_index(batch_op.f('ix_duplicates_a_doc'))

    op.drop_table('duplicates')
    op.drop_table('stories')
    with op.batch_alter_table('entities', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_entities_type'))

    op.drop_table('entities')
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_documents_publisher'))
        batch_op.drop_index(batch_op.f('ix_documents_published'))
        batch_op.drop_index(batch_op.f('ix_documents_language'))
        batch_op.drop_index('ix_documents_external_id')

    op.drop_table('documents')
