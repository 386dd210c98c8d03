"""The HTML report in a real headless Chromium: the DOM it builds, a screenshot, an A4 PDF.

Skipped when no Chromium is installed (Debian: ``apt-get install chromium fonts-noto-cjk``).
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.conftest import Run
from tests.reportplan import TODAY, write_plan

CHROMIUM = next(
    (
        found
        for name in ("chromium", "chromium-browser", "google-chrome")
        if (found := shutil.which(name))
    ),
    None,
)
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed")

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


def chromium(tmp: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    assert CHROMIUM is not None
    command = [CHROMIUM, *FLAGS, f"--user-data-dir={tmp / 'profile'}", *args]
    return subprocess.run(command, capture_output=True, timeout=120, check=False)


class Dom(HTMLParser):
    """Collects what the assertions need from Chromium's serialised DOM."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.h1 = ""
        self._in_h1 = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_h1 = tag == "h1"

    def handle_endtag(self, tag: str) -> None:
        if tag == "h1":
            self._in_h1 = False

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._in_h1:
            self.h1 += data

    def count(self, tag: str, **attrs: str) -> int:
        return sum(
            1 for t, a in self.tags if t == tag and all(a.get(k) == v for k, v in attrs.items())
        )


@pytest.fixture
def page(run: Run, workdir: Path) -> Path:
    write_plan(workdir)
    out = workdir / "report.html"
    result = run("report", "--quarter", "2024Q3", "-o", str(out), lang="zh", today=TODAY)
    assert result.exit_code == 0, result.output
    return out


def test_dom_in_chromium(page: Path, tmp_path: Path) -> None:
    result = chromium(tmp_path, "--dump-dom", page.as_uri())
    assert result.returncode == 0, result.stderr[-2000:]
    dom = Dom()
    dom.feed(result.stdout.decode("utf-8"))
    assert dom.h1 == "示例团委2024年第三季度工作要点推进情况"
    assert dom.count("svg") == 6 + 6  # one bar and one chart of the year per target
    assert dom.count("line", **{"class": "mark"}) == 5  # the max target has no 序时进度 mark
    assert dom.count("tr", **{"data-state": "behind"}) == 4 + 4  # targets, then quotas
    assert dom.count("tr", **{"data-state": "on_track"}) == 2
    assert dom.count("b") == 0 and dom.count("script") == 0  # plan text stayed text
    text = "".join(dom.text)
    assert "培训 <b>骨干</b> & 青年" in text
    assert "滞后" in text and "正常推进" in text
    assert not [a for t, a in dom.tags if t in ("link", "img", "iframe")]


def test_screenshot_and_a4_pdf(page: Path, tmp_path: Path) -> None:
    png = tmp_path / "report.png"
    result = chromium(tmp_path, f"--screenshot={png}", "--window-size=1240,1754", page.as_uri())
    assert result.returncode == 0, result.stderr[-2000:]
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", data[16:24]) == (1240, 1754)
    assert len(data) > 20_000  # tables and bars drawn, not a blank page
    pdf = tmp_path / "report.pdf"
    result = chromium(tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri())
    assert result.returncode == 0, result.stderr[-2000:]
    boxes = set(re.findall(rb"/MediaBox\s*\[([^\]]*)\]", pdf.read_bytes()))
    sizes = {tuple(round(float(v)) for v in box.split()[2:]) for box in boxes}
    assert sizes == {(842, 595)}  # A4 landscape, in points
