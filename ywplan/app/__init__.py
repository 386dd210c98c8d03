"""One engine per command, named like it (``ywplan log`` → :mod:`ywplan.app.log`)."""
