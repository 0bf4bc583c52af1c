#!/usr/bin/env python3
"""QABot beside two real search engines, on the same data, in one run (issue 13).

Peers:
  * Xapian 1.4 (Debian python3-xapian): Arabic Snowball stemmer, BM25 (Xapian's default weighting).
  * SQLite FTS5 (Python's stdlib sqlite3): tokenizer `unicode61 remove_diacritics 2`, bm25() ranking.

Both peers get the same light Arabic normalization (diacritics and tatweel removed; alef forms to bare alef, alef
maqsura to yeh, teh marbuta to heh; Latin lower-cased) and the same Arabic stop list (dropped from queries; Xapian's
stopper also keeps them out of its index). QABot runs as shipped (./qabot).

Measured, on the same machine in the same run: XQuAD ar→ar and en→ar recall@1/@5 (all 1,190 questions, the 240
paragraphs as documents, a tie with the gold counted against it), ingest time and index size for the ANT corpus, and
first-pass latency: each of the same fresh questions asked once, after untimed warm-up questions that are not among
them. Writes the `bench-peers` section of docs/benchmarks.md.

Run through scripts/bench-peers.sh, which installs python3-xapian when it is missing.
"""
from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import re
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

import xapian

# --------------------------------------------------------------------------------------------------------------------
# The peers' analysis: light normalization, a Unicode word tokenizer, one stop list.

_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})
_WORD = re.compile(r"\w+", re.UNICODE)

# Arabic function words: prepositions, conjunctions, pronouns, demonstratives, relatives, particles, question words
# and auxiliaries (the kind of list Lucene's and Snowball's Arabic stop lists hold), written before normalization.
ARABIC_STOP_WORDS = """
من في على إلى الى عن مع عند لدى لدي منذ حتى خلال بين ضد نحو دون غير سوى بعد قبل أمام امام خلف فوق تحت حول عبر
و ف ثم أو او أم ام بل لكن لكنّ لكي كي لأن لان إن ان أن إنّ أنّ كأن لعل ليت إذا اذا إذ اذ إذن لو لولا لما كلما حيث
هو هي هم هن هما أنا انا نحن أنت انت أنتم انتم أنتن انتن إياه اياه
هذا هذه هذان هاتان هؤلاء ذلك تلك ذلكم أولئك اولئك هنا هناك هنالك
الذي التي الذين اللذان اللتان اللذين اللتين اللواتي اللاتي ما ماذا من متى كم كيف أين اين لماذا هل وهل فهل أي اي أيّ
لا لم لن ليس ليست قد لقد وقد فقد سوف كان كانت كانوا يكون تكون يكونون أصبح اصبح صار ظل ما زال مازال
كل كلا بعض جميع أيضا ايضا فقط كذلك مثل عدة أكثر اكثر أقل اقل جدا ذات ذو ذي
تم يتم وتم عما عمن مما ممن فيه فيها منه منها عليه عليها إليه اليه له لها لهم به بها بهم ومن وفي وعلى وإلى والى وعن
وهو وهي وهذا وهذه وذلك وكان وكانت وقال قال قالت أضاف اضاف وأضاف واضاف
""".split()


def normalize(text: str) -> str:
    text = _DIACRITICS.sub("", unicodedata.normalize("NFC", text))
    return text.translate(_FOLD).lower()


STOP_WORDS = sorted({normalize(w) for w in ARABIC_STOP_WORDS})
_STOP_SET = set(STOP_WORDS)


def query_words(question: str) -> list[str]:
    return [w for w in _WORD.findall(normalize(question)) if w not in _STOP_SET]


# --------------------------------------------------------------------------------------------------------------------
# The two peers behind one interface: build(docs) then search(question, k) -> [(doc_id, score)].

class Fts5Peer:
    name = "SQLite FTS5"

    def __init__(self, path: Path):
        self.path = path

    def build(self, docs) -> None:
        if self.path.exists():
            self.path.unlink()
        db = sqlite3.connect(self.path)
        # Bulk load as fast as SQLite goes: no journal, no fsync; one transaction; segments merged at the end.
        db.execute("PRAGMA journal_mode=OFF")
        db.execute("PRAGMA synchronous=OFF")
        db.execute("CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, title, body, tokenize='unicode61 remove_diacritics 2')")
        with db:
            db.executemany("INSERT INTO docs(id, title, body) VALUES (?, ?, ?)",
                           ((d, normalize(t), normalize(b)) for d, t, b in docs))
            db.execute("INSERT INTO docs(docs) VALUES('optimize')")
        db.close()

    def open(self) -> None:
        self.db = sqlite3.connect(self.path)

    def search(self, question: str, k: int):
        words = query_words(question)
        if not words:
            return []
        match = " OR ".join('"' + w.replace('"', '""') + '"' for w in words)
        # bm25() is lower-is-better; the title column weighs 1.5 as QABot's title boost does.
        rows = self.db.execute("SELECT id, -bm25(docs, 0, 1.5, 1.0) FROM docs WHERE docs MATCH ? ORDER BY bm25(docs, 0, 1.5, 1.0) LIMIT ?",
                               (match, k)).fetchall()
        return rows

    def size_bytes(self) -> int:
        return self.path.stat().st_size


class XapianPeer:
    name = "Xapian"

    def __init__(self, path: Path):
        self.path = path
        self.stemmer = xapian.Stem("arabic")
        self.stopper = xapian.SimpleStopper()
        for word in STOP_WORDS:
            self.stopper.add(word)

    def build(self, docs) -> None:
        if self.path.exists():
            shutil.rmtree(self.path)
        db = xapian.WritableDatabase(str(self.path), xapian.DB_CREATE_OR_OVERWRITE)
        generator = xapian.TermGenerator()
        generator.set_stemmer(self.stemmer)
        generator.set_stopper(self.stopper)
        generator.set_stopper_strategy(xapian.TermGenerator.STOP_ALL)
        generator.set_stemming_strategy(xapian.TermGenerator.STEM_SOME)
        db.begin_transaction(False)
        for doc_id, title, body in docs:
            document = xapian.Document()
            generator.set_document(document)
            # Title words count twice (wdf 2), body words once: Xapian's way of boosting a field without a prefix.
            generator.index_text(normalize(title), 2)
            generator.increase_termpos()
            generator.index_text(normalize(body))
            document.set_data(doc_id)
            db.add_document(document)
        db.commit_transaction()
        db.close()

    def open(self) -> None:
        self.db = xapian.Database(str(self.path))
        self.parser = xapian.QueryParser()
        self.parser.set_stemmer(self.stemmer)
        self.parser.set_stopper(self.stopper)
        self.parser.set_stemming_strategy(xapian.QueryParser.STEM_SOME)
        self.parser.set_default_op(xapian.Query.OP_OR)
        self.enquire = xapian.Enquire(self.db)
        self.enquire.set_weighting_scheme(xapian.BM25Weight())

    def search(self, question: str, k: int):
        text = normalize(question)
        if not text.strip():
            return []
        # FLAG_DEFAULT without boolean operators: a question's words are words, never AND/OR/NOT syntax.
        query = self.parser.parse_query(text, 0)
        self.enquire.set_query(query)
        return [(m.document.get_data().decode(), m.weight) for m in self.enquire.get_mset(0, k)]

    def size_bytes(self) -> int:
        return sum(f.stat().st_size for f in self.path.rglob("*") if f.is_file())


# --------------------------------------------------------------------------------------------------------------------
# Data

def read_corpus(path: Path):
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            article = json.loads(line)
            yield str(article.get("id") or f"line{number}"), article.get("title") or "", article.get("body") or ""


def title_questions(path: Path, count: int) -> list[str]:
    """Distinct titles of evenly spaced articles, cut to 12 words (what `qabot bench query` draws from its index)."""
    titles, seen = [], set()
    for _, title, _ in read_corpus(path):
        question = " ".join(title.split()[:12])
        if question and question not in seen:
            seen.add(question)
            titles.append(question)
    stride = max(1.0, len(titles) / count)
    return [titles[int(i * stride)] for i in range(min(count, len(titles)))]


def read_xquad(folder: Path):
    """The 240 Arabic paragraphs as documents; each Arabic question and its English twin, with the gold paragraph."""
    arabic = json.loads((folder / "xquad.ar.json").read_text(encoding="utf-8"))["data"]
    english = json.loads((folder / "xquad.en.json").read_text(encoding="utf-8"))["data"]
    english_by_id = {q["id"]: q["question"] for t in english for p in t["paragraphs"] for q in p["qas"]}
    docs, questions = [], {"ar→ar": [], "en→ar": []}
    for t, article in enumerate(arabic, 1):
        for p, paragraph in enumerate(article["paragraphs"], 1):
            doc_id = f"xquad-{t:02}-{p}"
            docs.append((doc_id, "", paragraph["context"]))
            for qa in paragraph["qas"]:
                questions["ar→ar"].append((qa["question"], doc_id))
                if qa["id"] in english_by_id:
                    questions["en→ar"].append((english_by_id[qa["id"]], doc_id))
    return docs, questions


def recall(peer, questions, depth: int = 50):
    """Recall@1 and @5 of the gold document; documents scoring the same as the gold rank ahead of it."""
    at1 = at5 = 0
    for question, gold in questions:
        hits = peer.search(question, depth)
        gold_score = next((s for d, s in hits if d == gold), None)
        if gold_score is None:
            continue
        rank = 1 + sum(1 for d, s in hits if d != gold and s >= gold_score)
        at1 += rank <= 1
        at5 += rank <= 5
    return at1 / len(questions), at5 / len(questions)


# --------------------------------------------------------------------------------------------------------------------
# Measurement helpers

def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def self_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def percentile(values, p):
    ordered = sorted(values)
    rank = p / 100 * (len(ordered) - 1)
    low, high = int(rank), min(int(rank) + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def load_average() -> float | None:
    try:
        return os.getloadavg()[0]
    except OSError:
        return None


def dir_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def run(command, **kwargs):
    return subprocess.run(command, check=False, text=True, **kwargs)


def log(message: str) -> None:
    print(f"bench-peers: {message}", file=sys.stderr, flush=True)


# --------------------------------------------------------------------------------------------------------------------

def peer_ingest(peer, corpus: Path):
    wall, cpu = time.perf_counter(), self_cpu()
    peer.build(read_corpus(corpus))
    return time.perf_counter() - wall, self_cpu() - cpu


def peer_first_pass(peer, warmup, timed):
    """A fresh open of the index, the warm-up questions untimed, then each timed question once."""
    peer.open()
    for question in warmup:
        peer.search(question, 10)
    times = []
    for question in timed:
        clock = time.perf_counter()
        peer.search(question, 10)
        times.append((time.perf_counter() - clock) * 1000)
    return percentile(times, 50), percentile(times, 99)


def qabot_ingest(qabot: list[str], corpus: Path, data: Path):
    if data.exists():
        shutil.rmtree(data)
    wall, cpu = time.perf_counter(), children_cpu()
    result = run([*qabot, "--data-dir", str(data), "ingest", str(corpus)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed, used = time.perf_counter() - wall, children_cpu() - cpu
    # 3 = a partial ingest: the ANT corpus has two articles with no body, reported and skipped.
    if result.returncode not in (0, 3):
        raise SystemExit(f"qabot ingest failed ({result.returncode}): {result.stderr.strip()[-500:]}")
    return elapsed, used


def qabot_first_pass(qabot: list[str], data: Path, questions_file: Path, warmup: int, timed: int, work: Path):
    report = work / "qabot-bench-query.json"
    result = run([*qabot, "--data-dir", str(data), "bench", "query", "--questions-file", str(questions_file), "--clients", "1",
                  "--warmup", str(warmup), "--queries", str(timed), "--no-docs", "--out", str(report)],
                 stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if result.returncode != 0:
        raise SystemExit(f"qabot bench query failed ({result.returncode}): {result.stderr.strip()[-500:]}")
    first = json.loads(report.read_text(encoding="utf-8"))["loads"][0]["firstPass"]
    return first["p50Ms"], first["p99Ms"]


def qabot_xquad(qabot: list[str], xquad: Path, work: Path):
    report = work / "qabot-eval-xquad.json"
    result = run([*qabot, "eval", str(xquad), "--config", "current", "--no-docs", "--out", str(report)],
                 stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if result.returncode != 0:
        raise SystemExit(f"qabot eval failed ({result.returncode}): {result.stderr.strip()[-500:]}")
    groups = {g["group"]: g["retrieval"] for g in json.loads(report.read_text(encoding="utf-8"))["configurations"][0]["groups"] if g.get("retrieval")}
    return {name: (groups[name]["recallAt1"], groups[name]["recallAt5"]) for name in ("ar→ar", "en→ar")}


def main() -> int:
    root = Path(__file__).resolve().parent.parent
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=root.parent / "shared/corpora/ant-multisource-news.jsonl.gz")
    parser.add_argument("--xquad", type=Path, default=root.parent / "shared/eval/xquad")
    parser.add_argument("--qabot", default=str(root / "qabot"), help="the QABot launcher (default: this checkout's ./qabot)")
    parser.add_argument("--runs", type=int, default=3, help="ingest and first-pass runs per system, alternated; medians are reported")
    parser.add_argument("--questions", type=int, default=200, help="timed first-pass questions")
    parser.add_argument("--warmup", type=int, default=100, help="untimed warm-up questions (not among the timed ones)")
    parser.add_argument("--work", type=Path, help="scratch folder (default: a temporary one, removed afterwards)")
    parser.add_argument("--docs", type=Path, default=root / "docs/benchmarks.md", help="the page whose bench-peers section is rewritten")
    parser.add_argument("--no-docs", action="store_true", help="print the section without touching the page")
    args = parser.parse_args()
    for path in (args.corpus, args.xquad):
        if not path.exists():
            raise SystemExit(f"bench-peers: not found: {path}")
    if args.runs < 1 or args.questions < 1 or args.warmup < 0:
        raise SystemExit("bench-peers: --runs and --questions must be at least 1, --warmup at least 0")

    started, load = dt.datetime.now(), load_average()
    work = args.work or Path(tempfile.mkdtemp(prefix="qabot-peers-"))
    work.mkdir(parents=True, exist_ok=True)
    qabot = [args.qabot]
    try:
        log("building QABot if needed (./qabot --version)")
        run([*qabot, "--version"], stdout=subprocess.DEVNULL)

        pool = title_questions(args.corpus, args.warmup + args.questions)
        warmup, timed = pool[:args.warmup], pool[args.warmup:]
        questions_file = work / "questions.txt"
        questions_file.write_text("\n".join(pool) + "\n", encoding="utf-8")

        peers = [Fts5Peer(work / "fts5.sqlite"), XapianPeer(work / "xapian")]
        names = ["QABot"] + [p.name for p in peers]
        ingest = {n: [] for n in names}
        first = {n: [] for n in names}
        size = {}
        qabot_data = work / "qabot-data"
        for run_number in range(1, args.runs + 1):
            log(f"round {run_number}/{args.runs}: ingest {args.corpus.name} into QABot")
            ingest["QABot"].append(qabot_ingest(qabot, args.corpus, qabot_data))
            size["QABot"] = dir_size(qabot_data)
            first["QABot"].append(qabot_first_pass(qabot, qabot_data, questions_file, len(warmup), len(timed), work))
            for peer in peers:
                log(f"round {run_number}/{args.runs}: ingest into {peer.name}")
                ingest[peer.name].append(peer_ingest(peer, args.corpus))
                size[peer.name] = peer.size_bytes()
                first[peer.name].append(peer_first_pass(peer, warmup, timed))

        log("XQuAD (1,190 questions, ar→ar and en→ar) with QABot, FTS5 and Xapian")
        xquad = {"QABot": qabot_xquad(qabot, args.xquad, work)}
        docs, questions = read_xquad(args.xquad)
        for peer in [Fts5Peer(work / "xquad-fts5.sqlite"), XapianPeer(work / "xquad-xapian")]:
            peer.build(docs)
            peer.open()
            xquad[peer.name] = {group: recall(peer, qs) for group, qs in questions.items()}
        question_counts = {group: len(qs) for group, qs in questions.items()}
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)

    section = render(args, started, load, names, ingest, first, size, xquad, question_counts, len(warmup), len(timed))
    print(section)
    if not args.no_docs:
        update_section(args.docs, "bench-peers", section)
        log(f"updated: {args.docs}")
    return 0


def render(args, started, load, names, ingest, first, size, xquad, counts, warmup, timed) -> str:
    median_wall = {n: statistics.median(w for w, _ in ingest[n]) for n in names}
    median_cpu = {n: statistics.median(c for _, c in ingest[n]) for n in names}
    p50 = {n: statistics.median(p for p, _ in first[n]) for n in names}
    p99 = {n: statistics.median(p for _, p in first[n]) for n in names}
    best = lambda values, high=True: (max if high else min)(values.values())

    def cell(value, text, values, high=True):
        return f"**{text}**" if value == best(values, high) else text

    rows = []
    for group in ("ar→ar", "en→ar"):
        at1 = {n: xquad[n][group][0] for n in names}
        at5 = {n: xquad[n][group][1] for n in names}
        rows.append([f"XQuAD {group} R@1 / R@5 ({counts[group]:,} q)"] +
                    [f"{cell(at1[n], f'{at1[n]:.3f}', at1)} / {cell(at5[n], f'{at5[n]:.3f}', at5)}" for n in names])
    rows.append([f"ingest of {args.corpus.name}, wall (CPU)"] +
                [f"{cell(median_wall[n], f'{median_wall[n]:.1f} s', median_wall, False)} ({median_cpu[n]:.1f} s)" for n in names])
    sizes = {n: size[n] / 1048576 for n in names}
    rows.append(["index size"] + [cell(sizes[n], f"{sizes[n]:.0f} MB", sizes, False) for n in names])
    rows.append([f"first pass p50 / p99 per question ({timed} q)"] +
                [f"{cell(p50[n], f'{p50[n]:.2f} ms', p50, False)} / {p99[n]:.2f} ms" for n in names])

    header = ["", *names]
    widths = [max(len(r[i]) for r in [header] + rows) for i in range(len(header))]
    line = lambda cells: "| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths)) + " |"
    table = "\n".join([line(header), "|" + "|".join("-" * (w + 2) if i == 0 else "-" * (w + 1) + ":" for i, w in enumerate(widths)) + "|"] + [line(r) for r in rows])

    ratio = median_wall["QABot"] / median_wall["SQLite FTS5"]
    command = "scripts/bench-peers.sh" + "".join(f" {a}" for a in sys.argv[1:])
    load_text = f", 1-minute load average {load:.1f} at the start (other work shares the machine)" if load is not None else ""
    return f"""### QABot beside Xapian and SQLite FTS5 (same data, one run)

```bash
{command}
```

Measured {started:%Y-%m-%d %H:%M} on {os.cpu_count()} logical processors{load_text}; {args.runs} alternating run(s) per system, medians.

{table}

| target | measured |
|---|---:|
| QABot ingest ≤ 0.7 × FTS5's time (same run) | {ratio:.2f} × {"met" if ratio <= 0.7 else "NOT met"} |

- **Peers' analysis.** Both peers get the same light Arabic normalization (diacritics and tatweel removed, أ/إ/آ/ٱ → ا,
  ى → ي, ة → ه, Latin lower-cased) and the same {len(STOP_WORDS)}-word Arabic stop list (`scripts/bench_peers.py`), removed
  from queries. **Xapian** 1.4 indexes with its Arabic Snowball stemmer (STEM_SOME) and the stop list, title words at
  weight 2, and ranks with BM25; the query is every question word OR-ed. **SQLite FTS5** uses the `unicode61
  remove_diacritics 2` tokenizer and `bm25()` with the title column weighted 1.5 (QABot's title boost), the question's
  words OR-ed; the bulk load runs in one transaction without journal or fsync, and the index is optimized (merged)
  inside the timed ingest.
- **QABot** runs as shipped: `./qabot ingest` (chunking, hashing and dedup, stored article text, Arabic analysis with
  light stemming on 2 cores), `./qabot bench query --questions-file` for latency (the whole answer: planning, search,
  extraction and citation), `./qabot eval` for XQuAD. The peers' latency is their search alone (top 10 ids).
- **First pass.** The same {timed} article titles (cut to 12 words) for all three, each asked once in a process that has
  just answered {warmup} other, untimed titles; nobody replays a question.
- **XQuAD.** The 240 Arabic paragraphs are the documents; Arabic questions and their English twins are asked against
  them; a document that scores the same as the gold ranks ahead of it. The peers have no translation: an English
  question reaches them with its own words (names and numbers written in Latin letters are all they can match).
- **Ingest** is wall time, with CPU (user + system) in parentheses: QABot analyses on both cores, the peers on one.
"""


def update_section(path: Path, key: str, content: str) -> None:
    """The same marker convention as the `qabot eval|bench` sections: only this section is rewritten."""
    begin, end = f"<!-- begin:{key} -->", f"<!-- end:{key} -->"
    block = f"{begin}\n{content.rstrip()}\n{end}"
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    if begin in text:
        start = text.index(begin)
        stop = text.index(end, start) + len(end)
        text = text[:start] + block + text[stop:]
    else:
        text = text.rstrip() + "\n\n" + block + "\n"
    path.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
