"""Stage 3: find the numbers of a sentence and normalise them.

Handles digits with separators ("320,000"), scale words and suffixes
("1.5 million", "1m", "100k", "¥2tn", "£3bn"), number words ("Twenty",
"a million", "half a million"), fractions of a whole ("half",
"three-quarters", "three in four", "a third", "nearly all"), percentages
("40%", "40 per cent"), currencies and the qualifier words in front
("more than", "up to", "about") or the "+" behind.

Ranges ("40-50%", "20% to 30%", "between 10 and 12") are one mention with
both ends: the claim stage makes two claims of it, the lower end `at_least`
and the upper end `at_most`, which is how the target registry stores a range
(`..._low` / `..._high` rows), so each end can be held against its target.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from evnews.claims.memo import per_article
from evnews.claims.prefilter import first_chars, fold, with_first_char_guard

_SMALL = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_SCALES = {
    "hundred": 1e2, "lakh": 1e5, "crore": 1e7, "thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6, "mln": 1e6,
    "billion": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12, "trn": 1e12,
}  # fmt: skip
_CURRENCY_SIGNS = {
    "$": "USD", "us$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "rmb": "CNY", "rs": "INR", "rs.": "INR", "₹": "INR",
    "usd": "USD", "eur": "EUR", "gbp": "GBP", "jpy": "JPY", "cny": "CNY", "inr": "INR",
}  # fmt: skip
_CURRENCY_WORDS = {
    "yen": "JPY", "dollars": "USD", "dollar": "USD", "usd": "USD", "euros": "EUR", "euro": "EUR", "eur": "EUR",
    "pounds": "GBP", "pound": "GBP", "gbp": "GBP", "rupees": "INR", "inr": "INR", "yuan": "CNY", "renminbi": "CNY", "cny": "CNY", "jpy": "JPY",
}  # fmt: skip
_FRACTIONS = {
    "half": 50.0, "a half": 50.0, "one half": 50.0, "three-quarters": 75.0, "three quarters": 75.0,
    "a quarter": 25.0, "one quarter": 25.0, "one-quarter": 25.0, "a third": 100 / 3, "one third": 100 / 3,
    "one-third": 100 / 3, "two-thirds": 200 / 3, "two thirds": 200 / 3, "all": 100.0, "nearly all": 100.0,
    "almost all": 100.0, "virtually all": 100.0, "a fifth": 20.0, "one fifth": 20.0, "one-fifth": 20.0,
    "two-fifths": 40.0, "two fifths": 40.0, "three-fifths": 60.0, "three fifths": 60.0, "four-fifths": 80.0,
    "four fifths": 80.0, "a tenth": 10.0, "one tenth": 10.0, "one-tenth": 10.0,
}  # fmt: skip

# Thousands grouped by commas ("320,000") or, as South African, French and SI style writes them, by a
# (thin or no-break) space ("450 000"): a space group counts only when exactly three digits follow.
# Indian grouping first ("3,00,000", "1,25,000": lakhs in pairs of digits), then thousands ("300,000")
_DIGITS = r"\d{1,2},(?:\d\d,)+\d{3}(?![\d,])|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[ \u00a0\u202f]\d{3}(?![\d,.]\d))+(?![\w%])|\d+(?:\.\d+)?"
_WORD = "|".join(sorted(list(_SMALL) + list(_TENS), key=len, reverse=True))
_WORD_NUM = rf"(?:{_WORD})(?:[\s-](?:{'|'.join(k for k in _SMALL if _SMALL[k] < 10)}))?"
_SCALE = r"(?:hundred|lakh|crore|thousand|million|billion|trillion|mn|mln|bn|trn|tn|m|k|b)"
# Signs, and ISO codes written before the amount ("GBP 1.12bn", "EUR 23 billion", "USD 500m").
_CUR_SIGN = r"(?:US\$|\$|£|€|¥|₹|(?<![A-Za-z])(?:RMB\s?|Rs\.?\s?|(?-i:USD|EUR|GBP|JPY|CNY|INR)\s))"  # letters: a word of their own ("covers five" is no Rs 5)
_CUR_WORD = r"(?:yen|dollars?|USD|euros?|EUR|pounds?|GBP|yuan|renminbi|CNY|JPY|rupees|INR)"
_PERCENT = r"(?:%|\s?per\s?cent\b|\s?percent\b)"
_TICKER_OPEN = re.compile(r"\(\s*(?:[A-Z]{2,6}\s*:\s*)?$")
_TICKER = re.compile(r"(?:\s+[A-Z]{1,3})?\s*\)")
_FRACTION = "|".join(sorted((re.escape(k) for k in _FRACTIONS), key=len, reverse=True))

NUMBER_RE = with_first_char_guard(re.compile(
    rf"(?P<fraction>\b(?:{_FRACTION})\b(?![\w-])(?!\s+(?:an?|the)\s+(?:year|month|decade|century|{_SCALE}\b)))"
    rf"|(?P<inone>\b(?P<in_a>one|two|three|four|nine)\s+(?:in|out\s+of)\s+(?:every\s+)?(?P<in_b>two|three|four|five|ten)\b)"
    rf"|(?P<cur>{_CUR_SIGN})?(?P<num>(?<![\w.,-])(?:{_DIGITS})(?:\s?[-–]\s?(?P<hi>{_DIGITS}))?"
    rf"|\b(?:half\s+an?|an?|{_WORD_NUM})(?=\s+{_SCALE}\b)|\b{_WORD_NUM}\b)"
    rf"(?:(?:\s|-(?=(?:lakh|crore|thousand|million|billion)\b))?(?P<scale>{_SCALE})\b)?(?P<plus>\+)?(?P<pct>{_PERCENT})?"
    rf"(?:\s(?P<curw>{_CUR_WORD})\b)?",
    re.I,
))
_QUALIFIER_BEFORE = (
    ("at_least", r"(?:more\s+than|over|at\s+least|upwards\s+of|no\s+less\s+than|no\s+fewer\s+than|in\s+excess\s+of|"
                 r"above|exceeding|topped|passed|surpassed|exceeded|crossed|beyond|north\s+of|just\s+over|"
                 r"passing|topping|surpassing|crossing|(?:gone|went|going|go|goes)\s+(?:past|beyond))"),
    ("at_most", r"(?:up\s+to|as\s+much\s+as|as\s+many\s+as|no\s+more\s+than|at\s+most|a\s+maximum\s+of|"
                r"fewer\s+than|less\s+than|below|under|capped\s+at|(?:could|might|may)\s+(?:eventually\s+)?reach)"),  # a possible level is a ceiling
    ("approx", r"(?:about|around|nearly|almost|some|roughly|approximately|approx\.?|close\s+to|an\s+estimated|"
               r"circa|~|just\s+under|estimated|an\s+expected)"),
)  # fmt: skip
# Plant output written without a space ("135GWh"): the number is a quantity of it, read as "135 GWh" is.
# Other glued units ("58kWh", "150km") stay part of a word: a car's pack or range is never a claim.
_GLUED_UNIT = with_first_char_guard(re.compile(r"(?:GWh|gigawatt)", re.I))
# "300,000th", "1 millionth", "one-millionth": the suffix that makes a count an ordinal.
_ORDINAL_AFTER = with_first_char_guard(re.compile(r"(?:th|st|nd|rd)\b|[\s-]?(?P<scale>thousand|million|billion)th\b", re.I))
_QUALIFIER_RES = tuple(
    (q, with_first_char_guard(re.compile(rf"\b{p}\s*(?:the\s+|a\s+|an\s+)?$|~\s*$", re.I))) for q, p in _QUALIFIER_BEFORE
)
# Any of them: most figures have no qualifier, and one search tells so.
_ANY_QUALIFIER = with_first_char_guard(re.compile(
    rf"\b(?:{'|'.join(p for _, p in _QUALIFIER_BEFORE)})\s*(?:the\s+|a\s+|an\s+)?$|~\s*$", re.I
))


_SEPARATORS = re.compile(r"[,\s]")
_YEAR = re.compile(r"(?:19|20)\d\d(?:\s?[-–]\s?(?:19|20)?\d\d)?")
_OF_BEFORE = with_first_char_guard(re.compile(r"\bof\s+$", re.I))
_LEADING_ZERO = re.compile(r"0\d")
_RANGE_DASH = with_first_char_guard(re.compile(r"\s?[-–]\s?(?=\d)"))
_COMPOUND_AFTER = re.compile(r"-[a-z]")
_BETWEEN_BEFORE = with_first_char_guard(re.compile(r"\bbetween\s+$", re.I))
_FROM_BEFORE = with_first_char_guard(re.compile(r"\bfrom\s+(?:about\s+|around\s+)?$", re.I))


@dataclass(frozen=True, slots=True)
class NumberMention:
    """One number in a sentence, normalised."""

    start: int
    end: int
    text: str
    value: float
    unit: str | None  # "percent", a currency code, or None (a count)
    qualifier: str
    is_fraction: bool = False  # "half", "three in four", "all": a share of a whole
    is_word: bool = False  # written in words ("eight", "Twenty")
    is_range: bool = False
    is_ordinal: bool = False  # "its 300,000th Leaf", "the one millionth EV": a milestone unit
    high: float | None = None  # the upper end of a range ("20% to 30%"); `value` is the lower end


def _word_value(text: str) -> float | None:
    text = text.lower().replace("-", " ")
    if text in ("a", "an"):
        return 1.0
    if text in ("half a", "half an"):
        return 0.5
    total = 0.0
    for word in text.split():
        if word in _SMALL:
            total += _SMALL[word]
        elif word in _TENS:
            total += _TENS[word]
        else:
            return None
    return total


def _parse_value(raw: str) -> float | None:
    raw = raw.strip()
    if raw[:1].isdigit():
        return float(_SEPARATORS.sub("", raw))
    return _word_value(raw)


def _qualifier(sentence: str, start: int, plus: bool) -> str:
    if plus:
        return "at_least"
    before = sentence[max(0, start - 30) : start]
    if not _ANY_QUALIFIER.search(before):
        return "exact"
    for name, pattern in _QUALIFIER_RES:
        if pattern.search(before):
            return name
    return "exact"


def _currency(match: re.Match[str]) -> str | None:
    if match.group("cur"):
        return _CURRENCY_SIGNS.get(match.group("cur").strip().lower(), "USD")
    if match.group("curw"):
        return _CURRENCY_WORDS.get(match.group("curw").lower())
    return None


def _ordinal(sentence: str, m: re.Match[str]) -> NumberMention | None:
    """"its 300,000th Leaf", "the 1 millionth EV": a milestone, kept only from a thousand up."""
    raw = m.group("num")
    suffix = _ORDINAL_AFTER.match(sentence, m.end())
    if suffix is None or m.group("pct") or m.group("cur") or m.group("hi"):
        return None
    value = _parse_value(raw)
    if value is None:
        return None
    for scale in (m.group("scale"), suffix.group("scale")):
        value *= _SCALES[scale.lower()] if scale else 1
    if value < 1000:
        return None
    end = suffix.end()
    return NumberMention(m.start(), end, sentence[m.start() : end], value, None, "exact", is_ordinal=True)


def is_year(mention: NumberMention) -> bool:
    """A bare four-digit year ("2030") rather than a quantity."""
    return (
        mention.unit is None
        and not mention.is_word
        and _YEAR.fullmatch(mention.text.strip()) is not None
    )


# Where a match of NUMBER_RE can begin: at a word that starts with a digit or is a number word ("eight",
# "Twenty"), the first word of a fraction ("half", "nearly all", "three-quarters"), or "a"/"an" before a
# scale or fraction word ("a million", "a third"); or at a currency sign, which may stand inside a word ("Rs", "US$"). Trying the
# pattern only there, left to right, finds what `NUMBER_RE.finditer` finds at a fraction of the cost:
# most words of a sentence start no number, and most sentences hold none at all. Words are looked for
# in the folded sentence (prefilter.fold: same length, same word characters, case as NUMBER_RE ignores it).
_START_WORDS = sorted({*_SMALL, *_TENS, "half", *(re.split(r"[\s-]", key)[0] for key in _FRACTIONS)} - {"a", "an"}, key=len, reverse=True)
_NUMBER_START = with_first_char_guard(re.compile(
    rf"\b(?:\d|(?:{'|'.join(_START_WORDS)})\b|an?(?=\s+(?:{_SCALE}|half|quarter|third|fifth|tenth)\b))"  # "a million", "a third"
))
_CURRENCY_AHEAD = re.compile(first_chars(_CUR_SIGN, re.I).lookahead() + rf"(?={_CUR_SIGN})", re.I)  # type: ignore[union-attr]


_LONGEST_SIGN = 5  # "RMB ", "Rs. ", "USD ", "US$": a sign ends at most this far from where it starts


def _currency_starts(sentence: str, words: list[int]) -> list[int]:
    """Where a currency sign ends at one of `words`: NUMBER_RE's figure follows its sign at once and
    starts at one of them, so a sign elsewhere starts no match. Each search ends at the word (`endpos`):
    a sign found there is one the whole sentence holds too."""
    return [m.start() for w in words for m in _CURRENCY_AHEAD.finditer(sentence, max(0, w - _LONGEST_SIGN), w)]


def _number_matches(sentence: str) -> list[re.Match[str]]:
    words = [w.start() for w in _NUMBER_START.finditer(fold(sentence))]
    if not words:
        return []  # every amount, with a currency sign or without, has a digit or number word where its figure starts
    starts = sorted({*words, *_currency_starts(sentence, words)})
    found: list[re.Match[str]] = []
    end = 0
    for start in starts:
        if start < end:
            continue
        m = NUMBER_RE.match(sentence, start)
        if m:
            found.append(m)
            end = m.end()
    return found


@per_article
def find_numbers(sentence: str) -> list[NumberMention]:
    """Every number of the sentence, left to right."""
    out: list[NumberMention] = []
    for m in _number_matches(sentence):
        if m.group("fraction"):
            key = m.group("fraction").lower()
            if key == "all" and _OF_BEFORE.search(sentence[max(0, m.start() - 4) : m.start()]):
                continue  # "42% of all the cars": the whole the share is taken of, not a second share
            qualifier = "approx" if key.split()[0] in ("nearly", "almost", "virtually") else _qualifier(sentence, m.start(), False)
            out.append(NumberMention(m.start(), m.end(), m.group(0), _FRACTIONS[key], "percent", qualifier, is_fraction=True))
            continue
        if m.group("inone"):
            value = 100 * _SMALL[m.group("in_a").lower()] / _SMALL[m.group("in_b").lower()]
            out.append(NumberMention(m.start(), m.end(), m.group(0), value, "percent",
                                     _qualifier(sentence, m.start(), False), is_fraction=True))  # fmt: skip
            continue
        raw = m.group("num")
        if raw is not None and raw.isdigit() and len(raw) >= 4 and _TICKER.match(sentence, m.end()) and _TICKER_OPEN.search(sentence, 0, m.start()):
            continue  # "LG Energy Solution (373220 KS)", "(TSE: 7201)": a stock code
        if raw is None or _LEADING_ZERO.match(raw):
            continue  # "R450 000": the tail of a figure whose head is glued to a sign this module does not know
        ordinal = _ordinal(sentence, m)
        if ordinal is not None:
            out.append(ordinal)
            continue
        if sentence[m.end() : m.end() + 1].isalpha() and not _GLUED_UNIT.match(sentence, m.end()):
            continue  # part of a word ("4x4", "N7")
        first = _RANGE_DASH.split(raw)[0] if m.group("hi") else raw
        value = _parse_value(first)
        if value is None:
            continue
        scale = (m.group("scale") or "").lower()
        high = _parse_value(m.group("hi")) if m.group("hi") else None
        if scale:
            value *= _SCALES[scale]
            high = None if high is None else high * _SCALES[scale]
        if m.group("pct"):
            unit: str | None = "percent"
        else:
            unit = _currency(m)
        # "half a million" = 0.5 * 1e6; "a million" = 1e6 (handled by the scale).
        is_word = not raw[:1].isdigit()
        if is_word and _COMPOUND_AFTER.match(sentence, m.end(), m.end() + 2):
            continue  # "two-door", "three-row": a compound word, not a count
        if is_word and not scale and raw.lower() in ("a", "an", "half a", "half an"):
            continue
        out.append(
            NumberMention(
                start=m.start(),
                end=m.end(),
                text=m.group(0),
                value=value,
                unit=unit,
                qualifier="at_least" if m.group("hi") else _qualifier(sentence, m.start(), bool(m.group("plus"))),
                is_word=is_word,
                is_range=bool(m.group("hi")),
                high=high,
            )
        )
    return _join_ranges(sentence, out)


# "20% to 30%", "10 to 12 models", "between 40% and 50%", "1 to 2 million": two numbers that are the ends
# of one range. "from 69 to 55" is a change, not a range.
_RANGE_GAP = with_first_char_guard(re.compile(r"\s*(?:to|-|–)\s*"))
_BETWEEN_GAP = with_first_char_guard(re.compile(r"\s*(?:and|to|-|–)\s*"))
_RANGE_WORDS = frozenset({"and", "to", "-", "–"})  # what the gaps above hold between their spaces
_SCALE_IN = with_first_char_guard(re.compile(rf"\b{_SCALE}\b|\d{_SCALE}\b", re.I))


def _join_ranges(sentence: str, numbers: list[NumberMention]) -> list[NumberMention]:
    out: list[NumberMention] = []
    for n in numbers:
        low = out[-1] if out else None
        if low is None or not _is_range_pair(sentence, low, n):
            out.append(n)
            continue
        value = low.value
        scale = _SCALE_IN.search(n.text)
        if scale and not _SCALE_IN.search(low.text) and value < n.value / 100:
            value *= _SCALES[scale.group(0).lstrip("0123456789").lower()]  # "1 to 2 million"
        out[-1] = NumberMention(low.start, n.end, sentence[low.start : n.end], value, n.unit or low.unit, "at_least",
                                is_word=low.is_word, is_range=True, high=n.value)  # fmt: skip
    return out


def _is_range_pair(sentence: str, low: NumberMention, high: NumberMention) -> bool:
    if low.is_range or high.is_range or low.is_ordinal or high.is_ordinal or low.is_fraction or high.is_fraction:
        return False
    if low.unit is not None and high.unit != low.unit or is_year(low) or is_year(high):
        return False
    gap = sentence[low.end : high.start]
    if gap.strip() not in _RANGE_WORDS:
        return False  # neither gap pattern below can match: most pairs of figures are no range
    before = sentence[max(0, low.start - 14) : low.start]
    if _BETWEEN_BEFORE.search(before):
        return _BETWEEN_GAP.fullmatch(gap) is not None
    if _FROM_BEFORE.search(before):
        return False
    return _RANGE_GAP.fullmatch(gap) is not None and low.value < high.value
