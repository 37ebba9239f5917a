"""How the pages stage splits the links it fetches into batches."""

from __future__ import annotations

import pytest

from evnews.pipeline.pages_stage import split_batches


@pytest.mark.parametrize("count", [0, 1, 49, 100, 101, 250, 300, 2000, 2043])
def test_batches_keep_every_link_once_in_order(count: int) -> None:
    urls = [f"http://example.org/{i}" for i in range(count)]
    batches = split_batches(urls, 200, 50)
    assert [u for batch in batches for u in batch] == urls
    assert all(0 < len(batch) <= 200 for batch in batches)


def test_long_runs_start_and_end_with_small_batches() -> None:
    sizes = [len(b) for b in split_batches([str(i) for i in range(2000)], 200, 50)]
    assert sizes == [50, *[200] * 9, 100, 50]


def test_short_runs_are_one_batch_until_the_middle_would_be_smaller_than_an_edge() -> None:
    assert [len(b) for b in split_batches([str(i) for i in range(149)], 200, 50)] == [149]
    assert [len(b) for b in split_batches([str(i) for i in range(150)], 200, 50)] == [50, 50, 50]
