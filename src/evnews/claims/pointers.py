"""Figures that point back at a replaced goal: "The original goal - 23 electrified models including 15
EVs by fiscal 2030 - lasted fifteen months. In February 2023 it became 27 and 19."

The second sentence gives bare numbers after a verb of change; each takes, in order, what the figures
of the goal stated just before counted (metric, unit, deadline). The old figures are no claims (they
are former), but the reader keeps their frames for such a sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from evnews.claims.numbers import NumberMention

# "it became", "they are now", "were raised to": what the old figures turned into
_CHANGED_TO = re.compile(
    r"\b(?:became|become|becomes|(?:is|are)\s+now|now\s+stands?\s+at|(?:was|were)\s+(?:raised|lifted|cut|lowered|changed)\s+to|"
    r"changed\s+to)\s+$",
    re.I,
)
_JOIN = re.compile(r"\s*(?:,\s*and|,|and)\s*")
_BARE_END = re.compile(r"\s*(?:[,;.)]|$)")


@dataclass(frozen=True, slots=True)
class FormerFigure:
    """What a figure of a replaced goal counted, for the figures that replace it."""

    metric: str
    unit: str | None
    year: int | None
    fiscal: bool
    sentence_index: int


def replacing_figures(text: str, numbers: list[NumberMention], former: list[FormerFigure],
                      index: int) -> dict[int, FormerFigure]:  # fmt: skip
    """Start of each bare figure in "it became 27 and 19" -> the former figure it replaces, in order; only when
    the run of bare figures is as long as the list of figures of the goal stated in the two sentences before."""
    recent = [f for f in former if index - 2 <= f.sentence_index < index]
    if len(recent) < 2:
        return {}
    first = next((i for i, n in enumerate(numbers) if _CHANGED_TO.search(text, 0, n.start)), None)
    if first is None:
        return {}
    run = [numbers[first]]
    for n in numbers[first + 1 :]:
        if not _JOIN.fullmatch(text, run[-1].end, n.start):
            break
        run.append(n)
    bare = all(n.unit is None and not n.is_fraction for n in run) and _BARE_END.match(text, run[-1].end)
    if len(run) != len(recent) or not bare:
        return {}
    return {n.start: f for n, f in zip(run, recent, strict=True)}


# "5 numbers that matter" lists: a line that is only a figure ("1. 100%", "€600m"), then the sentence that
# says what it is ("That is the share of ... the company wants ...").
_BARE_FIGURE = re.compile(
    r"\s*(?:\d{1,2}[.)]\s+)?(?P<figure>(?:US\$|[$£€¥₹])?\d[\d,.]*\s?(?:%|per\s?cent|bn|m|tn|k|million|billion|trillion|GWh)?)\s*"
)
_THAT_IS = re.compile(r"(?:That|This)(?:\s+is|['’]s)\s+(?=(?:the|what|how)\b)")


def with_heading_figure(text: str, previous: str) -> str:
    """The sentence read with the figure of the bare line before it in place of its opening "That is"."""
    that = _THAT_IS.match(text)
    if that is None:
        return text
    heading = _BARE_FIGURE.fullmatch(previous)
    return text if heading is None else f"{heading.group('figure')} is {text[that.end():]}"


# "invest up to £1.12bn in the two models", "to tool the plant for the two new crossovers": what money pays for
_FOR_THE = re.compile(r"\b(?:in|into|for|on|behind)\s+the\s+$", re.I)
_MONEY = re.compile(r"[£$€¥₹]\s?\d|\d\s?(?:bn|m)\b|\b(?:yen|yuan|pounds|dollars|euros|rupees)\b", re.I)


def funds_models_named_before(before: str, lead: str) -> bool:
    """"Nissan will invest £1.12bn in the two models": a count after "the" (`before`, its segment's text before it)
    that money in its clause (`lead`) is put into points back at models already counted; it is no new count."""
    return _FOR_THE.search(before[-12:]) is not None and _MONEY.search(lead) is not None
