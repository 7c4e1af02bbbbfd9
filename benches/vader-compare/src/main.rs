//! Score every sentence of a JSONL corpus with the `vader_sentiment` crate,
//! writing one CSV line per sentence: the comparison point for stance's
//! throughput. Usage: vader-compare INPUT.jsonl [THREADS] > out.csv
//! The corpus is read whole, as that crate's typical use does.

use std::io::{BufWriter, Write};

use rayon::prelude::*;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let input = std::fs::read_to_string(&args[1]).expect("read input");
    let threads: usize = args.get(2).and_then(|t| t.parse().ok()).unwrap_or(1);
    rayon::ThreadPoolBuilder::new().num_threads(threads).build_global().unwrap();
    let analyzer = vader_sentiment::SentimentIntensityAnalyzer::new();
    let lines: Vec<&str> = input.lines().collect();
    let out: Vec<String> = lines
        .par_iter()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap_or_default();
            let id = v["id"].as_str().unwrap_or("").to_string();
            let text = v["text"].as_str().unwrap_or("");
            let mut s = String::new();
            for (i, sent) in text.split_inclusive(['.', '!', '?', '\n']).enumerate() {
                if sent.trim().is_empty() {
                    continue;
                }
                let p = analyzer.polarity_scores(sent);
                s.push_str(&format!("{id},{i},{:.4}\n", p["compound"]));
            }
            s
        })
        .collect();
    let mut w = BufWriter::new(std::io::stdout().lock());
    for s in out {
        w.write_all(s.as_bytes()).unwrap();
    }
}
