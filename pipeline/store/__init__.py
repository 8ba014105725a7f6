"""The store's writers and readers: load, re-run copies, queries, run log, corrections, bodies.

Imports common/, models/ and extractors/ only.
"""
