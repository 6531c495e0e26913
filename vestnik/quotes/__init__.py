"""Quotes, speakers and source chains (the ``quotes`` stage)."""
