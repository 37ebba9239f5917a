"""The HTML report: one self-contained file, escaped article text, checked in headless Chromium."""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import duckdb
import pytest
from test_compare_fixtures import add_article, gold_warehouse

from evnews.compare import load_registry, run_compare
from evnews.report import render_html

REPO = Path(__file__).resolve().parents[1]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
INJECTED = "<script>document.title='pwned'</script>"


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    folder = tmp_path_factory.mktemp("report")
    con: duckdb.DuckDBPyConnection = gold_warehouse(folder / "w.duckdb")
    add_article(
        con, "https://evil.example/story", group="g-evil", published="2024-05-01",
        outlet="Evil <b>Outlet</b>", title=INJECTED,
        claims=[{"company": "Nissan", "metric": "ev_model_launches", "value": 15, "unit": "models",
                 "horizon_year": 2030, "evidence": f"{INJECTED} Nissan still plans 15 EVs."}],
    )
    add_article(con, "javascript:alert(1)", group="g-js", published="2024-05-02", outlet="JS",
                claims=[{"company": "Nissan", "metric": "ev_model_launches", "value": 21, "unit": "models",
                         "horizon_year": 2030, "evidence": "Twenty-one EVs."}])
    run_compare(con, load_registry(REPO / "warehouse"))
    page = render_html(con)
    con.close()
    path = folder / "report.html"
    path.write_text(page, encoding="utf-8")
    return page, path


def test_page_is_self_contained(report: tuple[str, Path]) -> None:
    page, _ = report
    assert "<script" not in page.replace("&lt;script", "")  # no script of ours, none let through
    assert not re.search(r"<link\b|@import|url\(|<img\b|<iframe\b", page)
    assert not re.search(r"""\ssrc\s*=""", page)
    assert page.count("<svg") == 1 and "<style>" in page


def test_article_text_is_escaped(report: tuple[str, Path]) -> None:
    page, _ = report
    assert "&lt;script&gt;document.title=&#x27;pwned&#x27;&lt;/script&gt;" in page
    assert "Evil &lt;b&gt;Outlet&lt;/b&gt;" in page
    assert 'href="javascript:' not in page


def test_sections_are_filled(report: tuple[str, Path]) -> None:
    page, _ = report
    assert page.count('class="card ') > 50
    assert 'id="t-ambition2030_ev_models_2023"' in page
    assert page.count('<g class="version"') >= 20
    assert "opinion-nissan-electric-promises-harder-look.html" in page
    assert 'class="bar' in page


def _png_pixels(path: Path) -> tuple[int, int, list[bytes]]:
    """Decode an 8-bit RGB/RGBA PNG (what Chromium writes) into rows of raw pixels."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, chunks, header = 8, [], b""
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            chunks.append(body)
        pos += 12 + length
    width, height, depth, colour = struct.unpack(">IIBB", header[:10])
    assert depth == 8 and colour in (2, 6), "unexpected PNG format"
    channels = 3 if colour == 2 else 4
    raw = zlib.decompress(b"".join(chunks))
    stride = width * channels
    rows, previous = [], bytearray(stride)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up, corner = previous[i], previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 0xFF
        rows.append(bytes(line[j] for j in range(stride) if j % channels < 3))
        previous = line
    return width, height, rows


def _chromium(args: list[str], profile: Path) -> subprocess.CompletedProcess[str]:
    command = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               f"--user-data-dir={profile}", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)  # noqa: S603


@pytest.mark.browser
@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (Debian package `chromium`)")
def test_report_in_headless_chromium(report: tuple[str, Path], tmp_path: Path) -> None:
    _, path = report
    dom = _chromium(["--dump-dom", path.as_uri()], tmp_path / "profile-dom").stdout
    assert "<title>evnews: Nissan targets vs. the news</title>" in dom  # the injected script never ran
    assert "pwned" in dom and "&lt;script&gt;document.title='pwned'&lt;/script&gt;" in dom
    assert len(re.findall(r'<article class="card ', dom)) > 50
    assert re.search(r'<svg class="timeline"[^>]*>.*<circle', dom, re.S)
    # the dev corpus's two misreports plus the 21-EV page added above
    assert dom.count('class="item v-conflicting"') == 3 and dom.count('class="item v-superseded"') >= 7

    shot = tmp_path / "report.png"
    result = _chromium(["--screenshot=" + str(shot), "--window-size=1280,2000", path.as_uri()], tmp_path / "profile-png")
    assert shot.is_file(), result.stderr[-2000:]
    width, height, rows = _png_pixels(shot)
    assert (width, height) == (1280, 2000)
    sample = [row[i:i + 3] for row in rows[::8] for i in range(0, len(row), 3 * 8)]
    not_white = sum(1 for px in sample if min(px) < 235) / len(sample)
    dark_header = sum(1 for px in (rows[40][i:i + 3] for i in range(0, 3 * width, 3)) if max(px) < 80) / width
    assert not_white > 0.10, f"page looks blank: {not_white:.1%} non-white pixels"
    assert dark_header > 0.9, "the dark title band is missing"
