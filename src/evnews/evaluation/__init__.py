"""Evaluation: the claims.md matching rules and the corpus harness behind `evnews eval`."""

from evnews.evaluation.harness import EvalReport, evaluate_corpus, format_report, score_run
from evnews.evaluation.matching import MatchResult, ScoredClaim, match_claims

__all__ = ["EvalReport", "MatchResult", "ScoredClaim", "evaluate_corpus", "format_report", "match_claims", "score_run"]
