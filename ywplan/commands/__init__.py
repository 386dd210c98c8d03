"""One module per ``ywplan`` command; each imports only typer at module level."""
