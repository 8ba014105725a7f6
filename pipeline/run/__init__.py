"""The run path: its order (order.py), page hints, stages, workers and budgets, cache, lock.

Imports acquire/, store/, common/ and below.
"""
