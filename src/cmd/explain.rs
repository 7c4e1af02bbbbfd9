//! `stance explain`: a readable account of one article.
//!
//! Usage: stance explain <TEXT> | stance explain --file F
//!
//! Prints the sentences, each statement with its speaker and how the speaker
//! was found (name, alias, pronoun, description, ...), the matched cues with
//! their weights and the rules applied to them, and the scores.

use std::path::PathBuf;

use stance::analyze::analyze;
use stance::input::decode;
use stance::tone::{self, Score};

use super::LexiconArgs;

/// Show how one article is read and scored, step by step.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The article text (or use --file).
    #[arg(value_name = "TEXT", required_unless_present = "file")]
    pub text: Option<String>,
    /// Read the article from a file.
    #[arg(long, value_name = "F", conflicts_with = "text")]
    pub file: Option<PathBuf>,
    #[command(flatten)]
    pub lex: LexiconArgs,
}

fn print_score(s: &Score, indent: &str) {
    for h in &s.hits {
        let steps = if h.steps.is_empty() {
            String::new()
        } else {
            format!("  [{}]", h.steps.join("; "))
        };
        println!(
            "{indent}cue {:?}: weight {:+.2} -> {:+.2}{steps}",
            h.text, h.base, h.contribution
        );
    }
    println!(
        "{indent}optimism {:.4}  caution {:.4}  stance {:+.4}  sentiment {:+.4}  label {}",
        s.optimism,
        s.caution,
        s.stance,
        s.sentiment,
        s.label().as_str()
    );
}

pub fn run(a: Args) -> u8 {
    let lx = match a.lex.load() {
        Ok(l) => l,
        Err(c) => return c,
    };
    let text = match (&a.text, &a.file) {
        (Some(t), _) => t.clone(),
        (None, Some(f)) => match std::fs::read(f)
            .map_err(|e| e.to_string())
            .and_then(|b| decode(&b))
        {
            Ok((t, _)) => t,
            Err(e) => {
                eprintln!("stance: cannot read {}: {e}", f.display());
                return 2;
            }
        },
        _ => return 2,
    };
    let an = analyze(&text, lx);
    let doc = &an.doc;
    println!("== {} sentences", doc.sentences.len());
    for (i, s) in doc.sentences.iter().enumerate() {
        let kind = format!("{:?}", doc.paragraphs[s.paragraph].kind).to_lowercase();
        println!(
            "[{i}] ({kind}, paragraph {}) {}",
            s.paragraph,
            doc.slice(s.span)
        );
    }
    println!("\n== {} statements", an.statements.len());
    for (i, st) in an.statements.iter().enumerate() {
        println!(
            "#{} [{}] {} ({}{}) via {:?} found by {}, cue {:?}, chars {}..{}",
            i + 1,
            st.kind.as_str(),
            st.speaker,
            st.speaker_type.as_str(),
            if st.speaker_title.is_empty() {
                String::new()
            } else {
                format!(", {}", st.speaker_title)
            },
            st.mention,
            st.found.as_str(),
            st.cue,
            st.start,
            st.end
        );
        println!("    \"{}\"", doc.slice(st.content));
        print_score(&st.score, "    ");
    }
    println!("\n== whole article (mean over sentences)");
    println!(
        "    optimism {:.4}  caution {:.4}  stance {:+.4}  sentiment {:+.4}",
        an.article.optimism, an.article.caution, an.article.stance, an.article.sentiment
    );
    println!("\n== rules and constants (src/tone.rs)");
    println!(
        "    negation window {} words; negated optimism x{}, negated caution x{}; hedge damping {}; conditional x{}; contrast before x{} after x{}; question x{} +{} caution; sentiment spill {}; saturation {}; mixed when both >= {} and ratio >= {}; label threshold {}; expectation {} (turned round after {:?} within {} words before \"than\"); commitment {}; X, not Y +{} to the weaker side (at most x{} of the gap); turn +{} to the other side after a contrast followed by >= {} words; open question after {:?} x{}; doubted optimism x{} after a caution cue and {:?}; quantity {} (the quantity within {} words after its change word, {} before); overcome x-{}; negated belief: negator within {} words before the verb; \"no\" reaches over {} words and auxiliaries; reporting verb x{}, the other side x{}; denial {}; failing: optimism x{} as the subject of a caution cue within {} words",
        tone::NEGATION_WINDOW,
        tone::NEGATED_OPTIMISM,
        tone::NEGATED_CAUTION,
        tone::HEDGE_DAMPING,
        tone::CONDITIONAL_SCALE,
        tone::CONTRAST_BEFORE,
        tone::CONTRAST_AFTER,
        tone::QUESTION_DAMPING,
        tone::QUESTION_CAUTION,
        tone::SENTIMENT_SPILL,
        tone::SATURATION,
        tone::MIXED_MIN,
        tone::MIXED_RATIO,
        tone::LABEL_MIN,
        tone::EXPECTATION_WEIGHT,
        tone::EXPECT_MORE,
        tone::EXPECT_MORE_WINDOW,
        tone::COMMITMENT_WEIGHT,
        tone::NOT_CONTRAST_WEIGHT,
        tone::NOT_CONTRAST_CAP,
        tone::CONTRAST_TURN_WEIGHT,
        tone::TURN_MIN_WORDS,
        tone::OPEN_QUESTION_WORDS,
        tone::OPEN_QUESTION_SCALE,
        tone::DOUBTED_OPTIMISM,
        tone::DOUBT_COMPLEMENT,
        tone::QUANTITY_WEIGHT,
        tone::QUANTITY_WINDOW,
        tone::QUANTITY_SUBJECT_WINDOW,
        tone::OVERCOME_SCALE,
        tone::BELIEF_NEGATION_WINDOW,
        tone::NO_SUBJECT_WORDS,
        tone::FRAME_SCALE,
        tone::FRAME_OTHER_SIDE,
        tone::DENIAL_CAUTION,
        tone::FAILING_SCALE,
        tone::FAILING_WINDOW
    );
    0
}
