"""Measure an HTML page in a real browser: Debian's headless Chromium, at a phone's width too.

Headless Chromium will not make its window narrower than 500 px, so the page is laid out in an
``<iframe srcdoc>`` of the width under test: the frame is the page's viewport, its media queries
and ``scrollWidth`` are a phone's. A script in the outer page (the summary itself has none)
measures each frame once everything has loaded and writes the figures into the DOM, which
``--dump-dom`` prints.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

BROWSERS = ("chromium", "chromium-browser")
REQUIRE_ENV = "WIJKSESSIE_REQUIRE_BROWSER"
"""Set by ``.ci/run``: without a browser the test fails there instead of being skipped."""

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
)

_MEASURE = """
<script>
function measure(frame) {
  const doc = frame.contentDocument, win = frame.contentWindow, width = win.innerWidth;
  const outside = [];
  for (const el of doc.body.querySelectorAll("*")) {
    const box = el.getBoundingClientRect();
    if (box.width && (box.right > width + 1 || box.left < -1)) {
      outside.push(el.tagName.toLowerCase() + " " + (el.textContent || "").trim().slice(0, 40));
    }
  }
  let smallest = null;
  for (const text of doc.querySelectorAll("svg text")) {
    const height = text.getBoundingClientRect().height;
    if (height > 0 && (smallest === null || height < smallest)) smallest = height;
  }
  const cells = [...doc.querySelectorAll("table.commitments td")].filter(
    (td) => td.getBoundingClientRect().width > 0);
  const labels = cells.map((td) => win.getComputedStyle(td, "::before").content);
  return {width: width, scrollWidth: doc.documentElement.scrollWidth, outside: outside,
          smallestSvgText: smallest, commitmentCells: cells.length,
          commitmentRight: Math.max(0, ...cells.map((td) => td.getBoundingClientRect().right)),
          labels: labels};
}
window.addEventListener("load", () => {
  const out = {};
  for (const frame of document.querySelectorAll("iframe")) {
    out[frame.dataset.width] = measure(frame);
  }
  document.getElementById("result").textContent = JSON.stringify(out);
});
</script>
"""


def browser() -> str | None:
    """The Chromium on this machine, or ``None``."""
    return next((found for name in BROWSERS if (found := shutil.which(name))), None)


def required() -> bool:
    """Whether a missing browser is a failure (in CI) rather than a reason to skip."""
    return bool(os.environ.get(REQUIRE_ENV))


def run_chromium(*arguments: str, timeout: float = 90) -> str:
    """Run headless Chromium with a throw-away profile; its standard output."""
    program = browser()
    assert program, "chromium ontbreekt"
    with tempfile.TemporaryDirectory(prefix="wijksessie-chromium-") as profile:
        done = subprocess.run(
            [program, *FLAGS, f"--user-data-dir={profile}", *arguments],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    return done.stdout


def measure(page: str, widths: tuple[int, ...], folder: Path) -> dict[int, dict[str, Any]]:
    """Lay ``page`` out at each of ``widths`` (CSS px) and measure it; keyed by width."""
    frames = "".join(
        f'<iframe data-width="{width}" width="{width}" height="900" style="border:0;display:block"'
        f' srcdoc="{html.escape(page, quote=True)}"></iframe>'
        for width in widths
    )
    wrapper = folder / "measure.html"
    wrapper.write_text(
        f'<!DOCTYPE html><html><body style="margin:0"><pre id="result"></pre>{frames}'
        f"{_MEASURE}</body></html>",
        encoding="utf-8",
    )
    dom = run_chromium("--window-size=1400,1000", "--dump-dom", wrapper.as_uri())
    found = re.search(r'<pre id="result">(.*?)</pre>', dom, re.S)
    assert found and found.group(1), f"geen meting uit chromium: {dom[:300]!r}"
    measured = json.loads(html.unescape(found.group(1)))
    return {int(width): figures for width, figures in measured.items()}


def screenshot(page: Path, target: Path, width: int, height: int) -> None:
    """A PNG of ``page`` in a window of ``width`` × ``height`` (for a person to look at)."""
    run_chromium(f"--window-size={width},{height}", f"--screenshot={target}", page.as_uri())


def print_pdf(page: Path, target: Path) -> None:
    """``page`` printed to PDF as Chromium prints it (A4 from the page's own ``@page``)."""
    run_chromium("--no-pdf-header-footer", f"--print-to-pdf={target}", page.as_uri())


def pdf_pages(pdf: Path) -> int:
    """Pages in a PDF Chromium wrote (its page objects; enough for a size check)."""
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf.read_bytes()))
