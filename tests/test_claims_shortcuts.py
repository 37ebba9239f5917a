"""Shortcuts of issue 9's second pass: each skips work only where the work could find nothing."""

from __future__ import annotations

import json
import re
from pathlib import Path

from evnews.claims import dates, lexicon, numbers, share_words

HERE = Path(__file__).resolve().parent
EDGES = [
    "up to ~ 40", "as many as the 12", "more than an 8", "just under 5 and Ambition 2030, M.O.V.E. to 2022",
    "It plans to sell only EVs; the Leaf goes on sale in 2026, and Drive to 2026 plan sales only electric.",
]  # fmt: skip


def _pieces() -> list[str]:
    """The edge cases, and every held-out body with its sentences."""
    pieces = list(EDGES)
    for path in sorted(HERE.glob("heldout*/gold/articles.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            body = json.loads(line)["body_text"]
            pieces += [body, *re.split(r"(?<=[.!?])\s+", body)]
    return pieces


PIECES = _pieces()


def test_a_plan_name_always_holds_its_year() -> None:
    for text in PIECES:
        for m in lexicon.PLAN_NAME_RE.finditer(text):
            assert lexicon.PLAN_NAME_YEAR in m.group(0), text


def test_one_search_finds_a_qualifier_wherever_one_of_the_three_does() -> None:
    for text in PIECES:
        for end in range(0, len(text), 3):
            before = text[max(0, end - 30) : end]
            each = any(pattern.search(before) for _, pattern in numbers._QUALIFIER_RES)
            assert bool(numbers._ANY_QUALIFIER.search(before)) == each, before


def test_sentence_gates_pass_every_clause_that_could_match() -> None:
    for text in PIECES:
        for start in range(0, len(text), 7):
            clause = text[start : start + 90]
            if share_words.whole_share_at(clause) is not None:
                assert share_words.may_state_whole_share(text)
            if dates._SINGLE_LAUNCH.search(clause):
                assert dates.may_cue_single_launch(text)


def test_repeated_sentence_key_is_its_words() -> None:
    for text in PIECES:
        assert " ".join(re.findall(r"\w+", text)).lower() == re.sub(r"\W+", " ", text).strip().lower()


def test_a_range_gap_holds_only_its_word_between_spaces() -> None:
    spaces = [" ", "\u00a0", "\u2009", "\t", "\n", "\u3000", "\x1c", "\x85"]
    gaps = [f"{a}{word}{b}" for word in ("and", "to", "-", "–", "or", "", "andto", "a nd") for a in ["", *spaces] for b in ["", *spaces]]
    for gap in gaps:
        if numbers._RANGE_GAP.fullmatch(gap) or numbers._BETWEEN_GAP.fullmatch(gap):
            assert gap.strip() in numbers._RANGE_WORDS, repr(gap)
