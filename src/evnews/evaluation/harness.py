"""`evnews eval --corpus DIR`: grade the whole pipeline on a corpus in the dev-set format.

The corpus's site is served on 127.0.0.1, the pipeline runs once over its
feeds into a fresh DuckDB file, and what landed in the public views
(`articles`, `claims`) is held against `gold/articles.jsonl`:

- claims: precision/recall/F1 over Nissan claims (claims.md matching), per
  kind, and attribute accuracy (region, qualifier, fiscal_year);
- extraction: share of gold body lines found in the extracted text, and the
  extra lines extraction kept;
- verdicts: over matched claim pairs, the stored verdict (`claim_checks`)
  against the verdict the claims.md rules give the gold claim;
- dates: share of pages whose published date equals gold;
- dedup: pairwise precision/recall of "same story" against gold groups;
- pages: gold pages found.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from evnews.evaluation.gold import GoldArticle, gold_claims, load_gold
from evnews.evaluation.matching import MatchResult, ScoredClaim, match_claims, score_by_kind
from evnews.models import KINDS

if TYPE_CHECKING:
    from evnews.compare import TargetRegistry, VerdictScore


@dataclass(frozen=True, slots=True)
class ExtractionScore:
    gold_lines: int = 0
    found_lines: int = 0
    extra_lines: int = 0

    @property
    def line_recall(self) -> float:
        return 1.0 if self.gold_lines == 0 else self.found_lines / self.gold_lines


@dataclass(frozen=True, slots=True)
class PairScore:
    """Pairwise agreement of 'same story' decisions with gold groups."""

    true_pairs: int = 0
    predicted_pairs: int = 0
    gold_pairs: int = 0

    @property
    def precision(self) -> float:
        return 1.0 if self.predicted_pairs == 0 else self.true_pairs / self.predicted_pairs

    @property
    def recall(self) -> float:
        return 1.0 if self.gold_pairs == 0 else self.true_pairs / self.gold_pairs


@dataclass(frozen=True, slots=True)
class EvalReport:
    corpus: str
    claims: MatchResult
    claims_by_kind: dict[str, tuple[float, float, int]]
    extraction: ExtractionScore
    dates_correct: int
    dates_total: int
    dedup: PairScore
    pages_found: int
    pages_gold: int
    run_counts: dict[str, int] = field(default_factory=dict)
    run_errors: int = 0
    verdicts: VerdictScore | None = None  # stored vs expected verdicts on matched claims

    @property
    def verdict_accuracy(self) -> float | None:
        return None if self.verdicts is None else self.verdicts.accuracy

    @property
    def date_accuracy(self) -> float:
        return 1.0 if self.dates_total == 0 else self.dates_correct / self.dates_total


def evaluate_corpus(corpus_dir: Path, work_dir: Path) -> EvalReport:
    """Serve the corpus site, run the pipeline once into work_dir/eval.duckdb, and score it."""
    from evnews.demo.server import feed_urls, serve_site
    from evnews.pipeline import run_once
    from evnews.evaluation.verdicts import default_registry
    from evnews.store.db import open_warehouse

    corpus_dir, work_dir = Path(corpus_dir), Path(work_dir)
    gold = load_gold(corpus_dir)
    work_dir.mkdir(parents=True, exist_ok=True)
    db_path = work_dir / "eval.duckdb"
    for stale in (db_path, db_path.with_name(db_path.name + ".wal")):
        stale.unlink(missing_ok=True)  # every evaluation starts from an empty warehouse
    site = corpus_dir / "site"
    with serve_site(site) as base:
        summary = run_once(db_path, feed_urls(base, site), allow_private_hosts=True)
    with open_warehouse(db_path, read_only=True) as con:
        articles = _rows(con, "SELECT url, canonical_url, dup_group, published, body_text FROM articles")
        claims = _rows(con, "SELECT * FROM claim_checks")
    return score_run(
        gold,
        base,
        articles,
        claims,
        corpus=str(corpus_dir),
        run_counts=dict(summary.counts),
        run_errors=summary.errors,
        registry=default_registry(),
    )


def _rows(con: Any, sql: str) -> list[dict[str, Any]]:
    cur = con.execute(sql)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def _path(url: str | None, base: str) -> str:
    """A served URL back to the corpus path ("/outlet/slug.html?query")."""
    url = url or ""
    return url[len(base) :] if url.startswith(base) else url


def score_run(
    gold: Sequence[GoldArticle],
    base: str,
    articles: Sequence[dict[str, Any]],
    claims: Sequence[dict[str, Any]],
    *,
    corpus: str = "",
    run_counts: dict[str, int] | None = None,
    run_errors: int = 0,
    registry: TargetRegistry | None = None,
) -> EvalReport:
    """Score what a pipeline run stored (rows of the public views) against gold.

    With a `registry`, claim rows should carry their stored `verdict` (rows of
    `claim_checks`) and the report includes verdict accuracy on matched claims.
    """
    by_path = {_path(a["url"], base): a for a in articles}
    found = [g for g in gold if g.path in by_path]
    predicted = [
        ScoredClaim.from_mapping(_path(str(c.get("article_url")), base).split("?", 1)[0], c) for c in claims
    ]
    result = match_claims(gold_claims(gold), predicted)
    dates_correct = sum(1 for g in found if _same_date(by_path[g.path].get("published"), g))
    verdicts = None
    if registry is not None:
        from evnews.evaluation.verdicts import score_verdicts

        verdicts = score_verdicts(result, {g.canonical_path: g.published for g in gold if g.claims}, registry)
    return EvalReport(
        corpus=corpus,
        claims=result,
        claims_by_kind=score_by_kind(result, KINDS),
        extraction=_extraction_score(found, by_path),
        dates_correct=dates_correct,
        dates_total=len(gold),
        dedup=_dedup_score(found, by_path),
        pages_found=len(found),
        pages_gold=len(gold),
        run_counts=dict(run_counts or {}),
        run_errors=run_errors,
        verdicts=verdicts,
    )


def _same_date(value: Any, gold: GoldArticle) -> bool:
    if value is None or gold.published is None:
        return value is None and gold.published is None
    return str(value)[:10] == gold.published.isoformat()


def _norm_line(line: str) -> str:
    line = re.sub(r"^\s*(?:[-*•]\s+)", "", line)  # trafilatura writes list items as "- item"
    return re.sub(r"\s+", " ", line).strip()


def _extraction_score(found: Sequence[GoldArticle], by_path: dict[str, dict[str, Any]]) -> ExtractionScore:
    gold_lines = found_lines = extra_lines = 0
    for g in found:
        wanted = [_norm_line(x) for x in g.body_text.splitlines() if x.strip()]
        got = [_norm_line(x) for x in str(by_path[g.path].get("body_text") or "").splitlines() if x.strip()]
        text = "\n".join(got)
        gold_lines += len(wanted)
        found_lines += sum(1 for line in wanted if line in text)
        wanted_set = set(wanted)
        extra_lines += sum(1 for line in got if line not in wanted_set and line != _norm_line(g.title))
    return ExtractionScore(gold_lines, found_lines, extra_lines)


def _dedup_score(found: Sequence[GoldArticle], by_path: dict[str, dict[str, Any]]) -> PairScore:
    true_pairs = predicted_pairs = gold_pairs = 0
    for a, b in itertools.combinations(found, 2):
        same_gold = a.group == b.group
        group_a, group_b = by_path[a.path].get("dup_group"), by_path[b.path].get("dup_group")
        same_pred = group_a is not None and group_a == group_b
        gold_pairs += same_gold
        predicted_pairs += same_pred
        true_pairs += same_gold and same_pred
    return PairScore(true_pairs, predicted_pairs, gold_pairs)


def _claim_line(c: ScoredClaim) -> str:
    value = "-" if c.value is None else f"{c.value:g}"
    article = c.article.rsplit("/", 1)[-1][:34]
    return f"  {c.company:<9} {c.metric:<26} {c.kind:<6} {value:>14} {c.horizon_year or '-':>5}  {article}  | {c.evidence[:70]}"


def format_report(report: EvalReport) -> str:
    """The plain-text table `evnews eval` prints."""
    from evnews.evaluation.verdicts import format_verdicts

    r = report.claims
    lines = [
        f"Evaluation of {report.corpus}",
        "",
        "claims (Nissan)      precision  recall     F1   tp  fn  fp",
        f"  all                  {r.precision:6.3f}  {r.recall:6.3f} {r.f1:6.3f} {r.true_positives:4d}"
        f" {len(r.missed):3d} {len(r.spurious):3d}",
    ]
    for kind, (precision, recall, n) in report.claims_by_kind.items():
        lines.append(f"  {kind:<20} {precision:6.3f}  {recall:6.3f}   gold={n}")
    lines += [
        "",
        "attribute accuracy over matched pairs",
        *(f"  {name:<20} {r.attribute_accuracy(name):6.3f}" for name in ("region", "qualifier", "fiscal_year")),
        "",
        f"extraction  gold lines found {report.extraction.found_lines}/{report.extraction.gold_lines}"
        f" ({report.extraction.line_recall:.3f}), extra lines {report.extraction.extra_lines}",
        *(format_verdicts(report.verdicts) if report.verdicts is not None else []),
        f"dates       published == gold {report.dates_correct}/{report.dates_total} ({report.date_accuracy:.3f})",
        f"dedup       pairwise precision {report.dedup.precision:.3f} recall {report.dedup.recall:.3f}"
        f" (gold pairs {report.dedup.gold_pairs}, predicted {report.dedup.predicted_pairs})",
        f"pages       found {report.pages_found}/{report.pages_gold}; run errors {report.run_errors}",
    ]
    if r.missed:
        lines += ["", f"missed claims ({len(r.missed)})", *(_claim_line(c) for c in r.missed)]
    if r.spurious:
        lines += ["", f"spurious claims ({len(r.spurious)})", *(_claim_line(c) for c in r.spurious)]
    return "\n".join(lines)
