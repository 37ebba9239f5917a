"""Regexes made of many alternatives that try only those whose required words a text holds (issue 9).

A table of names or cue phrases is a long alternation, and most sentences hold
none of its words. `NeedlePattern` works out, for each alternative, strings
one of which every match of it contains (with `prefilter`'s pattern analysis)
and runs only the alternatives whose strings the text holds, with the same
matches, spans and groups as the pattern as written.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from re import _parser

from evnews.claims.prefilter import _FirstChars, _required, _scans_fast, first_chars, fold


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
