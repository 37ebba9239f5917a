"""Whether money, capacity or a count of models a sentence names is a fact already or still a plan.

A verb of result ("announced a £1 billion project", "the project included a 9 GWh plant") does not make
an investment spent or a plant running; a line that has started on the money does. A count of new models
is a plan unless the models are said to be out ("has launched eight"). Pure functions of
the clause (and sentence) holding the figure, used by the reader (extractor.py) once a figure's metric
and kind are known.
"""

from __future__ import annotations

import re

from evnews.claims.prefilter import with_first_char_guard

_MONEY_SPENT = with_first_char_guard(re.compile(
    r"\b(?:invested|spent|has\s+(?:put|poured|ploughed|plowed|pumped|sunk)|had\s+(?:put|poured|ploughed|pumped|sunk)|so\s+far|to\s+date)\b",
    re.I,
))
# Words that say a plant is working: its capacity is a fact, not a plan.
_OPERATING = with_first_char_guard(re.compile(
    r"\b(?:started|began|begun|opened|operat\w+|running|runs|produc(?:es|ed|ing)|output|has\s+(?:a\s+|an\s+)?(?:annual\s+)?capacity|"
    r"reached|came\s+on\s+(?:stream|line)|online|in\s+operation|switched\s+on)\b",
    re.I,
))
# "production had started on Tuesday after a £450m investment", "(December 2025:) Production begins, backed by
# a £450 million investment": money behind a start that has happened is spent. The present tense says so only
# in a dated timeline entry; elsewhere "begins next year, backed by ..." is still a plan.
_STARTED = r"(?:began|begun|started|opened|got\s+under\s+way|came\s+on\s+(?:stream|line))"
_STARTS = r"(?:begins|starts|opens|gets\s+under\s+way)"
_BEHIND = r"\b(?:after|following|backed\s+by|funded\s+by|thanks\s+to|on\s+the\s+back\s+of)\s+(?:a|an|the|its)\s+(?:[\w-]+\s+){0,2}$"
_FUNDED_START = with_first_char_guard(re.compile(rf"(?<!will\s)(?<!to\s)\b{_STARTED}\b[^.;]{{0,90}}{_BEHIND}", re.I))
_FUNDED_START_NOW = with_first_char_guard(re.compile(rf"\b{_STARTS}\b[^.;]{{0,90}}{_BEHIND}", re.I))

# A count of models that are out: "has launched eight EVs", "introduced 12 new models last year".
_LAUNCHED = with_first_char_guard(re.compile(
    r"\b(?:launched|introduced|unveiled|released|rolled\s+out|brought\s+out|debuted|put\s+on\s+sale|went\s+on\s+sale|"
    r"(?:are|were|is|was)\s+(?:already\s+|now\s+)?(?:on\s+sale|in\s+showrooms|available))\b", re.I
))


def settled_kind(metric: str, kind: str, clause: str, before_figure: str, dated_entry: bool) -> str:
    """The kind of an investment or a battery capacity once what the sentence says of it is read."""
    if metric == "investment" and (
        _FUNDED_START.search(before_figure) or (dated_entry and _FUNDED_START_NOW.search(before_figure))
    ):
        return "actual"  # the money behind a line that has started
    if metric == "investment" and kind == "actual" and not _MONEY_SPENT.search(clause):
        return "target"  # "announced a £1 billion project": money committed, not yet spent
    if metric.endswith("_model_launches") and kind == "actual" and not _LAUNCHED.search(clause):
        return "target"  # "Nissan did say 30 new models", "Four new SUVs, two from each brand": models to come
    if metric == "battery_capacity" and kind == "actual" and not _OPERATING.search(clause):
        return "target"  # "the project included a 9 GWh plant": capacity planned, not yet running
    return kind
