"""Compare stage: hold claims against Nissan's versioned targets (claims.md verdicts).

    load_registry(warehouse_dir) -> TargetRegistry     validated CSV registry
    judge(claim, published, registry) -> ClaimCheck    pure verdict rules
    run_compare(con, registry) -> {verdict: count}     store targets, recompute verdicts
    publish_status_artifact(con)                       Prefect table artifact
    verdict_accuracy(pairs, registry) -> VerdictScore  stored vs expected verdicts (evaluation)
"""

from evnews.compare.accuracy import VerdictScore, expected_distribution, verdict_accuracy
from evnews.compare.registry import Actual, TargetRegistry, load_registry
from evnews.compare.rules import fits, judge, products_compatible, related_target, values_agree
from evnews.compare.store import STATUS_ARTIFACT_KEY, publish_status_artifact, run_compare, status_rows

__all__ = [
    "STATUS_ARTIFACT_KEY",
    "Actual",
    "VerdictScore",
    "expected_distribution",
    "TargetRegistry",
    "fits",
    "judge",
    "load_registry",
    "products_compatible",
    "publish_status_artifact",
    "related_target",
    "run_compare",
    "status_rows",
    "values_agree",
    "verdict_accuracy",
]
