"""Page templates of the four held-out outlets, each with its own chrome.

Chrome (menus, consent banners, sidebars, comments, newsletter boxes) is
full of numbers on purpose: none of it is article body.
"""

from __future__ import annotations

import datetime as dt
import json
from html import escape

from model import Story, plain


def body_html(story: Story, inline_chrome: str = "", after: int = 2) -> str:
    """The article's own blocks as HTML, with an optional chrome block slipped in after `after` blocks."""
    out: list[str] = []
    in_list = False
    blocks = [b for b in story.blocks if b[0] != "lead"]
    for index, (kind, text) in enumerate(blocks):
        if index == after and inline_chrome:
            out.append(inline_chrome)
        if kind == "li" and not in_list:
            out.append("<ul>")
            in_list = True
        if kind != "li" and in_list:
            out.append("</ul>")
            in_list = False
        t = escape(plain(text), quote=False)
        out.append(
            {
                "p": f"<p>{t}</p>",
                "h": f"<h2>{t}</h2>",
                "li": f"<li>{t}</li>",
                "q": f"<blockquote><p>{t}</p></blockquote>",
                "qq": f"<p><strong>{t}</strong></p>",
                "sig": f'<p class="signoff">{t}</p>',
            }[kind]
        )
    if in_list:
        out.append("</ul>")
    return "\n    ".join(out)


def lead(story: Story) -> str | None:
    return next((plain(t) for k, t in story.blocks if k == "lead"), None)


def when(story: Story) -> dt.datetime:
    return dt.datetime.fromisoformat(story.published)


def json_ld(story: Story, publisher: str) -> str:
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": story.title,
        "datePublished": story.published,
        "author": {"@type": "Person", "name": story.author},
        "publisher": {"@type": "Organization", "name": publisher},
        "mainEntityOfPage": "{{BASE}}" + story.path,
    }
    return f'<script type="application/ld+json">{json.dumps(data, ensure_ascii=False)}</script>'


def head(story: Story, site: str, extra: str = "") -> str:
    e = escape(story.title)
    return f"""<head>
<meta charset="utf-8">
<title>{e} | {escape(site)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="canonical" href="{{{{BASE}}}}{story.path}">
<meta property="og:title" content="{e}">
<meta property="og:type" content="article">
<meta property="og:site_name" content="{escape(site)}">
{extra}
</head>"""


def kabuto(story: Story) -> str:
    d = when(story)
    stamp = d.strftime("%B %-d, %Y %-I:%M %p") + f" GMT{d.strftime('%z')[:3].replace('+0', '+').replace('-0', '-')}"
    return f"""<!DOCTYPE html>
<html lang="en">
{head(story, "Kabuto Markets Wire", json_ld(story, "Kabuto Markets Wire"))}
<body>
<div id="consent"><p>We use cookies and similar technologies to personalise content and measure advertising. <a href="#">Manage choices</a> <button>Accept all</button></p></div>
<header class="kmw-top">
  <a class="logo" href="{{{{BASE}}}}/kabutowire/">KABUTO MARKETS WIRE</a>
  <nav><a href="#">Markets</a> <a href="#">Companies</a> <a href="#">Autos</a> <a href="#">Energy Transition</a> <a href="#">Asia</a></nav>
  <div class="ticker"><span>NIKKEI 38,274 +0.4%</span> <span>TOPIX 2,711</span> <span>USD/JPY 151.2</span> <span>7201.T Nissan -1.2%</span> <span>7203.T Toyota +0.8%</span></div>
</header>
<div class="wrap">
<article class="story">
  <p class="section">Autos &amp; Transportation</p>
  <h1>{escape(story.title)}</h1>
  <p class="meta"><span class="by">By {escape(story.author)}</span> <time>{stamp}</time> <span>4 min read</span></p>
  <div class="article-body">
    {body_html(story)}
  </div>
  <p class="standards">Our Standards: The Kabuto Trust Principles.</p>
  <section class="related"><h3>Related coverage</h3><ul>
    <li><a href="#">Toyota targets 1.5 million EV sales a year by 2026</a></li>
    <li><a href="#">Honda to spend 10 trillion yen on EVs and software through fiscal 2030</a></li>
    <li><a href="#">Nissan shares drop 9% after profit warning</a></li>
  </ul></section>
</article>
<aside class="rail">
  <h3>Most read</h3><ol>
    <li><a href="#">BYD outsells Tesla for a second straight quarter with 526,000 EVs</a></li>
    <li><a href="#">Nissan to cut 9,000 jobs, trims global capacity by 20%</a></li>
    <li><a href="#">Mitsubishi Motors aims for 100% electrified sales by 2035</a></li>
  </ol>
  <div class="promo"><h3>Asia Autos Daily</h3><p>Join 48,000 professionals who get our autos briefing every weekday.</p><a href="#">Sign up</a></div>
</aside>
</div>
<footer><p>&copy; Kabuto Markets Wire. All market data delayed at least 20 minutes.</p><nav><a href="#">Terms</a> <a href="#">Privacy</a> <a href="{{{{BASE}}}}/feeds/kabutowire.xml">RSS</a></nav></footer>
</body>
</html>
"""


_WH_INLINE = """<aside class="inline-related"><p><strong>Read more:</strong> <a href="#">Best electric SUVs 2025: top 10 with 300+ miles of range</a></p></aside>"""


def wheelhouse(story: Story) -> str:
    d = when(story)
    standfirst = lead(story)
    sf = f'<p class="standfirst">{escape(standfirst, quote=False)}</p>' if standfirst else ""
    meta = f'<meta property="article:published_time" content="{story.published}">'
    return f"""<!DOCTYPE html>
<html lang="en-GB">
{head(story, "The Wheelhouse", meta)}
<body>
<div class="gdpr"><p>The Wheelhouse and our 214 partners store and access information on your device. You can accept or manage your choices at any time.</p><button>Accept</button> <button>Manage</button></div>
<header class="site"><a class="logo" href="{{{{BASE}}}}/wheelhouse/">The Wheelhouse</a>
<nav><a href="#">Reviews</a> <a href="#">News</a> <a href="#">Electric</a> <a href="#">Advice</a> <a href="#">Car deals from &pound;159/month</a></nav></header>
<main>
<article class="article">
  <p class="kicker">News</p>
  <h1 class="article__title">{escape(story.title)}</h1>
  {sf}
  <div class="byline">By {escape(story.author)} <time>{d.strftime('%-d %B %Y')}</time></div>
  <div class="article__content">
    {body_html(story, _WH_INLINE, 2)}
  </div>
  <div class="newsletter-box"><h3>Get The Wheelhouse newsletter</h3><p>The latest reviews and news, plus exclusive deals, twice a week. Over 90,000 drivers already subscribe.</p><button>Sign up</button></div>
  <section class="comments"><h3>Comments (3)</h3><ol>
    <li class="comment"><p class="who">GreenLaner</p><p>Had my Leaf for 6 years and 62,000 miles, battery still at 85 per cent.</p></li>
    <li class="comment"><p class="who">DieselDave</p><p>They promised a million electric cars by 2020 and 20 models by now. I'll believe it when I see it.</p></li>
    <li class="comment"><p class="who">Sunderland_Sue</p><p>My dad worked on the line for 30 years. Good news for the North East.</p></li>
  </ol></section>
</article>
<aside class="sidebar"><h3>Most popular</h3><ol>
  <li><a href="#">Kia EV3 review: 375 miles for under &pound;33,000</a></li>
  <li><a href="#">Petrol prices hit 150p a litre again</a></li>
  <li><a href="#">Nissan to build 100,000 electric Qashqais a year?</a></li>
  <li><a href="#">Our top 10 used EVs under &pound;10k</a></li>
</ol></aside>
</main>
<footer><p>The Wheelhouse is part of Northbank Media Ltd. &copy; 2025</p></footer>
</body>
</html>
"""


_TB_INLINE = """<div class="also-read"><strong>Also Read:</strong> <a href="#">Tata Curvv EV launched at Rs 17.49 lakh; 585 km range claimed</a></div>"""


def _ist(story: Story) -> str:
    return when(story).strftime("%b %-d, %Y, %I:%M %p IST")


def torque(story: Story) -> str:
    return f"""<!DOCTYPE html>
<html lang="en-IN">
{head(story, "Torque Bazaar", json_ld(story, "Torque Bazaar"))}
<body>
<header class="tb-head"><a class="logo" href="{{{{BASE}}}}/torquebazaar/">Torque<b>Bazaar</b></a>
  <div class="city">Select City: New Delhi</div>
  <nav><a href="#">New Cars</a> <a href="#">Upcoming Cars</a> <a href="#">EV</a> <a href="#">Bikes</a> <a href="#">News</a> <a href="#">Car Loan EMI</a></nav>
</header>
<div class="container">
<article class="news">
  <ul class="crumbs"><li><a href="#">Home</a></li><li><a href="#">News</a></li><li><a href="#">Industry</a></li></ul>
  <h1>{escape(story.title)}</h1>
  <div class="info"><span>{escape(story.author)}</span> | <span>Updated: {_ist(story)}</span></div>
  <div class="story-content">
    {body_html(story, _TB_INLINE, 4)}
  </div>
  <div class="credit">{'With inputs from Kabuto Markets Wire' if story.group.startswith('h05') else 'Torque Bazaar News Desk'}</div>
  <div class="share">Share: WhatsApp | X | Facebook</div>
</article>
<aside class="widgets">
  <div class="w"><h3>Upcoming Cars</h3><ul><li>Maruti eVitara - Rs 17 lakh* expected</li><li>Mahindra XEV 9e - Rs 21.90 lakh</li><li>Nissan Magnite CNG - Rs 6.89 lakh</li></ul></div>
  <div class="w"><h3>Top EVs under 15 lakh</h3><ol><li>Tata Punch.ev - 421 km</li><li>MG Windsor EV - 332 km</li><li>Tata Nexon.ev - 489 km</li></ol></div>
  <div class="w"><h3>EMI Calculator</h3><p>Rs 9,999/month* for 60 months</p></div>
</aside>
</div>
<footer><p>&copy; 2025 Torque Bazaar Digital Pvt Ltd. *Ex-showroom prices.</p></footer>
</body>
</html>
"""


def torque_amp(story: Story) -> str:
    return f"""<!doctype html>
<html amp lang="en-IN">
<head>
<meta charset="utf-8">
<script async src="https://cdn.ampproject.org/v0.js"></script>
<title>{escape(story.title)} | Torque Bazaar</title>
<link rel="canonical" href="{{{{BASE}}}}{story.path}">
<meta name="viewport" content="width=device-width,minimum-scale=1,initial-scale=1">
{json_ld(story, "Torque Bazaar")}
<style amp-boilerplate>body{{visibility:hidden}}</style>
<style amp-custom>.story p{{font-size:17px}}</style>
</head>
<body>
<header class="amp-head"><a href="{{{{BASE}}}}/torquebazaar/">TorqueBazaar</a> <button on="tap:sidebar.toggle">Menu</button></header>
<amp-sidebar id="sidebar" layout="nodisplay"><ul><li>New Cars</li><li>Compare</li><li>Electric</li><li>Offers up to Rs 1.5 lakh</li></ul></amp-sidebar>
<article class="story">
  <h1>{escape(story.title)}</h1>
  <p class="byline">{escape(story.author)} &middot; {_ist(story)}</p>
  <amp-img src="/img/epower.jpg" width="640" height="360" layout="responsive" alt="e-POWER badge"></amp-img>
  <div class="story-body">
    {body_html(story)}
  </div>
  <amp-ad width="300" height="250" type="adsense"><div fallback>Book a test drive: get Rs 50,000 off on the Magnite!</div></amp-ad>
  <amp-social-share type="whatsapp"></amp-social-share>
  <section class="related"><h3>Related</h3><ul><li>Nissan Magnite facelift launched at Rs 5.99 lakh</li><li>X-Trail review: is Rs 49.92 lakh too much?</li></ul></section>
</article>
<footer>&copy; Torque Bazaar</footer>
</body>
</html>
"""


_CC_INLINE = """<div class="subscription-widget"><p>Charge Curve is a reader-supported publication. Join 12,400 readers: subscribe for free or support the work with a paid plan.</p><button>Subscribe</button></div>"""


def chargecurve(story: Story) -> str:
    d = when(story)
    subtitle = lead(story)
    sub = f'<h3 class="subtitle">{escape(subtitle, quote=False)}</h3>' if subtitle else ""
    return f"""<!DOCTYPE html>
<html lang="en">
{head(story, "Charge Curve")}
<body>
<div class="topbar"><a class="pub" href="{{{{BASE}}}}/chargecurve/">Charge Curve</a> <button>Subscribe</button> <a href="#">Sign in</a></div>
<article class="post">
  <div class="post-header">
    <h1 class="post-title">{escape(story.title)}</h1>
    {sub}
    <div class="post-meta"><span class="author">{escape(story.author)}</span> <span class="date">{d.strftime('%b %-d, %Y')}</span></div>
    <div class="post-ufi"><span>&#9829; 48</span> <span>&#128172; 12</span> <span>Share</span></div>
  </div>
  <div class="available-content"><div class="body markup">
    {body_html(story, _CC_INLINE, 3)}
  </div></div>
  <div class="post-footer"><p>Hana Ito covered the car industry in Tokyo for ten years. Charge Curve is free; paid subscribers ($8/month) get the data sheets.</p></div>
  <section class="comments-section"><h3>12 Comments</h3>
    <div class="comment"><p class="name">Ken W.</p><p>Nissan said 20 EVs by 2030 last time I checked, not 15.</p></div>
    <div class="comment"><p class="name">Lotte</p><p>My 2019 Leaf 40kWh still does 220 km in summer.</p></div>
  </section>
</article>
<footer class="footer"><p>&copy; 2025 Hana Ito &middot; Privacy &middot; Terms &middot; Collection notice</p><p>Substack-style publishing</p></footer>
</body>
</html>
"""


TEMPLATES = {"kabuto": kabuto, "wheelhouse": wheelhouse, "torque": torque, "torque_amp": torque_amp, "chargecurve": chargecurve}
OUTLET_NAMES = {
    "kabuto": "Kabuto Markets Wire",
    "wheelhouse": "The Wheelhouse",
    "torque": "Torque Bazaar",
    "torque_amp": "Torque Bazaar",
    "chargecurve": "Charge Curve",
}
