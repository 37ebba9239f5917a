"""Every file of the feed robustness corpus goes through the project's parse_feed without a crash.

The corpus (../shared/bench/feeds: feedparser's test feeds and real captured
feeds, malformed ones included) is read as bytes, the way the fetcher hands
bodies over. A document that is no feed must end as NotAFeedError or another
PermanentError (a clear, recorded error); anything else escaping is a crash.
"""

from __future__ import annotations

import os
import time
from collections import Counter
from pathlib import Path

import pytest

from evnews.errors import PermanentError
from evnews.fetch import parse_feed

SHARED = Path(os.environ.get("EVNEWS_SHARED", Path(__file__).resolve().parents[1].parent / "shared"))
CORPUS = SHARED / "bench" / "feeds"
NOT_FEEDS = {".md", ""}  # the READMEs and LICENSE files shipped beside the feeds


def corpus_files() -> list[Path]:
    return sorted(p for p in CORPUS.rglob("*") if p.is_file() and p.suffix.lower() not in NOT_FEEDS)


@pytest.mark.slow
@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"feed corpus not found at {CORPUS}")
def test_every_corpus_feed_parses_without_a_crash() -> None:
    files = corpus_files()
    counts: Counter[str] = Counter()
    crashes: list[str] = []
    started = time.perf_counter()
    for path in files:
        url = "https://corpus.example/" + path.relative_to(CORPUS).as_posix()
        try:
            parsed = parse_feed(path.read_bytes(), url=url)
        except PermanentError as exc:
            counts[f"refused:{type(exc).__name__}"] += 1
            continue
        except Exception as exc:  # noqa: BLE001 - this is what the test looks for
            crashes.append(f"{path.relative_to(CORPUS)}: {type(exc).__name__}: {exc}")
            continue
        counts["parsed"] += 1
        counts["entries"] += len(parsed.entries)
        counts["bozo"] += parsed.bozo
        counts["dropped_entries"] += sum("dropped" in w for w in parsed.warnings)
    elapsed = time.perf_counter() - started
    print(f"\nfeed corpus: {len(files)} files in {elapsed:.1f} s: {dict(sorted(counts.items()))}")
    assert not crashes, "\n".join(crashes[:20])
    assert len(files) >= 2156 and counts["parsed"] > 2100
