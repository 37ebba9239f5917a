"""The cheap pre-tests in front of extraction regexes never reject a line the regex would match."""

from __future__ import annotations

import re
import sys

import pytest

from evnews.extract.paywall import _TRUNCATION, _TRUNCATION_HINTS, _is_truncation_line

NOTICES = [
    "Subscribe now to continue reading.",
    "SIGN IN TO KEEP READING",
    "Continue reading with a subscription",
    "Read the rest of this article",
    "To read the full story, log in",
    "The rest of this story is only available to paid subscribers.",
    "This content is for members",
    "Subscriber-only article",
    "Already a subscriber? Log in",
]


@pytest.mark.parametrize("line", NOTICES)
def test_every_notice_passes_the_hint_test(line: str) -> None:
    assert _TRUNCATION.search(line)
    assert _is_truncation_line(line)


def test_hint_letters_have_no_other_case_forms() -> None:
    """Why a lower-cased substring test is enough: case-insensitive matching pairs
    these letters with their ASCII capitals only (unlike s/ſ, k/K or i/İ)."""
    letters = sorted(set("".join(_TRUNCATION_HINTS)))
    pattern = re.compile(f"[{''.join(letters)}]", re.IGNORECASE)
    others = [hex(code) for code in range(sys.maxunicode + 1)
              if pattern.fullmatch(chr(code)) and chr(code).lower() not in letters]
    assert others == []


def test_ordinary_lines_are_not_notices() -> None:
    assert not _is_truncation_line("Nissan will launch 19 electric models by fiscal 2030.")
    assert not _is_truncation_line("Members of the board read the plan in September.")
