"""Check, or rewrite, the console blocks of README.md and docs/*.md with ywplan's real output.

    python scripts/docs_console.py                   # compare; exit 1 and show what differs
    python scripts/docs_console.py --update          # rewrite the blocks; review with git diff
    python scripts/docs_console.py --update README.md

How a document declares its environment, the setup of a block, and which lines run:
tests/docs_console.py (the same runner as tests/test_docs_console.py).
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.docs_console import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
