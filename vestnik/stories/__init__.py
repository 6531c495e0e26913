"""Stories: exact and near-duplicates, teaser ↔ article containment, and story clustering.

- :mod:`normalize`: the comparison key of a text (Unicode, case, Latin/Greek look-alikes folded to Cyrillic).
- :mod:`minhash`: MinHash signatures of word-3-gram hashes (rensa batch digest; LSH candidates only, verified exactly).
- :mod:`items`: duplicates among the items of one page (the per-document ``stories`` stage).
- :mod:`index`: the corpus duplicate index (exact hash, MinHash LSH, lead keys for cut teasers), persistent.
- :mod:`cluster`: online story clustering (text, entities, dates) that folds the duplicates in.
"""
