"""Make big alternation regexes cheaper without changing what they match (issue 9).

Python's regex engine tries a pattern at every position of a sentence, and a
table of forty alternatives costs forty attempts at each one, although most
positions cannot start any of them ("Nissan", "Toyota" ... never start with a
lower-case letter). `with_first_char_guard` puts a one-character lookahead in
front of a pattern: the set of characters any match can start with, worked out
from the pattern itself. A lookahead consumes nothing and captures nothing,
so matches, spans and groups stay exactly the same; only the positions that
cannot start a match are rejected at once.

`needle_pattern.NeedlePattern` goes further for a pattern made of many
alternatives (cue phrases, a table of names): with `required_strings`' analysis
it runs only the alternatives whose required strings the text holds (most texts
hold none), again with the same matches.
"""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Iterator
from re import _compiler, _parser
from re import _constants as sre  # the parser's opcodes (CPython 3.11+)

_CATEGORY_CLASS = {
    sre.CATEGORY_DIGIT: r"\d",
    sre.CATEGORY_NOT_DIGIT: r"\D",
    sre.CATEGORY_SPACE: r"\s",
    sre.CATEGORY_NOT_SPACE: r"\S",
    sre.CATEGORY_WORD: r"\w",
    sre.CATEGORY_NOT_WORD: r"\W",
}
_BROAD = frozenset({r"\w", r"\W", r"\S", r"\D"})
_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)


class _Unbounded(Exception):
    """A match may start with any character (or be empty): no guard is possible."""


class _FirstChars:
    """Class items a match can start with, kept apart by case sensitivity."""

    def __init__(self) -> None:
        self.exact: set[str] = set()
        self.caseless: set[str] = set()

    def add(self, item: str, caseless: bool) -> None:
        (self.caseless if caseless else self.exact).add(item)

    def update(self, other: _FirstChars) -> None:
        self.exact |= other.exact
        self.caseless |= other.caseless

    def selective(self) -> bool:
        """False when the set holds a broad class (\\w, \\S ...): a lookahead would turn away too little."""
        return not any(item in _BROAD for item in self.exact | self.caseless)

    def lookahead(self) -> str:
        parts = []
        if self.exact:
            parts.append(f"[{''.join(sorted(self.exact))}]")
        if self.caseless:
            parts.append(f"(?i:[{''.join(sorted(self.caseless))}])")
        return f"(?={'|'.join(parts)})"


def _class_item(op: object, av: object) -> str:
    if op is sre.LITERAL:
        return re.escape(chr(av))  # type: ignore[arg-type]
    if op is sre.RANGE:
        low, high = av  # type: ignore[misc]
        return f"{re.escape(chr(low))}-{re.escape(chr(high))}"
    if op is sre.CATEGORY and av in _CATEGORY_CLASS:
        return _CATEGORY_CLASS[av]  # type: ignore[index]
    raise _Unbounded  # a negated class or a category this module does not spell


def _collect(items: _parser.SubPattern | list, flags: int, out: _FirstChars) -> bool:
    """Add the first characters of a sequence to `out`; True when the whole sequence can match empty."""
    for op, av in items:
        caseless = bool(flags & re.IGNORECASE)
        if op in _ZERO_WIDTH:
            continue  # consumes nothing: the first character comes from what follows
        if op is sre.LITERAL:
            out.add(_class_item(op, av), caseless)
            return False
        if op is sre.IN:
            for item_op, item_av in av:
                out.add(_class_item(item_op, item_av), caseless)
            return False
        if op is sre.SUBPATTERN:
            _group, add_flags, del_flags, body = av
            if not _collect(body, (flags | add_flags) & ~del_flags, out):
                return False
            continue
        if op is sre.ATOMIC_GROUP:
            if not _collect(av, flags, out):
                return False
            continue
        if op is sre.BRANCH:
            nullable = [_collect(alternative, flags, out) for alternative in av[1]]
            if not any(nullable):
                return False
            continue
        if op in _REPEATS:
            minimum, _maximum, body = av
            if not _collect(body, flags, out) and minimum > 0:
                return False
            continue
        raise _Unbounded  # any character, a negated literal, a back-reference
    return True


def first_chars(source: str, flags: int) -> _FirstChars | None:
    """The characters any match of a pattern starts with; None when it may start with anything or be empty."""
    parsed = _parser.parse(source, flags)
    first = _FirstChars()
    try:
        return None if _collect(parsed, parsed.state.flags, first) else first
    except _Unbounded:
        return None


def _scans_fast(source: str, flags: int) -> bool:
    """Does the engine itself skip to where a match can start (a pattern that begins with a literal or a
    class, as ", which" or "[.!?]"), or does its first test already turn most positions away? A
    lookahead in front would only add work."""
    parsed = _parser.parse(source, flags)
    if parsed.data and parsed.data[0][0] is sre.ASSERT and parsed.data[0][1][0] < 0:
        return True  # "(?<=[.!?])": a lookbehind for a character rejects most positions at once already
    try:
        prefix, _skip, _all = _compiler._get_literal_prefix(parsed, parsed.state.flags)
        return parsed.getwidth()[0] > 0 and bool(prefix or _compiler._get_charset_prefix(parsed, parsed.state.flags))
    except (AttributeError, TypeError):  # another Python's private compiler: guard as usual
        return False


def with_first_char_guard(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The same pattern behind a lookahead for the characters a match can start with.

    Returns the pattern unchanged when it could start with anything or match empty, or when the engine
    already skips to the characters it can start with."""
    first = first_chars(pattern.pattern, pattern.flags)
    if first is None or not first.selective() or _scans_fast(pattern.pattern, pattern.flags):
        return pattern
    try:
        guarded = re.compile(first.lookahead() + f"(?:{pattern.pattern})", pattern.flags)
    except re.error:  # global inline flags ("(?i)...") must stay at the front: leave such a pattern as it is
        return pattern
    UNGUARDED[guarded] = pattern
    return guarded


# Each guarded pattern -> the pattern as written (for tests and measurements).
UNGUARDED: dict[re.Pattern[str], re.Pattern[str]] = {}


# ---- required words --------------------------------------------------------------------------
# Non-ASCII characters that a case-insensitive regex matches to an ASCII letter (tests check the list
# is complete): folding them first makes "the lower-cased text holds the word" follow from a match.
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u212a": "k", "\u017f": "s"})
Needle = tuple[str, bool]  # (text, caseless)


def fold(text: str) -> str:
    """The text lower-cased as a case-insensitive regex compares it."""
    return text.lower() if text.isascii() else _fold_unicode(text)


@functools.lru_cache(maxsize=64)  # several patterns ask about the same sentence in turn
def _fold_unicode(text: str) -> str:
    return text.translate(_FOLD).lower()


def required_strings(pattern: re.Pattern[str]) -> frozenset[Needle]:
    """Strings one of which every match of the pattern contains (caseless ones folded); empty when none."""
    source = UNGUARDED.get(pattern, pattern)
    return _required(_parser.parse(source.pattern, source.flags), source.flags) or frozenset()


def holds_any(text: str, folded: str, needles: frozenset[Needle]) -> bool:
    """Does the text (`folded`: fold(text)) hold one of the strings?"""
    for needle, caseless in needles:  # a plain loop: asked for every sentence, and a generator costs more
        if needle in (folded if caseless else text):
            return True
    return False


def _best(candidates: list[frozenset[Needle]]) -> frozenset[Needle] | None:
    """The most selective requirement: the longest shortest needle, then the fewest needles."""
    if not candidates:
        return None
    return max(candidates, key=lambda needles: (min(len(text) for text, _ in needles), -len(needles)))


def _required(items: _parser.SubPattern | list, flags: int) -> frozenset[Needle] | None:
    """Strings one of which every match of a sequence contains, or None when there are none to name."""
    candidates: list[frozenset[Needle]] = []
    run: list[str] = []

    def close_run() -> None:
        if run:
            candidates.append(frozenset({("".join(run), bool(flags & re.IGNORECASE))}))
            run.clear()

    for op, av in items:
        caseless = bool(flags & re.IGNORECASE)
        if op is sre.LITERAL and (not caseless or chr(av).isascii()):
            run.append(chr(av).lower() if caseless else chr(av))
            continue
        close_run()
        if op is sre.SUBPATTERN:
            _group, add_flags, del_flags, body = av
            inner = _required(body, (flags | add_flags) & ~del_flags)
        elif op is sre.BRANCH:
            each = [_required(alternative, flags) for alternative in av[1]]
            inner = None if any(e is None for e in each) else frozenset().union(*each)  # type: ignore[arg-type]
        elif op in _REPEATS and av[0] > 0:
            inner = _required(av[2], flags)
        else:
            inner = None  # a class, an optional part, a lookaround: nothing it must contain
        if inner:
            candidates.append(inner)
    close_run()
    return _best(candidates)
