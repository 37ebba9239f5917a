"""Who a number is about, what kind of statement it is, where and when.

These helpers read one sentence (already split into clauses) plus the
`Context` the article has built so far: the companies named before (for
"the Japanese carmaker", "it", "its"), the last horizon (for "at around the
same time"), the plan end years ("by the end of the plan"), the lead-in of a
list, and whether the paragraph reports a rumour.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field

from evnews.claims import lexicon as lx
from evnews.claims.memo import per_article
from evnews.claims.mentions import Mention
from evnews.claims.pointers import FormerFigure
from evnews.claims.subjects import OBJECT_OWNER, TWIN_AFTER, joint_company, sentence_subject
from evnews.claims.needle_pattern import NeedlePattern
from evnews.claims.prefilter import with_first_char_guard
from evnews.claims.share_words import statement_after
from evnews.claims.timex import TimeMention, resolve

_RUMOR = NeedlePattern.of(lx.RUMOR_CUES, re.I)
_TARGET = with_first_char_guard(re.compile(lx.TARGET_CUES + r"|\bpreparing\s+to\b|\bto\s+launch\b|\bto\s+start\b|"
    # a level the figure "could eventually reach": a hedged plan, not a result
    r"\b(?:could|might|may|should)\s+(?:(?:eventually|ultimately|soon|one\s+day)\s+)?(?:reach|hit|rise\s+to|grow\s+to|climb\s+to|top|exceed|total|fall\s+to|drop\s+to)\b|"
    r"\bstill\s+(?:says|expects|plans|aims|maintains|insists|targets|intends)\b", re.I))
_ACTUAL = with_first_char_guard(re.compile(lx.ACTUAL_CUES, re.I))
_RATE_BY_DEADLINE = re.compile(
    r"(?:[^,;:]|,(?=\d)){0,50}?\b(?:a|per|each)\s+year\s+by\s+(?:the\s+end\s+of\s+)?(?:(?:fiscal|FY)\s*(?:year\s+)?)?(?:20\d\d|the\s+plan)\b", re.I
)
_MODAL_BEFORE = with_first_char_guard(re.compile(r"\b(?:to|will|would|shall|should|must|could|might|may|can)\s+(?:(?:not|also|still|soon|then|only|be|eventually|ultimately|probably|likely|even|one\s+day)\s+)*$|'ll\s+$", re.I))
# "In Europe, ...", "For China, ...", "Across Southeast Asia, ...": a scope for the whole sentence.
_LEADING_SCOPE = with_first_char_guard(re.compile(r"^\s*(?:In|For|Across|Within|Throughout|Outside|Elsewhere\s+in|Over\s+in)\s+[^,;]{2,40},"))
# A comma right before a time, with its preposition: ", by the end of fiscal 2023."
_SENTENCE_FINAL_TIME = re.compile(
    r",\s*(?:(?:by|before|within|in|at|until)\s+)?(?:the\s+(?:end|start|middle|close)\s+of\s+)?$", re.I
)
_SHARED_DEADLINE = re.compile(r"by\s+the\s+same\s+(?:date|time|point)\b", re.I)  # not "over the same period": its clause's own
_SEGMENT_END = re.compile(r"[,;](?!\d)")
_DONE_CLAUSE = re.compile(r"\W*(?:and|but)\s+(?:it\s+)?(?:has|have|had)\s+(?:already\s+)?\w+ed\b", re.I)  # "..., and has earmarked ¥400bn"
_BLANKED_ASIDE = re.compile(r",\s{4,},")
_BRACKET = re.compile(r"\([^()]*\)")
# A line's leading label scopes the line: "Europe: ...", in lists and notes also "- Europe:", "• **Europe**:".
_MARKET_LABEL = re.compile(r"^\s*(?:[-*•–]\s+)?(?:\*\*|__)?([A-Z][\w .&/-]{0,30})(?:\*\*|__)?:")
RELATIVE_CLAUSE = re.compile(r",\s+(?:where|which|who|whose|(?:in|of|under|for|with)\s+which)\b[^,]*,")
# "Honda, Nissan's would-be merger partner, is taking ...": a noun phrase set off by commas after a name
# describes it; a company named inside is not the subject. No verb may stand in it (that would be a clause).
APPOSITIVE = re.compile(
    r"(?<=[A-Za-z]),\s+(?:[A-Z][\w-]*['’]s|its|their|a|an|the)\s+(?:(?!(?:is|are|was|were|has|have|had|will|would|said|says|"
    r"plans?|aims?|and|but)\s)[\w'’-]+\s+){0,5}?(?:partner|rival|parent|affiliate|subsidiary|unit|owner|supplier|competitor|"
    r"ally|shareholder|peer|counterpart|sister\s+company|arm)\b[^,;]{0,30},"
)
_HYPOTHETICAL = with_first_char_guard(re.compile(r"\b(?:would|could|might|may)\b", re.I))
_CLAUSE_BREAK = re.compile(r",\s+(?:and|but|while|whereas|although|though)\s+|;\s+")
_CONTINUATION = re.compile(
    r"^\s*(?:Counting|Including|In\s+total|Together|Altogether|Of\s+(?:those|these|them|the)|[\w-]+\s+of\s+(?:the|those|these)\s+\d*)|"
    r"\btotal\s+number\b|\bin\s+total\b|\bover\s+the\s+same\s+period\b",
    re.I,
)


# Figures that belong to a place: "has invested £450m in building the car at the plant" is where the plant is.
SITE_METRICS = frozenset({"investment", "battery_capacity", "production_start", "other"})
_MADE_THERE = re.compile(r"\b(?:(?:built|made|produced|assembled|manufactured)\s+(?:there|at\s+the\s+(?:plant|site|factory))|off\s+the\s+line\s+there)\b")
_SITE_POINTER = with_first_char_guard(re.compile(
    r"\b(?:the|that|this)\s+(?:same\s+)?(?:plant|site|factory|facility|hub|gigafactory|works)\b|\bthere\b", re.I
))


@dataclass
class Context:
    """What the article has said so far (mutable while one article is read)."""

    anchor: dt.date | None
    focus: str  # the company the article is mostly about
    plan_end: int | None = None
    plan_start: dt.date | None = None  # when the text says the plan was presented ("the plan presented in May")
    seen_companies: list[str] = field(default_factory=list)  # in order of mention
    last_subject: str | None = None  # the first company of the previous sentence
    last_product: str | None = None
    last_horizon: int | None = None
    last_fiscal: bool = False
    rumor_paragraph: int | None = None
    lead_in_horizon: tuple[int | None, bool] | None = None  # (year, fiscal) of a list's lead-in
    lead_in_anchor: int | None = None  # announcement year of a list's lead-in
    # (paragraph, region, subject company) of the last sentence scoped "in Europe" / "for Europe"
    scope_region: tuple[int, str, str] | None = None
    # (paragraph, region) of the last plant site named ("a plant in Sunderland"): where the paragraph is
    site_region: tuple[int, str] | None = None
    # (sentence index, year) of the last dated announcement ("a plan it laid out in late November")
    recent_announcement: tuple[int, int] | None = None
    # the year of that announcement while a sentence points back at it ("At the time, ...", "That plan ...")
    pointer_anchor: int | None = None
    entry_anchor: dt.date | None = None  # the date of the timeline entry being read ("May 2020 - ...")
    # what the figures of replaced goals counted, for "it became 27 and 19" after them
    former: list[FormerFigure] = field(default_factory=list)

    def site_here(self, paragraph: int, metric: str, regions: list[Mention], sentence: str) -> str | None:
        """The region of the site the passage is about, for a figure tied to a place (money, plants,
        production) in a sentence that names no region itself: a site named before in the paragraph, or
        anywhere before when the sentence points at it ("at the plant", "next door", "the site")."""
        if (metric not in SITE_METRICS and not _MADE_THERE.search(sentence)) or self.site_region is None or regions:
            return None  # models "to be built there" are the site's; other counts are the company's
        if self.site_region[0] == paragraph or _SITE_POINTER.search(sentence):
            return self.site_region[1]
        return None


@functools.lru_cache(maxsize=256)
def clauses(sentence: str) -> list[tuple[int, int]]:
    """Clause spans: a sentence splits at ", and", ", while", ";" and similar."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _CLAUSE_BREAK.finditer(sentence):
        spans.append((start, m.start()))
        start = m.start() + 1
    spans.append((start, len(sentence)))
    return spans


def clause_of(spans: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    return next((s, e) for s, e in spans if s <= pos <= e)


def resolve_reference(mention: Mention, ctx: Context) -> str | None:
    """The company "the Japanese carmaker", "the Yokohama-based company" or "the company" means."""
    if mention.name:
        return mention.name
    if mention.descriptor == "plural":
        return joint_company(ctx.seen_companies[-6:]) or ctx.last_subject or ctx.focus
    if mention.descriptor.startswith("hq:"):
        return lx.HEADQUARTERS.get(mention.descriptor[3:])
    if mention.descriptor.startswith("nat:"):
        nationality = mention.descriptor[4:]
        for company in reversed(ctx.seen_companies):
            if lx.NATIONALITY.get(company) == nationality:
                return company
        return ctx.focus if lx.NATIONALITY.get(ctx.focus) == nationality else None
    return ctx.last_subject or ctx.focus


def company_for(
    pos: int, sentence: str, companies: list[Mention], products: list[Mention], ctx: Context, previous: str | None
) -> str | None:
    """The company a number at `pos` is about."""
    spans = clauses(sentence)
    start, end = clause_of(spans, pos)
    # "Mitsubishi Motors, in which Nissan holds a 24% stake, plans ...": skip names inside an aside
    # unless the number is in that aside too.
    asides = [(m.start(), m.end()) for m in RELATIVE_CLAUSE.finditer(sentence) if not m.start() <= pos < m.end()]
    asides += [(m.start(), m.end()) for m in APPOSITIVE.finditer(sentence) if not m.start() <= pos < m.end()]
    companies_all = companies
    companies = [c for c in companies if not any(s <= c.start < e for s, e in asides)]
    # "The Sakura and its Mitsubishi twin have taken half the market": the twin's maker is no subject
    companies = [c for c in companies if not TWIN_AFTER.match(sentence, c.end)]
    in_clause = [c for c in companies if start <= c.start < end]
    before = [c for c in in_clause if c.start < pos]
    if before and before[-1].descriptor == "plural":
        # "Ghosn, who runs both Nissan and Renault, said the two companies will ...": the names count
        # even inside the aside that introduced them.
        named = [c.name for c in companies_all if c.name and c.start < pos]
        return joint_company(ctx.seen_companies[-6:] + named) or resolve_reference(before[-1], ctx)
    if len(before) > 1 and OBJECT_OWNER.match(sentence, before[-1].end) and before[-1].text.lower().startswith("the "):
        # "Nissan will lead the alliance's work on solid-state cells and aims to launch them in 2028": the
        # owner of the object ("the alliance's work") is not who acts; the subject named before it is.
        return resolve_reference(before[-2], ctx)
    if before:
        return sentence_subject(sentence, companies, before[-1]) or resolve_reference(before[-1], ctx)
    after = [c for c in in_clause if c.start > pos and c.name]
    if after:
        return after[0].name
    if previous:
        return previous
    earlier = [c for c in companies if c.start < pos]
    if earlier:
        return resolve_reference(earlier[-1], ctx)
    makers = [p.company for p in products if p.company]
    return makers[0] if makers else ctx.last_subject or ctx.focus


@functools.lru_cache(maxsize=256)
def is_rumor(sentence: str) -> bool:
    """Does the sentence hedge what it reports ("according to people familiar", "reportedly")? Asked once
    per figure and date of a sentence, so the answer is kept."""
    return _RUMOR.search(sentence) is not None


_ATTRIBUTED = with_first_char_guard(re.compile(r"\b(?:said|says|announced|confirmed|stated|pledged|promised)\b", re.I))


def _stated_apart(sentence: str, pos: int) -> bool:
    """"In 2022 Nissan said it would start in 2025; trade press reports put the start at 2028": the hedge of one
    half of a semicolon-joined sentence does not reach a figure the other half attributes to the company."""
    if ";" not in sentence:
        return False
    start = sentence.rfind(";", 0, pos) + 1
    end = sentence.find(";", pos)
    part = sentence[start : end if end >= 0 else len(sentence)]
    return _RUMOR.search(part) is None and _ATTRIBUTED.search(part) is not None


def kind_for(pos: int, sentence: str, paragraph: int, ctx: Context, horizon: int | None) -> str:
    """target, actual or rumor: the hedge of the sentence, else the cue nearest before the number."""
    stated = _stated_kind(pos, sentence, ctx.rumor_paragraph == paragraph)
    if stated is not None:
        return stated
    # No cue: a year still ahead (of the text, or of the timeline entry read) is a plan, anything else is stated as fact.
    now = ctx.entry_anchor or ctx.anchor
    if horizon is not None and now is not None and horizon > now.year:
        return "target"
    return "actual"


@per_article  # asked again for the same figure once its year is settled
def _stated_kind(pos: int, sentence: str, in_rumor_paragraph: bool) -> str | None:
    """The kind the sentence's own words give a figure at `pos`, or None when they give none."""
    hedged = is_rumor(sentence) or (in_rumor_paragraph and _HYPOTHETICAL.search(sentence) is not None)
    if hedged and not _stated_apart(sentence, pos):
        return "rumor"
    start, end = clause_of(clauses(sentence), pos)
    if "year by" in sentence and _RATE_BY_DEADLINE.match(sentence, pos, end):
        return "target"  # "the figure was one million cars a year by 2022": a rate with a deadline is a goal
    before = _BRACKET.sub(lambda m: " " * len(m.group(0)), sentence[start:pos])  # "(the old figure was 50%)": an aside's verb
    cues = [(m.end(), "target") for m in _TARGET.finditer(before)] + [(m.end(), _actual_or_plan(before, m)) for m in _ACTUAL.finditer(before)]
    if cues:
        return max(cues)[1]
    after = statement_after(sentence[pos:end])
    cues = [(m.start(), "target") for m in _TARGET.finditer(after)] + [(m.start(), _actual_or_plan(after, m)) for m in _ACTUAL.finditer(after)]
    return min(cues)[1] if cues else None


def _actual_or_plan(text: str, cue: re.Match[str]) -> str:
    """A result verb under a modal or "to" ("is to hit 70%", "will pass", "expected to reach") states a plan."""
    return "target" if _MODAL_BEFORE.search(text, 0, cue.start()) else "actual"


def has_kind_cue(text: str) -> bool:
    """Does a stretch of text carry a verb of plan or result of its own?"""
    return bool(_TARGET.search(text) or _ACTUAL.search(text))


def anchor_year(times: list[TimeMention], pos: int, ctx: Context) -> dt.date | None:
    """The date relative phrases count from: a dated announcement before `pos`, else the article."""
    if ctx.anchor is None:
        return None
    for t in reversed([t for t in times if t.announcement and t.start < pos]):
        year = resolve(t, ctx.anchor, previous=ctx.last_horizon, plan_end=ctx.plan_end)
        if year is not None:
            return dt.date(year, 12, 31)
    if ctx.entry_anchor is not None:
        return ctx.entry_anchor
    if ctx.pointer_anchor is not None:
        return dt.date(ctx.pointer_anchor, 12, 31)
    if ctx.lead_in_anchor is not None:
        return dt.date(ctx.lead_in_anchor, 12, 31)
    return ctx.anchor


_RELATIVE_PRONOUN = with_first_char_guard(re.compile(r"\b(?:that|which|who)\b"))


_RELATIVE_AFTER_COMMA = re.compile(r",\s+(?:under|in|with|for|through|by)\s+which\b")


def _qualifies_later(sentence: str, pos: int, later: int | None, time: TimeMention) -> bool:
    if later is None or not pos < later < time.start:
        return False
    between = sentence[pos:later]
    if _RISING_TO.search(between) or time.kind == "year_before":
        return True  # "about 40% of sales, rising to 60% in FY2030", "..., down on the 34,083 of the year before": the later figure's
    return re.search(r",\s", between) is not None and _RELATIVE_PRONOUN.search(sentence, later, time.start) is not None


def _in_later_relative(sentence: str, pos: int, time: TimeMention) -> bool:
    """"a ¥2tn programme, under which it will introduce 15 EVs by 2030": the time is the relative clause's figure's."""
    which = _RELATIVE_AFTER_COMMA.search(sentence, pos, time.start)
    return which is not None and re.search(r"\d", sentence[which.end() : time.start]) is not None


_RISING_TO = re.compile(
    r"(?:,\s*(?:and\s+)?|\s+and\s+)(?:then\s+)?(?:(?:could|would|will|may|might|should|is\s+to)\s+(?:later\s+|eventually\s+|then\s+)?)?"
    r"(?:rising|rise|climbing|climb|growing|grow|increasing|increase|going\s+up|go\s+up|falling|fall|dropping|drop|declining|decline|"
    r"expanding|expand)\s+(?:further\s+)?to\s+"
    r"(?:(?:about|around|roughly|some|nearly|almost|more\s+than|over|at\s+least|as\s+much\s+as|up\s+to)\s+)?$",
    re.I,
)


def pick_time(times: list[TimeMention], pos: int, sentence: str, later: int | None = None) -> TimeMention | None:
    """The time a number at `pos` refers to: the first after it in its clause, else the nearest before.

    `later` is the start of the next figure of the sentence: a time in a relative clause after that
    figure is its own ("put $1.7bn into the site, helped by a $1.4bn loan that it took out in 2010").
    """
    start, end = clause_of(clauses(sentence), pos)
    usable = [t for t in times if not t.background]
    after = [t for t in usable if pos <= t.start < end and not _qualifies_later(sentence, pos, later, t)
             and not _in_later_relative(sentence, pos, t)]  # fmt: skip
    if after:
        return after[0]
    before = [t for t in usable if start <= t.end <= pos]
    if before:
        return before[-1]
    closing = [t for t in usable if t.start > pos and (_SHARED_DEADLINE.match(t.text) or _SENTENCE_FINAL_TIME.search(sentence, max(0, t.start - 40), t.start))
               and not sentence[t.end :].strip(" .;)’'\"”")]  # fmt: skip
    if closing:
        # "to offer it on 20 models, and to sell 1.5 million a year, by the end of fiscal 2023": a deadline set off
        # by a comma at the end of the sentence covers every clause before it, as does a closing "by the same date".
        return closing[0]
    before = [t for t in usable if t.end <= pos]
    # a clause telling what is already done ("..., and has earmarked ¥400bn") takes no deadline from the clause before
    return before[-1] if before and not _DONE_CLAUSE.match(sentence, start) else None


def horizon_for(
    time: TimeMention | None, times: list[TimeMention], pos: int, ctx: Context
) -> tuple[int | None, bool, bool]:
    """(horizon_year, fiscal_year, found) for a number; found is False when the text gives no time."""
    if time is None or ctx.anchor is None:
        return None, False, False
    if time.kind == "open":
        return None, False, True
    relative = ("relative", "decade", "ten_years", "next", "this", "last")
    if time.kind == "same":  # "in the same year": the time named before it in the sentence, else the last horizon
        named = [t for t in times if t.end <= time.start and not t.background and t.kind not in ("same", "open")]
        if named:
            return horizon_for(named[-1], times, named[-1].start, ctx)
    anchor = anchor_year(times, max(pos, time.start), ctx) if time.kind in relative else ctx.anchor  # "the ¥2tn it pledged in 2021 to spend over five years"
    if time.kind in ("months", "month") and ctx.entry_anchor is not None:
        anchor = ctx.entry_anchor  # "May 2020 - ... within 18 months", "2020 / December: ...": from the entry's date
    if time.kind == "plan_months" and ctx.plan_start is not None:
        anchor = ctx.plan_start  # "within 18 months of the plan's launch": counted from when the plan was presented
    year = resolve(time, anchor or ctx.anchor, previous=ctx.last_horizon, plan_end=ctx.plan_end)
    fiscal = ctx.last_fiscal if time.kind == "same" else time.fiscal
    return year, fiscal, True


def is_continuation(sentence: str) -> bool:
    """A sentence that goes on counting the statement before ("Of those eight models, ...")."""
    return bool(_CONTINUATION.search(sentence))


# A market named right before a figure ("Europe 75%+, Japan 55%+"; "Europe has taken 286,200").
_FIGURE_NEXT = re.compile(r"\s*:?\s*(?:(?:has|have)\s+(?:taken|bought|sold)\s+)?(?:about\s+|around\s+|some\s+)?[$€£¥]?")
_FIGURE_AFTER = re.compile(_FIGURE_NEXT.pattern + r"\d")  # the same lead-in, then the figure itself
_THE_COUNTRY = re.compile(r"\b(?:in|into|for|across)\s+the\s+country\b")
_NOT_COUNTRIES = frozenset({"global", "europe", "north_america", "asia", "latin_america"})


def region_for(
    pos: int,
    sentence: str,
    regions: list[Mention],
    paragraph: int,
    ctx: Context,
    default: str = "global",
    company: str | None = None,
) -> str:
    """First region after the number before the next comma, else the nearest before in its clause."""
    start, end = clause_of(clauses(sentence), pos)
    # a relative clause, or one the caller has already blanked (", which ... ," -> ",    ,")
    asides = [(m.start(), m.end()) for m in RELATIVE_CLAUSE.finditer(sentence)]
    asides += [(m.start(), m.end()) for m in _BLANKED_ASIDE.finditer(sentence)]
    # "(in China, where it sells through a joint venture, ...)": a bracket after the figure is an aside too
    asides += [(m.start(), m.end()) for m in _BRACKET.finditer(sentence, pos)] if "(" in sentence else []
    # "bring its e-POWER system, in which an engine charges the battery, to U.S. showrooms": an aside
    # set off by commas does not end the number's segment.
    tight = [r for r in regions if _FIGURE_NEXT.fullmatch(sentence, r.end, pos)]
    if tight and sum(1 for r in regions if _FIGURE_AFTER.match(sentence, r.end)) >= 2:
        return tight[-1].name  # "Europe has taken 286,200, North America 221,300 and Japan 186,200": each its own
    brk = next((b for b in _SEGMENT_END.finditer(sentence, pos) if not any(s <= b.start() < e for s, e in asides)), None)
    stop = min(brk.start(), end) if brk else end
    after = [r for r in regions if pos <= r.start < stop and not any(s <= r.start < e for s, e in asides)]
    if after:
        return after[0].name
    before = [r for r in regions if start <= r.start < pos and not any(s <= r.start < e for s, e in asides)]
    if before:
        return before[-1].name
    opening = _LEADING_SCOPE.match(sentence)
    if opening:  # "In Europe, X expects 40% by 2022, and for that share to reach 50% by 2025"
        named = [r for r in regions if r.end <= opening.end() and r.descriptor == "scope"]
        if named:
            return named[-1].name
    label = _MARKET_LABEL.match(sentence)
    if label:
        named = [r for r in regions if r.end <= label.end()]
        if named:
            return named[0].name  # "Europe: ... aims for 100% EV sales"
    # "More EVs are coming for Europe. The new Micra goes on sale this year": the scope of the
    # sentence before carries over, within the paragraph and for the same company only.
    if ctx.scope_region and ctx.scope_region[0] == paragraph and ctx.scope_region[2] in (company, None):
        return ctx.scope_region[1]
    # "... eight NEVs in China by 2026. Nissan will invest 10bn yuan in the country": the country named last.
    if ctx.scope_region and ctx.scope_region[1] not in _NOT_COUNTRIES and _THE_COUNTRY.search(sentence, start, end):
        return ctx.scope_region[1]
    return default
