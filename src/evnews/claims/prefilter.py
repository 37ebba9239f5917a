"""Make big alternation regexes cheaper without changing what they match (issue 9).

Python's regex engine tries a pattern at every position of a sentence, and a
table of forty alternatives costs forty attempts at each one, although most
positions cannot start any of them ("Nissan", "Toyota" ... never start with a
lower-case letter). `with_first_char_guard` puts a one-character lookahead in
front of a pattern: the set of characters any match can start with, worked out
from the pattern itself. A lookahead consumes nothing and captures nothing,
so matches, spans and groups stay exactly the same; only the positions that
cannot start a match are rejected at once.
"""

from __future__ import annotations

import re
from re import _constants as sre  # the parser's opcodes (CPython 3.11+)
from re import _parser

_CATEGORY_CLASS = {
    sre.CATEGORY_DIGIT: r"\d",
    sre.CATEGORY_NOT_DIGIT: r"\D",
    sre.CATEGORY_SPACE: r"\s",
    sre.CATEGORY_NOT_SPACE: r"\S",
    sre.CATEGORY_WORD: r"\w",
    sre.CATEGORY_NOT_WORD: r"\W",
}
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


def with_first_char_guard(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The same pattern behind a lookahead for the characters a match can start with.

    Returns the pattern unchanged when it could start with anything or match empty."""
    parsed = _parser.parse(pattern.pattern, pattern.flags)
    first = _FirstChars()
    try:
        if _collect(parsed, parsed.state.flags, first):
            return pattern
    except _Unbounded:
        return pattern
    try:
        return re.compile(first.lookahead() + f"(?:{pattern.pattern})", pattern.flags)
    except re.error:  # global inline flags ("(?i)...") must stay at the front: leave such a pattern as it is
        return pattern
