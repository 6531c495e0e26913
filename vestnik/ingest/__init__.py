"""Ingest: turn paths, directories, JSON Lines files and URLs into :class:`~vestnik.document.Document` s."""
