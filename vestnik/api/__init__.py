"""The web UI and JSON API over the store (``vestnik serve``): see :func:`vestnik.api.app.create_app`."""
