"""Golden files: the extractor's body text for a handful of benchmark pages.

Each page was chosen for one behaviour of the voting (see GOLDEN_PAGES); the
expected text under tests/golden/bench/ was produced by the extractor and
reviewed against the benchmark's hand-made truth. A change in output fails
here; if the change is an improvement, regenerate with
EVNEWS_UPDATE_GOLDEN=1 and review the diff.
"""

from __future__ import annotations

import gzip
import json
import os
import sys
from pathlib import Path

import pytest

from evnews.extract import extract_article

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("EVNEWS_SHARED", ROOT.parent / "shared"))
BENCH = SHARED / "bench" / "extraction"
GOLDEN = Path(__file__).resolve().parent / "golden" / "bench"
sys.path.insert(0, str(ROOT / "benchmarks"))
from extraction_metric import score_page  # noqa: E402

GOLDEN_PAGES = {
    # trafilatura keeps a third of the story; readability finds all of it (rescue step)
    "d48aeb9cf2": "wired: readability rescue",
    # related-project links after the article; readability stops before them (edge trim)
    "94fbcc2677": "inexhibit: trailing related links trimmed",
    # the company's boilerplate paragraphs after a press release (edge trim)
    "5ae11e580a": "ascom: trailing boilerplate trimmed",
    # Japanese, no spaces between words
    "85439e26c4": "japanese blog post",
    # a meal plan the page legitimately prints twice: not collapsed
    "5f03fc173e": "recipe page with repeated sections kept",
    # an ordinary news story that every extractor gets right
    "04a6711caa": "plain news story",
}


def _full_key(prefix: str, truth: dict[str, dict[str, str]]) -> str:
    matches = [key for key in truth if key.startswith(prefix[:10])]
    assert len(matches) == 1, prefix
    return matches[0]


@pytest.fixture(scope="module")
def truth() -> dict[str, dict[str, str]]:
    if not BENCH.exists():
        pytest.skip(f"benchmark data not found at {BENCH} (set EVNEWS_SHARED)")
    return json.loads((BENCH / "ground-truth.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("prefix", sorted(GOLDEN_PAGES), ids=lambda p: GOLDEN_PAGES[p])
def test_benchmark_page_matches_golden_text(prefix: str, truth: dict[str, dict[str, str]]) -> None:
    key = _full_key(prefix, truth)
    html = gzip.decompress((BENCH / "html" / f"{key}.html.gz").read_bytes())
    body = extract_article(html, truth[key]["url"]).body_text
    golden = GOLDEN / f"{key[:10]}.txt"
    if os.environ.get("EVNEWS_UPDATE_GOLDEN"):
        golden.write_text(body + "\n", encoding="utf-8")
    assert body + "\n" == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("prefix", sorted(GOLDEN_PAGES), ids=lambda p: GOLDEN_PAGES[p])
def test_golden_text_is_close_to_the_benchmark_truth(prefix: str, truth: dict[str, dict[str, str]]) -> None:
    # Guards the golden files themselves: a regenerated file that drifted away
    # from the hand-made truth would fail here even if it matches the output.
    key = _full_key(prefix, truth)
    golden = (GOLDEN / f"{key[:10]}.txt").read_text(encoding="utf-8")
    page = score_page(truth[key]["articleBody"], golden)
    assert page.precision >= 0.9 and page.recall >= 0.9, (page.precision, page.recall)
