"""The claim extractor: body text -> claims (shared/spec/claims.md).

Pipeline, one pure function per stage:

    sentences (sentences.py) -> mentions (mentions.py, timex.py)
      -> numbers (numbers.py) -> frames (frames.py, dates.py, local.py)
      -> claims with company/kind/region/horizon (attribution.py)
      -> one claim per fact (merge.py)

`_Reader` walks the sentences in order, carrying the context that references
need ("it", "the Japanese carmaker", "at around the same time", a list's
lead-in); everything it calls is a pure function.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from evnews.claims import attribution as at
from evnews.claims import background as bg
from evnews.claims import former_words as fw
from evnews.claims import local as lc
from evnews.claims.coordination import elliptic_share, gapped_share, split_regions
from evnews.claims.frames import Frame, frame_number
from evnews.claims.dated import date_claims
from evnews.claims.mentions import Mention, Parsed, find_companies, find_products, find_regions, find_sites
from evnews.claims.list_items import lead_in_dates, lead_in_share, listed_share
from evnews.claims.market import place_by_context
from evnews.claims.memo import forget_article
from evnews.claims.merge import merge_repeats
from evnews.claims.numbers import NumberMention, find_numbers
from evnews.claims.parts import first_stated_whole
from evnews.claims.pointers import FormerFigure, replacing_figures, with_heading_figure
from evnews.claims.needle_pattern import NeedlePattern
from evnews.claims.prefilter import with_first_char_guard
from evnews.claims.sentences import Sentence, split_body
from evnews.claims.share_words import may_state_whole_share, whole_share_at
from evnews.claims.spent import settled_kind
from evnews.claims.statements import states_nothing
from evnews.claims.tables import row_text
from evnews.claims.timex import TimeMention, entry_date, find_times, resolve, year_heading
from evnews.claims.volumes import volume_metric
from evnews.models import Claim

_ANAPHOR = with_first_char_guard(re.compile(r"\b(?:the|these|those)\s+(?:cars?|vehicles?|models?|units)\b|\bit\b", re.I))
_VERB = with_first_char_guard(re.compile(r"\b(?:has|have|had|is|are|was|were|will|would|said|says|grown|sold|announced|reported)\b", re.I))
_PRONOUN_SUBJECT = re.compile(r"^\W*(?:[\w-]+,\s+)?(?:they|their|he|she|we|our)\b", re.I)
_COUNTING_ON = re.compile(r"\W*(?:Of\s+(?:those|these|them|the)|Counting|Including|In\s+total|Together|Altogether)\b", re.I)
_POINTER_START = with_first_char_guard(re.compile(r"^\s*(?:It|The\s+car|The\s+model|The\s+vehicle)\b"))
# "That gave the kei car 41% of the market": a singular vehicle noun points at the product named before.
_PRODUCT_POINTER = with_first_char_guard(re.compile(
    r"\b(?:the|this|that)\s+(?:[\w-]+\s+)?(?:car|model|vehicle|crossover|hatchback|sedan|saloon|SUV|van|EV)\b(?![\w-])", re.I
))
# A sentence that goes on about the result just stated: "That gave ...", "Even so, ...".
_BACK_POINTER = with_first_char_guard(re.compile(r"^\s*(?:That|This|Even\s+so|Even\s+then|Still|Yet)\b"))
# "Nissan said last March that 129,000 had been sold": an actual is as of the statement's date.
_SAID_BEFORE = with_first_char_guard(re.compile(
    r"\b(?:said|announced|reported|stated|confirmed|disclosed|revealed|told\s+[\w ]{1,30}?)\s+(?:in\s+|on\s+)?$", re.I
))
_STATEMENT_POINTER = with_first_char_guard(re.compile(
    r"^\s*(?:At\s+(?:the|that)\s+time|Back\s+then|At\s+that\s+point|Then|(?:That|This|The|Its)\s+(?:[\w-]+\s+)?"
    r"(?:plan|pledge|programme|program|strategy|roadmap|package|announcement|commitment))\b"
))
# "Sunderland will make three electric models": models built at a plant are that plant's.
_BUILT = with_first_char_guard(re.compile(r"\b(?:build|builds|built|building|make|makes|made|making|produce[sd]?|producing|assembl\w+|manufactur\w+)\b", re.I))
_PLAN_WORD = NeedlePattern.of(r"\bplan\b", re.I)
_WORDS = re.compile(r"\w+")
_PRODUCT_METRICS = frozenset({"cumulative_sales", "market_share", "adas_sales_volume", "adas_model_launches", "battery_cost"})


class _Reader:
    """Reads one article sentence by sentence, keeping the context references need."""

    def __init__(self, text: str, published: dt.date | None, title: str | None) -> None:
        self.ctx = at.Context(anchor=published, focus=lc.focus_company(text, title), plan_end=lc.plan_end_year(text))
        self.claims: list[Claim] = []
        self.previous_text = ""
        self.previous_paragraph = -1
        self.year_heading: int | None = None
        self.list_share: str | None = None  # the share a list's lead-in or first item named, for its bare items

    # -- context ------------------------------------------------------------
    def _remember(self, s: Sentence, companies: list[Mention], products: list[Mention], regions: list[Mention]) -> None:
        named = [c.name or at.resolve_reference(c, self.ctx) for c in companies]
        named = [n for n in named if n]
        self.ctx.seen_companies.extend(named)
        # "it" and "the company" in the next sentence mean this sentence's subject (a company
        # named at its head), otherwise the company the article is about.
        head = [c for c in companies if c.start < 40 and not _VERB.search(s.text[: c.start])]
        subject = (head[0].name or at.resolve_reference(head[0], self.ctx)) if head else None
        if subject is None and (_PRONOUN_SUBJECT.match(s.text) or _COUNTING_ON.match(s.text)) and self.ctx.last_subject:
            subject = self.ctx.last_subject  # "They will also ...", "Of those, 16 ...": still the subject named before
        self.ctx.last_subject = subject or self.ctx.focus
        if products:
            self.ctx.last_product = products[-1].name
        scoped = [r for r in regions if r.descriptor == "scope" and r.name != "global"]
        if scoped:
            self.ctx.scope_region = (s.paragraph, scoped[-1].name, self.ctx.last_subject or self.ctx.focus)
        sites = find_sites(s.text)
        if sites:
            self.ctx.site_region = (s.paragraph, sites[-1].name)
        if s.is_lead_in:
            self.ctx.lead_in_horizon, self.ctx.lead_in_anchor = lead_in_dates(s.text, self.ctx.anchor, self.ctx.plan_end)
            self.list_share = lead_in_share(s.text)
        elif not s.is_list_item:
            self.ctx.lead_in_horizon = self.ctx.lead_in_anchor = self.list_share = None
        self.previous_text = s.text
        self.previous_paragraph = s.paragraph
        self.year_heading = year_heading(s.text, self.year_heading)

    # -- one sentence -------------------------------------------------------
    def read(self, s: Sentence) -> None:
        # "YOKOHAMA, Japan, Nov 29 (AAW) - ": where the story was filed, not what it is about.
        original, first_new = s.text, len(self.claims)
        # a table row as a sentence; else "That is ..." under a bare figure reads as that figure
        text = row_text(s.text, s.table_header) or with_heading_figure(lc.blank_dateline(s.text), self.previous_text)
        if text != original:
            s = replace(s, text=text)
        companies, products = find_companies(text), find_products(text)
        regions = lc.home_regions(find_regions(text), companies, self.ctx)
        if at.is_rumor(text):
            self.ctx.rumor_paragraph = s.paragraph
        if not states_nothing(text):
            masked = lc.masked_spans(text)
            times = [t for t in find_times(text) if not lc.inside(t.start, masked)]
            self._point_back(s, times)
            self._note_plan_deadline(text, times)
            parsed = Parsed(s, companies, products, regions, times, masked)
            self._number_claims(parsed)
            self._date_claims(parsed)
        self._remember(s, companies, products, regions)
        if original != text:  # evidence is the sentence as written, dateline included
            self.claims[first_new:] = [replace(c, evidence=original) for c in self.claims[first_new:]]

    def _point_back(self, s: Sentence, times: list[TimeMention]) -> None:
        """"At the time, Nissan said it would invest ... over five years", "That plan is backed by ... over
        five years": relative times count from the announcement the sentences before dated."""
        self.ctx.pointer_anchor, self.ctx.entry_anchor = None, entry_date(s.text, self.ctx.anchor, self.year_heading)
        recent = self.ctx.recent_announcement
        if recent and recent[0] >= s.index - 3 and _STATEMENT_POINTER.match(s.text) and not any(t.announcement for t in times):
            self.ctx.pointer_anchor = recent[1]
        anchor = self.ctx.anchor
        for t in times:
            year = resolve(t, anchor, previous=None, plan_end=None) if t.announcement and anchor else None
            if year is not None:
                self.ctx.recent_announcement = (s.index, year)

    def _number_claims(self, p: Parsed) -> None:
        s, text, companies, products, regions, times = p.sentence, p.text, p.companies, p.products, p.regions, p.times
        numbers = find_numbers(text)
        time_spans = [(t.start, t.end) for t in times]
        if not any(lc.may_be_figure(n, time_spans, p.masked) for n in numbers) and not may_state_whole_share(text):
            return  # most sentences: no figure but years and dates, and no "only electric" share either
        pointer = self.ctx.last_product is not None and _PRODUCT_POINTER.search(text) is not None
        ownerless = not (companies or products or pointer) and not bg.COMPANY_PRONOUN.search(text)
        if ownerless and bg.names_a_market(text):
            return
        market_statistic = bool(numbers) and ownerless and bg.market_statistic(text, regions)
        third_party = numbers and bg.third_party_statement(text)
        if third_party:
            # "The Faraday Institution has estimated that the UK will need 140GWh": a forecast or goal of a
            # body that makes no cars; its figures are nobody's claim unless a carmaker is named before them.
            numbers = [n for n in numbers if any(c.start < n.start and c.name for c in companies)]
        sentence_claims: list[Claim] = []
        estimates: list[Claim] = []
        replaced = replacing_figures(text, numbers, self.ctx.former, s.index) if self.ctx.former else {}
        for n in numbers:
            if lc.inside(n.start, time_spans) or lc.excluded(text, n, numbers, p.masked):
                if not first_stated_whole(text, n, numbers, self.claims):
                    continue
            c_start, c_end = at.clause_of(at.clauses(text), n.start)
            if fw.SUPERSEDED_CLAUSE_RE.search(text[c_start : n.start]):
                self._remember_former(s, n, numbers, times)
                continue  # "had originally planned eight": a former figure
            window = lc.window(text, n, numbers, self.previous_text)
            former = replaced.get(n.start)
            frame = (
                frame_number(n, window)
                or (Frame(former.metric, former.unit) if former else None)
                or gapped_share(n, window, sentence_claims)
                or lc.coordinated(text, n, numbers, sentence_claims)
                or elliptic_share(n, window, *self._shares_before(s, sentence_claims))
                or listed_share(n, s, regions, self.list_share)
            )
            if frame is None:
                continue
            parent = sentence_claims[-1] if sentence_claims else self._recent_claim()
            metric = frame.metric
            if frame.child_of_previous and parent is not None and not metric:
                metric = parent.metric
            time = at.pick_time(times, n.start, text, lc.next_figure(numbers, n))
            year, fiscal, found = at.horizon_for(time, times, n.start, self.ctx)
            previous_company = sentence_claims[-1].company if sentence_claims else None
            company = at.company_for(n.start, text, companies, products, self.ctx, previous_company)
            kind = at.kind_for(n.start, text, s.paragraph, self.ctx, year)
            if not found:
                year, fiscal = self._inherited_horizon(s, frame.child_of_previous, parent, kind, company)
                kind = at.kind_for(n.start, text, s.paragraph, self.ctx, year)
            if former is not None:  # "it became 27 and 19": the replaced goal's deadline, and a goal again
                year, fiscal, kind = former.year, former.fiscal, "target"
            points_back = _POINTER_START.match(text) or _ANAPHOR.search(window.after) or _PRODUCT_POINTER.search(window.lead)
            product = lc.product_near(products, n.start, window) or (self.ctx.last_product if points_back else None)
            if frame.bare:
                if parent is None or parent.unit != frame.unit or parent.company != company:
                    continue
                if parent.metric == "sales_volume_increase":
                    continue  # "a million more a year than in 2023, when it sold 3.44 million": the base, no rise
                metric = parent.metric
                product = product or parent.product
            # "650,000 since 2010, including 42,000 last year": a part with its own period is that period's sales
            part_of_total = frame.bare and metric == "cumulative_sales" and found
            if frame.unit == "vehicles" and (metric in ("", "ev_sales_volume", "electrified_sales_volume") or part_of_total):
                # "Including the Leaf, which sold 7,100, ... in the period": a period named elsewhere in the sentence
                period = time if found else next((t for t in times if t.kind == "same" and not t.background), None)
                metric = volume_metric(
                    "" if part_of_total else metric, kind, window, product, company, found or period is not None, period, n, numbers
                ) or ("cumulative_sales" if part_of_total else "")
                if not metric:
                    continue
            if not metric:
                continue
            if kind == "actual" and (market_statistic or bg.market_clause(window.clause)):
                continue  # "Sales of electric cars in Europe rose to 2 million": the market's, nobody's claim
            kind = settled_kind(metric, kind, window.clause, text[: n.start], self.ctx.entry_anchor is not None)
            if metric == "cumulative_sales" and kind == "actual" and bg.period_of_other_figure(time, n, numbers, text):
                year, fiscal = None, False  # "sold 42,000 last year, bringing the total to 650,000": the total is as of now
            if kind == "actual" and year is None and self.ctx.anchor is not None:
                year = self._statement_year(times, text, n.start)  # as of the statement: its date, else the article's
            region = at.region_for(
                n.start, lc.blank_relative_clauses(text), regions, s.paragraph, self.ctx,
                lc.site_region(text, n.start) if metric in at.SITE_METRICS or _BUILT.search(window.clause) else "global",
                company,
            )  # a plant town names where money, capacity or built models go, not where a plan was shown
            if region == "global":
                region = self.ctx.site_here(s.paragraph, metric, regions, text) or region
            if region == "global" and frame.child_of_previous and parent is not None and not any(r.name == "global" for r in regions):
                region = parent.region  # "30 new models in Europe, 16 of them electrified": the part is where the whole is
            if metric not in _PRODUCT_METRICS:
                product = None
            product = product or lc.brand_in_clause(text, n.start, companies)
            claim = Claim(
                company=company or self.ctx.focus,
                metric=metric,
                kind=kind,
                evidence=text,
                value=round(n.value, 6),
                unit=frame.unit,
                qualifier=n.qualifier,
                region=region,
                horizon_year=year,
                fiscal_year=fiscal and year is not None,  # no year, nothing to be a fiscal year
                product=product,
                sentence_index=s.index,
            )
            # A range is two claims, its ends (the registry stores ranges as _low/_high targets).
            ends = [claim] if n.high is None else [claim, replace(claim, value=round(n.high, 6), qualifier="at_most")]
            if lc.is_estimate(window.before):
                estimates.extend(ends)  # an analyst's estimate: frames the figures after it, is no claim itself
            for end in ends:
                sentence_claims.extend(c for each in lc.split_each(end, text, n, regions) for c in split_regions(each, text, regions))
            if year is not None:
                self.ctx.last_horizon, self.ctx.last_fiscal = year, fiscal
        # "40% in the US, and in Europe every car it sells will be electric": only a stated 100% says it already
        if not any(c.metric == "ev_sales_share" and c.value == 100.0 for c in sentence_claims):
            sentence_claims.extend(self._whole_shares(p))
        self.claims.extend(c for c in sentence_claims if not any(c is e for e in estimates))
        if s.is_list_item:  # "Europe: 98 per cent of Nissan sales electrified." names the share of the items after it
            self.list_share = next((c.metric for c in sentence_claims if c.metric.endswith("_sales_share")), self.list_share)

    def _remember_former(self, s: Sentence, n: NumberMention, numbers: list[NumberMention], times: list[TimeMention]) -> None:
        """What a former goal's figure counted and by when, for figures that replace it in the next sentences."""
        frame = frame_number(n, lc.window(s.text, n, numbers, self.previous_text))
        if frame is not None and frame.metric:
            time = at.pick_time(times, n.start, s.text, lc.next_figure(numbers, n))
            year, fiscal, _ = at.horizon_for(time, times, n.start, self.ctx)
            self.ctx.former.append(FormerFigure(frame.metric, frame.unit, year, fiscal, s.index))

    def _whole_shares(self, p: Parsed) -> list[Claim]:
        """"Renault plans to sell only electric cars in Europe by 2030": a 100 % share stated in words."""
        s, companies, products, regions, times = p.sentence, p.companies, p.products, p.regions, p.times
        out: list[Claim] = []
        if not may_state_whole_share(s.text):
            return out
        for start, end in at.clauses(s.text):
            stated = whole_share_at(s.text[start:end])
            if stated is None:
                continue
            stated_at, metric = stated
            time = at.pick_time(times, end, s.text)
            year, fiscal, _ = at.horizon_for(time, times, end, self.ctx)
            if year is not None:  # "... by 2022. ProPILOT is to be on 20 models by the same date."
                self.ctx.last_horizon, self.ctx.last_fiscal = year, fiscal
            company = at.company_for(end - 1, s.text, companies, products, self.ctx, None)
            # the market named with the statement: "From 2030, every car we sell in Europe will be electric"
            region = at.region_for(start + stated_at, s.text, regions, s.paragraph, self.ctx, company=company)
            kind = at.kind_for(end - 1, s.text, s.paragraph, self.ctx, year)
            out.append(
                Claim(company or self.ctx.focus, metric, kind, s.text, 100.0, "percent", "exact",
                      region, year, fiscal, None, s.index)  # fmt: skip
            )
        return out

    def _statement_year(self, times: list[TimeMention], text: str, pos: int) -> int | None:
        said = [t for t in times if t.announcement and t.end <= pos and _SAID_BEFORE.search(text, 0, t.start)]
        anchor = self.ctx.entry_anchor or self.ctx.anchor  # a timeline entry states its facts as of its date
        year = resolve(said[-1], anchor, previous=None, plan_end=None) if said and anchor else None
        return year if year is not None else (anchor.year if anchor else None)

    def _inherited_horizon(self, s: Sentence, child: bool, parent: Claim | None, kind: str,
                           company: str | None) -> tuple[int | None, bool]:  # fmt: skip
        if child and parent is not None:
            return parent.horizon_year, parent.fiscal_year
        if kind == "actual" and parent is not None and parent.kind == "actual" and parent.company == company:
            if _BACK_POINTER.match(s.text) and parent.sentence_index >= s.index - 2:
                return parent.horizon_year, parent.fiscal_year  # "That gave it 41% ...": the period just stated
        if s.is_list_item and self.ctx.lead_in_horizon is not None:
            return self.ctx.lead_in_horizon
        if at.is_continuation(s.text) and parent is not None and parent.company == company and kind != "rumor":
            if parent.sentence_index >= s.index - 2:
                return parent.horizon_year, parent.fiscal_year
        return None, False

    def _note_plan_deadline(self, text: str, times: list[TimeMention]) -> None:
        """A plan named without its end year ("the plan called M.O.V.E. ... by 2022") ends at its first deadline;
        "the plan the company presented in May" dates the plan's start."""
        presented = [t for t in times if t.announcement and (t.month or t.kind == "absolute")]
        if presented and self.ctx.anchor and _PLAN_WORD.search(text):
            t = presented[0]
            year = resolve(t, self.ctx.anchor, previous=None, plan_end=None)
            if year is not None:
                self.ctx.plan_start = dt.date(year, t.month if t.kind == "month" and t.month else 6, 1)
        if self.ctx.plan_end is None:
            years = [t.year for t in times if t.kind == "absolute" and not t.background and t.year]
            if years and _PLAN_WORD.search(text):
                self.ctx.plan_end = max(years)

    def _shares_before(self, s: Sentence, sentence_claims: list[Claim]) -> tuple[Claim | None, Claim | None]:
        """The last share stated in this sentence, and the last of the sentence before within the paragraph."""
        here = next((c for c in reversed(sentence_claims) if c.unit == "percent"), None)
        last = self._recent_claim()
        same_paragraph = last is not None and last.sentence_index == s.index - 1 and self.previous_paragraph == s.paragraph
        return here, (last if same_paragraph and last is not None and last.unit == "percent" else None)

    def _recent_claim(self) -> Claim | None:
        return self.claims[-1] if self.claims else None

    def _date_claims(self, p: Parsed) -> None:
        lead_in = self.ctx.lead_in_horizon
        continues = p.sentence.is_list_item and p.text[:1].islower()
        if continues and lead_in and lead_in[0] and not any(not t.background for t in p.times):
            # "By the end of fiscal 2026 Nissan intends to:" / "bring e-POWER to the United States;": an item that
            # goes on with its lead-in's sentence has the lead-in's date, read as if the item ended with it.
            end = len(p.text)
            p = replace(p, times=[TimeMention(end, end, "", "absolute", lead_in[0], lead_in[1])])
        said = [c for c in self.claims if c.sentence_index == p.sentence.index]
        for claim in date_claims(p, self.ctx, self.previous_text, said, self.claims):
            self.claims.append(claim)
            self.ctx.last_horizon = claim.horizon_year


def read_article(text: str, published: dt.date | None, title: str | None = None) -> tuple[list[Claim], list[Sentence]]:
    """All candidate claims of a body, before repeated statements are merged."""
    forget_article()  # what the finders kept belongs to the article before
    reader = _Reader(text, published, title)
    seen: set[str] = set()
    sentences = split_body(text)
    for s in sentences:
        key = " ".join(_WORDS.findall(s.text)).lower()  # its words, whatever stands between them
        if key in seen:
            continue  # a page that repeats its text (or a pull quote) says it once
        seen.add(key)
        reader.read(s)
    return reader.claims, sentences


def extract_claims_from(text: str, published: dt.date | None, title: str | None = None) -> list[Claim]:
    if not lc.names_a_carmaker(text, title):
        return []  # a streaming deal's or a state budget's figures are nobody's EV plan
    claims, sentences = read_article(text, published, title)
    return merge_repeats(place_by_context(claims, sentences, title), sentences)
