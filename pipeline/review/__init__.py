"""Analysts' review: diffs between runs or files, and the local review application.

Imports render/ and below.
"""
