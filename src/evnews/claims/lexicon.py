"""The claim extractor's vocabulary: names, places and cue words, as data.

Everything here is general English news usage about carmakers; nothing is
tied to one article. Patterns are regular-expression fragments matched
case-insensitively unless a table says otherwise.
"""

from __future__ import annotations

import re

from evnews.claims.needle_pattern import NeedlePattern
from evnews.claims.prefilter import with_first_char_guard

# Company names as news text writes them -> canonical company (claims.md).
# Longer, more specific names first: the first pattern that matches a span wins.
COMPANY_PATTERNS: tuple[tuple[str, str], ...] = (
    (r"Renault[\s–—-]*Nissan[\s–—-]*(?:&|and)?\s*Mitsubishi\s+[Aa]lliance", "Alliance"),
    (r"Renault,\s*Nissan\s*(?:&|and)\s*Mitsubishi\s+[Aa]lliance", "Alliance"),
    (r"Renault[\s–—-]*Nissan(?:[\s–—-]*Mitsubishi)?\s+[Aa]lliance", "Alliance"),
    (r"(?:the|The)\s+[Aa]lliance(?!\s+(?:Connected|partners))", "Alliance"),
    # "Nissan, Renault and Mitsubishi will share ...", "Renault and Nissan have sold a combined ...".
    (r"(?:Renault|Nissan|Mitsubishi)(?:\s+Motors)?(?:\s*,\s*(?:Renault|Nissan|Mitsubishi)(?:\s+Motors)?)*"
     r"\s*(?:,\s*)?(?:and|&)\s+(?:Renault|Nissan|Mitsubishi)(?:\s+Motors)?(?!['’]s)(?=\s+(?:have|has|will|plan|aim|are|were|together|jointly|sold|expect|intend|target|share))", "Alliance"),
    # "the partners", "both companies", "the three will ...": the partners together, not one of them.
    (r"(?:the|The)\s+(?:(?:two|three)\s+)?(?:partners|alliance\s+partners)|(?:both|Both)\s+partners|"
     r"(?:the|The)\s+three(?=\s+(?:sold|will|have|had|plan|aim|want|are|were|promise))", "Alliance"),
    # plurals are the brand's cars: "half of all Infinitis sold", "two Nissans"
    (r"Nissans|Nissan(?:\s+Motor(?:\s+Co(?:rp)?\.?(?:,?\s*Ltd\.?)?)?)?|NISSAN|Infinitis?|INFINITI|Datsuns?|Dongfeng\s+Nissan", "Nissan"),
    (r"Mitsubishi(?:\s+Motors?(?:\s+Corp\.?)?)?", "Mitsubishi"),
    (r"Renault(?:\s+Group)?|Ampere", "Renault"),
    (r"Toyotas|Toyota(?:\s+Motor(?:\s+Corp\.?)?)?|Lexus", "Toyota"),
    (r"Honda(?:\s+Motor(?:\s+Co\.?)?)?|Acura", "Honda"),
    (r"Tesla(?:\s+(?:Inc|Motors))?\.?", "Tesla"),
    (r"BYD", "BYD"),
    (r"Volkswagen(?:\s+Group)?|VW|Audi|Porsche|Skoda|Škoda|SEAT|Cupra", "Volkswagen"),
    (r"Hyundai(?:\s+Motor(?:\s+Group)?)?|Kia", "Hyundai"),
    (r"Ford(?:\s+Motor(?:\s+Co\.?)?)?", "Ford"),
    (r"General\s+Motors|GM|Chevrolet|Chevy|Cadillac|GMC|Buick", "GM"),
    (r"Stellantis|Peugeot|Citroen|Citroën|Fiat|Jeep|Opel|Vauxhall|Chrysler|Alfa\s+Romeo", "Stellantis"),
    (r"BMW|Mini(?=\s+(?:brand|Cooper|electric|EV))", "BMW"),
    (r"Mercedes(?:-Benz)?", "Mercedes-Benz"),
    (r"Geely|Volvo(?:\s+Cars)?|Polestar|Zeekr|Lotus", "Geely"),
    (r"SAIC(?:\s+Motor)?|MG\s+Motor|MG(?=\s+(?:brand|ZS|4|Cyberster))", "SAIC"),
    (r"Great\s+Wall(?:\s+Motor)?|GWM", "Great Wall"),
    (r"Tata(?:\s+(?:Motors|Group|Sons|Passenger\s+Electric\s+Mobility))?|Jaguar\s+Land\s+Rover|JLR|Jaguar", "Tata"),
    (r"Maruti\s+Suzuki", "Suzuki"),
    (r"Mahindra", "Mahindra"),
    (r"Li\s+Auto", "Li Auto"),
    (r"Leapmotor", "Leapmotor"),
    (r"Chery", "Chery"),
    (r"Changan", "Changan"),
    (r"VinFast", "VinFast"),
    (r"Xiaomi", "Xiaomi"),
    (r"Dacia|Alpine(?=\s+(?:brand|A\d|will|plans))", "Renault"),
    (r"Subaru", "Subaru"),
    (r"Mazda", "Mazda"),
    (r"Suzuki", "Suzuki"),
    (r"Xpeng|XPeng", "Xpeng"),
    (r"NIO|Nio", "Nio"),
    (r"Rivian", "Rivian"),
    (r"Lucid", "Lucid"),
)

# How descriptive references ("the Japanese carmaker") narrow the candidates.
NATIONALITY: dict[str, str] = {
    "Nissan": "japanese",
    "Toyota": "japanese",
    "Honda": "japanese",
    "Mitsubishi": "japanese",
    "Mazda": "japanese",
    "Subaru": "japanese",
    "Suzuki": "japanese",
    "BYD": "chinese",
    "Geely": "chinese",
    "Xpeng": "chinese",
    "Nio": "chinese",
    "Tesla": "american",
    "Ford": "american",
    "GM": "american",
    "Rivian": "american",
    "Lucid": "american",
    "Renault": "french",
    "Stellantis": "european",
    "SAIC": "chinese",
    "Great Wall": "chinese",
    "Li Auto": "chinese",
    "Leapmotor": "chinese",
    "Chery": "chinese",
    "Changan": "chinese",
    "Xiaomi": "chinese",
    "Tata": "indian",
    "Mahindra": "indian",
    "VinFast": "vietnamese",
    "Volkswagen": "german",
    "BMW": "german",
    "Mercedes-Benz": "german",
    "Hyundai": "korean",
}
# Brands that belong to a carmaker: a figure about the brand is the carmaker's, with the brand as product.
SUB_BRANDS: dict[str, str] = {"infiniti": "Infiniti", "datsun": "Datsun", "lexus": "Lexus", "acura": "Acura"}
HEADQUARTERS: dict[str, str] = {
    "yokohama": "Nissan",
    "toyota city": "Toyota",
    "tokyo": "Honda",
    "shenzhen": "BYD",
    "austin": "Tesla",
    "wolfsburg": "Volkswagen",
    "seoul": "Hyundai",
    "dearborn": "Ford",
    "detroit": "GM",
}
# "the Japanese carmaker", "the Yokohama-based company", "the automaker".
DESCRIPTOR_RE = NeedlePattern.of(
    r"\b(?:the|its|The|Its)\s+(?:(?P<nat>Japanese|Chinese|American|U\.S\.|US|French|German|Korean|South\s+Korean|Indian|Vietnamese)\s+|"
    r"(?P<hq>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)-based\s+)?"
    r"(?:carmaker|automaker|car\s*maker|auto\s*maker|company|firm|manufacturer|group|brand)\b"
)
# Companies that make only battery-electric cars: their "cars" are EVs.
EV_ONLY_COMPANIES: frozenset[str] = frozenset({"Tesla", "Rivian", "Lucid"})
# Companies that sell only battery-electric and plug-in hybrid cars ("new energy vehicles").
NEV_ONLY_COMPANIES: frozenset[str] = frozenset({"BYD"})

# Products and technology lines -> (canonical product, company).
PRODUCT_PATTERNS: tuple[tuple[str, str, str], ...] = (
    (r"all-solid-state\s+batter(?:y|ies)|solid-state\s+batter(?:y|ies)|ASSBs?", "all-solid-state battery", "Nissan"),
    (r"Qashqai\s+e-?POWER", "Qashqai e-POWER", "Nissan"),
    (r"Note\s+e-?POWER", "Note e-POWER", "Nissan"),
    (r"e-?POWER|e-?Power", "e-POWER", "Nissan"),
    (r"Pro\s?PILOT|Pro\s?Pilot", "ProPILOT", "Nissan"),
    (r"LEAFs?|Leafs?", "Leaf", "Nissan"),
    (r"Sakuras?", "Sakura", "Nissan"),
    (r"Ariyas?|ARIYA", "Ariya", "Nissan"),
    (r"N7", "N7", "Nissan"),
    (r"e-NV200", "e-NV200", "Nissan"),
    (r"Micra", "Micra", "Nissan"),
    (r"Juke", "Juke", "Nissan"),
    (r"Townstar", "Townstar", "Nissan"),
    (r"Qashqai", "Qashqai", "Nissan"),
    (r"Rogue", "Rogue", "Nissan"),
    (r"X-Trail", "X-Trail", "Nissan"),
    (r"Kicks", "Kicks", "Nissan"),
    (r"Serena", "Serena", "Nissan"),
    (r"Murano|Pathfinder|Altima|Sentra|Sylphy|Magnite|Navara", "Nissan model", "Nissan"),
    (r"Model\s+[SXY3]", "Model S/3/X/Y", "Tesla"),
    (r"Cybertruck", "Cybertruck", "Tesla"),
    (r"bZ4X", "bZ4X", "Toyota"),
    (r"Prius", "Prius", "Toyota"),
    (r"i-MiEV", "i-MiEV", "Mitsubishi"),
    (r"eK\s+X\s+EV", "eK X EV", "Mitsubishi"),
    (r"Outlander\s+PHEV", "Outlander PHEV", "Mitsubishi"),
    (r"Zoe|ZOE", "Zoe", "Renault"),
    (r"Megane\s+E-Tech", "Megane E-Tech", "Renault"),
    (r"ID\.\s?\d", "Volkswagen ID", "Volkswagen"),
)
# Products that are battery-electric (their unit sales are EV sales).
EV_PRODUCTS: frozenset[str] = frozenset(
    {"Leaf", "Sakura", "Ariya", "N7", "e-NV200", "Micra", "Townstar", "Model S/3/X/Y", "Cybertruck", "Volkswagen ID",
     "bZ4X", "i-MiEV", "eK X EV", "Zoe", "Megane E-Tech"}
)
TECHNOLOGY_PRODUCTS: frozenset[str] = frozenset({"all-solid-state battery", "ProPILOT", "e-POWER"})

# "Japanese sales", "Japanese EV sales", "the Chinese electric car market": an adjective names a market
# only before one of these nouns ("Japanese carmaker" is a nationality).
_MARKET_NOUN = (
    r"(?:(?:EV|BEV|electric[\s-](?:car|vehicle)|car|vehicle|passenger[\s-]car|new[\s-]car|auto)\s+)?"
    r"(?:market|buyers|customers|drivers|sales|range|registrations|deliveries|showrooms|dealers|dealerships)"
)
# Regions: pattern -> canonical region. Adjectives count only before a market noun.
REGION_PATTERNS: tuple[tuple[str, str], ...] = (
    (r"North\s+America(?:n)?", "north_america"),
    # US states where carmakers build or sell: a plant or a market there is in the US.
    (r"Tennessee|Mississippi|Kentucky|Michigan|Ohio|Texas|California|South\s+Carolina|Alabama|Indiana|Nevada|Arizona|"
     r"Illinois|New\s+York\s+State|Florida", "us"),
    (r"(?:the\s+)?United\s+States|U\.S\.(?!\$)|\bUS\b(?!\$)|USA|America(?!n)|American\s+" + _MARKET_NOUN, "us"),  # "US$9.5 billion" is a currency
    (r"(?:the\s+)?United\s+Kingdom|\bUK\b|U\.K\.|Britain|England|Scotland|Wales|British\s+" + _MARKET_NOUN, "uk"),
    (r"Europe|EU\b|European\s+" + _MARKET_NOUN.replace("range|", "range|Union|"), "europe"),
    (r"Japan|Japanese\s+" + _MARKET_NOUN, "japan"),
    (r"China|Chinese\s+" + _MARKET_NOUN, "china"),
    (r"India|Indian\s+" + _MARKET_NOUN, "india"),
    (r"Norway|Germany|France|Italy|Spain|the\s+Netherlands|Sweden|Denmark|Belgium|Switzerland|Austria|Poland|Portugal|Ireland|"
     r"(?:Norwegian|German|French|Italian|Spanish|Dutch|Swedish)\s+" + _MARKET_NOUN, "europe"),
    (r"South\s+Korea|Korea", "korea"),
    (r"Southeast\s+Asia|ASEAN", "asean"),
    (r"Middle\s+East", "middle_east"),
    (r"Australia", "australia"),
    (r"New\s+Zealand", "new_zealand"),
    (r"Brazil|Brazilian\s+" + _MARKET_NOUN, "brazil"),
    (r"Canada", "canada"),
    (r"Mexico", "mexico"),
    # "its home market" is the company's home; "the home market of Japan" names the country itself.
    (r"(?:home\s+market|homeland|domestic\s+market|home\s+country)(?!\s+of\s+[A-Z])|"
     r"(?:(?<=sold\s)|(?<=sells\s)|(?<=sales\s)|(?<=sell\s))at\s+home|domestic\s+sales|domestically", "home"),
    (r"worldwide|globally|global|all\s+over\s+the\s+world|around\s+the\s+world|across\s+the\s+world|world-?wide", "global"),
)
# Makers and products sold in one market only: what is said about them is that market's.
MARKET_BOUND_MAKERS: tuple[tuple[str, str], ...] = (
    (r"Dongfeng(?:\s+Nissan)?|Venucia", "china"),  # the Chinese joint venture and its brand
)
MARKET_BOUND_PRODUCTS: tuple[tuple[str, str], ...] = (
    (r"[Kk]ei(?:[\s-](?:cars?|class|segment|EVs?|vehicles?|models?|minicars?))?", "japan"),  # Japan's tiny-car class
    (r"Sakuras?|eK\s+X\s+EV", "japan"),
    (r"N7", "china"),  # Dongfeng Nissan's sedan for China
)
MARKET_PRODUCTS: dict[str, str] = {"Sakura": "japan", "eK X EV": "japan", "N7": "china"}
# A company's home market, by nationality.
HOME_REGION: dict[str, str] = {
    "japanese": "japan", "chinese": "china", "american": "us", "french": "europe", "german": "europe", "korean": "korea",
}  # fmt: skip

# Plant towns: a production start there is in the town's region.
PLANT_SITES: dict[str, str] = {
    "sunderland": "uk",
    "wearside": "uk",
    "smyrna": "us",
    "tennessee": "us",
    "canton": "us",
    "mississippi": "us",
    "decherd": "us",
    "kyushu": "japan",
    "oppama": "japan",
    "tochigi": "japan",
    "yokohama": "japan",
    "kitakyushu": "japan",
    "guangzhou": "china",
    "wuhan": "china",
    "dalian": "china",
    "chennai": "india",
    "aguascalientes": "mexico",
    "barcelona": "europe",
    "douai": "europe",
}

# Plan names whose number is a name, not a deadline: "Ambition 2030", "M.O.V.E. to 2022".
PLAN_NAME_RE = with_first_char_guard(re.compile(
    # "M.O.V.E. to 2022", "Pace to 2025" (plans known by name), "the Renaulution to 2025 plan", "its Drive to
    # 2026 strategy" (any capitalised name followed by a plan word): a named plan and its end year.
    r"(?:(?P<name>M\.O\.V\.E\.?|Power|Pace|Transformation)\s+to\s+(?P<end>20\d\d))|"
    r"(?:[A-Z][A-Za-z.:]+\s+to\s+(?P<end2>20\d\d)(?=\s+(?:plan|strategy|programme|program|roadmap|business\s+plan|mid-term\s+plan)\b))|"
    r"(?:\b(?:Ambition|Vision|Strategy|Agenda|Plan|Roadmap|Concept|Horizon|Mission)\s+(?P<year>20\d\d)\b)"
))
# Every plan name ends in a year 20xx: a text without "20" names no plan, and needs no search (issue 9).
PLAN_NAME_YEAR = "20"

# ---- Cue words -------------------------------------------------------------

# Powertrain words: the frame asks which of these are near a number.
HYBRID_CUES = (
    r"electrified|electrification|e-?POWER|e-?Power|hybrids?|plug-in|PHEVs?|new[\s-]+energy\s+(?:vehicles?|models?|cars?)|NEVs?|"
    r"electric\s+or\s+e-?Power|EVs?\s+and\s+e-?POWER"
)
EV_CUES = (
    r"electric|EVs?\b|BEVs?\b|battery[\s-]+electric|battery[\s-]+(?:cars?|vehicles?|models?|powered)\b|all-electric|zero-emission|fully\s+electric|pure\s+electric|"
    r"electric\s+(?:cars?|vehicles?|models?)|"
    # "15 of which will run on batteries alone": the words for a car with no engine at all
    r"\bbatter(?:y\s+power|ies)\s+(?:alone|only)\b"
)
COMBUSTION_CUES = r"combustion|petrol|gasoline|diesel|\bICE\b"

# Kinds.
RUMOR_CUES = (
    # "according to people familiar", "according to media reports"; not the company's own ("its sales reports")
    r"is\s+considering|are\s+considering|was\s+considering|according\s+to\s+(?:(?!its\b|their\b|official\b|company\b|sales\b|"
    r"annual\b|quarterly\b|financial\b|earnings\b)\w+\s+){0,3}(?:sources|people|insiders|reports?)|"
    # unpublished papers passed on by others: "according to a letter described by two trade publications"
    r"according\s+to\s+(?:an?|the)\s+(?:\w+\s+)?(?:letter|memo|notice|document|email|presentation|filing\s+seen)\b|"
    r"(?:magazines?|newspapers?|outlets?|publications?|websites?|blogs?|media|press)\s+(?:have|has|had)\s+reported|"
    r"(?:has|have|had)(?:n['’]t|\s+not)\s+(?:yet\s+)?confirmed|(?:declined|refused)\s+to\s+confirm|did(?:n['’]t|\s+not)\s+confirm|"
    r"people\s+(?:familiar|with\s+knowledge)|sources\s+(?:familiar|said|say|close)|reportedly|is\s+said\s+to|are\s+said\s+to|"
    # unpublished papers and second-hand reports ("supplier schedules reported by the trade press", "a leaked memo")
    r"(?:supplier|suppliers['’]|dealer|internal|leaked|confidential)\s+(?:schedules?|documents?|memos?|notices?|sources|plans?|briefings?|"
    r"presentations?|emails?)|reported\s+by\s+(?:the\s+)?(?:trade\s+|local\s+|business\s+)?(?:press|media|newspapers?)|"
    r"(?:media|press|trade[\s-]press)\s+reports?|rumou?r|insiders|is\s+being\s+discussed|"
    r"according\s+to\s+(?:the\s+|a\s+)?(?:Nikkei|Reuters|Bloomberg|Kyodo|Yomiuri|Asahi|Mainichi|media|press|local\s+media|newspaper|daily)|"
    r"is\s+in\s+talks|could\s+consider|may\s+consider|is\s+weighing|is\s+mulling|unconfirmed|would\s+not\s+confirm"
)
TARGET_CUES = (
    # "Regional goals were set for fiscal 2026": the goals' "were" dates their setting, it states no result
    # (first, so that it wins over the bare "goals" at the same place)
    r"\b(?:goals?|targets?|objectives?)\s+(?:were|was|have\s+been|has\s+been)\s+(?:set|raised|lowered|revised|announced)\b|"
    r"\bwill\b|\bwould\b|\bplans?\b|\bplanned\b|\bplanning\b|\baims?\b|\baiming\b|\baimed\b|\btargets?\b|\btargeting\b|"
    r"\bgoals?\b|\bexpects?\b|\bexpected\b|\bwants?\b|\bpledged?\b|\bpromised?\b|\bpromises\b|\bcommit(?:s|ted|ment)?\b|"
    r"\bintends?\b|\bobjective\b|\bambition\b|\bis\s+to\b|\bare\s+to\b|\bdue\b|\bcoming\b|\bset\s+to\b|\bgoing\s+to\b|\bat\s+a\s+later\b|"
    r"\binvesting\b|\bexpanding\b|\bworking\s+on\b|\bdeveloping\b|\bforecasts?\b|\bseeks?\b|\bhopes?\b|\bstriv(?:e|es|ing)\b|\bon\s+track\b|\bby\s+(?:fiscal\s+)?(?:year\s+)?20\d\d|"
    # a schedule in the present tense ("goes on sale this year", "a city car follows in 2026"); "and later to $65"
    r"\b(?:goes|go)\s+on\s+sale\b|\band\s+later\s+to\b|\b(?:follows|arrives|debuts|lands)\s+(?:in|by|next|this|later|early|late)\b|"
    # a target restated ("is keeping its target of", "reaffirmed its goal", "stands by its plan")
    r"\b(?:keep|keeps|keeping|kept|maintain(?:s|ed|ing)?|retain(?:s|ed|ing)?|reaffirm(?:s|ed|ing)?|reiterat(?:e|es|ed|ing)|"
    r"stick(?:s|ing)?\s+(?:to|with)|stands?\s+by)\s+(?:its|the|their)\s+(?:[\w-]+\s+)?(?:target|goal|aim|plan|pledge|forecast)"
)
ACTUAL_CUES = (
    r"\bsold\b(?!\s+(?:every|each|a|per)\s+year|\s+annually)|\bdelivered\b|\breached\b|\bpassed\b|\btopped\b|\bachieved\b|\bsurpassed\b|\bexceeded\b|\bhit\b|"
    r"\bbought\b|\bregistered\b|\bshipped\b|\bhas\s+sold\b|\bhave\s+sold\b|\bcrossed\b|\bmilestone\b|\bcelebrated\b|"
    r"\bbegan\b|\bstarted\b|\bmoved\b|\b(?:went|gone)\s+to\b|\baccounted\s+for\b|\b(?:comes?|came)\s+in\s+at\b|\bst(?:ood|ands?)\s+at\b|"
    r"\bamount(?:s|ed)\s+to\b|\badded\b(?!\s*(?:that\b|[:,.]|$))|\b(?:collected|received|secured|logged|booked|garnered|racked\s+up)\b|"
    r"\bbuilt\b|\bfallen\b|\btotal(?:led|ed)\b|\bbecame\b|\bwas\b|\bwere\b|\btook\b|\bmade\s+up\b|\brepresented\b"
)

# Nouns that make a number something other than an EV claim when they follow it.
NON_CLAIM_UNITS_RE = with_first_char_guard(re.compile(
    r"^\s*(?:-|\s)?(?:(?:new|more|of\s+its)\s+)?(?:(?-i:[A-Z][A-Za-z.]+)\s+(?=(?:plants?|factories|sites|jobs|staff|employees|"
    r"workers|dealers?|dealerships?|stores)\b))?(?:jobs?|staff|employees|workers|people(?!\s+(?:have\s+|had\s+)?bought)|positions|roles|plants?|factories|sites|"
    r"platforms?|days?|years?|months?|weeks?|hours?|minutes?|seconds?|km|kilomet(?:er|re)s?|miles?|mph|km/h|"
    r"kWh|kilowatt-hours?(?!\s*(?:of|in)\s+capacity)|kW\b|kilowatts?|hp|horsepower|bhp|Nm|seats?|dealers?|dealerships?|stores?|"
    r"countries|markets|sources|times|percentage\s+points?|points?|degrees?|inch(?:es)?|kg|tonnes?|tons?|liters?|litres?|"
    r"cells?\b|chargers?|charging\s+(?:points|stations)|stations|th\b|st\b|nd\b|rd\b|shares?\b|members|votes|pages|"
    r"free\s+articles|articles|comments|readers|subscribers|followers|yuan\s+(?:a|per)\s+(?:share|unit))",
    re.I,
))
# "7,000 high-power chargers", "30,000 public charge points": a count of chargers, whatever one or two
# words describe them, is no count of cars ("5,000 EVs and chargers" still counts the EVs).
CHARGE_POINTS_RE = re.compile(
    r"^\s*(?:(?!(?:and|or|EVs?|cars?|vehicles?|units|vans)\b)[\w-]+\s+){0,2}"
    r"(?:chargers?|charg(?:e|ing)[\s-](?:points?|stations?|posts?|ports?|bays|hubs?|sites?|plugs?)|wallboxes|charging\s+sockets)\b",
    re.I,
)
# Words around a money figure that make it profit, loss, cost-cutting or a price.
MONEY_NON_CLAIM_RE = with_first_char_guard(re.compile(
    r"\b(?:profit|loss|losses|revenue|sales\s+of|margin|earnings|income|cost\s+cuts?|cost[\s-]+(?:reductions?|cutting)|costs|savings|price[sd]?|priced|starts?\s+at|"
    r"costing|valued?|valuation|market\s+value|capitali[sz]ation|fine[sd]?|tariffs?|dividend|buyback|debt|bonds?|"
    r"share\s+price|shares|subsidy|subsidies|tax\s+credit|net\s+loss|loans?|grants?|"
    r"(?:a|the)\s+cost\s+to\s+(?:my|our|his|her|their|the)\b)\b",  # "at a cost to my business of $600 a week": a loss, not an outlay
    re.I,
))
INVESTMENT_CUES_RE = re.compile(
    # "a £1 billion 'EV36Zero' hub", "£2bn of fresh money": money named by what it builds or as new money
    r"^\s*(?:['‘\"“]?[A-Z][\w-]*['’\"”]?\s+)?(?:battery\s+)?(?:plant|factory|gigafactory|facility|hub)\b|^\s*of\s+(?:fresh|new|additional|extra)\s+(?:money|funding|capital)\b|"
    # "will put in up to £1.12bn", "is putting ten billion yuan behind that"
    r"\b(?:put|puts|putting)\s+in\s+(?=(?:(?:up\s+to|about|around|some|nearly|almost|more\s+than|over|as\s+much\s+as|another|a\s+further)\s+)?[£$€¥₹\d])|\b(?:put|puts|putting)(?=(?:[^.;]|\.(?=\d)){0,40}\bbehind\b)|"
    r"\b(?:invest(?:s|ed|ing|ment|ments)?|pledged?|commit(?:s|ted|ting|ment)?|spend(?:s|ing)?|spent|allocat(?:e|es|ed|ing)|"
    r"earmark(?:s|ed)?|fund(?:s|ed|ing)?|capital\s+expenditure|capex|pour(?:s|ed|ing)?|put\s+up|outlay|"
    r"to\s+(?:speed\s+up|accelerate|drive|push)\s+(?:its\s+|the\s+)?electrification|"
    r"(?:put|puts|putting|plough\w*|plow\w*|pump\w*|inject\w*|sink\w*)(?=(?:[^.;]|\.(?=\d)){0,40}\binto\b)|backed\s+by|backing)\b|^\s*Investment\s*:|"
    # "an electrification budget of ¥2 trillion": money set aside for the EV plan
    r"\b(?:electrification|electric|EV|battery|investment|capital)\s+budgets?\b|"
    # money a plant is given: "the plant will get $500 million for the job"
    r"\b(?:plant|factory|gigafactory|facility|site)\s+(?:will\s+|is\s+to\s+|would\s+|is\s+set\s+to\s+)?(?:get|gets|got|receive[sd]?)\b|"
    r"^\s*(?:[\w-]+\s+){0,2}(?:project|programme|program|scheme|package|plan|overhaul|expansion|upgrade|retooling|phase|stage|"
    r"investment|venture|hub)\b",
    re.I,
)
# Shares: a percentage or fraction "of ... sales" (not of a line-up, a stake or a cost); "three in four cars we sell".
SALES_NOUN_RE = with_first_char_guard(re.compile(
    r"\b(?:sales(?:\s+mix)?|sells|sold|registrations|deliveries|volume|buyers|customers|(?:new[\s-])?car\s+buyers|"
    r"(?:we|they|it|you)\s+sell)\b", re.I
))
LINEUP_RE = with_first_char_guard(re.compile(r"\b(?:line-?up|range\s+of\s+models|portfolio|model\s+range)\b", re.I))
STAKE_RE = with_first_char_guard(re.compile(r"\b(?:stake|holding|holds|owns|ownership|equity|shareholding|interest\s+in)\b", re.I))
COST_RE = with_first_char_guard(re.compile(r"\b(?:cost|costs|cut|cuts|reduce|reduction|lower|efficiency|complexity|emissions|CO2|margin)\b", re.I))
MARKET_SHARE_RE = with_first_char_guard(re.compile(
    r"\bmarket\s+share\b|\bshare\s+of\s+(?:the\s+)?(?:[\w'’.-]+\s+){0,4}(?:market|segment)\b", re.I
))
CONNECTED_RE = with_first_char_guard(re.compile(r"\bconnect(?:ed|ivity)\b", re.I))
ADAS_RE = NeedlePattern.of(r"Pro\s?PILOT|Pro\s?Pilot|driver[\s-]assist(?:ance)?|autonomous|self-driving|ADAS|autopilot", re.I)
CAPACITY_RE = with_first_char_guard(re.compile(r"\bcapacity\b|\bproduction\b|\bgigafactor(?:y|ies)\b|\bsupply\b", re.I))
CUMULATIVE_RE = with_first_char_guard(re.compile(
    r"\bsince\b|\bcumulative(?:ly)?\b|\bin\s+total\b|\bmilestone\b|\bto\s+date\b|\bso\s+far\b|\ball\s+time\b|"
    # a part of a total stated before ("About 320,000 of the million", "a third of the total")
    r"\bof\s+(?:the|that|this)\s+(?:million|total|tally|figure|sum)\b|\bthe\s+total\b",
    re.I,
))
INCREASE_RE = with_first_char_guard(re.compile(r"\b(?:more|extra|additional|increase|increased|more\s+vehicles)\b", re.I))
# Any battery-electric product's name: "the Sakura's share of the market" is an EV market share.
EV_PRODUCT_NAMES_RE = with_first_char_guard(re.compile(
    r"(?<![\w-])(?:" + "|".join(p for p, name, _ in PRODUCT_PATTERNS if name in EV_PRODUCTS) + r")(?![\w-])"
))
