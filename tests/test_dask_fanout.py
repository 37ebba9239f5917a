"""Scale-out shown on one machine: page extraction fanned out to a local Dask cluster.

Two worker processes (not threads) receive the pages pickled, extract them,
and the flow gathers the outcomes; they must equal the in-process ones.
"""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import DEV_CORPUS
from evnews.models import FetchedPage
from evnews.orchestration.fanout import on_runner
from evnews.pipeline.extract_pool import extract_pages

BASE = "http://news.test"


def dev_pages() -> list[FetchedPage]:
    site = DEV_CORPUS / "site"
    pages = []
    for path in sorted(site.rglob("*.html")):
        url = f"{BASE}/{path.relative_to(site).as_posix()}"
        body = path.read_bytes().replace(b"{{BASE}}", BASE.encode())
        pages.append(FetchedPage(url=url, final_url=url, status=200, content_type="text/html; charset=utf-8",
                                 body=body, fetched_at=dt.datetime(2026, 1, 1)))
    return pages


@pytest.mark.slow
def test_dask_workers_extract_the_same_articles_as_one_process(prefect_harness) -> None:
    from prefect_dask import DaskTaskRunner

    pages = dev_pages()
    assert len(pages) >= 17
    titles = {pages[0].url: "A feed title"}
    expected = extract_pages(pages, {}, titles)

    runner = DaskTaskRunner(cluster_kwargs={"n_workers": 2, "processes": True, "threads_per_worker": 1})
    fanned = on_runner(runner)(pages, feed_titles=titles, chunk_size=4)

    assert [o.article for o in fanned] == [o.article for o in expected]
    assert [o.error for o in fanned] == [o.error for o in expected]
    assert sum(o.article is not None for o in fanned) >= 17
