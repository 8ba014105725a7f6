"""The `recwatch` command line, one module per command group: parse, call one function, print.

Imports anything below; nothing imports it.
"""
