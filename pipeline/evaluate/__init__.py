"""Measuring extraction: scores against gold, eval, cross-validation, training, the benchmark.

Imports run/ and below.
"""
