"""The Wheelhouse: a British motoring site ('per cent', GBP, standfirsts, comments, RSS 2.0)."""

from model import C, Story

FEED = "/feeds/wheelhouse.xml"

GHOSN = Story(
    outlet="wheelhouse",
    path="/wheelhouse/news/ghosn-admits-electric-car-goal-will-take-longer.html",
    title="Ghosn admits 1.5 million electric car goal will take longer",
    published="2013-11-13T14:20:00+00:00",
    author="Tom Ashworth",
    group="h06-ghosn-ev-goal-2013",
    feed=FEED,
    summary="Renault-Nissan boss concedes the 1.5 million EV target will take longer; around 120,000 sold so far.",
    blocks=(
        ("lead", "Renault-Nissan boss says the alliance will get there eventually, but not on the original timetable"),
        ("p", "Carlos Ghosn has admitted that the Renault-Nissan Alliance's goal of selling 1.5 million electric cars by 2016 will take longer to reach than he first planned."),
        ("p", "Speaking in Tokyo, the boss of both companies said the partners had sold around 120,000 electric cars so far, but he gave no new date for the target."),
        ("q", "\u2018We are going to reach 1.5 million, it is just going to take a bit longer,\u2019 he said."),
        ("p", "Nissan's contribution is mostly the Leaf, which has found more than 80,000 buyers since it went on sale in December 2010 and remains the world's best-selling electric car."),
        ("p", "Sunderland began building the Leaf in March. || Nissan's electric van, the e-NV200, will follow next spring, built at the company's plant in Barcelona."),
        ("p", "Renault's Zoe supermini arrived in UK showrooms in June, priced from \u00a313,995 once the government's \u00a35,000 plug-in car grant is deducted, plus a monthly battery lease."),
        ("h", "Too ambitious?"),
        ("q", "\u2018The numbers were always too ambitious,\u2019 said Peter Hallam of Fenwick Motor Research, who expects electric cars to account for less than 2 per cent of new car sales in Europe in 2016."),
        ("p", "Other car makers are treading more carefully. || Toyota, which has sold more than 5 million hybrids worldwide, says it has no plans for a mass-market battery car."),
        ("p", "Tesla, by contrast, expects to deliver about 21,500 Model S saloons this year and promises a cheaper car later in the decade."),
        ("p", "Nissan says the next Leaf will go further on a charge, but it won't say when it will arrive."),
    ),
    claims=(
        C("cumulative_sales", 1500000, "vehicles", "goal of selling 1.5 million electric cars by 2016", company="Alliance", year=2016),
        C("cumulative_sales", 120000, "vehicles", "sold around 120,000 electric cars", company="Alliance", q="approx", year=2013, kind="actual"),
        C("cumulative_sales", 80000, "vehicles", "more than 80,000 buyers", product="Leaf", q="at_least", year=2013, kind="actual"),
        C("production_start", None, None, "Sunderland began building the Leaf in March", product="Leaf (Sunderland)", region="uk", year=2013, kind="actual"),
        C("production_start", None, None, "the e-NV200, will follow next spring", product="e-NV200 (Barcelona)", region="europe", year=2014),
        C("cumulative_sales", 5000000, "vehicles", "more than 5 million hybrids", company="Toyota", product="hybrid", q="at_least", year=2013, kind="actual"),
        C("ev_sales_volume", 21500, "vehicles", "about 21,500 Model S", company="Tesla", product="Model S", q="approx", year=2013),
    ),
    notes="British motoring news (Nov 2013): meta article:published_time + visible date. Judgment call: the Alliance's 1.5 million by 2016 is still stated as the goal (late, not cancelled) -> Alliance target. The quote repeats 1.5 million (one claim). 'in March' (article year) -> Leaf production start 2013, actual; 'next spring' -> 2014; Barcelona -> region europe. Not claims: Zoe price and \u00a35,000 grant, the analyst's 'less than 2 per cent' (third-party forecast), December 2010 launch (background), 'later in the decade' cheaper Tesla (no number). Comments below the article carry numbers (chrome).",
)

SUNDERLAND = Story(
    outlet="wheelhouse",
    path="/wheelhouse/news/nissan-confirms-electric-qashqai-juke-sunderland.html",
    title="Nissan confirms electric Qashqai and Juke for Sunderland in \u00a33bn push",
    published="2023-11-24T12:30:00+00:00",
    author="Tom Ashworth",
    group="h07-sunderland-2023-feature",
    feed=FEED,
    summary="Britain's biggest car factory will build three electric models; up to \u00a31.12bn from Nissan, up to \u00a33bn in total.",
    blocks=(
        ("lead", "Britain's biggest car factory will build three electric models as Nissan doubles down on its EV36Zero hub"),
        ("p", "Nissan will build electric versions of the Qashqai and Juke at Sunderland alongside the next-generation Leaf, so that Britain's biggest car plant will make three electric models."),
        ("p", "The firm is putting up to \u00a31.12bn of its own money into the project, part of a total of up to \u00a33bn that also covers a third battery gigafactory for its partner AESC."),
        ("q", "\u2018From 2030, every Nissan car we sell in Europe will be fully electric \u2013 that is 100 per cent,\u2019 a senior Nissan Europe executive told The Wheelhouse at the plant."),
        ("p", "The new money comes on top of the \u00a31bn EV36Zero hub announced in 2021, which brought the first AESC gigafactory and \u00a3423m for a new electric crossover."),
        ("p", "The government is contributing through its Automotive Transformation Fund, though it would not say how much."),
        ("h", "What it means for buyers"),
        ("p", "Don't expect an electric Qashqai in showrooms any time soon: Nissan isn't giving a launch date, and the Qashqai e-POWER hybrid, from around \u00a334,000, will carry on in the meantime."),
        ("p", "The Juke Hybrid, with its Renault-sourced 1.6-litre petrol engine and 141bhp, stays on sale too."),
        ("p", "Rivals are placing their own bets. || Tata, which owns Jaguar Land Rover, is building a 40GWh battery gigafactory in Somerset that is due to start production in 2026."),
    ),
    claims=(
        C("ev_model_launches", 3, "models", "will make three electric models", region="uk"),
        C("investment", 1120000000, "GBP", "up to \u00a31.12bn", q="at_most", region="uk"),
        C("investment", 3000000000, "GBP", "up to \u00a31.12bn", q="at_most", region="uk"),
        C("ev_sales_share", 100, "percent", "From 2030, every Nissan car", region="europe", year=2030),
        C("investment", 1000000000, "GBP", "\u00a31bn EV36Zero hub", region="uk"),
        C("investment", 423000000, "GBP", "\u00a31bn EV36Zero hub", product="new electric crossover (Sunderland)", region="uk"),
        C("battery_capacity", 40, "GWh", "40GWh battery gigafactory", company="Tata", product="battery gigafactory (Somerset)", region="uk"),
        C("production_start", None, None, "40GWh battery gigafactory", company="Tata", product="battery gigafactory (Somerset)", region="uk", year=2026),
    ),
    notes="British motoring news on the Sunderland expansion (Nov 2023): the SAME EVENT as the Kabuto wire report of the same day, but a different story (own text) -> separate group, both carry claims. 'a third battery gigafactory' is an ordinal, not a fraction (no claim). The unnamed executive's quote gives 100 per cent from 2030 -> ev_sales_share 100 europe 2030. The 2021 EV36Zero figures (\u00a31bn, \u00a3423m) are restated commitments, annotated as targets without horizon. Not claims: \u00a334,000 price, 1.6-litre, 141bhp, 2021 (background date). Reader comments below carry numbers (chrome).",
)

LEAF_2025 = Story(
    outlet="wheelhouse",
    path="/wheelhouse/news/new-nissan-leaf-production-starts-sunderland.html",
    title="Production of the new Nissan Leaf gets under way in Sunderland",
    published="2025-12-16T09:45:00+00:00",
    author="Priya Lawson",
    group="h08-leaf3-production-2025",
    feed=FEED,
    summary="Third-generation Leaf production starts at Sunderland after \u00a3450m of investment; electric Qashqai and Juke still undecided.",
    blocks=(
        ("lead", "Third-generation electric crossover is the first of Nissan's next wave of British-built EVs \u2013 but question marks hang over the rest"),
        ("p", "Nissan has started building the third-generation Leaf at Sunderland, 12 years after the original hatchback first rolled off the line there."),
        ("p", "The company has spent \u00a3450m getting the plant and its suppliers ready for the new car, more than \u00a3300m of it directly in its UK operations."),
        ("p", "Sunderland built 282,704 examples of the first two generations of the Leaf. || Worldwide, more than 700,000 Leafs have been sold since 2010."),
        ("p", "The new car is a crossover rather than a hatchback, and its 75kWh battery gives an official range of up to 386 miles. || A cheaper 52kWh version is due next year, and prices start at around \u00a330,000."),
        ("h", "Unfinished business"),
        ("p", "Less certain is the future of the electric Qashqai and Juke that Nissan promised for Sunderland two years ago. || No final investment decision has been taken on either car, according to a person briefed on the plans, and Nissan would say only that it remains committed to the site."),
        ("p", "This month Nissan Europe's chairman also declined to put a date on an all-electric European line-up, two years after the company pledged to sell only electric cars in Europe by 2030."),
        ("p", "In May, Nissan scrapped plans for a 5GWh battery plant in Kyushu, southern Japan, that would have made cheaper lithium-iron-phosphate cells."),
        ("p", "AESC's second gigafactory next door, which will supply cells for the Leaf, is due to start production before the end of the year with 15.8GWh of annual capacity."),
        ("p", "Tesla's worldwide deliveries fell for the first time last year, to 1.79 million cars."),
    ),
    claims=(
        C("production_start", None, None, "has started building the third-generation Leaf", product="Leaf (third generation, Sunderland)", region="uk", year=2025, kind="actual"),
        C("investment", 450000000, "GBP", "has spent \u00a3450m", product="Leaf (third generation, Sunderland)", region="uk", year=2025, kind="actual"),
        C("investment", 300000000, "GBP", "has spent \u00a3450m", product="Leaf (third generation, Sunderland)", q="at_least", region="uk", year=2025, kind="actual"),
        C("other", 282704, "vehicles", "282,704 examples", product="Leaf (cumulative production, Sunderland)", region="uk", year=2025, kind="actual"),
        C("cumulative_sales", 700000, "vehicles", "more than 700,000 Leafs", product="Leaf", q="at_least", year=2025, kind="actual"),
        C("ev_sales_share", 100, "percent", "pledged to sell only electric cars", region="europe", year=2030),
        C("battery_capacity", 15.8, "GWh", "15.8GWh of annual capacity", product="battery gigafactory 2 (AESC, Sunderland)", region="uk", year=2025),
        C("production_start", None, None, "15.8GWh of annual capacity", product="battery gigafactory 2 (AESC, Sunderland)", region="uk", year=2025),
        C("ev_sales_volume", 1790000, "vehicles", "to 1.79 million cars", company="Tesla", year=2024, kind="actual"),
    ),
    notes="British motoring news (Dec 2025). Also listed in the Torque Bazaar feed with tracking parameters (same group, that row carries no claims). Cumulative production -> other. Judgment call: the 2030 all-EV pledge is restated as still standing (the chairman 'declined to put a date', no withdrawal) -> target. 'before the end of the year' -> 2025. Not claims: 12 years, 75kWh, 386 miles, 52kWh version 'due next year' (a variant, not a new model), ~\u00a330,000 price, the CANCELLED 5GWh Kyushu plant (described as scrapped), the rumour about the Qashqai/Juke decision (no number). 'last year' -> 2024 for Tesla.",
    also_listed=(("/feeds/torquebazaar.xml", "utm_source=torquebazaar&utm_medium=rss&utm_campaign=global-ev"),),
)

STORIES = (GHOSN, SUNDERLAND, LEAF_2025)
