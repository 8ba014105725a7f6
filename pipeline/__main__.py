"""Allow `python -m pipeline`."""

from pipeline.cli.main import cli

cli(prog_name="recwatch")
