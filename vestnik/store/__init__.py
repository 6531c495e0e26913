"""The embedded store (SQLite by default, portable SQL): see :mod:`vestnik.store.store`."""

from vestnik.store.store import DEFAULT_PATH, ENV_VAR, Store, StoreError, default_location, raw_id

__all__ = ["DEFAULT_PATH", "ENV_VAR", "Store", "StoreError", "default_location", "raw_id"]
