"""Install wijksessie as a facilitator would, without a clone, and run it (issue 22.1).

Builds the sdist and, from it, the wheel (``python -m build``), installs the wheel into a fresh
venv outside the source tree, and runs the installed ``wijksessie``: ``--version``; ``demo`` in
a pseudo-terminal until the Kruidenbuurt session is on screen, then ``ctrl+q`` (the app's
``.tcss`` must be inside to get that far); the HTML summary (its stylesheet); ``list`` in
English (the compiled catalogue). Exit code 0 when all of it worked.

    python .ci/install_smoke.py            # about a minute; CI runs it after the tests
"""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_FILES = (
    "wijksessie/ui/app.tcss",
    "wijksessie/render/templates/summary.css",
    "wijksessie/render/templates/over_time.html.j2",
    "wijksessie/locale/en/LC_MESSAGES/wijksessie.mo",
)


def step(text: str) -> None:
    print(f"-- {text}", flush=True)


def run(*args: str | Path, cwd: Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(
        [str(arg) for arg in args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    if done.returncode != 0:
        sys.exit(f"failed ({done.returncode}): {args}\n{done.stdout}\n{done.stderr}")
    return done.stdout


def build(outdir: Path) -> Path:
    step("python -m build (sdist, then the wheel from it)")
    run(sys.executable, "-m", "build", "--outdir", outdir, ROOT, cwd=outdir)
    wheels = list(outdir.glob("wijksessie-*.whl"))
    sdists = list(outdir.glob("wijksessie-*.tar.gz"))
    if len(wheels) != 1 or len(sdists) != 1:
        sys.exit(f"expected one wheel and one sdist in {outdir}: {os.listdir(outdir)}")
    names = set(zipfile.ZipFile(wheels[0]).namelist())
    missing = [name for name in DATA_FILES if name not in names]
    if missing:
        sys.exit(f"the wheel lacks {missing}")
    return wheels[0]


def run_demo_in_a_terminal(wijksessie: Path, folder: Path, cwd: Path) -> None:
    """The installed app in a pseudo-terminal, as in Windows Terminal or iTerm: wait for the
    demo session on screen, then quit with ctrl+q."""
    step("wijksessie demo, in a pseudo-terminal, then ctrl+q")
    pid, fd = pty.fork()
    if pid == 0:  # the child: the app, on the terminal's side
        os.chdir(cwd)
        env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "120", "LINES": "35"}
        os.execve(str(wijksessie), [str(wijksessie), "--dir", str(folder), "demo"], env)
    seen = b""
    deadline = time.monotonic() + 90
    quit_sent = False
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.5)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:  # the app ended and closed the terminal
                break
            if not chunk:
                break
            seen += chunk
        if not quit_sent and b"Kruidenbuurt" in seen and b"Sessie" in seen:
            time.sleep(1)
            os.write(fd, b"\x11")  # ctrl+q
            quit_sent = True
    else:
        os.kill(pid, 9)
        sys.exit(f"the demo did not show and quit within 90 s; last output: {seen[-2000:]!r}")
    _, status = os.waitpid(pid, 0)
    code = os.waitstatus_to_exitcode(status)
    if not quit_sent or code != 0:
        sys.exit(f"demo ended with {code} (quit sent: {quit_sent}); output: {seen[-2000:]!r}")


def main() -> None:
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="wijksessie-install-") as temp:
        temp_path = Path(temp)
        dist, venv, home = temp_path / "dist", temp_path / "venv", temp_path / "thuis"
        for folder in (dist, home):
            folder.mkdir()
        wheel = build(dist)
        step(f"a fresh venv, pip install {wheel.name}")
        run(sys.executable, "-m", "venv", venv, cwd=home)
        run(venv / "bin" / "pip", "install", "--quiet", wheel, cwd=home)
        wijksessie = venv / "bin" / "wijksessie"
        step("wijksessie --version")
        version = run(wijksessie, "--version", cwd=home).strip()
        if not version.startswith("wijksessie "):
            sys.exit(f"--version said {version!r}")
        sessions = home / "Wijk sessies é"
        run_demo_in_a_terminal(wijksessie, sessions, home)
        step("wijksessie summary --format html (its stylesheet), list --lang en (the catalogue)")
        run(
            wijksessie,
            "--dir",
            sessions,
            "summary",
            "demo-kruidenbuurt.json",
            "--format",
            "html",
            "-o",
            home / "samenvatting.html",
            cwd=home,
        )
        if "<html" not in (home / "samenvatting.html").read_text(encoding="utf-8"):
            sys.exit("the HTML summary is not HTML")
        wide = {**os.environ, "COLUMNS": "200"}
        listed = run(wijksessie, "--dir", sessions, "--lang", "en", "list", cwd=home, env=wide)
        if "Sessions in" not in listed or "Kruidenbuurt" not in listed:
            sys.exit(f"list in English said: {listed}")
    print(f"install smoke passed: {version}, in {time.monotonic() - started:.0f} s", flush=True)


if __name__ == "__main__":
    main()
