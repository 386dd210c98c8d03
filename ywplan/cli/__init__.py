"""The command line layer: typer signatures, options, completion, prompts (see ``main``)."""
