"""The bundled plan works end to end from a fresh folder."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import Run


def test_check_passes_on_bundled_plan(run: Run, bundled: Path) -> None:
    result = run("check", today="2026-11-28")
    assert result.exit_code == 0, result.output
    assert "30 items, 22 targets, 120 ledger entries" in result.stdout


def test_status_json_at_q3(run: Run, bundled: Path) -> None:
    result = run("status", "--quarter", "2024Q3", "--format", "json", today="2026-11-28")
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    states = {t["state"] for item in document["items"] for t in item["targets"]}
    assert states == {"done", "on_track", "behind", "not_started"}
