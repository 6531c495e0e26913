"""Events: who did what to whom — PLOVER/CAMEO coding of sentences, with actors, time, place and provenance."""
