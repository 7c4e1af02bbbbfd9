//! `stance eval`: measure the engine on annotated articles.
//!
//! Usage: stance eval [--per-article] [--oracle] [--show-errors] [--confusion] <GOLD.jsonl>
//!
//! Prints the figures of ../shared/gold/SPEC.md: precision, recall, F1,
//! speaker accuracy, strict F1, tone exact and tone direction. `--oracle`
//! also scores each gold statement's content on its own, so tone quality is
//! measured without attribution errors.

use std::io::BufRead;
use std::path::PathBuf;

use stance::gold::{
    Counts, GoldArticle, PolnearArticle, PolnearCounts, TONES, analyse_gold, compare,
    compare_polnear, oracle,
};

use super::LexiconArgs;

/// Measure attribution and tone against annotated articles (SPEC.md format).
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Annotated articles, one JSON object per line.
    #[arg(value_name = "GOLD.jsonl")]
    pub gold: PathBuf,
    /// Also print the figures of each article.
    #[arg(long)]
    pub per_article: bool,
    /// Also score the gold contents directly (tone without attribution).
    #[arg(long)]
    pub oracle: bool,
    /// List missed, spurious and wrongly attributed statements.
    #[arg(long)]
    pub show_errors: bool,
    /// Also print the tone confusion table (gold tone by predicted label).
    #[arg(long)]
    pub confusion: bool,
    #[command(flatten)]
    pub lex: LexiconArgs,
}

fn line(name: &str, c: &Counts) {
    println!(
        "{name:<32} P {:.3}  R {:.3}  F1 {:.3}  speaker {:.3}  strict F1 {:.3}  tone exact {:.3}  tone direction {:.3}  (gold {}, pred {}, pairs {})",
        c.precision(),
        c.recall(),
        c.f1_score(),
        c.speaker_accuracy(),
        c.strict_f1(),
        c.tone_exact(),
        c.tone_direction(),
        c.gold,
        c.pred,
        c.pairs
    );
}

/// The tone confusion table: one row per gold tone, one column per label.
fn confusion(name: &str, c: &Counts) {
    println!("{name} tone (rows gold, columns predicted):");
    println!(
        "  {:<10} {:>10} {:>10} {:>10} {:>10}   {:>8}",
        "", "optimistic", "cautious", "mixed", "neutral", "(no cue)"
    );
    for ((t, row), none) in TONES.iter().zip(&c.confusion).zip(&c.no_cue) {
        println!(
            "  {t:<10} {:>10} {:>10} {:>10} {:>10}   {:>8}",
            row[0], row[1], row[2], row[3], none
        );
    }
}

pub fn run(a: Args) -> u8 {
    let lx = match a.lex.load() {
        Ok(l) => l,
        Err(c) => return c,
    };
    let f = match std::fs::File::open(&a.gold) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("stance: cannot open {}: {e}", a.gold.display());
            return 2;
        }
    };
    let mut total = Counts::default();
    let mut total_oracle = Counts::default();
    let mut n = 0;
    let mut polnear = PolnearCounts::default();
    for (i, l) in std::io::BufReader::new(f).lines().enumerate() {
        let Ok(l) = l else {
            eprintln!("stance: {}:{}: unreadable line", a.gold.display(), i + 1);
            return 2;
        };
        if l.trim().is_empty() {
            continue;
        }
        if l.contains("\"quotes\"") && !l.contains("\"statements\"") {
            // PolNeAR format
            let g: PolnearArticle = match serde_json::from_str(&l) {
                Ok(g) => g,
                Err(e) => {
                    eprintln!(
                        "stance: {}:{}: not a PolNeAR article: {e}",
                        a.gold.display(),
                        i + 1
                    );
                    return 2;
                }
            };
            n += 1;
            let an = stance::analyze::analyze(&g.text, lx);
            let c = compare_polnear(&g, &an, a.show_errors);
            if a.per_article {
                println!(
                    "{}: quoted found {}/{} right {}/{}; statements matched {}/{}",
                    g.id,
                    c.quoted_found,
                    c.quoted,
                    c.quoted_right,
                    c.quoted_with_source,
                    c.pred_matched,
                    c.pred
                );
            }
            polnear.add(&c);
            continue;
        }
        let g: GoldArticle = match serde_json::from_str(&l) {
            Ok(g) => g,
            Err(e) => {
                eprintln!(
                    "stance: {}:{}: not a gold article: {e}",
                    a.gold.display(),
                    i + 1
                );
                return 2;
            }
        };
        n += 1;
        let an = analyse_gold(&g, lx);
        let (c, details) = compare(&g, &an);
        total.add(&c);
        if a.oracle {
            total_oracle.add(&oracle(&g, lx));
        }
        if a.per_article {
            line(&g.id, &c);
        }
        if a.show_errors {
            let paired_g: Vec<usize> = details.iter().map(|d| d.gold).collect();
            let paired_p: Vec<usize> = details.iter().map(|d| d.pred).collect();
            for (gi, s) in g.statements.iter().enumerate() {
                if !paired_g.contains(&gi) {
                    println!("  MISS [{}] {} | {}", g.id, s.speaker, s.content);
                }
            }
            for (pi, s) in an.statements.iter().enumerate() {
                if !paired_p.contains(&pi) {
                    println!(
                        "  SPURIOUS [{}] {} ({}) | {}",
                        g.id,
                        s.speaker,
                        s.mention,
                        an.doc.slice(s.content)
                    );
                }
            }
            for d in &details {
                let gs = &g.statements[d.gold];
                let ps = &an.statements[d.pred];
                if !d.speaker_ok {
                    println!(
                        "  SPEAKER [{}] gold {} / got {} ({}) | {}",
                        g.id, gs.speaker, ps.speaker, ps.mention, gs.content
                    );
                }
                let label = ps.score.label().as_str();
                let want = match gs.tone.as_str() {
                    "optimism" => "optimistic",
                    "caution" => "cautious",
                    x => x,
                };
                if label != want {
                    println!(
                        "  TONE [{}] gold {} / got {} ({}) | {}",
                        g.id,
                        want,
                        label,
                        ps.score.cues_field(),
                        gs.content
                    );
                }
            }
        }
    }
    println!("{n} articles");
    if polnear.all > 0 {
        let r = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let p = &polnear;
        println!(
            "quoted attributions (direct+mixed): {}  found {:.3}  found with right source {:.3} (of {} with a source; {:.3} comparing with the source's head before a comma)",
            p.quoted,
            r(p.quoted_found, p.quoted),
            r(p.quoted_right, p.quoted_with_source),
            p.quoted_with_source,
            r(p.quoted_right_head, p.quoted_with_source)
        );
        println!(
            "all attributions: {}  found {:.3}  found with right source {:.3} (of {} with a source)",
            p.all,
            r(p.all_found, p.all),
            r(p.all_right, p.all_with_source),
            p.all_with_source
        );
        println!(
            "statements: {}  matching an attribution {:.3}",
            p.pred,
            r(p.pred_matched, p.pred)
        );
        if total.gold == 0 {
            return 0;
        }
    }
    line("overall", &total);
    if a.oracle {
        line("oracle (gold contents)", &total_oracle);
    }
    if a.confusion {
        confusion("overall", &total);
        if a.oracle {
            confusion("oracle", &total_oracle);
        }
    }
    0
}
