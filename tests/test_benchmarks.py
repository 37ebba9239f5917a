"""The benchmarks run: the site generator's output is a usable site, and the
pipeline benchmark completes on a small N and prints its ratio lines.

No timing is asserted: speed is what the benchmarks print, not a test verdict.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import feedparser
import pytest

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))

from generate_site import feed_files, generate_site, is_copy, story  # noqa: E402

ENV = {**os.environ, "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "DO_NOT_TRACK": "1"}


def test_generated_site_is_deterministic_and_feeds_list_every_page(tmp_path: Path) -> None:
    first = generate_site(tmp_path / "a", 60, seed=3, feed_size=20, copy_share=0.3, alias_share=0.2)
    second = generate_site(tmp_path / "b", 60, seed=3, feed_size=20, copy_share=0.3, alias_share=0.2)
    pages_a = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").glob("*/*.html"))
    pages_b = sorted(p.relative_to(tmp_path / "b") for p in (tmp_path / "b").glob("*/*.html"))
    assert pages_a == pages_b and len(pages_a) == 60
    assert all((tmp_path / "a" / p).read_bytes() == (tmp_path / "b" / p).read_bytes() for p in pages_a)
    assert first.total_bytes == second.total_bytes

    links: list[str] = []
    for rel in feed_files(tmp_path / "a"):
        parsed = feedparser.parse((tmp_path / "a" / rel).read_bytes())
        assert not parsed.bozo, rel
        assert 0 < len(parsed.entries) <= 20
        links += [e.link for e in parsed.entries]
    assert len(links) == first.pages + first.tracking_aliases
    served = {"{{BASE}}/" + str(p) for p in pages_a}
    assert {link.split("?")[0] for link in links} == served
    assert first.near_copies > 0 and first.tracking_aliases > 0


def test_pages_look_like_news_pages(tmp_path: Path) -> None:
    generate_site(tmp_path, 40, seed=5)
    sizes = [p.stat().st_size for p in tmp_path.glob("*/*.html")]
    assert 15_000 < sum(sizes) / len(sizes) < 70_000
    page = next(tmp_path.glob("*/*.html")).read_text(encoding="utf-8")
    for chrome in ('class="cookie-notice"', "<nav", "<aside", "<style>", 'rel="canonical"', "<article"):
        assert chrome in page


def test_near_copy_is_a_light_edit_of_an_earlier_original() -> None:
    copy_index = next(i for i in range(21, 400) if is_copy(7, i, 0.1))
    copy = story(7, copy_index, 0.1)
    assert copy.copy_of is not None and copy.copy_of < copy_index
    source = story(7, copy.copy_of, 0.1)
    assert source.copy_of is None and source.outlet != copy.outlet
    assert len(copy.paragraphs) == len(source.paragraphs) - 1
    shared = set(" ".join(copy.paragraphs).split()) & set(" ".join(source.paragraphs).split())
    assert len(shared) > 0.6 * len(set(" ".join(source.paragraphs).split()))


@pytest.mark.slow
def test_pipeline_benchmark_runs_on_a_small_site(tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "pipeline_bench.py"), "--n", "40", "--skip-large",
         "--workdir", str(tmp_path)],
        capture_output=True, text=True, env=ENV, timeout=600, cwd=REPO,
    )  # fmt: skip
    assert out.returncode == 0, out.stdout[-2000:] + out.stderr[-2000:]
    text = out.stdout
    assert "RATIO marginal cost per article / plain extraction:" in text
    assert "RATIO rerun with nothing new / empty run:" in text
    assert "RATIO peak memory: skipped" in text
    assert "cold run, N=40" in text and "per_host_delay_s" in text
    assert "rerun, nothing new (median of 5)" in text and "empty run (median of 5)" in text


def _claims_table(db: Path) -> set[tuple]:
    """Claims with the page that carries them, and each group named by its members.

    A group's id hashes the canonical URL of the page seen first, and pages
    arrive in whatever order the concurrent fetches finish, so two runs may
    name the same group differently; its members and claims must not differ.
    """
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        members: dict[str, set[str]] = {}
        for url, group in con.execute("SELECT url, dup_group FROM dup_members").fetchall():
            members.setdefault(group, set()).add(url)
        rows = con.execute("SELECT claim_id, page_url, dup_group, metric, value FROM extracted_claims").fetchall()
        return {(claim_id, page, frozenset(members[group]), metric, value) for claim_id, page, group, metric, value in rows}
    finally:
        con.close()


@pytest.mark.slow
def test_overlapped_batches_store_the_claims_the_claims_stage_would(tmp_path: Path, monkeypatch) -> None:
    """Claims read in the extraction workers, batch by batch, equal those of the claims stage alone."""
    from evnews.config import FetchSettings
    from evnews.demo.server import serve_site
    from evnews.pipeline import pages_stage, run_once

    site = tmp_path / "site"
    generate_site(site, 60, seed=11, copy_share=0.25, alias_share=0.2)
    settings = FetchSettings(per_host_delay_s=0.0, per_host_concurrency=8, total_concurrency=8, allow_private_hosts=True)
    monkeypatch.setattr(pages_stage, "FETCH_BATCH", 10)  # six batches; 30 pages written at once mid-run, then one by one
    monkeypatch.setattr(pages_stage, "LOAD_PAGES", 25)
    monkeypatch.setattr(pages_stage, "CLAIMS_FLUSH_PAGES", 30)  # claims written mid-run and at the end
    with serve_site(site) as base:
        feeds = [f"{base}/{rel}" for rel in feed_files(site)]
        overlapped = run_once(tmp_path / "a.duckdb", feeds, settings=settings)
        plain_start = pages_stage.start_extraction
        monkeypatch.setattr(pages_stage, "start_extraction", lambda *a, **k: plain_start(*a, **{**k, "with_claims": False}))
        by_stage = run_once(tmp_path / "b.duckdb", feeds, settings=settings)
    assert overlapped.counts["pages_fetched"] == by_stage.counts["pages_fetched"] == 60
    assert overlapped.counts["claims"] > 100
    assert "load_claims" in overlapped.durations and "load_claims" not in by_stage.durations
    claims_a, claims_b = _claims_table(tmp_path / "a.duckdb"), _claims_table(tmp_path / "b.duckdb")
    assert claims_a == claims_b


class _FlakyNetwork:
    """Network seam: the first batch downloads, the second finds the network gone."""

    def __init__(self) -> None:
        self.calls = 0

    def fetch_pages(self, urls: list[str]):
        import datetime as dt

        from evnews.errors import NoNetworkError
        from evnews.models import FetchedPage

        self.calls += 1
        if self.calls > 1:
            raise NoNetworkError("no network: nothing answered", hint="check the network")
        for url in urls:
            yield FetchedPage(url=url, final_url=url, status=200, body=b"<html></html>", fetched_at=dt.datetime(2026, 1, 1))


def test_prefetch_thread_hands_a_network_failure_to_the_run_and_stops() -> None:
    from evnews.errors import NoNetworkError
    from evnews.pipeline.pages_stage import _Prefetcher
    from evnews.pipeline.run import new_context

    ctx = new_context("unused.duckdb")
    network = _FlakyNetwork()
    batches = [["http://a.test/1", "http://a.test/2"], ["http://a.test/3"], ["http://a.test/4"]]
    seen = []
    prefetch = _Prefetcher(ctx, network, batches)  # type: ignore[arg-type]
    with pytest.raises(NoNetworkError), prefetch as fetched:
        for pages in fetched:
            seen.append([p.url for p in pages])
    assert seen == [batches[0]]
    assert network.calls == 2 and not prefetch._thread.is_alive()
    assert "fetch_pages" in ctx.durations


def test_prefetch_thread_stops_when_the_run_gives_up_early() -> None:
    from evnews.pipeline.pages_stage import _Prefetcher
    from evnews.pipeline.run import new_context

    class Steady(_FlakyNetwork):
        def fetch_pages(self, urls: list[str]):
            self.calls = 0  # never fails
            yield from super().fetch_pages(urls)

    prefetch = _Prefetcher(new_context("unused.duckdb"), Steady(), [[f"http://a.test/{i}"] for i in range(50)])  # type: ignore[arg-type]
    with pytest.raises(RuntimeError, match="load failed"), prefetch as fetched:
        for _ in fetched:
            raise RuntimeError("load failed")
    assert not prefetch._thread.is_alive()


def test_claims_for_pages_on_the_pool_equal_in_process_claims() -> None:
    import datetime as dt

    from evnews.claims import extract_claims
    from evnews.pipeline.extract_pool import POOL_MIN_BATCH, claims_for_pages

    stories = [story(7, i, 0.0) for i in range(POOL_MIN_BATCH + 6)]
    rows = [{"body_text": "\n".join(s.paragraphs), "published": s.published.date(), "title": s.title} for s in stories]
    rows.append({"body_text": None, "published": dt.date(2024, 1, 1), "title": None})
    pooled = claims_for_pages(rows)
    expected = [tuple(extract_claims(r["body_text"] or "", published=r["published"], title=r["title"])) for r in rows]
    assert pooled == expected
    assert sum(len(c or ()) for c in pooled) > 100
