"""Fast paths of issue 9's third pass, each compared with the plain path it stands in for."""

from __future__ import annotations

import gc
import json
import re
from pathlib import Path
from re import _parser

import pytest

from evnews.claims import attribution as at
from evnews.claims import dates, market, numbers, prefilter, timex
from evnews.claims.mentions import find_products
from evnews.claims.memo import forget_article
from evnews.claims.needle_pattern import NeedlePattern
from evnews.claims.sentences import split_body

HERE = Path(__file__).resolve().parent


def _sentences() -> list[str]:
    """Every held-out sentence, plus a few written to hit the announcement rule."""
    out = [
        "Nissan announced in 2021 that ...", "It set out its own plan in November", "drew up the strategy in 2017",
        "Toyota told reporters on Monday 2030", "It said it would sell 40,000 by 2030",
    ]  # fmt: skip
    for path in sorted(HERE.glob("heldout*/gold/articles.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            out += re.split(r"(?<=[.!?])\s+", json.loads(line)["body_text"])
    return out


SENTENCES = _sentences()
_BACKGROUND_AS_WRITTEN = re.compile(
    "|".join(timex._BACKGROUND_BEFORE.alternatives), timex._BACKGROUND_BEFORE.flags
)


def test_announcement_before_a_time_matches_as_the_plain_pattern() -> None:
    for sentence in SENTENCES:
        for end in range(0, len(sentence) + 1, 5):
            tail = sentence[:end][-90:]
            fast, plain = timex._BACKGROUND_BEFORE.search(tail), _BACKGROUND_AS_WRITTEN.search(tail)
            assert (fast and fast.span()) == (plain and plain.span()), tail


def test_the_remembered_answer_is_the_one_for_the_text_asked_about() -> None:
    pattern = NeedlePattern.of(r"\bconsider\w*|\baccording\s+to\b", re.I)
    texts = ["Nissan is considering it", "no needle here", "according to people", "no needle here", "Considered."]
    for text in texts * 2:
        remembered = pattern.pattern_for(text)
        assert remembered is pattern._choose(text)
        assert pattern.pattern_for(text) is remembered


def test_markets_read_when_asked_are_those_read_up_front() -> None:
    for path in sorted(HERE.glob("heldout*/gold/articles.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            forget_article()
            sentences = split_body(row["body_text"])
            context = market._Context(sentences, row.get("title"))
            up_front = [market._read(s) for s in sentences]
            assert [context.said[i] for i in reversed(range(len(sentences)))] == up_front[::-1]
            assert context.article == market.article_market(up_front, sentences, row.get("title"))


def _needle_patterns() -> list[NeedlePattern]:
    return [o for o in gc.get_objects() if isinstance(o, NeedlePattern)]


def test_needles_left_out_change_no_answer() -> None:
    """Every needle of every alternative, as parsed, lets through what the kept needles let through."""
    patterns = _needle_patterns()
    assert len(patterns) > 20
    for pattern in patterns:
        full: list[tuple[str, bool, int]] = []
        for index, alternative in enumerate(pattern.alternatives):
            needles = prefilter._required(_parser.parse(alternative, pattern.flags), pattern.flags | re.UNICODE)
            full += [(text, caseless, 1 << index) for text, caseless in needles or ()]
        for sentence in SENTENCES[::3]:
            folded = prefilter.fold(sentence)
            every = 0
            for text, caseless, bit in full:
                if text in (folded if caseless else sentence):
                    every |= bit
            kept = pattern.always
            for text, bits in pattern.exact:
                if text in sentence:
                    kept |= bits
            for text, bits in pattern.caseless:
                if text in folded:
                    kept |= bits
            assert (every | pattern.always) == kept, (pattern.alternatives[0], sentence)


def test_a_sentence_without_cue_words_has_no_date_cues(monkeypatch: pytest.MonkeyPatch) -> None:
    cases = []
    for sentence in SENTENCES:
        times = timex.find_times(sentence)
        if any(not t.background for t in times):
            cases.append((sentence, times, find_products(sentence), at.clauses(sentence)))
    assert len(cases) > 100
    fast = [dates.find_date_cues(s, t, p, c, ev) for s, t, p, c in cases for ev in (False, True)]
    monkeypatch.setattr(dates, "_may_hold_cue", lambda sentence: True)
    assert fast == [dates.find_date_cues(s, t, p, c, ev) for s, t, p, c in cases for ev in (False, True)]


def _matches_from_every_sign(sentence: str) -> list[tuple[int, int]]:
    """NUMBER_RE tried at every word a figure can start at and every currency sign of the sentence."""
    words = [w.start() for w in numbers._NUMBER_START.finditer(prefilter.fold(sentence))]
    if not words:
        return []
    found: list[tuple[int, int]] = []
    end = 0
    for start in sorted({*words, *(m.start() for m in numbers._CURRENCY_AHEAD.finditer(sentence))}):
        m = numbers.NUMBER_RE.match(sentence, start) if start >= end else None
        if m:
            found.append(m.span())
            end = m.end()
    return found


def test_signs_next_to_a_figure_find_what_every_sign_finds() -> None:
    edges = ["Rs 500 crore", "Rs. 1,200 crore", "US$ 2bn", "US$2bn", "RMB 30bn and USD 5 million", "RMB30bn", "cars 2030",
             "£3bn, €2bn, ¥2tn and ₹500", "EUR 23 billion", "GBP 1.12bn", "a $ 5 fee", "years 19 and 20"]  # fmt: skip
    for sentence in edges + SENTENCES:
        assert [m.span() for m in numbers._number_matches(sentence)] == _matches_from_every_sign(sentence), sentence
