"""Torque Bazaar: an Indian auto portal (lakh/crore, IST, highlights, one AMP-first page, RSS 2.0)."""

from model import C, Story
from stories_kabuto import CHINA

FEED = "/feeds/torquebazaar.xml"

CHINA_COPY = Story(
    outlet="torque",
    path="/torquebazaar/news/nissan-10-new-energy-vehicles-china-2027-n7.html",
    title="Nissan plans 10 new energy vehicles for China by 2027, N7 electric sedan leads the charge",
    published="2025-04-24T11:30:00+05:30",
    author="Torque Bazaar Desk",
    group=CHINA.group,
    feed=FEED,
    summary="Nissan will launch 10 NEVs in China by summer 2027 and invest 10 billion yuan by 2026.",
    blocks=(
        ("p", "Nissan Motor Co will launch 10 new energy vehicles in China by the summer of 2027, up from the eight it had planned earlier, as the Japanese carmaker tries to win back buyers from BYD and other local brands."),
        ("p", "The plan was unveiled at the ongoing Shanghai auto show, where Nissan showed the N7, an electric sedan developed with its partner Dongfeng Motor, and a plug-in hybrid pickup truck."),
        ("p", "Nissan will invest 10 billion yuan (about Rs 11,700 crore) in China by 2026 to develop cars and expand exports of Chinese-built vehicles, Stephen Ma, the head of Nissan's China business, told reporters."),
        ("q", "\u201cWe will have ten new energy models in this market within about two years, and China will become a base for our exports,\u201d Ma said."),
        ("p", "The N7 is due to go on sale later this month with a starting price below 120,000 yuan. || It will be followed in the second half of the year by the Frontier Pro, a plug-in hybrid pickup."),
        ("p", "Nissan's sales in China fell 12 per cent to about 697,000 vehicles last year, from a peak of more than 1.5 million in 2019."),
        ("p", "BYD sold 4.27 million new energy vehicles in 2024, and its sales rose roughly 60 per cent in the first quarter of this year."),
    ),
    notes="Syndicated copy of the Kabuto Markets Wire China report (same group, claims only on the first page). Light edits: new headline, dateline and sign-off removed, 'earlier' and 'ongoing' added, 'per cent', the dollar conversion replaced by 'about Rs 11,700 crore', the rumour paragraph dropped; credit line 'With inputs from Kabuto Markets Wire' outside the body. Published one day later.",
)

INDIA = Story(
    outlet="torque",
    path="/torquebazaar/news/renault-nissan-rs-5300-crore-india-six-models-two-evs.html",
    title="Renault-Nissan to invest Rs 5,300 crore in India; six new models including two EVs",
    published="2024-02-13T16:40:00+05:30",
    author="Arjun Menon",
    group="h09-india-5300-crore-2024",
    feed=FEED,
    summary="Renault and Nissan commit about Rs 5,300 crore to India for six new models, two of them affordable EVs.",
    blocks=(
        ("li", "Investment of around Rs 5,300 crore over the next few years"),
        ("li", "Six new models, including two affordable EVs"),
        ("li", "Chennai plant to be an export hub for both brands"),
        ("p", "Renault and Nissan will together invest around Rs 5,300 crore (about $600 million) in India over the next few years, the Alliance partners announced in Chennai on Tuesday."),
        ("p", "The money will fund six new models to be built at the Alliance plant in Oragadam near Chennai, including two affordable electric cars, one for Renault and one for Nissan."),
        ("p", "Both companies will also use the plant, which has an installed capacity of 4.8 lakh units a year, as a base for exports."),
        ("p", "Nissan, which sells only the Magnite compact SUV in India, has said it wants to reach sales of 1 lakh units a year at home and another 1 lakh in exports, more than double its current volume."),
        ("p", "India's electric car market is still small: about 82,000 electric passenger vehicles were sold in calendar 2023, roughly 2 per cent of the total."),
        ("p", "Tata Motors, which sells about seven in ten electric cars in India, has said it will have 10 electric models on sale by 2026."),
        ("p", "According to industry sources, Nissan's electric car will share its underpinnings with the Renault Kwid EV and could arrive by 2026."),
        ("p", "The Magnite, priced from Rs 6 lakh (ex-showroom), has been exported to more than 15 countries since its launch in December 2020."),
    ),
    claims=(
        C("investment", 53000000000, "INR", "will together invest around Rs 5,300 crore", company="Alliance", q="approx", region="india"),
        C("new_model_launches", 6, "models", "will fund six new models", company="Alliance", region="india"),
        C("ev_model_launches", 1, "models", "will fund six new models", region="india"),
        C("ev_model_launches", 1, "models", "will fund six new models", company="Renault", region="india"),
        C("market_share", 70, "percent", "about seven in ten electric cars", company="Tata Motors", q="approx", region="india", year=2024, kind="actual"),
        C("ev_model_launches", 10, "models", "10 electric models on sale by 2026", company="Tata Motors", region="india", year=2026),
        C("ev_model_launches", 1, "models", "According to industry sources", region="india", year=2026, kind="rumor"),
    ),
    notes="Indian auto portal (Feb 2024): JSON-LD date in IST + visible date. 'Rs 5,300 crore' -> 53,000,000,000 INR (1 crore = 10 million); '$600 million' is a conversion. The 'Highlights' list repeats the investment and model counts without naming the companies (one claim per fact; evidence = the full sentence naming them). 'one for Renault and one for Nissan' -> an ev_model_launches 1 claim for each company; the six models are the Alliance's. 'seven in ten' -> 70, approx, actual in the article year. 'According to industry sources ... could arrive by 2026' -> rumor. Not claims: 4.8 lakh capacity, 1 lakh home sales and 1 lakh exports (total sales), 'more than double', India market size (82,000, 2 per cent: no company), Rs 6 lakh price, 15 countries, December 2020.",
)

EPOWER = Story(
    outlet="torque_amp",
    path="/torquebazaar/amp/nissan-e-power-crosses-1-5-million-units.html",
    title="Nissan e-POWER crosses 1.5 million units worldwide; no India plans yet",
    published="2024-11-05T10:15:00+05:30",
    author="Arjun Menon",
    group="h10-epower-1-5-million-2024",
    feed=FEED,
    summary="Cumulative e-POWER production passes 1.5 million; over 1 lakh sold in Europe; 42.6 per cent of Nissan's Japan sales in FY23.",
    blocks=(
        ("p", "Nissan's e-POWER series-hybrid system has crossed 1.5 million units of cumulative production worldwide, eight years after it made its debut on the Note hatchback in Japan."),
        ("p", "More than 1 lakh e-POWER cars have been sold in Europe since 2022, where the Qashqai and X-Trail are offered with the system."),
        ("p", "In Japan, e-POWER models made up 42.6 per cent of Nissan's sales in FY23."),
        ("p", "In an e-POWER car, the petrol engine never drives the wheels: it only runs a generator that charges a battery, and an electric motor does the driving."),
        ("p", "Nissan has said it will bring e-POWER to the US by fiscal 2026 as part of its The Arc business plan."),
        ("p", "For India, though, there are no e-POWER plans yet. || The X-Trail returned here in August with a 1.5-litre mild-hybrid petrol engine, priced at Rs 49.92 lakh (ex-showroom)."),
        ("p", "A Nissan India spokesperson said the company was evaluating electrified powertrains for the market but gave no timeline."),
        ("p", "Toyota, whose strong hybrids such as the Innova Hycross and Urban Cruiser Hyryder sell well in India, passed 20 million electrified vehicle sales worldwide last year."),
        ("p", "Maruti Suzuki, India's biggest carmaker, plans to launch its first EV, the eVitara, early next year."),
    ),
    claims=(
        C("other", 1500000, "vehicles", "crossed 1.5 million units", product="e-POWER (cumulative production)", q="at_least", year=2024, kind="actual"),
        C("cumulative_sales", 100000, "vehicles", "More than 1 lakh e-POWER cars", product="e-POWER", q="at_least", region="europe", year=2024, kind="actual"),
        C("electrified_sales_share", 42.6, "percent", "42.6 per cent", product="e-POWER", region="japan", year=2023, fy=True, kind="actual"),
        C("technology_launch", None, None, "bring e-POWER to the US by fiscal 2026", product="e-POWER", region="us", year=2026, fy=True),
        C("cumulative_sales", 20000000, "vehicles", "passed 20 million electrified", company="Toyota", q="at_least", year=2023, kind="actual"),
        C("ev_model_launches", 1, "models", "plans to launch its first EV", company="Maruti Suzuki", product="eVitara", region="india", year=2025),
    ),
    notes="AMP-first mobile page (self-canonical, amp-img/amp-ad chrome, JSON-LD date). Number forms: '1 lakh' = 100,000; 'FY23' -> FY2023, fiscal. Cumulative PRODUCTION -> other; European sales since 2022 -> cumulative_sales (e-POWER). 'last year' -> 2023 (Toyota), 'early next year' -> 2025 (Maruti). Not claims: 'eight years', 1.5-litre, Rs 49.92 lakh price, the Note debut (background), the spokesperson's 'evaluating' (no number).",
)

STORIES = (CHINA_COPY, INDIA, EPOWER)
