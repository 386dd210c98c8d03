"""Allow ``python -m ywplan``."""

from ywplan.cli.main import main

main()
