"""The stories of the synthetic EV-news site: outlets, phrase pools and the draw of each page.

Page i's story depends only on (seed, i). Originals are composed from phrase
pools with names, numbers and years in the slots (claim-bearing sentences
between context and opinion); a share of pages are another outlet's light
edit of an earlier original. `generate_site.py` renders them as pages and feeds.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

BASE = "{{BASE}}"
LAYOUTS = ("blog", "wire", "paper", "aggregator")
OUTLETS = (
    ("voltwire", "VoltWire", "blog"), ("pacificautos", "Pacific Autos Daily", "wire"),
    ("ledgerbiz", "The Ledger Business", "paper"), ("plugfeed", "PlugFeed", "aggregator"),
    ("gridnotes", "Grid Notes", "blog"), ("eastwire", "East Motor Wire", "wire"),
    ("cityfinance", "City Finance Review", "paper"), ("evroundup", "EV Roundup", "aggregator"),
    ("chargehub", "ChargeHub Blog", "blog"), ("autoasia", "Auto Asia Newsroom", "wire"),
    ("marketpost", "The Market Post", "paper"), ("motorpulse", "Motor Pulse", "blog"),
)  # fmt: skip
AGGREGATOR = "plugfeed"
OUTLET_NAMES = [o[0] for o in OUTLETS]

COMPANIES = ("Nissan",) * 6 + (
    "Toyota", "Honda", "BYD", "Tesla", "Volkswagen", "Hyundai", "Kia", "Renault",
    "Mitsubishi", "Ford", "General Motors", "Stellantis", "BMW", "Mercedes-Benz",
)  # fmt: skip
REGIONS = ("Europe", "Japan", "China", "the US", "North America", "the UK", "India", "Southeast Asia")
MODELS = ("Leaf", "Ariya", "Sakura", "Micra", "Juke", "N7", "e-NV200", "Qashqai e-POWER", "Frontier EV")
PLANTS = ("Sunderland", "Tochigi", "Oppama", "Canton", "Smyrna", "Kyushu", "Wuhan", "Chennai", "Barcelona")
FIRST = ("Aiko", "Ben", "Carla", "Dev", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jon", "Keiko", "Luis", "Mara",
         "Nadia", "Owen", "Priya", "Quinn", "Rosa", "Sam", "Tomoko", "Uma", "Victor", "Wen", "Yusuf", "Zoe")  # fmt: skip
LAST = ("Abe", "Brennan", "Castillo", "Dubois", "Eriksen", "Fujita", "Gallo", "Hughes", "Ivanova", "Jensen",
        "Kato", "Lindqvist", "Moreau", "Nakamura", "Okafor", "Patel", "Rossi", "Sato", "Takahashi", "Varga")  # fmt: skip
FIRMS = ("Meridian Research", "Halcyon Capital", "Northgate Securities", "Sakura Advisory", "Blue Ridge Analytics",
         "Kestrel Partners", "Orion Mobility", "Tidewater Economics")  # fmt: skip
WORDS_NUM = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine", 10: "ten"}

# Word pools for the prose between claims: large enough that two unrelated
# stories rarely share a run of four words (real news shares almost none, and
# a shared phrase pool would make every page a near-duplicate candidate).
ADJ = ("rural", "coastal", "northern", "busy", "quiet", "crowded", "older", "younger", "wealthy", "modest", "skeptical",
       "eager", "local", "regional", "foreign", "domestic", "cautious", "bold", "weary", "hopeful", "new", "former",
       "veteran", "small", "large", "mid-sized", "suburban", "urban", "industrial", "early", "late", "frequent")  # fmt: skip
NOUN = ("buyers", "fleet managers", "suppliers", "engineers", "councils", "lenders", "landlords", "commuters",
        "taxi drivers", "insurers", "regulators", "economists", "unions", "retailers", "couriers", "farmers", "students",
        "investors", "planners", "mechanics", "installers", "utilities", "startups", "families", "pensioners",
        "delivery firms", "car clubs", "leasing companies", "importers", "city officials")  # fmt: skip
VERB = ("are weighing", "keep asking about", "have started comparing", "remain wary of", "are warming to",
        "openly question", "quietly welcome", "are lobbying over", "complain about", "have been testing",
        "are budgeting for", "are still debating", "rarely mention", "now expect", "are queuing for", "shrug at")  # fmt: skip
THING = ("home wallboxes", "used batteries", "rapid chargers", "lease rates", "resale values", "grid upgrades",
         "software updates", "heat pumps", "winter range", "parking rules", "tax credits", "insurance premiums",
         "battery warranties", "kerbside chargers", "solar tariffs", "repair costs", "fleet deals", "road pricing")  # fmt: skip
TOWN = ("Leeds", "Osaka", "Lyon", "Denver", "Pune", "Gdansk", "Porto", "Nagoya", "Austin", "Bristol", "Turin", "Sendai",
        "Tampere", "Graz", "Busan", "Perth", "Halifax", "Malmo", "Bilbao", "Utrecht", "Cork", "Brno", "Kobe", "Tucson")  # fmt: skip
TAIL = ("a survey found", "according to local reports", "figures from the trade body show", "dealers say",
        "one installer said", "a council spokesperson said", "the regional paper reported", "an industry group said")  # fmt: skip

# Claim templates: each a list of alternative openings, then a body.
TARGETS = (
    "{co} {plans} to launch {n} new {evs} {by} {fy}{year}, {tail}.",
    "{co} {expects} {evs} to account for {pct}% of its {region} sales {by} {fy}{year}.",
    "In {where}, {co} said it {plans} to sell {vol} {evs} a year {by} {year}.",
    "{co} {plans} to invest {money} in {tech} over the {span} years to {year}.",
    "Production of the {model} {due} at {plant} in {year}, {tail}.",
    "{co} {expects} electrified models to make up {pct}% of {scope} sales {by} {fy}{year}.",
    "{By_cap} {year}, {co} {plans} to offer {n} {evs} in {region}.",
)
ACTUALS = (
    "{co} {sold} {more} {vol} {evs} in {region} since {since}.",
    "In {past} {co} {sold} {vol} {evs} {scope}, up {pct}% on {prior}.",
    "Cumulative sales of the {model} {passed} {vol} units in {past}, {tail}.",
    "{evs_cap} made up {pct}% of {co}'s {region} sales in {past}, according to {firm}.",
)
RUMOURS = (
    "According to {sources}, {co} is weighing {n} more {evs} for {region} by {year}.",
    "Supplier schedules seen by {firm} suggest {co} could start building the {model} at {plant} in {year}.",
)
CONTEXT = (
    "{name}, an analyst at {firm}, {said} that {opinion}.",
    "{Opinion_cap}, {name} of {firm} {wrote} in a note to clients.",
    "Charging {infra} in {region}, where {stat}.",
    "Battery prices {battery}, which {effect}.",
    "Dealers in {region} {dealers}, {name} {said}.",
    "The {model} {review}, and {co} {hopes} it will {goal}.",
    "Rivals are not standing still: {co} {rival} in {region}.",
    "{co}'s shares {shares} on the news in {city} trading.",
) + ("{Prose_cap}.",) * 14
FILL = {
    "evs": ("electric vehicles", "EVs", "battery-electric cars", "electric cars", "zero-emission models",
            "fully electric models", "electric SUVs", "electric vans", "battery-powered cars"),  # fmt: skip
    "tail": ("the company said", "a spokesperson confirmed", "executives said", "its chief executive said",
             "according to a filing", "the plan shows", "officials said", "it said on Monday", "the statement added"),  # fmt: skip
    "sold": ("has sold", "has delivered", "has shipped", "has registered", "sold", "delivered"),
    "more": ("more than", "over", "nearly", "almost", "about", "some"),
    "prior": ("the year before", "a year earlier", "the previous year", "last year's total", "its earlier figure"),
    "scope": ("global", "worldwide", "its", "group", "domestic", "overseas"),
    "tech": ("electrification", "batteries", "new EV platforms", "charging", "solid-state cells", "software"),
    "sources": ("people familiar with the plans", "two people briefed on the matter", "trade press reports",
                "supplier documents", "three sources"),  # fmt: skip
    "plans": ("plans", "intends", "aims", "has pledged", "wants", "is preparing"),
    "expects": ("expects", "forecasts", "is targeting a mix in which", "projects that it wants"),
    "by": ("by", "by the end of", "no later than", "in"),
    "due": ("is due to start", "will begin", "is scheduled to start", "should get under way"),
    "passed": ("passed", "topped", "reached", "crossed"),
    "where": ("a briefing in Yokohama", "its annual results", "an investor presentation", "a statement on Tuesday",
              "a press release", "remarks to reporters"),  # fmt: skip
    "said": ("said", "argued", "told reporters", "noted", "cautioned", "pointed out"),
    "wrote": ("wrote", "argued", "said", "warned"),
    "opinion": ("the plan leaves little room for delays at the plants", "margins on small EVs remain thin",
                "demand for affordable models is stronger than expected", "the timeline looks ambitious",
                "the software gap with Chinese rivals is still wide", "subsidy cuts will test the targets",
                "the battery supply deals matter more than the model count", "investors want proof, not slides"),  # fmt: skip
    "infra": ("networks keep growing quickly", "remains patchy outside big cities", "is getting faster and cheaper",
              "operators report record use", "still trails sales"),  # fmt: skip
    "stat": ("public chargers doubled in two years", "most drivers still charge at home",
             "fast chargers sit mostly along motorways", "waiting times at peak hours have fallen"),  # fmt: skip
    "battery": ("have fallen sharply since the peak", "are edging down again", "stabilised this year",
                "vary widely between chemistries"),  # fmt: skip
    "effect": ("helps cheaper models", "eases pressure on margins", "has not yet reached showrooms",
               "matters most for small cars"),  # fmt: skip
    "dealers": ("report longer waiting lists", "say test drives are up", "are cutting prices on older stock",
                "want more affordable trims"),  # fmt: skip
    "review": ("has been well received by reviewers", "drew mixed reviews", "was restyled for this year",
               "gets a bigger battery"),  # fmt: skip
    "hopes": ("hopes", "expects", "is betting", "believes"),
    "goal": ("win back younger buyers", "lift volumes in cities", "compete on price", "replace older models"),
    "rival": ("cut prices again", "opened a new plant", "raised its own targets", "added a cheaper trim"),
    "shares": ("rose 2%", "slipped slightly", "closed flat", "jumped 4%", "fell 1.5%"),
    "city": ("Tokyo", "Frankfurt", "New York", "Paris", "Hong Kong"),
}
SIDEBAR = ("{co} to sell {vol} EVs a year by {year}", "Best EV deals this month: up to ${k},000 off",
           "{co} shares jump {pct}% after results", "Ranked: the {n} longest-range EVs of {year}",
           "{co} recalls {vol} cars over a software fault", "You have {k} free articles left this month")  # fmt: skip
COMMENTS = ("Didn't they promise {n} EVs by {year} last time?", "My {model} has done {vol} km with no trouble.",
            "Believe it when I see it.", "{pct}% by {year}? Ambitious.", "Prices still too high for most families.",
            "Charging near me is still a nightmare.")  # fmt: skip


@dataclass(frozen=True, slots=True)
class Story:
    index: int
    outlet: str
    title: str
    paragraphs: tuple[str, ...]
    published: dt.datetime
    author: str
    copy_of: int | None = None


class Filler:
    """Fills `{slot}` templates with this page's random choices."""

    def __init__(self, rng: random.Random, year: int) -> None:
        self.rng, self.year = rng, year
        self.main = rng.choice(COMPANIES)  # most sentences of a story are about one carmaker

    def sentence(self, template: str) -> str:
        r = self.rng
        n = r.randint(2, 30)
        values = {
            "co": self.main if r.random() < 0.7 else r.choice(COMPANIES), "region": r.choice(REGIONS), "model": r.choice(MODELS),
            "plant": r.choice(PLANTS), "firm": r.choice(FIRMS), "name": f"{r.choice(FIRST)} {r.choice(LAST)}",
            "n": WORDS_NUM.get(n, str(n)), "pct": str(r.choice((5, 10, 15, 20, 25, 30, 35, 40, 44, 50, 55, 58, 75, 98, 100))),
            "vol": f"{r.randint(1, 999) * r.choice((1000, 100, 10_000)):,}", "year": str(self.year + r.randint(0, 8)),
            "past": str(self.year - r.randint(0, 3)),
            "since": str(self.year - r.randint(2, 12)), "fy": r.choice(("", "", "fiscal ", "FY")),
            "money": r.choice((f"{r.randint(1, 9)} trillion yen", f"${r.randint(2, 60)} billion", f"EUR {r.randint(1, 40)}bn")),
            "span": WORDS_NUM[r.randint(3, 10)], "k": str(r.randint(2, 9)),
        }  # fmt: skip
        for slot, choices in FILL.items():
            values[slot] = r.choice(choices)
        values["prose"] = (f"{r.choice(ADJ)} {r.choice(NOUN)} in {r.choice(TOWN)} {r.choice(VERB)} {r.choice(ADJ)} "
                           f"{r.choice(THING)}, {r.choice(TAIL)}")  # fmt: skip
        values["By_cap"] = values["by"][0].upper() + values["by"][1:]
        values["evs_cap"] = values["evs"][0].upper() + values["evs"][1:]
        values["Opinion_cap"] = values["opinion"][0].upper() + values["opinion"][1:]
        values["Prose_cap"] = values["prose"][0].upper() + values["prose"][1:]
        return template.format(**values)


def _roll(seed: int, index: int) -> tuple[random.Random, str, float]:
    """The page's generator, outlet and the draw that decides whether it is a copy."""
    rng = random.Random(f"{seed}:{index}")
    return rng, OUTLETS[rng.randrange(len(OUTLETS))][0], rng.random()


def is_copy(seed: int, index: int, copy_share: float) -> bool:
    return index > 20 and _roll(seed, index)[2] < copy_share


def story(seed: int, index: int, copy_share: float) -> Story:
    """Page `index` of the site: an original story or a syndicated near-copy of an earlier original."""
    rng, outlet, roll = _roll(seed, index)
    if index > 20 and roll < copy_share:
        source_index = index - rng.randint(1, min(index, 400))
        while is_copy(seed, source_index, copy_share):
            source_index -= 1
        source = original(seed, source_index)
        if outlet == source.outlet:  # syndication is by another outlet
            outlet = OUTLETS[(OUTLET_NAMES.index(outlet) + 1) % len(OUTLETS)][0]
        return syndicate(source, index, outlet, rng)
    return original(seed, index)


def original(seed: int, index: int) -> Story:
    rng, outlet, _ = _roll(seed, index)
    published = dt.datetime(2014, 1, 1, 6, tzinfo=dt.timezone.utc) + dt.timedelta(minutes=rng.randrange(13 * 365 * 1440))
    fill = Filler(rng, published.year)
    paragraphs = []
    for _ in range(rng.randint(7, 14)):
        pool = rng.choices((TARGETS, ACTUALS, RUMOURS, CONTEXT), weights=(18, 10, 2, 70), k=rng.randint(2, 4))
        paragraphs.append(" ".join(fill.sentence(rng.choice(kind)) for kind in pool))
    headline = fill.sentence(rng.choice(TARGETS + ACTUALS)).rstrip(".")
    author = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    return Story(index, outlet, headline, tuple(paragraphs), published, author)


def syndicate(source: Story, index: int, outlet: str, rng: random.Random) -> Story:
    """Another outlet's light edit: new headline, a paragraph gone, house style swaps."""
    paragraphs = list(source.paragraphs)
    del paragraphs[rng.randrange(1, len(paragraphs))]
    swaps = (("%", " per cent"), ("electric vehicles", "EVs"), (" said", " says"), ("fully electric", "all-electric"))
    edited = []
    for text in paragraphs:
        for old, new in rng.sample(swaps, 2):
            text = text.replace(old, new)
        edited.append(text)
    title = f"{source.title.split(',')[0]}: what we know"
    return Story(index, outlet, title, tuple(edited), source.published + dt.timedelta(days=1), source.author, source.index)


def slug(s: Story) -> str:
    words = "".join(c if c.isalnum() else " " for c in s.title.lower()).split()[:8]
    return f"{s.published:%Y-%m-%d}-{'-'.join(words)}-{s.index}"


def page_url(s: Story) -> str:
    return f"{BASE}/{s.outlet}/{slug(s)}.html"
