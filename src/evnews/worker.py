"""What an extraction worker process runs: a fetched page in, an article (and its claims) out.

Kept outside `evnews.pipeline` on purpose: the pool's forkserver preloads
only this module and what it needs (trafilatura, the extractor, the claim
rules), not the pipeline package with DuckDB, Arrow and the fetcher, which
would cost ~0.4 s of CPU and ~40 MB more at every run's start (and in every
worker where the platform has no forkserver and spawn is used).
Workers return plain outcomes, never exceptions, so nothing depends on
pickling error classes.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass

from evnews.claims import extract_claims
from evnews.errors import EvnewsError
from evnews.extract import EXTRACTOR_VERSION, extract_article
from evnews.language import is_english
from evnews.models import Article, Claim

# body, url, declared encoding, feed date, feed title, whether to read claims too
Job = tuple[bytes, str, str | None, dt.datetime | None, str | None, bool]
ClaimsJob = tuple[str, dt.date | None, str | None]  # body text, published, title


@dataclass(frozen=True, slots=True)
class ExtractOutcome:
    article: Article | None
    error: str | None = None
    hint: str = ""
    error_type: str | None = None
    version: str = EXTRACTOR_VERSION
    # Claims read in the worker (None: not asked for, or claim extraction failed).
    claims: tuple[Claim, ...] | None = None


def extract_one(job: Job) -> ExtractOutcome:
    body, url, encoding, feed_date, feed_title, with_claims = job
    try:
        article = extract_article(body, url, encoding=encoding, feed_published=feed_date, feed_title=feed_title)
    except EvnewsError as exc:
        return ExtractOutcome(None, exc.message, exc.hint, type(exc).__name__)
    except Exception as exc:  # a parser crash on one hostile page must not stop the run
        return ExtractOutcome(
            None,
            f"extraction of {url} failed: {type(exc).__name__}: {exc}",
            "the page is recorded and skipped; report it if many pages of one site fail",
            type(exc).__name__,
        )
    return ExtractOutcome(article, claims=_claims_of(article) if with_claims else None)


def extract_chunk(jobs: list[Job]) -> list[ExtractOutcome]:
    return [extract_one(job) for job in jobs]


def claims_of_page(job: ClaimsJob) -> tuple[Claim, ...] | None:
    text, published, title = job
    try:
        return tuple(extract_claims(text, published=published, title=title))
    except Exception:  # noqa: BLE001 - the caller extracts it again in-process to record the error
        return None


def warm_up() -> int:
    # Submitted at pool start so the forkserver's imports (~0.5 s) and the workers' start are paid
    # while the first batch downloads.
    return os.getpid()


def _claims_of(article: Article) -> tuple[Claim, ...] | None:
    # Same rule as the claims stage: the claim rules are written for English.
    if not is_english(article.language):
        return ()
    return claims_of_page((article.body_text, article.published, article.title))
