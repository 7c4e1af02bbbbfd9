//! Tone of each gold statement, scored on its own content (as `eval --oracle`),
//! for reading the errors of a tuning set:
//!
//!     cargo run --release --example tone_oracle -- tests/fixtures/tone_dev.jsonl [LEXICON_DIR] [--all]
//!
//! Prints one line per wrong label: gold, got, stance and the cues.
//! Only for your own tuning sets: the held-out sets are for aggregates only.

use stance::gold::GoldArticle;
use stance::lexicons::Lexicons;
use stance::tone::{self, Label};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let all = args.iter().any(|a| a == "--all");
    let pos: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    let lx = match pos.get(1) {
        Some(d) => Lexicons::from_dir(std::path::Path::new(d.as_str())).unwrap(),
        None => Lexicons::built_in().unwrap(),
    };
    let text = std::fs::read_to_string(pos[0]).unwrap();
    let (mut n, mut right) = (0, 0);
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let g: GoldArticle = serde_json::from_str(line).unwrap();
        let doc = stance::text::parse(g.text.clone());
        let prep = tone::prepare(&doc, &lx);
        for s in &g.statements {
            let Some(at) = g.text.find(&s.content) else {
                continue;
            };
            let sc = tone::score_span(
                &doc,
                &lx,
                &prep,
                stance::document::Span::new(at, at + s.content.len()),
            );
            let got = match sc.label() {
                Label::Optimistic => "optimism",
                Label::Cautious => "caution",
                Label::Mixed => "mixed",
                Label::Neutral => "neutral",
            };
            n += 1;
            if got == s.tone {
                right += 1;
            }
            if got != s.tone || all {
                println!(
                    "{:<8} {:<8} {:+.2}  {}  [{}]",
                    s.tone,
                    got,
                    sc.stance,
                    s.content,
                    sc.cues_field()
                );
            }
        }
    }
    println!("{right}/{n} exact");
}
