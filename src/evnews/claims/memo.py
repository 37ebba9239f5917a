"""Answers kept for the article being read (issue 9).

The reader, the market pass, the date rules and the merge step all ask the
finders (companies, regions, times, numbers ...) about the same sentences.
`per_article` keeps a finder's answers; `forget_article` drops them when the
next article starts, so nothing is carried from one article to another and
memory stays bounded. Only pure functions of their arguments may be kept,
and callers must not change the lists they get back.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import ParamSpec, TypeVar, cast

P = ParamSpec("P")
R = TypeVar("R")

_FORGETTERS: list[Callable[[], None]] = []
# More than the sentences, clauses and titles of a long article.
_SIZE = 2048


def per_article(finder: Callable[P, R]) -> Callable[P, R]:
    kept = functools.lru_cache(maxsize=_SIZE)(finder)
    _FORGETTERS.append(kept.cache_clear)
    return cast(Callable[P, R], kept)


def forget_article() -> None:
    for forget in _FORGETTERS:
        forget()
