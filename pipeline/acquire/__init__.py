"""Getting PDFs in: sources as data, publication pages, HTTP fetch, harvest, manifest, `add`.

Imports store/, common/ and below.
"""
