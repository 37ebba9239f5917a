"""Stage 6a: the market a claim applies to when its own sentence names none.

News text states a market once and then leaves it implied: a story about a
plant in Sunderland gives "£423m to build the crossover at the site" no
country; a story on Japanese EV sales says "the Leaf added 7,100 over the
same twelve months"; "the cars Nissan sold at home" or "sold there" point at
a market said before. The reader (extractor.py) places a figure from its own
sentence; this pass reads the passage and the article around the claims it
left `global` with no market word of their own, and gives them the market
the context establishes, by what kind of figure they are:

- a market-bound product or maker (a kei car, a China-only model, a Chinese
  joint venture) places any figure about it;
- a figure tied to a place (money for a plant or project, battery capacity, a
  production start) takes the market of its passage (this paragraph or the one
  before), else the article's when the article is about one market;
- a single model going on sale takes the market of its passage;
- a sales figure takes a market only from its own sentence's market share
  ("41% of the Japanese EV market"), a pointer ("at home", "there"), or the
  sales figure just before it for the same period.

Company-wide figures (model counts, sales-share goals, plans named as such,
money to "electrify its line-up") stay global: an article's market does not
make a company's plan a national one. Another market named, "globally" or
"worldwide" in the sentence, or a money figure in another market's currency
breaks the inheritance.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import overload

from evnews.claims import lexicon as lx
from evnews.claims.local import blank_dateline
from evnews.claims.mentions import find_regions, find_sites
from evnews.claims.needle_pattern import NeedlePattern
from evnews.claims.prefilter import with_first_char_guard
from evnews.claims.sentences import Sentence
from evnews.models import Claim

PLACE_METRICS = frozenset({"investment", "battery_capacity", "production_start"})
SALES_METRICS = frozenset(
    {"ev_sales_volume", "electrified_sales_volume", "cumulative_sales", "ev_sales_share", "electrified_sales_share",
     "market_share"}
)  # fmt: skip
_SINGLE_MODEL_METRICS = frozenset({"ev_model_launches", "electrified_model_launches", "new_model_launches"})

# Money named where it goes: "into the project", "at the site", "a gigafactory next door".
_PLACE_NOUN = with_first_char_guard(re.compile(
    r"\b(?:plants?|factor(?:y|ies)|sites?|gigafactor(?:y|ies)|facilit(?:y|ies)|hub|works|project|programme|program|"
    r"line|operations|next\s+door|there|capacity|the\s+country|(?:local\s+)?supply\s+chain)\b",
    re.I,
))
_PLANT_NOUN = with_first_char_guard(re.compile(
    r"\b(?:plants?|factor(?:y|ies)|sites?|gigafactor(?:y|ies)|facilit(?:y|ies)|hub|works|line|next\s+door|there)\b", re.I
))
# Figures about the company at large: "to electrify its line-up", "¥2 trillion on electrification", "under its business plan".
_COMPANY_WIDE = re.compile(
    r"\b(?:its|their|the\s+company['’]s)\s+(?:whole\s+|entire\s+|global\s+)?(?:line-?up|range|portfolio|business)\b|"
    r"\belectrif(?:y|ying|ication)\b|\bbusiness\s+plan\b|\bmid-term\s+plan\b|^\W*Under\s+(?:its\s+|the\s+|that\s+)?(?:plan\b|(?-i:[A-Z]))",
    re.I,
)
# "commits ¥400 billion to battery capacity", "invest ... in battery supply": cells bought or built anywhere,
# money with no place of its own (unless a plant is named with it)
_ON_BATTERY_SUPPLY = re.compile(r"\b(?:on|to|in|into|for)\s+(?:securing\s+|more\s+|new\s+)?battery\s+(?:capacity|supply|supplies)\b", re.I)
# Pointers to the story's plant: "a gigafactory next door", "at the site".
_SITE_POINTER = with_first_char_guard(re.compile(
    r"\bnext\s+door\b|\b(?:the|that|this)\s+(?:same\s+)?(?:plant|site|factory|facility|gigafactory|works)\b", re.I
))
# Models made at the story's plant: "three electric models for this site", "to be built at the factory".
_FOR_THE_SITE = with_first_char_guard(re.compile(
    r"\b(?:for|at|in)\s+(?:the|that|this)\s+(?:same\s+)?(?:plant|site|factory|facility|works)\b", re.I
))
# Pointers to a market said before: "sold there", "its sales there".
_THERE = with_first_char_guard(re.compile(r"\b(?:sold|sells?|selling|sales|registered|delivered|built|made|invest\w*)\b[^,;.]{0,30}?\bthere\b", re.I))
# Any plan carried out in a market said before: "will launch ten new energy vehicles there".
_DONE_THERE = with_first_char_guard(re.compile(
    r"\b(?:launch\w*|introduc\w*|spend\w*|invest\w*|offer\w*|bring\w*|sell\w*|sold)\b[^,;.]{0,60}?\bthere\b", re.I
))
# The article's own total: not the part of one market stated just before.
_TOTAL = with_first_char_guard(re.compile(r"\b(?:total|in\s+all|overall|altogether|all\s+markets)\b", re.I))
_CURRENCY_MARKET = {"GBP": "uk", "JPY": "japan", "CNY": "china", "EUR": "europe", "INR": "india"}
# A Japanese carmaker budgets at home in yen: money it states in pounds, yuan or rupees is money spent
# where that currency is ("up to £1.12bn in the electric Qashqai", "10 billion yuan behind the push").
# Yen is the home budget, euros span many countries, and dollars (the reader's money in most wire copy)
# are not in the table: none of them names one market.
_SPENT_WHERE_PAID = {unit: market for unit, market in _CURRENCY_MARKET.items() if unit not in ("JPY", "EUR")}


def _bound_regex(table: tuple[tuple[str, str], ...]) -> NeedlePattern:
    return NeedlePattern([f"(?P<m{i}>{p})" for i, (p, _) in enumerate(table)], prefix=r"(?<![\w-])", suffix=r"(?![\w-])")


_MAKER_RE = _bound_regex(lx.MARKET_BOUND_MAKERS)
_PRODUCT_RE = _bound_regex(lx.MARKET_BOUND_PRODUCTS)


@dataclass(frozen=True, slots=True)
class _Said:
    """What one sentence says about markets."""

    markets: tuple[str, ...]  # markets named, in order (regions, plant towns, market-bound names)
    global_word: bool  # "globally", "worldwide", "global sales"
    maker: str | None  # the market of a market-bound maker named in it (a joint venture)
    product: str | None  # the market of a market-bound product named in it (a kei car)


def _read(sentence: Sentence) -> _Said:
    text = blank_dateline(sentence.text)  # "SUNDERLAND, England - ": where it was filed, not what it is about
    found: list[tuple[int, str]] = []
    global_word = False
    for r in find_regions(text):
        if r.name == "global":
            global_word = True
        elif r.name != "home":
            found.append((r.start, r.name))
    for site in find_sites(text):
        if not any(0 <= start - site.end <= 3 and name == site.name for start, name in found):
            found.append((site.start, site.name))  # "Tochigi, Japan" is one mention
    makers = [(m.start(), _bound_market(m, lx.MARKET_BOUND_MAKERS)) for m in _MAKER_RE.finditer(text)]
    products = [(m.start(), _bound_market(m, lx.MARKET_BOUND_PRODUCTS)) for m in _PRODUCT_RE.finditer(text)]
    found = sorted(found + makers + products)
    return _Said(
        tuple(name for _, name in found), global_word, makers[0][1] if makers else None, products[0][1] if products else None
    )


def _bound_market(match: re.Match[str], table: tuple[tuple[str, str], ...]) -> str:
    return table[int((match.lastgroup or "m0")[1:])][1]


@dataclass(frozen=True, slots=True)
class ArticleMarket:
    """The markets an article names most."""

    single: str | None  # the one market it is about: named 3+ times and in 70 % of its market mentions
    top: str | None  # the market it names most (ties: the first named)
    site: str | None  # the market of the plant town it names most


def article_market(said: Sequence[_Said], sentences: list[Sentence], title: str | None) -> ArticleMarket:
    """Market mentions counted over the title (twice) and the body."""
    counts: Counter[str] = Counter()
    sites: Counter[str] = Counter()
    for s in said:
        counts.update(s.markets)
    for sentence in sentences:
        sites.update(x.name for x in find_sites(sentence.text))
    if title:
        for name in _read(Sentence(title, -1, -1, 0)).markets:
            counts[name] += 2
        for site in find_sites(title):
            sites[site.name] += 2
    if not counts:
        return ArticleMarket(None, None, None)
    market, n = counts.most_common(1)[0]
    single = market if n >= 3 and n >= 0.7 * sum(counts.values()) else None
    return ArticleMarket(single, market, sites.most_common(1)[0][0] if sites else None)


def _passage_market(said: Sequence[_Said], sentences: list[Sentence], index: int, *, reach: int = 1) -> str | None:
    """The market last named in this paragraph (or up to `reach` paragraphs before), unless "globally"
    came after it."""
    paragraph = sentences[index].paragraph
    for i in range(index - 1, -1, -1):
        if sentences[i].paragraph < paragraph - reach:
            break
        if said[i].markets:
            return said[i].markets[-1]
        if said[i].global_word:
            return None
    return None


class _SaidOf(Sequence[_Said]):
    """What each sentence says of markets, read when first asked for: most claims look at their own
    sentence and the few before it, and an article without claims at none (`_read` is pure)."""

    def __init__(self, sentences: list[Sentence]) -> None:
        self.sentences = sentences
        self.kept: list[_Said | None] = [None] * len(sentences)

    def __len__(self) -> int:
        return len(self.sentences)

    @overload
    def __getitem__(self, index: int) -> _Said: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[_Said]: ...
    def __getitem__(self, index: int | slice) -> _Said | Sequence[_Said]:
        if isinstance(index, slice):
            return [self[i] for i in range(len(self))[index]]
        said = self.kept[index]
        if said is None:
            said = self.kept[index] = _read(self.sentences[index])
        return said


class _Context:
    def __init__(self, sentences: list[Sentence], title: str | None) -> None:
        self.sentences = sentences
        self.title = title
        self.said = _SaidOf(sentences)

    @functools.cached_property
    def article(self) -> ArticleMarket:
        """Counted over every sentence: worked out only for the claims whose market depends on it."""
        return article_market(list(self.said), self.sentences, self.title)

    def region(self, claim: Claim, before: list[Claim], every: list[Claim]) -> str:
        """The claim's market, from context where its sentence names none."""
        i = claim.sentence_index
        if not 0 <= i < len(self.sentences):
            return claim.region
        said, text = self.said[i], self.sentences[i].text
        if said.global_word:
            return claim.region
        if claim.region != "global":
            return self._checked(claim, text)
        bound = self._bound(claim, said)
        if bound:
            return bound
        if not said.markets and _DONE_THERE.search(text):  # "it will launch ten NEVs there": the market just named
            return _passage_market(self.said, self.sentences, i) or "global"
        if claim.metric in SALES_METRICS:
            return self._sales_region(claim, before, every, said, text) or "global"
        if claim.metric in PLACE_METRICS:
            return self._place_region(claim, said, text) or _foreign_money_market(claim, said, text) or "global"
        if claim.metric in _SINGLE_MODEL_METRICS and not said.markets and _FOR_THE_SITE.search(text):
            return self.article.site or "global"  # "that makes three electric models for this site": the story's plant
        if claim.metric in _SINGLE_MODEL_METRICS and claim.value == 1 and not said.markets:
            market = _passage_market(self.said, self.sentences, i)
            return market if market and market == self.article.single else "global"
        return "global"

    def _bound(self, claim: Claim, said: _Said) -> str | None:
        """A figure about a market-bound maker (anything it does) or product (not a count of models)."""
        if said.maker is not None and len(set(said.markets) - {said.maker}) == 0:
            return said.maker
        # "The N7 took 10,000 orders in China; Leaf sales passed 700,000": the Leaf's figure is not the N7's market's
        product = lx.MARKET_PRODUCTS.get(claim.product) if claim.product else said.product
        count = claim.metric.endswith("model_launches") and (claim.value or 0) > 1
        if product and not count and not (set(said.markets) - {product}):
            return product
        return None

    def _checked(self, claim: Claim, text: str) -> str:
        """A region the reader took from the paragraph (its sentence names none): for a figure tied to
        a place, the passage model below decides; a figure of the company at large is global."""
        said = self.said[claim.sentence_index]
        if said.markets or claim.metric not in PLACE_METRICS:
            return claim.region
        return self._place_region(claim, said, text) or ("global" if not self._place_fits(claim, text, claim.region) else claim.region)

    def _place_fits(self, claim: Claim, text: str, market: str | None) -> bool:
        if market is None or _COMPANY_WIDE.search(text):
            return False
        if claim.metric == "investment" and (not _PLACE_NOUN.search(text) or _buys_cells_anywhere(text)):
            return False
        if claim.metric == "battery_capacity" and not _PLANT_NOUN.search(text) and market != self.article.site:
            return False  # "Nissan wants 52 GWh of capacity by 2026": the company's, unless the story is about a plant there
        return _CURRENCY_MARKET.get(claim.unit or "") in (None, market)  # no "¥2tn" in a story on a US plant

    def _place_region(self, claim: Claim, said: _Said, text: str) -> str | None:
        """Where money, capacity or a production start goes: the first of these that fits."""
        i, article = claim.sentence_index, self.article
        currency = _CURRENCY_MARKET.get(claim.unit or "")
        if said.markets:
            # "£450m getting the plant ready, £300m of it in its UK operations": one market, the story's own
            named = set(said.markets)
            one = said.markets[0] if len(named) == 1 and (article.top in named or currency in named) else None
            return one if self._place_fits(claim, text, one) else None
        candidates = (
            article.site if _SITE_POINTER.search(text) else None,  # "next door", "the plant": the story's plant
            _passage_market(self.said, self.sentences, i, reach=0),
            article.single,
            _passage_market(self.said, self.sentences, i),
            article.top if currency == article.top else None,  # pounds in a story mostly about Britain
            # "£450 million getting the car into production ... the plant": pounds spent at a plant are spent in Britain
            currency if currency != "europe" and _SITE_POINTER.search(text) else None,
        )
        return next((m for m in candidates if self._place_fits(claim, text, m)), None)

    def _sales_region(self, claim: Claim, before: list[Claim], every: list[Claim], said: _Said, text: str) -> str | None:
        i = claim.sentence_index
        shares = [c.region for c in every if c.sentence_index == i and c.metric == "market_share" and c.region != "global"]
        if shares and set(said.markets) == {shares[-1]}:
            return shares[-1]  # "sold 34,000, or 41% of the Japanese EV market"
        if said.markets:
            return None
        if _THERE.search(text):
            return _passage_market(self.said, self.sentences, i)
        if claim.kind != "actual" or _TOTAL.search(text):
            return None
        recent = [c for c in before if i - 2 <= c.sentence_index < i and c.metric in SALES_METRICS and c.kind == "actual"]
        if recent and recent[-1].region != "global" and recent[-1].horizon_year == claim.horizon_year:
            return recent[-1].region  # "The Leaf added 7,100 over the same twelve months"
        return None


def _foreign_money_market(claim: Claim, said: _Said, text: str) -> str | None:
    """The market of a Japanese carmaker's money in a foreign currency, when nothing else places it."""
    market = _SPENT_WHERE_PAID.get(claim.unit or "")
    if market is None or claim.metric != "investment" or lx.NATIONALITY.get(claim.company) != "japanese":
        return None
    if said.markets and market not in said.markets:
        return None  # "$2bn for plants in Mexico and Brazil": the places named, not the currency
    if _COMPANY_WIDE.search(text) or _buys_cells_anywhere(text):
        return None  # "$17.6 billion to electrify its line-up": yen told in the reader's money
    return market


def _buys_cells_anywhere(text: str) -> bool:
    """"¥400 billion to secure battery supply": cells bought or built anywhere, unless a plant is named with it."""
    return _ON_BATTERY_SUPPLY.search(text) is not None and not _PLANT_NOUN.search(text)


def place_by_context(claims: list[Claim], sentences: list[Sentence], title: str | None) -> list[Claim]:
    """The claims, with a market from context for those left global by their own sentence."""
    context = _Context(sentences, title)
    out: list[Claim] = []
    for claim in claims:
        region = context.region(claim, out, claims)
        out.append(claim if region == claim.region else replace(claim, region=region))
    return out
