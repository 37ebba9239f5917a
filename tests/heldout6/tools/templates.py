"""Page templates of the four heldout6 outlets (all chrome lives here)."""

from __future__ import annotations

import datetime as dt
import html
import json

OUTLET_NAMES = {
    "stroomlijn": "Stroomlijn (English edition)",
    "cerradowire": "Cerrado Trade Wire",
    "wearcourier": "The Wear Valley Courier",
    "kestrel": "Kestrel Capital Brief",
}


def _date(art) -> dt.date:
    return dt.date.fromisoformat(art.published)


def _iso(art) -> str:
    return f"{art.published}T{art.clock}:00{art.tz}"


def _head(art, extra: str = "") -> str:
    t = html.escape(art.title)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{t} | {html.escape(OUTLET_NAMES[art.outlet])}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="{html.escape(art.summary)}">
<link rel="canonical" href="{{{{BASE}}}}{art.path}">
<meta property="og:title" content="{t}">
<meta property="og:type" content="article">
<meta property="og:url" content="{{{{BASE}}}}{art.path}">
{extra}</head>
"""


def _comments(art) -> str:
    items = art.extra.get("comments", [])
    if not items:
        return ""
    lis = "\n".join(
        f'<li class="comment"><span class="comment-author">{html.escape(a)}</span><p>{html.escape(c)}</p></li>'
        for a, c in items
    )
    return f'<section id="comments" class="comments"><h3>{len(items)} comments</h3><ol class="comment-list">\n{lis}\n</ol></section>'


def stroomlijn(art, body: str) -> str:
    d = _date(art)
    head = _head(
        art,
        f'<meta property="article:published_time" content="{_iso(art)}">\n'
        '<meta property="og:site_name" content="Stroomlijn">\n'
        '<link rel="alternate" type="application/rss+xml" href="{{BASE}}/feeds/stroomlijn.xml">\n',
    )
    return head + f"""<body class="edition-en">
<div id="cookie-wall" class="consent"><p>Stroomlijn uses functional and analytical cookies. With your permission we also place tracking cookies from 12 partners. <a href="#">Settings</a> <button>Accept all</button></p></div>
<header class="site-header">
  <a class="logo" href="{{{{BASE}}}}/stroomlijn/">Stroomlijn<span>.</span></a>
  <nav class="lang"><a href="#">NL</a> | <strong>EN</strong></nav>
  <nav class="sections"><a href="#">News</a> <a href="#">Charging</a> <a href="#">Lease &amp; tax</a> <a href="#">Community</a> <a href="#">Long reads</a></nav>
  <div class="ticker">Fast-charging average today: EUR 0.59/kWh &middot; Public charge points in NL: 147,302 &middot; BEV share of new registrations, last month: 34.1%</div>
</header>
<main class="container">
<article class="post">
  <p class="section-tag">{html.escape(art.extra.get("section", "News"))}</p>
  <h1 class="post-title">{html.escape(art.title)}</h1>
  <p class="post-meta">{html.escape(art.byline)} &middot; {d.day} {d.strftime("%B %Y")} &middot; {art.extra.get("read", "4")} min read</p>
  <div class="post-content">
{body}
  </div>
  <p class="translation-note">This article first appeared in Dutch. Translated by the Stroomlijn editors.</p>
  <div class="share">Share: <a href="#">LinkedIn</a> <a href="#">Bluesky</a> <a href="#">WhatsApp</a></div>
</article>
{_comments(art)}
</main>
<aside class="sidebar">
  <section class="popular"><h3>Most read this week</h3><ol>
    <li><a href="#">Kia EV3 tested: 563 km on one charge in Drenthe</a></li>
    <li><a href="#">Lease drivers: what the 16% tax addition means in 2026</a></li>
    <li><a href="#">Tesla Model Y price cut by EUR 3,000 in the Netherlands</a></li>
  </ol></section>
  <section class="newsletter"><h3>The Monday Charge</h3><p>Join 48,000 readers. One email a week, no spam.</p><a href="#">Subscribe</a></section>
</aside>
<footer><p>&copy; Stroomlijn Media B.V., Utrecht. KvK 81234567.</p><a href="{{{{BASE}}}}/feeds/stroomlijn.xml">RSS</a></footer>
</body>
</html>
"""


def cerradowire(art, body: str) -> str:
    d = _date(art)
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": art.title,
        "datePublished": _iso(art),
        "author": {"@type": "Organization", "name": art.byline},
        "publisher": {"@type": "Organization", "name": "Cerrado Trade Wire"},
    }
    head = _head(
        art,
        f'<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>\n'
        '<link rel="alternate" type="application/atom+xml" href="{{BASE}}/feeds/cerradowire.xml">\n',
    )
    return head + f"""<body>
<div class="topbar">Ibovespa 127,410 (+0.8%) | USD/BRL 5.61 | EUR/BRL 6.33 | Nikkei 37,850 | Brent US$ 64.20</div>
<header><a class="brand" href="{{{{BASE}}}}/cerradowire/">CERRADO TRADE WIRE</a> <span class="tagline">Latin American business news in English since 1998</span>
<nav><a href="#">Agribusiness</a> <a href="#">Autos</a> <a href="#">Energy</a> <a href="#">Mining</a> <a href="#">Markets</a></nav></header>
<div class="wrap">
<main>
  <article class="wire-story">
    <h1>{html.escape(art.title)}</h1>
    <div class="dateline-meta">{html.escape(art.byline)} | {d.strftime("%b")} {d.day}, {d.year} {art.clock} (GMT{art.tz})</div>
    <div class="wire-text">
{body}
    </div>
  </article>
  <div class="copyright-note">Copyright Cerrado Trade Wire. Redistribution requires written consent. Translation into Portuguese available to subscribers.</div>
  <section class="related"><h3>Related coverage</h3><ul>
    <li><a href="#">Brazil EV imports jump 91% as import tax rises toward 35%</a></li>
    <li><a href="#">GWM to build 50,000 cars a year at Iracemapolis plant</a></li>
    <li><a href="#">Stellantis plans BRL 30 billion for South America through 2030</a></li>
  </ul></section>
</main>
<aside><h3>Top stories</h3><ol>
  <li><a href="#">Soy exports hit record 15.7 million tonnes in April</a></li>
  <li><a href="#">BYD says Camacari plant to employ 20,000 people</a></li>
  <li><a href="#">Petrobras raises 2025 capex to US$ 111 billion</a></li>
</ol></aside>
</div>
<footer>Cerrado Trade Wire - Sao Paulo | Brasilia | Buenos Aires | Mexico City. <a href="{{{{BASE}}}}/feeds/cerradowire.xml">Atom feed</a></footer>
</body>
</html>
"""


def wearcourier(art, body: str) -> str:
    d = _date(art)
    head = _head(
        art,
        '<meta property="og:site_name" content="The Wear Valley Courier">\n'
        '<link rel="alternate" type="application/rss+xml" href="{{BASE}}/feeds/wearcourier.xml">\n',
    )
    credit = art.extra.get("credit", "")
    credit_html = f'<p class="syndication">{html.escape(credit)}</p>' if credit else ""
    return head + f"""<body>
<div class="paywall-meter">You have 4 free articles left this month. <a href="#">Subscribe from &pound;1 a week</a></div>
<header class="masthead">
  <div class="weather">Sunderland 11&deg;C, showers</div>
  <a class="title" href="{{{{BASE}}}}/wearcourier/">The Wear Valley Courier</a>
  <nav><a href="#">News</a> <a href="#">Business</a> <a href="#">Sport</a> <a href="#">SAFC</a> <a href="#">What's On</a> <a href="#">Puzzles</a> <a href="#">Jobs</a></nav>
</header>
<main>
<article class="story">
  <span class="category">{html.escape(art.extra.get("section", "News"))}</span>
  <h1 class="headline">{html.escape(art.title)}</h1>
  <div class="byline"><span class="author">{html.escape(art.byline)}</span> <span class="published">Published {d.strftime("%A")} {d.day} {d.strftime("%B %Y")}, {art.clock}</span></div>
  <figure><img src="{{{{BASE}}}}/wearcourier/img/plant.jpg" alt=""><figcaption>The Washington Road site, which opened in 1986 and has built more than 10 million cars.</figcaption></figure>
  <div class="article-body">
{body}
  </div>
  {credit_html}
  <p class="newsletter-box">Get the Courier Business Bulletin: 3 emails a week on Wearside firms and jobs. <a href="#">Sign up</a></p>
</article>
{_comments(art)}
</main>
<aside class="latest"><h3>Latest from Wearside</h3><ul>
  <li><a href="#">Port of Sunderland lands 150 new jobs in offshore wind deal</a></li>
  <li><a href="#">Council approves 2,000-home plan at Seaburn</a></li>
  <li><a href="#">Black Cats sell out 47,000-seat stadium for derby</a></li>
</ul></aside>
<footer><p>&copy; Wear Valley Courier Ltd. Regulated by IPSO.</p><a href="{{{{BASE}}}}/feeds/wearcourier.xml">RSS</a></footer>
</body>
</html>
"""


def kestrel(art, body: str) -> str:
    d = _date(art)
    head = _head(
        art,
        '<meta property="og:site_name" content="Kestrel Capital Brief">\n'
        '<link rel="alternate" type="application/atom+xml" href="{{BASE}}/feeds/kestrel.xml">\n',
    )
    rating = art.extra.get("rating", "Rating: HOLD | 12-month price target JPY 480 | Upside 6%")
    return head + f"""<body class="note">
<header class="brief-header"><a href="{{{{BASE}}}}/kestrel/">Kestrel Capital Brief</a> <span>Japan autos &amp; mobility - sell-side style notes for independent investors</span>
<nav><a href="#">Notes</a> <a href="#">Coverage</a> <a href="#">Earnings calendar</a> <a href="#">Log in</a></nav></header>
<div class="layout">
<main>
  <article class="research-note">
    <div class="note-meta"><span class="ticker-tag">7201.T Nissan Motor</span> <time datetime="{_iso(art)}">{d.day} {d.strftime("%b %Y")}</time> <span class="analyst">{html.escape(art.byline)}</span></div>
    <h1>{html.escape(art.title)}</h1>
    <div class="note-body">
{body}
    </div>
  </article>
  <section class="disclosures"><h4>Disclosures</h4><p>Kestrel Capital Brief is an independent newsletter. Nothing here is investment advice. The author held no position in 7201.T, 7203.T or 7267.T at the time of writing. Past performance is not indicative of future results.</p></section>
</main>
<aside class="sidebar">
  <div class="rating-box">{html.escape(rating)}</div>
  <div class="coverage"><h4>Coverage snapshot</h4><table><tr><td>7203.T Toyota</td><td>JPY 2,895</td></tr><tr><td>7267.T Honda</td><td>JPY 1,512</td></tr><tr><td>7211.T Mitsubishi Motors</td><td>JPY 412</td></tr></table></div>
  <div class="previous"><h4>Previous notes</h4><ul>
    <li><a href="#">Toyota: 1.5m BEV ambition quietly shelved?</a></li>
    <li><a href="#">Honda: why the 30-EV plan now runs to FY2031</a></li>
    <li><a href="#">Subaru: 8 EVs by 2028, only 4 of them its own</a></li>
  </ul></div>
  <div class="subscribe">Free tier: 2 notes a month. Pro: JPY 1,980 a month.</div>
</aside>
</div>
<footer>Kestrel Capital Brief, Tokyo. <a href="{{{{BASE}}}}/feeds/kestrel.xml">Atom</a></footer>
</body>
</html>
"""


RENDERERS = {"stroomlijn": stroomlijn, "cerradowire": cerradowire, "wearcourier": wearcourier, "kestrel": kestrel}


def render_page(art, body: str) -> str:
    return RENDERERS[art.outlet](art, body)
