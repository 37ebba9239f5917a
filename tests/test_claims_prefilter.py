"""The first-character guard changes how fast a regex is, never what it matches."""

from __future__ import annotations

import re

import pytest

from evnews.claims import attribution, mentions, numbers, timex
from evnews.claims.prefilter import with_first_char_guard

TEXTS = [
    "Nissan plans to sell 1.5 million electrified cars a year by fiscal 2023, the Japanese carmaker said.",
    "the Renault-Nissan-Mitsubishi Alliance sold half a million EVs; INFINITI and Dongfeng Nissan followed.",
    "In the UK, sales in Sunderland rose 40% to £3bn, while U.S. buyers ordered 20-30% more Leafs.",
    "Rs 450 crore, US$9.5 billion, ¥2tn and three in four buyers; it is said to be weighing a 2025 launch.",
    "ſources in İstanbul and Kelvin signs (\u212a) should not change anything: globally, WORLDWIDE.",
    "",
]


def _matches(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], str | None, tuple[str | None, ...]]]:
    return [(m.span(), m.lastgroup, m.groups()) for m in pattern.finditer(text)]


@pytest.mark.parametrize(
    "pattern",
    [mentions._COMPANY_RE, mentions._PRODUCT_RE, mentions._REGION_RE, mentions._SITE_RE, numbers.NUMBER_RE,
     attribution._RUMOR, attribution._TARGET, *(c[0] for c in timex._COMPILED)],  # fmt: skip
)
def test_guarded_patterns_match_as_the_unguarded_ones(pattern: re.Pattern[str]) -> None:
    original = re.compile(pattern.pattern.split(")(?:", 1)[1][:-1], pattern.flags) if pattern.pattern.startswith("(?=") else pattern
    for text in TEXTS:
        assert _matches(pattern, text) == _matches(original, text)


@pytest.mark.parametrize(
    ("source", "flags", "lookahead"),
    [
        (r"(?<![\w-])(?:Nissan|Toyota)\b", 0, "(?=[NT])"),
        (r"\b(?:will|plans?)\b", re.I, "(?=(?i:[pw]))"),
        (r"(?:the\s+)?(?i:global)|US", 0, "(?=[Ut]|(?i:[g]))"),
        (r"x?\d+%", 0, r"(?=[\dx])"),
    ],
)
def test_lookahead_holds_every_character_a_match_can_start_with(source: str, flags: int, lookahead: str) -> None:
    assert with_first_char_guard(re.compile(source, flags)).pattern == f"{lookahead}(?:{source})"


@pytest.mark.parametrize("source", [r"a*", r".x", r"[^a]b", r"(?i)abc", r"(a)?\1b", r"\b"])
def test_patterns_that_may_start_anywhere_are_left_alone(source: str) -> None:
    pattern = re.compile(source)
    assert with_first_char_guard(pattern) is pattern
