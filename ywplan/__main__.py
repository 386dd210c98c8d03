"""Allow ``python -m ywplan``."""

from ywplan.cli import main

main()
