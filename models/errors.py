"""Errors of the store layer (kept free of heavy imports so the CLI can catch them cheaply)."""

from __future__ import annotations


class StoreError(Exception):
    """The store cannot be opened; the message names the URL or file and the fix."""
