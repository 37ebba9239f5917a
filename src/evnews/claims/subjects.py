"""Who acts in a sentence, from the company names it holds.

"Volkswagen said its group would build ...": a generic reference after the company that opens the
sentence is that company. "The two companies" after two alliance members is the Alliance. A twin's
maker ("the Sakura and its Mitsubishi twin") and the owner of an object ("the alliance's work") are
named but do not act. Pure functions of one sentence's mentions.
"""

from __future__ import annotations

import re

from evnews.claims.mentions import Mention

_NOT_SUBJECT_BEFORE = re.compile(r"\b(?:unlike|like|as\s+with|than|with|from|to|by|for|and|or)\s+$", re.I)
_ALLIANCE_MEMBERS = frozenset({"Renault", "Nissan", "Mitsubishi", "Alliance"})
TWIN_AFTER = re.compile(r"\s+(?:twin|sibling|sister(?:\s+model)?|cousin|counterpart|clone)s?\b", re.I)
OBJECT_OWNER = re.compile(r"['’]s\s+(?:work|project|effort|programme|program|research|development|push|drive)\b")


def sentence_subject(sentence: str, companies: list[Mention], reference: Mention) -> str | None:
    """"Volkswagen said its group would build ...": "its group", "the company" after the company that opens the
    sentence is that company, not the one the sentences before were about."""
    if reference.name or reference.descriptor != "generic" or not companies or companies[0] is reference:
        return None
    subject = companies[0]
    if not subject.name or subject.start > 40 or _NOT_SUBJECT_BEFORE.search(sentence, 0, subject.start):
        return None
    return subject.name


def joint_company(names: list[str]) -> str | None:
    """What "the two companies" means: the Alliance when two of its members (or the Alliance itself)
    were named just before; the vocabulary has no name for other pairs."""
    members = {n for n in names if n in _ALLIANCE_MEMBERS}
    return "Alliance" if len(members) >= 2 or "Alliance" in members else None
