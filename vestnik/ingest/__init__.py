"""Ingest: turn paths, directories, JSON Lines files, URLs, RSS/Atom feeds and WARC archives into :class:`~vestnik.document.Document` s."""
