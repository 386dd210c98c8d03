"""Recall and precision of target extraction over a corpus of real plan texts.

Each ``tests/data/import_corpus/*.txt`` is a published text (source in its first line);
``expected.yaml`` lists, by hand, the targets a clerk would draft from it. A found target
matches an expected one on (item number, unit, min/max, value); doubtful targets
(drafted with ``# 待确认``) count like any other, so they cost precision when wrong.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from ywplan.importing.items import parse_plan

from .import_helpers import DATA

CORPUS = DATA / "import_corpus"
Key = tuple[int, str, str, float]


def expected_targets() -> dict[str, Counter[Key]]:
    raw = yaml.safe_load((CORPUS / "expected.yaml").read_text(encoding="utf-8"))
    return {
        name: Counter((t["item"], t["unit"], t["op"], float(t["value"])) for t in targets)
        for name, targets in raw.items()
    }


def corpus_text(path: Path) -> str:
    """The text of a corpus file without its ``#`` header (source and layout notes)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return "\n".join(line for line in lines if not line.startswith("# "))


def found_targets(path: Path) -> Counter[Key]:
    plan = parse_plan(corpus_text(path))
    return Counter(
        (item.number, t.unit, t.op, float(t.value)) for item in plan.items for t in item.targets
    )


def test_every_text_has_expectations() -> None:
    expected = expected_targets()
    assert sorted(p.name for p in CORPUS.glob("*.txt")) == sorted(expected)
    assert len(expected) >= 12
    assert sum(sum(targets.values()) for targets in expected.values()) >= 60
    with_targets = [name for name, targets in expected.items() if targets]
    assert sum(sum(expected[name].values()) >= 3 for name in with_targets) > len(with_targets) / 2


def test_recall_and_precision_over_the_corpus() -> None:
    hits = expected_total = found_total = 0
    report: list[str] = []
    for name, expected in sorted(expected_targets().items()):
        found = found_targets(CORPUS / name)
        matched = expected & found
        hits += sum(matched.values())
        expected_total += sum(expected.values())
        found_total += sum(found.values())
        missed, extra = expected - found, found - expected
        if missed or extra:
            report.append(
                f"{name}: {sum(matched.values())}/{sum(expected.values())} expected found, "
                f"missed {sorted(missed)} extra {sorted(extra)}"
            )
    recall = hits / expected_total
    precision = hits / found_total if found_total else 1.0
    summary = f"recall {recall:.3f} precision {precision:.3f}\n" + "\n".join(report)
    assert recall >= 0.9, summary
    assert precision >= 0.95, summary


@pytest.mark.parametrize("name", sorted(expected_targets()))
def test_each_text_parses(name: str) -> None:
    assert parse_plan(corpus_text(CORPUS / name)).items
