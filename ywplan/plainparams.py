"""Parse ywplan's plain options without building pydantic adapters (start-up time).

typer 0.29 coerces every parameter through a pydantic ``TypeAdapter``, which costs the
import of pydantic and ~150 ms on every run, TAB completion included. ywplan's options
are text, flags and lists of text, parsed by ywplan itself; for those the value click
hands over is already right. :func:`use_plain_params` gives such parameters a coercion
that returns the value as it is, and leaves every other parameter (an ``int``, a
``Path``) to typer. It relies on typer's private ``_runtime_param`` hook and does
nothing on a typer without it.
"""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

PLAIN = (str, bool, list[str])


_PLAIN: list[type] = []


def _plain_class() -> type | None:
    if _PLAIN:
        return _PLAIN[0]
    try:
        from typer._coercion import RuntimeParam
    except ImportError:  # pragma: no cover - another typer version: keep its coercion
        return None

    @dataclass(frozen=True)
    class Plain(RuntimeParam):
        """The value as click parsed it: ``str``, ``bool``, or a list of ``str``."""

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            if self.annotation == list[str]:
                return [str(v) for v in value]
            if self.annotation is bool:
                return bool(value)
            return value if isinstance(value, str) else str(value)

    _PLAIN.append(Plain)
    return Plain


def use_plain_param(param: Any) -> None:
    """Give one text or flag parameter plain coercion (other parameters are left to typer)."""
    plain = _plain_class()
    descriptor = getattr(param, "type_descriptor", None)
    if plain is None or descriptor is None or getattr(param, "_runtime_param", "") is not None:
        return
    if descriptor.annotation in PLAIN and descriptor.file_annotation is None:
        param._runtime_param = plain(
            annotation=descriptor.annotation, parameter_info=descriptor.parameter_info
        )


def use_plain_params(command: Any, help_names: list[str]) -> None:
    """Give *command*'s (and its subcommands') text and flag parameters plain coercion.

    The ``--help`` flag, which click makes on first use from *help_names*, is made and
    covered too: it is parsed on every run.
    """
    stack = [command]
    while stack:
        current = stack.pop()
        for param in getattr(current, "params", ()):
            use_plain_param(param)
        with suppress(Exception):
            use_plain_param(current.get_help_option(SimpleNamespace(help_option_names=help_names)))
        stack.extend(getattr(current, "commands", {}).values())
