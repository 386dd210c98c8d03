"""ywplan: a Youth League office's annual work plan (年度工作要点) tracked from a terminal."""

__version__ = "0.1.0"
