"""Benchmarks: each prints rates and ratios against a named baseline (``python -m bench.<name>``)."""
