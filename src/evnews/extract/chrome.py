"""Page chrome recognised by its wording: share bars, newsletter boxes, comment
prompts, credits, contact blocks, related-link headings.

Only short lines are judged (a real paragraph that happens to start with
"Subscribe" is long), and patterns are anchored at the start of the line.
"""

from __future__ import annotations

import re

from evnews.extract.agreement import words

MAX_CHROME_WORDS = 30
TAIL_SHARE = 0.4  # a chrome heading in the last 40% of lines ends the article

_CHROME_LINE = re.compile(
    r"^(?:"
    r"(?:share|tweet|email|print)(?: this(?: article| story| post)?)?[\s:!.]*$"
    r"|share (?:this|on|via)\b|like this (?:story|article)\b"
    r"|(?:sign up|subscribe)\b.*\b(?:newsletter|inbox|updates|free|today|now)\b"
    r"|follow us\b|follow\b[^.]{0,80}\bon (?:facebook|twitter|instagram|linkedin|youtube|tiktok|threads)\b"
    r"|click here\b|tell us what you think|also on \S+\.\w+\b"
    r"|(?:read more|see also|read next|more from|you (?:may|might) also like|don.t miss|recommended)\b"
    r"|related(?: articles| stories| posts| coverage| links| content)?\s*:?\s*$"
    r"|\d*\s*comments?(?:\s*\(\d+\))?\s*$|(?:log|sign) in to (?:comment|reply)"
    r"|updated(?: at| on)?\b[^.]{0,40}\.?$"
    r"|advertisement\s*$|sponsored(?: content)?\s*$"
    r"|(?:copyright|©|\(c\))\s|all rights reserved"
    r"|(?:photo|image|picture)s?(?: credit)?\s*:|credit\s*:"
    r"|(?:media|press) contacts?\b|our standards\s*:"
    r"|ftc\s*:|disclosure\s*:"
    r")",
    re.IGNORECASE,
)
_TAIL_HEADING = re.compile(
    r"^(?:(?:media|press) contacts?|contacts?|related(?: articles| stories| posts)?|comments?"
    r"|more from\b.*|read next|about the author|share this(?: article| story)?|tags?)\s*:?\s*$",
    re.IGNORECASE,
)


def is_chrome(line: str) -> bool:
    # The anchored pattern rejects most lines at once; counting words is the dearer test.
    return bool(_CHROME_LINE.search(line.strip())) and len(words(line)) <= MAX_CHROME_WORDS


def drop_chrome(lines: list[str]) -> list[str]:
    """Lines without chrome, cut before a chrome heading near the end."""
    start_of_tail = int(len(lines) * (1 - TAIL_SHARE))
    for i in range(max(1, start_of_tail), len(lines)):
        if _TAIL_HEADING.search(lines[i].strip()):
            lines = lines[:i]
            break
    return [line for line in lines if not is_chrome(line)]
