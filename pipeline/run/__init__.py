"""The run path: its order (order.py), extraction stages, workers and budgets, cache and lock.

Imports acquire/, store/, common/ and below.
"""
