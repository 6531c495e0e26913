"""Stories: exact and near-duplicates, teaser ↔ article containment, and story clustering.

- :mod:`normalize`: the comparison key of a text (Unicode, case, Latin/Greek look-alikes folded to Cyrillic).
- :mod:`minhash`: word-shingle MinHash signatures (rensa, measured ~4.7x faster than datasketch here).
- :mod:`items`: duplicates among the items of one page (the per-document ``stories`` stage).
- :mod:`index`: the corpus duplicate index (exact hash, MinHash LSH, lead keys for cut teasers), persistent.
- :mod:`cluster`: online story clustering (text, entities, dates) that folds the duplicates in.
"""
