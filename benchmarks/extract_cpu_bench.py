"""CPU time of `extract_article` per page (best of N runs), on generated and real pages.

    .venv/bin/python benchmarks/extract_cpu_bench.py [--generated 2000] [--repeat 3] [--save FILE] [--against FILE]

Corpora: pages from generate_site.py (realistic chrome, ~66 KB), the dev corpus
and the extraction benchmark under ../shared, the heldout corpora and the demo
site. CPU time (`time.process_time`), not wall time, because the machine is
shared; the best of the repeats, because other processes only ever add time.
To compare two versions, run one with `--save old.json` (for instance with
PYTHONPATH pointing at a checkout of the older `src`), then the other with
`--against old.json`: it prints new/old ratios per corpus.
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
