"""Entities: the knowledge base of actors, the gazetteer, linking and the ``entities`` stage.

Other layers use :mod:`vestnik.entities.api` (``entity_at``, ``cameo_code``, ``country_code``, ``kind`` ...).
"""
