#!/usr/bin/env python3
"""Pearson correlation of stance's article-level `sentiment` with the human
ratings of the VADER NYT editorial snippets (../shared/data/vader-nyt/).

Each sentence is scored as one article. Skips with a message when the data
is absent. Usage: scripts/vader_nyt.py [path/to/stance]
"""
import csv, json, math, os, subprocess, sys, tempfile

here = os.path.dirname(os.path.abspath(__file__))
data = os.path.join(here, "..", "..", "shared", "data", "vader-nyt", "nytEditorialSnippets_GroundTruth.txt")
if not os.path.exists(data):
    print(f"skip: {data} not found")
    sys.exit(0)
binary = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "target", "release", "stance")
rows = []
with open(data, encoding="utf-8", errors="replace") as f:
    for line in f:
        parts = line.rstrip("\n").split("\t")
        if len(parts) >= 3:
            rows.append((parts[0], float(parts[1]), "\t".join(parts[2:])))
with tempfile.TemporaryDirectory() as d:
    inp = os.path.join(d, "nyt.jsonl")
    with open(inp, "w", encoding="utf-8") as f:
        for i, (sid, _, text) in enumerate(rows):
            f.write(json.dumps({"id": f"s{i}", "text": text}) + "\n")
    out = os.path.join(d, "out")
    subprocess.run([binary, "score", "--quiet", "--no-article-files", "--out", out, inp], check=False)
    pred = {}
    with open(os.path.join(out, "articles.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            pred[r["article_id"]] = float(r["sentiment"] or 0)
xs = [pred[f"s{i}"] for i in range(len(rows))]
ys = [r[1] for r in rows]
n = len(xs)
mx, my = sum(xs) / n, sum(ys) / n
cov = sum((x - mx) * (y - my) for x, y in zip(xs, ys))
vx = math.sqrt(sum((x - mx) ** 2 for x in xs))
vy = math.sqrt(sum((y - my) ** 2 for y in ys))
r = cov / (vx * vy) if vx and vy else 0.0
print(f"vader-nyt: {n} sentences, Pearson r = {r:.3f} (VADER 3.3.2: 0.503)")
