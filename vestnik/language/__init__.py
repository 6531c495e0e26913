"""The language layer: language identification, tokens, sentences and lemmas (see ``stage.py``)."""
