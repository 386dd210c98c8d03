"""Drafting a plan YAML from the official text of a work plan (``ywplan import``).

``read_document(path_or_dash)`` turns a .txt or .docx file (or standard input) into
text; ``draft_plan(text, org=…, year=…)`` turns that text into the draft plan YAML.
Each step lives in its own module: :mod:`.noise`, :mod:`.numerals`, :mod:`.targets`,
:mod:`.items`, :mod:`.draft` are pure; :mod:`.reader` and :mod:`.docx_text` read files.
"""

from ywplan.importing.draft import Draft, draft, draft_plan
from ywplan.importing.reader import read_document

__all__ = ["Draft", "draft", "draft_plan", "read_document"]
