"""Claim extraction cost per article, against trafilatura on the same pages (issue 9).

Generates the synthetic site of `generate_site.py` (or reuses one under
--workdir), extracts the body text of its first N pages once with
`evnews.extract.extract_article`, then times, in CPU seconds
(`time.process_time`, so other jobs on the machine count less):

- trafilatura: `trafilatura.extract(html, favor_precision=True,
  include_comments=False, include_tables=True)` of each page, the plain
  library call the pipeline's extraction is built on;
- claims: `evnews.claims.extract_claims(text, published=..., title=...)` of
  each extracted body.

Each is timed over all pages, --repeat times; the table shows the best and
the median pass and the claims/trafilatura ratio of the best passes. Claims
should cost a fraction of the extraction of the page they come from.

    .venv/bin/python benchmarks/claims_bench.py                    # 300 pages, 3 passes
    .venv/bin/python benchmarks/claims_bench.py --pages 1000 --repeat 5 --workdir /tmp/cb

Measured 2026-11-21 on the project's 2-CPU machine while other jobs ran,
`.venv/bin/python benchmarks/claims_bench.py` (300 pages, 2,750-char bodies,
8.1 claims each), before and after issue 9's speed passes (claims byte-identical
through them), then after later claims-quality rounds (more rules, output
changed on purpose):

| code | trafilatura ms/page | extract_claims ms/page | claims/trafilatura |
|---|---|---|---|
| before (927de49) | 8.31 | 13.14 | 1.58 |
| prefilters (6bae28c) | 8.52 | 5.07 | 0.60 |
| skips and guarded runs | 8.03 | 4.49 | 0.56 |
| lazy markets, cue gate, needle pruning (f6b0be6) | 8.31 | 4.37 | 0.53 |
| fourth pass, no change kept (fa65191, busier machine) | 10.40 | 4.76 | 0.46 |
| claims rounds 6-7 (claims-rules-13, 0380353) | 7.83 | 4.64 | 0.59 |
| claims rounds 8-10 (claims-rules-16, bd6d785) | 7.95 | 4.87 | 0.61 |

The second pass, measured against 6bae28c in the same hour: 4.98 -> 4.49 ms
per page. On the dev corpus (18 real articles) claims went from 11.9 to 4.9
ms per article with the prefilters and to 4.5 with the second pass; on all
gold bodies (dev, held-out, demo) from 10.4 to 4.3, then 4.0.

The third pass (same output, byte for byte, over 2,110 bodies), measured
against 5a61182 in the same hour, two 5-pass runs each: 4.38 and 4.54 ->
4.34 and 4.29 ms per page. Markets are read per sentence only when a claim
asks (and the article's market only when a claim needs it), a sentence
without the words of any date cue skips the clause-by-clause cue search,
NeedlePattern remembers its last answer and drops needles a shorter one
implies, and currency signs are looked for only just before a figure. The
rest is spread thin: about 11.5 numbers per page pass through the
per-number rules at ~100 us each (1.2 ms), the finders cost ~30 us per
sentence (1 ms), and the needle tests, the floor of the prefilters, ~15 us
per sentence.

The fourth pass measured, and kept nothing (600 site bodies, CPU, interleaved
passes, best of 4). Where the time is (py-spy --gil): of 31 sentences a page,
the 21 without a digit cost ~64 us each (1.3 ms) and the 10 with one ~280 us
(2.8 ms); what the digit-free ones compute (companies, products, regions,
sites, times, rumour) is the context later sentences read, so skipping it
would need each piece of context computed lazily. NeedlePattern._choose costs
0.56 ms a page (about 500 calls at 1.1 us). Tried and dropped: one shared
answer per text for every NeedlePattern (the text cut into tokens once, each
token's needles kept across articles): 5.16 -> 5.97 ms a page when done for
every text, as a token pass (~8 us) costs more than the dozen needle loops of
a sentence; done only once a text is asked about a second, fourth or eighth
time (tokens by whitespace, not a regex), within noise or worse (4.68 -> 4.95,
5.20 -> 5.15, 5.24 -> 5.26). The same token table for find_times' trigger
loop: 4.3 -> 3.9 us a sentence, too little to keep. What is left is the
finders' context. Of 31 sentences a page, 18.7 have no number, no
only-electric wording and no time a date claim could use; in them find_regions
costs 0.100 ms a page, is_rumor 0.079, find_sites 0.041 (and find_companies
0.103, find_products 0.055, find_times 0.112). Their results only feed the
context (scope and site region, the hedged paragraph, the subject), so they
could be worked out when a later claim asks (pending sentences resolved
newest-first): at most 0.22 ms a page for regions, sites and hedges, less what
claims then ask for, at the price of a lazier reader context. Cheaper-looking
gates measured slower per sentence: a search for space-then-20dd before the
plan-name regex (1.2 against 0.7 us for the "20" test) and the
repeated-sentence key as one substitution of non-word runs (2.7 against 2.2 us
for findall and join). find_times is ~15 us a sentence, 4 of them in its
trigger loop.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import trafilatura

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate_site import generate_site, page_url, slug, story  # noqa: E402

from evnews.claims import extract_claims  # noqa: E402
from evnews.extract import NoArticleText, extract_article  # noqa: E402

LOOPBACK = "http://127.0.0.1:1"


@dataclass(frozen=True)
class Page:
    html: bytes
    text: str
    published: dt.date | None
    title: str


def load_pages(root: Path, pages: int, seed: int) -> list[Page]:
    """The first `pages` pages of the site (generated when missing) with their extracted bodies."""
    if not (root / "manifest.json").exists() or len(list(root.glob("*/*.html"))) < pages:
        generate_site(root, pages, seed=seed)
    out: list[Page] = []
    for index in range(pages):
        s = story(seed, index, 0.1)
        html = (root / s.outlet / f"{slug(s)}.html").read_bytes().replace(b"{{BASE}}", LOOPBACK.encode())
        try:
            article = extract_article(html, page_url(s).replace("{{BASE}}", LOOPBACK))
        except NoArticleText:
            continue
        out.append(Page(html, article.body_text, article.published, article.title))
    return out


def cpu_passes(work: Callable[[], None], repeat: int) -> list[float]:
    passes = []
    for _ in range(repeat):
        start = time.process_time()
        work()
        passes.append(time.process_time() - start)
    return passes


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=300, help="pages to extract and read [300]")
    parser.add_argument("--repeat", type=int, default=3, help="timed passes over all pages [3]")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--workdir", type=Path, help="keep the generated site here (reused across runs)")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="claims-bench-") as scratch:
        root = args.workdir / f"site-{args.seed}" if args.workdir else Path(scratch) / "site"
        pages = load_pages(root, args.pages, args.seed)
    n = len(pages)
    claims_found = [len(extract_claims(p.text, published=p.published, title=p.title)) for p in pages]

    def run_trafilatura() -> None:
        for p in pages:
            trafilatura.extract(p.html, favor_precision=True, include_comments=False, include_tables=True)

    def run_claims() -> None:
        for p in pages:
            extract_claims(p.text, published=p.published, title=p.title)

    traf = cpu_passes(run_trafilatura, args.repeat)
    claims = cpu_passes(run_claims, args.repeat)
    chars = sum(len(p.text) for p in pages) / n
    print(f"{n} pages of the generated site (seed {args.seed}), body {chars:,.0f} chars and "
          f"{sum(claims_found) / n:.1f} claims per article on average; CPU time, {args.repeat} passes\n")  # fmt: skip
    print("| step | best ms/page | median ms/page | × trafilatura (best) |")
    print("|---|---|---|---|")
    for name, passes in (("trafilatura.extract", traf), ("extract_claims", claims)):
        best, median = 1000 * min(passes) / n, 1000 * statistics.median(passes) / n
        print(f"| {name} | {best:.2f} | {median:.2f} | {min(passes) / min(traf):.2f} |")
    print(f"\nclaims/trafilatura ratio: {min(claims) / min(traf):.2f}")


if __name__ == "__main__":
    main()
