"""Extraction speed benchmark: figures only, no assertions.

Run from the project root:

    .venv/bin/python bench/extract.py            # 200,000 words, best of 3
    .venv/bin/python bench/extract.py --quick    # smoke run
    .venv/bin/python bench/extract.py --profile  # plus a cProfile of the steady-state loop

Text: the `text` fields of ../shared/corpus/{dev,real}.jsonl (relative to the project
root) when that folder exists, else the invented paragraphs below; the documents are
repeated, shuffled with a fixed seed, until they reach --words (whitespace words).

Measured: start-up (fresh process, all seven languages / one language), peak RSS
(fresh process), steady-state extraction speed, bare spaCy tokenisation (same
blank pipelines + sentencizer) and quantulum3 on the English documents.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import gc
import io
import json
import os
import pstats
import random
import resource
import subprocess
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS_DIR = ROOT.parent / "shared" / "corpus"
ENGINE = ROOT  # folder holding the factcheck package measured (--engine)
CORPUS_FILES = ("dev.jsonl", "real.jsonl")
LANGS = ("en", "de", "fr", "es", "it", "pt", "nl")
SEED = 20240611
T_SPACY = 2.0  # extraction at most this many times slower than bare tokenisation
T_QUANT = 12.0  # extraction at least this many times faster per word than quantulum3
ILLUSTRATION = (
    "Orvane agreed to buy a 49% stake in Lumora Labs for $14.3bn, and Tessaline had planned "
    "to pay Lumora Labs 200 million U.S. dollars a year."
)

# Fallback text, used only when ../shared/corpus does not exist. Invented companies and people.
FALLBACK: dict[str, list[str]] = {
    "en": [
        "Halvorsen Robotics raises $85m as Brightwater takes a 20% stake\n"
        "Halvorsen Robotics, the Leeds-based maker of warehouse arms, has raised $85m in a round led by "
        "Brightwater Capital, which now holds a 20% stake in the company. Chief executive Maria Penrose "
        "said revenue rose to £42.5m last year and the company employs 640 people.",
        "Corvane Foods agreed to buy the snack maker Tillmouth for £310 million, its chief financial "
        "officer Daniel Okafor said on Tuesday. Corvane expects revenue of about £1.2bn in 2025 and plans "
        "to hire 300 more staff at its Bristol plant.",
        "Northpeak Software will pay Aldermoor Analytics $12 million a year for access to its data, "
        "according to two people familiar with the deal. Northpeak, valued at $2.4bn in March, reported "
        "a net loss of $48m for the second quarter.",
    ],
    "de": [
        "Halvex übernimmt 35 Prozent an Elbtal Solar\n"
        "Der Hamburger Maschinenbauer Halvex hat eine Beteiligung von 35 Prozent an Elbtal Solar "
        "erworben und zahlt dafür rund 120 Millionen Euro. Halvex-Chefin Sabine Krämer sagte, der "
        "Umsatz sei im vergangenen Jahr auf 1,8 Milliarden Euro gestiegen.",
        "Die Brauerei Altmühlquell beschäftigt inzwischen 2.400 Mitarbeiter und setzte im dritten "
        "Quartal 96 Millionen Euro um. Finanzvorstand Jonas Weber kündigte an, das Unternehmen wolle "
        "bis 2026 weitere 150 Stellen schaffen.",
        "Der Softwareanbieter Rheinkraft Digital wird nach der jüngsten Finanzierungsrunde mit "
        "900 Millionen Euro bewertet. Investor Isarblick Ventures steuerte 60 Millionen Euro bei.",
    ],
    "fr": [
        "Valmorel rachète Sorelle Cosmétiques pour 450 millions d'euros\n"
        "Le groupe lyonnais Valmorel a annoncé mardi l'acquisition de Sorelle Cosmétiques pour "
        "450 millions d'euros. Sa directrice générale, Claire Fontaine, a précisé que le chiffre "
        "d'affaires avait atteint 2,3 milliards d'euros l'an dernier.",
        "La start-up nantaise Brisemer, qui emploie 180 salariés, a levé 40 millions d'euros auprès "
        "du fonds Garonne Capital, qui détient désormais 15 % du capital.",
        "Selon des sources proches du dossier, Orvalis versera environ 30 millions d'euros par an à "
        "Brisemer pour l'utilisation de ses logiciels. Orvalis a enregistré une perte nette de "
        "12 millions d'euros au premier trimestre.",
    ],
    "es": [
        "Grupo Almendral compra el 30% de Tecnova por 95 millones de euros\n"
        "Grupo Almendral ha adquirido una participación del 30% en la tecnológica sevillana Tecnova "
        "por 95 millones de euros. Su consejera delegada, Lucía Ferrer, explicó que la facturación "
        "creció hasta los 640 millones de euros en 2024.",
        "La cadena Mareluz cuenta con 3.200 empleados y prevé contratar a otros 400 el próximo año. "
        "Su director financiero, Andrés Robles, cifró el beneficio neto en 28 millones de euros.",
        "Según fuentes cercanas a la operación, Ibercampo pagará unos 15 millones de euros al año a "
        "Mareluz. La empresa fue valorada en 1.100 millones de euros en su última ronda.",
    ],
    "it": [
        "Brentaleva acquista il 40% di Solmarino per 70 milioni di euro\n"
        "Il gruppo veneto Brentaleva ha rilevato una quota del 40% di Solmarino per 70 milioni di "
        "euro. L'amministratore delegato Giulia Benedetti ha detto che il fatturato è salito a "
        "530 milioni di euro nel 2024.",
        "La società milanese Orvieta impiega 1.150 dipendenti e ha chiuso il secondo trimestre con "
        "un utile netto di 9 milioni di euro, secondo il direttore finanziario Marco Ferri.",
        "Secondo fonti vicine al dossier, Caldera Tech pagherà circa 8 milioni di euro all'anno a "
        "Orvieta. Caldera Tech è stata valutata 600 milioni di euro.",
    ],
    "pt": [
        "Grupo Serrana compra 25% da Atlantis Energia por 60 milhões de euros\n"
        "O grupo Serrana adquiriu uma participação de 25% na Atlantis Energia por 60 milhões de "
        "euros. A presidente executiva, Beatriz Almeida, disse que a receita subiu para "
        "410 milhões de euros no ano passado.",
        "A empresa de Porto Douroval emprega 2.100 trabalhadores e registou um lucro de 14 milhões "
        "de euros no primeiro trimestre, segundo o diretor financeiro Rui Carvalho.",
        "De acordo com fontes próximas do negócio, a Tejonet vai pagar cerca de 5 milhões de euros "
        "por ano à Douroval. A Tejonet foi avaliada em 800 milhões de euros.",
    ],
    "nl": [
        "Dijkstra Groep neemt 30 procent van Polderlicht over voor 75 miljoen euro\n"
        "De Utrechtse Dijkstra Groep heeft een belang van 30 procent in Polderlicht gekocht voor "
        "75 miljoen euro. Topvrouw Annelies de Vries zei dat de omzet vorig jaar steeg tot "
        "1,2 miljard euro.",
        "Het Rotterdamse Havenmaat heeft 850 medewerkers in dienst en boekte in het derde kwartaal "
        "een nettowinst van 6 miljoen euro, aldus financieel directeur Pieter Bakker.",
        "Volgens ingewijden betaalt Zeeburg Data jaarlijks ongeveer 4 miljoen euro aan Havenmaat. "
        "Zeeburg Data werd bij de laatste financieringsronde gewaardeerd op 500 miljoen euro.",
    ],
}


# ---------------------------------------------------------------- text


def _published(doc: dict) -> dt.date | None:
    raw = (doc.get("source") or {}).get("published")
    try:
        return dt.date.fromisoformat(str(raw)[:10]) if raw else None
    except ValueError:
        return None


def load_documents() -> tuple[list[tuple[str, dt.date | None]], str]:
    """Distinct documents as (text, published), and where they came from."""
    if CORPUS_DIR.is_dir():
        docs = []
        for name in CORPUS_FILES:
            path = CORPUS_DIR / name
            if not path.is_file():
                continue
            with path.open(encoding="utf-8") as fh:
                for line in fh:
                    if line.strip():
                        d = json.loads(line)
                        if (d.get("text") or "").strip():
                            docs.append((d["text"], _published(d)))
        if docs:
            return docs, f"{CORPUS_DIR} ({', '.join(CORPUS_FILES)})"
    docs = [(p, None) for lang in LANGS for p in FALLBACK[lang]]
    return docs, "built-in fallback paragraphs (bench/extract.py)"


def words(text: str) -> int:
    return len(text.split())


def repeat_to(docs: list, target: int, seed: int = SEED) -> list:
    """The documents repeated, each round shuffled with a fixed seed, until `target` words."""
    rng = random.Random(seed)
    out, total = [], 0
    while total < target:
        batch = list(docs)
        rng.shuffle(batch)
        for d in batch:
            out.append(d)
            total += words(d[0])
            if total >= target:
                break
    return out


def short_docs() -> dict[str, str]:
    """One short document per language (start-up runs)."""
    return {lang: FALLBACK[lang][0] for lang in LANGS}


# ---------------------------------------------------------------- child processes


def child(mode: str, args: argparse.Namespace) -> None:
    """Runs in a fresh interpreter; prints one JSON line."""
    spawned = float(os.environ["BENCH_SPAWNED_AT"])
    t_imp = time.time()
    from factcheck import extract

    imported = time.time()
    out: dict = {"import_s": imported - spawned, "interp_s": t_imp - spawned}
    if mode in ("startup-all", "memory"):
        for text in short_docs().values():
            extract(text)
        out["ready_s"] = time.time() - spawned
        out["rss_loaded_kb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    elif mode == "startup-one":
        extract(short_docs()["en"])
        out["ready_s"] = time.time() - spawned
    if mode == "memory":
        docs, _ = load_documents()
        for text, pub in repeat_to(docs, args.words):
            extract(text, published=pub)
        out["rss_peak_kb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps(out))


def run_child(mode: str, args: argparse.Namespace) -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(args.engine) + os.pathsep + env.get("PYTHONPATH", "")
    env["BENCH_SPAWNED_AT"] = repr(time.time())
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", mode, "--words", str(args.words)]
    cmd += ["--engine", str(args.engine)]
    res = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    if res.returncode != 0:
        sys.stderr.write(res.stderr)
        raise SystemExit(f"child {mode} failed ({res.returncode})")
    return json.loads(res.stdout.strip().splitlines()[-1])


# ---------------------------------------------------------------- timing


def best_times(fns: dict, repeat: int) -> dict[str, tuple[float, list[float]]]:
    """Best-of-`repeat` for several workloads, run in turn (a, b, a, b, ...) so that a
    passing load on the machine weighs on each of them alike."""
    times: dict[str, list[float]] = {name: [] for name in fns}
    for _ in range(repeat):
        for name, fn in fns.items():
            gc.collect()
            t0 = time.perf_counter()
            fn()
            times[name].append(time.perf_counter() - t0)
    return {name: (min(ts), ts) for name, ts in times.items()}


def _fmt_times(times: list[float]) -> str:
    return ", ".join(f"{t:.2f}" for t in times)


class Table:
    def __init__(self) -> None:
        self.rows: list[tuple[str, str, str]] = []

    def add(self, name: str, value: str, unit: str) -> None:
        self.rows.append((name, value, unit))

    def section(self, title: str) -> None:
        self.rows.append((title, "", ""))

    def print(self) -> None:
        w0 = max(len(r[0]) for r in self.rows)
        w1 = max(len(r[1]) for r in self.rows)
        print()
        for name, value, unit in self.rows:
            if not value:
                print(f"\n{name}")
            else:
                print(f"  {name:<{w0}}  {value:>{w1}}  {unit}")
        print()


# ---------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--words", type=int, default=None, help="words of text to extract (default 200000)")
    ap.add_argument("--repeat", type=int, default=3, help="timed runs per figure; the best counts")
    ap.add_argument("--quick", action="store_true", help="smoke run: 20,000 words, 1 repeat")
    ap.add_argument("--quantulum-words", type=int, default=None, help="English words for quantulum3")
    ap.add_argument("--profile", action="store_true", help="also cProfile one steady-state pass")
    ap.add_argument(
        "--engine",
        type=Path,
        default=ROOT,
        help="folder holding the factcheck package (default: the project root); "
        "e.g. a copy, to measure a fixed snapshot while the engine is being edited",
    )
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.words is None:
        args.words = 20_000 if args.quick else 200_000
    if args.quick:
        args.repeat = 1
    if args.quantulum_words is None:
        args.quantulum_words = 5_000 if args.quick else 20_000

    if args.child:
        child(args.child, args)
        return 0

    global ENGINE
    args.engine = ENGINE = args.engine.resolve()
    sys.path.insert(0, str(args.engine))
    warnings.filterwarnings("ignore", module="quantulum3")
    table = Table()
    docs, source = load_documents()
    work = repeat_to(docs, args.words)
    n_words = sum(words(t) for t, _ in work)
    print(f"text: {source}")
    print(
        f"      {len(docs)} distinct documents, {sum(words(t) for t, _ in docs):,} words; "
        f"workload {len(work)} documents, {n_words:,} words (whitespace split), seed {SEED}"
    )
    print(f"engine: {args.engine / 'factcheck'}")
    print(f"python {sys.version.split()[0]}, one core, best of {args.repeat}")

    # -- 2. start-up, fresh processes
    print("start-up (fresh processes) ...", flush=True)
    all_runs = [run_child("startup-all", args) for _ in range(args.repeat)]
    one_runs = [run_child("startup-one", args) for _ in range(args.repeat)]
    best_all = min(all_runs, key=lambda r: r["ready_s"])
    best_one = min(one_runs, key=lambda r: r["ready_s"])
    table.section("start-up (fresh process, from spawn; best of runs)")
    table.add("interpreter start + import factcheck", f"{best_all['import_s'] * 1000:.0f}", "ms")
    table.add("+ one short document in each of 7 languages", f"{best_all['ready_s'] * 1000:.0f}", "ms")
    table.add("+ one short English document only", f"{best_one['ready_s'] * 1000:.0f}", "ms")
    table.add("  runs, 7 languages", ", ".join(f"{r['ready_s']:.2f}" for r in all_runs), "s")
    table.add("  runs, 1 language", ", ".join(f"{r['ready_s']:.2f}" for r in one_runs), "s")

    # -- 3. peak memory, fresh process
    print("peak memory (fresh process) ...", flush=True)
    mem = run_child("memory", args)
    table.section("memory (fresh process, ru_maxrss)")
    table.add("peak RSS after loading 7 languages", f"{mem['rss_loaded_kb'] / 1024:.0f}", "MiB")
    table.add(f"peak RSS after extracting all {n_words:,} words", f"{mem['rss_peak_kb'] / 1024:.0f}", "MiB")

    # -- 4./5. steady state and baseline (a), one process, timed in turn
    import spacy
    from quantulum3 import parser as qparser

    from factcheck import extract
    from factcheck.langid import detect

    print("steady-state extraction and bare spaCy tokenisation ...", flush=True)
    for text, pub in docs:  # warm-up: every document once, every language loaded
        extract(text, published=pub)
    lang_of = {text: detect(text) for text, _ in docs}  # outside the timed region, never the gold field
    per_lang: dict[str, int] = {}
    for text, _ in work:
        per_lang[lang_of[text]] = per_lang.get(lang_of[text], 0) + words(text)
    print("workload words by detected language: " + ", ".join(f"{k} {v:,}" for k, v in sorted(per_lang.items())))
    nlps = {}
    for lang in sorted(set(lang_of.values())):
        nlp = spacy.blank(lang)
        nlp.add_pipe("sentencizer")
        nlps[lang] = nlp
    sp_work = [(nlps[lang_of[text]], text) for text, _ in work]
    given_work = [(text, pub, lang_of[text]) for text, pub in work]
    for text, _ in docs:  # warm-up: every document once
        nlps[lang_of[text]](text)

    def run_extract():
        for text, pub in work:
            extract(text, published=pub)

    def run_extract_given():
        for text, pub, lang in given_work:
            extract(text, published=pub, lang=lang)

    def run_spacy():
        for nlp, text in sp_work:
            nlp(text)

    res = best_times({"ex": run_extract, "sp": run_spacy, "given": run_extract_given}, args.repeat)
    (t_ex, ex_times), (t_sp, sp_times), (t_gv, gv_times) = res["ex"], res["sp"], res["given"]
    wps_ex, wps_sp = n_words / t_ex, n_words / t_sp
    table.section(f"steady state, one process, {n_words:,} words, 7 languages (runs taken in turn)")
    table.add("full extraction (language id included)", f"{wps_ex:,.0f}", "words/s")
    table.add("  per 1,000 words", f"{t_ex / n_words * 1e6:.2f}", "ms")
    table.add("  runs", _fmt_times(ex_times), "s")
    table.add("extraction with lang= given (no language id; info)", f"{n_words / t_gv:,.0f}", "words/s")
    table.add("  runs", _fmt_times(gv_times), "s")
    table.add("baseline (a): bare spaCy blank(lang) + sentencizer", f"{wps_sp:,.0f}", "words/s")
    table.add("  runs", _fmt_times(sp_times), "s")

    # -- 6. baseline (b): quantulum3 on the English documents
    print("quantulum3 on English ...", flush=True)
    en_docs = [(t, p) for t, p in docs if lang_of[t] == "en"]
    en_work = repeat_to(en_docs, args.quantulum_words)
    n_en = sum(words(t) for t, _ in en_work)
    for text, _ in en_docs:
        qparser.parse(text)

    def run_quantulum():
        for text, _ in en_work:
            qparser.parse(text)

    def run_extract_en():
        for text, pub in en_work:
            extract(text, published=pub)

    res = best_times({"q": run_quantulum, "en": run_extract_en}, args.repeat)
    (t_q, q_times), (t_en, _) = res["q"], res["en"]
    wps_q = n_en / t_q
    table.section(f"baseline (b), English only, {n_en:,} words ({len(en_docs)} distinct documents)")
    table.add(f"quantulum3 {_version('quantulum3')} parser.parse", f"{wps_q:,.0f}", "words/s")
    table.add("  runs", _fmt_times(q_times), "s")
    table.add("factcheck extract, same English text (info)", f"{n_en / t_en:,.0f}", "words/s")

    table.print()
    illustrate(qparser, extract)
    if args.profile:
        profile(run_extract)

    slow = wps_sp / wps_ex
    fast = wps_ex / wps_q
    print(f"extraction vs bare spaCy tokenisation: {slow:.1f}x slower (target <= {T_SPACY:g}x)")
    print(f"extraction vs quantulum3 per word: {fast:.1f}x faster (target >= {T_QUANT:g}x)")
    return 0


def _version(dist: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(dist)
    except PackageNotFoundError:
        return "?"


def illustrate(qparser, extract) -> None:
    print("illustration")
    for s in ("$14.3bn", "200 million U.S. dollars"):
        qs = qparser.parse(s)
        got = "; ".join(f"value={q.value:g} unit={q.unit.name!r} surface={q.surface!r}" for q in qs) or "nothing"
        print(f"  quantulum3 {s!r:<28} -> {got}")
    res = extract(ILLUSTRATION, lang="en")
    print(f"  factcheck  {ILLUSTRATION!r}")
    for c in res.claims:
        print(f"    claim      {c.predicate}: value={c.value:g} unit={c.unit} ({c.subject} -> {c.object})")
    for c in res.incomplete:
        print(f"    incomplete {c.predicate}: no value ({c.subject} -> {c.object})")
    if not res.claims and not res.incomplete:
        print("    no claim")
    print()


def profile(run) -> None:
    """cProfile one steady-state pass; own-time and cumulative shares by function, own time by file."""
    gc.collect()
    prof = cProfile.Profile()
    prof.enable()
    run()
    prof.disable()
    stats = pstats.Stats(prof, stream=io.StringIO())
    total = stats.total_tt
    rows = []  # (own, cumulative, calls, file, line, function)
    by_file: dict[str, float] = {}
    for (path, line, func), (_cc, ncalls, tt, ct, _callers) in stats.stats.items():
        name = _short_path(path)
        rows.append((tt, ct, ncalls, name, line, func))
        by_file[name] = by_file.get(name, 0.0) + tt
    print(f"cProfile of one steady-state pass: {total:.2f} s under the profiler")
    print("  top functions by own time")
    for tt, ct, n, name, line, func in sorted(rows, reverse=True)[:20]:
        print(f"    {tt / total:6.1%} own {ct / total:6.1%} cum {n:>9} calls  {func} ({name}:{line})")
    print("  top functions by cumulative time (factcheck/ only)")
    own = [r for r in rows if r[3].startswith("factcheck/")]
    for tt, ct, n, name, line, func in sorted(own, key=lambda r: r[1], reverse=True)[:15]:
        print(f"    {ct / total:6.1%} cum {tt / total:6.1%} own {n:>9} calls  {func} ({name}:{line})")
    print("  own time by file")
    for name, tt in sorted(by_file.items(), key=lambda kv: kv[1], reverse=True)[:12]:
        print(f"    {tt / total * 100:5.1f}%  {name}")
    print()


def _short_path(path: str) -> str:
    for base in (ENGINE, ROOT):
        if path.startswith(str(base) + os.sep):
            return os.path.relpath(path, base)
    marker = "site-packages" + os.sep
    if marker in path:
        return path.split(marker, 1)[1]
    if path == "~":
        return "(builtins)"
    return path


if __name__ == "__main__":
    sys.exit(main())
