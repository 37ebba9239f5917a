"""The prefilters (issue 9) change how fast a regex runs, never what it matches."""

from __future__ import annotations

import importlib
import json
import pkgutil
import re
import string
from pathlib import Path

import pytest

import evnews.claims
from evnews.claims import numbers
from evnews.claims.needle_pattern import NeedlePattern, split_alternatives
from evnews.claims.prefilter import _FOLD, UNGUARDED, fold, holds_any, with_first_char_guard

HERE = Path(__file__).resolve().parent
EDGE_TEXTS = [
    "Nissan plans to sell 1.5 million electrified cars a year by fiscal 2023, the Japanese carmaker said.",
    "the Renault-Nissan-Mitsubishi Alliance sold half a million EVs; INFINITI and Dongfeng Nissan followed.",
    "In the UK, sales in Sunderland rose 40% to £3bn, while U.S. buyers ordered 20-30% more Leafs.",
    "Rs 450 crore, US$9.5 billion, ¥2tn and three in four buyers; it is said to be weighing a 2025 launch.",
    "ſources in İstanbul said it was Conſidering a \u212aei car: globally, WORLDWIDE, reportedly, RUMOURS.",
    "",
]


def _texts() -> list[str]:
    """Edge cases and every sentence-sized piece of the held-out bodies (and the bodies whole)."""
    texts = list(EDGE_TEXTS)
    for path in sorted(HERE.glob("heldout*/gold/articles.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            body = json.loads(line)["body_text"]
            texts.append(body)
            texts.extend(re.split(r"(?<=[.!?])\s+", body))
    return texts


TEXTS = _texts()


def _plain(pattern: re.Pattern[str] | NeedlePattern) -> re.Pattern[str]:
    """The pattern as written, without any prefilter."""
    if isinstance(pattern, NeedlePattern):
        return re.compile(f"{pattern.prefix}(?:{'|'.join(pattern.alternatives)}){pattern.suffix}", pattern.flags)
    return UNGUARDED.get(pattern, pattern)


def _prefiltered() -> list[tuple[str, re.Pattern[str] | NeedlePattern]]:
    found: list[tuple[str, re.Pattern[str] | NeedlePattern]] = []
    for module_info in pkgutil.iter_modules(evnews.claims.__path__):
        module = importlib.import_module(f"evnews.claims.{module_info.name}")
        for name, value in vars(module).items():
            candidates = value if isinstance(value, tuple) else (value,)
            for item in candidates:
                for each in item if isinstance(item, tuple) else (item,):
                    if isinstance(each, NeedlePattern) or (isinstance(each, re.Pattern) and each in UNGUARDED):
                        found.append((f"{module_info.name}.{name}", each))
    return found


def _matches(pattern: re.Pattern[str] | NeedlePattern, text: str) -> list[tuple[tuple[int, int], str | None]]:
    return [(m.span(), m.lastgroup) for m in pattern.finditer(text)]


@pytest.mark.parametrize(("name", "pattern"), _prefiltered(), ids=lambda v: v if isinstance(v, str) else "")
def test_prefiltered_patterns_match_as_written(name: str, pattern: re.Pattern[str] | NeedlePattern) -> None:
    plain = _plain(pattern)
    for text in TEXTS:
        assert _matches(pattern, text) == _matches(plain, text), (name, text)
        middle = len(text) // 2
        assert bool(pattern.search(text, middle)) == bool(plain.search(text, middle))
        assert bool(pattern.match(text, middle)) == bool(plain.match(text, middle))
    if isinstance(pattern, re.Pattern):
        assert [m.groups() for m in pattern.finditer(TEXTS[0])] == [m.groups() for m in plain.finditer(TEXTS[0])]


def test_some_patterns_of_every_kind_are_covered() -> None:
    kinds = {type(pattern) for _, pattern in _prefiltered()}
    assert kinds == {NeedlePattern, re.Pattern}


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


def test_alternatives_split_at_the_top_level_only() -> None:
    assert split_alternatives(r"a|b(c|d)|[|]x|\|y|[]|]z") == ["a", "b(c|d)", "[|]x", r"\|y", "[]|]z"]


def test_needles_leave_out_alternatives_that_cannot_match() -> None:
    cues = NeedlePattern.of(r"is\s+considering|reportedly|according\s+to\s+(?:sources|people)", re.I)
    assert cues.pattern_for("Nissan sold 5,000 cars.") is None
    assert cues.search("Nissan sold 5,000 cars.") is None
    chosen = cues.pattern_for("It REPORTEDLY sold 5,000")
    assert chosen is not None and "considering" not in chosen.pattern
    assert cues.search("Nissan is  Considering it").span() == (7, 22)  # type: ignore[union-attr]


def test_left_out_alternatives_keep_their_groups() -> None:
    pattern = NeedlePattern.of(r"(?P<a>xx)|(?P<b>yy)(z)?|ww")
    m = pattern.search("a yy b")
    assert m is not None and m.groups() == (None, "yy", None) and m.lastgroup == "b" and m.group("a") is None
    assert "(?!)" in pattern.pattern_for("a yy b").pattern  # type: ignore[union-attr]


def test_folding_covers_every_character_a_caseless_regex_matches_to_ascii() -> None:
    every = "".join(chr(c) for c in range(128, 0x110000) if not 0xD800 <= c < 0xE000)
    to_ascii = {hit for letter in string.ascii_lowercase for hit in re.compile(letter, re.I).findall(every)}
    assert to_ascii == {chr(c) for c in _FOLD}
    assert all(fold(ch) in string.ascii_lowercase for ch in to_ascii)


NUMBER_EDGES = [
    "houRs 5 and RMB 7, US$9, EUR 3bn, ¥2tn, Rs. 450 crore, ₹5, Rs five hundred, ſix, ONE in FOUR, nearly all",
    "a million, half a billion, an estimated 40, a third, A Quarter of all cars, 4x4, 0.5%, 20-30%, years 2025",
    "Sales rose from 69 to 55 models between 2024 and 2026, one-third more than the 300,000th Leaf.",
]


def test_numbers_are_tried_only_where_one_can_start() -> None:
    for text in [*NUMBER_EDGES, *TEXTS]:
        assert [(m.span(), m.groups()) for m in numbers._number_matches(text)] == [
            (m.span(), m.groups()) for m in numbers.NUMBER_RE.finditer(text)
        ], text


def test_every_time_pattern_match_holds_one_of_its_strings() -> None:
    from evnews.claims import timex

    for (pattern, *_), needles in zip(timex._COMPILED, timex._NEEDED, strict=True):
        for text in [*TEXTS, "the end of 2025, mid-2026, Spring of 2027, ſame time, in the coming months"]:
            if needles and pattern.search(text):
                assert holds_any(text, fold(text), needles), (pattern.pattern, text)
