"""The weight of a real news page around its article, for the generated site.

Real article pages are mostly chrome: the 181 public pages of
shared/bench/extraction have 486 / 785 / 1,014 elements at their quartiles,
nest 11-17 levels deep, carry 14-76 KB of inline script and style and weigh
about 114 KB at the median; plain trafilatura takes ~14 ms on them here.
Chrome of that weight is what an extractor pays for on every page, so the
benchmark's pages carry it too: a mega-menu, breadcrumbs, layout wrappers,
teaser cards with pictures, ad slots, a newsletter box, a link-heavy footer
with inline SVG icons, a tag-manager snippet and a JSON state blob.

Every piece takes the page's own `random.Random`, so a page stays a pure
function of (seed, index). Nothing here is article text: the claim-bearing
sentences live only in the article body.
"""

from __future__ import annotations

import json
import random

SECTIONS = ("News", "Reviews", "Charging", "Batteries", "Policy", "Markets", "Tech", "Video", "Deals", "Guides",
            "Fleet", "Opinion", "Podcasts", "Events")  # fmt: skip
SUBJECTS = ("Leaf", "Ariya", "Sakura", "Micra", "Juke", "Qashqai", "Model Y", "ID.3", "Ioniq 5", "EV6", "Atto 3",
            "bZ4X", "e:Ny1", "Zoe", "Megane E-Tech", "iX3", "EQA", "Mustang Mach-E", "Bolt", "Polestar 2")  # fmt: skip
KICKERS = ("Analysis", "Exclusive", "Review", "Explainer", "Live", "Opinion", "Video", "Sponsored", "Data")
ICON_PATH = "M12 2C6.48 2 2 6.48 2 12s4.48 10 10 10 10-4.48 10-10S17.52 2 12 2zm0 18c-4.41 0-8-3.59-8-8s3.59-8 8-8 8 3.59 8 8-3.59 8-8 8z"

def _href(base: str, outlet: str, rng: random.Random, stem: str) -> str:
    return f"{base}/{outlet}/{stem}/{rng.choice(SUBJECTS).lower().replace(' ', '-').replace('.', '')}-{rng.randrange(10**5)}.html"


def _icon(rng: random.Random) -> str:
    return (f'<svg class="icon" viewBox="0 0 24 24" width="{rng.choice((16, 20, 24))}" height="20" aria-hidden="true">'
            f'<path d="{ICON_PATH}"/></svg>')  # fmt: skip


def mega_menu(rng: random.Random, base: str, outlet: str) -> str:
    """A navigation bar whose every section opens a drop-down of links."""
    columns = []
    for section in rng.sample(SECTIONS, rng.randint(3, 9)):
        stem = section.lower()
        subs = "".join(
            f'<li class="menu-item"><a class="menu-link" href="{_href(base, outlet, rng, stem)}">'
            f"{rng.choice(SUBJECTS)} {section.lower()}</a></li>"
            for _ in range(rng.randint(3, 10))
        )
        columns.append(
            f'<li class="menu-item has-children"><a class="menu-link" href="{base}/{outlet}/{stem}/">{section}'
            f'{_icon(rng)}</a><div class="dropdown"><div class="dropdown-inner"><ul class="sub-menu">{subs}</ul>'
            f"</div></div></li>"
        )
    return f'<nav class="primary-nav" aria-label="Main"><div class="nav-inner"><ul class="menu">{"".join(columns)}</ul></div></nav>'


def breadcrumbs(rng: random.Random, base: str, outlet: str) -> str:
    trail = ["Home", rng.choice(SECTIONS), rng.choice(SUBJECTS)]
    items = "".join(f'<li class="crumb"><a href="{base}/{outlet}/{t.lower()}/"><span>{t}</span></a></li>' for t in trail)
    return f'<nav class="breadcrumbs" aria-label="Breadcrumb"><ol>{items}</ol></nav>'


def teaser_cards(rng: random.Random, base: str, outlet: str, headlines: list[str], title: str) -> str:
    """A grid of story cards: picture, kicker, headline, time, comment count."""
    cards = []
    for headline in headlines:
        href = _href(base, outlet, rng, "news")
        image = f"{base}/img/{rng.randrange(10**8):x}"
        cards.append(
            f'<article class="card"><a class="card-media" href="{href}"><figure class="ratio-16x9"><picture>'
            f'<source type="image/webp" srcset="{image}-480.webp 480w, {image}-960.webp 960w">'
            f'<img src="{image}-480.jpg" alt="" loading="lazy" width="480" height="270"></picture></figure></a>'
            f'<div class="card-body"><span class="kicker">{rng.choice(KICKERS)}</span>'
            f'<h4 class="card-title"><a href="{href}">{headline}</a></h4><div class="card-meta">'
            f'<time datetime="2024-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}">{rng.randint(1, 23)}h ago</time>'
            f'<span class="comment-count">{_icon(rng)}{rng.randint(0, 400)}</span></div></div></article>'
        )
    return f'<section class="teasers"><h3 class="section-title">{title}</h3><div class="grid">{"".join(cards)}</div></section>'


def ad_slot(rng: random.Random) -> str:
    slot = rng.randrange(10**6)
    return (f'<div class="ad-wrapper"><div class="ad-label">Advertisement</div><div class="ad-slot" id="ad-{slot}" '
            f'data-size="{rng.choice(("300x250", "728x90", "970x250", "300x600"))}" data-refresh="30">'
            f'<div class="ad-placeholder"></div></div></div>')  # fmt: skip


def newsletter(rng: random.Random, base: str, outlet: str) -> str:
    return ('<div class="newsletter"><h3>Get the EV briefing</h3><p>Every weekday morning, free.</p>'
            f'<form action="{base}/{outlet}/subscribe" method="post"><label for="nl-{rng.randrange(999)}">Email</label>'
            '<input type="email" name="email" placeholder="you@example.com"><input type="hidden" name="list" value="daily">'
            '<button type="submit">Sign up</button></form></div>')  # fmt: skip


def footer(rng: random.Random, base: str, outlet: str, name: str) -> str:
    """Link columns, social icons and the small print."""
    columns = "".join(
        f'<div class="footer-col"><h4>{section}</h4><ul>'
        + "".join(f'<li><a href="{_href(base, outlet, rng, section.lower())}">{rng.choice(SUBJECTS)}</a></li>'
                  for _ in range(rng.randint(4, 9)))  # fmt: skip
        + "</ul></div>"
        for section in rng.sample(SECTIONS, rng.randint(3, 5))
    )
    social = "".join(f'<li><a href="https://social.example/{outlet}/{i}" rel="noopener">{_icon(rng)}</a></li>' for i in range(6))
    legal = ("Terms", "Privacy", "Cookie settings", "Accessibility", "Contact", "Advertise", "Careers")
    small = "".join(f'<li><a href="{base}/{outlet}/{t.lower().replace(" ", "-")}">{t}</a></li>' for t in legal)
    return (f'<footer class="site-footer"><div class="footer-top"><div class="footer-cols">{columns}</div>'
            f'<ul class="social">{social}</ul></div><div class="footer-bottom"><ul class="legal">{small}</ul>'
            f"<p>&copy; {name}. All rights reserved.</p></div></footer>")  # fmt: skip


def page_scripts(rng: random.Random, outlet: str, headlines: list[str]) -> str:
    """A tag-manager snippet and the JSON state single-page apps ship with the HTML."""
    state = {
        "page": {"outlet": outlet, "section": rng.choice(SECTIONS), "id": rng.randrange(10**9)},
        "teasers": [{"id": rng.randrange(10**9), "headline": h, "views": rng.randrange(10**6),
                     "tags": rng.sample(SUBJECTS, 3)} for h in headlines * rng.randint(2, 6)],  # fmt: skip
        "experiments": {f"exp_{i}": rng.choice(("control", "a", "b")) for i in range(rng.randint(10, 80))},
    }
    return (f"<script>(function(w,d,s,l){{w[l]=w[l]||[];w[l].push({{'start':Date.now()}});}})(window,document,'script',"
            f"'dataLayer');</script><script>window.__STATE__ = {json.dumps(state)};</script>")  # fmt: skip


def wrapped(rng: random.Random, inner: str) -> str:
    """The layout grid's nested wrappers around the main column."""
    depth = rng.randint(3, 6)
    names = ("container", "row", "col-main", "content-area", "layout", "region")
    return "".join(f'<div class="{names[i]}">' for i in range(depth)) + inner + "</div>" * depth
