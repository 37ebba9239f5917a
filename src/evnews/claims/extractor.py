"""The claim extractor: body text -> claims (shared/spec/claims.md).

Pipeline, one pure function per stage:

    sentences (sentences.py) -> mentions (mentions.py, timex.py)
      -> numbers (numbers.py) -> frames (frames.py, dates.py)
      -> claims with company/kind/region/horizon (attribution.py)
      -> one claim per fact (merge.py)
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import replace

from evnews.claims import attribution as at
from evnews.claims import lexicon as lx
from evnews.claims.dates import find_date_cues
from evnews.claims.frames import Frame, Window, frame_number, only_electric_share, powertrain
from evnews.claims.mentions import Mention, find_companies, find_products, find_regions, find_sites
from evnews.claims.merge import merge_repeats
from evnews.claims.numbers import NumberMention, find_numbers, is_year
from evnews.claims.sentences import Sentence, split_body
from evnews.claims.timex import find_times, resolve
from evnews.models import Claim

_SEGMENT_BREAK = re.compile(r"[,;](?!\d)|[()\[\]]|\s[-–—]\s|—")
_NAME_BEFORE = re.compile(r"(?<=\w\s)([A-Z][\w.-]*[A-Za-z])\s$")
_NOT_NAMES = frozenset("About Around Some Nearly Over More Only Just Almost Roughly Approximately Up In By To Of".split())
_ANAPHOR = re.compile(r"\b(?:the|these|those)\s+(?:cars?|vehicles?|models?|units)\b|\bit\b", re.I)
_RUMOR = re.compile(lx.RUMOR_CUES, re.I)
_CUMULATIVE_VERB = re.compile(
    r"\b(?:has|have|had|having)\s+(?:now\s+|already\s+)?(?:sold|delivered|reached|bought|passed|topped|shipped)\b|"
    r"\b(?:passed|topped|surpassed|crossed|reached|reach|hit)\b",
    re.I,
)
_RELATIVE_CLAUSE = at._RELATIVE_CLAUSE
_DATELINE = re.compile(r"^[A-Z][A-Z .'-]{2,}(?:,\s+[A-Z][\w .]+?)?,\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s+\d{4})?\s*(?:\([A-Z]+\))?\s*[-–—]\s")
_VERB = re.compile(r"\b(?:has|have|had|is|are|was|were|will|would|said|says|grown|sold|announced|reported)\b", re.I)
_POINTER_START = re.compile(r"^\s*(?:It|The\s+car|The\s+model|The\s+vehicle)\b")


def focus_company(text: str, title: str | None) -> str:
    """The company an article is mostly about (its title counts double)."""
    counts: Counter[str] = Counter()
    for chunk, weight in ((title or "", 2), (text, 1)):
        for mention in find_companies(chunk):
            if mention.name:
                counts[mention.name] += weight
        for product in find_products(chunk):
            counts[product.company] += weight
    return counts.most_common(1)[0][0] if counts else "Nissan"


def plan_end_year(text: str) -> int | None:
    """The end year of a named plan ("M.O.V.E. to 2022"), for "by the end of the plan"."""
    ends = [int(m.group("end")) for m in lx.PLAN_NAME_RE.finditer(text) if m.group("end")]
    return ends[-1] if ends else None


def _masked_spans(sentence: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in lx.PLAN_NAME_RE.finditer(sentence)]


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in spans)


def _window(sentence: str, n: NumberMention, numbers: list[NumberMention], context: str) -> Window:
    """The segment around a number (to the next comma, bracket or number) and its clause."""
    cut_before = [m.end() for m in _SEGMENT_BREAK.finditer(sentence, 0, n.start)]
    seg_start = cut_before[-1] if cut_before else 0
    nxt = _SEGMENT_BREAK.search(sentence, n.end)
    seg_end = nxt.start() if nxt else len(sentence)
    later = [o for o in numbers if o.start >= n.end]
    if later and re.fullmatch(r"\s*(?:and|or|to|-|–)\s*", sentence[n.end : later[0].start]):
        nxt2 = _SEGMENT_BREAK.search(sentence, later[0].end)
        seg_end = nxt2.start() if nxt2 else len(sentence)  # "40,000 and 45,000 units"
    elif later:
        seg_end = min(seg_end, later[0].start)
    start, end = at.clause_of(at.clauses(sentence), n.start)
    aside = next((m for m in _RELATIVE_CLAUSE.finditer(sentence) if m.start() <= n.start < m.end()), None)
    if aside is not None:  # the number sits in ", which has said it will launch 30 EV models,"
        start, end, plain = aside.start(), aside.end(), sentence
    else:
        plain = _blank_relative_clauses(sentence)
    return Window(
        before=sentence[seg_start : n.start],
        lead=sentence[start : n.start],
        rest=sentence[n.end : nxt.start() if nxt else len(sentence)],
        after=sentence[n.end : seg_end],
        clause=plain[start:end],
        sentence=sentence,
        context=context,
    )


def _excluded(sentence: str, n: NumberMention, numbers: list[NumberMention], masked: list[tuple[int, int]]) -> bool:
    """Numbers that are names, years, conversions or former figures."""
    if is_year(n) or _inside(n.start, masked):
        return True
    before = sentence[max(0, n.start - 60) : n.start]  # `$`-anchored patterns below: the tail is enough
    name = _NAME_BEFORE.search(before)
    if (
        name
        and not n.unit
        and name.group(1) not in _NOT_NAMES
        and not find_companies(name.group(1))
        and not find_regions(name.group(1))
    ):
        return True  # "Concept 20-23", "Model 3", "Renault 5"
    if n.unit and n.unit != "percent" and re.search(r"\(\s*(?:about|around|roughly|some|approximately|~|or)?\s*$", before):
        return any(o.unit and o.unit != "percent" and o.end <= n.start for o in numbers)  # a bracketed conversion
    if re.search(r"\b(?:those|these|the\s+same)\s+$", before):
        return True  # "those 3 new EVs": points back at a number stated before
    if n.value == 1 and n.is_word and re.match(r"^\s+of\b", sentence[n.end :]):
        return True  # "one of the first carmakers"
    return bool(lx.SUPERSEDED_BEFORE_RE.search(before[-40:]))


class _Reader:
    """Reads one article sentence by sentence, keeping the context references need."""

    def __init__(self, text: str, published: dt.date | None, title: str | None) -> None:
        self.ctx = at.Context(anchor=published, focus=focus_company(text, title), plan_end=plan_end_year(text))
        self.claims: list[Claim] = []
        self.previous_text = ""

    # -- context ------------------------------------------------------------
    def _remember(self, s: Sentence, companies: list[Mention], products: list[Mention], regions: list[Mention]) -> None:
        named = [c.name or at.resolve_reference(c, self.ctx) for c in companies]
        named = [n for n in named if n]
        self.ctx.seen_companies.extend(named)
        # "it" and "the company" in the next sentence mean this sentence's subject (a company
        # named at its head), otherwise the company the article is about.
        head = [c for c in companies if c.start < 40 and not _VERB.search(s.text[: c.start])]
        subject = (head[0].name or at.resolve_reference(head[0], self.ctx)) if head else None
        self.ctx.last_subject = subject or self.ctx.focus
        if products:
            self.ctx.last_product = products[-1].name
        scoped = [r for r in regions if r.descriptor == "scope" and r.name != "global"]
        if scoped:
            self.ctx.scope_region = (s.paragraph, scoped[-1].name, self.ctx.last_subject or self.ctx.focus)
        if s.is_lead_in:
            times = [t for t in find_times(s.text) if not t.background]
            announced = [t for t in find_times(s.text) if t.announcement]
            anchor = self.ctx.anchor
            self.ctx.lead_in_horizon = (
                (resolve(times[0], anchor, previous=None, plan_end=self.ctx.plan_end), times[0].fiscal)
                if times and anchor
                else None
            )
            self.ctx.lead_in_anchor = (
                resolve(announced[0], anchor, previous=None, plan_end=None) if announced and anchor else None
            )
        elif not s.is_list_item:
            self.ctx.lead_in_horizon = None
            self.ctx.lead_in_anchor = None
        self.previous_text = s.text

    # -- one sentence -------------------------------------------------------
    def read(self, s: Sentence) -> None:
        # "YOKOHAMA, Japan, Nov 29 (AAW) - ": where the story was filed, not what it is about.
        original, first_new = s.text, len(self.claims)
        s = replace(s, text=_DATELINE.sub(lambda m: " " * len(m.group(0)), s.text))
        text = s.text
        companies, products = find_companies(text), find_products(text)
        regions = _home_regions(find_regions(text), companies, self.ctx)
        if _RUMOR.search(text):
            self.ctx.rumor_paragraph = s.paragraph
        if not (lx.CANCELLED_RE.search(text) or lx.SUPERSEDED_SENTENCE_RE.search(text)):
            masked = _masked_spans(text)
            times = [t for t in find_times(text) if not _inside(t.start, masked)]
            self._note_plan_deadline(text, times)
            self._number_claims(s, companies, products, regions, times, masked)
            self._date_claims(s, companies, products, regions, times)
        self._remember(s, companies, products, regions)
        if original != text:  # evidence is the sentence as written, dateline included
            self.claims[first_new:] = [replace(c, evidence=original) for c in self.claims[first_new:]]

    def _number_claims(self, s: Sentence, companies, products, regions, times, masked) -> None:  # type: ignore[no-untyped-def]
        text = s.text
        numbers = find_numbers(text)
        time_spans = [(t.start, t.end) for t in times]
        sentence_claims: list[Claim] = []
        for n in numbers:
            if _inside(n.start, time_spans) or _excluded(text, n, numbers, masked):
                continue
            c_start, c_end = at.clause_of(at.clauses(text), n.start)
            if lx.SUPERSEDED_CLAUSE_RE.search(text[c_start : n.start]):
                continue  # "had originally planned eight": a former figure
            window = _window(text, n, numbers, self.previous_text)
            frame = frame_number(n, window) or _coordinated(text, n, numbers, sentence_claims)
            if frame is None:
                continue
            parent = sentence_claims[-1] if sentence_claims else self._recent_claim()
            metric = frame.metric
            if frame.child_of_previous and parent is not None and not metric:
                metric = parent.metric
            time = at.pick_time(times, n.start, text)
            year, fiscal, found = at.horizon_for(time, times, n.start, self.ctx)
            previous_company = sentence_claims[-1].company if sentence_claims else None
            company = at.company_for(n.start, text, companies, products, self.ctx, previous_company)
            kind = at.kind_for(n.start, text, s.paragraph, self.ctx, year)
            if not found:
                year, fiscal = self._inherited_horizon(s, frame.child_of_previous, parent, kind, company)
                kind = at.kind_for(n.start, text, s.paragraph, self.ctx, year)
            product = _product_near(products, n.start, window) or (
                self.ctx.last_product if _POINTER_START.match(text) or _ANAPHOR.search(window.after) else None
            )
            if frame.bare:
                if parent is None or parent.unit != frame.unit or parent.company != company:
                    continue
                metric = parent.metric
                product = product or parent.product
            if frame.unit == "vehicles" and metric in ("", "ev_sales_volume", "electrified_sales_volume"):
                metric = self._volume_metric(metric, kind, window, product, company, found, time)
                if not metric:
                    continue
            if not metric:
                continue
            if kind == "actual" and year is None and self.ctx.anchor is not None:
                year = self.ctx.anchor.year  # an actual without a year is as of the article
            region = at.region_for(
                n.start, _blank_relative_clauses(text), regions, s.paragraph, self.ctx, _site_region(text, n.start), company
            )
            if metric not in ("cumulative_sales", "market_share", "adas_sales_volume", "adas_model_launches", "battery_cost"):
                product = None
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
                fiscal_year=fiscal,
                product=product,
                sentence_index=s.index,
            )
            sentence_claims.extend(_split_each(claim, text, n, regions))
            if year is not None:
                self.ctx.last_horizon, self.ctx.last_fiscal = year, fiscal
        if not any(c.metric == "ev_sales_share" for c in sentence_claims):
            sentence_claims.extend(self._only_electric(s, companies, products, regions, times))
        self.claims.extend(sentence_claims)

    def _only_electric(self, s: Sentence, companies, products, regions, times) -> list[Claim]:  # type: ignore[no-untyped-def]
        out: list[Claim] = []
        for start, end in at.clauses(s.text):
            clause = s.text[start:end]
            if not only_electric_share(clause):
                continue
            time = at.pick_time(times, end, s.text)
            year, fiscal, _ = at.horizon_for(time, times, end, self.ctx)
            company = at.company_for(end - 1, s.text, companies, products, self.ctx, None)
            region = at.region_for(start, s.text, regions, s.paragraph, self.ctx, company=company)
            kind = at.kind_for(end - 1, s.text, s.paragraph, self.ctx, year)
            out.append(
                Claim(company or self.ctx.focus, "ev_sales_share", kind, s.text, 100.0, "percent", "exact",
                      region, year, fiscal, None, s.index)  # fmt: skip
            )
        return out

    def _volume_metric(self, metric: str, kind: str, w: Window, product: str | None, company: str | None,
                       found: bool, time) -> str:  # type: ignore[no-untyped-def]  # fmt: skip
        """Cumulative or per-period, and whether the vehicles counted are EVs at all."""
        segment = w.before + " " + w.after
        kind_of_car = {"ev_sales_volume": "ev", "electrified_sales_volume": "electrified"}.get(metric) or powertrain(segment)
        if kind_of_car is None and (company in lx.EV_ONLY_COMPANIES or product in lx.EV_PRODUCTS):
            kind_of_car = "ev"
        if kind_of_car is None and company in lx.NEV_ONLY_COMPANIES:
            kind_of_car = "electrified"
        cumulative = bool(lx.CUMULATIVE_RE.search(w.sentence)) or bool(re.search(r"\bcumulative\b", w.clause, re.I))
        if kind == "actual" and not cumulative:
            # "sold 1.31 million last year" counts a period; "added 45,000 before X replaced it this year" does not.
            between = w.sentence[w.sentence.find(w.after) : time.start] if time is not None else ""
            periodic = (
                found
                and time is not None
                and time.kind in ("absolute", "last", "this", "same", "month")
                and not re.search(r"\b(?:end|by)\b", time.text, re.I)
                and not re.search(r"\b(?:before|after|when|until|since|replaced)\b", between, re.I)
            )
            cumulative = not periodic or bool(_CUMULATIVE_VERB.search(w.clause))
        if kind_of_car is None or kind_of_car == "combustion":
            return ""
        if cumulative:
            return "cumulative_sales"
        return "electrified_sales_volume" if kind_of_car in ("electrified", "epower") else "ev_sales_volume"

    def _inherited_horizon(self, s: Sentence, child: bool, parent: Claim | None, kind: str,
                           company: str | None) -> tuple[int | None, bool]:  # fmt: skip
        if child and parent is not None:
            return parent.horizon_year, parent.fiscal_year
        if s.is_list_item and self.ctx.lead_in_horizon is not None:
            return self.ctx.lead_in_horizon
        if at.is_continuation(s.text) and parent is not None and parent.company == company and kind != "rumor":
            if parent.sentence_index >= s.index - 2:
                return parent.horizon_year, parent.fiscal_year
        return None, False

    def _note_plan_deadline(self, text: str, times) -> None:  # type: ignore[no-untyped-def]
        """A plan named without its end year ("the plan called M.O.V.E. ... by 2022") ends at its first deadline."""
        if self.ctx.plan_end is None and re.search(r"\bplan\b", text, re.I):
            years = [t.year for t in times if t.kind == "absolute" and not t.background and t.year]
            if years:
                self.ctx.plan_end = max(years)

    def _recent_claim(self) -> Claim | None:
        return self.claims[-1] if self.claims else None

    def _date_claims(self, s: Sentence, companies, products, regions, times) -> None:  # type: ignore[no-untyped-def]
        text = s.text
        spans = at.clauses(text)
        if not any(not t.background for t in times):
            return  # every date claim needs a date
        ev_context = powertrain(text + " " + self.previous_text) in ("ev", "electrified")
        sites = find_sites(text)
        previous: str | None = None
        for cue in find_date_cues(text, times, products, spans, ev_context):
            year, fiscal, _ = at.horizon_for(cue.time, times, cue.start, self.ctx)
            if year is None:
                continue
            company = at.company_for(cue.start, text, companies, products, self.ctx, previous)
            if cue.product:
                company = next((p.company for p in products if p.name == cue.product), company)
            kind = at.kind_for(cue.start, text, s.paragraph, self.ctx, year)
            if cue.metric == "ev_model_launches" and kind != "rumor":
                kind = "target"  # "goes on sale this year", "follows in 2026": stated ahead of the event
            region = "global" if cue.metric in ("carbon_neutrality", "technology_launch") else None
            if region is None and cue.metric == "production_start":
                start, end = at.clause_of(spans, cue.start)
                here = [x for x in sites if start <= x.start < end] or sites
                region = here[0].name if here else None
            if region is None:
                region = at.region_for(
                    cue.start, _blank_relative_clauses(text), regions, s.paragraph, self.ctx, company=company
                )
            value, unit = (1.0, "models") if cue.metric == "ev_model_launches" else (None, None)
            self.claims.append(
                Claim(company or self.ctx.focus, cue.metric, kind, text, value, unit, "exact", region, year, fiscal,
                      cue.product, s.index)  # fmt: skip
            )
            self.ctx.last_horizon = year
            previous = company


def _blank_relative_clauses(text: str) -> str:
    """Hide ", where ... ," asides (same length) so their regions do not scope the main clause."""
    return _RELATIVE_CLAUSE.sub(lambda m: "," + " " * (len(m.group(0)) - 2) + ",", text)


def _home_regions(regions: list[Mention], companies: list[Mention], ctx: at.Context) -> list[Mention]:
    """"its home market", "the car's homeland": the home region of the company in question."""
    if not any(r.name == "home" for r in regions):
        return regions
    named = [c.name for c in companies if c.name]
    company = named[0] if named else (ctx.last_subject or ctx.focus)
    home = lx.HOME_REGION.get(lx.NATIONALITY.get(company, ""), "")
    return [replace(r, name=home) if r.name == "home" else r for r in regions if r.name != "home" or home]


def _product_near(products: list[Mention], pos: int, w: Window) -> str | None:
    del pos
    for p in products:
        if p.text in w.before or p.text in w.after:
            return p.name
    return products[0].name if products else None


def _site_region(text: str, pos: int) -> str:
    """The region of a plant town named in the number's clause ("$1.4 billion in its Smyrna plant")."""
    start, end = at.clause_of(at.clauses(text), pos)
    sites = [x for x in find_sites(text) if start <= x.start < end]
    return sites[0].name if sites else "global"


def _coordinated(
    text: str, n: NumberMention, numbers: list[NumberMention], sentence_claims: list[Claim]
) -> Frame | None:
    """"75% of its sales in Europe, more than 55% in Japan and 40% in China": the later
    percentages share the first one's frame when only a region and a qualifier stand between."""
    if n.unit is None and n.value < 200 and re.match(r"^\s*(?:new\s+)?(?:by|in|within|over|before|$)", text[n.end :]):
        return _elliptic_count(text, n, numbers)
    if n.unit != "percent" or not sentence_claims or sentence_claims[-1].unit != "percent":
        return None
    earlier = [o for o in numbers if o.end <= n.start and o.unit == "percent"]
    if not earlier:
        return None
    gap = text[earlier[-1].end : n.start]
    if len(gap.split()) > 9 or re.search(r"[.;]|\bfrom\b|\bthan\s+the\b", gap) or at.has_kind_cue(gap):
        return None
    return Frame(sentence_claims[-1].metric, "percent")


def _elliptic_count(text: str, n: NumberMention, numbers: list[NumberMention]) -> Frame | None:
    """"Toyota plans 10 battery-electric models by 2026, while Nissan will add 19 by 2030": the bare
    count takes the frame of the model count stated before it in the sentence."""
    for earlier in reversed([o for o in numbers if o.end <= n.start and o.unit is None and o.value < 200]):
        frame = frame_number(earlier, _window(text, earlier, numbers, ""))
        if frame is not None and frame.unit == "models" and frame.metric:
            return Frame(frame.metric, "models")
    return None


def _split_each(claim: Claim, text: str, n: NumberMention, regions: list[Mention]) -> list[Claim]:
    """"Japan and China account for about 230,000 each": one claim per region."""
    if not re.match(r"^\s*each\b", text[n.end :]):
        return [claim]
    named = [r.name for r in regions if r.start < n.start and r.name != "global"]
    if len(named) < 2:
        return [claim]
    return [replace(claim, region=name) for name in dict.fromkeys(named)]


def read_article(text: str, published: dt.date | None, title: str | None = None) -> tuple[list[Claim], list[Sentence]]:
    """All candidate claims of a body, before repeated statements are merged."""
    reader = _Reader(text, published, title)
    seen: set[str] = set()
    sentences = split_body(text)
    for s in sentences:
        key = re.sub(r"\W+", " ", s.text).strip().lower()
        if key in seen:
            continue  # a page that repeats its text (or a pull quote) says it once
        seen.add(key)
        reader.read(s)
    return reader.claims, sentences


def extract_claims_from(text: str, published: dt.date | None, title: str | None = None) -> list[Claim]:
    claims, sentences = read_article(text, published, title)
    return merge_repeats(claims, sentences)
