"""Throughput, scaling with article length, and memory of vaxdiplo against the spaCy
pipeline it wraps, measured side by side in one run.

* Corpus: real-length articles (``_corpus.py``: the fixtures and development-set texts
  with their own datelines, reporters and credits, and articles written from
  templates), unique ids, ~300 words each.
* Throughput: the corpus in blocks of ``--block`` documents; in every pass each block
  is read by every variant in turn (the order rotating from block to block), so each
  ratio is taken between variants that ran on the same texts moments apart. Printed:
  words/s per variant (median over passes, with min-max), and the median and
  interquartile range of the per-block ratios. Every variant uses ``batch_size=64``.
  - ``bare``: ``spacy.load(DEFAULT_MODEL)`` and ``nlp.pipe`` (what vaxdiplo wraps);
  - ``default``: ``Extractor().extract_many`` (the same pipeline and vaxdiplo's layers);
  - ``rules``: ``Extractor(model="rules").extract_many`` (no statistical model);
  - ``tokenizer``: the bare tokenizer (``nlp.tokenizer.pipe``).
* Worker processes: ``extract_many(n_process=2)`` against ``n_process=1`` on blocks of
  ``--mp-block`` (400) documents of the first ``--mp-articles`` (800), paired the same
  way. A call with workers pays once for starting them and for its last, unshared
  batch; a corpus is read in one call, so the blocks are long enough for that share to
  be small, as in a real run.
* Length: 64 articles read as 64 documents (1x), 16 of 4 articles (4x), 4 of 16 (16x)
  and 1 of 64 (64x): the same words, so every layer's time per word should stay flat.
  Printed per layer (tokenizer, each pipeline component, the pydantic output) and in
  total relative to 1x, for the default and the rules pipeline. Each layer is timed on
  the path ``Extractor`` takes: a text over ``vaxdiplo._long.LONG_TEXT`` characters (the
  64x document) goes through spaCy's statistical components a paragraph group at a
  time and is joined into one ``Doc``; the join, which shorter texts do not have, is
  printed as a share of the 1x total. The garbage collector is paused while a document
  is timed, as ``timeit`` does.
* Memory: peak RSS of a subprocess running ``extract_many`` over the whole corpus and
  over a quarter of it (results counted, not kept).

Usage::

    python benchmarks/throughput.py            # 2,000 articles, 3 passes (some minutes)
    python benchmarks/throughput.py --quick    # 240 articles, 2 passes
    python benchmarks/throughput.py --json
"""

from __future__ import annotations

import argparse
import gc
import json
import resource
import statistics
import subprocess
import sys
import time
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _corpus import make_corpus, words

TARGETS = {
    "default/bare": 0.92,
    "rules/bare": 10.0,
    "n_process=2 speed-up": 1.6,
    "64x/1x per layer (max)": 1.5,
    "whole/quarter RSS": 1.10,
}


def _quartiles(values: list[float]) -> tuple[float, float, float]:
    if len(values) < 2:
        return values[0], values[0], values[0]
    q = statistics.quantiles(values, n=4, method="inclusive")
    return q[0], statistics.median(values), q[2]


def _variants(batch: int) -> dict:
    import spacy

    from vaxdiplo import Extractor
    from vaxdiplo.extractor import DEFAULT_MODEL

    bare = spacy.load(DEFAULT_MODEL)
    default, rules = Extractor(), Extractor(model="rules")

    def run_bare(items):
        return sum(1 for _ in bare.pipe((t for _, t, _ in items), batch_size=batch))

    def run_tokenizer(items):
        return sum(1 for _ in bare.tokenizer.pipe((t for _, t, _ in items), batch_size=batch))

    def extracting(ex, n_process=1):
        def run(items):
            results = ex.extract_many(items, batch_size=batch, n_process=n_process)
            return sum(len(r.events) for r in results)

        return run

    return {
        "bare": run_bare,
        "default": extracting(default),
        "rules": extracting(rules),
        "tokenizer": run_tokenizer,
        "default n_process=1": extracting(default, 1),
        "default n_process=2": extracting(default, 2),
    }


def paired(corpus, variants: dict, names: list[str], block: int, passes: int) -> dict:
    """Per variant, words/s of each pass; per pair of variants, ratio of each block."""
    blocks = [corpus[i : i + block] for i in range(0, len(corpus), block)]
    block_words = [sum(words(t) for _, t, _ in b) for b in blocks]
    for name in names:  # warm up: load, first-batch costs
        variants[name](blocks[0][:8])
    seconds = {n: [[0.0] * len(blocks) for _ in range(passes)] for n in names}
    for p in range(passes):
        for i, items in enumerate(blocks):
            k = (i + p) % len(names)
            for name in names[k:] + names[:k]:
                t0 = time.perf_counter()
                variants[name](items)
                seconds[name][p][i] = time.perf_counter() - t0
    total = sum(block_words)
    return {
        "words": total,
        "words_per_s": {n: [total / sum(seconds[n][p]) for p in range(passes)] for n in names},
        "block_rate": {
            n: [
                block_words[i] / seconds[n][p][i] for p in range(passes) for i in range(len(blocks))
            ]
            for n in names
        },
    }


def ratio(result: dict, a: str, b: str) -> tuple[float, float, float]:
    """Quartiles of the per-block ratio of ``a``'s words/s to ``b``'s."""
    ra, rb = result["block_rate"][a], result["block_rate"][b]
    return _quartiles([x / y for x, y in zip(ra, rb, strict=True)])


def _timed(times: dict, layer: str, step, value):
    t0 = time.perf_counter()
    out = step(value)
    times[layer] = times.get(layer, 0.0) + time.perf_counter() - t0
    return out


def _pipe(proc, docs: list) -> list:
    """``docs`` through one component as ``nlp.pipe`` runs it (its ``pipe`` if any)."""
    if hasattr(proc, "pipe"):
        return list(proc.pipe(docs, batch_size=64))
    return [proc(doc) for doc in docs]


def _layer_times(ex, text: str, times: dict) -> None:
    """Time each layer as ``Extractor._run`` reads ``text``: whole, or (a long text in
    a statistical pipeline) its paragraph pieces through the components before the
    linker, joined into one ``Doc`` (``vaxdiplo._long``; the join is its own layer)."""
    from vaxdiplo._long import before_linker, join_pieces, long_pieces, piece_docs
    from vaxdiplo._runs import break_runs
    from vaxdiplo.extensions import DOC_TEXT_KEY

    nlp = ex.nlp
    prepared = ex._prepare(text, None)
    broken = _timed(times, "tokenizer", break_runs, prepared.text)
    pieces = long_pieces(nlp, broken) if ex.model != "rules" else None
    done = set(before_linker(nlp)) if pieces else set()
    if pieces:
        docs = _timed(times, "tokenizer", partial(piece_docs, nlp), pieces)
        for name, proc in nlp.pipeline:
            if name in done:
                docs = _timed(times, name, partial(_pipe, proc), docs)
        doc = _timed(times, "paragraph join", lambda ds: join_pieces(ds, broken), docs)
    else:
        doc = _timed(times, "tokenizer", nlp.make_doc, broken)
    doc.user_data[DOC_TEXT_KEY] = broken  # as Extractor._run does
    doc._.vaxdiplo_published = prepared.day
    for name, proc in nlp.pipeline:
        if name not in done:
            doc = _timed(times, name, proc, doc)
    _timed(times, "output", lambda d: ex._extraction(prepared, None, d), doc)


def by_length(corpus, model: str, passes: int) -> dict:
    """Per layer and in total, time per word at 4x, 16x and 64x relative to 1x (median
    of passes); for a layer only long texts have, its time per word relative to the
    total at 1x."""
    from vaxdiplo import Extractor

    ex = Extractor(model=model)
    texts = [t for _, t, _ in corpus[:64]]
    n_words = sum(words(t) for t in texts)
    ex.extract(texts[0])
    ratios: dict[str, dict[int, list[float]]] = {}
    for _ in range(passes):
        per: dict[int, dict[str, float]] = {}
        for k in (1, 4, 16, 64):
            times: dict[str, float] = {}
            for j in range(64 // k):
                gc.collect()  # as timeit does: no collection of earlier garbage mid-layer
                gc.disable()
                try:
                    _layer_times(ex, "\n\n".join(texts[j * k : (j + 1) * k]), times)
                finally:
                    gc.enable()
            times["total"] = sum(times.values())
            per[k] = times
        for layer in {name: None for k in (1, 4, 16, 64) for name in per[k]}:
            base = per[1].get(layer, 0.0)  # 0: a layer only long texts have (the join)
            for k in (4, 16, 64):
                share = per[k].get(layer, 0.0) / (base or per[1]["total"])
                ratios.setdefault(layer, {}).setdefault(k, []).append(share)
            ratios[layer].setdefault(1, []).append(base / n_words * 1e6)  # µs per word at 1x
    return {
        layer: {k: statistics.median(v) for k, v in sorted(ks.items())}
        for layer, ks in ratios.items()
    }


def peak_rss(n: int, seed: int) -> float:
    """Peak RSS (MB) of a fresh process extracting the first ``n`` articles."""
    out = subprocess.run(
        [sys.executable, __file__, "--rss-child", str(n), "--seed", str(seed)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    return float(out.stdout.strip().splitlines()[-1])


def _rss_child(n: int, seed: int) -> None:
    from vaxdiplo import Extractor

    corpus = make_corpus(n, seed)
    events = sum(len(r.events) for r in Extractor().extract_many(corpus, batch_size=64))
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024
    print(events, file=sys.stderr)
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / scale)


def _fmt(q: tuple[float, float, float]) -> str:
    return f"{q[1]:.2f} (IQR {q[0]:.2f}-{q[2]:.2f})"


def _rate(values: list[float]) -> str:
    low, high = min(values), max(values)
    return f"{statistics.median(values):>9,.0f} words/s (min {low:,.0f}, max {high:,.0f})"


def report(args) -> dict:
    corpus = make_corpus(args.articles, args.seed)
    variants = _variants(64)
    main_names = ["bare", "default", "rules", "tokenizer"]
    t = paired(corpus, variants, main_names, args.block, args.passes)
    mp_names = ["default n_process=1", "default n_process=2"]
    mp_corpus = corpus[: args.mp_articles or len(corpus)]
    mp = paired(mp_corpus, variants, mp_names, args.mp_block, args.passes)
    lengths = {m: by_length(corpus, m, args.passes) for m in ("default", "rules")}
    rss_whole = peak_rss(args.articles, args.seed)
    rss_quarter = peak_rss(args.articles // 4, args.seed)
    return {
        "articles": len(corpus),
        "words": t["words"],
        "passes": args.passes,
        "block": args.block,
        "words_per_s": {n: t["words_per_s"][n] for n in main_names},
        "ratios": {
            "default/bare": ratio(t, "default", "bare"),
            "rules/bare": ratio(t, "rules", "bare"),
            "rules/tokenizer": ratio(t, "rules", "tokenizer"),
            "n_process=2 speed-up": ratio(mp, "default n_process=2", "default n_process=1"),
        },
        "n_process_words_per_s": mp["words_per_s"],
        "n_process_articles": len(mp_corpus),
        "by_length": lengths,
        "peak_rss_mb": {"whole": rss_whole, "quarter": rss_quarter},
    }


def print_report(r: dict) -> None:
    print(f"corpus: {r['articles']} articles, {r['words']:,} words; {r['passes']} passes, "
          f"blocks of {r['block']}; batch_size 64")  # fmt: skip
    for name, values in r["words_per_s"].items():
        print(f"  {name:<28}{_rate(values)}")
    for name, values in r["n_process_words_per_s"].items():
        print(f"  {name:<28}{_rate(values)}   ({r['n_process_articles']} articles)")
    print("ratios (median of paired blocks, IQR):")
    for name, q in r["ratios"].items():
        target = TARGETS.get(name)
        mark = (
            ""
            if target is None
            else f"   target >= {target}: {'ok' if q[1] >= target else 'MISSED'}"
        )
        print(f"  {name:<28}{_fmt(q)}{mark}")
    print("time per word by length, relative to 1x (µs/word at 1x):")
    for model, layers in r["by_length"].items():
        print(f"  {model}:")
        for layer, ks in layers.items():
            if not ks[1]:  # not at 1x: its cost as a share of the whole at 1x
                print(f"    {layer:<22}{'-':>8} µs   4x +{ks[4]:.2f}  16x +{ks[16]:.2f}  "
                      f"64x +{ks[64]:.2f}  (of the 1x total; long texts only)")  # fmt: skip
                continue
            flag = "ok" if ks[64] <= TARGETS["64x/1x per layer (max)"] else "MISSED"
            print(f"    {layer:<22}{ks[1]:>8.1f} µs   4x {ks[4]:.2f}   16x {ks[16]:.2f}   "
                  f"64x {ks[64]:.2f}  {flag}")  # fmt: skip
    rss = r["peak_rss_mb"]
    share = rss["whole"] / rss["quarter"]
    print(f"peak RSS: whole {rss['whole']:.0f} MB, quarter {rss['quarter']:.0f} MB, "
          f"ratio {share:.2f}   target <= 1.10: {'ok' if share <= 1.10 else 'MISSED'}")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--passes", type=int, default=3)
    parser.add_argument("--block", type=int, default=100)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--mp-articles", type=int, default=800, help="articles for the n_process comparison"
    )
    parser.add_argument(
        "--mp-block", type=int, default=400, help="documents per call in the n_process comparison"
    )
    parser.add_argument("--quick", action="store_true", help="240 articles, 2 passes")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--rss-child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.rss_child:
        _rss_child(args.rss_child, args.seed)
        return
    if args.quick:
        args.articles, args.passes, args.block, args.mp_articles = 240, 2, 30, 240
        args.mp_block = 240
    r = report(args)
    print(json.dumps(r, indent=1)) if args.json else print_report(r)


if __name__ == "__main__":
    main()
