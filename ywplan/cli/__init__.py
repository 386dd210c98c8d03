"""The command line layer: typer signatures, options, completion, prompts (see ``main``)."""

from ywplan.cli.main import app, main

__all__ = ["app", "main"]
