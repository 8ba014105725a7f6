"""Output for people and registers: CLI tables, exports, xlsx, register sync, overview, HTML.

Imports evaluate/ (its score types) and below.
"""
