"""Claims that are a date, not a number: production starts, technology launches,
carbon neutrality, and a single named EV going on sale in a given year.

Each rule is a cue (what happens) plus the time expression nearest after it
in the same clause; no time, no claim.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from evnews.claims import lexicon as lx
from evnews.claims.cue_products import built_product, nearest_product
from evnews.claims.mentions import Mention, find_companies
from evnews.claims.needle_pattern import NeedlePattern
from evnews.claims.prefilter import with_first_char_guard
from evnews.claims.timex import TimeMention, is_deadline_pointer

_PRODUCTION = NeedlePattern.of(
    r"\b(?:start(?:s|ed|ing)?|begin(?:s|ning)?|began|begun|commenc\w+)\s+(?:\w+\s+){0,2}?(?:production|building|making|manufacturing|assembly|assembling|producing)\b|"
    # "are scheduled to start rolling off the line there in 2025"; "an electric Juke due to follow on the same line in 2026"
    r"\b(?:start(?:s|ed|ing)?|begin(?:s|ning)?|began)\s+(?:to\s+)?(?:roll(?:ing)?|com(?:e|ing))\s+off\s+(?:the|its|our|their)\s+(?:[\w-]+\s+)?lines?\b|"
    r"\bto\s+follow\s+(?:it\s+)?on\s+(?:the\s+same|that|this)\s+(?:production\s+|assembly\s+)?line\b|"
    r"\bstart\s+of\s+(?:[\w-]+\s+){0,3}?(?:production|output|assembly)\b|"
    # "production there is now expected to begin", "Production at the Sunderland plant is scheduled to begin"
    r"\b(?:production|output)\s+(?:(?:of|for|at|in)\s+[^;]{0,80}?\s+|(?:there|here)\s+)?(?:would|will|could|may|might|should|"
    r"is\s+(?:now\s+|still\s+)?(?:set|due|expected|scheduled|slated|planned)\s+to|"
    r"is\s+to|to)?\s*(?:also\s+|now\s+|only\s+)?(?:not\s+)?(?:begin|start|commence|get\s+under\s*way|kick\s+off|"
    r"began|started|commenced|begins|starts|got\s+under\s*way|kicked\s+off)\b|"
    r"\b(?:production|output)\s+(?:(?:at|in)\s+[\w ,.-]{1,40}?\s+)?(?:starting|beginning|commencing)\b|"
    # "is considering bringing production of the Sakura in-house from fiscal 2028"
    r"\bbring(?:s|ing)?\s+(?:the\s+)?production\s+(?:of\s+[^;.]{1,40}?\s+)?in-house\b|"
    # a start moved: "output of the SUVs had been pushed back to late 2026"
    r"\b(?:production|output)\b[^;.]{0,100}?\b(?:pushed|put|moved)\s+back\s+(?:to|until)\b|"
    r"\b(?:production|output)\b[^;.]{0,100}?\b(?:delayed|postponed|slip(?:s|ped|ping)?)\s+(?:from\s+[^;.]{1,30}?\s+)?(?:to|until)\b|"
    # the verb first: "has pushed back SUV production at Canton to 2028", "delayed the start of output until 2027"
    r"\b(?:push(?:ed|es|ing)?|put|mov(?:ed|es|ing))\s+back\s+(?:the\s+start\s+of\s+)?(?:[\w-]+\s+){0,3}?(?:production|output)\b[^;.]{0,80}?\b(?:to|until)\b|"
    r"\b(?:delay(?:ed|s|ing)?|postpon(?:ed|es|ing))\s+(?:the\s+start\s+of\s+)?(?:[\w-]+\s+){0,3}?(?:production|output)\b[^;.]{0,80}?\b(?:to|until)\b|"
    r"\b(?:go(?:es|ing)?|went|gone)\s+into\s+production\b|"
    # "the first US-built Leafs will come off the line in January" (a later one doing so is a milestone, no start)
    r"\bfirst\b[^;.]{0,80}?\b(?:come|comes|came|roll|rolls|rolled)\s+off\s+(?:the|its|our|their)\s+(?:[\w-]+\s+)?line\b|"
    # "the hatchback has been built in Smyrna since January": made there since then
    r"(?<=ha[sd]\s|ave\s)been\s+(?:built|produced|assembled|made|manufactured)\s+(?:in|at)\b(?=[^;.]{0,80}?\bsince\b)|\benter(?:s)?\s+production\b|"
    r"\b(?:will|would)\s+(?:also\s+)?(?:build|be\s+built|produce|be\s+produced|assemble)\b|\b(?:is|are)\s+to\s+be\s+(?:built|produced|assembled)\b|"
    r"\bmov(?:e|ed|ing)\s+(?:its\s+)?production\s+to\b|\bproduction\s+(?:\w+\s+){0,3}moved\s+to\b|"
    # a pilot line that "is running" already started: a date later in the sentence is another plan's
    r"\b(?:pilot|trial|test)\s+(?:production\s+)?(?:line|plant|facility)\b(?![^;.]{0,40}?\b(?:is|was|are)\s+(?:already\s+|now\s+)?(?:running|operating|operational|in\s+operation)\b)|\bto\s+start\s+building\b|\bbegan\s+building\b|\bstart\s+building\b|"
    r"\b(?:to\s+)?(?:build|building|produce|producing|manufacture|manufacturing|assemble|assembling)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:EVs?|electric\s+(?:cars?|vehicles?|models?|vans?|trucks?|SUVs?|pickups?|sedans?|crossovers?)|batteries|cells)"
    r"(?:\s+(?:in|at|from)\b|(?=[^,;.]{0,60}\b(?:from|starting\s+in|beginning\s+in)\s))",
    re.I,
)
# A plant opened to visitors is shown, not started: "opened its pilot line to reporters in April".
_SHOWN_TO = with_first_char_guard(re.compile(
    r"\b(?:open\w*|show\w*|display\w*|present\w*)\b[^.;]{0,60}\bto\s+(?:the\s+)?(?:reporters|journalists|press|media|"
    r"visitors|public|investors|analysts|guests)\b",
    re.I,
))
_SHOWED_SOMEONE = re.compile(
    r"\b(?:show\w*|display\w*|present\w*)\s+(?:the\s+)?(?:reporters|journalists|press|media|visitors|investors|analysts|guests)\b"
    r"[^.;]{0,30}$",
    re.I,
)
_SHOWN_ASIDE = re.compile(r",\s+(?:first\s+)?(?:shown|opened|displayed|presented)\s+to\s+[^,;]{0,60},")
_TECHNOLOGY_SUBJECT = NeedlePattern.of(
    r"all-solid-state|solid-state\s+(?:batter|cells?\b)|ASSB|Pro\s?PILOT|Pro\s?Pilot|autonom\w*\s+driving|self-driving|"
    r"vehicle-to-grid|V2G|wireless\s+charging|lidar|sodium-ion|LFP\s+batter|battery[\s-]swapp\w*|steer-by-wire|"
    # a powertrain new to a maker or a market: "its first plug-in hybrid", "add a plug-in hybrid to its line-up"
    # "promised a plug-in hybrid by fiscal 2016": one plug-in hybrid by a year is the powertrain's arrival
    r"(?P<phev>(?<=first\s)plug-in\s+hybrid|plug-in\s+hybrid(?=\s+to\s+(?:its|the|their)\s+(?:line-?up|range|portfolio))|"
    r"(?<=\sa\s)plug-in\s+hybrid(?=\s+by\s+(?:the\s+end\s+of\s+)?(?:fiscal\s+(?:year\s+)?|FY\s?)?20\d\d\b))",
    re.I,
)
_TECHNOLOGY_VERB = with_first_char_guard(re.compile(
    r"\b(?:launch\w*|arriv\w*|introduc\w*|enable|debut\w*|promis(?:e|es|ed|ing)|deploy\w*|roll\w*\s+out|electrif\w+|from|offer\w*|bring\w*|commerciali[sz]\w*|"
    r"available|mass-produc\w+|put\w*|fit\w*|install\w*|equip\w*|adopt\w*|to\s+market|on\s+the\s+market|in\s+showrooms|"
    r"due|add|adds|adding|come|comes|coming|follow|follows|on\s+sale|(?:begin\w*|start\w*|began)\s+selling|on\s+the\s+road|"
    r"reach(?:es|ing)?(?=\s+(?:the\s+)?(?:US|United\s+States|Europe|Japan|China|UK|Britain|India|North\s+America|market|showrooms)\b)|"
    # "which it wants in a production car by 2028", "to sell an EV with its own solid-state batteries"
    r"in\s+(?:a|its|their)\s+(?:first\s+)?(?:production|series|mass-market)\s+(?:car|vehicle|model|EV)|"
    r"\b(?:for|at)\s+(?:a|its|their)\s+first\s+(?:production\s+)?(?:car|vehicle|model|EV)\b|"  # "on course for a first car in 2028", "aimed at a first production EV"
    r"sell\w*\s+(?:an?\s+|its\s+first\s+)?(?:[\w-]+\s+)?(?:EV|car|vehicle|model)s?\s+with|"
    # "First EV with all-solid-state batteries | FY2028": the first car to have it is its launch
    r"(?<![\w-])first\s+(?:[\w-]+\s+)?(?:EV|car|vehicle|model)\s+with)\b",
    re.I,
))
_FROM_BEFORE = with_first_char_guard(re.compile(r"\b(?:from|starting(?:\s+in)?|beginning(?:\s+in)?|as\s+of)\s+(?:the\s+)?$", re.I))
# A hybrid system brought to a market: "will bring its e-POWER hybrid system to market by fiscal 2026",
# "e-POWER will arrive in the US in 2026". Only as the object of a launch verb: the name is common in
# sentences about models and sales.
_HYBRID_SYSTEM_LAUNCH = NeedlePattern.of(
    r"\b(?:bring\w*|introduc\w*|launch\w*|offer\w*|debut\w*|roll\w*\s+out|deploy\w*|add\w*|(?:begin\w*|start\w*|began)\s+selling)\s+(?:its\s+|the\s+|their\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?P<a>e-?POWER|series[\s-]hybrid)(?:\s+(?:hybrid\s+)?(?:system|technology|powertrain|drivetrain))?(?!\s+(?:models?|cars?|vehicles?|versions?))|"
    # "e-POWER is to follow in fiscal 2026", "its e-POWER series-hybrid system will come to the U.S.",
    # "e-POWER, the system it sells in Japan, which is due in the U.S. by 2026"
    r"(?P<b>e-?POWER)(?:\s+(?:series[\s-])?(?:hybrid\s+)?(?:system|technology|powertrain|drivetrain)|\s+hybrids)?(?:,[^,;]{0,90},(?:\s*which)?)?\s+"
    r"(?:(?:will|(?:is|are)\s+(?:set|due)\s+to|(?:is|are)\s+to)\s+(?:arrive|launch|debut|go\s+on\s+sale|come|follow|reach|be\s+(?:introduced|offered|launched))|"
    r"is\s+due\b|reaches|arrives\s+in|comes\s+to|launches\s+in|debuts\s+in)|"
    # "will be the first model it sells in Europe with e-Power"
    r"\bfirst\s+(?:[\w-]+\s+)?(?:model|car|vehicle)\b[^;,.]{0,40}?\bwith\s+(?P<c>e-?POWER)\b",
    re.I,
)
# A brand going electric: "Its Infiniti brand will begin offering electrified powertrains from fiscal 2021",
# "Lexus will go all-electric by 2035": the brand's electrification is a technology launch.
_BRAND_ELECTRIFIES = NeedlePattern.of(
    r"\belectrif(?:y|ies|ying)\b|\b(?:will|to|would|shall)\s+be\s+(?:fully\s+)?electrified\b|\belectrification\s+of\b|\b(?:go|goes|going|become|becomes|turn|turns)\s+(?:fully\s+|all[\s-])?electric\b|"
    r"\b(?:offer|offering|introduce|introducing|launch|launching|add|adding)\s+(?:its\s+first\s+)?electrified\s+"
    r"(?:powertrains?|drivetrains?|models|versions)\b|\b(?:all|fully|only)[\s-]electric\s+(?:brand|line-?up|range)\b|"
    r"\belectric-only\b|\bEV-only\b",
    re.I,
)
_CARBON = NeedlePattern.of(r"carbon[\s-]neutral(?:ity)?|net[\s-]zero|climate[\s-]neutral(?:ity)?|carbon-free", re.I)
_SINGLE_LAUNCH = NeedlePattern.of(
    r"\b(?:goes|go|going)\s+on\s+sale\b|\bis\s+(?:also\s+)?coming\b|\bdue\s+(?:in|out|to\s+arrive)\b|\bdue\s*$|\bfollows\b|\b(?:will|is\s+to|is\s+set\s+to)\s+follow\b|"
    r"\b(?:will|would|is\s+set\s+to|is\s+to|(?:plans?|planning|aims?|expect(?:s|ed)?|intends?)\s+to)\s+(?:be\s+)?"
    r"(?:launch\w*|arrive|go\s+on\s+sale|debut|hit\s+showrooms|introduce\w*|release\w*|roll\s+out|unveil\w*|(?:start|begin)\s+selling|"
    r"bring\s+out|put\s+[^;.]{0,60}?\s+on\s+sale)\b|"  # "will bring out an EV for China in 2024", "to put a second EV on sale"
    # "as it prepares to bring the hatchback to Indian showrooms", "a China-specific EV is planned for 2024"
    r"\bto\s+bring\s+[^;.]{0,60}?\s+to\s+(?:[\w.-]+\s+)?(?:showrooms|dealers|dealerships|customers|buyers|market)\b|"
    r"\b(?:is|are)\s+(?:also\s+)?planned\s+for\b|"
    r"\barrives\b|\blaunches\b|,\s*due\b|\b(?:is|are)\s+(?:now\s+|still\s+)?due\b(?!\s+to\s+be\s+(?:replaced|retired|discontinued|dropped|phased|withdrawn))|"
    # "is due to reach US dealers this autumn", "will be followed ... by the X", "could arrive by 2026"
    r"\b(?:reach|reaches|hit|hits)\s+(?:[\w.]+\s+)?(?:dealers|dealerships|showrooms|customers|buyers|the\s+market)\b|"
    r"\b(?:will|is\s+to|is\s+set\s+to)\s+be\s+followed\b|\b(?:could|may|might|would|should)\s+(?:arrive|launch|go\s+on\s+sale|debut)\b",
    re.I,
)
_EQUIPPED_AFTER = re.compile(r"[\s-]*(?:equipped|fitted)\b", re.I)
_ON_N_MODELS = with_first_char_guard(re.compile(
    r"\s+(?:on|in|across)\s+(?:up\s+to\s+|about\s+|more\s+than\s+)?(?:\d+|[a-z]+(?:-[a-z]+)?)\s+(?:[\w-]+\s+)?models\b", re.I
))
# "every new model it launches in Europe will be electric": a rule for all its models, no single launch
_EVERY_MODEL = with_first_char_guard(re.compile(r"\b(?:every|each|all)\s+(?:[\w-]+\s+){0,2}?(?:models?|cars?|vehicles?)\b", re.I))
_SINGLE_VEHICLE = with_first_char_guard(re.compile(
    r"\b(?:an?|the\s+new|its\s+new|its\s+first|the\s+first|one|[A-Z][\w-]+['’]s|the(?=\s+(?-i:[A-Z])))\s+(?:[\w$,.-]+\s+){0,3}?(?:EV|electric\s+(?:car|vehicle|model|SUV|sedan|crossover|hatchback|pickup|van)|"
    r"car|model|SUV|sedan|crossover|hatchback|pickup|van|kei\s+car)\b",
    re.I,
))
_BUILT_AT = re.compile(r",\s+(?:to\s+be\s+)?(?:built|made|produced|assembled)\s+(?:at|in)\b")
_EV_CONTEXT = NeedlePattern.of(lx.EV_CUES, re.I)
_KEI = re.compile(r"\bkei(?:[\s-]class)?\s+(?:EV|electric\s+car|car)\b", re.I)
_CARRIER = re.compile(r"\s+(?:with|using|powered\s+by|running\s+on)\b", re.I)
_PLUG_IN = re.compile(r"\bplug-in\s+hybrid\b|\bPHEV\b", re.I)
# A named model's plug-in hybrid version: "a plug-in hybrid version of the Rogue", "the Outback PHEV".
_NAMED_PHEV = NeedlePattern.of(
    r"\b(?:plug-in\s+hybrid|PHEV)\s+(?:version|variant)\s+of\s+(?:the|its)\s+(?P<a>[A-Z][\w-]+)|"
    r"\b(?P<b>[A-Z][\w-]+)\s+(?:plug-in(?:\s+hybrid)?|PHEV)\b(?!\s+(?:system|technology|powertrain|sales|models|cars))"
)


@dataclass(frozen=True, slots=True)
class DateCue:
    """A date-claim cue found in a sentence."""

    metric: str
    start: int
    end: int
    time: TimeMention
    product: str | None = None
    where: int | None = None  # the end of the verb that says where and how ("is due| in the U.S."), if not `start`
    opens_clause: bool = False  # its time opens the clause ("..., and this year it began building"): the writer's time


def may_cue_single_launch(text: str) -> bool:
    """False when no clause of the text can say a single model goes on sale (it lacks the words)."""
    return _SINGLE_LAUNCH.pattern_for(text) is not None


def _time_after(
    times: list[TimeMention], start: int, end: int, clause_end: int, *, or_before: bool = True
) -> TimeMention | None:
    usable = [t for t in times if not t.background and t.kind != "open" and not is_deadline_pointer(t)]
    after = [t for t in usable if end <= t.start <= clause_end]
    if after:
        return after[0]
    before = [t for t in usable if t.end <= start]
    return before[-1] if before and or_before else None


_OFF_THE_LINE = re.compile(r"\b(?:come|comes|came|roll|rolls|rolled)\s+off\b")
# "began production at Sunderland on Tuesday": a weekday in news copy is a day of the week the text was written.
_STARTED = re.compile(r"\b(?:began|started|commenced|went\s+into|kicked\s+off|got\s+under\s*way)\b", re.I)
_ON_WEEKDAY = with_first_char_guard(re.compile(r"\bon\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"))


def may_start_on_weekday(text: str) -> bool:
    """Could the text date a production start by a weekday alone (it has no other date)?"""
    return _ON_WEEKDAY.search(text) is not None and _STARTED.search(text) is not None


def _weekday_after(clause: str, cue: re.Match[str], start: int) -> TimeMention | None:
    """A production start dated only by a weekday: this year, when the start is told as done."""
    day = _ON_WEEKDAY.search(clause, cue.end())
    if day is None or not _STARTED.search(cue.group(0)):
        return None
    return TimeMention(start + day.start(), start + day.end(), day.group(0), "this")


# "Nissan has begun series production of the new Leaf at Sunderland": a start told as news, this year.
_HAS_BEGUN = with_first_char_guard(re.compile(
    r"\bha(?:s|ve)\s+(?:now\s+|just\s+|finally\s+)?(?:begun|started|commenced)\s+(?:[\w-]+\s+){0,2}?(?:production|assembly|manufacturing)\b", re.I
))


def may_have_just_begun(text: str) -> bool:
    """Could the text tell an undated production start as news ("has begun production of ...")?"""
    return ("begun" in text or "started" in text or "commenced" in text) and _HAS_BEGUN.search(text) is not None


def _just_begun(clause: str, cue: re.Match[str], start: int, times: list[TimeMention]) -> TimeMention | None:
    """An undated "has begun production": the start happened now, in the year the text was written."""
    begun = _HAS_BEGUN.search(clause, max(0, cue.start() - 20), cue.end() + 20)
    if begun is None or any(not t.background for t in times):
        return None
    return TimeMention(start + begun.start(), start + begun.end(), begun.group(0), "this")


# "solid-state batteries, which it aims to bring": a relative clause on the technology, up to its verb
_ITS_OWN_CLAUSE = re.compile(r"[\w\s-]{0,30},?\s+(?:which|that)\b[^,;]*", re.I)


def _technology_verb(clause: str, techs: list[re.Match[str]]) -> re.Match[str] | None:
    """The verb that launches the technology: the one of a relative clause on it ("Nissan, which said it would
    launch 15 EVs by 2030, will lead work on solid-state batteries, which it aims to bring to market by 2028"),
    else the clause's first."""
    verbs = list(_TECHNOLOGY_VERB.finditer(clause))
    for tech in techs:
        own = next((v for v in verbs if v.start() >= tech.end() and _ITS_OWN_CLAUSE.fullmatch(clause, tech.end(), v.start())), None)
        if own is not None:
            return own
    return verbs[0] if verbs else None


def _technology_cues(
    sentence: str, start: int, end: int, times: list[TimeMention], products: list[Mention], brands: Sequence[Mention]
) -> list[DateCue]:
    """Technologies (or a brand's electrification) launched at a date named in the clause."""
    clause = sentence[start:end]
    techs = list(_TECHNOLOGY_SUBJECT.finditer(clause)) + list(_HYBRID_SYSTEM_LAUNCH.finditer(clause))
    brand = next((b for b in brands if start <= b.start < end), None)
    if not techs and brand is None:
        return []  # no technology and no brand: nothing launched (most clauses)
    verb = _technology_verb(clause, techs)
    electrifies = _BRAND_ELECTRIFIES.search(clause)
    if not techs and brand is not None and electrifies and abs(start + electrifies.start() - brand.start) < 80:
        # The start of the brand's electrification ("from fiscal 2021", "will begin offering ..."), not
        # its completion ("electrify its full line-up by 2030", a share of sales).
        time = _time_after(times, start + electrifies.start(), start + electrifies.end(), end, or_before=False) or next(
            (t for t in reversed(times) if start <= t.start and t.end <= start + electrifies.start() and _FROM_BEFORE.search(sentence, 0, t.start)),
            None,
        )
        starting = re.search(r"\b(?:begin\w*|began|start\w*)\s+(?:\w+\s+)?$", clause[: electrifies.start()], re.I)
        if time is None or not (starting or _FROM_BEFORE.search(sentence, 0, time.start)):
            return []
        return [DateCue("technology_launch", brand.start, brand.end, time, lx.SUB_BRANDS[brand.text.strip().lower()])]
    if verb is None or _PRODUCTION.search(clause[verb.start() : verb.end() + 20]) or _ON_N_MODELS.match(clause, verb.end()):
        return []  # "ProPILOT is to be offered on 20 models": a count of equipped models, not the system's launch
    time = _time_after(times, start + verb.start(), start + verb.end(), end)
    if time is None or not start <= time.start <= end:
        return []
    cues: list[DateCue] = []
    for tech in techs:
        groups = tech.groupdict()
        named = next((g for g in ("a", "b", "c", "phev") if groups.get(g)), 0)
        tech_start, tech_end = start + tech.start(named), start + tech.end(named)
        if _EQUIPPED_AFTER.match(sentence, tech_end):
            continue  # "to sell a million ProPILOT-equipped cars a year": cars sold with it, not its launch
        product = "plug-in hybrid" if named == "phev" else nearest_product(products, tech_start, start, end)
        if product is None and re.search(r"autonom|self-driving", tech.group(0), re.I):
            product = "autonomous driving"
        cues.append(DateCue("technology_launch", tech_start, tech_end, time, product, where=start + verb.end()))
    return cues


# Before the time that opens a sentence: nothing, or a preposition ("In 2027 production will start");
# in "..., and this year it began building the Leaf": a conjunction may stand before it.
_OPENING = re.compile(r"\W*(?:(?:and|but|while)\b\W*)?(?:(?:in|on|by|during|from)\s+)?", re.I)
_REPORTED = re.compile(r"\b(?:said|says|announced|told|reported|confirmed|promised|pledged|planned)\b", re.I)


def _opening_time(times: list[TimeMention], clause: str, start: int, cue_start: int) -> TimeMention | None:
    """"This week the first Leafs rolled off the line", "December 2025 - Production starts at Sunderland": a time
    that opens the clause dates the start it tells, unless it dates a statement about it ("In 2009 Nissan said ...")."""
    for t in times:
        if t.background or t.kind == "open" or not start <= t.start < cue_start:
            continue
        if _OPENING.fullmatch(clause[: t.start - start]) and not _REPORTED.search(clause, t.end - start, cue_start - start):
            return t
    return None


def _production_start(
    clause: str, start: int, end: int, times: list[TimeMention], products: list[Mention]
) -> DateCue | None:
    """The first production cue of a clause with a time after it."""
    starts = list(_PRODUCTION.finditer(clause))
    if not starts:
        return None  # most clauses: no need to look for a showing
    shown = _SHOWN_TO.search(clause)
    aside = _SHOWN_ASIDE.search(clause)
    if shown and not aside:
        return None  # a line "opened to reporters in April" has no start date
    # "A pilot line, shown to reporters last April, is due to be running by March": the showing is an
    # aside; the start is the time outside it.
    usable = [t for t in times if not (aside and start + aside.start() <= t.start < start + aside.end())]
    for m in starts:
        if m is not starts[-1] and _SHOWED_SOMEONE.search(clause, 0, m.start()):
            # "showed reporters a pilot production line last April and said it would start producing cells in
            # 2025": the line shown is the visit's, the start the one stated after it
            continue
        product = built_product(products, clause, start, m.start()) or nearest_product(products, start + m.start(), start, end)
        time = _time_after(usable, start + m.start(), start + m.end(), end, or_before=False)
        opening = None if time else _opening_time(usable, clause, start, start + m.start())
        time = time or opening
        if time is None and product is not None:  # a weekday dates a named model's start, not a plant's
            time = _weekday_after(clause, m, start) or _just_begun(clause, m, start, usable)
        if time is not None:
            verb = _OFF_THE_LINE.search(m.group(0))  # "the first cars built there will come off the line": the verb's tense
            begun = _STARTED.match(m.group(0))  # "..., where the Leaf began rolling off the line": a start told as past
            where = start + m.start() + verb.start() if verb else (start + m.start() + begun.end() if begun else None)
            return DateCue("production_start", start + m.start(), start + m.end(), time, product, where, opening is not None)
    return None


# Every cue of a clause starts from a match of one of these (or from a brand named in it).
_CLAUSE_CUES = (_PRODUCTION, _TECHNOLOGY_SUBJECT, _HYBRID_SYSTEM_LAUNCH, _CARBON, _SINGLE_LAUNCH)


def _may_hold_cue(sentence: str) -> bool:
    """False when no clause of the sentence can match a cue pattern: the words a pattern needs, missing
    from the whole sentence, are missing from each of its clauses."""
    return any(pattern.pattern_for(sentence) is not None for pattern in _CLAUSE_CUES)


def find_date_cues(
    sentence: str,
    times: list[TimeMention],
    products: list[Mention],
    clause_spans: list[tuple[int, int]],
    ev_context: bool,
    brands: Sequence[Mention] = (),
) -> list[DateCue]:
    """Production starts, technology launches, carbon-neutral dates and single EV launches."""
    cues: list[DateCue] = []
    if not brands and not _may_hold_cue(sentence):
        return cues  # most sentences with a date: no clause of them can hold a cue
    for start, end in clause_spans:
        clause = sentence[start:end]
        cue = _production_start(clause, start, end, times, products)
        if cue is not None:
            cues.append(cue)
        cues.extend(_technology_cues(sentence, start, end, times, products, brands))
        carbon = _CARBON.search(clause)
        if carbon:
            time = _time_after(times, start + carbon.start(), start + carbon.end(), end)
            if time is not None:
                cues.append(DateCue("carbon_neutrality", start + carbon.start(), start + carbon.end(), time))
        launch = _SINGLE_LAUNCH.search(clause)
        taken = any(c.metric in ("production_start", "technology_launch") and start <= c.start < end for c in cues)
        phev = _NAMED_PHEV.search(clause) if launch else None
        if launch and phev and not taken and not find_companies(phev.group("a") or phev.group("b")):
            time = _time_after(times, start + launch.start(), start + launch.end(), end)
            if time is not None and start <= time.start <= end:
                model = phev.group("a") or phev.group("b")
                cues.append(DateCue("electrified_model_launches", start + launch.start(), start + launch.end(), time,
                                    f"{model} plug-in hybrid"))  # fmt: skip
            continue
        if launch and not taken and not _EVERY_MODEL.search(clause, 0, launch.start()):
            # the car before the launch words, or after or inside them ("to put a second electric model on sale"),
            # not a car named for what it carries ("to put an EV with the new cells on sale": the cells' launch)
            later = _SINGLE_VEHICLE.search(clause, launch.start())
            if later and _CARRIER.match(clause, later.end()):
                later = None
            vehicle = _SINGLE_VEHICLE.search(clause[: launch.start()]) or later
            product = nearest_product(products, start + launch.start(), start, end)
            is_ev = product in lx.EV_PRODUCTS or (
                vehicle is not None and (_EV_CONTEXT.search(vehicle.group(0)) is not None or ev_context)
            )
            if (vehicle or product) and is_ev:
                time = _time_after(times, start + launch.start(), start + launch.end(), end)
                # "the e-NV200 will follow next spring, built at the plant in Barcelona": a start of production told
                started = _BUILT_AT.search(clause, launch.end()) is not None
                if time is not None and start <= time.start <= end and not started:
                    # "It will be followed by a plug-in hybrid pickup": an electrified model, not an EV
                    metric = "electrified_model_launches" if vehicle and _PLUG_IN.search(vehicle.group(0)) else "ev_model_launches"
                    if vehicle and _KEI.search(vehicle.group(0)):  # "a kei EV for Japan": a class of car new to the maker
                        metric, product = "technology_launch", "kei EV"
                    cues.append(DateCue(metric, start + launch.start(), start + launch.end(), time, product))
    return cues
