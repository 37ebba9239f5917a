"""CPU time of `extract_article` per page (best of N runs), on generated and real pages.

    .venv/bin/python benchmarks/extract_cpu_bench.py [--generated 2000] [--repeat 3] [--save FILE] [--against FILE]

Corpora: pages from generate_site.py (realistic chrome, ~66 KB), the dev corpus
and the extraction benchmark under ../shared, the heldout corpora and the demo
site. CPU time (`time.process_time`), not wall time, because the machine is
shared; the best of the repeats, because other processes only ever add time.
To compare two versions, run one with `--save old.json` (for instance with
PYTHONPATH pointing at a checkout of the older `src`), then the other with
`--against old.json`: it prints new/old ratios per corpus.

Measured (new/old, CPU ms/page, old and new run in turns in the same
minutes on the shared 2-core machine, two rounds; byte-identical output):

    issue 9, 4th pass (fewer tree walks: read_meta in one walk, container
    nesting from the walk set_aside already does, candidate paragraphs by a
    walk that keeps their text, <head> set aside for trafilatura's fast run)
        generated  5.778 -> 5.695 (0.99)   6.025 -> 5.989 (0.99)
        dev        4.505 -> 4.252 (0.94)   4.988 -> 4.861 (0.97)
        heldout    3.330 -> 3.069 (0.92)   3.597 -> 3.284 (0.91)
        demo       4.009 -> 4.153 (1.04)   4.889 -> 4.802 (0.98)
        bench     20.570 -> 20.150 (0.98) 22.045 -> 19.443 (0.88)
    Stage CPU on 400 generated pages (best of 3 interleaved): read_meta
    0.240 -> 0.198, trafilatura's run 2.646 -> 2.588, suspicions 0.395 ->
    0.383. Tried and measured no better: six substring scans instead of nine
    for the paywall pre-filter (0.241 vs 0.240 ms: the scans are not what it
    costs), parsing UTF-8 bytes instead of str (0.475 both), `.//a//text()`
    replaced by an ancestor test or a Python walk (1.3x and 4x slower).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate_site import page_url, render_page, story  # noqa: E402

from evnews.errors import PermanentError  # noqa: E402
from evnews.extract import extract_article  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
BASE = "http://127.0.0.1:1"
Page = tuple[str, str]  # (html, url)


def default_shared() -> Path:
    override = os.environ.get("EVNEWS_SHARED")
    return Path(override) if override else ROOT.parent / "shared"


def site_pages(root: Path) -> list[Page]:
    return [(path.read_text(encoding="utf-8").replace("{{BASE}}", BASE), f"{BASE}/{path.relative_to(root).as_posix()}")
            for path in sorted(root.rglob("*.html"))]


def corpora(generated: int, shared: Path) -> dict[str, list[Page]]:
    found = {"generated": [(render_page(s).replace("{{BASE}}", BASE), page_url(s).replace("{{BASE}}", BASE))
                           for s in (story(7, i, 0.1) for i in range(generated))]}
    found["dev"] = site_pages(shared / "eval/dev/site")
    found["heldout"] = [page for site in sorted(ROOT.glob("tests/heldout*/site")) for page in site_pages(site)]
    found["demo"] = site_pages(ROOT / "src/evnews/demo/site")
    bench = shared / "bench/extraction"
    if (bench / "ground-truth.json").exists():
        truth = json.loads((bench / "ground-truth.json").read_text(encoding="utf-8"))
        found["bench"] = [(gzip.decompress((bench / f"html/{item}.html.gz").read_bytes()).decode("utf-8"),
                           truth[item]["url"]) for item in sorted(truth)]
    return {name: pages for name, pages in found.items() if pages}


def cpu_ms_per_page(pages: list[Page], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        for html, url in pages:
            try:
                extract_article(html, url)
            except PermanentError:
                pass  # a page without article text costs time too
        best = min(best, time.process_time() - start)
    return 1000 * best / len(pages)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--generated", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--shared", type=Path, default=default_shared())
    parser.add_argument("--save", type=Path)
    parser.add_argument("--against", type=Path)
    args = parser.parse_args(argv)
    found = corpora(args.generated, args.shared)
    # Warm up on a few pages of each corpus: imports, and py3langid's model,
    # which loads on the first text that does not read as English.
    for html, url in [page for pages in found.values() for page in pages[:5]]:
        try:
            extract_article(html, url)
        except PermanentError:
            pass
    results = {name: cpu_ms_per_page(pages, args.repeat) for name, pages in found.items()}
    old = json.loads(args.against.read_text(encoding="utf-8")) if args.against else {}
    print(f"{'corpus':10} {'pages':>6} {'CPU ms/page':>12}" + (f" {'old':>8} {'new/old':>8}" if old else ""))
    for name, ms in results.items():
        line = f"{name:10} {len(found[name]):6d} {ms:12.3f}"
        if name in old:
            line += f" {old[name]:8.3f} {ms / old[name]:8.2f}"
        print(line)
    if args.save:
        args.save.write_text(json.dumps(results, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
