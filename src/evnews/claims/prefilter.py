"""Make big alternation regexes cheaper without changing what they match (issue 9).

Python's regex engine tries a pattern at every position of a sentence, and a
table of forty alternatives costs forty attempts at each one, although most
positions cannot start any of them ("Nissan", "Toyota" ... never start with a
lower-case letter). `with_first_char_guard` puts a one-character lookahead in
front of a pattern: the set of characters any match can start with, worked out
from the pattern itself. A lookahead consumes nothing and captures nothing,
so matches, spans and groups stay exactly the same; only the positions that
cannot start a match are rejected at once.

`NeedlePattern` goes further for a pattern made of many alternatives (cue
phrases, a table of names): it works out, for each alternative, strings one of
which every match of it contains, and runs only the alternatives whose strings
the text holds (most texts hold none), again with the same matches.
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


_FEW = 8  # needles of a table row worth looking for
_RUN = 4  # alternatives behind one lookahead (NeedlePattern._source)


def _capitalised(first: _FirstChars | None) -> bool:
    """Can a match only start with a capital letter (matched case-sensitively)?"""
    return first is not None and not first.caseless and all(len(c) == 1 and c.isupper() for c in first.exact)


def _group_stub(alternative: re.Pattern[str]) -> str:
    """"(?!)" and empty groups numbered and named as the alternative's ("" when it has none)."""
    if not alternative.groups:
        return ""
    names = {number: name for name, number in alternative.groupindex.items()}
    return "(?!)" + "".join(f"(?P<{names[i]}>)" if i in names else "()" for i in range(1, alternative.groups + 1))


def split_alternatives(source: str) -> list[str]:
    """The top-level alternatives of a pattern's source: "a|b(c|d)" -> ["a", "b(c|d)"]."""
    parts: list[str] = []
    depth, start, i, in_class = 0, 0, 0, False
    while i < len(source):
        char = source[i]
        if char == "\\":
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            i += 1
            if source[i : i + 1] == "^":
                i += 1
            if source[i : i + 1] == "]":
                i += 1  # "[]...]", "[^]...]": a leading bracket is a literal
            continue
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(source[start:i])
            start = i + 1
        i += 1
    parts.append(source[start:])
    return parts


def _without_implied(needles: dict[str, int]) -> tuple[tuple[str, int], ...]:
    """The (needle, alternatives) pairs less those whose needle holds a shorter one that stands for the
    same alternatives or more ("USA" after "US", "worldwide" after "world"): where the longer occurs,
    the shorter does too, and lets the same alternatives through."""
    return tuple(
        (text, bits)
        for text, bits in needles.items()
        if not any(other != text and other in text and not bits & ~other_bits for other, other_bits in needles.items())
    )


class NeedlePattern:
    r"""A regex made of alternatives that tries only those whose required words the text holds.

    Each alternative is parsed for strings one of which any match of it contains ("considering",
    "according" ...). An alternative none of whose strings occurs anywhere in a text cannot match
    anywhere in it, so leaving it out changes no match, span or group that `search`, `match` or
    `finditer` return: at every position the remaining alternatives are tried in their own order.
    The regex of the alternatives that remain is compiled once per combination and kept.

    `prefix` and `suffix` wrap the alternation (a table's "(?<![\w-])(?:" and ")(?![\w-])").
    With `names` (a table of names), only rows that may start in lower case and need few strings ("the
    alliance", "worldwide") are left out by their strings; the others are always tried.
    """

    def __init__(
        self, alternatives: list[str], flags: int = 0, *, prefix: str = "", suffix: str = "", names: bool = False
    ) -> None:
        self.alternatives = alternatives
        self.flags = flags
        self.prefix, self.suffix = prefix, suffix
        self.stubs = [_group_stub(re.compile(alternative, flags)) for alternative in alternatives]
        self.starts = [first_chars(f"{prefix}(?:{alternative}){suffix}", flags) for alternative in alternatives]
        self.always = 0  # bit i: alternative i has no required string
        exact: dict[str, int] = {}
        caseless: dict[str, int] = {}
        for index, alternative in enumerate(alternatives):
            needles = _required(_parser.parse(alternative, flags), flags | re.UNICODE)
            if names and (_capitalised(self.starts[index]) or len(needles or ()) > _FEW):
                # a name ("Nissan"), or a row of many ("Tennessee|Mississippi|..."): the lookahead turns most
                # positions away already, and looking for each name would cost more than it saves
                needles = None
            if not needles:
                self.always |= 1 << index
            for text, is_caseless in needles or ():
                table = caseless if is_caseless else exact
                table[text] = table.get(text, 0) | 1 << index
        self.exact, self.caseless = _without_implied(exact), _without_implied(caseless)
        self._kept: dict[int, re.Pattern[str]] = {}
        self.full = self._compile((1 << len(alternatives)) - 1)
        # The text asked about last and its answer: the finders ask again about the sentence they scan,
        # once per name found in it ("arrives from" before each region of a sentence).
        self._last: tuple[str, re.Pattern[str] | None] = ("", self._choose(""))

    @classmethod
    def of(cls, pattern: str, flags: int = 0) -> NeedlePattern:
        return cls(split_alternatives(pattern), flags)

    def _source(self, chosen: set[int]) -> str:
        """The pattern with the alternatives not chosen left out; one with groups leaves a stub that fails
        at once and holds empty groups in their place, so a match has the groups of the pattern as written.

        The alternatives go in runs of `_RUN`, each behind the lookahead of the characters its alternatives
        can start with: at a position, a run none of whose alternatives can start there is passed over with
        one test instead of one per alternative. The order in which alternatives are tried, and their groups
        and numbers, stay those of the pattern as written."""
        runs: list[str] = []
        for first in range(0, len(self.alternatives), _RUN):
            indexes = range(first, min(first + _RUN, len(self.alternatives)))
            kept = [self.alternatives[i] if i in chosen else self.stubs[i] for i in indexes]
            body = "|".join(alt for alt in kept if alt)
            if body:
                guard = self._run_guard([i for i in indexes if i in chosen])
                runs.append(f"{guard}(?:{body})" if guard else body)
        return f"{self.prefix}(?:{'|'.join(runs)}){self.suffix}"

    def _run_guard(self, chosen: list[int]) -> str:
        """The lookahead for the first characters of the chosen alternatives of a run ("" when any may
        start anywhere, or none is chosen: a run of stubs fails at once anyway)."""
        first = _FirstChars()
        for i in chosen:
            start = self.starts[i]
            if start is None:
                return ""
            first.update(start)
        return first.lookahead() if chosen and first.selective() else ""

    def _compile(self, mask: int) -> re.Pattern[str]:
        """The regex of the alternatives whose bits are set, behind the lookahead of their first characters."""
        chosen = [i for i in range(len(self.alternatives)) if mask >> i & 1]
        source = self._source(set(chosen))
        if _scans_fast(source, self.flags):
            return re.compile(source, self.flags)
        first = _FirstChars()
        for i in chosen:
            start = self.starts[i]
            if start is None:
                return re.compile(source, self.flags)
            first.update(start)
        return re.compile(first.lookahead() + f"(?:{source})", self.flags)

    def pattern_for(self, text: str) -> re.Pattern[str] | None:
        """The regex of the alternatives that may match in `text`; None when none may."""
        last_text, last_pattern = self._last
        if text is last_text:
            return last_pattern
        pattern = self._choose(text)
        self._last = (text, pattern)
        return pattern

    def _choose(self, text: str) -> re.Pattern[str] | None:
        mask = self.always
        for needle, bits in self.exact:
            if needle in text:
                mask |= bits
        if self.caseless:
            folded = fold(text)
            for needle, bits in self.caseless:
                if needle in folded:
                    mask |= bits
        if not mask:
            return None
        kept = self._kept.get(mask)
        if kept is None:
            if len(self._kept) > 512:
                self._kept.clear()  # a bound on memory; combinations repeat, so this is rare
            kept = self._kept[mask] = self._compile(mask)
        return kept

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        pattern = self.pattern_for(text)
        return pattern.search(text, pos, endpos) if pattern else None

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        pattern = self.pattern_for(text)
        return pattern.match(text, pos, endpos) if pattern else None

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        pattern = self.pattern_for(text)
        return pattern.finditer(text, pos, endpos) if pattern else iter(())
