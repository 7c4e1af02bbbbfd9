#!/usr/bin/env python3
"""Pearson correlation of stance's article-level `sentiment` with the human
ratings of VADER's four ground-truth sets (Hutto & Gilbert, ICWSM 2014:
tweets, NYT editorial snippets, movie-review and Amazon-review snippets),
each sentence scored as one article, next to VADER's own compound score.

The sets ship in the PyPI source package vaderSentiment 3.3.2 (MIT licence);
this script downloads it into a temporary folder with pip (nothing is copied
into the project) and installs vaderSentiment for the comparison column.
Usage: scripts/vader_sets.py [path/to/stance]
"""
import csv, glob, json, math, os, subprocess, sys, tarfile, tempfile

here = os.path.dirname(os.path.abspath(__file__))
binary = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "target", "release", "stance")
work = tempfile.mkdtemp(prefix="vader-sets-")
pip = [sys.executable, "-m", "pip", "-q"]
if subprocess.run(pip + ["download", "--no-deps", "--no-binary", ":all:", "vaderSentiment==3.3.2", "-d", work]).returncode:
    print("skip: could not download vaderSentiment 3.3.2 from PyPI")
    sys.exit(0)
subprocess.run(pip + ["install", "--no-deps", "vaderSentiment==3.3.2"], check=False)
try:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    vader = SentimentIntensityAnalyzer()
except ImportError:
    vader = None
with tarfile.open(glob.glob(os.path.join(work, "vaderSentiment-*.tar.gz"))[0]) as t:
    t.extractall(work)
inner = glob.glob(os.path.join(work, "*", "additional_resources", "hutto_ICWSM_2014.tar.gz"))[0]
with tarfile.open(inner) as t:
    t.extractall(work)


def pearson(xs, ys):
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    cov = sum((x - mx) * (y - my) for x, y in zip(xs, ys))
    vx = math.sqrt(sum((x - mx) ** 2 for x in xs))
    vy = math.sqrt(sum((y - my) ** 2 for y in ys))
    return cov / (vx * vy) if vx and vy else 0.0


for name in ["tweets", "nytEditorialSnippets", "movieReviewSnippets", "amazonReviewSnippets"]:
    path = glob.glob(os.path.join(work, "**", f"{name}_GroundTruth.txt"), recursive=True)[0]
    rows = []
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 3:
                rows.append((float(parts[1]), "\t".join(parts[2:])))
    with tempfile.TemporaryDirectory() as d:
        inp = os.path.join(d, "in.jsonl")
        with open(inp, "w", encoding="utf-8") as f:
            for i, (_, text) in enumerate(rows):
                f.write(json.dumps({"id": f"s{i}", "text": text}) + "\n")
        out = os.path.join(d, "out")
        subprocess.run([binary, "score", "--quiet", "--no-article-files", "--out", out, inp], check=False)
        with open(os.path.join(out, "articles.csv"), encoding="utf-8") as f:
            pred = {r["article_id"]: float(r["sentiment"] or 0) for r in csv.DictReader(f)}
    ours = pearson([pred.get(f"s{i}", 0.0) for i in range(len(rows))], [g for g, _ in rows])
    theirs = pearson([vader.polarity_scores(t)["compound"] for _, t in rows], [g for g, _ in rows]) if vader else float("nan")
    print(f"{name}: {len(rows)} texts, stance r = {ours:.3f}, VADER 3.3.2 r = {theirs:.3f}")
