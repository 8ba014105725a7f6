"""Leaf helpers every layer shares: errors, files, config, provenance, outcomes, progress, JSON.

Imports nothing else of pipeline/ (models/ and extractors/ only).
"""
