"""Words that present a figure or a plan as no longer current: cancelled ("scrapped", "was to have"),
replaced ("up from 15", "instead of the earlier 75%", "75% in the old plan") or given up since ("had
originally planned", "was supposed to"). Nothing they frame is a claim.
"""

from __future__ import annotations

import re

from evnews.claims.needle_pattern import NeedlePattern
from evnews.claims.prefilter import with_first_char_guard

# Sentences that describe a plan as dropped: nothing in them is a claim.
CANCELLED_RE = NeedlePattern.of(
    r"\b(?:scrapped|cancel+ed|axed|abandoned|shelved|dropped\s+(?:its|the)\s+plan|called\s+off|ditched|no\s+longer\s+plans?|"
    r"falls\s+victim|fell\s+victim|"
    r"(?:was|were)\s+to\s+have)\b",  # "the plant, which was to have made 5 GWh": a plan that will not happen
    re.I,
)
# A figure the text presents as former: "up from 15", "instead of the earlier 75%".
SUPERSEDED_BEFORE_RE = NeedlePattern.of(
    r"(?:\b(?:up|down|raised|lowered|increased|cut|revised)\s+from|\binstead\s+of|\bcompared\s+with|\bcompared\s+to|"
    r"(?:^|[,;(]\s*)from|\bversus|\bvs\.?|\breplac(?:e|es|ed|ing)|\bsupersed(?:e|es|ed|ing)|\bin\s+place\s+of|\brather\s+than|"
    r"\bprevious(?:ly)?|\bformer(?:ly)?|\boriginal(?:ly)?|\bearlier|"
    r"\b(?:previous|former|earlier|old|original)\s+(?:figure|target|goal|number|level|aim)\s+(?:was|had\s+been|stood\s+at))"
    r"(?:\s+(?:the|its|an?|their|some|about|around|just|only))*\s*$",
    re.I,
)
# A figure followed by the plan it belonged to: "75% in the old plan", "23 and 15 under the original 2021 targets".
FORMER_PLAN_AFTER_RE = re.compile(
    r"[^,;.]{0,30}?\b(?:in|under|of|from)\s+(?:the|its|their|Nissan['’]s|the\s+company['’]s)\s+"
    r"(?:old|previous|original|earlier|former|prior|initial|first|superseded)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:plan|target|goal|version|forecast|strategy|roadmap|programme|program|guidance)s?\b|"
    # "against 23 and 15 in the version it presented in November 2021": a version dated in the past is the old one
    r"[^,;.]{0,30}?\bin\s+the\s+(?:version|plan|targets?|goals?)\s+(?:it|they|the\s+company)\s+(?:had\s+)?"
    r"(?:presented|announced|unveiled|published|set\s+out|gave)\s+in\b",
    re.I,
)
SUPERSEDED_SENTENCE_RE = NeedlePattern.of(
    r"\b(?:those|these|the)\s+(?:numbers|figures|targets)\s+(?:were|had\s+been)\b",
    re.I,
)
# A clause that states a former plan: "had originally planned to launch eight EVs by 2022".
SUPERSEDED_CLAUSE_RE = with_first_char_guard(re.compile(
    r"\bhad\s+(?:originally\s+|initially\s+|previously\s+|once\s+)?(?:planned|targeted|aimed|promised|pledged|forecast|called\s+for)\b|"
    # "the plant was supposed to start building EVs in 2025", "had been due to open in 2024": a plan since changed
    r"\b(?:was|were)\s+supposed\s+to\b|\bhad\s+been\s+(?:due|scheduled|slated|expected|meant)\s+to\b|"
    r"\b(?:originally|initially|previously|formerly)\s+(?:planned|targeted|aimed|promised|pledged|set|called\s+for|"
    r"(?:due|scheduled|slated|expected|meant|supposed)\s+to)\b|"
    r"\b(?:earlier|previous|former|original|old|prior)\s+(?:[\w-]+\s+)?(?:target|goal|plan|aim|forecast|pledge)s?"
    r"(?:\s+(?:of|was|were|had\s+been)\b|\s*[-–—:(])|"
    # A correction repeats the misreported figure: "An earlier version of this story said ... £1.2bn".
    r"\b(?:an?|the)\s+(?:earlier|previous)\s+version\s+of\s+this\s+(?:story|article|report|piece)\b|"
    r"\b(?:incorrectly|wrongly|mistakenly)\s+(?:said|stated|reported|gave)\b|"
    # A position given up since: "As recently as 2018, Nissan was talking about 30%", "Until recently it planned ..."
    r"\bas\s+recently\s+as\b|\buntil\s+recently\b|"
    # "where Nissan once said it would build EVs from 2025": a date it has since moved
    r"\bonce\s+(?:said|planned|promised|pledged|targeted|aimed|talked\s+about)\b|"
    # "The plan replaces a target, set last year, of eight NEVs" (not "replaces its target of 8 with one of 10")
    r"\breplac(?:es|ed|ing)\s+(?:an?|the|its|their)\s+(?:[\w-]+\s+)?(?:target|goal|plan|pledge|aim)s?\b(?![^;]*\b(?:with|by)\s)",
    re.I,
))
